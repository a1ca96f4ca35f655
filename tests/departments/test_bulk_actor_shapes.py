"""Actor shapes found by the bulk probe (issue 13): names that are fragments of a predicate,
cues after an adverb, generic actors after 由, divisions named with a verb, classes of places
with their department, and bodies that only benefit from a task.

* "…，同时也是我国碳排放的重点单位，应当…": a copula clause is a predicate about an earlier
  subject, never a name ("也是…重点单位" was recorded as a department);
* "住房城乡建设厅每年牵头开展…", "生态环境部据此牵头编制…": an adverb between body and cue;
* "抚育管护由承包方负责", "由土地使用权人负责开展…", "由高校负责审查推荐": generic actors are
  agents of 由…负责 (FORMAT v2), the topic before 由 is the task when nothing follows;
* "…主管部门负责办理备案手续": 负责 is never part of a name ("…部门负责办");
* "宣传教育处负责…", "其他行业企业要…": a name may open with 宣传 or 其他;
* "县(市、区)林草主管部门牵头…": the department of each place of a class is one body;
* "转由其他民办非营利性养老机构使用": a user or beneficiary after 由 holds no duty;
* "（各相关部门、地方按职责分工负责）": 地方 is a body inside a list of bodies only;
* "在关系国家安全的重要行业…": the 要 of 重要 is no modal.
"""

from __future__ import annotations

import pytest

from extract.departments.names import is_body
from extract.departments.responsibilities import extract_responsibilities
from extract.model import Document, Metadata
from extract.settings import Settings


def _records(text: str) -> list[tuple[str, str, str]]:
    doc = Document(id="x", source="s", format="txt", text=text, metadata=Metadata())
    return sorted({(r.department, r.role, r.task) for r in extract_responsibilities(doc, Settings())})


def _pairs(text: str) -> list[tuple[str, str]]:
    return sorted({(d, role) for d, role, _ in _records(text)})


# fmt: off
CASES = [
    # a copula clause is a predicate, never a name; 重要 holds no modal
    ("中央企业在关系国家安全的重要行业占据重要地位，同时也是我国碳排放的重点单位，应当发挥示范引领作用。", []),
    ("该企业是全省碳排放的重点单位，应当率先开展碳排放核算。", []),
    ("各重点排放单位应当于每年3月31日前报送排放报告。", [("各重点排放单位", "implement")]),
    # an adverb between the body and its cue
    ("住房城乡建设厅每年牵头开展全省县城绿色低碳建设年度评估评价。", [("住房城乡建设厅", "lead")]),
    ("基金赠款项目管理办法另行制定。生态环境部据此牵头编制年度赠款项目指南。", [("生态环境部", "lead")]),
    ("市节能监察中心具体负责日常监察工作。", [("市节能监察中心", "lead")]),
    ("每年牵头开展评估评价。", []),                              # no body before the adverb
    # generic actors after 由 (FORMAT v2)
    ("承包期内的抚育管护由承包方负责。", [("承包方", "lead")]),
    ("对拟收回土地使用权的企业用地，由土地使用权人负责开展土壤环境状况调查评估。", [("土地使用权人", "lead")]),
    ("在宁部省属高校项目由高校负责审查推荐。", [("高校", "lead")]),
    ("有关部门和高校要加强绿色低碳人才培养。", [("有关部门", "implement"), ("有关高校", "implement")]),  # 有关 flows (b012)
    ("由于承包期较长，抚育管护难度较大。", []),                   # 由于 is no 由
    # 负责 ends the name
    ("将建筑企业施工劳务资质由审批制改为备案制，由企业注册地地级市住房城乡建设主管部门负责办理备案手续。",
     [("企业注册地地级市住房城乡建设主管部门", "lead")]),
    ("由市节能办负责办理。", [("市节能办", "lead")]),
    # divisions named with a verb, names opened by 其他
    ("宣传教育处负责做好绿色低碳发展和应对气候变化工作成效宣传。", [("宣传教育处", "lead")]),
    ("其他行业企业要根据相应行业核算方法与报告指南，于2022年9月30日前核算2021年度排放量。",
     [("其他行业企业", "implement")]),
    ("积极宣传中央企业要发挥示范作用的典型经验。", []),           # 宣传 acting on a body
    ("其中重点企业要加强管理。", [("重点企业", "implement")]),     # 其中 opens the clause
    # the department of each place of a class
    ("县(市、区)林草主管部门牵头安排第二年绿化目标任务。", [("县(市、区)林草主管部门", "lead")]),
    ("各省（区、市）住房和城乡建设部门要加强指导。", [("各省（区、市）住房和城乡建设部门", "implement")]),
    # a class of places acts without a body too (b317, b417 gold: "州（市）、县（市、区）具体负责", "县（市）")
    ("县（市、区）要加强指导。", [("县（市、区）", "implement")]),
    # a class department and a body joined by 和 are two bodies, as any 和-joined pair of bodies
    ("各省（区、市）教育主管部门和高校要统筹各类资源。",
     [("各省（区、市）教育主管部门", "implement"), ("高校", "implement")]),
    ("县(市、区)林草主管部门和水利部门要加强合作。",
     [("县(市、区)林草主管部门", "implement"), ("县(市、区)水利部门", "implement")]),
    ("各省（区、市）工业和信息化主管部门要加强指导。", [("各省（区、市）工业和信息化主管部门", "implement")]),
    # users and beneficiaries after 由
    ("如养老机构停办，由政府收回或经批准后转由其他民办非营利性养老机构使用。", []),
    ("补贴资金由符合条件的企业享受。", []),
    ("所需资金由市财政局统筹安排。", [("市财政局", "implement")]),
    # 由X牵头 inside a clause: X leads
    ("成立由省发展改革委牵头，省国资委等参加的煤炭价格形成机制改革工作专班。", [("省发展改革委", "lead")]),
    ("由市发改委牵头组织实施。", [("市发改委", "lead")]),
    # 地方 is a body inside a list of bodies only
    ("（二十六）加强组织领导。各有关部门要加强协调配合。（各相关部门、地方按职责分工负责）",
     [("各相关部门", "support"), ("地方", "support"), ("各有关部门", "support")]),
    ("局部地形起伏较大的地方应采用分级消能措施。", []),
    # mass organisations are bodies; a list summed up by 等（群团）组织; 各级 flows forward (round 4)
    ("工会、共青团、妇联等群团组织要积极动员广大职工、青年、妇女参与生态环境保护。",
     [("工会", "implement"), ("共青团", "implement"), ("妇联", "implement")]),
    ("各级工会、共青团、妇联等组织要动员组织广大职工积极参与环境治理。",
     [("各级工会", "implement"), ("各级共青团", "implement"), ("各级妇联", "implement")]),
    ("各级公安机关、检察机关和审判机关要不断完善线索通报、案件移送工作机制。",
     [("各级公安机关", "implement"), ("各级检察机关", "implement"), ("各级审判机关", "implement")]),
    ("相关行业组织要发挥桥梁纽带作用，强化行业自律。", [("相关行业组织", "implement")]),
    ("由市民政局统一组织实施养老护理员培训。", [("市民政局", "lead")]),   # 组织 the verb is no suffix
    ("请各二级单位组织成员企业开展清查。", [("各二级单位", "lead")]),
    # by their own duties is support, as 按职责分工 (FORMAT v2)
    ("各有关部门要根据职责分工细化任务举措，及时研究解决实施中遇到的问题。", [("各有关部门", "support")]),
    ("交通运输部、公安部、商务部根据各自职责，加强部门协调和政策推进。",
     [("交通运输部", "support"), ("公安部", "support"), ("商务部", "support")]),
    ("各地要根据实际制定实施方案。", [("各地", "implement")]),   # by its own situation: its own duty
    # a cue right before 的 describes a noun, it assigns nothing (round 9: b533, b156, b571, b584)
    ("建立由省住房城乡建设厅牵头，发展改革、财政等有关部门参与的议事协调机制。", [("省住房城乡建设厅", "lead")]),
    ("银行业金融机构参与的集体林权交易试点取得成效。", []),
    ("市财政局要会同有关部门参与项目评审。", [("市财政局", "lead"), ("有关部门", "support")]),
    # 科研院所 is one body; 结合 and adverbs end a subject after 请; an adverb before 组织 (b289)
    ("请各有关高校、科研院所、行业协会结合所在单位需求，积极组织推荐科技领军人才。",
     [("各有关高校", "implement"), ("科研院所", "implement"), ("行业协会", "implement")]),
    ("请各有关单位认真组织填写推荐表。", [("各有关单位", "lead")]),
    # a class of places with one level in brackets, alone or in a list; 各级 flows to a bare
    # 政府; separators inside brackets split nothing (b106, b317, b364, b389, b446)
    ("各市（地）要定期开展土壤环境监测。", [("各市（地）", "implement")]),
    ("各市（区）、各有关部门要及时总结好经验好模式。", [("各市（区）", "implement"), ("各有关部门", "implement")]),
    ("各县（市、区）、各有关单位要加强协调。", [("各县（市、区）", "implement"), ("各有关单位", "implement")]),
    ("各级党委、政府要切实加强组织领导。", [("各级党委", "implement"), ("各级政府", "implement")]),
    # the place flows on to the bare 部门 as it does after 各级 (b456 gold: 各县区部门)
    ("各县区党委、部门要加强配合。", [("各县区党委", "support"), ("各县区部门", "support")]),
    ("各设区市要结合本地实际，抓好贯彻落实。", [("各设区市", "implement")]),          # b089
    ("各市、县（区）要根据实际情况制定具体措施。", [("各市、县（区）", "implement")]),  # b319
    # by its duties, with an adverb first, is support (b496)
    ("各成员单位要严格按照职责分工，细化工作举措。", [("各成员单位", "support")]),
    # 应对气候变化 is no modal, and 激发 acts on the bodies after it (b569)
    ("激发高校、科研院所应对气候变化技术创新活力。", []),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_bulk_actor_shapes(text: str, expected: list[tuple[str, str]]) -> None:
    assert _pairs(text) == sorted(expected)


def test_topic_before_agent_is_the_task_when_nothing_follows() -> None:
    assert _records("承包期内的抚育管护由承包方负责。") == [("承包方", "lead", "承包期内的抚育管护")]


# fmt: off
NAMES = [
    ("宣传教育处", True), ("组织部", True), ("其他行业企业", True), ("高校", True), ("承包方", True),
    ("县(市、区)林草主管部门", True), ("区（市、县）民政部门", True),
    ("也是我国碳排放的重点单位", False), ("积极宣传中央企业", False), ("其配额单位", False),
    ("企业注册地地级市住房城乡建设主管部门负责办", False), ("县(市、区)要", False),
]
# fmt: on


@pytest.mark.parametrize(("name", "expected"), NAMES)
def test_bulk_name_shapes(name: str, expected: bool) -> None:
    assert is_body(name) is expected


# A plan that divides its work by parentheticals still assigns work by its sentences: those
# that assign by 牵头 / a sole 负责 / 由X负责, and its exhortations too (FORMAT: "the subject of
# 要/应/须/负责/牵头" is a responsibility; the devset gold records them beside the plan's
# parentheticals, e.g. 「各地区各有关部门要认真贯彻落实…」 before 「（各相关部门、地方按职责分工负责）」).
PLAN = ("（一）推动试点示范。开展示范县城培育工作。（牵头单位：住房城乡建设厅；配合单位：应急管理厅）\n"
        "（二）开展评估评价。{sentence}（牵头单位：住房城乡建设厅、民政厅；配合单位：省发展改革委）\n")

# fmt: off
PLAN_SENTENCES = [
    ("住房城乡建设厅每年牵头开展全省县城绿色低碳建设年度评估评价。", [("住房城乡建设厅", "lead", "sentence")]),
    ("施工劳务资质由审批制改为备案制，由企业注册地住房城乡建设主管部门负责办理备案手续。",
     [("企业注册地住房城乡建设主管部门", "lead", "sentence")]),
    ("市统计局负责提供能耗数据。", [("市统计局", "support", "sentence")]),
    ("成立由省发展改革委牵头，省国资委等参加的改革工作专班。", [("省发展改革委", "lead", "sentence")]),
    ("所需经费由省财政厅负责保障。", [("省财政厅", "lead", "sentence")]),
    ("各级人民政府对本行政区域内的县城建设工作负总责。", [("各级人民政府", "lead", "sentence")]),
    ("国有企业要带头落实节能减排目标责任。", [("国有企业", "implement", "sentence")]),
    # overall responsibility leads, as 负总责 does (b076, b446)
    ("省委和省政府对全省环境治理负总体责任，组织落实目标任务。", [("省委", "lead", "sentence"), ("省政府", "lead", "sentence")]),
    ("市政府对全市环境治理承担总体责任，全面谋划和实施重大举措。", [("市政府", "lead", "sentence")]),
    # a report due to a higher body is the subject's duty (b462, b452; the closing line of an 意见:
    # b059, b060, b237, b297, b364, b579) ...
    ("市生态环境局每年向市政府报告生态环境保护重点工作进展情况。", [("市生态环境局", "implement", "sentence")]),
    ("各市州、省直有关部门贯彻落实情况每年向省委、省政府报告。",
     [("各市州", "implement", "sentence"), ("省直有关部门", "implement", "sentence")]),
    # ... but a result reported is no body, and a past report no duty
    ("评估结果向市政府报告，向社会公布。", []),
    ("市生态环境局已向市政府报告了整改情况。", []),
    ("各地区各有关部门要认真贯彻落实决策部署。", [("各地区", "implement", "sentence"), ("各有关部门", "implement", "sentence")]),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "expected"), PLAN_SENTENCES)
def test_plan_records_sentences_that_assign_by_name(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    from extract.departments.responsibilities import KIND_SENTENCE, assignment_plan

    text = PLAN.format(sentence=sentence)
    start = text.index(sentence)
    got = sorted({(a.department, a.role, a.kind) for a in assignment_plan(text)
                  if a.kind == KIND_SENTENCE and start <= a.evidence[0] < start + len(sentence)})
    assert got == sorted(expected)
