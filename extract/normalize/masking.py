"""Same-length masks: spans of a text overwritten by one character, offsets kept.

Extractors hide 文号, dates or 《titles》 from their patterns by overwriting them in a copy
of the text.  Painting into ``list(text)`` costs a string object per character (~85 bytes:
260 MB for a 10 MB document, the largest transient allocation of the pipeline); joining
the kept slices and the masks costs the size of the text.
"""

from __future__ import annotations

from collections.abc import Iterable


def mask_spans(text: str, spans: Iterable[tuple[int, int]], char: str) -> str:
    """``text`` with every ``[start, end)`` of ``spans`` (any order, overlaps allowed) as ``char``.

    The same string as assigning ``char * (end - start)`` to ``chars[start:end]`` of
    ``list(text)`` span by span, for spans inside the text; empty and reversed spans
    change nothing.
    """
    merged: list[list[int]] = []
    for start, end in sorted((max(0, s), min(len(text), e)) for s, e in spans):
        if end <= start:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    if not merged:
        return text
    pieces: list[str] = []
    last = 0
    for start, end in merged:
        pieces.append(text[last:start])
        pieces.append(char * (end - start))
        last = end
    pieces.append(text[last:])
    return "".join(pieces)
