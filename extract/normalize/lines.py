"""Rejoin lines that PDF or page layout broke in the middle of a sentence.

"全市25%\\n\\n的党政机关" -> "全市25%的党政机关"; PDF body lines that break at a fixed
width are joined too.  A break stays when the first line ends a sentence (。；：！？),
is a heading, or is short (a title, a signature, the last line of a paragraph); or when
the next line opens something (an outline marker, 附件, a date, a signature line).
Lines holding a tab belong to tables and are never joined, nor are table-of-contents
lines with dot leaders.  A line that ends inside a bracket the next line closes
("（一式三\\n份）", "《广东省\\n2020年度…方案》") continues whatever its width.

Two regimes:

* paged text (PDF): a line is "full" when its display width reaches the typical line
  width of ITS PAGE (see :mod:`.page_width`: a narrow notice and a wide annex in one PDF
  have different columns); a full line that does not end a sentence continues on the next.
* flowing text (txt/html/md): lines are paragraphs; a line is a broken paragraph when it
  is body-like (long enough, has a comma) and does not end a sentence.

PDF page furniture (bare page numbers "1", "- 2 -", "— 3 —" at a page edge) is removed
here too, since it sits exactly between the two halves of a broken sentence.
"""

from __future__ import annotations

import bisect
import logging
from dataclasses import dataclass

from .line_patterns import (
    ANNEX_TITLE_LINE,
    BRACKET_PAIRS,
    BULLET_LINE,
    CAPTION_LINE,
    CLAUSE_NUMBER_LINE,
    CLAUSE_PUNCT,
    CLOSERS,
    DATE_LINE,
    FIELD_LINE,
    FORMULA_FRAGMENT_LINE,
    LATIN_WORD_END,
    LATIN_WORD_START,
    OPENER_LINE,
    PAGE_NUMBER_LINE,
    REFERENCE_LINE,
    SIGNATURE_LINE,
    STANDARD_CODE_LINE,
    STANDARD_HEADING_LINE,
    TERMINAL,
    ends_sentence,
)
from .mapped import MappedText
from .outline import outline_level
from .page_width import display_width, is_toc_line, page_index, page_widths
from .words import breaks_word

__all__ = ["display_width", "join_broken_lines", "split_lines"]

LOGGER = logging.getLogger(__name__)

# A flowing-text line shorter than this is a title/heading/signature, never a broken sentence.
MIN_BODY_LINE = 20
# A PDF line at least this share of the typical width is "full" (the next word did not fit).
FULL_LINE_SHARE = 0.85
# Headings are short: a marker line longer than this is a run-in heading + body.
MAX_HEADING_LEN = 40
# Field lines are short; a longer "X：" line is a lead-in sentence.
MAX_FIELD_LINE = 40
# Signature lines are short; a longer line ending in 局/委/… is body text.
MAX_SIGNATURE_LINE = 30
# Pure-ASCII lines at most this wide are formula residue ("2 2", "fossil,j"), not text.
MAX_FRAGMENT_WIDTH = 4
# Some PDF text layers set the last one to three characters of a full line on a line of their
# own ("…活立木蓄积量\n达到\n9亿立方米"): a line this narrow right after a full line it
# continues is that line's overhang, so the next line is judged against the full line (unless
# the overhang closes a bracket: "（配合单位：宣教中\n心）\n省环境监察局…" ends there).
OVERHANG = 3.0
# A title wrapped onto a short last line ends there: "…相关重点工作\n的通知\n银川市、…："
TITLE_ENDS = ("通知", "意见", "方案", "办法", "规定", "决定", "公告", "通告", "批复", "规划", "计划", "要点", "细则", "导则")
# The closing half of an open bracket must come this soon on the next line ("份）报所在…").
MAX_BRACKET_TAIL = 40


@dataclass(slots=True)
class Line:
    start: int
    end: int
    text: str


def split_lines(text: str) -> list[Line]:
    lines, pos = [], 0
    for part in text.split("\n"):
        lines.append(Line(pos, pos + len(part), part))
        pos += len(part) + 1
    return lines


def is_heading(line: str) -> bool:
    return outline_level(line) is not None and (len(line) <= MAX_HEADING_LEN and "。" not in line)


def opens_block(line: str) -> bool:
    """The next line starts something new: outline marker, 附件, bullet, reference, date, signature."""
    if outline_level(line) is not None or any(
        p.match(line) for p in (OPENER_LINE, CLAUSE_NUMBER_LINE, BULLET_LINE, REFERENCE_LINE)
    ):
        return True
    if any(p.fullmatch(line) for p in (DATE_LINE, STANDARD_HEADING_LINE, CAPTION_LINE)):
        return True
    return len(line) <= MAX_SIGNATURE_LINE and bool(SIGNATURE_LINE.fullmatch(line))


def sibling_entries(a: str, b: str) -> bool:
    """Two entries of one list: both lines open with a standard's code ("GB/T 223.86…")."""
    return bool(STANDARD_CODE_LINE.match(a) and STANDARD_CODE_LINE.match(b))


def is_fragment(line: str) -> bool:
    """Formula residue on its own line (a subscript "2 2", "i"): not a sentence half."""
    return bool(FORMULA_FRAGMENT_LINE.fullmatch(line)) and display_width(line) <= MAX_FRAGMENT_WIDTH


def is_field(line: str) -> bool:
    return len(line) <= MAX_FIELD_LINE and bool(FIELD_LINE.match(line))


def open_bracket_closer(line: str) -> str | None:
    """Closing half of the innermost bracket ``line`` leaves open ("报告（一式三" -> "）")."""
    closers = set(BRACKET_PAIRS.values())
    stack: list[str] = []
    for ch in line:
        if ch in BRACKET_PAIRS:
            stack.append(BRACKET_PAIRS[ch])
        elif ch in closers and ch in stack:
            del stack[len(stack) - 1 - stack[::-1].index(ch):]
    return stack[-1] if stack else None


def closes_bracket(a: str, b: str) -> bool:
    """``a`` ends inside a bracket and ``b`` closes it before opening another or ending a sentence."""
    closer = open_bracket_closer(a)
    if closer is None:
        return False
    head = b[:MAX_BRACKET_TAIL]
    end = head.find(closer)
    if end < 0:
        return False
    before = head[:end]
    return not any(ch in TERMINAL or ch in BRACKET_PAIRS for ch in before)


def continues(a: str, b: str, paged: bool, width: float) -> bool:
    """Does line ``a`` continue on line ``b`` (one sentence broken by layout)?"""
    full = paged and width > 0 and display_width(a) >= FULL_LINE_SHARE * width
    # "联系人：张三" is a field line of its own; "森林经营：本方法中，特指…促进森林生" fills the
    # column and goes on below like any sentence.
    if "\t" in a or "\t" in b or not a or not b:
        return False
    # "（责任单" / "位：市发展改革委…）": a break inside a word makes no field line of the rest
    broken_word = paged and not full and breaks_word(a, b)
    if not broken_word and (is_field(b) or (is_field(a) and (not full or a.endswith(("）", ")"))))):
        return False
    if ends_sentence(a) or opens_block(b) or sibling_entries(a, b) or ANNEX_TITLE_LINE.fullmatch(a):
        return False
    if is_toc_line(a) or is_toc_line(b) or is_fragment(a) or is_fragment(b):
        return False
    if closes_bracket(a, b):
        return True
    if paged:
        return full or broken_word
    if is_heading(a) or a.endswith(("）", ")")):
        return False
    return len(a) >= MIN_BODY_LINE and bool(CLAUSE_PUNCT.search(a))


def _overhang(line: str) -> bool:
    """Is ``line`` the overhang of the full line before it (not a bracket's or a title's end)?"""
    return display_width(line) <= OVERHANG and line[-1] not in CLOSERS and not line.endswith(TITLE_ENDS)


def page_furniture(lines: list[Line], page_starts: list[int]) -> set[int]:
    """Indexes of bare page-number lines that are the last or first text of a page."""
    if not page_starts:
        return set()
    nonempty = [i for i, ln in enumerate(lines) if ln.text.strip()]
    starts = [lines[i].start for i in nonempty]
    found: set[int] = set()
    for boundary in page_starts[1:] + [lines[-1].end + 1]:
        k = bisect.bisect_left(starts, boundary)
        for idx in (k - 1, k):  # the line before the boundary and the one after it
            if 0 <= idx < len(nonempty):
                i = nonempty[idx]
                if PAGE_NUMBER_LINE.fullmatch(lines[i].text.strip()):
                    found.add(i)
    return found


def normalized_page_starts(mt: MappedText, raw_page_starts: list[int]) -> list[int]:
    return [mt.offsets.bisect_left(p) for p in raw_page_starts]


def join_broken_lines(mt: MappedText, raw_page_starts: list[int] | None = None, paged: bool = False) -> MappedText:
    """Delete line breaks (and blank lines, page numbers) inside broken sentences."""
    lines = split_lines(mt.text)
    page_starts = normalized_page_starts(mt, raw_page_starts or [])
    furniture = page_furniture(lines, page_starts)
    edits: list[tuple[int, int, str]] = [(lines[i].start, min(lines[i].end + 1, len(mt.text)), "") for i in sorted(furniture)]
    kept = [ln for i, ln in enumerate(lines) if ln.text and i not in furniture]
    widths = page_widths(kept, page_starts) if paged else [0.0]
    joins: list[tuple[int, int, str]] = []
    carried = ""  # a full line whose last characters overhang onto the line ``a`` (see OVERHANG)
    for a, b in zip(kept, kept[1:]):
        width = widths[min(page_index(a.start, page_starts), len(widths) - 1)]
        line = carried + a.text
        if continues(line, b.text, paged, width):
            sep = " " if LATIN_WORD_END.search(a.text) and LATIN_WORD_START.search(b.text) else ""
            joins.append((a.end, b.start, sep))
            carried = line if paged and _overhang(b.text) else ""
        else:
            carried = ""
    if not joins and not edits:
        return mt
    # furniture lines lie inside join gaps: a join gap swallows them
    merged: list[tuple[int, int, str]] = []
    for edit in sorted(joins + edits):
        if merged and edit[0] < merged[-1][1]:
            prev = merged[-1]
            merged[-1] = (prev[0], max(prev[1], edit[1]), prev[2] or edit[2])
        else:
            merged.append(edit)
    LOGGER.debug("lines: %d joins, %d page-number lines removed", len(joins), len(furniture))
    return mt.edit(merged)
