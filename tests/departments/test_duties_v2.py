"""FORMAT v2 rules on who is responsible: prohibitions and eligibility conditions are no duty,
a single body that 组织/统筹 leads, 在职责范围内 is support, 与 joins two bodies, 联合 is a cue."""

from __future__ import annotations

import pytest

from extract.departments.responsibilities import extract_responsibilities
from extract.model import Document, Metadata
from extract.settings import Settings


def _pairs(text: str) -> list[tuple[str, str]]:
    doc = Document(id="x", source="s", format="txt", text=text, metadata=Metadata())
    return sorted({(r.department, r.role) for r in extract_responsibilities(doc, Settings())})


# fmt: off
CASES = [
    # prohibitions: never a task, never a duty
    ("金融机构不得提供信贷支持。", []),
    ("电网企业不得另行收取配套费。", []),
    ("各地要严禁新增钢铁产能。", []),
    ("各级财政部门禁止挪用专项资金。", []),
    ("重点用能单位不准擅自停运监测设备。", []),
    # eligibility conditions of applicants and agencies
    ("开展绿色制造体系相关评价工作的第三方机构应满足以下基本条件：", []),
    ("申报单位须具备独立法人资格。", []),
    ("申报企业应符合国家产业政策。", []),
    # the duty before a prohibition still counts
    ("市财政局要给予资金保障，不得挪用。", [("市财政局", "support")]),
    # a single body that organises or co-ordinates leads
    ("市生态环境局将组织对温室气体排放报告开展核查。", [("市生态环境局", "lead")]),
    ("省发展改革委要统筹推进节能降碳工作。", [("省发展改革委", "lead")]),
    ("县农业农村局要组织实施秸秆综合利用项目。", [("县农业农村局", "implement")]),
    # several bodies organising together implement it
    ("省发展改革委、省能源局要组织开展专项检查。", [("省发展改革委", "implement"), ("省能源局", "implement")]),
    # 在职责范围内 is support
    ("各行业主管部门要在职责范围内抓好行业节能减煤工作落实。", [("各行业主管部门", "support")]),
    ("省直有关部门要在各自职责范围内做好政策衔接。", [("省直有关部门", "support")]),
    # 与 joins two bodies; 联合 is a cue, but not 联合制定了《…》 (an issuing act)
    ("由教育部门与人力资源社会保障部门共同开展就业帮扶。", [("人力资源社会保障部门", "implement"), ("教育部门", "implement")]),
    ("省发展改革委、省统计局联合建立重点用能单位清单。", [("省发展改革委", "implement"), ("省统计局", "implement")]),
    ("市能源局、市财政局联合制定了《节约型机关创建行动方案》，现印发给你们。", []),
    # a class of places in brackets stays one subject
    ("由各区（市、县）根据当地物价水平确定补贴标准。", [("各区（市、县）", "implement")]),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_duties(text: str, expected: list[tuple[str, str]]) -> None:
    assert _pairs(text) == sorted(expected)


# fmt: off
FRAGMENT_CASES = [
    # a verb, adverb or article number before a generic head is no part of the name (bulk PDFs)
    ("第十二条发电企业应按照规定报送数据。", [("发电企业", "implement")]),
    ("应当建立交通运输、公安、商务等相关部门协同配合的工作机制。", []),
    ("结合实际深化公共机构要开展节能改造。", []),
    ("积极推动企业要加快技术改造。", []),
    ("设区市科技局作为项目主管部门要加强审核。", []),
    ("各设区市生态环境局初审后报经省生态环境厅审定。", []),
    # a bank's branch city is not inherited by the next name
    ("（人民银行深圳市中心支行、深圳银保监局按职责分工负责）（市财政局牵头）",
     [("人民银行深圳市中心支行", "support"), ("深圳银保监局", "support"), ("市财政局", "lead")]),
    ("加强部门协同，完善激励惩戒机制。", []),
    ("全面形成政府负责、部门联动的工作机制。", []),
    # 相关部门 is a body, as 有关部门 (the agent of 由X, by its own duties: support)
    ("对发现的问题，由相关部门依据职责依法处理。", [("相关部门", "support")]),
    ("其配额由合并后存续单位或者新设单位承继。", [("合并后存续单位", "implement"), ("新设单位", "implement")]),
    ("对规划设置的重点项目，牵头单位要采取有效措施。", []),
    ("经林草主管部门按照规定验收合格后，造林承包方可享受补助。", []),
    ("（责任单位：市地方金融监管局、人民银行深圳市中心支行、深圳银保监局）",
     [("市地方金融监管局", "implement"), ("人民银行深圳市中心支行", "implement"), ("深圳银保监局", "implement")]),
    # divisions ending in 处 are bodies; words ending in 处 are not
    ("人事处负责组织开展应对气候变化培训。", [("人事处", "lead")]),
    ("固体废物与化学品处配合危险废物焚烧设施碳排放相关工作。", [("固体废物与化学品处", "support")]),
    ("不足之处要及时整改。", []),
    ("垃圾由环卫工人定期送到垃圾处理场处理。", []),
    # names starting with 经 are names
    ("经济部要持续督促台电机组如期完工。", [("经济部", "implement")]),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), FRAGMENT_CASES)
def test_no_fragment_names(text: str, expected: list[tuple[str, str]]) -> None:
    assert _pairs(text) == sorted(expected)


# fmt: off
FREE_TEXT_CASES = [
    # persons, roles and generic bodies are actors
    ("申报人应如实填写申报材料。", [("申报人", "implement")]),
    ("项目负责人要按期完成项目任务。", [("项目负责人", "implement")]),
    ("各镇街要加强组织领导。", [("各镇街", "implement")]),
    ("申报主体须于3月31日前提交材料。", [("申报主体", "implement")]),
    # an adverbial between the actor and its modal
    ("各银行按市场原则对符合条件的项目应给予信贷支持。", [("各银行", "implement")]),
    ("市财政局对项目资金要加强监管。", [("市财政局", "implement")]),
    # 由X inside a clause, 或由Y
    ("所需资金由市财政局统筹安排。", [("市财政局", "implement")]),
    ("项目建设资金由县财政局统筹解决，或由项目单位自筹。", [("县财政局", "implement"), ("项目单位", "implement")]),
    ("本方案由市发展改革委负责解释。", [("市发展改革委", "lead")]),  # FORMAT v2: the agent of 由X负责 (devset pingtan)
    ("工作专班由县发改局、县财政局等单位共同组成。", []),
    ("由于市场原因，项目延期。", []),
    ("由公共电力设施至养老院的电力设施，电网企业不得另行收取配套费。", []),
    # 委托X承担… is a commission; 可委托 is an applicant's option
    ("委托市节能监察中心承担节能审查的技术评审工作。", [("市节能监察中心", "implement")]),
    ("企业可委托第三方机构开展核查。", []),
    # enterprise names ending in 集团 inside department lists
    ("（省国资委、省能源集团、江铜集团按职责分工负责）",
     [("省国资委", "support"), ("省能源集团", "support"), ("江铜集团", "support")]),
    # sentences that award points are criteria, not duties
    ("由班级团支部整体承担志愿服务工作的+2分/次。", []),
    ("各单位按时报送的得5分。", []),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), FREE_TEXT_CASES)
def test_free_text_actors(text: str, expected: list[tuple[str, str]]) -> None:
    assert _pairs(text) == sorted(expected)


def test_forward_clause_outside_brackets_covers_every_later_section() -> None:
    from extract.departments.responsibilities import assignment_plan

    text = ("一、总体要求\n加快转型。\n以下各项均需市发展改革委、各县（市、区）人民政府负责落实，不再列出。\n"
            "二、重点任务\n（一）推进节能\n开展节能诊断。\n（二）推进改造\n实施改造。\n")
    carried = {(a.department, a.task) for a in assignment_plan(text) if a.kind == "carry"}
    assert carried == {(n, t) for n in ("市发展改革委", "各县（市、区）人民政府") for t in ("推进节能", "推进改造")}


# fmt: off
INTERPRETATION_CASES = [
    # FORMAT v2: the agent of 由X负责 holds the duty, the interpretation clause included (devset pingtan gold)
    ("本办法由区财政金融局负责解释。", [("区财政金融局", "lead")]),
    ("本方案由市发展改革委负责解释。", [("市发展改革委", "lead")]),
    # 负责人 is a person in charge, and a group's members are no duty
    ("领导小组成员由各部门负责人组成。", []),
    ("工作专班由市生态环境局、市财政局共同组成。", []),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), INTERPRETATION_CASES)
def test_duties_v2_interpretation_clause_and_members(text: str, expected: list) -> None:
    from extract.pipeline import process_bytes

    [doc] = process_bytes(text.encode("utf-8"), "x.txt")
    assert [(r.department, r.role) for r in doc.responsibilities] == expected
