"""Full-width digits, latin letters and ％ to half-width; Chinese punctuation stays.

Gold evidence keeps （）：，。“” as written, so only the characters numbers and codes
are made of are folded: ２０２５ -> 2025, ＧＤＰ -> GDP, １５％ -> 15%, ３．５ -> 3.5.
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


def fold_width(mt: MappedText) -> MappedText:
    if FULLWIDTH_CHAR.search(mt.text):
        mt = mt.translate(FULLWIDTH_TABLE)
    return mt.sub(FULLWIDTH_DECIMAL_POINT, ".")
