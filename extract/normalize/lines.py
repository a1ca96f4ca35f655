"""Rejoin lines that PDF or page layout broke in the middle of a sentence.

"全市25%\\n\\n的党政机关" -> "全市25%的党政机关"; PDF body lines that break at a fixed
width are joined too.  A break stays when the first line ends a sentence (。；：！？),
is a heading, or is short (a title, a signature, the last line of a paragraph); or when
the next line opens something (an outline marker, 附件, a date, a signature line).
Lines holding a tab belong to tables and are never joined.

Two regimes:

* paged text (PDF): a line is "full" when its display width reaches the typical line
  width of the document; a full line that does not end a sentence continues on the next.
* flowing text (txt/html/md): lines are paragraphs; a line is a broken paragraph when it
  is body-like (long enough, has a comma) and does not end a sentence.

PDF page furniture (bare page numbers "1", "- 2 -", "— 3 —" at a page edge) is removed
here too, since it sits exactly between the two halves of a broken sentence.
"""

from __future__ import annotations

import bisect
import logging
import re
from dataclasses import dataclass

from ..structure.outline import outline_level
from .mapped import MappedText

LOGGER = logging.getLogger(__name__)

# Characters that end a sentence or a lead-in: a break after them is a real break.
TERMINAL = "。；：！？:;!?…"
# Closing marks that may follow the terminal character ("……。”", "……！）").
CLOSERS = "”’」』》）)]】"
# A flowing-text line shorter than this is a title/heading/signature, never a broken sentence.
MIN_BODY_LINE = 20
# Flowing-text body lines contain clause punctuation; titles and signatures do not.
CLAUSE_PUNCT = re.compile(r"[，,、；;]")
# A PDF line at least this share of the typical width is "full" (the next word did not fit).
FULL_LINE_SHARE = 0.85
# Lines narrower than this (display width) do not vote for the typical PDF line width.
MIN_WIDTH_SAMPLE = 12
# Percentile of line widths taken as the typical width: most PDF body lines are full.
WIDTH_PERCENTILE = 0.75
# Headings are short: a marker line longer than this is a run-in heading + body.
MAX_HEADING_LEN = 40

# 2020年8月3日 / 二〇一二年二月十四日 / 2021年12月28日印发
DATE_LINE = re.compile(r"(?:\d{4}|[〇○零一二三四五六七八九Ｏ]{4})\s*年[\d一二三四五六七八九十]{1,3}月(?:[\d一二三四五六七八九十]{1,3}日)?(?:印发)?")
# A line that opens something: 附件 / 附表 / 联系人 / 特此通知 / 抄送.
OPENER_LINE = re.compile(r"(?:附件|附表|附：|联\s*系\s*人|联系电话|特此通知|抄送|抄报|主送|（本文有删减）)")
# Signature-like short line: ends with an organisation suffix (高平市能源局, 国务院办公厅).
SIGNATURE_LINE = re.compile(r"[^\s，。；、,]{2,30}(?:局|厅|委|委员会|政府|办公室|办公厅|院|部|中心|公司|集团|学会|协会)")
# A short "label：value" field line (传真：010-88413388, 地址：…, 邮编：…): never part of a sentence.
FIELD_LINE = re.compile(r"[\u4e00-\u9fff]{1,6}[:：]")
# Field lines are short; a longer "X：" line is a lead-in sentence.
MAX_FIELD_LINE = 40
# Bare page number lines: "1", "- 2 -", "— 3 —", "－4－", "第5页".
PAGE_NUMBER_LINE = re.compile(r"[-—–－~]?\s*(?:\d{1,4}|第\s*\d{1,4}\s*页(?:\s*共\s*\d+\s*页)?)\s*[-—–－~]?")
# Latin/digit on both sides of a join: keep a space ("energy\\nsaving" -> "energy saving").
LATIN_WORD_END = re.compile(r"[A-Za-z]$")
LATIN_WORD_START = re.compile(r"^[A-Za-z]")


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


def display_width(s: str) -> float:
    """CJK characters are one unit wide, ASCII ones half."""
    ascii_count = sum(1 for ch in s if ord(ch) < 0x80)
    return len(s) - ascii_count / 2


def typical_width(lines: list[Line]) -> float:
    widths = sorted(w for ln in lines if "\t" not in ln.text and (w := display_width(ln.text)) >= MIN_WIDTH_SAMPLE)
    if not widths:
        return 0.0
    return widths[min(len(widths) - 1, int(len(widths) * WIDTH_PERCENTILE))]


def ends_sentence(line: str) -> bool:
    return line.rstrip(CLOSERS)[-1:] in TERMINAL if line.rstrip(CLOSERS) else True


def is_heading(line: str) -> bool:
    return outline_level(line) is not None and (len(line) <= MAX_HEADING_LEN and "。" not in line)


def opens_block(line: str) -> bool:
    """The next line starts something new: outline marker, 附件, date, signature."""
    if outline_level(line) is not None or OPENER_LINE.match(line):
        return True
    if DATE_LINE.fullmatch(line) or (len(line) <= 30 and SIGNATURE_LINE.fullmatch(line)):
        return True
    return False


def is_field(line: str) -> bool:
    return len(line) <= MAX_FIELD_LINE and bool(FIELD_LINE.match(line))


def continues(a: str, b: str, paged: bool, width: float) -> bool:
    """Does line ``a`` continue on line ``b`` (one sentence broken by layout)?"""
    if "\t" in a or "\t" in b or not a or not b or is_field(a) or is_field(b):
        return False
    if ends_sentence(a) or opens_block(b):
        return False
    if paged:
        return width > 0 and display_width(a) >= FULL_LINE_SHARE * width
    if is_heading(a) or a.endswith(("）", ")")):
        return False
    return len(a) >= MIN_BODY_LINE and bool(CLAUSE_PUNCT.search(a))


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
    return [bisect.bisect_left(mt.offsets, p) for p in raw_page_starts]


def join_broken_lines(mt: MappedText, raw_page_starts: list[int] | None = None, paged: bool = False) -> MappedText:
    """Delete line breaks (and blank lines, page numbers) inside broken sentences."""
    lines = split_lines(mt.text)
    furniture = page_furniture(lines, normalized_page_starts(mt, raw_page_starts or []))
    edits: list[tuple[int, int, str]] = [(lines[i].start, min(lines[i].end + 1, len(mt.text)), "") for i in sorted(furniture)]
    kept = [ln for i, ln in enumerate(lines) if ln.text and i not in furniture]
    width = typical_width(kept) if paged else 0.0
    joins: list[tuple[int, int, str]] = []
    for a, b in zip(kept, kept[1:]):
        if continues(a.text, b.text, paged, width):
            sep = " " if LATIN_WORD_END.search(a.text) and LATIN_WORD_START.search(b.text) else ""
            joins.append((a.end, b.start, sep))
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
