"""The floors gate: figures on the seeds never fall below tests/eval_baseline.json.

Raise floors with ``python -m extract.evaluate.update_floors`` after an improvement.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.evaluate import EvalReport, evaluate_dirs
from extract.evaluate.floors import below_floor, gold_digest
from extract.evaluate.runner import gold_files

BASELINE = Path(__file__).resolve().parent / "eval_baseline.json"


@pytest.fixture(scope="module")
def baseline() -> dict:
    return json.loads(BASELINE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed_report(gold_dir: Path, seeds_dir: Path) -> EvalReport:
    """The whole pipeline on every seed, scored once for this module."""
    return evaluate_dirs(gold_dir, seeds_dir)


@pytest.mark.shared
def test_gold_is_the_gold_the_floors_were_set_on(gold_dir: Path, baseline: dict) -> None:
    digest = gold_digest(gold_dir)
    assert digest == baseline["gold_sha256"], (
        f"the gold files changed (sha256 {digest}, floors were set on {baseline['gold_sha256']}): "
        "re-baseline with `python -m extract.evaluate.update_floors --allow-lower --reason \"...\"`")


@pytest.mark.shared
def test_every_gold_document_is_scored(gold_dir: Path, seed_report: EvalReport) -> None:
    """Whatever state the stages are in, the evaluation itself never loses a document."""
    expected = sorted(p.name[: -len(".json")] for p in gold_files(gold_dir))
    assert sorted(seed_report.per_document) == expected
    assert not [n for n in seed_report.notes if "document missing" in n]


@pytest.mark.shared
def test_every_figure_is_at_or_above_its_floor(baseline: dict, seed_report: EvalReport) -> None:
    figures = seed_report.figures()
    assert set(baseline["floors"]) <= set(figures), "a gated figure is no longer reported"
    failures = below_floor(figures, baseline["floors"])
    assert not failures, "below floor:\n" + "\n".join(failures) + "\n\n" + seed_report.format_table()
