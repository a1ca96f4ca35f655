"""Answer "who owns the text at ``pos``" without scanning the whole plan per record.

:func:`extract.link.owners_at` and :func:`extract.link.topic_subject` filter every
assignment of the plan for every target and deadline: O(records x plan), and the plan
itself grows with the square of the sections when "以下均需…负责落实，不再列出" bodies are
carried into every later section.  :class:`PlanIndex` gives the very same answers from
structures built once per document:

* the assignments' scope boundaries cut the text into elementary segments inside which
  the set of covering assignments cannot change; one sweep lists, per segment, the
  covering assignments in plan order, and a query is a bisect;
* the sentence assignments sorted (stably) by where their evidence starts, so the ones of
  a paragraph before ``pos`` are a bisected slice.
"""

from __future__ import annotations

import bisect
import heapq
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from ..departments import Assignment


class PlanIndex:
    """The plan of one document, indexed for :meth:`owners_at` and :meth:`topic_subject`."""

    def __init__(self, plan: tuple[Assignment, ...]) -> None:
        from . import NOT_TOPICAL_INTRODUCERS, SENTENCE_KINDS

        self.plan = plan
        self._sentence_kinds = SENTENCE_KINDS
        self._not_topical = NOT_TOPICAL_INTRODUCERS
        self._bounds, self._covering = _segments(plan)
        self._owners: dict[int, list[Assignment]] = {}
        sentences = sorted((a for a in plan if a.kind in SENTENCE_KINDS), key=lambda a: a.evidence[0])
        self._sentences = sentences
        self._sentence_starts = [a.evidence[0] for a in sentences]

    def covering(self, pos: int) -> tuple[Assignment, ...]:
        """The assignments whose scope holds ``pos``, in plan order."""
        i = bisect.bisect_right(self._bounds, pos) - 1
        return self._covering[i] if 0 <= i < len(self._covering) else ()

    def owners_at(self, pos: int) -> list[Assignment]:
        """What :func:`extract.link.owners_at` returns for ``(plan, pos)``."""
        from . import KIND_CARRY

        i = bisect.bisect_right(self._bounds, pos) - 1
        if not 0 <= i < len(self._covering):
            return []
        if i not in self._owners:
            covering = self._covering[i]
            own_sentence = [a for a in covering if a.kind in self._sentence_kinds]
            self._owners[i] = own_sentence or sorted(
                (a for a in covering if a.kind not in self._sentence_kinds), key=lambda a: a.kind == KIND_CARRY)
        return list(self._owners[i])

    def topic_subject(self, text: str, pos: int) -> list[Assignment]:
        """What :func:`extract.link.topic_subject` returns for ``(text, plan, pos)``."""
        para_start = text.rfind("\n", 0, pos) + 1
        lo = bisect.bisect_left(self._sentence_starts, para_start)
        hi = bisect.bisect_left(self._sentence_starts, pos)
        before = [a for a in self._sentences[lo:hi] if a.intro not in self._not_topical]
        if not before:
            return []
        last = max(a.evidence[0] for a in before)
        # a stable sort kept plan order among equal starts
        return [a for a in before if a.evidence[0] == last]


def _segments(plan: tuple[Assignment, ...]) -> tuple[list[int], list[tuple[Assignment, ...]]]:
    """Segment starts and, per segment, the covering assignments in plan order (one sweep)."""
    bounds = sorted({p for a in plan for p in a.scope})
    by_start = sorted(range(len(plan)), key=lambda j: plan[j].scope[0])
    active: set[int] = set()
    ends: list[tuple[int, int]] = []
    covering: list[tuple[Assignment, ...]] = []
    k = 0
    previous: tuple[Assignment, ...] | None = None
    changed = True
    for b in bounds:
        while k < len(by_start) and plan[by_start[k]].scope[0] <= b:
            j = by_start[k]
            if plan[j].scope[1] > b:  # an empty or already-ended scope covers nothing
                active.add(j)
                heapq.heappush(ends, (plan[j].scope[1], j))
                changed = True
            k += 1
        while ends and ends[0][0] <= b:
            active.discard(heapq.heappop(ends)[1])
            changed = True
        if changed or previous is None:
            previous = tuple(plan[j] for j in sorted(active))
            changed = False
        covering.append(previous)
    return bounds, covering
