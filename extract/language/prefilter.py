"""A substring test before a costly regex: skip the search where it cannot match.

Rules such as ``[^，。；]{2,25}?(?:之?后|完成|结束)的?\\d+个?(?:工作日|日)内`` start with a lazy
run, so a failed search tries every start of the clause and every length of the run:
~3 µs a clause, run on every clause of every document.  Every match of that rule holds
one of 后/完成/结束, and Python's ``in`` rejects a clause without them in ~50 ns.

:func:`required_literals` reads that alternative set off the parsed pattern itself, so a
new rule in a data file gets its prefilter without anyone writing one, and a pattern it
cannot reason about simply gets none (the search then always runs).
"""

from __future__ import annotations

import re
from typing import Any

from .regex_syntax import parser as _p

_REPEATS = {_p.MAX_REPEAT, _p.MIN_REPEAT, getattr(_p, "POSSESSIVE_REPEAT", _p.MAX_REPEAT)}


def required_literals(pattern: str | re.Pattern[str]) -> tuple[str, ...] | None:
    """Strings of which every match of ``pattern`` contains at least one, or None.

    The most selective such set is chosen (longest shortest string).  None when the
    pattern is case-insensitive or no element of its top-level sequence is certain
    (``a?``, ``.*``, a branch with an alternative that needs nothing).
    """
    compiled = pattern if isinstance(pattern, re.Pattern) else re.compile(pattern)
    if compiled.flags & re.IGNORECASE:
        return None
    try:
        found = _sequence(_p.parse(compiled.pattern, compiled.flags))
    except Exception:  # noqa: BLE001 - an unknown parser shape: no prefilter, never a wrong one
        return None
    return tuple(sorted(found)) if found else None


def _sequence(items: Any) -> frozenset[str] | None:
    """The best required set of one sequence of parsed elements."""
    best: frozenset[str] | None = None
    run: list[str] = []

    def offer(candidate: frozenset[str] | None) -> None:
        nonlocal best
        if candidate and (best is None or min(map(len, candidate)) > min(map(len, best))):
            best = candidate

    for op, arg in items:
        if op is _p.LITERAL:
            run.append(chr(arg))
            continue
        if run:  # a run of literals is matched as one contiguous string
            offer(frozenset(["".join(run)]))
            run = []
        offer(_element(op, arg))
    if run:
        offer(frozenset(["".join(run)]))
    return best


def _element(op: Any, arg: Any) -> frozenset[str] | None:
    if op is _p.SUBPATTERN:
        add_flags = arg[1]
        return None if add_flags & re.IGNORECASE else _sequence(arg[-1])
    if op is _p.BRANCH:
        union: set[str] = set()
        for alternative in arg[1]:
            found = _sequence(alternative)
            if not found:
                return None  # this alternative needs nothing: the branch guarantees nothing
            union |= found
        return frozenset(union)
    if op in _REPEATS:
        low, _high, body = arg
        return _sequence(body) if low >= 1 else None
    if op is _p.IN:
        if all(kind is _p.LITERAL for kind, _ in arg):
            return frozenset(chr(value) for _, value in arg)
        return None
    return None  # ANY, categories, ranges, negations, anchors, lookarounds, backreferences


class Prefiltered:
    """A compiled pattern whose ``search``/``finditer`` first look for its required literals
    (one alternation of plain strings: a fast literal scan in C)."""

    __slots__ = ("pattern", "literals", "_gate")

    def __init__(self, pattern: str | re.Pattern[str]) -> None:
        self.pattern = pattern if isinstance(pattern, re.Pattern) else re.compile(pattern)
        self.literals = required_literals(self.pattern)
        self._gate = (re.compile("|".join(map(re.escape, sorted(self.literals, key=len, reverse=True))))
                      if self.literals else None)

    def possible(self, text: str) -> bool:
        """False only when no match can exist in ``text``."""
        return self._gate is None or self._gate.search(text) is not None

    def search(self, text: str) -> re.Match[str] | None:
        if self._gate is not None and self._gate.search(text) is None:
            return None
        return self.pattern.search(text)

    def finditer(self, text: str) -> Any:
        return self.pattern.finditer(text) if self.possible(text) else iter(())

    def __repr__(self) -> str:
        return f"Prefiltered({self.pattern.pattern!r}, literals={self.literals!r})"
