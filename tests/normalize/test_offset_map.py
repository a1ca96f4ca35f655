"""The offset map stays small on a large document (#9, point 3: memory).

A list of ints cost ~37 bytes a character (a pointer and an int object each), the largest
thing a 10 MB document held; the map is an ``array('i')`` now.  Sizes are measured with
tracemalloc, never the clock.
"""

from __future__ import annotations

import tracemalloc
from array import array
from pathlib import Path

import pytest

from extract.model import Document
from extract.normalize import MappedText, normalize
from extract.settings import Settings

# Bytes per raw character: the text itself is 2 (UCS-2) and the map 4; a list was ~37.
MAX_KEPT_BYTES_PER_CHAR = 12
MAX_PEAK_BYTES_PER_CHAR = 32


@pytest.fixture(scope="module")
def large_raw(seeds_dir: Path) -> str:
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))]
    return "\n".join(texts) * 10  # ~230,000 characters


def test_offset_map_is_an_int_array(large_raw: str) -> None:
    doc = normalize(Document(id="d", source="s", format="txt", raw_text=large_raw), Settings())
    assert isinstance(doc.offsets, array) and doc.offsets.itemsize <= 4
    assert len(doc.offsets) == len(doc.text) + 1


def test_normalize_memory_per_character(large_raw: str) -> None:
    doc = Document(id="d", source="s", format="txt", raw_text=large_raw)
    tracemalloc.start()
    try:
        normalize(doc, Settings())
        kept, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert kept / len(large_raw) <= MAX_KEPT_BYTES_PER_CHAR  # was 42 with a list
    assert peak / len(large_raw) <= MAX_PEAK_BYTES_PER_CHAR  # was 64


def test_mapped_text_takes_a_list_and_keeps_an_array() -> None:
    mt = MappedText("ab", [0, 1, 2])
    assert isinstance(mt.offsets, array) and list(mt.offsets) == [0, 1, 2]
    edited = mt.edit([(0, 1, "xyz")])
    assert edited.text == "xyzb" and list(edited.offsets) == [0, 0, 0, 1, 2]
    assert isinstance(edited.offsets, array)
