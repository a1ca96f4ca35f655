"""Remove whitespace that layout put inside Chinese text; keep tabs and newlines.

"2021 年底" -> "2021年底", "得 2 分" -> "得2分", "通 知" -> "通知", "联 系 人" -> "联系人".
Between latin words one plain space stays ("Energy Star").  Tabs and newlines carry table
and paragraph structure and are never touched here.
"""

from __future__ import annotations

import re

from .chars import CJK_PUNCT, HAN, HSPACE
from .mapped import MappedText

_CJK = f"{HAN}{CJK_PUNCT}"
# A run of horizontal spaces touching a CJK character or CJK punctuation on either side.
SPACE_NEXT_TO_CJK = re.compile(f"(?<=[{_CJK}])[{HSPACE}]+|[{HSPACE}]+(?=[{_CJK}])")
# The same runs found faster: every maximal run of spaces, then its two neighbours checked
# (a lookbehind tried at every character made this the slowest normalize step).
SPACE_RUN_ANY = re.compile(f"[{HSPACE}]+")
CJK_CHAR = re.compile(f"[{_CJK}]")
# "15 %", "3 . 5" leftovers: spaces between a digit and % or a decimal point.
SPACE_IN_NUMBER = re.compile(rf"(?<=\d)[{HSPACE}]+(?=%)|(?<=\d)[{HSPACE}]+(?=\.\d)|(?<=\d\.)[{HSPACE}]+(?=\d)")
# Leading / trailing horizontal spaces of a line (tabs stay).
SPACE_AT_LINE_EDGE = re.compile(f"^[{HSPACE}]+|[{HSPACE}]+$", re.MULTILINE)
# Carriage returns (CRLF files, stray \r from PDFs).
CARRIAGE_RETURN = re.compile(r"\r\n?")
# What is left between latin words: one plain space.
SPACE_RUN = re.compile(f"[{HSPACE}]{{2,}}|[{HSPACE.replace(' ', '')}]")


# The runs SPACE_IN_NUMBER deletes, found from the digit before them: a pattern that starts
# with ``\d`` fails at once on most characters, where three lookbehinds were tried at every
# one (the spaces are group 1 or 2; the digit and the point stay).
SPACE_IN_NUMBER_FROM_DIGIT = re.compile(rf"\d(?:([{HSPACE}]+)(?=%|\.\d)|\.([{HSPACE}]+)(?=\d))")


def clean_whitespace(mt: MappedText) -> MappedText:
    mt = mt.sub(CARRIAGE_RETURN, "\n")
    mt = mt.sub(SPACE_AT_LINE_EDGE, "")
    mt = mt.delete(_spaces_next_to_cjk(mt.text))
    mt = mt.delete(_spaces_in_numbers(mt.text))
    return mt.sub(SPACE_RUN, " ")


def _spaces_in_numbers(text: str) -> list[tuple[int, int]]:
    """Spans of :data:`SPACE_IN_NUMBER` matches ("15 %", "3 .5", "3. 5")."""
    return [m.span(1) if m.group(1) is not None else m.span(2) for m in SPACE_IN_NUMBER_FROM_DIGIT.finditer(text)]


def _spaces_next_to_cjk(text: str) -> list[tuple[int, int]]:
    """Spans of :data:`SPACE_NEXT_TO_CJK` matches (maximal space runs with a CJK neighbour)."""
    is_cjk = CJK_CHAR.match
    return [(start, end) for m in SPACE_RUN_ANY.finditer(text)
            for start, end in (m.span(),)
            if (start and is_cjk(text, start - 1)) or is_cjk(text, end)]
