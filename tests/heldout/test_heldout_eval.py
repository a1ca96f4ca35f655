"""Held-out gate: the pipeline on real PDFs nobody tuned on, against independent gold.

The gold files here (``<pdf name>.json``, FORMAT of ``../shared/gold/FORMAT.md``) were
annotated from the document text only, never from extractor output (see README.md).
Floors in ``baseline.json`` are the figures measured when the gold was frozen minus
:data:`SLACK`, so a regression fails while normal noise from rule changes does not.
Never edit gold to make this pass; raise floors only after a real improvement.
"""

from __future__ import annotations

import json
import logging
import re
import shutil
from pathlib import Path

import pytest

from extract.evaluate import EvalReport, evaluate_dirs
from extract.evaluate.floors import below_floor

LOGGER = logging.getLogger(__name__)

HELDOUT = Path(__file__).resolve().parent
BASELINE = HELDOUT / "baseline.json"
# The held-out docs are PDFs; the auxiliary files (baseline.json, metadata_expected.json)
# are not gold and must not be scored as phantom documents.
GOLD_GLOB = "*.pdf.json"
# Floors sit this far below the frozen figures: 0.02 absorbs one record flipping on a
# ~30-record type while a real regression (several records) still fails.
SLACK = 0.02
_WHITESPACE = re.compile(r"\s+")

ROLES = {"lead", "support", "implement"}
DIRECTIONS = {"decrease", "increase", "reach", "cap", "floor"}
QUALIFIERS = {None, "at_least", "at_most", "about"}
RECURRENCES = {None, "annual", "quarterly", "monthly"}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def heldout_gold_files() -> list[Path]:
    return sorted(HELDOUT.glob(GOLD_GLOB))


def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def gold_only_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory holding only the gold files (evaluate_dirs scores every *.json it finds)."""
    out = tmp_path_factory.mktemp("heldout_gold")
    for path in heldout_gold_files():
        shutil.copy(path, out / path.name)
    return out


@pytest.fixture(scope="module")
def heldout_report(gold_only_dir: Path, real_pdf_dir: Path) -> EvalReport:
    return evaluate_dirs(gold_only_dir, real_pdf_dir)


def test_there_is_heldout_gold() -> None:
    assert heldout_gold_files(), "no held-out gold file found"


@pytest.mark.parametrize("path", heldout_gold_files(), ids=lambda p: p.name)
def test_gold_file_follows_format(path: Path) -> None:
    gold = _load(path)
    assert gold["document"] == path.name[: -len(".json")]
    assert set(gold["metadata"]) >= {"title", "doc_number", "issuers", "issue_date", "recipients"}
    assert gold["metadata"]["issue_date"] is None or DATE.match(gold["metadata"]["issue_date"])
    for t in gold["targets"]:
        assert t["direction"] in DIRECTIONS and t["qualifier"] in QUALIFIERS, t
        assert isinstance(t["value"], int | float) and t["evidence"], t
        assert t["deadline"] is None or DATE.match(t["deadline"]), t
        assert all(d["role"] in ROLES for d in t["departments"]), t
    for d in gold["deadlines"]:
        assert d["recurrence"] in RECURRENCES, d
        # FORMAT v2: a relative limit has relative_due, a weekly rhythm recurrence_detail
        assert d["due"] or d["recurrence"] or d.get("relative_due") or d.get("recurrence_detail"), d
        assert d["due"] is None or DATE.match(d["due"]), d
    for r in gold["responsibilities"]:
        assert r["role"] in ROLES and r["department"] and r["task"], r
    assert gold["scoring_tables"] == [] or all("items" in s for s in gold["scoring_tables"])


@pytest.mark.shared
@pytest.mark.parametrize("path", heldout_gold_files(), ids=lambda p: p.name)
def test_gold_evidence_is_verbatim_in_the_document(path: Path, real_pdf_dir: Path) -> None:
    """Evidence must occur in the normalized text (whitespace removed), as FORMAT.md requires."""
    from extract import process_file

    gold = _load(path)
    doc = process_file(real_pdf_dir / gold["document"])[0]
    text = _WHITESPACE.sub("", doc.text)
    missing = [r["evidence"] for kind in ("targets", "deadlines", "responsibilities")
               for r in gold[kind] if _WHITESPACE.sub("", r["evidence"]) not in text]
    assert not missing, f"{len(missing)} evidence strings are not in the text: {missing[:3]}"


@pytest.mark.shared
def test_every_heldout_document_is_scored(heldout_report: EvalReport) -> None:
    expected = sorted(p.name[: -len(".json")] for p in heldout_gold_files())
    assert sorted(heldout_report.per_document) == expected
    assert not [n for n in heldout_report.notes if "missing" in n or "failed" in n], heldout_report.notes


@pytest.mark.shared
def test_heldout_figures_stay_above_their_floors(heldout_report: EvalReport) -> None:
    print("\nheld-out evaluation (tests/heldout vs ../shared/corpora/real)\n" + heldout_report.format_table())
    floors = _load(BASELINE)["floors"]
    figures = heldout_report.figures()
    assert set(floors) <= set(figures), "a gated figure is no longer reported"
    failures = below_floor(figures, floors)
    assert not failures, "held-out regression:\n" + "\n".join(failures) + "\n\n" + heldout_report.format_table()
