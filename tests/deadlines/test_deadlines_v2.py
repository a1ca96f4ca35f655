"""Deadlines in the shapes of issue 13 / FORMAT v2, one case table per class.

- dated goals that adopt or keep a state ("…达到国内先进水平", "培育一批…", "…深入人心"), with
  the goal date of a paragraph's lead carried to its "——" bullets; numeric goals stay targets;
- labelled limits and date ranges with a clock time (due is the end);
- recurring windows whose task word is a review or selection (遴选, 评审) and weekly / daily /
  multi-year rhythms (recurrence null, rhythm in the detail); lists of due dates;
- relative limits (due null, ``relative_due`` as written);
- years of year-less dates: the nearest full date before, else the document's date;
- what is never a deadline: validity dates, prohibitions, guiding verbs, basis phrases.
"""

from __future__ import annotations

import pytest

# fmt: off
STATE_GOALS = [
    # (text, [(due, evidence)])
    ("到2025年，重点用能行业单位产品能耗达到国内先进水平。",
     [("2025", "到2025年，重点用能行业单位产品能耗达到国内先进水平")]),
    ("到2026年，新购环卫设备全部电动化。", [("2026", "到2026年，新购环卫设备全部电动化")]),
    ("到2030年，绿色消费方式成为公众自觉选择，绿色低碳产品成为市场主流。",
     [("2030", "到2030年，绿色消费方式成为公众自觉选择"), ("2030", "绿色低碳产品成为市场主流")]),
    ("到2025年，绿色消费理念深入人心，奢侈浪费得到有效遏制，绿色消费方式得到普遍推行。",
     [("2025", "到2025年，绿色消费理念深入人心"), ("2025", "绿色消费方式得到普遍推行")]),
    ("到2025年，减污降碳协同推进的工作格局基本形成；形成一批可复制、可推广的典型经验。",
     [("2025", "到2025年，减污降碳协同推进的工作格局基本形成"), ("2025", "形成一批可复制、可推广的典型经验")]),
    # the lead's goal date carries to the bullets under it
    ("二、主要目标\n到2025年，全市绿色制造水平明显提升。\n——绿色制造体系日趋完善。培育一批绿色设计产品，"
     "打造一批绿色供应链。\n三、重点任务",
     [("2025", "培育一批绿色设计产品"), ("2025", "打造一批绿色供应链")]),
    # 展望 / 确保 / 争取 before a year make it a goal date; the outlook carries to its paragraph
    ("展望2035年，基本建成现代能源体系。能源安全保障能力大幅提升，绿色生产和消费模式广泛形成。",
     [("2035", "展望2035年，基本建成现代能源体系"), ("2035", "绿色生产和消费模式广泛形成")]),
    ("加快推进采补平衡工作，确保2022年盘州500千伏变建成投产。", [("2022", "确保2022年盘州500千伏变建成投产")]),
    ("争取2025年底前完成粤港澳碳标签互认。", [("2025-12", "争取2025年底前完成粤港澳碳标签互认")]),
    # a clause with its own date starts its goal: the clause before it is not carried in
    ("到2025年，全省地下水超采得到有效治理，确保2022年实现采补平衡。", [("2022", "确保2022年实现采补平衡")]),
    # numbers that name (a water class, a quoted scheme) are no figure to reach
    ("到2025年，省控及以上河流入海断面基本消除劣Ⅴ类。", [("2025", "到2025年，省控及以上河流入海断面基本消除劣Ⅴ类")]),
    ("到2025年，全市各地全部建成“1+1+N”水环境安全缓冲区体系。",
     [("2025", "到2025年，全市各地全部建成“1+1+N”水环境安全缓冲区体系")]),
    ("到2025年，南北洋河网全面消灭黑臭水体。", [("2025", "到2025年，南北洋河网全面消灭黑臭水体")]),
    # the end of a five-year plan is its last year, as for targets (b199, b434, b468)
    ("到“十四五”末，全面完成2000年前建成的老旧小区改造任务。",
     [("2025", "到“十四五”末，全面完成2000年前建成的老旧小区改造任务")]),
    ("力争到“十四五”末基本消除县级城市建成区黑臭水体。", [("2025", "力争到“十四五”末基本消除县级城市建成区黑臭水体")]),
    ("到“十四五”期末，实现绿色建筑全面发展。", [("2025", "到“十四五”期末，实现绿色建筑全面发展")]),
    # 得到 + an end state is a goal verb in the passive (b389, b452, b468, b508, b530)
    ("到2035年，土壤环境风险得到全面管控；农业面源污染得到遏制，农村生态环境基础设施得到完善。",
     [("2035", "到2035年，土壤环境风险得到全面管控"), ("2035", "农业面源污染得到遏制"),
      ("2035", "农村生态环境基础设施得到完善")]),
    ("到2025年，水资源安全得到全面保障，适应气候变化科学知识得到普及。",
     [("2025", "到2025年，水资源安全得到全面保障"), ("2025", "适应气候变化科学知识得到普及")]),
    # an indicator to meet a figure set elsewhere carries no figure: a dated goal (15 bulk PDFs)
    ("到2025年，单位地区生产总值二氧化碳排放下降率完成国家下达目标。",
     [("2025", "到2025年，单位地区生产总值二氧化碳排放下降率完成国家下达目标")]),
    ("到2025年，完成国家下达的可再生能源电力消纳责任权重指标。",
     [("2025", "到2025年，完成国家下达的可再生能源电力消纳责任权重指标")]),
    # 不再 + an act: a goal of ceasing it (b106, b242)
    ("到2022年，全市范围内星级宾馆、酒店等场所不再主动提供一次性塑料用品。",
     [("2022", "到2022年，全市范围内星级宾馆、酒店等场所不再主动提供一次性塑料用品")]),
    # a Chinese-numeral year (normalize writes its look-alike zeros as 〇: tests/normalize)
    ("展望二〇三五年，海洋生态环境根本好转，海洋生态环境保护管理制度健全。",
     [("2035", "展望二〇三五年，海洋生态环境根本好转"), ("2035", "海洋生态环境保护管理制度健全")]),
]

NOT_STATE_GOALS = [
    "到2025年，全市绿色低碳发展水平显著提升，能源结构不断优化。",   # progress, no end state
    "到2025年，替代产品得到推广，市场、金融、财税手段得到丰富。",     # 得到 + progress
    "到2025年，建筑能耗和碳排放增长趋势得到有效控制。",              # 有效 stays vague (d1-b495)
    "“十四五”期间，全面完成老旧小区改造任务。",                       # a period names no end
    "到2025年，成渝地区二氧化碳排放增速放缓。",                      # a trend as the predicate
    "到2025年，实现光伏发电装机量1GW以上。",                         # a figure: a target only
    "到2025年，新建人工湿地面积达到10平方公里。",                    # a figure of any unit
    "到2035年，为国家顺利实现碳中和目标作出积极贡献。",              # a purpose
    "到2022年推动建立全市灌区灌溉水质监测网络体系。",                # a means
    "2021年12月至2023年12月，形成新的经验。",                        # 至 closes a range (a phase: test_phases)
    "展望2035年，经济社会发展全面绿色低碳转型取得显著成效。",        # progress, no end state
    "确保2025年全省大陆自然岸线保有率不低于35%。",                    # a figure: a target only
    "到2025年，长江干流水质稳定达到Ⅱ类。",                          # a class to reach: a target
    # the goal date does not carry into a paragraph that is no bullet of it
    "到2025年，全市绿色制造水平明显提升。\n各地要培育一批绿色设计产品。",
]

LABELLED = [
    # (text, due, evidence)
    ("时间：2024年12月24日～2025年1月14日17:00。", "2025-01-14", "时间：2024年12月24日～2025年1月14日17:00"),
    ("补贴由企业申请，申请期限至2025年12月底。", "2025-12", "补贴由企业申请，申请期限至2025年12月底"),
    ("项目网上填报截止时间为2021年7月20日16:30。", "2021-07-20", "项目网上填报截止时间为2021年7月20日16:30"),
    ("执行期限：2021年9月1日至2024年8月31日。", "2024-08-31", "执行期限：2021年9月1日至2024年8月31日"),
    # a range that starts now is due at its end (round 5)
    ("受理时间：即日起至2022年2月28日。", "2022-02-28", "受理时间：即日起至2022年2月28日"),
    ("征集时间为即日起至2022年5月31日。", "2022-05-31", "征集时间为即日起至2022年5月31日"),
    ("确保完成全省碳排放强度下降目标（责任部门：气候处，完成期限：2021年四季度）。", "2021-12",
     "确保完成全省碳排放强度下降目标（责任部门：气候处，完成期限：2021年四季度）"),
]

NOT_LABELLED = [
    "本办法自2023年1月1日起施行，有效期至2025年12月31日。",   # validity: metadata
    "成文日期：2021年9月1日",                                   # a document's date
    "本办法自即日起施行。",                                      # an effective date: metadata
    "系统开放时间：2021年7月9日8:00。",                          # opens a window
    "时间：2024年12月24日。",                                    # a bare time label, no range
]

CYCLES = [
    # (text, recurrence, recurrence_detail)
    ("省工业和信息化厅每年遴选一批绿色制造示范项目。", "annual", "每年"),
    ("专家委员会每季度评审一次申报项目。", "quarterly", "每季度评审一次"),
    ("各社区每周报送疫情排查情况。", None, "每周"),
    ("监测站每日上报空气质量监测数据。", None, "每日"),
    ("按照“每三年一复核”的原则，将复核情况随推荐名单一并报送。", None, "每三年一复核"),
    ("区财政金融局年终根据各部门完成情况，将考评结果报区管委会。", "annual", "年终"),
    # a rhythm written as "one period, one act" (round 4)
    ("县级以上水源地水质常规监测实行一月一测。", "monthly", "一月一测"),
    ("“千吨万人”水源地水质实行一季一测。", "quarterly", "一季一测"),
    ("千人以上农村集中供水饮用水水源地实行半年一测。", None, "半年一测"),
    ("建立健全“一年一体检、五年一评估”的城市体检评估制度。", "annual", "一年一体检"),
    # a review act named by its period (session 7: b002, b016, b404, b462, b516)
    ("组织开展规划实施情况的年度监测分析。", "annual", None),
    ("各地要开展水质年度交叉监测。", "annual", None),
    ("对专项行动完成情况实施月度通报。", "monthly", None),
    ("实施县区降尘量逐月监测排名。", "monthly", "逐月"),
    # ...or an institution or a report named by its period (round 9: b133, b332, b422, b471, b501, b563)
    ("建立年度实施评估制度，跟踪分析规划实施情况。", "annual", None),
    ("建立可再生能源发电项目开发建设月度调度机制，及时掌握项目建设运行情况。", "monthly", None),
    ("做好规划年度监测分析和规划中期总结评估。", "annual", None),
    ("编制气候变化年度监测报告。", "annual", None),
    ("定期发布生态环境状况年度报告。", "annual", None),
    ("各地要制定“十四五”煤炭消费压减方案和年度计划。", "annual", None),
]

NOT_CYCLES = [
    "鼓励企业按年度发布绿色低碳发展报告。",                         # guiding verb: no duty
    "确保既要压实各级责任，又忌简单实施年度考核。",                  # a prohibition
    "区财政金融局根据省级每年专项资金安排情况适时进行任务分解。",    # 每年 inside a basis phrase
    "对困难老年人住所，逐年实施家庭无障碍设施改造。",                # a pace, not a cycle
    "施工期每日产生的生产废水经沉淀池处理。",                       # 每日 describes a thing
    "增加到各部门年终绩效考评分数。",                               # 年终 names a review
    "由各省（自治区、直辖市）分解到每年。",                          # distributes a total
    "本办法自一月一日起施行。",                                      # a date, no rhythm
    "2023年第一季度一测完成率达到90%。",                            # 第一季度 is a quarter
    "开展2021年度考核工作。",                                       # one year, no cycle
    "全市细颗粒物浓度逐月下降。",                                   # a pace, not a duty
    "还需编制2019、2020年2个年度的碳排放报告。",                      # two named years
    "推动各领域编制节能降耗行动计划、实施方案和年度计划。",          # others are pushed (d1-b185)
    "探索编制绿色消费发展年度报告。",                                # exploratory (d1-b495)
]

RELATIVE = [
    # (text, relative_due, responsible)
    ("重点排放单位对分配的配额有异议的，可以自接到通知之日起七个工作日内，向省生态环境厅申请复核。",
     "接到通知之日起七个工作日内", []),
    ("市州生态环境局应当在企业名单公布后10个工作日内报送省生态环境厅。",
     "企业名单公布后10个工作日内", ["市州生态环境局"]),
    ("对于不能按期完成改造的项目坚决予以淘汰，淘汰时限不超过3年。", "淘汰时限不超过3年", []),
    ("验收未通过的，给予1年的延续创建期，创建期满后由市生态环境局组织复核。", "创建期满后", []),
    ("困难毕业生离校前，由教育部门与人力资源社会保障部门共同开展就业帮扶。",
     "困难毕业生离校前", ["教育部门", "人力资源社会保障部门"]),
    ("要加强就业影响评估，出台重大政策、实施重大项目前，要充分评估对就业的影响。",
     "出台重大政策、实施重大项目前", []),
    # the span a pilot has to be completed in (r05, r07, b373); it governs no clause after it
    ("近零碳排放区域试点项目创建年限为4年。", "创建年限为4年", []),
    ("低碳社区和近零碳排放社区的创建周期为3年。", "创建周期为3年", []),
    ("创建周期原则上为3年，给予1年的延续创建期。", "创建周期原则上为3年", []),
]

NOT_RELATIVE = [
    "目前，我市企业能源计量、统计工作滞后，还有很多基础性工作要做。",  # 滞后 / 目前: no event
    "今后，各地要加强节能宣传。",
    "年底前，要完成项目验收。",                                          # a date, not an event
    "企业名单公布前应当进行不少于10个工作日的公示。",                  # a duration, not a limit
    "本方案实施期限为2021-2025年。",                                    # a period of years
]

YEARS = [
    # (text, issue date, [due])
    # nearest full date before, across sections (FORMAT v2)
    ("一、报告\n请各地于2021年3月20日前提交排放报告。\n二、清缴\n控排企业应于6月20日前完成配额清缴。",
     None, ["2021-03-20", "2021-06-20"]),
    # else the document's own date
    ("各地级以上市生态环境部门于6月10日前统一报我厅。", "2022-03-29", ["2022-06-10"]),
    ("请各单位今年底前完成自查。", "2023-02-01", ["2023-12"]),
    ("各区年内完成老旧小区改造方案编制。", "2023-02-01", ["2023"]),
    ("各区今年6月底前完成排查。", "2023-02-01", ["2023-06"]),
    # a month before the lending date's month may be next year's: not given a year
    ("各地级以上市生态环境部门于1月10日前统一报我厅。", "2022-03-29", [None]),
    # a month of a year the text does not date
    ("并于每个动态评估期末年的6月底前，形成自评报告报送省级主管部门。", "2022-03-29", [None]),
    # no full date and no document date: null
    ("请各单位今年底前完成自查。", None, [None]),
]

DATE_LISTS = [
    ("各区生态环境局要分别于2022年4月5日、7月5日、10月10日，2023年1月5日前向市生态环境局报告上一季度的监管情况。",
     [("2022-04-05", "quarterly"), ("2022-07-05", "quarterly"), ("2022-10-10", "quarterly"),
      ("2023-01-05", "quarterly")]),
    ("请于2022年3月15日、4月15日前分两批报送材料。", [("2022-03-15", None), ("2022-04-15", None)]),
]

CLOCKS = [
    ("并于2021年8月11日17：30前完成网上审核推荐工作。", "2021-08-11", "完成网上审核推荐工作"),
    ("原则上于2021年12月15日17点前完成履约。", "2021-12-15", "完成履约"),
    ("请于2022年7月12日中午前提交报名表。", "2022-07-12", "提交报名表"),
]
# fmt: on


@pytest.mark.parametrize("text,expected", STATE_GOALS)
def test_deadlines_v2_state_goals(text: str, expected: list, deadlines_of) -> None:
    got = deadlines_of(text)
    assert [(d["due"], d["evidence"]) for d in got] == expected
    assert all(d["recurrence"] is None for d in got)


@pytest.mark.parametrize("text", NOT_STATE_GOALS)
def test_deadlines_v2_no_goal_without_an_end_state(text: str, deadlines_of) -> None:
    assert deadlines_of(text) == []


@pytest.mark.parametrize("text,due,evidence", LABELLED)
def test_deadlines_v2_labelled_limits(text: str, due: str, evidence: str, deadlines_of) -> None:
    [d] = deadlines_of(text)
    assert (d["due"], d["evidence"]) == (due, evidence)


@pytest.mark.parametrize(
    ("text", "due", "responsible"),
    [
        # a PDF line break inside the note's labels (b549: "完成期\n限：", "完\n成期限：", "责任部\n门：")
        ("督促企业按时完成配额清缴履约工作（责任部门：气候处，完成期\n限：2021年四季度）。", "2021-12", ["气候处"]),
        ("做好省内碳排放强度考核工作（责任部门：综合处，完\n成期限：2022年四季度）。", "2022-12", ["综合处"]),
        ("统筹推进应对气候变化工作（责任部\n门：气候处、环科院，完成时间：2022年四季度）。", "2022-12", ["气候处", "环科院"]),
    ],
)
def test_deadlines_v2_labels_wrapped_by_a_line_break(text: str, due: str, responsible: list, deadlines_of) -> None:
    [d] = deadlines_of(text)
    assert (d["due"], d["responsible"]) == (due, responsible)


@pytest.mark.parametrize("text", NOT_LABELLED)
def test_deadlines_v2_not_a_labelled_limit(text: str, deadlines_of) -> None:
    assert deadlines_of(text) == []


@pytest.mark.parametrize("text,recurrence,detail", CYCLES)
def test_deadlines_v2_cycles(text: str, recurrence: str | None, detail: str, deadlines_of) -> None:
    [d] = deadlines_of(text)
    assert (d["due"], d["recurrence"], d["recurrence_detail"]) == (None, recurrence, detail)


@pytest.mark.parametrize("text", NOT_CYCLES)
def test_deadlines_v2_not_a_cycle(text: str, deadlines_of) -> None:
    assert deadlines_of(text) == []


@pytest.mark.parametrize("text,relative,responsible", RELATIVE)
def test_deadlines_v2_relative_limits(text: str, relative: str, responsible: list, deadlines_of) -> None:
    [d] = deadlines_of(text)
    assert (d["due"], d["recurrence"], d["relative_due"]) == (None, None, relative)
    assert d["responsible"] == responsible


@pytest.mark.parametrize("text", NOT_RELATIVE)
def test_deadlines_v2_not_a_relative_limit(text: str, deadlines_of) -> None:
    assert [d["relative_due"] for d in deadlines_of(text)] in ([], [None])


@pytest.mark.parametrize("text,issue_date,dues", YEARS)
def test_deadlines_v2_years_of_yearless_dates(text: str, issue_date: str | None, dues: list, deadlines_of) -> None:
    assert [d["due"] for d in deadlines_of(text, issue_date)] == dues


@pytest.mark.parametrize("text,expected", DATE_LISTS)
def test_deadlines_v2_list_of_due_dates(text: str, expected: list, deadlines_of) -> None:
    assert [(d["due"], d["recurrence"]) for d in deadlines_of(text)] == expected


@pytest.mark.parametrize("text,due,task", CLOCKS)
def test_deadlines_v2_clock_time_before_qian(text: str, due: str, task: str, deadlines_of) -> None:
    [d] = deadlines_of(text)
    assert (d["due"], d["task"]) == (due, task)


def test_deadlines_v2_a_stated_span_governs_no_clause_after_it(deadlines_of) -> None:
    """"创建周期为3年" states its subject's span: the next clause is another fact, not its act
    (a limit that ends its clause, "…公布后10个工作日内，报送…", still governs the next one)."""
    [d] = deadlines_of("创建周期原则上为3年，给予1年的延续创建期。")
    assert (d["evidence"], d["task"]) == ("创建周期原则上为3年", "创建周期原则上为3年")
    [d] = deadlines_of("市州生态环境局应当在企业名单公布后10个工作日内，报送省生态环境厅。")
    assert d["task"] == "报送省生态环境厅"


def test_deadlines_v2_recurring_window_keeps_its_relative_limit(deadlines_of) -> None:
    [d] = deadlines_of("组织发电行业重点排放单位每个月结束之后的40日内上报该月的数据和支撑材料。")
    assert (d["recurrence"], d["relative_due"]) == ("monthly", "每个月结束之后的40日内")


def test_deadlines_v2_repeated_labels_are_kept_apart(deadlines_of) -> None:
    """Regression: two identical "政策执行期限至…" clauses for two measures were one deadline."""
    got = deadlines_of("提高稳岗返还比例，政策执行期限至2025年12月底。发放一次性扩岗补助，政策执行期限至2025年12月底。")
    assert len(got) == 2


def test_deadlines_v2_undated_repeats_need_a_shared_subject(deadlines_of) -> None:
    """Regression: "年底前，完成…" clauses of different tasks were taken for one repeated lead."""
    got = deadlines_of("开展整治，年底前，完成省级下达的新增行政村整治任务。推进治理，年底前，完成省级下达的国四货车淘汰任务。")
    assert len(got) == 2


@pytest.mark.parametrize(
    ("text", "issue_date", "expected"),
    [
        # a bare year opening a sentence dates its goal when the document is of that year or
        # before (b457, b468, b378, b242)
        ("2021年，城市餐厨垃圾处理设施全覆盖。", "2021-12-27", [("2021", "2021年，城市餐厨垃圾处理设施全覆盖")]),
        ("2025年，基本建成生活垃圾分类处理系统。", "2021-12-27", [("2025", "2025年，基本建成生活垃圾分类处理系统")]),
        # a year in Chinese numerals is written as digits (regression: fuzz seed 5117178 gave "二〇一二")
        ("二〇二二年，城市餐厨垃圾处理设施全覆盖。", "2021-12-27", [("2022", "二〇二二年，城市餐厨垃圾处理设施全覆盖")]),
        ("到2025年，全市绿色制造水平明显提升。二〇二三年全面完成燃煤锅炉淘汰。", None,
         [("2023", "二〇二三年全面完成燃煤锅炉淘汰")]),
        # ... and its task, done with a duty verb (b350, b378, b404)
        ("2023年，组织开展环境信息依法披露制度改革工作评估。", "2022-03-28",
         [("2023", "2023年，组织开展环境信息依法披露制度改革工作评估")]),
        ("2022年，搭建碳普惠统一平台，逐步实现碳积分互通。", "2021-11-12", [("2022", "2022年，搭建碳普惠统一平台")]),
        # ... also opening a later clause, and then for the clauses after it (b069, b417, b457)
        ("发展生态循环农业，2025年畜禽粪污综合利用率达到85%，秸秆基本实现全利用，农膜基本实现全回收。", "2021-05-08",
         [("2025", "秸秆基本实现全利用"), ("2025", "农膜基本实现全回收")]),
        ("深化地下水超采治理，2022年全市地下水基本实现采补平衡。", "2021-12-01",
         [("2022", "2022年全市地下水基本实现采补平衡")]),
        ("全市生态环境质量持续改善，2020年全市地下水基本实现采补平衡。", "2021-12-01", []),
        # ... but not a full date, a year called the key one, or a later clause of a review
        ("2020年8月3日印发。", "2020-08-03", []),
        ("2022年是深入实施节约能源资源工作规划的关键之年。", "2022-01-25", []),
        # ... but not a past year (a result), nor on a page without a date
        ("2020年，城市餐厨垃圾处理设施全覆盖。", "2021-12-27", []),
        ("2020年，组织开展评估。", "2021-12-27", []),
        ("2021年，城市餐厨垃圾处理设施全覆盖。", None, []),
        # a year's or month's end alone in its clause dates the goals after it (b457)
        ("2023年底，钢铁企业超低排放改造取得明显进展，2025年底，钢铁企业全面完成超低排放改造。", "2021-12-01",
         [("2025-12", "钢铁企业全面完成超低排放改造")]),
        ("2022年6月底，全面完成排查整治。", "2021-12-01", [("2022-06", "全面完成排查整治")]),
        ("2022年 6月底，全面完成排查整治。", "2021-12-01", [("2022-06", "全面完成排查整治")]),  # a PDF's space
        ("二〇二二年十月底，全面完成排查整治。", "2021-12-01", [("2022-10", "全面完成排查整治")]),
        ("2020年底，全市全面完成排查整治。", "2021-12-01", []),
    ],
)
def test_deadlines_v2_bare_year_goals(text: str, issue_date: str | None, expected: list, deadlines_of) -> None:
    assert [(d["due"], d["evidence"]) for d in deadlines_of(text, issue_date=issue_date)] == expected
