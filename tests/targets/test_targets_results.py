"""Reported results are never targets (FORMAT v2), decided per section, paragraph and document,
and a past marker applies to the number it modifies; forecasts, quoted opinions, application
rules and quotas are not targets either. ``drop_reasons`` says why a number was dropped.

Sentences are written in the style of county government work reports, statistics bulletins,
plans with a 发展基础 review, and application notices (申报通知).
"""

from __future__ import annotations

import pytest

from extract.model import Document, Metadata
from extract.settings import Settings
from extract.targets import drop_reasons, extract_targets


def _doc(text: str, title: str | None = None, issue_date: str | None = "2023-02-10") -> Document:
    return Document(id="x", source="s", format="txt", text=text,
                    metadata=Metadata(title=title, issue_date=issue_date))


def _values(text: str, title: str | None = None) -> list[tuple]:
    return [(t.value, t.unit) for t in extract_targets(_doc(text, title), Settings())]


# fmt: off
# (text, title, [(value, unit)] kept)
RESULTS = [
    # a past-year review heading, then a plan section
    ("一、上年工作回顾\n全县规上工业产值增长4.1%，完成固定资产投资120亿元。\n二、今年工作安排\n全县规上工业产值增长6%左右。",
     None, [(6, "%")]),
    ("一、2022年工作回顾\n新增绿色工厂12家。\n二、2023年工作安排\n新增绿色工厂15家。", None, [(15, "家")]),
    ("（一）发展基础\n“十三五”期间，全省光伏装机达到1500万千瓦。\n（二）主要目标\n到2025年，全省光伏装机达到3000万千瓦。",
     None, [(3000, "万千瓦")]),
    # a paragraph whose lead is last year, the past five years, or a year before the document
    ("过去五年，全市新增绿色工厂30家。", None, []),
    ("2022年，全市地区生产总值增长5.2%。", None, []),
    ("2024年，全市地区生产总值增长5.5%左右。", None, [(5.5, "%")]),
    # a whole year's outcome without any future word, in the clause or sentence
    ("全年规上工业增加值增长6.2%。", None, []),
    ("全年地区生产总值预期增长6%左右。", None, [(6, "%")]),
    ("全年完成造林10万亩。", "2023年全市林业工作要点", [(10, "万亩")]),
    ("全年完成造林10万亩。", "2022年全市林业工作总结", []),
    # the past marker of one number only
    ("计划年度投资800亿元（同比增长5%）。", None, [(800, "亿元")]),
    ("全市能耗同比下降3.2%，已完成年度目标。", None, []),
    ("2021年太阳光电装置容量已达7.70GW，成长5.15倍。", None, []),
    # a statistics bulletin reports results throughout
    ("全年全市地区生产总值达到5000亿元，比上年增长5%。", "2022年国民经济和社会发展统计公报", []),
    # "已建成居住区" in another clause does not make a dated goal past
    ("已建成居住区要设立养老服务设施，到2025年达到每万人拥有设施面积200平方米以上。", None, [(200, "平方米")]),
    # a review ends at a plan heading even when the layout lost the next top-level heading
    ("一、发展基础和面临形势\n（一）发展基础\n创建绿色工厂80家。\n（二）发展目标\n到2025年，创建绿色工厂200家。",
     None, [(200, "家")]),
    # a review subsection whose title names a capacity (保障能力) is still the review
    ("一、过去五年的主要成效\n（三）设施供应保障能力显著增强\n累计建成充电桩23万个、换电站159座。", None, []),
    # results of a plan period that ended before the document
    ("“十三五”期间，全市突发环境事件年响应次数分别为35次、42次。", None, []),
    ("“十四五”期间，开展市级综合环境应急演练5次。", None, [(5, "次")]),
    ("“十三五”期间，全市新增可再生能源建筑应用面积574万平方米。", "重庆市建筑节能“十四五”规划", []),
    # a review chapter holds its outline to its end, headings written as acts included (b446, b563)
    ("第一章“十三五”规划实施情况回顾\n第一节规划重点任务及措施落实情况\n一、深入实施水污染防治攻坚行动\n"
     "累计拆除养殖场约3200户，路检路测共完成564辆，全岛绿化率提升到58.3%。\n"
     "第二章主要目标\n一、推进工业绿色转型\n到2025年，创建绿色工厂200家。", None, [(200, "家")]),
    # tasks nested under a review whose next top-level heading the layout lost
    ("一、发展基础\n（一）主要成效\n建成绿色工厂80家。\n（二）主要任务\n（三）推进工业绿色转型\n打造30个以上数字化应用场景。",
     None, [(30, "个")]),
]

NOT_GOALS = [
    ("经测算，约需投资120亿元。", None, []),
    # an equivalence restates a figure in other units, through the list that repeats its verb (b332)
    ("届时可再生能源年利用量相当于减少二氧化碳排放量约26亿吨，减少二氧化硫排放量约50万吨，减少烟尘排放约10万吨。",
     None, []),
    ("到2025年，可再生能源利用量达到3000万吨标准煤，相当于减少二氧化碳排放8000万吨，非化石能源占比达到20%。",
     None, [(3000, "万吨标准煤"), (20, "%")]),
    ("项目预计需要资金3亿元。", None, []),
    ("“十四五”时期，本市天然气年消费量预计200亿立方米左右。", None, []),
    ("预估2021～2027年间，新增机组多于除役机组，其中燃气机组约净增加1460万千瓦。", None, []),
    # a rule under a condition "…的，" binds whoever meets it: no target
    ("养老服务设施单独办理供地手续的，其宗地面积原则上控制在3公顷以下。", None, []),
    ("集中配建医卫设施的，不超过5公顷。", None, []),
    ("该负责人表示：“预计全年增长10%以上”。", None, []),
    ("二、申报条件\n（一）企业年营业收入不低于5000万元。\n（二）研发人员占比不低于10%。\n三、工作目标\n到2025年，培育专精特新企业100家。",
     None, [(100, "家")]),
    ("每个地区推荐的绿色工厂不超过20个。", None, []),
    ("推荐数量可放宽至30家。", None, []),
    ("重点是工业增加值占比超过50%、具有法定边界、具备统一管理机构的省级以上工业园区。", None, []),
    ("补助标准为运营经费的50%，最高不超过5万元。", None, []),
    ("评估时间不超过30个工作日。", None, []),
    # an application notice or guide sets conditions for applicants, by its title
    ("单一工厂组件年产能达5GW，产品硬件国产化率达到100%。", "2023年度重点研发计划项目申报指南", []),
    ("拟支持不超过5个项目。", None, []),
    ("委托费用不超过人民币20万元。", None, []),
    ("单个企业投放资金不超过2亿元。", None, []),
    ("对技改项目年度投资额达500万元（含）以上并纳入统计的项目给予奖励。", None, []),
    # a bound inside brackets defines a class ("热电比小于100%"); a task spelled out there stays
    ("发电企业（纯发电及热电比小于100%）按基准线法分配配额。", None, []),
    ("提供“1131”就业服务（提供至少1次政策宣介、3次岗位推荐）。", None, [(1, "次"), (3, "次")]),
    # names and slogans in quotes
    ("严格按照“四个区分开来”要求推进。", None, []),
    # goals that look like the above stay targets
    ("到2025年，全市培育绿色工厂不少于20个。", None, [(20, "个")]),
    ("到2025年，推动50%以上的省属事业单位建成节水型单位。", None, [(50, "%")]),
]
# fmt: on


# Plans for a coming period whose issue date is unknown: the plan period the title names
# ("十四五" -> 2021) is the document's "now" (b567, b434, b016 of the bulk corpus show the class).
PLAN = "江南省应对气候变化“十四五”专项规划"
# (text, title, [(value, unit)] kept)
PLAN_RESULTS = [
    # chapter and section headings of long plans (第一章 / 第一节) frame a review
    ("第一章 现状与形势\n第二节 工作成效\n能源结构显著优化，全省森林覆盖率达58.66%。\n"
     "第二章 总体要求\n第一节 主要目标\n到2025年，全省森林覆盖率达到60%。", PLAN, [(60, "%")]),
    ("第一节 “十三五”时期工作成效\n开工建设15座污水处理厂，全市红树林湿地面积达100公顷以上。\n"
     "第二节 “十四五”时期面临的挑战\n第二章 规划目标\n到2025年，新建污水处理厂10座。", PLAN, [(10, "座")]),
    # a section heading ends its review at the next section, even inside one chapter
    ("第一章 规划背景\n第一节 发展现状\n建成绿色工厂80家。\n第二节 主要任务\n力争建成绿色工厂120家。", PLAN,
     [(120, "家")]),
    # a TOC line (dots and page number) does not open a review over the body
    ("第一节 工作回顾........ 6\n第二节 规划目标........ 9\n第一节 工作回顾\n建成绿色工厂80家。\n"
     "第二节 规划目标\n到2025年，建成绿色工厂150家。", PLAN, [(150, "家")]),
    # a year before the plan period, written in the clause
    ("2020年全省能源消费总量3.45亿吨标准煤。", PLAN, []),
    ("2020年，全市煤炭消费744.8万吨标准煤。", PLAN, []),
    ("2023年，全省能源消费总量控制在3.8亿吨标准煤以内。", PLAN, [(3.8, "亿吨标准煤")]),
    # a paragraph opened by "…以来" or by a plan period that has ended
    ("“十三五”以来，国内原油产量稳步回升，油气管道总里程达到17.5万公里，发电装机容量达到22亿千瓦。", PLAN, []),
    ("2016年以来，累计建成充电桩2万个。", PLAN, []),
    ("“十三五”时期，全省森林覆盖率达到42%，森林蓄积量达到4.2亿立方米。", PLAN, []),
    ("“十四五”时期，全省森林覆盖率达到45%。", PLAN, [(45, "%")]),
    # 将 (an object marker) and 要 (in 主要) do not make a review figure a goal
    ("一、“十三五”生态环境保护工作成效\n将生态文明建设纳入考核，考核权重提高到18%。", PLAN, []),
    ("一、发展基础\n主要污染物减排完成考核目标，优良比例72.7%。", PLAN, []),
    # a heading that names a base or results as work to do is a plan heading
    ("一、夯实安全发展基础\n到2025年，建成应急物资储备库10个。", PLAN, [(10, "个")]),
    ("（三）巩固提升绿化质量和成效\n到2025年，全省森林覆盖率达到60%。", PLAN, [(60, "%")]),
    ("第五章 成效评估\n到2025年，建成监测站点20个。", PLAN, [(20, "个")]),
    # 相对2020年 is a baseline, not a past deadline
    ("到2025年，全市单位地区生产总值二氧化碳排放相对2020年降低20.5%。", PLAN, [(20.5, "%")]),
]


@pytest.mark.parametrize("text,title,expected", PLAN_RESULTS)
def test_targets_results_in_plans_without_issue_date(text: str, title: str, expected: list) -> None:
    doc = Document(id="x", source="s", format="txt", text=text, metadata=Metadata(title=title))
    assert [(t.value, t.unit) for t in extract_targets(doc, Settings())] == expected


def test_targets_regression_relative_baseline_year() -> None:
    """"相对2020年降低20.5%": 2020 is the baseline, never the deadline (b499)."""
    doc = Document(id="x", source="s", format="txt", text="到2025年，全市碳排放强度相对2020年降低20.5%。",
                   metadata=Metadata(title=PLAN))
    [t] = extract_targets(doc, Settings())
    assert (t.baseline_year, t.deadline) == (2020, "2025")


@pytest.mark.parametrize("text,title,expected", RESULTS)
def test_targets_reported_results_are_not_targets(text: str, title: str | None, expected: list) -> None:
    assert _values(text, title) == expected


@pytest.mark.parametrize("text,title,expected", NOT_GOALS)
def test_targets_forecasts_quotes_and_application_rules(text: str, title: str | None, expected: list) -> None:
    assert _values(text, title) == expected


# fmt: off
# (text, title, a word the reason must contain)
REASONS = [
    ("一、上年工作回顾\n到2022年底，全县规上工业产值达到120亿元。", None, "review section"),
    ("全年规上工业增加值增长6.2%。", None, "全年"),
    ("二、申报条件\n企业年营业收入不低于5000万元。", None, "application rule"),
    ("该负责人表示：“到2025年全市产值将达到1000亿元”。", None, "quoted opinion"),
    ("到2025年，完成5万吨标准煤以上企业节能诊断。", None, "threshold"),
    ("约需投资120亿元，到2025年建成。", None, "forecast"),
    ("到2025年，利用量达到3000万吨标准煤，相当于减少二氧化碳排放8000万吨。", None, "equivalence"),
    ("单独办理供地手续的，其宗地面积原则上控制在3公顷以下。", None, "conditional rule"),
    # a rule's condition with a bare comparison (b163, b404, b405); "且…达到20%" stays an aim
    ("如果抽样精度小于90%，需增加监测样地数量。", None, "conditional rule"),
    ("年度排放量变化超过10%，且累计变化超过30%。", None, "conditional rule"),
    ("给予一次性补助，且不超过投资额30%。", None, "conditional rule"),
    # a number in a 对于…的 frame names what a duty is about (b013, b260)
    ("对于规模超过100个标准机架的数据中心逐一登记造册。", None, "about frame"),
    # a number in a definition sizes what a term means (r09)
    ("新增排放源是指年排放量大于或等于2万吨二氧化碳且有单独计量的排放设施。", None, "definition"),
    # a comparison before a number that 的 + noun follows sizes a class, also after a build verb
    # that belongs to an earlier noun (r12)
    ("不予支持供电煤耗高于285克标准煤/千瓦时的新建湿冷煤电机组和高于300克标准煤/千瓦时的空冷煤电机组项目。",
     None, "threshold"),
]
# fmt: on


@pytest.mark.parametrize("text,title,word", REASONS)
def test_targets_drop_reasons_name_the_rule(text: str, title: str | None, word: str) -> None:
    doc = _doc(text, title)
    reasons = drop_reasons(doc, Settings())
    assert any(word in reason for _, reason in reasons), reasons
    for (start, end), _ in reasons:
        assert 0 <= start < end <= len(doc.text)


def test_targets_regression_title_period_without_issue_date() -> None:
    """A 十三五 figure is past in a 十四五 plan even when the issue date is unknown."""
    doc = Document(id="x", source="s", format="txt", text="“十三五”期间，全市突发环境事件年响应次数分别为35次、42次。",
                   metadata=Metadata(title="重庆市环境应急能力建设“十四五”规划"))
    assert extract_targets(doc, Settings()) == []


def test_targets_drop_reasons_leave_the_output_alone() -> None:
    doc = _doc("到2025年，全市新增绿色工厂20家。过去五年，全市新增绿色工厂30家。")
    before = [t.to_dict() for t in extract_targets(doc, Settings())]
    drop_reasons(doc, Settings())
    assert [t.to_dict() for t in extract_targets(doc, Settings())] == before
    assert doc.targets == []  # drop_reasons never stores anything on the document


def test_targets_a_goal_joined_by_qie_is_no_condition() -> None:
    """"且" before a goal verb joins a second aim; only a bare comparison after it is a condition."""
    doc = _doc("到2025年，单位地区生产总值能耗下降13.5%，且非化石能源消费比重达到20%。", None)
    assert [t.value for t in extract_targets(doc, Settings())] == [13.5, 20]
