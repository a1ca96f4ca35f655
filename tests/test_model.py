"""Document.to_dict / from_dict round trip: what is stored or exported can be read back."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from extract.model import (
    Criterion,
    Deadline,
    DepartmentRef,
    Document,
    Metadata,
    ScoringItem,
    ScoringTable,
    Target,
    record_id,
)

FULL = Path(__file__).parent / "golden" / "documents" / "full_document.json"


@pytest.fixture()
def full_dict() -> dict:
    return json.loads(FULL.read_text(encoding="utf-8"))


def test_from_dict_to_dict_is_identity(full_dict: dict) -> None:
    doc = Document.from_dict(copy.deepcopy(full_dict))
    assert doc.to_dict(with_text=True) == full_dict


def test_round_trip_survives_json(full_dict: dict) -> None:
    once = Document.from_dict(full_dict).to_dict(with_text=True)
    twice = Document.from_dict(json.loads(json.dumps(once, ensure_ascii=False))).to_dict(with_text=True)
    assert twice == once


def test_text_only_with_flag(full_dict: dict) -> None:
    doc = Document.from_dict(full_dict)
    assert "text" not in doc.to_dict()["document"]
    assert doc.to_dict(with_text=True)["document"]["text"] == full_dict["document"]["text"]


def test_evidence_is_the_span_of_text(full_dict: dict) -> None:
    doc = Document.from_dict(full_dict)
    for record in [*doc.targets, *doc.deadlines, *doc.responsibilities]:
        assert doc.evidence(record.span) == record.evidence


def test_hand_built_document_round_trips() -> None:
    text = "到2025年，全区单位地区生产总值能源消耗比2020年下降15%。"
    evidence = text[:-1]
    doc = Document(id="abc", source="x.txt", format="txt", encoding="utf-8", script="simplified", text=text,
                   metadata=Metadata(title="节能方案", issuers=["自治区发展改革委"], issue_date="2022-01"))
    doc.targets = [Target(indicator="单位地区生产总值能源消耗", value=15.0, unit="%", direction="decrease",
                          evidence=evidence, span=(0, len(evidence)), scope="全区", baseline_year=2020,
                          deadline="2025", departments=[DepartmentRef(name="自治区发展改革委", role="lead")],
                          id=record_id("abc", "target", (0, len(evidence))))]
    doc.deadlines = [Deadline(task="报送总结", evidence=evidence, span=(0, 5), recurrence="annual", id="d1")]
    doc.scoring_tables = [ScoringTable(title=None, total_points=None, id="s1", items=[
        ScoringItem(path=["目标管理"], points=None, criteria=[Criterion(text="得5分", points=5.0)])])]
    out = doc.to_dict()
    assert out["targets"][0]["value"] == 15 and isinstance(out["targets"][0]["value"], int)
    assert out["targets"][0]["span"] == [0, len(evidence)]
    assert "method" not in out["scoring_tables"][0]["items"][0]["criteria"][0]
    back = Document.from_dict(out)
    assert back.to_dict() == out
    assert back.targets[0].departments == [DepartmentRef(name="自治区发展改革委", role="lead")]
    assert back.targets[0].span == (0, len(evidence))


def test_record_id_is_deterministic_and_distinct() -> None:
    assert record_id("doc", "target", (3, 9), "能耗", 15) == record_id("doc", "target", (3, 9), "能耗", 15)
    assert record_id("doc", "target", (3, 9), "能耗", 15) != record_id("doc", "target", (3, 9), "能耗", 16)


def test_record_ids_of_one_document_share_its_prefix() -> None:
    """Ids cluster by document in every id index (store time flat as the database fills)."""
    doc_id = "9f86d081884c7d65" + "0" * 48
    ids = {record_id(doc_id, "target", (i, i + 5), "能耗", i) for i in range(50)}
    assert len(ids) == 50
    assert {i[:8] for i in ids} == {"9f86d081"}
    assert all(len(i) == 24 for i in ids)
