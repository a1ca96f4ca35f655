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
# "15 %", "3 . 5" leftovers: spaces between a digit and % or a decimal point.
SPACE_IN_NUMBER = re.compile(rf"(?<=\d)[{HSPACE}]+(?=%)|(?<=\d)[{HSPACE}]+(?=\.\d)|(?<=\d\.)[{HSPACE}]+(?=\d)")
# Leading / trailing horizontal spaces of a line (tabs stay).
SPACE_AT_LINE_EDGE = re.compile(f"^[{HSPACE}]+|[{HSPACE}]+$", re.MULTILINE)
# Carriage returns (CRLF files, stray \r from PDFs).
CARRIAGE_RETURN = re.compile(r"\r\n?")
# What is left between latin words: one plain space.
SPACE_RUN = re.compile(f"[{HSPACE}]{{2,}}|[{HSPACE.replace(' ', '')}]")


def clean_whitespace(mt: MappedText) -> MappedText:
    mt = mt.sub(CARRIAGE_RETURN, "\n")
    mt = mt.sub(SPACE_AT_LINE_EDGE, "")
    mt = mt.sub(SPACE_NEXT_TO_CJK, "")
    mt = mt.sub(SPACE_IN_NUMBER, "")
    return mt.sub(SPACE_RUN, " ")
