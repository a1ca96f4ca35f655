"""Writing readers' output into ``raw_text``: lines, paragraphs and tab-separated tables.

Every reader (HTML, PDF, DOCX) builds its text through :class:`RawTextBuilder`, so that
the one convention normalize and structure rely on holds everywhere:

* paragraphs are separated by ``"\\n"``;
* a table is preceded and followed by a blank line, one row per line, cells separated
  by ``"\\t"``; a merged cell's text is written once at its anchor, the positions it
  covers are empty strings; line breaks inside a cell become one space;
* every :class:`~extract.model.Cell` gets ``raw_span`` into the final ``raw_text``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..model import Cell, Table
from .vocab import load_yaml

# Any run of line breaks or tabs inside a cell: a cell must stay on its row's line.
_CELL_BREAKS = re.compile(r"\s*[\r\n\t\f\v\u2028\u2029]+\s*")


@functools.lru_cache(maxsize=1)
def _caption_rules() -> tuple[tuple[re.Pattern[str], ...], int]:
    raw = load_yaml("ingest_tables.yaml")
    return tuple(re.compile(p) for p in raw["caption_patterns"]), int(raw["max_caption_chars"])


def caption_title(line: str | None) -> str | None:
    """``line`` if it reads like a table caption ("表 1 主要指标", "……考核计分表"), else None."""
    if not line:
        return None
    patterns, max_chars = _caption_rules()
    line = line.strip()
    if len(line) > max_chars or "\t" in line:
        return None
    return line if any(p.match(line) for p in patterns) else None


@dataclass(slots=True)
class CellSpec:
    """A reader's anchor cell before it is written: position, extent and raw text."""

    row: int
    col: int
    text: str
    rowspan: int = 1
    colspan: int = 1


def cell_text(text: str) -> str:
    """One cell's text on one line: inner line breaks become a single space."""
    return _CELL_BREAKS.sub(" ", text or "").strip()


def clip_spans(specs: list[CellSpec]) -> list[CellSpec]:
    """Drop cells that overlap an earlier anchor and clip spans to the grid.

    HTML and DOCX in the wild carry rowspans past the last row and overlapping
    merges; the grid must stay a partition so every slot has at most one anchor.
    """
    taken: set[tuple[int, int]] = set()
    out: list[CellSpec] = []
    for spec in sorted(specs, key=lambda s: (s.row, s.col)):
        if (spec.row, spec.col) in taken:
            continue
        colspan = 1
        while colspan < spec.colspan and (spec.row, spec.col + colspan) not in taken:
            colspan += 1
        spec.colspan = colspan
        rowspan = 1
        while rowspan < spec.rowspan and all(
            (spec.row + rowspan, c) not in taken for c in range(spec.col, spec.col + colspan)
        ):
            rowspan += 1
        spec.rowspan = rowspan
        for r in range(spec.row, spec.row + rowspan):
            for c in range(spec.col, spec.col + colspan):
                taken.add((r, c))
        out.append(spec)
    return out


class RawTextBuilder:
    """Accumulates raw text line by line; tables are written with their cell spans."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self._line: list[str] = []  # the open (inline) line, not yet flushed
        self._last_line: str | None = None  # the last line written, if it was text (not a table)
        self.tables: list[Table] = []

    # ---- text

    @property
    def length(self) -> int:
        """Offset where the next flushed text will start."""
        return self._length

    def _write(self, text: str) -> None:
        if text:
            self._parts.append(text)
            self._length += len(text)

    def add_inline(self, text: str) -> None:
        """Append text to the current line (HTML inline content)."""
        if text:
            self._line.append(text)

    def end_line(self) -> None:
        """Close the current line; empty or whitespace-only lines are not written."""
        line = "".join(self._line).strip()
        self._line.clear()
        if line:
            self._write(line + "\n")
            self._last_line = line

    def add_line(self, text: str) -> None:
        """Write one whole line (a paragraph, a PDF text line)."""
        self.end_line()
        self.add_inline(text)
        self.end_line()

    def blank_line(self) -> None:
        """Make sure the text ends with an empty line (a block separator)."""
        self.end_line()
        if self._length and not self._ends_with("\n\n"):
            self._write("\n")

    def _ends_with(self, suffix: str) -> bool:
        tail = ""
        for part in reversed(self._parts):
            tail = part + tail
            if len(tail) >= len(suffix):
                break
        return tail.endswith(suffix)

    # ---- tables

    def add_table(self, specs: list[CellSpec], *, page: int | None = None, title: str | None = None) -> Table | None:
        """Write a table as tab-separated rows and return it with raw spans (None if empty).

        Without a ``title``, a caption-like line written just before the table is used.
        """
        specs = clip_spans([s for s in specs if s.rowspan > 0 and s.colspan > 0])
        if not specs or not any(cell_text(s.text) for s in specs):
            return None
        self.end_line()
        title = title or caption_title(self._last_line)
        n_rows = max(s.row + s.rowspan for s in specs)
        n_cols = max(s.col + s.colspan for s in specs)
        anchors = {(s.row, s.col): s for s in specs}
        self.blank_line()
        start = self._length
        cells: list[Cell] = []
        for r in range(n_rows):
            line_start = self._length
            fields: list[str] = []
            offset = line_start
            for c in range(n_cols):
                spec = anchors.get((r, c))
                text = cell_text(spec.text) if spec else ""
                if spec:
                    cells.append(Cell(row=r, col=c, text=text, rowspan=spec.rowspan, colspan=spec.colspan,
                                      raw_span=(offset, offset + len(text))))
                fields.append(text)
                offset += len(text) + 1  # the tab after it
            self._write("\t".join(fields) + "\n")
        table = Table(cells=cells, page=page, title=title, raw_span=(start, self._length - 1), source="native")
        self._write("\n")
        self._last_line = None
        self.tables.append(table)
        return table

    # ---- result

    def text(self) -> str:
        self.end_line()
        return "".join(self._parts)
