"""Unit tests of the scorer: the matching rules of extract.evaluate.scorer on real wording.

Small hand-made dicts (so they run on a fresh clone without ../shared), plus the real gold
files turned into a perfect prediction.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from extract.evaluate import EvalReport, evaluate_predictions
from extract.evaluate.report import RECORD_TYPES


def target(indicator: str, value: float, unit: str | None, evidence: str, **kw: Any) -> dict[str, Any]:
    out: dict[str, Any] = {
        "indicator": indicator, "scope": None, "direction": "decrease", "value": value,
        "value_max": None, "unit": unit, "qualifier": None, "baseline_year": None,
        "deadline": None, "period": None, "departments": [], "evidence": evidence,
    }
    out.update(kw)
    return out


def deadline(task: str, evidence: str, due: str | None = None, recurrence: str | None = None,
             **kw: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"task": task, "due": due, "recurrence": recurrence,
                           "recurrence_detail": None, "responsible": [], "evidence": evidence}
    out.update(kw)
    return out


def responsibility(department: str, role: str, evidence: str = "", task: str = "") -> dict[str, Any]:
    return {"department": department, "role": role, "task": task, "evidence": evidence}


def item(path: list[str], points: float | None, criteria_points: list[float | None]) -> dict[str, Any]:
    return {"path": path, "points": points,
            "criteria": [{"text": f"标准{i}", "points": p} for i, p in enumerate(criteria_points)]}


def table(items: list[dict[str, Any]], inconsistencies: list[str] | None = None) -> dict[str, Any]:
    return {"title": "评价标准", "total_points": 100, "items": items,
            "inconsistencies": inconsistencies or []}


def gold_doc(name: str = "doc.txt", *, metadata: dict[str, Any] | None = None,
             targets: list | None = None, deadlines: list | None = None,
             responsibilities: list | None = None, scoring_tables: list | None = None) -> dict[str, Any]:
    meta = {"title": None, "doc_number": None, "issuers": [], "issue_date": None, "recipients": []}
    meta.update(metadata or {})
    return {"document": name, "metadata": meta, "targets": targets or [], "deadlines": deadlines or [],
            "responsibilities": responsibilities or [], "scoring_tables": scoring_tables or []}


def as_prediction(gold: dict[str, Any], **override: Any) -> dict[str, Any]:
    """The CONTRACT dict a perfect pipeline would emit for ``gold`` (metadata inside document)."""
    g = copy.deepcopy(gold)
    pred = {
        "schema_version": "1",
        "document": {"id": "x", "source": f"corpora/seeds/{g['document']}", "format": "txt",
                     "encoding": "utf-8", "script": "simplified", **g["metadata"], "warnings": []},
        "targets": g["targets"], "deadlines": g["deadlines"],
        "responsibilities": g["responsibilities"], "scoring_tables": g["scoring_tables"],
    }
    pred.update(override)
    return pred


def empty_prediction(gold: dict[str, Any]) -> dict[str, Any]:
    return as_prediction(gold_doc(gold["document"]))


# --------------------------------------------------------------------------- shared sentences

EV_ENERGY = "到2025年，全区单位地区生产总值能源消耗比2020年下降15%"
EV_POLLUTANTS = "化学需氧量、氨氮、氮氧化物、挥发性有机物排放总量比2020年分别下降8%、8%、10%、10%以上"
EV_WATER = "“十四五”时期，万元工业增加值用水量下降13%，规模以上工业单位增加值能耗下降8%"
EV_REPORT = "于2020年8月15日前将本单位节约型机关创建实施方案报市能源局"
EV_SELF_CHECK = "每年10月底前，各创建单位根据《高平市节约型机关评价标准》(见附件)开展自评"


def full_gold() -> dict[str, Any]:
    """A document with every record type filled in."""
    return gold_doc(
        "004.txt",
        metadata={"title": "内蒙古自治区“十四五”节能减排综合工作实施方案", "doc_number": "内政发〔2022〕18号",
                  "issuers": ["内蒙古自治区人民政府"], "issue_date": "2022-05-30",
                  "recipients": ["各盟行政公署", "各市人民政府"]},
        targets=[
            target("单位地区生产总值能源消耗", 15, "%", EV_ENERGY, scope="全区", baseline_year=2020,
                   deadline="2025", departments=[{"name": "自治区发展改革委", "role": "lead"}]),
            target("化学需氧量排放总量", 8, "%", EV_POLLUTANTS, baseline_year=2020, deadline="2025"),
            target("氨氮排放总量", 8, "%", EV_POLLUTANTS, baseline_year=2020, deadline="2025"),
        ],
        deadlines=[
            deadline("报送节约型机关创建实施方案", EV_REPORT, due="2020-08-15", responsible=["市直各单位"]),
            deadline("开展自评", EV_SELF_CHECK, recurrence="annual", recurrence_detail="每年10月底前"),
        ],
        responsibilities=[
            responsibility("市能源局", "lead", "市能源局牵头负责推进全市党政机关开展节约型机关创建行动"),
            responsibility("市直单位", "implement", "市直单位要按照本方案制定实施细则，落实创建要求"),
        ],
        scoring_tables=[table(
            [item(["推行绿色办公", "绿色采购"], 6, [3, 3]), item(["实行生活垃圾分类", "分类收运"], 8, [2, 2, 2, 2])],
            ["推行绿色办公: unit says 25, items sum to 33"])],
    )


def score(gold: dict[str, Any], pred: dict[str, Any]) -> EvalReport:
    return evaluate_predictions([(gold, pred)])


# --------------------------------------------------------------------------- perfect / empty


def _assert_perfect(report: EvalReport, label: str) -> None:
    for t in RECORD_TYPES:
        s = report.prf[t]
        assert (s.precision, s.recall, s.f1) == (1.0, 1.0, 1.0), f"{label}: {t} {s.to_dict()}"
    for table_ in (report.attributes, report.metadata_fields, report.informational):
        for name, acc in table_.items():
            assert acc.value in (None, 1.0), f"{label}: {name} {acc.to_dict()}"
    assert [d for d in report.diffs] == [], f"{label}: {report.format_diff()}"


def test_perfect_prediction_of_every_real_gold_file_scores_one(gold_dir: Path) -> None:
    devset = gold_dir.parent / "devset" / "gold"  # the only gold with scoring-item content
    golds = [json.loads(p.read_text(encoding="utf-8"))
             for p in [*sorted(gold_dir.glob("*.json")), *sorted(devset.glob("*.json"))]]
    assert golds, "no gold files"
    for gold in golds:
        _assert_perfect(score(gold, as_prediction(gold)), gold["document"])
    pooled = evaluate_predictions([(g, as_prediction(g)) for g in golds])
    _assert_perfect(pooled, "all documents")
    assert pooled.prf["targets"].gold == sum(len(g["targets"]) for g in golds)
    # every attribute was actually judged on the real gold
    # (no shared gold annotates a scoring item's content yet: the hand-made cases cover it)
    judged = {name: acc for name, acc in pooled.attributes.items() if name != "scoring_items.content"}
    assert all(acc.total > 0 for acc in judged.values()), pooled.to_dict()["attributes"]


def test_perfect_prediction_of_hand_made_document_scores_one() -> None:
    gold = full_gold()
    report = score(gold, as_prediction(gold))
    _assert_perfect(report, "full_gold")
    assert report.prf["target_owners"].items == 3


def test_empty_prediction_has_recall_zero_everywhere() -> None:
    gold = full_gold()
    report = score(gold, empty_prediction(gold))
    for t in RECORD_TYPES:
        assert report.prf[t].recall == 0.0, t
        assert report.prf[t].f1 == 0.0, t
    assert report.informational["inconsistencies.recall"].value == 0.0
    missed = {(d.record_type, d.kind) for d in report.diffs}
    assert {("targets", "missed"), ("deadlines", "missed"), ("responsibilities", "missed"),
            ("scoring_items", "missed")} <= missed


def test_nothing_to_find_and_nothing_found_is_perfect_for_records() -> None:
    gold = gold_doc("000.txt")
    report = score(gold, as_prediction(gold))
    assert report.prf["targets"].f1 == 1.0
    assert report.prf["metadata"].precision == 1.0  # five correct nulls
    assert report.prf["target_owners"].f1 == 1.0  # no target, nothing to own


def test_owners_score_zero_when_no_target_was_matched() -> None:
    gold = full_gold()
    pred = as_prediction(gold, targets=[target("能源消费总量", 99, "%", "能源消费总量增长99%")])
    owners = score(gold, pred).prf["target_owners"]
    assert (owners.items, owners.unjudged, owners.f1) == (0, 3, 0.0)


def test_spurious_records_cost_precision_when_gold_is_empty() -> None:
    gold = gold_doc("000.txt")
    pred = as_prediction(gold, targets=[target("能源消耗", 15, "%", EV_ENERGY)])
    report = score(gold, pred)
    assert (report.prf["targets"].precision, report.prf["targets"].f1) == (0.0, 0.0)
    assert [(d.kind, d.fields["value"]) for d in report.diffs if d.record_type == "targets"] == [("spurious", 15)]


# --------------------------------------------------------------------------- targets


def test_duplicate_prediction_costs_precision_not_recall() -> None:
    t = target("单位地区生产总值能源消耗", 15, "%", EV_ENERGY)
    gold = gold_doc(targets=[t])
    report = score(gold, as_prediction(gold, targets=[t, copy.deepcopy(t)]))
    s = report.prf["targets"]
    assert (s.gold, s.predicted, s.r_hits) == (1, 2, 1)
    assert (s.precision, s.recall) == (0.5, 1.0)


def test_duplicate_deadline_costs_precision() -> None:
    d = deadline("报送节约型机关创建实施方案", EV_REPORT, due="2020-08-15")
    gold = gold_doc(deadlines=[d])
    s = score(gold, as_prediction(gold, deadlines=[d, d])).prf["deadlines"]
    assert (s.precision, s.recall) == (0.5, 1.0)


def test_targets_with_same_value_are_matched_by_evidence_not_order() -> None:
    a = target("万元工业增加值用水量", 13, "%", "万元工业增加值用水量下降13%", period="十四五")
    b = target("单位地区生产总值能源消耗", 13, "%", "全区单位地区生产总值能源消耗比2020年下降13%", baseline_year=2020)
    gold = gold_doc(targets=[a, b])
    report = score(gold, as_prediction(gold, targets=[copy.deepcopy(b), copy.deepcopy(a)]))
    assert report.prf["targets"].f1 == 1.0
    assert report.attributes["targets.period"].value == 1.0
    assert report.attributes["targets.baseline_year"].value == 1.0
    assert report.attributes["targets.indicator"].value == 1.0


def test_targets_sharing_one_clause_pair_by_indicator() -> None:
    cod = target("化学需氧量排放总量", 8, "%", EV_POLLUTANTS)
    nh3 = target("氨氮排放总量", 8, "%", EV_POLLUTANTS, qualifier="at_least")
    gold = gold_doc(targets=[cod, nh3])
    report = score(gold, as_prediction(gold, targets=[copy.deepcopy(nh3), copy.deepcopy(cod)]))
    assert report.attributes["targets.qualifier"].value == 1.0


@pytest.mark.parametrize(("gold_value", "gold_unit", "pred_value", "pred_unit", "matches"), [
    (15, "%", 15, "%", True),
    (15, "%", 15.0000004, "%", True),           # float noise within 1e-6
    (15, "%", 15.01, "%", False),
    (15, "%", 15, "个百分点", False),             # unit mismatch never matches
    (15, "%", 15, None, False),
    (1.3, None, 1.3, None, True),                # PUE: dimensionless on both sides
    (1, "个", 1, " 个 ", True),                   # whitespace in the unit is ignored
])
def test_target_value_and_unit_must_agree(gold_value: float, gold_unit: str | None, pred_value: float,
                                          pred_unit: str | None, matches: bool) -> None:
    gold = gold_doc(targets=[target("单位地区生产总值能源消耗", gold_value, gold_unit, EV_ENERGY)])
    pred = as_prediction(gold, targets=[target("单位地区生产总值能源消耗", pred_value, pred_unit, EV_ENERGY)])
    assert score(gold, pred).prf["targets"].r_hits == int(matches)


@pytest.mark.parametrize(("pred_evidence", "matches"), [
    (EV_ENERGY, True),
    ("全区单位地区生产总值能源消耗比2020年下降15%", True),               # a sub-clause of gold
    ("二、主要目标。" + EV_ENERGY + "，能源消费总量得到合理控制。", True),   # a longer sentence
    ("到 2025 年，全区单位地区\n生产总值能源消耗比　2020 年下降 15%", True),  # whitespace ignored
    ("非化石能源占能源消费总量比重下降15%", False),                       # another clause, same number
    ("", False),
])
def test_target_evidence_overlap(pred_evidence: str, matches: bool) -> None:
    gold = gold_doc(targets=[target("单位地区生产总值能源消耗", 15, "%", EV_ENERGY)])
    pred = as_prediction(gold, targets=[target("单位地区生产总值能源消耗", 15, "%", pred_evidence)])
    assert score(gold, pred).prf["targets"].r_hits == int(matches)


@pytest.mark.parametrize(("shared", "matches"), [(5, True), (4, False)])
def test_target_evidence_overlap_boundary_is_half_of_the_shorter(shared: int, matches: bool) -> None:
    gold_ev = "甲乙丙丁戊己庚辛壬癸"  # 10 characters
    pred_ev = gold_ev[:shared] + "子丑寅卯辰巳午未"[: 10 - shared]
    gold = gold_doc(targets=[target("指标", 3, "%", gold_ev)])
    pred = as_prediction(gold, targets=[target("指标", 3, "%", pred_ev)])
    assert score(gold, pred).prf["targets"].r_hits == int(matches)


@pytest.mark.parametrize(("attr", "pred_value", "ok"), [
    ("direction", "reach", False),
    ("qualifier", "at_least", False),
    ("baseline_year", 2021, False),
    ("deadline", "2025-12", False),
    ("period", "十四五", False),
    ("scope", " 全区 ", True),                      # whitespace only
    ("scope", "全市", False),
    ("indicator", "单位地区生产总值能耗", True),     # char F1 0.8 >= 0.6
    ("indicator", "能源消费总量", False),            # char F1 < 0.6
])
def test_target_attribute_accuracy_on_matched_pairs(attr: str, pred_value: Any, ok: bool) -> None:
    g = target("单位地区生产总值能源消耗", 15, "%", EV_ENERGY, scope="全区", baseline_year=2020, deadline="2025")
    gold = gold_doc(targets=[g])
    p = copy.deepcopy(g)
    p[attr] = pred_value
    report = score(gold, as_prediction(gold, targets=[p]))
    assert report.prf["targets"].f1 == 1.0  # attributes never decide the match
    assert report.attributes[f"targets.{attr}"].value == float(ok)
    others = [a for a in report.attributes if a.startswith("targets.") and a != f"targets.{attr}"]
    assert all(report.attributes[a].value == 1.0 for a in others)
    assert any(d.kind == "wrong" for d in report.diffs) == (not ok)


# --------------------------------------------------------------------------- target owners


def _owners(names: list[str], role: str = "lead") -> list[dict[str, str]]:
    return [{"name": n, "role": role} for n in names]


@pytest.mark.parametrize(("gold_names", "pred_names", "expected"), [
    # (precision, recall, accuracy) over one matched target
    (["自治区发展改革委"], ["自治区发展改革委"], (1.0, 1.0, 1.0)),
    (["自治区发展改革委", "自治区能源局"], ["自治区能源局", "自治区发展改革委"], (1.0, 1.0, 1.0)),
    ([], [], (1.0, 1.0, 1.0)),                                   # equal empty sets are correct
    (["自治区发展改革委"], [], (0.0, 0.0, 0.0)),                 # abstention: recall 0
    ([], ["自治区发展改革委"], (0.0, 1.0, 0.0)),                 # wrong claim: precision 0
    (["自治区发展改革委", "自治区能源局"], ["自治区发展改革委"], (0.0, 0.0, 0.0)),  # partial is wrong
    (["自治区 发展改革委"], ["自治区发展改革委"], (1.0, 1.0, 1.0)),  # whitespace ignored
])
def test_target_owner_name_sets(gold_names: list[str], pred_names: list[str],
                                expected: tuple[float, float, float]) -> None:
    gold = gold_doc(targets=[target("单位地区生产总值能源消耗", 15, "%", EV_ENERGY, departments=_owners(gold_names))])
    pred = as_prediction(gold, targets=[target("单位地区生产总值能源消耗", 15, "%", EV_ENERGY,
                                               departments=_owners(pred_names, role="support"))])
    report = score(gold, pred)
    owners = report.prf["target_owners"]
    assert (owners.precision, owners.recall, report.attributes["target_owners.accuracy"].value) == expected


def test_malformed_owner_entries_are_tolerated() -> None:
    gold = gold_doc(targets=[target("能源消耗", 15, "%", EV_ENERGY, departments=_owners(["自治区能源局"]))])
    pred = as_prediction(gold, targets=[target("能源消耗", 15, "%", EV_ENERGY,
                                               departments=["自治区能源局", {"name": None, "role": "lead"}])])
    assert score(gold, pred).attributes["target_owners.accuracy"].value == 1.0


def test_owner_recall_is_zero_when_no_department_is_predicted() -> None:
    gold = full_gold()
    pred = as_prediction(gold)
    for t in pred["targets"]:
        t["departments"] = []
    owners = score(gold, pred).prf["target_owners"]
    assert owners.recall == 0.0
    assert owners.precision == 1.0  # the two ownerless gold targets were answered correctly


# --------------------------------------------------------------------------- deadlines


@pytest.mark.parametrize(("gold_d", "pred_d", "matches"), [
    (deadline("报送", EV_REPORT, due="2020-08-15"), deadline("报送方案", EV_REPORT, due="2020-08-15"), True),
    (deadline("报送", EV_REPORT, due="2020-08-15"), deadline("报送", EV_REPORT, due="2020-08"), False),
    (deadline("报送", EV_REPORT, due="2020-08-15"),
     deadline("报送", "将本单位节约型机关创建实施方案于8月15日前报送", due="2020-08-15"), True),
    # gold due null: recurrence decides
    (deadline("自评", EV_SELF_CHECK, recurrence="annual"), deadline("自评", EV_SELF_CHECK, recurrence="annual"), True),
    (deadline("自评", EV_SELF_CHECK, recurrence="annual"),
     deadline("自评", EV_SELF_CHECK, recurrence="quarterly"), False),
    (deadline("自评", EV_SELF_CHECK, recurrence="annual"), deadline("自评", EV_SELF_CHECK), False),
    # due and recurrence both null (a date without a year): evidence decides
    (deadline("考核", "考核组将于6月下旬到我市进行考核"), deadline("考核", "考核组将于6月下旬到我市进行考核"), True),
    (deadline("考核", "考核组将于6月下旬到我市进行考核"), deadline("兑现", "市节能办于8月份进行奖惩兑现"), False),
])
def test_deadline_matching(gold_d: dict[str, Any], pred_d: dict[str, Any], matches: bool) -> None:
    gold = gold_doc(deadlines=[gold_d])
    assert score(gold, as_prediction(gold, deadlines=[pred_d])).prf["deadlines"].r_hits == int(matches)


@pytest.mark.parametrize(("shared", "matches"), [(4, True), (3, False)])
def test_deadline_evidence_overlap_boundary_is_forty_percent(shared: int, matches: bool) -> None:
    gold_ev = "甲乙丙丁戊己庚辛壬癸"
    pred_ev = gold_ev[:shared] + "子丑寅卯辰巳午未"[: 10 - shared]
    gold = gold_doc(deadlines=[deadline("报送", gold_ev, due="2021-12")])
    pred = as_prediction(gold, deadlines=[deadline("报送", pred_ev, due="2021-12")])
    assert score(gold, pred).prf["deadlines"].r_hits == int(matches)


def test_deadline_recurrence_accuracy_on_matched_pairs() -> None:
    gold = gold_doc(deadlines=[deadline("报送", EV_REPORT, due="2020-08-15", recurrence="annual")])
    pred = as_prediction(gold, deadlines=[deadline("报送", EV_REPORT, due="2020-08-15")])
    report = score(gold, pred)
    assert report.prf["deadlines"].f1 == 1.0
    assert report.attributes["deadlines.recurrence"].value == 0.0


EV_RELATIVE = "各单位收到通知之日起5个工作日内报送联系人名单"


def test_relative_due_is_not_judged_against_gold_that_does_not_annotate_it() -> None:
    gold = gold_doc(deadlines=[deadline("报送名单", EV_RELATIVE)])
    pred = as_prediction(gold, deadlines=[deadline("报送名单", EV_RELATIVE, relative_due="收到通知之日起5个工作日内")])
    assert score(gold, pred).attributes["deadlines.relative_due"].total == 0


@pytest.mark.parametrize(("gold_rel", "pred_rel", "counted", "ok"), [
    ("收到通知之日起5个工作日内", "收到通知之日起5个工作日内", True, True),
    ("收到通知之日起5个工作日内", "各单位收到通知之日起5个工作日内", True, True),  # more context
    ("收到通知之日起5个工作日内", None, True, False),                          # missed phrase
    (None, "收到通知之日起5个工作日内", True, False),                          # invented phrase
    ("收到通知之日起5个工作日内", "创建期满后", True, False),
    (None, None, False, False),                                           # not counted
])
def test_deadline_relative_due_accuracy_on_matched_pairs(gold_rel: str | None, pred_rel: str | None,
                                                         counted: bool, ok: bool) -> None:
    gold = gold_doc(deadlines=[deadline("报送名单", EV_RELATIVE, relative_due=gold_rel)])
    pred = as_prediction(gold, deadlines=[deadline("报送名单", EV_RELATIVE, relative_due=pred_rel)])
    accuracy = score(gold, pred).attributes["deadlines.relative_due"]
    assert (accuracy.total, accuracy.correct) == (int(counted), int(ok))


@pytest.mark.parametrize(("gold_content", "pred_content", "ok"), [
    ("建立节能目标责任制，层层分解落实", "建立节能目标责任制，层层分解落实", True),
    ("建立节能目标责任制，层层分解落实", "建立节能目标责任制，层层分解落实。", True),
    ("建立节能目标责任制，层层分解落实", None, False),
    ("建立节能目标责任制，层层分解落实", "开展能源审计", False),
])
def test_scoring_item_content_accuracy_on_matched_pairs(gold_content: str, pred_content: str | None,
                                                        ok: bool) -> None:
    gold_item = {**item(["节能目标", "目标责任"], 5, [5]), "content": gold_content}
    pred_item = {**item(["节能目标", "目标责任"], 5, [5]), "content": pred_content}
    gold = gold_doc(scoring_tables=[table([gold_item])])
    report = score(gold, as_prediction(gold, scoring_tables=[table([pred_item])]))
    assert report.prf["scoring_items"].f1 == 1.0
    assert report.attributes["scoring_items.content"].value == float(ok)


# --------------------------------------------------------------------------- responsibilities


@pytest.mark.parametrize(("pred_pairs", "expected_p", "expected_r"), [
    ([("市能源局", "lead"), ("市直单位", "implement")], 1.0, 1.0),
    ([("市能源局", "lead"), ("市能源局", "lead"), ("市直单位", "implement")], 1.0, 1.0),  # a set
    ([("市能源局", "support"), ("市直单位", "implement")], 0.5, 0.5),   # role matters
    ([("市 能源局", "lead")], 1.0, 0.5),                              # whitespace ignored
    ([("市能源局", "lead"), ("市财政局", "support")], 0.5, 0.5),
    ([], 0.0, 0.0),
])
def test_responsibilities_are_sets_of_department_and_role(
        pred_pairs: list[tuple[str, str]], expected_p: float, expected_r: float) -> None:
    gold = gold_doc(responsibilities=[responsibility("市能源局", "lead"), responsibility("市直单位", "implement")])
    pred = as_prediction(gold, responsibilities=[responsibility(d, r) for d, r in pred_pairs])
    s = score(gold, pred).prf["responsibilities"]
    assert (s.precision, s.recall) == (expected_p, expected_r)


# --------------------------------------------------------------------------- scoring items


@pytest.mark.parametrize(("pred_name", "pred_points", "matches"), [
    ("分类收运", 8, True),
    ("4.分类收运", 8, True),
    ("垃圾分类运输", 8, True),     # char F1 = 2*3/10 = 0.6: the boundary matches
    ("垃圾分类处置", 8, False),    # char F1 = 0.4
    ("分类收运", 6, False),        # points must agree
    ("分类收运", None, False),
])
def test_scoring_item_match_needs_points_and_name_char_f1(pred_name: str, pred_points: float | None,
                                                          matches: bool) -> None:
    gold = gold_doc(scoring_tables=[table([item(["实行生活垃圾分类", "分类收运"], 8, [2, 2, 2, 2])])])
    pred = as_prediction(gold, scoring_tables=[table([item(["实行生活垃圾分类", pred_name], pred_points, [2, 2, 2, 2])])])
    assert score(gold, pred).prf["scoring_items"].r_hits == int(matches)


def test_scoring_items_of_all_tables_are_pooled_and_same_names_pair_by_path() -> None:
    a = item(["“十三五”节能目标", "能源总量控制目标"], 10, [10, 5, 3, 0])
    b = item(["2020年度节能目标", "能源总量控制目标"], 10, [10, 6, 3, 0])
    gold = gold_doc(scoring_tables=[table([a, b])])
    pred = as_prediction(gold, scoring_tables=[table([copy.deepcopy(b)]), table([copy.deepcopy(a)])])
    report = score(gold, pred)
    assert report.prf["scoring_items"].f1 == 1.0
    assert report.attributes["scoring_items.criteria_points"].value == 1.0


@pytest.mark.parametrize(("pred_points", "ok"), [
    ([2, 2, 2, 2], True),
    ([4, 2, 2], False),
    ([2, 2, 2], False),
])
def test_criteria_points_compare_as_multiset(pred_points: list[float], ok: bool) -> None:
    gold = gold_doc(scoring_tables=[table([item(["推行绿色办公", "源头减量"], 8, [2, 2, 2, 2])])])
    pred = as_prediction(gold, scoring_tables=[table([item(["推行绿色办公", "源头减量"], 8, pred_points)])])
    assert score(gold, pred).attributes["scoring_items.criteria_points"].value == float(ok)


def test_criteria_points_ignore_order() -> None:
    gold = gold_doc(scoring_tables=[table([item(["节能目标", "主营业务收入能耗"], 5, [5, 4, 3, 2, 0])])])
    pred = as_prediction(gold, scoring_tables=[table([item(["节能目标", "主营业务收入能耗"], 5, [0, 2, 3, 4, 5])])])
    assert score(gold, pred).attributes["scoring_items.criteria_points"].value == 1.0


@pytest.mark.parametrize(("pred_note", "found"), [
    ("推行绿色办公: unit says 25, items sum to 33", True),
    ("推行绿色办公：分项合计33分，与类别分值25分不一致", True),
    ("推行绿色办公（25分）各项合计33分", True),            # names the category inside the text
    ("实行生活垃圾分类：分项合计14分，与类别分值22分不一致", False),
])
def test_inconsistency_recall_by_category_name(pred_note: str, found: bool) -> None:
    gold = gold_doc(scoring_tables=[table([], ["推行绿色办公: unit says 25, items sum to 33"])])
    pred = as_prediction(gold, scoring_tables=[table([], [pred_note])])
    assert score(gold, pred).informational["inconsistencies.recall"].value == float(found)


def test_inconsistency_recall_uses_the_last_path_element_without_enumerator() -> None:
    note = "节能措施>节能基础管理工作>6.落实固定资产投资项目节能审查意见: row 分值 says 2, scoring method says 4"
    gold = gold_doc(scoring_tables=[table([], [note])])
    pred = as_prediction(gold, scoring_tables=[table([], ["落实固定资产投资项目节能审查意见：评分标准最高4分，超过分值2分"])])
    assert score(gold, pred).informational["inconsistencies.recall"].value == 1.0


# --------------------------------------------------------------------------- metadata


@pytest.mark.parametrize(("field", "gold_value", "pred_value", "ok"), [
    ("title", "关于开展节约型机关创建行动的通知", "关于开展节约型机关 创建行动的通知", True),
    ("title", "关于开展节约型机关创建行动的通知", "节约型机关创建行动", False),
    ("doc_number", None, None, True),                      # null + null is correct
    ("doc_number", "高能源发〔2020〕42号", None, False),
    ("doc_number", None, "高能源发〔2020〕42号", False),
    ("issue_date", "2020-08-03", "2020-08-03", True),
    ("issue_date", "2020-08", "2020-08-03", False),
    ("issuers", ["高平市能源局", "高平市发展和改革委员会"], ["高平市发展和改革委员会", "高平市能源局"], True),
    ("issuers", ["高平市能源局"], ["高平市能源局", "高平市发展和改革委员会"], False),
    ("recipients", [], [], True),
    ("recipients", [], None, True),                        # missing list == empty list
])
def test_metadata_field_accuracy(field: str, gold_value: Any, pred_value: Any, ok: bool) -> None:
    gold = gold_doc(metadata={field: gold_value})
    pred = as_prediction(gold)
    pred["document"][field] = pred_value
    report = score(gold, pred)
    assert report.metadata_fields[field].value == float(ok)
    others = [f for f in report.metadata_fields if f != field]
    assert all(report.metadata_fields[f].value == 1.0 for f in others)


def test_metadata_f1_counts_fields_as_items() -> None:
    gold = gold_doc(metadata={"title": "节能减排综合工作实施方案", "doc_number": "内政发〔2022〕18号",
                              "issuers": ["内蒙古自治区人民政府"]})
    pred = as_prediction(gold)
    pred["document"]["doc_number"] = None                 # abstention on a stated fact
    pred["document"]["issue_date"] = "2022-06-06"         # a wrong claim where gold is null
    m = score(gold, pred).prf["metadata"]
    # stated facts 3 (title, doc_number, issuers), recovered 2; claims 4 (title, issuers,
    # issue_date, recipients as a correct null), correct 3
    assert (m.r_hits, m.gold, m.p_hits, m.predicted) == (2, 3, 3, 4)


# --------------------------------------------------------------------------- micro-average, report


def test_micro_average_pools_counts_over_documents() -> None:
    t1 = target("单位地区生产总值能源消耗", 15, "%", EV_ENERGY)
    t2 = target("化学需氧量排放总量", 8, "%", EV_POLLUTANTS)
    t3 = target("氨氮排放总量", 8, "%", EV_POLLUTANTS)
    g1, g2 = gold_doc("a.txt", targets=[t1]), gold_doc("b.txt", targets=[t2, t3])
    report = evaluate_predictions([(g1, as_prediction(g1)), (g2, as_prediction(g2, targets=[t2]))])
    s = report.prf["targets"]
    assert (s.gold, s.predicted, s.r_hits) == (3, 2, 2)
    assert s.recall == pytest.approx(2 / 3)
    assert report.per_document["b.txt"]["targets"] == {"gold": 2, "predicted": 1, "matched": 1}


def test_report_serialises_and_formats() -> None:
    gold = full_gold()
    pred = as_prediction(gold, targets=[], deadlines=gold["deadlines"][:1])
    report = score(gold, pred)
    data = json.loads(json.dumps(report.to_dict(), ensure_ascii=False))
    assert data["scores"]["targets"]["recall"] == 0.0
    assert data["scores"]["deadlines"]["recall"] == 0.5
    assert data["documents"] == ["004.txt"]
    table_ = report.format_table()
    assert table_.splitlines()[0].split() == ["type", "gold", "pred", "match", "P", "R", "F1"]
    assert any(line.startswith("deadlines") and line.split()[1:4] == ["2", "1", "1"] for line in table_.splitlines())
    diff = report.format_diff()
    assert "== 004.txt :: targets" in diff
    assert "missed" in diff and "化学需氧量排放总量" in diff
    assert EV_SELF_CHECK.replace(" ", "")[:20] in diff  # the missed deadline's evidence is shown
    assert "spurious" not in diff


def test_figures_cover_every_gated_name() -> None:
    gold = full_gold()
    figures = score(gold, as_prediction(gold)).figures()
    for t in RECORD_TYPES:
        assert figures[f"{t}.f1"] == 1.0
    assert figures["attr.targets.direction"] == 1.0
    assert figures["metadata.accuracy"] == 1.0
