"""HTML pages (and HTML bodies of Markdown posts and crawler records) -> visible text.

Government portals put one notice inside navigation, share bars, footers and, often,
layout tables. We keep visible text only: chrome is dropped by tag and by class/id words
(``extract/data/ingest_html.yaml``), block elements end lines, and real data tables
(at least 2x2, not nesting other tables) become :class:`~extract.model.Table` with
rowspan/colspan expanded; layout tables are read as ordinary blocks.
"""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass, field
from typing import Any

from .layout import CellSpec, RawTextBuilder
from .vocab import load_yaml

LOGGER = logging.getLogger(__name__)

# A cell longer than this is page layout (a whole article in one <td>), not table data.
LAYOUT_CELL_CHARS = 3000
# rowspan/colspan above this are typos or "rowspan=9999" tricks; the grid is clipped anyway.
MAX_SPAN = 1000
# Deeper nesting than this is generated junk; we stop descending rather than recurse forever.
MAX_DEPTH = 400

_WS = re.compile(r"[ \t\r\n\f\v\u00a0\u200b]+")
# JSP / ASPX / ASP server directives left in saved templates: <%@ page ... %>, <% ... %>.
_SERVER_TAGS = re.compile(r"<%.*?%>", re.DOTALL)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_CLASS_SPLIT = re.compile(r"[\s_\-]+")
# <meta charset=gbk> or <meta http-equiv="Content-Type" content="text/html; charset=gb2312">
_META_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_\-]+)", re.IGNORECASE)
DECLARATION_WINDOW = 4096
# Any opening/closing tag of a common HTML element: <p>, </div>, <br/>, <table class=x>.
_HTML_TAG = re.compile(
    r"</?(?:p|div|br|span|table|tr|td|th|h[1-6]|ul|ol|li|img|a|strong|b|em|i|section|article"
    r"|blockquote|pre|font|center|html|body)\b[^>]*>",
    re.IGNORECASE,
)


@dataclass(slots=True)
class HtmlVocabulary:
    drop_tags: frozenset[str]
    page_chrome_tags: frozenset[str]
    chrome_tokens: frozenset[str]
    chrome_exact: frozenset[str]
    block_tags: frozenset[str]
    meta_fields: dict[str, list[str]] = field(default_factory=dict)


@functools.lru_cache(maxsize=1)
def vocabulary() -> HtmlVocabulary:
    raw = load_yaml("ingest_html.yaml")
    return HtmlVocabulary(
        drop_tags=frozenset(raw["drop_tags"]),
        page_chrome_tags=frozenset(raw["page_chrome_tags"]),
        chrome_tokens=frozenset(t.lower() for t in raw["chrome_tokens"]),
        chrome_exact=frozenset(t.lower() for t in raw["chrome_exact"]),
        block_tags=frozenset(raw["block_tags"]),
        meta_fields={k: [n.lower() for n in v] for k, v in raw["meta_fields"].items()},
    )


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first few KB, if any."""
    m = _META_CHARSET.search(data[:DECLARATION_WINDOW])
    return m.group(1).decode("ascii").lower() if m else None


def has_html_tags(text: str) -> bool:
    """True when a text body (Markdown post, crawler record) is really HTML."""
    return _HTML_TAG.search(text) is not None


@dataclass(slots=True)
class HtmlResult:
    raw_text: str
    tables: list
    front_matter: dict[str, Any]


def read_html(text: str) -> HtmlResult:
    """Visible text, data tables and meta fields of an HTML page or fragment."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(_SERVER_TAGS.sub("", text))
    front_matter = _meta_fields(tree)
    builder = RawTextBuilder()
    root = tree.body or tree.root
    if root is not None:
        _Walker(vocabulary(), builder).walk(root, depth=0, in_article=False)
    return HtmlResult(raw_text=builder.text(), tables=builder.tables, front_matter=front_matter)


def _meta_fields(tree: Any) -> dict[str, Any]:
    vocab = vocabulary()
    found: dict[str, str] = {}
    for meta in tree.css("meta"):
        attrs = meta.attributes
        name = (attrs.get("name") or attrs.get("property") or attrs.get("itemprop") or "").strip().lower()
        content = (attrs.get("content") or "").strip()
        if name and content:
            found.setdefault(name, content)
    out: dict[str, Any] = {}
    for key, names in vocab.meta_fields.items():
        for name in names:
            if name in found:
                out[key] = _WS.sub(" ", found[name]).strip()
                break
    title = tree.css_first("title")
    if title is not None:
        page_title = _WS.sub(" ", title.text() or "").strip()
        if page_title:
            out.setdefault("title", page_title)
            out["page_title"] = page_title
    return out


class _Walker:
    """Depth-first walk writing inline text and block boundaries into a builder."""

    def __init__(self, vocab: HtmlVocabulary, builder: RawTextBuilder) -> None:
        self.vocab = vocab
        self.builder = builder

    def walk(self, node: Any, *, depth: int, in_article: bool) -> None:
        if depth > MAX_DEPTH:  # keep the words below, flattened, rather than lose them
            self.builder.add_inline(_WS.sub(" ", node.text(deep=True) or ""))
            return
        for child in node.iter(include_text=True):
            self._visit(child, depth=depth + 1, in_article=in_article)

    def _visit(self, node: Any, *, depth: int, in_article: bool) -> None:
        tag = node.tag or "-"  # a processing instruction with no name ("<?d>") has tag None
        if tag == "-text":
            self.builder.add_inline(_WS.sub(" ", node.text(deep=False) or ""))
            return
        if tag.startswith("-") or self._is_dropped(node, in_article):
            return
        if tag == "br":
            self.builder.end_line()
            return
        if tag == "pre":
            self.builder.end_line()
            for line in (node.text() or "").splitlines():
                self.builder.add_line(_WS.sub(" ", line))
            return
        if tag == "table" and self._add_data_table(node, depth):
            return
        in_article = in_article or tag in ("article", "main")
        block = tag in self.vocab.block_tags
        if block:
            self.builder.end_line()
        self.walk(node, depth=depth, in_article=in_article)
        if block:
            self.builder.end_line()

    def _is_dropped(self, node: Any, in_article: bool) -> bool:
        tag = node.tag
        if tag in self.vocab.drop_tags:
            return True
        if tag in self.vocab.page_chrome_tags and not in_article:
            return True
        attrs = node.attributes
        if "hidden" in attrs or _HIDDEN_STYLE.search(attrs.get("style") or ""):
            return True
        words = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower()
        if any(word in self.vocab.chrome_exact for word in words.split()):
            return True
        return any(part in self.vocab.chrome_tokens for part in _CLASS_SPLIT.split(words) if part)

    # ---- tables

    def _add_data_table(self, table: Any, depth: int) -> bool:
        """Write ``table`` as a model Table if it holds data; False for layout tables."""
        if len(table.css("table")) > 1:  # css() includes the node itself: >1 means nesting
            return False
        rows = _rows(table)
        specs = self._cell_specs(rows, depth)
        n_rows = max((s.row + 1 for s in specs), default=0)
        n_cols = max((s.col + s.colspan for s in specs), default=0)
        if n_rows < 2 or n_cols < 2 or any(len(s.text) > LAYOUT_CELL_CHARS for s in specs):
            return False
        for spec in specs:  # rowspan=0 means "to the end of the table"; clip past the last row
            spec.rowspan = min(spec.rowspan or n_rows, n_rows - spec.row)
        caption = table.css_first("caption")
        title = _WS.sub(" ", caption.text() or "").strip() if caption is not None else None
        if title:
            self.builder.add_line(title)
        self.builder.add_table(specs, title=title or None)
        return True

    def _cell_specs(self, rows: list[Any], depth: int) -> list[CellSpec]:
        occupied: set[tuple[int, int]] = set()
        specs: list[CellSpec] = []
        for r, tr in enumerate(rows):
            c = 0
            for td in tr.iter():
                if td.tag not in ("td", "th") or self._is_dropped(td, True):
                    continue
                while (r, c) in occupied:
                    c += 1
                rowspan = _span_attr(td.attributes.get("rowspan"), default=1, allow_zero=True)
                colspan = _span_attr(td.attributes.get("colspan"), default=1, allow_zero=False)
                specs.append(CellSpec(row=r, col=c, text=self._cell_text(td, depth), rowspan=rowspan,
                                      colspan=colspan))
                for rr in range(r, r + max(rowspan, 1)):
                    for cc in range(c, c + colspan):
                        occupied.add((rr, cc))
                c += colspan
        return specs

    def _cell_text(self, td: Any, depth: int) -> str:
        sub = RawTextBuilder()
        _Walker(self.vocab, sub).walk(td, depth=depth, in_article=True)
        return sub.text()


def _rows(table: Any) -> list[Any]:
    rows: list[Any] = []
    for child in table.iter():
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in ("thead", "tbody", "tfoot"):
            rows.extend(gc for gc in child.iter() if gc.tag == "tr")
    return rows


def _span_attr(value: str | None, *, default: int, allow_zero: bool) -> int:
    m = re.match(r"\s*(\d+)", value or "")
    if not m:
        return default
    n = int(m.group(1))
    if n == 0:
        return 0 if allow_zero else default
    return min(n, MAX_SPAN)
