"""evaluate_dirs: every gold file is scored, and no document failure ever crashes it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import extract.pipeline
from extract.evaluate import evaluate_dirs
from extract.evaluate.runner import gold_files

EVIDENCE = "到2025年，全区单位地区生产总值能源消耗比2020年下降15%"


def _gold(name: str) -> dict[str, Any]:
    return {
        "document": name,
        "metadata": {"title": "节能减排综合工作实施方案", "doc_number": None, "issuers": [],
                     "issue_date": None, "recipients": []},
        "targets": [{"indicator": "单位地区生产总值能源消耗", "scope": "全区", "direction": "decrease",
                     "value": 15, "value_max": None, "unit": "%", "qualifier": None, "baseline_year": 2020,
                     "deadline": "2025", "period": None, "departments": [], "evidence": EVIDENCE}],
        "deadlines": [], "responsibilities": [], "scoring_tables": [],
    }


class _FakeDoc:
    """Stands in for a processed Document: only to_dict is used."""

    def __init__(self, name: str) -> None:
        self.name = name

    def to_dict(self) -> dict[str, Any]:
        gold = _gold(self.name)
        return {"document": {"source": self.name, **gold["metadata"]}, "targets": gold["targets"],
                "deadlines": [], "responsibilities": [], "scoring_tables": []}


@pytest.fixture
def dirs(tmp_path: Path) -> tuple[Path, Path]:
    gold_dir, docs_dir = tmp_path / "gold", tmp_path / "docs"
    gold_dir.mkdir()
    docs_dir.mkdir()
    for name in ("a.txt", "b.txt"):
        (gold_dir / f"{name}.json").write_text(json.dumps(_gold(name), ensure_ascii=False), encoding="utf-8")
        (docs_dir / name).write_text(f"节能减排综合工作实施方案\n{EVIDENCE}。\n", encoding="utf-8")
    (gold_dir / "FORMAT.md").write_text("# not a gold file\n", encoding="utf-8")
    # floors and expectations kept beside a gold set are JSON too, but name no document
    (gold_dir / "baseline.json").write_text('{"floors": {}}', encoding="utf-8")
    return gold_dir, docs_dir


def test_gold_files_are_the_document_json_files_only(dirs: tuple[Path, Path]) -> None:
    assert [p.name for p in gold_files(dirs[0])] == ["a.txt.json", "b.txt.json"]


def test_each_document_is_processed_and_scored(dirs: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []

    def fake_process_file(path: Path, settings: object = None) -> list[_FakeDoc]:
        seen.append(Path(path).name)
        return [_FakeDoc(Path(path).name)]

    monkeypatch.setattr(extract.pipeline, "process_file", fake_process_file)
    report = evaluate_dirs(*dirs)
    assert seen == ["a.txt", "b.txt"]
    assert report.prf["targets"].f1 == 1.0
    assert report.notes == []


def test_pipeline_failure_is_an_empty_prediction_with_a_note(
        dirs: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    def fake_process_file(path: Path, settings: object = None) -> list[_FakeDoc]:
        if Path(path).name == "a.txt":
            raise ImportError("cannot import name 'extract_targets'")
        return [_FakeDoc(Path(path).name)]

    monkeypatch.setattr(extract.pipeline, "process_file", fake_process_file)
    report = evaluate_dirs(*dirs)
    assert report.prf["targets"].gold == 2
    assert report.prf["targets"].r_hits == 1
    assert len(report.notes) == 1
    assert report.notes[0].startswith("a.txt: pipeline failed: ImportError")
    assert "note: a.txt: pipeline failed" in report.format_table()


def test_missing_document_is_an_empty_prediction_with_a_note(
        dirs: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(extract.pipeline, "process_file", lambda path, settings=None: [_FakeDoc(Path(path).name)])
    (dirs[1] / "b.txt").unlink()
    report = evaluate_dirs(*dirs)
    assert report.prf["targets"].recall == 0.5
    assert report.notes == ["b.txt: document missing from the docs directory"]


def test_unreadable_gold_file_is_skipped_with_a_note(
        dirs: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(extract.pipeline, "process_file", lambda path, settings=None: [_FakeDoc(Path(path).name)])
    (dirs[0] / "b.txt.json").write_text("{not json", encoding="utf-8")
    report = evaluate_dirs(*dirs)
    assert sorted(report.per_document) == ["a.txt"]
    assert report.notes[0].startswith("b.txt.json: unreadable gold file skipped")


def test_no_gold_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no gold"):
        evaluate_dirs(tmp_path, tmp_path)

