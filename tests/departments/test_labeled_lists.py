"""Responsibilities carried by labeled lists: 牵头单位 / 配合单位 / 责任单位 written as a field.

Plans close a task with "〔责任单位：A、B〕", "（牵头单位：A；责任单位：B）" or a line
"责任单位：A、B"; the label gives the role (牵头单位 -> lead, 配合单位 -> support,
责任单位 / 负责部门 -> implement).  PDF line wraps may break the label or the list.
"""

from __future__ import annotations

import pytest

from extract.departments.responsibilities import extract_responsibilities, find_parentheticals
from extract.model import Document, Metadata
from extract.settings import Settings


def _pairs(text: str) -> list[tuple[str, str]]:
    doc = Document(id="x", source="s", format="txt", text=text, metadata=Metadata())
    return sorted({(r.department, r.role) for r in extract_responsibilities(doc, Settings())})


# fmt: off
CASES = [
    ("（一）提升电气化率。对改造用户给予补助。〔责任单位：市经信局、市财政局〕\n",
     [("市经信局", "implement"), ("市财政局", "implement")]),
    ("（二）推进居民电气化。开展赠送电费活动。〔责任单位：\n市商务局、市农业农村局〕\n",
     [("市农业农村局", "implement"), ("市商务局", "implement")]),
    ("1．加快产业转型。发展先进制造业。\n（牵头单位：市经信局、市发改委；责任单位：各区（市）县政府）\n",
     [("各区（市）县政府", "implement"), ("市发改委", "lead"), ("市经信局", "lead")]),
    # the label wrapped by the PDF line break
    ("6．发展绿色建筑。推进节能改造。（牵\n头单位：市住建局；责任单位：市发改委、\n市统计局，各区（市）县政府）\n",
     [("各区（市）县政府", "implement"), ("市发改委", "implement"), ("市住建局", "lead"), ("市统计局", "implement")]),
    # names the gazetteer does not know still count under a label; 等… tails are cut
    ("（八）推进机组改造。支持燃机调峰电厂建设。〔责任单位：市发改委，金堂县、大邑县政府、国电金堂电厂〕\n",
     [("大邑县政府", "implement"), ("国电金堂电厂", "implement"), ("市发改委", "implement"), ("金堂县", "implement")]),
    ("（三）提升汽车电动化率。（牵头单位：市生态环境局；责任单位：市公安局等市级部门）\n",
     [("市公安局", "implement"), ("市生态环境局", "lead")]),
    ("市生态环境局负责组织开展监测试点。（配合单位：监测中心、信息中心、辐射站）\n",
     [("信息中心", "support"), ("市生态环境局", "lead"), ("监测中心", "support"), ("辐射站", "support")]),
    # a line of its own, half-width colon
    ("4.推动节能改造。\n责任单位:省工业和信息化厅、省能源局\n",
     [("省工业和信息化厅", "implement"), ("省能源局", "implement")]),
    ("5.开展专项督查。\n负责部门：县农业农村局\n配合部门：县财政局\n",
     [("县农业农村局", "implement"), ("县财政局", "support")]),
    # no label, or a label followed by no names: nothing
    ("（二）主要内容。依法依规推动落后产能退出。\n", []),
    ("（三）加强宣传。\n责任单位：见附表\n", []),
    ("（四）开展评估。\n牵头单位：负责本项工作的部门\n", []),
    ("各责任单位：请于3月底前报送材料。\n", []),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_labeled_lists(text: str, expected: list[tuple[str, str]]) -> None:
    assert _pairs(text) == sorted(expected)


def test_carry_suffix_hands_later_sections_to_the_name() -> None:
    text = ("（一）严控项目。推动落后产能退出。(责任单位:省发展改革委、省能源局。各市〔州〕人民政府,以下各条均涉及)\n"
            "（二）推动产业发展。加快发展新能源。(责任单位:省商务厅、省大数据局)\n")
    pairs = _pairs(text)
    assert ("各市〔州〕人民政府", "implement") in pairs
    assert ("省商务厅", "implement") in pairs
    items = find_parentheticals(text)[0].items
    assert [i[3] for i in items] == [False, False, True]


# fmt: off
TABBED_CASES = [
    # a task table laid out with tabs: the header's label columns give the roles, in order
    ("重点任务分工方案\n\t重点任务\t\t牵头单位\t配合单位\n1\t开展原材料行业规范条件动态核查\t\t市工信局\t市发改委、市财政局\n"
     "2\t推进园区循环化改造\t\t市发改委\t市生态环境局\n",
     [("市工信局", "lead"), ("市发改委", "support"), ("市财政局", "support"), ("市发改委", "lead"),
      ("市生态环境局", "support")]),
    ("序号\t工作任务\t责任单位\t完成时限\n1\t完成节能诊断\t各县区人民政府\t2023年底前\n",
     [("各县区人民政府", "implement")]),
    # a cell holding anything but names is no owner; a table without a label header gives nothing
    ("序号\t工作任务\t责任单位\n1\t完成节能诊断\t见附件2\n", []),
    ("序号\t工作任务\t完成时限\n1\t完成节能诊断\t市发改委\n", []),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), TABBED_CASES)
def test_tabbed_task_tables(text: str, expected: list[tuple[str, str]]) -> None:
    assert _pairs(text) == sorted(set(expected))


def test_support_lists_leave_the_sentences_recorded() -> None:
    # "（配合单位：…）" after each sentence only adds supporters: the sentences still assign work
    text = ("综合处负责统筹衔接生态环境规划。（配合单位：环科院）\n"
            "人事处负责组织开展培训。（配合单位：宣教中心）\n")
    assert _pairs(text) == sorted([("综合处", "lead"), ("环科院", "support"), ("人事处", "lead"),
                                   ("宣教中心", "support")])


# fmt: off
SUPPORT_GROUP_CASES = [
    # FORMAT v2: 按职责分工负责 is support, even inside a 责任单位 list
    ("责任单位：市发展改革委、市商务局，各县区政府、高新区管委会按职责分工负责",
     [("市发展改革委", "implement"), ("市商务局", "implement"), ("各县区政府", "support"), ("高新区管委会", "support")]),
    ("责任单位：市生态环境局，各县（市、区）人民政府配合",
     [("市生态环境局", "implement"), ("各县（市、区）人民政府", "support")]),
    # no tail: the label's role for every group
    ("责任单位：市财政局，市统计局", [("市财政局", "implement"), ("市统计局", "implement")]),
    ("牵头单位：市发改委；配合单位：市财政局、市统计局",
     [("市发改委", "lead"), ("市财政局", "support"), ("市统计局", "support")]),
    # a comma before the next label ends the segment as ； does (b352)
    ("牵头单位：住房城乡建设厅，配合单位：省发展改革委、省市场监管局",
     [("住房城乡建设厅", "lead"), ("省发展改革委", "support"), ("省市场监管局", "support")]),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), SUPPORT_GROUP_CASES)
def test_labeled_lists_a_group_ending_in_a_support_tail_supports(text: str, expected: list) -> None:
    from extract.departments.fields import parse_labeled

    assert [(n, role) for n, role, *_ in parse_labeled(text, 0)] == expected


@pytest.mark.parametrize(("items", "expected"), [
    (["各盟行政公署", "市人民政府"], ["各盟行政公署", "各市人民政府"]),       # a level word takes 各
    (["各县区政府", "辽源高新区管委会"], ["各县区政府", "辽源高新区管委会"]),  # a proper place never does
])
def test_labeled_lists_each_flows_only_onto_level_words(items: list, expected: list) -> None:
    from extract.departments.names import qualify

    assert qualify(items) == expected
