"""Text that remembers where each character came from.

Every normalize step rewrites text (deletes pinyin, converts script, joins lines), but
records must point back at the source: :class:`MappedText` carries ``offsets`` beside
``text`` (``offsets[i]`` = raw index of character ``i``, one extra sentinel entry at the
end) and every operation here keeps the two in step.  Steps never touch ``offsets``
themselves.

The map is an :class:`~extract.normalize.offset_map.OffsetMap`: one entry per run of
characters that advance together with the raw text, not one int per character (a list of
ints cost ~37 bytes a character, the largest thing a 10 MB document held).  It indexes,
slices, iterates and bisects like the list it replaced.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from .offset_map import OffsetMap, OffsetMapBuilder, as_offset_map

Replacement = str | Callable[[re.Match[str]], str]


def spread(offsets: Sequence[int], start: int, end: int, n_out: int) -> Sequence[int]:
    """Source offsets for ``n_out`` characters replacing ``[start, end)``.

    Same length: one to one.  Different length (an OpenCC phrase, a rewritten token):
    each output character maps proportionally into the replaced source range, so that
    a span over the output still covers the right source characters.
    """
    n_in = end - start
    if n_out == n_in:
        return offsets[start:end]
    if n_in == 0:
        return [offsets[start]] * n_out
    return [offsets[start + min(k * n_in // n_out, n_in - 1)] for k in range(n_out)]


@dataclass(slots=True)
class MappedText:
    """A string plus, for every character, its index in the original raw text."""

    text: str
    offsets: OffsetMap

    @classmethod
    def identity(cls, raw: str) -> MappedText:
        return cls(raw, OffsetMap.identity(len(raw) + 1))

    def __post_init__(self) -> None:
        self.offsets = as_offset_map(self.offsets)
        if len(self.offsets) != len(self.text) + 1:
            raise ValueError(f"offsets has {len(self.offsets)} entries for {len(self.text)} characters")

    def edit(self, edits: Iterable[tuple[int, int, str]]) -> MappedText:
        """Apply non-overlapping ``(start, end, replacement)`` edits given in text order."""
        pieces: list[str] = []
        offs = OffsetMapBuilder()
        last = 0
        for start, end, repl in edits:
            if start < last:
                raise ValueError(f"overlapping edit at {start} (previous ended at {last})")
            pieces.append(self.text[last:start])
            offs.add_slice(self.offsets, last, start)
            pieces.append(repl)
            if len(repl) == end - start:
                offs.add_slice(self.offsets, start, end)
            else:
                offs.add_values(spread(self.offsets, start, end, len(repl)))
            last = end
        if last == 0 and not pieces:
            return self
        pieces.append(self.text[last:])
        offs.add_slice(self.offsets, last, len(self.offsets))
        return MappedText("".join(pieces), offs.build())

    def sub(self, pattern: re.Pattern[str], repl: Replacement) -> MappedText:
        """``pattern.sub`` that keeps the map; matches whose replacement is unchanged are skipped."""
        literal = isinstance(repl, str) and "\\" not in repl

        def edits() -> Iterable[tuple[int, int, str]]:
            for m in pattern.finditer(self.text):
                new = repl if literal else repl(m) if callable(repl) else m.expand(repl)
                if new != m.group(0):
                    yield m.start(), m.end(), new

        return self.edit(edits())

    def delete(self, spans: Iterable[tuple[int, int]]) -> MappedText:
        return self.edit((s, e, "") for s, e in spans)

    def translate(self, table: dict[int, str]) -> MappedText:
        """One-character-for-one ``str.translate``: offsets do not change."""
        if any(len(v) != 1 for v in table.values()):
            raise ValueError("translate needs a one-to-one character table")
        return MappedText(self.text.translate(table), self.offsets)

    def map_chunks(self, convert: Callable[[str], str], chunk: re.Pattern[str]) -> MappedText:
        """Apply ``convert`` to the whole text; where it changes lengths, redo it per chunk.

        A length-preserving conversion keeps the offsets as they are.  Otherwise each
        ``chunk`` match (a line, say) is converted alone and mapped with :func:`spread`,
        so a length change stays local to its chunk.
        """
        whole = convert(self.text)
        if len(whole) == len(self.text):
            return MappedText(whole, self.offsets)
        return self.sub(chunk, lambda m: convert(m.group(0)))
