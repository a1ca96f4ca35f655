"""DOCX -> paragraphs and tables in document order.

The body's XML children are walked directly, because python-docx's ``paragraphs`` and
``tables`` lists lose the order between them. Merged cells are rebuilt from the cell
XML (``w:gridSpan`` for columns, ``w:vMerge`` restart/continue for rows): python-docx
repeats one ``_tc`` object in every grid slot a merged cell covers, and reading that
``_tc``'s own span attributes gives ONE Cell with rowspan/colspan, its text written once.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass, field
from typing import Any

from ..errors import CorruptFile
from .layout import CellSpec, RawTextBuilder

LOGGER = logging.getLogger(__name__)

# Word tables have at most 63 columns; a gridSpan of 10**9 is junk that would build a huge grid.
MAX_GRID_SPAN = 1000


@dataclass(slots=True)
class DocxResult:
    raw_text: str
    tables: list
    front_matter: dict[str, Any] = field(default_factory=dict)


def read_docx(data: bytes) -> DocxResult:
    """Paragraph lines and tab-separated tables in body order; core properties as front matter."""
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as e:  # noqa: BLE001 - python-docx/lxml raise many types for broken packages
        raise CorruptFile(f"corrupt DOCX: {type(e).__name__}: {e}") from e
    builder = RawTextBuilder()
    _write_blocks(document.element.body, builder)
    return DocxResult(raw_text=builder.text(), tables=builder.tables, front_matter=_core_properties(document))


def _tag(element: Any) -> str:
    """Local name of an OOXML element: '{ns}p' -> 'p'."""
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _write_blocks(container: Any, builder: RawTextBuilder) -> None:
    for child in container.iterchildren():
        name = _tag(child)
        if name == "p":
            builder.add_line(_paragraph_text(child))
        elif name == "tbl":
            builder.add_table(_table_specs(child))
        elif name in ("sdt", "sdtContent", "customXml", "ins", "smartTag"):
            _write_blocks(child, builder)


def _paragraph_text(p: Any) -> str:
    from docx.text.paragraph import Paragraph

    return Paragraph(p, None).text


def _table_specs(tbl: Any) -> list[CellSpec]:
    """Anchor cells of a w:tbl; vMerge continuations extend the anchor above them."""
    specs: list[CellSpec] = []
    anchor_at: dict[int, CellSpec] = {}  # grid column -> last anchor starting there
    for r, tr in enumerate(_children(tbl, "tr")):
        col = _grid_before(tr)
        for tc in _children(tr, "tc"):
            span = _grid_span(tc)
            above = anchor_at.get(col)
            if _v_merge(tc) == "continue" and above is not None and above.row + above.rowspan == r:
                above.rowspan += 1
            else:
                spec = CellSpec(row=r, col=col, text=_cell_text(tc), colspan=span)
                specs.append(spec)
                anchor_at[col] = spec
            col += span
    return specs


def _grid_span(tc: Any) -> int:
    """A cell's w:gridSpan, 1 when missing or not a number, clipped to :data:`MAX_GRID_SPAN`."""
    try:
        span = int(tc.grid_span or 1)
    except (ValueError, TypeError, OverflowError):  # python-docx raises for "x" or "1e9"
        return 1
    return min(max(span, 1), MAX_GRID_SPAN)


def _v_merge(tc: Any) -> str | None:
    try:
        return tc.vMerge
    except (ValueError, TypeError):  # a vMerge value outside the schema's enumeration
        return None


def _children(element: Any, name: str) -> list[Any]:
    """Direct children named ``name``, looking through content controls (w:sdt)."""
    out: list[Any] = []
    for child in element.iterchildren():
        tag = _tag(child)
        if tag == name:
            out.append(child)
        elif tag in ("sdt", "sdtContent", "customXml"):
            out.extend(_children(child, name))
    return out


def _grid_before(tr: Any) -> int:
    """Leading grid columns a row skips (w:trPr/w:gridBefore)."""
    for pr in _children(tr, "trPr"):
        for child in pr.iterchildren():
            if _tag(child) == "gridBefore":
                val = next((v for k, v in child.attrib.items() if k.endswith("}val")), "0")
                return int(val) if str(val).isdigit() else 0
    return 0


def _cell_text(tc: Any) -> str:
    """A cell's paragraphs (and nested tables' text), one line each."""
    lines: list[str] = []
    for child in tc.iterchildren():
        name = _tag(child)
        if name == "p":
            lines.append(_paragraph_text(child))
        elif name == "tbl":
            for tr in _children(child, "tr"):
                lines.append(" ".join(_cell_text(inner) for inner in _children(tr, "tc")))
        elif name == "sdt":
            lines.append(_cell_text(child))
        elif name == "sdtContent":
            lines.append(_cell_text(child))
    return "\n".join(line for line in lines if line.strip())


def _core_properties(document: Any) -> dict[str, Any]:
    """Package properties, under their own names: a Word file's title and creation date are
    often a template's ("Microsoft Word - 文档1"), so they must not pose as the notice's."""
    props = document.core_properties
    out: dict[str, Any] = {}
    if props.title:
        out["core_title"] = props.title.strip()
    if props.created:
        out["created"] = props.created.date().isoformat()
    if props.author:
        out["author"] = props.author.strip()
    return out
