"""A line break inside a word is layout: the two lines are one sentence.

A justified PDF line may hold fewer characters than its neighbours and still reach the margin
(letter-spaced: "…保护全国碳排放权交" / "易市场各参与方…", b402), so its width alone does not
say it is full. A break inside a dictionary word does: "交|易", "（责任单|位：…）" (b057, b357),
"关于加快建立健全绿色低碳|循环发展…" in a wrapped title.

The check cuts the few characters around the break with jieba's dictionary (rjieba, no HMM:
only dictionary words can span it). A line that ends with a whole word is not joined on
this evidence, even when a word could also be read across the break ("…南京分行" / "省邮政
管理局", where 行省 is a word too). A separate rjieba instance keeps the cuts independent of
the words the language layer adds to the default one.
"""

from __future__ import annotations

import functools
from typing import Any

# Characters of each line looked at: enough for any word around the break.
WINDOW = 6


@functools.lru_cache(maxsize=1)
def _jieba() -> Any:
    import rjieba

    return rjieba.Jieba()


def load_dictionary() -> None:
    """Build the dictionary now (~0.1 s), so that forked workers inherit it (extract.warmup)."""
    _jieba()


def _han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def breaks_word(a: str, b: str) -> bool:
    """Does the break between line ``a`` and line ``b`` fall inside a dictionary word?"""
    if not (a and b and _han(a[-1]) and _han(b[0])) or a[-2:-1].isdigit():
        return False  # "2021年12月28日" / "前言": a number's unit ends the line, 日前 is no word here
    seg = _jieba()
    head = a[-WINDOW:]
    if len(seg.cut(head, False)[-1]) > 1:
        return False  # the line ends with a whole word
    pos = 0
    for token in seg.cut(head + b[:WINDOW], False):
        if pos < len(head) < pos + len(token):
            return True
        pos += len(token)
    return False
