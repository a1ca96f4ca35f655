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
    sections: list[Section] = []
    for i, (start, level, title) in enumerate(heads):
        end = len(text)
        for later_start, later_level, _ in heads[i + 1:]:
            if later_level <= level:
                end = later_start
                break
        sections.append(Section(level=level, start=start, end=end, title=title))
    return tuple(sections)


def innermost(sections: tuple[Section, ...], pos: int) -> Section | None:
    """The deepest section containing ``pos`` (None before the first heading)."""
    best: Section | None = None
    starts = [s.start for s in sections]
    for s in sections[: bisect.bisect_right(starts, pos)]:
        if s.contains(pos) and (best is None or s.level >= best.level):
            best = s
    return best
