"""Golden files: whole realistic inputs -> the exact ingest output, diffed on failure.

``tests/ingest/golden/<case>.<ext>`` is ingested; ``<case>.expected.json`` holds format,
encoding, raw_text, tables and front matter. Rewrite only on purpose: UPDATE_GOLDEN=1.
"""

from __future__ import annotations

import difflib
import json
import os
from pathlib import Path

import pytest

from extract.ingest import ingest

from .conftest import assert_spans_consistent

GOLDEN = Path(__file__).resolve().parent / "golden"
CASES = sorted(p for p in GOLDEN.iterdir() if not p.name.endswith(".expected.json"))


def _snapshot(path: Path) -> list[dict]:
    docs = ingest(path.read_bytes(), path.name)
    for doc in docs:
        assert_spans_consistent(doc)
    return [
        {
            "format": doc.format, "encoding": doc.encoding, "front_matter": doc.front_matter,
            "warnings": doc.warnings, "raw_text": doc.raw_text.split("\n"),
            "tables": [{"page": t.page, "title": t.title,
                        "cells": [f"{c.row},{c.col} {c.rowspan}x{c.colspan} {c.text}" for c in t.cells]}
                       for t in doc.tables],
        }
        for doc in docs
    ]


def test_golden_cases_exist() -> None:
    assert len(CASES) >= 3


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_golden(case: Path) -> None:
    expected_path = case.with_name(case.name + ".expected.json")
    actual = json.dumps(_snapshot(case), ensure_ascii=False, indent=1) + "\n"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        expected_path.write_text(actual, encoding="utf-8")
    expected = expected_path.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                            "expected", "actual"))
        pytest.fail(f"{case.name} differs from its golden file:\n{diff}")
