"""Tables recovered from text layout (tab-separated rows, one-cell-per-line dumps).

Two layouts reach us as plain text:

* **row per line** – cells separated by tabs ("序号\\t评价单元\\t评价项目...").  Crawled
  pages sometimes shift a row one column right (a stray leading tab); the row is
  re-aligned when the shifted version fits the column contents clearly better.
* **cell per line** – a word-processor dump where every cell sits on its own line
  prefixed by a tab and a blank line ends the row; a cell broken over two lines
  continues on an untabbed line.

Merged cells came out as empty cells.  An empty cell whose left neighbours in the row
are all empty too, under a non-empty cell, is a vertical merge: the anchor's rowspan
grows.  Only that left-prefix pattern is merged, because grouping columns (category,
number, item) sit left of detail columns; an empty detail cell stays an empty cell.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass

from ..model import Cell, Document, Span, Table, strip_span
from ..normalize.offset_map import first_at_or_after
from ..settings import Settings

LOGGER = logging.getLogger(__name__)

# A region needs this many rows (title row excluded) to count as a table.
MIN_ROWS = 2
# ... and this many columns (a lone "附件\t标题" line is not a table).
MIN_COLS = 2
# Share of tabbed lines that must be single "\tcell" lines for the cell-per-line layout.
CELL_PER_LINE_SHARE = 0.8
# A shifted row is re-aligned only when its fit improves by at least this much (sum of
# per-cell column-profile probabilities): avoids moving rows on a coin toss.
SHIFT_MARGIN = 1.0
# Cells up to this many characters count as "short" (names) for column profiles.
SHORT_CELL_CHARS = 15
# Texts (with their native table spans) where no table was found, remembered so that the
# scoring stage asking again about the same document costs nothing.  Only the empty answer
# is remembered: found tables are fresh mutable objects for every caller.
NOTHING_FOUND_CACHE_SIZE = 8
_nothing_found: dict[tuple[str, tuple[Span, ...]], None] = {}

_HEADING_POINTS = re.compile(r"[（(]\s*\d+(?:\.\d+)?\s*分\s*[）)]")
_NUMBER = re.compile(r"\s*\d+(?:\.\d+)?\s*")


@dataclass(slots=True)
class _Line:
    start: int
    end: int  # exclusive, without the newline

    def text(self, doc_text: str) -> str:
        return doc_text[self.start : self.end]


def recover_text_tables(doc: Document, settings: Settings) -> list[Table]:
    """Tables laid out in ``doc.text`` that no native table already covers."""
    text = doc.text
    if "\t" not in text:
        return []
    covered = _native_ranges(doc)
    key = (text, tuple(covered))
    if key in _nothing_found:
        return []
    tables: list[Table] = []
    for region in _regions(_lines(text), text):
        start, end = region[0].start, region[-1].end
        if any(s < end and start < e for s, e in covered):
            continue
        table = _build(region, text)
        if table is not None:
            tables.append(table)
    LOGGER.debug("%s: %d text tables", doc.source, len(tables))
    if not tables:
        if len(_nothing_found) >= NOTHING_FOUND_CACHE_SIZE:
            del _nothing_found[next(iter(_nothing_found))]  # the oldest entry
        _nothing_found[key] = None
    return tables


# --------------------------------------------------------------------------- regions


def _lines(text: str) -> list[_Line]:
    out: list[_Line] = []
    pos = 0
    for part in text.split("\n"):
        out.append(_Line(pos, pos + len(part)))
        pos += len(part) + 1
    return out


def _regions(lines: list[_Line], text: str) -> list[list[_Line]]:
    """Maximal runs of tabbed lines, blank lines and untabbed continuation lines."""
    regions: list[list[_Line]] = []
    current: list[_Line] = []
    prev_kind = "other"
    for i, line in enumerate(lines):
        s = line.text(text)
        kind = "tab" if "\t" in s else ("blank" if not s.strip() else "other")
        if kind == "other" and current and prev_kind in ("tab", "cont") and _next_is_tab(lines, i, text):
            kind = "cont"
        if kind in ("tab", "cont") or (kind == "blank" and current):
            current.append(line)
        else:
            if current:
                regions.append(current)
            current = []
        prev_kind = kind
    if current:
        regions.append(current)
    out = []
    for region in regions:
        while region and not region[-1].text(text).strip():
            region.pop()
        if region:
            out.append(region)
    return out


def _next_is_tab(lines: list[_Line], i: int, text: str) -> bool:
    for j in range(i + 1, len(lines)):  # no slice: that copied every later line per call
        s = lines[j].text(text)
        if s.strip():
            return "\t" in s
    return False


# --------------------------------------------------------------------------- rows


def _rows_cell_per_line(region: list[_Line], text: str) -> list[list[Span]]:
    rows: list[list[Span]] = []
    row: list[Span] = []
    for line in region:
        s = line.text(text)
        if s.startswith("\t"):
            row.append((line.start + 1, line.end))
        elif not s.strip():
            if row:
                rows.append(row)
            row = []
        elif row:  # untabbed continuation of the previous cell
            row[-1] = (row[-1][0], line.end)
    if row:
        rows.append(row)
    return rows


def _rows_row_per_line(region: list[_Line], text: str) -> list[list[Span]]:
    rows: list[list[Span]] = []
    for line in region:
        s = line.text(text)
        if not s.strip():
            continue
        if "\t" not in s:
            if rows:
                last = rows[-1][-1]
                rows[-1][-1] = (last[0], line.end)
            continue
        cells: list[Span] = []
        pos = line.start
        for part in s.split("\t"):
            cells.append((pos, pos + len(part)))
            pos += len(part) + 1
        rows.append(cells)
    return rows


def _cell_text(span: Span, text: str) -> str:
    return re.sub(r"[ \t]*\n[ \t]*", "", text[span[0] : span[1]]).strip()


# --------------------------------------------------------------------------- table


def _build(region: list[_Line], text: str) -> Table | None:
    tabbed = [ln for ln in region if "\t" in ln.text(text)]
    single = sum(1 for ln in tabbed if re.fullmatch(r"\t[^\t]*", ln.text(text)))
    per_line = single >= CELL_PER_LINE_SHARE * len(tabbed)
    rows = _rows_cell_per_line(region, text) if per_line else _rows_row_per_line(region, text)
    rows = [[strip_span(text, c) for c in row] for row in rows]
    title = None
    if rows and len(rows[0]) == 1 and len(rows) > MIN_ROWS:
        title = _cell_text(rows[0][0], text)
        rows = rows[1:]
    if len(rows) < MIN_ROWS:
        return None
    width = Counter(len(r) for r in rows).most_common(1)[0][0]
    if width < MIN_COLS:
        return None
    spans: list[list[Span | None]] = [list(r) for r in rows]
    colspans = _header_colspans(spans, width)
    for i, row in enumerate(spans):
        if i == 0 and colspans:
            continue
        while len(row) < width:
            row.append(None)
        if len(row) > width and not any(c and _cell_text(c, text) for c in row[width:]):
            del row[width:]
    _realign(spans, width, text, skip_first=True)
    return _assemble(spans, colspans, text, title)


def _header_colspans(rows: list[list[Span | None]], width: int) -> dict[int, int]:
    """A first row narrower than the next whose sub-headers sit under one cell: colspan.

    "考核内容分解" over "具体内容 | 分值" comes out as 6 cells over 7: the sub-header
    block [a, a+k) of the second row gives cell ``a`` of the first row colspan ``k``.
    """
    if len(rows) < 2 or len(rows[0]) >= width or len(rows[1]) != width:
        return {}
    k = width - len(rows[0]) + 1
    filled = [i for i, c in enumerate(rows[1]) if c and c[1] > c[0]]
    if len(filled) != k or filled != list(range(filled[0], filled[0] + k)):
        return {}
    return {filled[0]: k}


def _kind(cell: str) -> str:
    if not cell:
        return "empty"
    if _NUMBER.fullmatch(cell):
        return "num"
    if _HEADING_POINTS.search(cell) and len(cell) <= 2 * SHORT_CELL_CHARS:
        return "head"
    return "short" if len(cell) <= SHORT_CELL_CHARS else "long"


def _realign(rows: list[list[Span | None]], width: int, text: str, *, skip_first: bool) -> None:
    """Move a row one column left/right when that fits the column profiles clearly better."""
    body = rows[1:] if skip_first else rows
    if len(body) < 3:
        return
    kinds = [[_kind(_cell_text(c, text) if c else "") for c in row] for row in body]
    profile = [Counter(k[c] for k in kinds if len(k) == width) for c in range(width)]
    totals = [sum(p.values()) or 1 for p in profile]

    def fit(ks: list[str]) -> float:
        return sum(profile[c][k] / totals[c] for c, k in enumerate(ks))

    for row, ks in zip(body, kinds):
        if len(ks) != width:
            continue
        best, best_fit = 0, fit(ks)
        candidates = []
        if ks[0] == "empty":
            candidates.append((-1, ks[1:] + ["empty"]))
        if ks[-1] == "empty":
            candidates.append((1, ["empty"] + ks[:-1]))
        for shift, shifted in candidates:
            f = fit(shifted)
            if f >= best_fit + SHIFT_MARGIN:
                best, best_fit = shift, f
        if best == -1:
            row.pop(0)
            row.append(None)
        elif best == 1:
            row.pop()
            row.insert(0, None)


def _assemble(rows: list[list[Span | None]], colspans: dict[int, int], text: str,
              title: str | None) -> Table:
    cells: list[Cell] = []
    covering: dict[int, Cell] = {}  # column -> cell covering the previous row there
    for r, row in enumerate(rows):
        col = 0
        this_row: dict[int, Cell] = {}
        left_empty = True
        for i, span in enumerate(row):
            span = span or _empty_span(row, i)
            content = _cell_text(span, text)
            span_cols = colspans.get(i, 1) if r == 0 else 1
            above = covering.get(col)
            if (not content and left_empty and above is not None and above.colspan == 1
                    and above.text and r > 0 and _has_content_right(row, i, text)):
                above.rowspan += 1
                this_row[col] = above
            else:
                cell = Cell(row=r, col=col, text=content, colspan=span_cols, span=span)
                cells.append(cell)
                for c in range(col, col + span_cols):
                    this_row[c] = cell
            if content:
                left_empty = False
            col += span_cols
        covering = this_row
    table = Table(cells=cells, title=title, source="text")
    spans = [c.span for c in cells if c.span]
    if spans:
        table.span = (min(s[0] for s in spans), max(s[1] for s in spans))
    return table


def _empty_span(row: list[Span | None], i: int) -> Span:
    """Zero-width span where a padded (missing) cell would sit."""
    for c in reversed(row[:i]):
        if c:
            return (c[1], c[1])
    for c in row[i + 1 :]:
        if c:
            return (c[0], c[0])
    return (0, 0)


def _has_content_right(row: list[Span | None], i: int, text: str) -> bool:
    return any(c and _cell_text(c, text) for c in row[i + 1 :])


def _native_ranges(doc: Document) -> list[Span]:
    """Spans in ``doc.text`` of tables that ingest already read natively."""
    out: list[Span] = []
    for t in doc.tables:
        if t.source != "native":
            continue
        if t.span:
            out.append(t.span)
        elif t.raw_span and doc.offsets:
            s = first_at_or_after(doc.offsets, t.raw_span[0])
            e = first_at_or_after(doc.offsets, t.raw_span[1])
            out.append((s, e))
    return out
