"""Golden files: whole passages through the targets and deadlines extractors.

``tests/golden/<extractor>/<case>.txt`` -> ``<case>.expected.json``; rewrite with UPDATE_GOLDEN=1.
"""

from __future__ import annotations

import difflib
import json
import os
from pathlib import Path

import pytest

from extract.deadlines.extractor import extract_deadlines
from extract.model import Document
from extract.settings import Settings
from extract.targets.extractor import extract_targets

GOLDEN = Path(__file__).resolve().parent.parent / "golden"
CASES = sorted((GOLDEN / "targets").glob("*.txt")) + sorted((GOLDEN / "deadlines").glob("*.txt"))


def _run(path: Path) -> list[dict]:
    doc = Document(id="x", source=path.name, format="txt", text=path.read_text(encoding="utf-8"))
    doc.targets = extract_targets(doc, Settings())
    records = doc.targets if path.parent.name == "targets" else extract_deadlines(doc, Settings())
    out = []
    for r in records:
        d = r.to_dict()
        for key in ("id", "page", "departments", "responsible_canonical"):  # set by later stages
            d.pop(key, None)
        out.append(d)
    return out


def test_golden_cases_exist() -> None:
    assert len(CASES) >= 3


@pytest.mark.parametrize("path", CASES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_golden_extraction_matches(path: Path) -> None:
    expected_path = path.with_suffix(".expected.json")
    got = json.dumps(_run(path), ensure_ascii=False, indent=1)
    if os.environ.get("UPDATE_GOLDEN") == "1":
        expected_path.write_text(got + "\n", encoding="utf-8")
    expected = expected_path.read_text(encoding="utf-8").rstrip("\n")
    diff = "\n".join(difflib.unified_diff(expected.splitlines(), got.splitlines(), "expected", "got", lineterm=""))
    assert got == expected, diff
