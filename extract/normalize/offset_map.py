"""The offset map as runs: where normalized text and raw text advance together, one entry.

Normalize maps every normalized character to its raw index (:mod:`.mapped`).  Stored one
int a character, that map was the largest thing a big document held (a list of ints:
~37 bytes a character, 150 MB for a 10 MB document; an int array: 4).  But the raw index
counts up by one along almost all of the text and jumps only where a step deleted,
joined or rewrote something: a 10 MB plan has ~35,000 such runs for 3.8 M characters.
:class:`OffsetMap` keeps one (normalized start, raw start) pair per run and reads like
the list it replaced: ``len``, indexing, slicing, iteration, ``bisect``.
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import overload

# Type code of the run arrays (signed 64-bit: any offset fits).
RUN_TYPE = "q"


class OffsetMap(Sequence[int]):
    """Raw offsets of normalized characters, stored as runs that count up by one.

    Run ``k`` covers normalized indices ``[starts[k], starts[k + 1])`` (the last one up to
    ``len``); index ``i`` in it maps to ``raws[k] + i - starts[k]``.
    """

    __slots__ = ("_starts", "_raws", "_length")
    __hash__ = None  # type: ignore[assignment]  # compares by value, like a list

    def __init__(self, starts: array[int], raws: array[int], length: int) -> None:
        self._starts, self._raws, self._length = starts, raws, length

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        """``0, 1, ..., length - 1``."""
        if length <= 0:
            return cls(array(RUN_TYPE), array(RUN_TYPE), 0)
        return cls(array(RUN_TYPE, [0]), array(RUN_TYPE, [0]), length)

    @classmethod
    def of(cls, values: Iterable[int]) -> OffsetMap:
        builder = OffsetMapBuilder()
        builder.add_values(values)
        return builder.build()

    @property
    def runs(self) -> int:
        """How many runs the map holds (its size: two 8-byte ints a run)."""
        return len(self._starts)

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, i: int) -> int: ...
    @overload
    def __getitem__(self, i: slice) -> OffsetMap: ...
    def __getitem__(self, i: int | slice) -> int | OffsetMap:
        if isinstance(i, slice):
            start, stop, step = i.indices(self._length)
            builder = OffsetMapBuilder()
            if step == 1:
                builder.add_slice(self, start, stop)
            else:
                builder.add_values(self[j] for j in range(start, stop, step))
            return builder.build()
        if i < 0:
            i += self._length
        if not 0 <= i < self._length:
            raise IndexError("offset map index out of range")
        k = bisect.bisect_right(self._starts, i) - 1
        return self._raws[k] + i - self._starts[k]

    def __iter__(self) -> Iterator[int]:
        starts, raws, n = self._starts, self._raws, len(self._starts)
        for k in range(n):
            end = starts[k + 1] if k + 1 < n else self._length
            yield from range(raws[k], raws[k] + end - starts[k])

    def __eq__(self, other: object) -> bool:
        if isinstance(other, OffsetMap | list | tuple | array | range):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other))
        return NotImplemented

    def __reduce__(self) -> tuple[type[OffsetMap], tuple[array[int], array[int], int]]:
        return (OffsetMap, (self._starts, self._raws, self._length))

    def __repr__(self) -> str:
        return f"OffsetMap(length={self._length}, runs={self.runs})"

    def bisect_left(self, raw: int, hi: int | None = None) -> int:
        """``bisect.bisect_left(self, raw, 0, hi)`` by runs (offsets never decrease).

        The first index whose raw offset is ``>= raw``: inside the last run that starts
        below ``raw`` when that run reaches it, else the start of the next run.
        """
        hi = self._length if hi is None else hi
        k = bisect.bisect_left(self._raws, raw)
        if k > 0:
            start = self._starts[k - 1]
            end = self._starts[k] if k < len(self._starts) else self._length
            if self._raws[k - 1] + end - start - 1 >= raw:
                return min(hi, start + raw - self._raws[k - 1])
        at = self._starts[k] if k < len(self._starts) else self._length
        return min(hi, at)


class OffsetMapBuilder:
    """Appends offsets (single values, runs, slices of another map) and merges runs as it goes."""

    __slots__ = ("_starts", "_raws", "_length")

    def __init__(self) -> None:
        self._starts: array[int] = array(RUN_TYPE)
        self._raws: array[int] = array(RUN_TYPE)
        self._length = 0

    def add_run(self, raw: int, length: int) -> None:
        """``raw, raw + 1, ..., raw + length - 1``."""
        if length <= 0:
            return
        if not self._starts or self._raws[-1] + self._length - self._starts[-1] != raw:
            self._starts.append(self._length)
            self._raws.append(raw)
        self._length += length

    def add_values(self, values: Iterable[int]) -> None:
        for value in values:
            self.add_run(value, 1)

    def add_slice(self, source: OffsetMap, start: int, stop: int) -> None:
        """``source[start:stop]``, run by run."""
        if start >= stop:
            return
        starts, raws, n = source._starts, source._raws, len(source._starts)
        k = bisect.bisect_right(starts, start) - 1
        pos = start
        while pos < stop:
            run_end = starts[k + 1] if k + 1 < n else source._length
            end = min(run_end, stop)
            self.add_run(raws[k] + pos - starts[k], end - pos)
            pos, k = end, k + 1

    def build(self) -> OffsetMap:
        return OffsetMap(self._starts, self._raws, self._length)


def as_offset_map(values: Sequence[int]) -> OffsetMap:
    """``values`` as an :class:`OffsetMap` (itself when it is one)."""
    return values if isinstance(values, OffsetMap) else OffsetMap.of(values)


def first_at_or_after(offsets: Sequence[int], raw: int, hi: int | None = None) -> int:
    """``bisect.bisect_left(offsets, raw, 0, hi)``: by runs on an :class:`OffsetMap`."""
    if isinstance(offsets, OffsetMap):
        return offsets.bisect_left(raw, hi)
    return bisect.bisect_left(offsets, raw, 0, len(offsets) if hi is None else hi)
