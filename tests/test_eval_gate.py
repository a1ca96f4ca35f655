"""The floors gate: figures on the seeds never fall below tests/eval_baseline.json.

Raise floors with ``python -m extract.evaluate.update_floors`` after an improvement.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.evaluate import evaluate_dirs
from extract.evaluate.floors import below_floor, gold_digest

BASELINE = Path(__file__).resolve().parent / "eval_baseline.json"


@pytest.fixture(scope="module")
def baseline() -> dict:
    return json.loads(BASELINE.read_text(encoding="utf-8"))


@pytest.mark.shared
def test_gold_is_the_gold_the_floors_were_set_on(gold_dir: Path, baseline: dict) -> None:
    digest = gold_digest(gold_dir)
    assert digest == baseline["gold_sha256"], (
        f"the gold files changed (sha256 {digest}, floors were set on {baseline['gold_sha256']}): "
        "re-baseline with `python -m extract.evaluate.update_floors --allow-lower --reason \"...\"`")


@pytest.mark.shared
def test_every_figure_is_at_or_above_its_floor(gold_dir: Path, seeds_dir: Path, baseline: dict) -> None:
    report = evaluate_dirs(gold_dir, seeds_dir)
    figures = report.figures()
    assert set(baseline["floors"]) <= set(figures), "a gated figure is no longer reported"
    failures = below_floor(figures, baseline["floors"])
    assert not failures, "below floor:\n" + "\n".join(failures) + "\n\n" + report.format_table()
