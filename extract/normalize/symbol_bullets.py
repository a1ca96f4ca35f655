"""Symbol-font bullets opening a line are dropped: they are list marks, never text.

Word writes a list bullet in the Symbol or Wingdings font, and a PDF's text layer carries it as a
character of the Private Use Area (U+F0B7 is Symbol's bullet, U+F0B2 and U+F0D8 Wingdings marks).
Left in place it hides what the line starts with: "\\uf0b7发文日期：2022-01-17" is no label line,
so the issue date was lost (b268 of the bulk corpus; 2 of 163 bulk PDFs open lines so). Private
Use characters inside a line (a formula's Σ and = in b504) are kept: what they stand for depends
on the font.
"""

from __future__ import annotations

import re

from .chars import HSPACE
from .mapped import MappedText

PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
# One or more Private Use marks at a line start, and the spaces after them.
LINE_BULLET = re.compile(f"^[\ue000-\uf8ff]+[{HSPACE}]*(?=\\S)", re.MULTILINE)


def drop_symbol_bullets(mt: MappedText) -> MappedText:
    if not PRIVATE_USE.search(mt.text):
        return mt  # nearly every document: one scan, no edit
    return mt.sub(LINE_BULLET, "")
