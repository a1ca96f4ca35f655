"""Structure: ``text`` + ``tables`` -> blocks with outline levels, tables with spans.

1. Native tables (ingest) get normalized spans and cell texts: each ``raw_span`` is mapped
   through the inverse of ``doc.offsets`` (bisect), and a title from the nearest short
   line above the table when ingest gave none.
2. Tables recovered from text layout (:mod:`.text_tables`) are appended.
3. ``doc.text`` is cut into blocks: one ``table`` block per table span, one block per
   remaining non-empty line (normalize has rejoined broken lines, so a line is a
   paragraph).  A line opening with an outline marker (:mod:`.outline`) carries its
   level; a short one is a ``heading``, a long run-in one ("（一）完善制度体系。健全…")
   stays a ``paragraph`` but still opens its section.  An "附件" label line opens a new
   top-level (level 0) section, so the numbering of an annex never nests under the body.
4. ``heading`` of every block = the nearest enclosing section opener: for a level-L
   opener, the last opener of a lower level; for body text and tables, the last opener.
"""

from __future__ import annotations

import logging
import re

from ..model import Block, Document, Span, Table
from ..normalize.offset_map import first_at_or_after
from ..normalize.outline import outline_level
from ..settings import Settings

LOGGER = logging.getLogger(__name__)

__all__ = ["structure", "build_blocks", "map_raw_span"]

# Heading lines are short; a marker line longer than this (or holding 。) is run-in body.
MAX_HEADING_CHARS = 40
# A table title is a short line right above the table ("高平市节约型机关评价标准").
MAX_TITLE_CHARS = 50
# How many non-empty lines above a table are searched for its title.
TITLE_LOOKBACK_LINES = 2
# 附件 / 附件2 / 附件：/ 附表1 on a line of its own: an annex starts.
ANNEX_LABEL = re.compile(r"(?:附件|附表)\s*\d*[:：]?")
# Lines that are never a table title: sentences and lead-ins.
NOT_A_TITLE = re.compile(r"[。；;]$|^附件\s*\d*[:：]?$|^填报单位|^单位[:：]")

LINE = re.compile(r"[^\n]+")


def map_raw_span(doc: Document, raw_span: Span) -> Span:
    """Normalized span covering a raw span (inverse of ``doc.offsets``)."""
    if not doc.offsets:
        return raw_span
    hi = len(doc.offsets) - 1
    start, end = first_at_or_after(doc.offsets, raw_span[0], hi), first_at_or_after(doc.offsets, raw_span[1], hi)
    return start, max(start, end)



def _last_lines(text: str, end: int, n: int) -> list[str]:
    """``text[:end].split("\\n")[-n:]`` without splitting (or copying) all of ``text[:end]``."""
    pos = end
    for _ in range(n):
        pos = text.rfind("\n", 0, pos)
        if pos < 0:
            return text[:end].split("\n")
    return text[pos + 1 : end].split("\n")


def _title_above(text: str, start: int) -> str | None:
    """The nearest short non-empty line above ``start`` that reads like a caption."""
    lines = [ln.strip() for ln in _last_lines(text, start, TITLE_LOOKBACK_LINES * 3 + 1) if ln.strip()]
    for line in reversed(lines[-TITLE_LOOKBACK_LINES:]):
        if "\t" in line:
            return None
        if len(line) <= MAX_TITLE_CHARS and not NOT_A_TITLE.search(line):
            return line
    return None


def map_native_tables(doc: Document) -> None:
    """Give ingest's tables normalized spans, cell texts and a title."""
    for table in doc.tables:
        for cell in table.cells:
            if cell.raw_span is not None:
                cell.span = map_raw_span(doc, cell.raw_span)
                cell.text = doc.text[cell.span[0] : cell.span[1]].strip()
        spans = [c.span for c in table.cells if c.span]
        if table.raw_span is not None:
            table.span = map_raw_span(doc, table.raw_span)
        elif spans:
            table.span = (min(s[0] for s in spans), max(s[1] for s in spans))
        if table.title is None and table.span is not None:
            table.title = _title_above(doc.text, table.span[0])
        if table.page is None and table.span is not None:
            table.page = doc.page_of(table.span[0])


def _line_block(doc: Document, start: int, end: int) -> Block:
    line = doc.text[start:end]
    level = outline_level(line)
    if ANNEX_LABEL.fullmatch(line):
        level = 0
    short = len(line) <= MAX_HEADING_CHARS and "。" not in line
    kind = "heading" if level is not None and short else "paragraph"
    return Block(kind=kind, text=line, span=(start, end), level=level, page=doc.page_of(start))


def build_blocks(doc: Document) -> list[Block]:
    """Blocks in reading order: table blocks over table spans, one block per other line."""
    tables = sorted((t.span, i) for i, t in enumerate(doc.tables) if t.span)
    blocks: list[Block] = []
    pos = 0
    for (t_start, t_end), index in tables + [((len(doc.text), len(doc.text)), -1)]:
        if t_start < pos:  # overlapping tables: the first one wins the text
            continue
        for m in LINE.finditer(doc.text, pos, t_start):
            if m.group(0).strip():
                blocks.append(_line_block(doc, m.start(), m.end()))
        if index >= 0:
            blocks.append(Block(kind="table", text=doc.text[t_start:t_end], span=(t_start, t_end),
                                page=doc.page_of(t_start), table=index))
        pos = max(pos, t_end)
    _link_headings(blocks)
    return blocks


def _link_headings(blocks: list[Block]) -> None:
    """Set ``heading`` to the nearest enclosing section opener (a block with a level)."""
    stack: list[tuple[int, int]] = []  # (level, block index) of open sections
    for i, block in enumerate(blocks):
        if block.level is not None and block.kind != "table":
            while stack and stack[-1][0] >= block.level:
                stack.pop()
            block.heading = stack[-1][1] if stack else None
            stack.append((block.level, i))
        else:
            block.heading = stack[-1][1] if stack else None


def structure(doc: Document, settings: Settings) -> Document:
    """Fill ``doc.blocks`` and finish ``doc.tables`` (native spans + text-layout tables)."""
    from .text_tables import recover_text_tables

    map_native_tables(doc)
    recovered: list[Table] = recover_text_tables(doc, settings)
    for table in recovered:
        if table.title is None and table.span is not None:
            table.title = _title_above(doc.text, table.span[0])
        if table.page is None and table.span is not None:
            table.page = doc.page_of(table.span[0])
    doc.tables.extend(recovered)
    doc.blocks = build_blocks(doc)
    LOGGER.debug("%s: %d blocks, %d tables", doc.source, len(doc.blocks), len(doc.tables))
    return doc
