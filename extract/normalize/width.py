"""Full-width digits, latin letters and ％ to half-width; Chinese punctuation stays.

Gold evidence keeps （）：，。“” as written, so only the characters numbers and codes
are made of are folded: ２０２５ -> 2025, ＧＤＰ -> GDP, １５％ -> 15%, ３．５ -> 3.5.
The zero of a year written in Chinese numerals is typed with look-alikes as often as
with 〇 ("展望二O三五年", "二○二一年", "二0二二年"): they become 〇, so every date reader
sees one spelling (same length, the offset map does not change).
"""

from __future__ import annotations

import re

from .mapped import MappedText

FULLWIDTH_TABLE: dict[int, str] = {
    **{0xFF10 + i: chr(0x30 + i) for i in range(10)},  # ０-９
    **{0xFF21 + i: chr(0x41 + i) for i in range(26)},  # Ａ-Ｚ
    **{0xFF41 + i: chr(0x61 + i) for i in range(26)},  # ａ-ｚ
    0xFF05: "%",  # ％
}
# Any character of the table: most documents have none, and then translate is skipped.
FULLWIDTH_CHAR = re.compile("[" + "".join(map(chr, FULLWIDTH_TABLE)) + "]")
# ３．５ -> 3.5 (after the digits are folded): a full-width point between two digits.
FULLWIDTH_DECIMAL_POINT = re.compile(r"(?<=\d)．(?=\d)")
# A Chinese-numeral year (一九xx / 二〇xx) with a look-alike zero: a latin O, a white circle, a digit.
YEAR_WITH_ZERO_LOOKALIKE = re.compile(r"(?:一九|二[〇零O○0])[〇零O○0一二三四五六七八九]{2}(?=年)")
_ZERO_LOOKALIKES = str.maketrans({"O": "〇", "○": "〇", "0": "〇"})


def fold_width(mt: MappedText) -> MappedText:
    if FULLWIDTH_CHAR.search(mt.text):
        mt = mt.translate(FULLWIDTH_TABLE)
    return mt.sub(FULLWIDTH_DECIMAL_POINT, ".")


def fold_year_zeros(mt: MappedText) -> MappedText:
    """"二O三五年" -> "二〇三五年" (a step of its own, after the whitespace step: a PDF may set a
    space inside the year, "二 O三五年" in b434)."""
    return mt.sub(YEAR_WITH_ZERO_LOOKALIKE, lambda m: m.group(0).translate(_ZERO_LOOKALIKES))
