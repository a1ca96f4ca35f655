"""String measures shared by every matcher; whitespace never counts anywhere.

Gold strings have whitespace removed inside Chinese runs while predictions are slices of
the normalized text, so every comparison first squashes whitespace out of both sides.
"""

from __future__ import annotations

import re
from collections import Counter
from difflib import SequenceMatcher
from functools import lru_cache

_WHITESPACE = re.compile(r"\s+")  # includes the ideographic space U+3000


@lru_cache(maxsize=65536)
def squash(text: str | None) -> str:
    """``text`` without any whitespace; None becomes ``""``."""
    if not text:
        return ""
    return _WHITESPACE.sub("", text)


def longest_common_substring(a: str, b: str) -> int:
    """Length of the longest contiguous run shared by ``a`` and ``b``."""
    if not a or not b:
        return 0
    # autojunk=False: with it, frequent characters (，的) would be skipped in long strings
    match = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return match.size


@lru_cache(maxsize=65536)
def evidence_overlap(a: str | None, b: str | None) -> float:
    """Longest common substring over the shorter string (whitespace removed), in [0, 1].

    A gold clause and a predicted clause are the same evidence when one mostly lies in the
    other; dividing by the shorter one tolerates a prediction quoting a longer sentence.
    """
    a, b = squash(a), squash(b)
    shorter = min(len(a), len(b))
    if shorter == 0:
        return 0.0
    return longest_common_substring(a, b) / shorter


def char_f1(a: str | None, b: str | None) -> float:
    """F1 of the two strings' character multisets (whitespace removed); both empty -> 1.0."""
    a, b = squash(a), squash(b)
    if not a and not b:
        return 1.0
    common = sum((Counter(a) & Counter(b)).values())
    return 2 * common / (len(a) + len(b))
