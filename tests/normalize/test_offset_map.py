"""The offset map stays small on a large document and reads as the list it replaced (#9, point 3).

A list of ints cost ~37 bytes a character (a pointer and an int object each), the largest
thing a 10 MB document held; the map is kept as runs now.  Sizes are measured with
tracemalloc and run counts, never the clock.
"""

from __future__ import annotations

import bisect
import pickle
import random
import re
import tracemalloc
from pathlib import Path

import pytest

from extract.model import Document
from extract.normalize import MappedText, normalize
from extract.normalize.mapped import spread
from extract.normalize.offset_map import OffsetMap, first_at_or_after
from extract.settings import Settings

# Bytes per raw character that normalize keeps (the text: 2, UCS-2) and at its peak (copies
# of the text between steps; these seeds hold a non-BMP character: 4 a copy).  With the
# map as a list of ints: 42 and 64.
MAX_KEPT_BYTES_PER_CHAR = 4
MAX_PEAK_BYTES_PER_CHAR = 20


@pytest.fixture(scope="module")
def large_raw(seeds_dir: Path) -> str:
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))]
    return "\n".join(texts) * 10  # ~230,000 characters


def test_offset_map_holds_runs_not_characters(large_raw: str) -> None:
    doc = normalize(Document(id="d", source="s", format="txt", raw_text=large_raw), Settings())
    assert isinstance(doc.offsets, OffsetMap) and len(doc.offsets) == len(doc.text) + 1
    assert doc.offsets.runs * 20 < len(doc.text)  # a run per deleted space, joined line ...


def test_normalize_memory_per_character(large_raw: str) -> None:
    doc = Document(id="d", source="s", format="txt", raw_text=large_raw)
    tracemalloc.start()
    try:
        normalize(doc, Settings())
        kept, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert kept / len(large_raw) <= MAX_KEPT_BYTES_PER_CHAR  # was 42 with a list
    assert peak / len(large_raw) <= MAX_PEAK_BYTES_PER_CHAR


# --------------------------------------------------------------------------- same as a list


class ListMapped:
    """MappedText as it was, on a list of ints (the reference)."""

    def __init__(self, text: str, offsets: list[int]) -> None:
        self.text, self.offsets = text, offsets

    def edit(self, edits: list[tuple[int, int, str]]) -> ListMapped:
        pieces, offs, last = [], [], 0
        for start, end, repl in edits:
            pieces.append(self.text[last:start])
            offs.extend(self.offsets[last:start])
            pieces.append(repl)
            offs.extend(spread(self.offsets, start, end, len(repl)))
            last = end
        pieces.append(self.text[last:])
        offs.extend(self.offsets[last:])
        return ListMapped("".join(pieces), offs)


def _random_edits(rng: random.Random, n: int) -> list[tuple[int, int, str]]:
    edits, pos = [], 0
    while pos <= n and rng.random() < 0.8:
        start = rng.randint(pos, min(n, pos + 6))
        end = rng.randint(start, min(n, start + 4))
        edits.append((start, end, "x" * rng.choice([0, 0, 1, 2, end - start, 3])))
        pos = end + (1 if end == start else 0)
    return edits


@pytest.mark.parametrize("seed", range(200))
def test_edits_map_as_the_list_did(seed: int) -> None:
    rng = random.Random(seed)
    text = "".join(rng.choice("ab\n 。") for _ in range(rng.randint(0, 40)))
    runs, ref = MappedText.identity(text), ListMapped(text, list(range(len(text) + 1)))
    for _ in range(rng.randint(1, 6)):
        edits = _random_edits(rng, len(ref.text))
        runs, ref = runs.edit(edits), ref.edit(edits)
        assert runs.text == ref.text
        assert list(runs.offsets) == ref.offsets and runs.offsets == ref.offsets
        assert [runs.offsets[i] for i in range(-len(ref.offsets), len(ref.offsets))] == ref.offsets * 2
        a, b = sorted(rng.randint(-3, len(ref.offsets) + 3) for _ in range(2))
        assert list(runs.offsets[a:b]) == ref.offsets[a:b]
        assert list(runs.offsets[::2]) == ref.offsets[::2]
        for raw in range(-1, len(text) + 3):
            for hi in (None, len(ref.offsets) - 1, rng.randint(0, len(ref.offsets))):
                expected = bisect.bisect_left(ref.offsets, raw, 0, len(ref.offsets) if hi is None else hi)
                assert runs.offsets.bisect_left(raw, hi) == expected
                assert first_at_or_after(runs.offsets, raw, hi) == expected
                assert first_at_or_after(ref.offsets, raw, hi) == expected


def test_offset_map_is_a_sequence_that_pickles() -> None:
    mt = MappedText("ab  cd", [0, 1, 2, 3, 4, 5, 6]).sub(re.compile(" +"), "")
    assert mt.text == "abcd" and list(mt.offsets) == [0, 1, 4, 5, 6] and mt.offsets.runs == 2
    assert pickle.loads(pickle.dumps(mt.offsets)) == [0, 1, 4, 5, 6]
    assert mt.offsets[-1] == 6 and 4 in mt.offsets and sorted(mt.offsets) == list(mt.offsets)
    with pytest.raises(IndexError):
        mt.offsets[5]
