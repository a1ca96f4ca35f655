"""Deadline error classes found by the bulk audit (issue 13), one case table per class.

- ANNUAL-NODUE: a 年度 that names one year (2021年度, 本年度) or a title is no annual cycle;
  "制定年度计划" / "确定…年度目标" stay annual (seed gold convention);
- CONTEXT: background and purpose sentences, and dates that name a goal or a document
  ("2030年前碳达峰目标", "2000年前建成的老旧小区") are no deadlines; each part of a
  "2030年前…、2060年前…" pair keeps its own year;
- DUP-NUMERIC: a numeric goal is a target only (FORMAT v2), dated or recurring;
- TASK-TRUNC / RESP-BAD: a task is not cut at a URL's colon or reduced to "完成"; a
  responsible is an organisation, not a noun that ends like one;
- procedural limits and dated plan evaluations (recall).
"""

from __future__ import annotations

import pytest

# fmt: off
ANNUAL_ONE_YEAR = [
    # a 年度 naming one year, a title, a past act: no annual cycle
    "各纳入配额管理的单位要规范编制2021年度碳排放监测计划。",
    "省发展改革委会同省统计局确定各市本年度“双控”目标。",
    "我厅制定了《福建省2020年度用能权指标分配方案》。",
    "各区县应编制二〇二二年度大气污染防治实施方案。",
    "市生态环境局负责确定当年度重点排污单位名录。",
]

ANNUAL_CYCLE = [
    # (text, detail): 年度 of a recurring plan or target is an annual duty (seed gold 004)
    ("各盟市、各部门要制定节能减排年度计划。", None),
    ("各县区要合理确定本地区能耗总量年度目标。", None),
    ("市发展改革委将年度节能目标任务分解下达到各区。", None),
    ("各地区每年向省政府报告工作进展情况。", "每年"),
]
# fmt: on


@pytest.mark.parametrize("text", ANNUAL_ONE_YEAR)
def test_audit_one_named_year_is_no_annual_cycle(text: str, deadlines_of) -> None:
    assert [d for d in deadlines_of(text) if d["recurrence"] == "annual"] == []


@pytest.mark.parametrize("text,detail", ANNUAL_CYCLE)
def test_audit_yearly_plans_stay_annual(text: str, detail: str | None, deadlines_of) -> None:
    got = deadlines_of(text)
    assert [(d["recurrence"], d["recurrence_detail"]) for d in got] == [("annual", detail)]


# fmt: off
CONTEXT = [
    # background, purpose and national commitments restated: no deadline
    "“十四五”时期是为力争在2030年前实现碳达峰、2060年前实现碳中和打好基础的关键时期，必须协同推进能源低碳转型。",
    "我国力争2030年前实现碳达峰、2060年前实现碳中和。",
    "党中央做出了力争2030年前实现碳达峰、2060年前实现碳中和的重大战略决策。",
    "实现碳达峰对我国2030年前实现高质量发展具有重要意义。",
    "为城乡建设领域2030年前碳达峰奠定坚实基础。",
    # a date that names a goal or a plan, or sits in a relative clause
    "全面落实广东省碳达峰碳中和实施意见和2030年前碳达峰实施方案，组织推进碳达峰碳中和重大改革。",
    "确保如期实现2030年前碳达峰目标。",
    "聚焦2030年前城乡建设领域碳达峰目标，推进城乡建设绿色低碳发展。",
    "全面完成2000年前建成的老旧小区改造任务。",
    # a purpose clause borrows no year from the goal named before it
    "要实现到2030年风电、太阳能发电总装机容量达到12亿千瓦以上的目标，必须更好发挥新能源的作用，助力扎实做好碳达峰、碳中和工作。",
]

CONTEXT_KEEPS = [
    # (text, [(due, evidence)]): the plan's own dated goals stay, each part with its own year
    ("有条件的地区2025年前实现公共机构碳达峰、全省公共机构碳排放总量2030年前尽早达峰。",
     [("2025", "有条件的地区2025年前实现公共机构碳达峰"), ("2030", "全省公共机构碳排放总量2030年前尽早达峰")]),
    ("到2030年，减污降碳协同能力显著提升，助力实现碳达峰目标。",
     [("2030", "到2030年，减污降碳协同能力显著提升，助力实现碳达峰目标")]),
    ("2030年前，城乡建设领域碳排放达到峰值。", [("2030", "2030年前，城乡建设领域碳排放达到峰值")]),
    ("中国人民银行各分支机构于2022年3月31日前报送碳减排贷款情况。",
     [("2022-03-31", "中国人民银行各分支机构于2022年3月31日前报送碳减排贷款情况")]),
    ("2021年底前，省属企业完成制定碳达峰行动方案。",
     [("2021-12", "2021年底前，省属企业完成制定碳达峰行动方案")]),
    ("到2025年，新增的公务用车全部使用新能源汽车。", [("2025", "到2025年，新增的公务用车全部使用新能源汽车")]),
]
# fmt: on


@pytest.mark.parametrize("text", CONTEXT)
def test_audit_context_gives_no_deadline(text: str, deadlines_of) -> None:
    assert deadlines_of(text) == []


@pytest.mark.parametrize("text,expected", CONTEXT_KEEPS)
def test_audit_own_dated_goals_stay(text: str, expected: list, deadlines_of) -> None:
    assert [(d["due"], d["evidence"]) for d in deadlines_of(text)] == expected


# fmt: off
NUMERIC_GOALS = [
    # a numeric goal is a target only (FORMAT v2), after a due date or a rhythm word
    "2025年底前，建设1个以上滨海沙滩景观带样板。",
    "2025年年底前，全市建筑垃圾综合利用率达到90%。",
    "2021年年底前，优先完成140个工业生产废水排污口整治任务。",
    "2025年年底前，沿海各市新增污水处理能力130万吨/日。",
    "每年新增及更新的公务用车中新能源汽车（含节能车）比例不低于60%。",
    "每年实施2-3个全域综合整治项目。",
]

NOT_NUMERIC_GOALS = [
    # (text, due, recurrence): times, copies, time spans and Chinese-numeral parts are how a
    # duty is done
    ("请于2021年7月30日前将申报材料（附件1-5）纸质版一式两份寄送至工业和信息化部。", "2021-07-30", None),
    ("市生态环境局每年至少开展1次突发环境事件应急演练。", None, "annual"),
    ("2025年底前，基本完成主要流域排污口“查、测、溯、治、管”五项主要任务。", "2025-12", None),
    ("每年按照市级和区县两个层面，分类实施从业人员绿色建筑专项培训。", None, "annual"),
    ("重点排放单位应于2022年3月31日前报送前3个月的监测数据。", "2022-03-31", None),
]
# fmt: on


@pytest.mark.parametrize("text", NUMERIC_GOALS)
def test_audit_numeric_goal_is_no_deadline(text: str, deadlines_of) -> None:
    assert deadlines_of(text) == []


@pytest.mark.parametrize("text,due,recurrence", NOT_NUMERIC_GOALS)
def test_audit_counts_of_how_a_duty_is_done_keep_it(text: str, due: str | None, recurrence: str | None, deadlines_of) -> None:
    assert [(d["due"], d["recurrence"]) for d in deadlines_of(text)] == [(due, recurrence)]


def test_audit_a_measure_before_its_noun_keeps_the_duty(deadlines_of) -> None:
    got = deadlines_of("2024年底前，全面完成城市建成区35蒸吨/小时以下燃煤锅炉淘汰。")
    assert [d["due"] for d in got] == ["2024-12"]


# fmt: off
TASKS = [
    # (text, task): a URL's colon and dots, a PDF line break inside a word, a bare verb
    ("各纳入配额管理的单位应于2021年3月31日前通过上海节能低碳和应对气候变化网（http://www.reg-sh.org）右下角链接登录“上海市碳排放报告直报系统”，按照系统要求在线填报。",
     "通过上海节能低碳和应对气候变化网（http://www.reg-sh.org）右下角链接登录“上海市碳排放报告直报系统”"),
    ("请各区于2022年5月10日前将材料报送至https://www.example.gov.cn/upload，逾期不予受理。",
     "材料报送至https://www.example.gov.cn/upload"),
    ("第八条当日完成清算后，注册登记机构应当将结果反馈给交\n易机构。经双方确认无误后，完成交收。",
     "结果反馈给交易机构"),
    ("对通过新建林业项目的方式实现碳中和的，应不迟于活动结束后6年内完成。",
     "通过新建林业项目的方式实现碳中和"),
    ("各设区市生态环境局每年至少组织一次抽检、抽查。", "至少组织一次抽检、抽查"),
]

RESPONSIBLE = [
    # (text, responsible): a generating unit, a verb phrase or a label is no organisation
    ("置换建设大容量、高参数煤电机组，2021年底前雄安新区建成“无煤区”。", []),
    ("协助企业应对绿色贸易壁垒，争取2025年底前完成粤港澳碳标签互认。", []),
    ("积极推动龙头企业参与，到2025年初步建成国内领先的绿色低碳技术创新集聚区。", []),
    ("【监管形式】各设区市生态环境局每年至少组织一次抽检、抽查。", ["各设区市生态环境局"]),
    ("各省（区、市）住房和城乡建设部门应在每年11月底前上报本地区建筑节能发展情况报告。",
     ["各省（区、市）住房和城乡建设部门"]),
    # the subject of a condition is the appellant, not the body appealed to
    ("核查机构如对考评结果有异议，可以在收到结果之日起10个工作日内以书面形式向主管部门提出申诉。", ["核查机构"]),
    ("重点排放单位若对核查结果有异议，可在收到结果之日起7个工作日内向省生态环境厅申请复核。", ["重点排放单位"]),
]
# fmt: on


@pytest.mark.parametrize("text,task", TASKS)
def test_audit_task_is_whole(text: str, task: str, deadlines_of) -> None:
    assert [d["task"] for d in deadlines_of(text)][:1] == [task]


@pytest.mark.parametrize("text,responsible", RESPONSIBLE)
def test_audit_responsible_is_an_organisation(text: str, responsible: list, deadlines_of) -> None:
    got = deadlines_of(text)
    assert got and got[0]["responsible"] == responsible


# fmt: off
PROCEDURAL = [
    # (text, relative_due, recurrence, detail): procedural limits of regulations (FORMAT v2)
    ("纳入配额管理的单位终止的，应当于15日内向市生态环境主管部门报告。", "15日内", None, None),
    ("对结算结果有异议的，应在下一交易日开市前，以书面形式向注册登记机构提出。", "下一交易日开市前", None, None),
    ("申请人应于5个工作日内补正材料。", "5个工作日内", None, None),
    ("交易机构应当在每个交易日发布碳排放配额交易行情等公开信息。", None, None, "每个交易日"),
    ("有关注销信息每年向社会公开。", None, "annual", "每年"),
]

NOT_PROCEDURAL = [
    "项目建设周期一般为15日内完成的小型工程。",     # no modal: a description
    "每个交易日的收盘价为当日最后一笔成交价。",     # a rhythm word describing a quantity
]

EVALUATIONS = [
    # (text, [due]): dated reviews of a plan, one deadline per date
    ("2025年底开展终期评估，全面梳理总结规划实施情况。", ["2025-12"]),
    ("在2023年对本规划执行情况开展中期评估，及时优化调整相关指标。", ["2023"]),
    ("在2023年底、2025年底，分别对规划执行情况进行中期评估和总结评估。", ["2023-12", "2025-12"]),
    ("2023年组织对规划执行情况进行中期评估，2025年底对规划执行情况进行终期考核。", ["2023", "2025-12"]),
    # a year-end written once closes every year of the list (b464, b471, b499)
    ("2023年、2025年年底，分别对规划执行情况进行中期评估和总结评估。", ["2023-12", "2025-12"]),
    ("2023年和2025年底分别组织《规划》实施情况的中期评估和终期考核工作。", ["2023-12", "2025-12"]),
    ("2023年、2025年分别开展中期评估和总结评估。", ["2023", "2025"]),
]

NOT_EVALUATIONS = [
    "完成《全国地下水污染防治规划（2011—2020年）》终期评估。",   # the year is in a title
    "2020年已完成规划中期评估。",                                    # done already
    "建立规划中期评估制度。",                                        # no date
]
# fmt: on


@pytest.mark.parametrize("text,relative,recurrence,detail", PROCEDURAL)
def test_audit_procedural_limits(text: str, relative: str | None, recurrence: str | None, detail: str | None, deadlines_of) -> None:
    got = deadlines_of(text)
    assert [(d["due"], d["relative_due"], d["recurrence"], d["recurrence_detail"]) for d in got] == [
        (None, relative, recurrence, detail)]


@pytest.mark.parametrize("text", NOT_PROCEDURAL)
def test_audit_not_a_procedural_limit(text: str, deadlines_of) -> None:
    assert deadlines_of(text) == []


@pytest.mark.parametrize("text,dues", EVALUATIONS)
def test_audit_dated_plan_evaluations(text: str, dues: list, deadlines_of) -> None:
    assert [d["due"] for d in deadlines_of(text)] == dues


@pytest.mark.parametrize("text", NOT_EVALUATIONS)
def test_audit_not_a_dated_evaluation(text: str, deadlines_of) -> None:
    assert deadlines_of(text) == []


# fmt: off
PARAGRAPH_DATES = [
    # a "…前" lead with its own task limits that task only; a clause's own bare year wins
    ("2021年底前编制完成市县国土空间规划，统筹城市发展和安全。加快推进农村人居环境整治，2025年卫生厕所基本普及。",
     [("2021-12", "2021年底前编制完成市县国土空间规划")]),
    ("到2025年，全面完成燃煤锅炉淘汰。加快补齐短板，2027年农村生活垃圾处理体系全面建成，污水管网基本全覆盖。",
     [("2025", "到2025年，全面完成燃煤锅炉淘汰"), ("2027", "2027年农村生活垃圾处理体系全面建成"),
      ("2027", "污水管网基本全覆盖")]),
    # a date standing alone as the lead still frames its paragraph
    ("2025年底前，完成老旧小区改造。城镇污水管网基本全覆盖。",
     [("2025-12", "2025年底前，完成老旧小区改造"), ("2025-12", "城镇污水管网基本全覆盖")]),
    # no frame, no own limit: nothing
    ("2023年6月底前完成排查整治，建立问题清单。各地要全面完成整改销号。",
     [("2023-06", "2023年6月底前完成排查整治")]),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), PARAGRAPH_DATES)
def test_paragraph_goal_dates_carry_only_from_a_frame(text: str, expected: list, deadlines_of) -> None:
    assert [(d["due"], d["evidence"]) for d in deadlines_of(text)] == expected
