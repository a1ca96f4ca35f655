"""Normalize on the seed documents: gold evidence survives, offsets point at the source."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from extract.model import Document
from extract.normalize import normalize
from extract.normalize.script import converter
from extract.normalize.width import FULLWIDTH_TABLE
from extract.settings import Settings

GOLDEN = Path(__file__).resolve().parent.parent / "golden" / "normalize"
WHITESPACE = re.compile(r"\s+")
# Gold criterion texts abbreviate with … ; each verbatim piece must still be found.
ELLIPSIS = re.compile(r"…+|\.{3,}")
# Crude HTML stripping for the Jekyll seed 004 until ingest renders its HTML body.
TAG = re.compile(r"<[^>]+>")
SEED_NAMES = [f"{i:03d}" for i in range(5)]


def _seed_path(seeds_dir: Path, prefix: str) -> Path:
    return next(seeds_dir.glob(f"{prefix}_*.txt"))


def _normalized(seeds_dir: Path, prefix: str) -> Document:
    path = _seed_path(seeds_dir, prefix)
    raw = path.read_text(encoding="utf-8")
    if prefix == "004":
        raw = TAG.sub("\n", raw)
    doc = Document(id=prefix, source=path.name, format="txt", raw_text=raw)
    return normalize(doc, Settings())


def _gold_strings(gold: dict) -> list[str]:
    out = [x["evidence"] for kind in ("targets", "deadlines", "responsibilities") for x in gold[kind]]
    for table in gold["scoring_tables"]:
        for item in table["items"]:
            out += [c["text"] for c in item["criteria"]]
    return out


@pytest.mark.shared
@pytest.mark.parametrize("prefix", SEED_NAMES)
def test_normalize_keeps_every_gold_evidence(prefix: str, seeds_dir: Path, gold_dir: Path) -> None:
    gold = json.loads(next(gold_dir.glob(f"{prefix}_*.json")).read_text(encoding="utf-8"))
    text = WHITESPACE.sub("", _normalized(seeds_dir, prefix).text)
    missing = [
        s for s in _gold_strings(gold)
        if any(piece and piece not in text for piece in ELLIPSIS.split(WHITESPACE.sub("", s)))
    ]
    assert not missing, missing[:5]


def test_normalize_seed_002_golden(seeds_dir: Path) -> None:
    """The traditional, pinyin-annotated web page becomes clean simplified text."""
    text = _normalized(seeds_dir, "002").text
    golden = GOLDEN / "002.expected.txt"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")
    assert "(jié)" not in text and "來源" not in text and "节能降耗" in text


def _counterparts(raw_char: str) -> set[str]:
    """What a raw character may become: itself, simplified, half-width (． -> . between digits)."""
    return {raw_char, converter("t2s").convert(raw_char), raw_char.translate(FULLWIDTH_TABLE),
            "." if raw_char == "．" else raw_char}


@pytest.mark.parametrize("prefix", SEED_NAMES)
def test_normalize_offsets_point_at_source(prefix: str, seeds_dir: Path) -> None:
    doc = _normalized(seeds_dir, prefix)
    assert len(doc.offsets) == len(doc.text) + 1 and doc.offsets[-1] == len(doc.raw_text)
    assert list(doc.offsets) == sorted(doc.offsets)
    wrong = [
        (i, ch, doc.raw_text[doc.offsets[i]])
        for i, ch in enumerate(doc.text)
        if ch not in _counterparts(doc.raw_text[doc.offsets[i]])
    ]
    assert not wrong, wrong[:5]


@pytest.mark.parametrize("prefix,script", [("000", "simplified"), ("002", "traditional"), ("003", "simplified")])
def test_normalize_seed_script(prefix: str, script: str, seeds_dir: Path) -> None:
    assert _normalized(seeds_dir, prefix).script == script
