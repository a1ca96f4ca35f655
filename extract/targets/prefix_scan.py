"""What a sentence says before each of its numbers, from one scan of the sentence.

The rules of a target read the sentence up to its number: the last "十四五期间" and any 今年
before it (:func:`~extract.targets.extractor._time_context`), a future word before the
number's clause (:func:`~extract.targets.filters.is_past`).  Slicing the prefix and
scanning it again for every number made a sentence with many numbers quadratic ("A达到1%，
B达到2%，…" with 3,200 clauses: 7 s).  These helpers scan the sentence once and answer for
any prefix with exactly what a scan of the prefix would have found.
"""

from __future__ import annotations

import bisect
import re
import sys
from collections.abc import Iterable
from functools import lru_cache

from ..language.regex_syntax import parser as _sre_parse

NOT_FOUND = sys.maxsize


def _reads_past_match(parsed: object) -> bool:
    """Does the pattern look ahead or test an anchor or word boundary (``$``, ``\\b``,
    ``(?=``, ``(?!``)?  Those read past a match's characters or the string's end, where a
    prefix and the whole sentence differ.  Lookbehinds read before ``a``: same in both."""
    for op, av in parsed:  # type: ignore[attr-defined]
        if op is _sre_parse.AT:
            return True
        if op in (_sre_parse.ASSERT, _sre_parse.ASSERT_NOT):
            if av[0] >= 0 or _reads_past_match(av[1]):
                return True
        elif op is _sre_parse.BRANCH:
            if any(_reads_past_match(b) for b in av[1]):
                return True
        elif op is _sre_parse.SUBPATTERN:
            if _reads_past_match(av[-1]):
                return True
        elif op in (_sre_parse.MAX_REPEAT, _sre_parse.MIN_REPEAT, _sre_parse.POSSESSIVE_REPEAT):
            if _reads_past_match(av[2]):
                return True
        elif op in (_sre_parse.ATOMIC_GROUP,):
            if _reads_past_match(av):
                return True
        elif op is _sre_parse.GROUPREF_EXISTS:
            return True
    return False


@lru_cache(maxsize=64)
def _window(pattern: re.Pattern[str]) -> int | None:
    """Most characters a match attempt reads from its start, or None when prefix scans
    cannot share the sentence's scan (lookahead, anchors, no bound on a match's length)."""
    parsed = _sre_parse.parse(pattern.pattern, pattern.flags)
    low, high = parsed.getwidth()
    if low == 0 or high >= _sre_parse.MAXREPEAT or _reads_past_match(parsed):
        return None
    return int(high)


class PrefixMatches:
    """``list(pattern.finditer(text, start, pos))`` for any ``pos`` up to ``end``.

    A match attempt at ``a`` reads at most ``text[a:a + width]``, so the scans of the
    sentence and of its prefix ending at ``pos`` agree on every attempt at or before
    ``pos - width``: the prefix keeps the sentence's matches that start there, and only the
    last ``width`` characters are scanned again.  A pattern with lookarounds, anchors or no
    bound on its width is scanned in the prefix every time (the plain way).
    """

    __slots__ = ("_pattern", "_text", "_start", "_end", "_width", "_matches", "_starts")

    def __init__(self, pattern: re.Pattern[str], text: str, start: int, end: int) -> None:
        self._pattern, self._text, self._start, self._end = pattern, text, start, end
        self._width = _window(pattern)
        self._matches = list(pattern.finditer(text, start, end)) if self._width else []
        self._starts = [m.start() for m in self._matches]

    def upto(self, pos: int) -> list[re.Match[str]]:
        if self._width is None or pos > self._end:
            return list(self._pattern.finditer(self._text, self._start, pos))
        k = bisect.bisect_right(self._starts, pos - self._width)
        resume = max(self._matches[k - 1].end() if k else self._start, pos - self._width + 1, self._start)
        return self._matches[:k] + list(self._pattern.finditer(self._text, resume, pos))


def first_end(text: str, start: int, end: int, pattern: re.Pattern[str] | None, words: Iterable[str]) -> int:
    """Where the earliest ending ``pattern`` match or word inside ``text[start:end]`` ends.

    ``text[start:e]`` holds one of them exactly when ``e`` is at least that (a word's
    first occurrence ends first; ``pattern`` must be one whose matches cannot overlap and
    whose first match ends first, as ``FUTURE_TO``).  :data:`NOT_FOUND` when none occurs.
    """
    ends = [i + len(w) for w in words if (i := text.find(w, start, end)) >= 0]
    if pattern is not None:
        m = pattern.search(text, start, end)
        if m:
            ends.append(m.end())
    return min(ends, default=NOT_FOUND)
