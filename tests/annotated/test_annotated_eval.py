"""Annotated bulk documents: independent gold for 151 bulk PDFs, gated by floors.

Independent annotators wrote this gold in sessions 5 to 8 from ``../shared/gold/FORMAT.md`` and the
normalized text alone, before anyone looked at the extractor's output on these documents
(README.md says which rules were then written after reading the misses). They are no longer
blind: they guard the general rules found on them against regressions. ``baseline.json``
holds the figures measured when the floors were set and the floors (figures minus its
``slack``); raise them after an improvement, never edit gold to pass.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from extract.evaluate import EvalReport, evaluate_dirs
from extract.evaluate.floors import below_floor

HERE = Path(__file__).resolve().parent
GOLD = sorted(HERE.glob("*.pdf.json"))
_WHITESPACE = re.compile(r"\s+")


@pytest.fixture(scope="module")
def annotated_report(tmp_path_factory: pytest.TempPathFactory, bulk_pdf_dir: Path) -> EvalReport:
    gold = tmp_path_factory.mktemp("annotated_gold")  # only the gold files: every *.json is scored
    for path in GOLD:
        shutil.copy(path, gold / path.name)
    return evaluate_dirs(gold, bulk_pdf_dir)


def test_gold_names_its_document() -> None:
    assert len(GOLD) == 151
    for path in GOLD:
        assert json.loads(path.read_text(encoding="utf-8"))["document"] == path.name.removesuffix(".json")


@pytest.mark.shared
@pytest.mark.parametrize("path", GOLD, ids=lambda p: p.name)
def test_gold_evidence_is_in_the_text(path: Path, bulk_pdf_dir: Path) -> None:
    """Evidence occurs in the normalized text once whitespace is removed (FORMAT.md)."""
    from extract import process_file

    gold = json.loads(path.read_text(encoding="utf-8"))
    text = _WHITESPACE.sub("", process_file(bulk_pdf_dir / gold["document"])[0].text)
    missing = [r["evidence"] for kind in ("targets", "deadlines", "responsibilities")
               for r in gold[kind] if _WHITESPACE.sub("", r["evidence"]) not in text]
    assert not missing, missing[:3]


@pytest.mark.shared
def test_annotated_figures_stay_above_their_floors(annotated_report: EvalReport) -> None:
    print("\nannotated bulk documents (tests/annotated)\n" + annotated_report.format_table())
    assert sorted(annotated_report.per_document) == [p.name.removesuffix(".json") for p in GOLD]
    failures = below_floor(annotated_report.figures(), json.loads((HERE / "baseline.json").read_text())["floors"])
    assert not failures, "\n".join(failures) + "\n\n" + annotated_report.format_table()
