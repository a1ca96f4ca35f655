"""The floors gate helpers and `python -m extract.evaluate.update_floors`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import extract.evaluate.update_floors as update_floors
from extract.evaluate.floors import below_floor, gold_digest, raised_floors, round_down
from extract.evaluate.report import EvalReport


@pytest.mark.parametrize(("old", "figure", "allow_lower", "expected"), [
    (0.5, 0.75, False, 0.75),     # an improvement raises the floor
    (0.75, 0.5, False, 0.75),     # a regression never lowers it
    (0.75, 0.5, True, 0.5),       # unless explicitly allowed
    (None, 0.25, False, 0.25),    # a new figure gets its first floor
])
def test_raised_floors(old: float | None, figure: float, allow_lower: bool, expected: float) -> None:
    floors = {} if old is None else {"targets.f1": old}
    assert raised_floors({"targets.f1": figure}, floors, allow_lower=allow_lower)["targets.f1"] == expected


def test_floors_are_rounded_down_so_the_gate_passes_right_after_raising() -> None:
    assert round_down(2 / 3) == 0.666666
    assert round_down(1.0) == 1.0
    floors = raised_floors({"deadlines.f1": 2 / 3}, {})
    assert below_floor({"deadlines.f1": 2 / 3}, floors) == []


def test_below_floor_names_each_failure_and_counts_a_vanished_figure_as_zero() -> None:
    failures = below_floor({"targets.f1": 0.4}, {"targets.f1": 0.5, "deadlines.f1": 0.1, "metadata.f1": 0.0})
    assert failures == ["deadlines.f1: 0.000000 < floor 0.100000", "targets.f1: 0.400000 < floor 0.500000"]


def test_gold_digest_follows_content(tmp_path: Path) -> None:
    (tmp_path / "a.txt.json").write_text('{"document": "a.txt"}', encoding="utf-8")
    first = gold_digest(tmp_path)
    (tmp_path / "FORMAT.md").write_text("notes", encoding="utf-8")
    assert gold_digest(tmp_path) == first  # only gold files count
    (tmp_path / "a.txt.json").write_text('{"document": "a.txt", "targets": []}', encoding="utf-8")
    assert gold_digest(tmp_path) != first


class _Report(EvalReport):
    def __init__(self, figures: dict[str, float]) -> None:
        super().__init__()
        self._figures = figures

    def figures(self) -> dict[str, float]:
        return dict(self._figures)


@pytest.fixture
def setup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "a.txt.json").write_text('{"document": "a.txt"}', encoding="utf-8")
    baseline = tmp_path / "eval_baseline.json"
    baseline.write_text(json.dumps({"gold_sha256": gold_digest(gold),
                                    "floors": {"targets.f1": 0.5, "deadlines.f1": 0.5}, "notes": []}),
                        encoding="utf-8")
    figures = {"targets.f1": 0.75, "deadlines.f1": 0.25}
    monkeypatch.setattr(update_floors, "evaluate_dirs", lambda g, d: _Report(figures))

    def run(*extra: str) -> tuple[int, dict]:
        code = update_floors.main(["--gold", str(gold), "--docs", str(tmp_path), "--baseline", str(baseline),
                                   *extra])
        return code, json.loads(baseline.read_text(encoding="utf-8"))

    return gold, run


def test_update_floors_only_raises(setup) -> None:
    _, run = setup
    code, data = run()
    assert code == 0
    assert data["floors"] == {"deadlines.f1": 0.5, "targets.f1": 0.75}
    assert data["notes"] == []


def test_update_floors_lowers_only_with_a_reason(setup) -> None:
    _, run = setup
    with pytest.raises(SystemExit):
        run("--allow-lower")
    code, data = run("--allow-lower", "--reason", "deadline rules rewritten for recurring items")
    assert code == 0
    assert data["floors"] == {"deadlines.f1": 0.25, "targets.f1": 0.75}
    assert len(data["notes"]) == 1
    assert data["notes"][0].endswith("(1 lowered): deadline rules rewritten for recurring items")


def test_update_floors_refuses_changed_gold_without_allow_lower(setup) -> None:
    gold, run = setup
    (gold / "a.txt.json").write_text('{"document": "a.txt", "targets": []}', encoding="utf-8")
    code, data = run()
    assert code == 2
    assert data["gold_sha256"] != gold_digest(gold)  # the file was left alone
    code, data = run("--allow-lower", "--reason", "gold a.txt re-annotated")
    assert code == 0
    assert data["gold_sha256"] == gold_digest(gold)
