"""Outline sections of a normalized text: 一、 > （一） > 1. > （1）.

The link stage needs "which section is this record in" and "which sections come later".
It reads the outline markers at line starts itself, so it works whether or not the
structure stage filled ``doc.blocks`` (and identically for every input format).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from .patterns import HEADINGS

# First characters of every outline marker of HEADINGS (besides digits): 一、 （一） (1)
HEADING_FIRST_CHARS = frozenset("一二三四五六七八九十（(")
# A heading's title ends at its first full stop ("(一)重点行业绿色升级工程。以化工…");
# titles longer than this are body text that happens to start with a marker.
MAX_TITLE_CHARS = 60


@dataclass(frozen=True, slots=True)
class Section:
    level: int
    start: int  # offset of the marker
    end: int  # offset where the next section of the same or a higher level starts
    title: str  # heading text without its marker ("重点行业绿色升级工程")

    def contains(self, pos: int) -> bool:
        return self.start <= pos < self.end


@lru_cache(maxsize=8)
def split_sections(text: str) -> tuple[Section, ...]:
    """Every outline section of ``text`` in document order (nested ones included)."""
    heads: list[tuple[int, int, str]] = []  # (start, level, title)
    pos = 0
    for line in text.splitlines(keepends=True):
        first = line.lstrip(" \t\u3000")[:1]
        if not first or not (first in HEADING_FIRST_CHARS or first.isdecimal()):
            pos += len(line)
            continue  # cheap: a heading starts with a numeral or an opening bracket
        for level, pattern in HEADINGS:
            m = pattern.match(line)
            if m:
                body = line[m.end():].strip()
                title = re.split(r"[。；;]", body, maxsplit=1)[0].strip()
                if 0 < len(title) <= MAX_TITLE_CHARS:
                    heads.append((pos + (len(line) - len(line.lstrip())), level, title))
                break
        pos += len(line)
    return tuple(nested_sections(heads, len(text)))


def nested_sections(heads: list[tuple[int, int, str]], end: int) -> list[Section]:
    """Sections of ``(start, level, title)`` headings in document order: each ends where the
    next heading of the same or a higher level starts, the last open ones at ``end``.

    One pass with a stack of the open headings (levels increase up the stack), not a scan
    of the later headings per heading.
    """
    ends = [end] * len(heads)
    open_heads: list[int] = []
    for i, (start, level, _) in enumerate(heads):
        while open_heads and heads[open_heads[-1]][1] >= level:
            ends[open_heads.pop()] = start
        open_heads.append(i)
    return [Section(level=level, start=start, end=stop, title=title)
            for (start, level, title), stop in zip(heads, ends)]


def innermost(sections: tuple[Section, ...], pos: int) -> Section | None:
    """The deepest section containing ``pos`` (None before the first heading).

    Among the sections that contain ``pos`` the one of the highest level wins, the later
    one on a tie.  For an outline (what :func:`split_sections` gives: starts increasing,
    every section inside its parent, never shallower than it) that is the nearest
    ancestor-or-self of the last section starting at or before ``pos`` that contains it:
    found by walking up at most the outline's depth, not by scanning every section.
    """
    tree = _outline_tree(sections)
    if tree is None:
        return _innermost_by_scan(sections, pos)
    starts, parents = tree
    i = bisect.bisect_right(starts, pos) - 1
    while i >= 0 and not sections[i].contains(pos):
        i = parents[i]
    return sections[i] if i >= 0 else None


def enclosing(sections: tuple[Section, ...], pos: int) -> list[Section]:
    """Every section containing ``pos``, outermost first (in ``sections`` order).

    In an outline they are ``innermost`` and its ancestors (sections nest or are disjoint):
    a walk up the tree, not a scan of every section.
    """
    tree = _outline_tree(sections)
    if tree is None:
        return [s for s in sections if s.contains(pos)]
    starts, parents = tree
    i = bisect.bisect_right(starts, pos) - 1
    while i >= 0 and not sections[i].contains(pos):
        i = parents[i]
    chain: list[Section] = []
    while i >= 0:
        chain.append(sections[i])
        i = parents[i]
    return chain[::-1]


def _innermost_by_scan(sections: tuple[Section, ...], pos: int) -> Section | None:
    best: Section | None = None
    starts = [s.start for s in sections]
    for s in sections[: bisect.bisect_right(starts, pos)]:
        if s.contains(pos) and (best is None or s.level >= best.level):
            best = s
    return best


# Outline trees of the last few section tuples, by identity (the tuples come from the
# cached split_sections; hashing a long tuple of sections per call would cost a scan).
_TREES: dict[int, tuple[tuple[Section, ...], tuple[list[int], list[int]] | None]] = {}
TREE_CACHE_SIZE = 8


def _outline_tree(sections: tuple[Section, ...]) -> tuple[list[int], list[int]] | None:
    """(starts, parent index per section; -1 at the top), or None when not an outline."""
    cached = _TREES.get(id(sections))
    if cached is not None and cached[0] is sections:
        return cached[1]
    tree = _build_tree(sections)
    if len(_TREES) >= TREE_CACHE_SIZE:
        _TREES.pop(next(iter(_TREES)))
    _TREES[id(sections)] = (sections, tree)
    return tree


def _build_tree(sections: tuple[Section, ...]) -> tuple[list[int], list[int]] | None:
    starts = [s.start for s in sections]
    parents: list[int] = []
    stack: list[int] = []
    for i, s in enumerate(sections):
        if i and starts[i] <= starts[i - 1]:
            return None
        while stack and not sections[stack[-1]].contains(s.start):
            stack.pop()
        parent = stack[-1] if stack else -1
        if parent >= 0 and (s.end > sections[parent].end or s.level < sections[parent].level):
            return None  # not nested, or shallower than its container: scan instead
        parents.append(parent)
        stack.append(i)
    return starts, parents
