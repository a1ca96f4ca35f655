"""Linking targets and deadlines to the departments that own them."""

from __future__ import annotations

from extract.departments.responsibilities import extract_responsibilities
from extract.link import link
from extract.model import Deadline, Document, Target, record_id
from extract.pipeline import finalize
from extract.settings import Settings

PLAN = (
    "一、主要目标\n"
    "到2025年，全省单位地区生产总值能耗比2020年下降14%。\n"
    "二、重点工程\n"
    "（一）工业节能。到2025年，规模以上工业单位增加值能耗下降14%。（省工业和信息化厅牵头，省生态环境厅等按职责分工负责，"
    "各市人民政府负责落实。以下均需各市人民政府负责落实，不再列出）\n"
    "（二）交通节能。到2025年，新能源公交车比例达到80%。（省交通运输厅负责）\n"
    "（三）农业节能。到2025年，秸秆综合利用率稳定在90%以上；各县要确保畜禽粪污综合利用率达到80%。"
    "（省农业农村厅等按职责分工负责）\n"
)


def _doc(text: str, evidences: list[str], deadline_evidence: list[str] = ()) -> Document:
    doc = Document(id="doc", source="s", format="txt", text=text)
    for ev in evidences:
        i = text.index(ev)
        doc.targets.append(Target(indicator=ev, value=1, unit="%", direction="reach", evidence=ev, span=(i, i + len(ev))))
    for ev in deadline_evidence:
        i = text.index(ev)
        doc.deadlines.append(Deadline(task=ev, evidence=ev, span=(i, i + len(ev)), due="2025"))
    doc.responsibilities = extract_responsibilities(doc, Settings())
    return link(doc, Settings())


def _owners(t: Target) -> list[tuple[str, str]]:
    return [(d.name, d.role) for d in t.departments]


def test_section_parenthetical_and_carried_implementers() -> None:
    doc = _doc(PLAN, ["全省单位地区生产总值能耗比2020年下降14%", "规模以上工业单位增加值能耗下降14%",
                      "新能源公交车比例达到80%", "秸秆综合利用率稳定在90%以上", "畜禽粪污综合利用率达到80%"])
    main, industry, transport, straw, manure = doc.targets
    assert _owners(main) == []  # before any parenthetical: nobody named
    assert _owners(industry) == [("省工业和信息化厅", "lead"), ("省生态环境厅", "support"), ("各市人民政府", "implement")]
    assert _owners(transport) == [("省交通运输厅", "lead"), ("各市人民政府", "implement")]
    assert _owners(straw) == [("省农业农村厅", "support"), ("各市人民政府", "implement")]
    # a body named in the target's own sentence wins over the section's parenthetical
    assert _owners(manure) == [("各县", "implement")]


def test_overall_lead_owns_targets_without_a_section_owner() -> None:
    text = ("二、主要目标\n到2022年底，全市70%的党政机关建成节约型机关。\n"
            "五、创建步骤\n市能源局牵头负责推进全市党政机关开展节约型机关创建行动。\n")
    doc = _doc(text, ["全市70%的党政机关建成节约型机关"])
    assert _owners(doc.targets[0]) == [("市能源局", "lead")]


def test_two_different_leads_are_no_overall_lead() -> None:
    text = ("到2025年，能耗下降10%。\n市发改局牵头负责节能工作。市生态环境局牵头负责减排工作。\n")
    doc = _doc(text, ["能耗下降10%"])
    assert _owners(doc.targets[0]) == []


def test_ids_match_finalize_and_responsibilities_point_at_them() -> None:
    doc = _doc(PLAN, ["规模以上工业单位增加值能耗下降14%"], ["新能源公交车比例达到80%"])
    t, d = doc.targets[0], doc.deadlines[0]
    assert t.id == record_id(doc.id, "target", t.span, t.indicator, t.value)
    assert d.id == record_id(doc.id, "deadline", d.span, d.task, d.due)
    lead = next(r for r in doc.responsibilities if r.department == "省工业和信息化厅")
    assert lead.target_ids == [t.id]
    transport = next(r for r in doc.responsibilities if r.department == "省交通运输厅")
    assert transport.deadline_ids == [d.id]
    assert sorted(d.responsible) == sorted(["省交通运输厅", "各市人民政府"])
    finalize(doc, Settings())
    assert t.id == record_id(doc.id, "target", t.span, t.indicator, t.value)
    ids = [r.id for r in doc.responsibilities]
    assert len(ids) == len(set(ids))  # carried copies share a span but not an id


def test_deadline_keeps_what_its_extractor_found() -> None:
    doc = Document(id="doc", source="s", format="txt", text=PLAN)
    ev = "新能源公交车比例达到80%"
    i = PLAN.index(ev)
    doc.deadlines.append(Deadline(task=ev, evidence=ev, span=(i, i + len(ev)), responsible=["省公安厅"]))
    link(doc, Settings())
    assert doc.deadlines[0].responsible == ["省公安厅"]


def test_subjectless_duty_continues_the_paragraph_subject() -> None:
    text = "集团各二级单位要跟踪和监督所属企业目标完成情况。年度目标完成情况要每季度报告一次。\n"
    doc = _doc(text, [], ["年度目标完成情况要每季度报告一次"])
    assert doc.deadlines[0].responsible == ["集团各二级单位"]


def test_seed_target_owners(processed_seeds: dict[str, Document], gold_dir) -> None:
    """Matched seed targets carry exactly the gold owner names (development check)."""
    import json

    right = total = 0
    for name, doc in processed_seeds.items():
        gold = json.loads((gold_dir / f"{name}.json").read_text(encoding="utf-8"))
        for g in gold["targets"]:
            match = next((t for t in doc.targets if t.evidence == g["evidence"] and t.value == g["value"]), None)
            if match is None:
                continue
            total += 1
            right += {d.name for d in match.departments} == {d["name"] for d in g["departments"]}
    assert total and right / total >= 0.85
