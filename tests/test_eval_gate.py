"""The floors gate: figures on each development set never fall below their floors.

Each set (the seeds, the devset) has its own floors file in ``tests/`` with the sha256 of
the gold it was measured on. Raise floors with ``make floors`` after an improvement.
"""

from __future__ import annotations

import json

import pytest

from extract.evaluate import EvalReport, evaluate_dirs
from extract.evaluate.devset import EvalSet, development_sets
from extract.evaluate.floors import below_floor, gold_digest
from extract.evaluate.runner import gold_files

SETS = {s.name: s for s in development_sets()}


@pytest.fixture(scope="module", params=sorted(SETS))
def dev_set(request: pytest.FixtureRequest, shared_dir) -> EvalSet:  # noqa: ARG001 - skips without ../shared
    s = SETS[request.param]
    if not (s.gold.is_dir() and s.docs.is_dir()):
        pytest.skip(f"{s.name}: {s.gold} or {s.docs} is absent")
    return s


@pytest.fixture(scope="module")
def baseline(dev_set: EvalSet) -> dict:
    return json.loads(dev_set.baseline.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def report(dev_set: EvalSet) -> EvalReport:
    """The whole pipeline on every document of the set, scored once for this module."""
    return evaluate_dirs(dev_set.gold, dev_set.docs)


@pytest.mark.shared
def test_gold_is_the_gold_the_floors_were_set_on(dev_set: EvalSet, baseline: dict) -> None:
    digest = gold_digest(dev_set.gold)
    assert digest == baseline["gold_sha256"], (
        f"{dev_set.name}: the gold files changed (sha256 {digest}, floors were set on {baseline['gold_sha256']}): "
        f"re-baseline with `python -m extract.evaluate.update_floors --set {dev_set.name} --allow-lower --reason \"...\"`")


@pytest.mark.shared
def test_every_gold_document_is_scored(dev_set: EvalSet, report: EvalReport) -> None:
    """Whatever state the stages are in, the evaluation itself never loses a document."""
    expected = sorted(p.name[: -len(".json")] for p in gold_files(dev_set.gold))
    assert sorted(report.per_document) == expected
    assert not [n for n in report.notes if "document missing" in n or "pipeline failed" in n]


@pytest.mark.shared
def test_every_figure_is_at_or_above_its_floor(baseline: dict, report: EvalReport) -> None:
    figures = report.figures()
    assert set(baseline["floors"]) <= set(figures), "a gated figure is no longer reported"
    failures = below_floor(figures, baseline["floors"])
    assert not failures, "below floor:\n" + "\n".join(failures) + "\n\n" + report.format_table()
