"""mask_spans paints as painting into ``list(text)`` did, without a string per character."""

from __future__ import annotations

import random
import tracemalloc

import pytest

from extract.normalize.masking import mask_spans


def _painted(text: str, spans: list[tuple[int, int]], char: str) -> str:
    chars = list(text)
    for s, e in spans:
        chars[s:e] = char * (e - s)
    return "".join(chars)


@pytest.mark.parametrize("seed", range(50))
def test_mask_spans_same_as_painting_a_list(seed: int) -> None:
    rng = random.Random(seed)
    text = "".join(rng.choice("节能2025年，。\n") for _ in range(rng.randint(0, 60)))
    spans = []
    for _ in range(rng.randint(0, 12)):
        s = rng.randint(0, len(text))
        spans.append((s, rng.randint(max(0, s - 3), len(text))))  # overlaps, empty and reversed spans
    assert mask_spans(text, spans, "#") == _painted(text, spans, "#")


def test_mask_spans_memory_is_the_size_of_the_text() -> None:
    text = "到2025年底，单位地区生产总值能耗下降13.5%。\n" * 40_000  # ~1.1 M characters
    spans = [(i, i + 7) for i in range(1, len(text) - 7, 29)]
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        masked = mask_spans(text, spans, "#")
        peak = tracemalloc.get_traced_memory()[1] - base
    finally:
        tracemalloc.stop()
    assert len(masked) == len(text)
    assert peak / len(text) <= 12  # painting list(text) took ~80 bytes a character
