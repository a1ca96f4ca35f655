"""Target quality on unseen wordings: clean indicators, shares of a total, bare measures,
counted-noun verbs, and criteria sentences that must yield nothing.

Sentences are written in the style of national / provincial 十四五, 碳达峰 and 节能减排 plans
and of project-eligibility notices (the failure classes seen on corpora/real).
"""

from __future__ import annotations

import pytest

from extract.targets.lists import balanced as _balanced

# fmt: off
# (raw indicator edge, balanced)
BALANCE = [
    ("PUE值(电能利用效率", "PUE值"),
    ("PUE值(电能利用效率)", "PUE值(电能利用效率)"),
    ("“无废城市示范试点", "无废城市示范试点"),
    ("“无废城市”", "无废城市"),
    ("“无废城市”示范试点", "“无废城市”示范试点"),
    ("含网约车）新能源汽车", "新能源汽车"),
    ("绿色建筑占比）", "绿色建筑占比"),
    ("《绿色工厂评价通则》达标率", "《绿色工厂评价通则》达标率"),
    ("单位地区生产总值能源消耗", "单位地区生产总值能源消耗"),
]

# (sentence, [(indicator, scope, direction, value, unit, qualifier)])
CLEAN_INDICATORS = [
    ("到2025年，新建大型数据中心PUE值(电能利用效率)不超过1.3。",
     [("新建大型数据中心PUE值(电能利用效率)", None, "cap", 1.3, None, "at_most")]),
    ("到2025年，公交车、出租汽车（含网约车）新能源汽车分别达到72%、35%。",
     [("公交车新能源汽车比例", None, "reach", 72, "%", None),
      ("出租汽车（含网约车）新能源汽车比例", None, "reach", 35, "%", None)]),
    ("到2025年，城市公交、出租车（含网约车）新能源汽车占比分别达到80%、50%。",
     [("城市公交新能源汽车占比", None, "reach", 80, "%", None),
      ("出租车（含网约车）新能源汽车占比", None, "reach", 50, "%", None)]),
    ("到2025年，钢铁、电解铝、水泥等重点行业产能和数据中心达到能效标杆水平的比例超过30%。",
     [("达到能效标杆水平的比例", "钢铁、电解铝、水泥等重点行业产能和数据中心", "reach", 30, "%", "at_least")]),
    ("到2025年，规模以上工业企业中实现清洁生产审核的比例达到60%，绿色工厂达到100家。",
     [("实现清洁生产审核的比例", "规模以上工业企业", "reach", 60, "%", None),
      ("绿色工厂", None, "reach", 100, "家", None)]),
    ("到2025年，实施公共建筑能效提升改造面积150万平方米以上。",
     [("公共建筑能效提升改造面积", None, "reach", 150, "万平方米", "at_least")]),
    ("我市在保持经济快速增长的同时还要万元GDP能耗下降4.7%。",
     [("万元GDP能耗", "我市", "decrease", 4.7, "%", None)]),
    ("“十四五”期间，实施合同能源管理项目不少于30个。",
     [("合同能源管理项目", None, "floor", 30, "个", "at_least")]),
]

MISSES = [
    # a share of a named total after 的
    ("到2025年，新能源汽车新增销量达到汽车新车销售总量的20%左右。",
     [("新能源汽车新增销量占汽车新车销售总量比例", None, "reach", 20, "%", "about")]),
    ("到2030年，可再生能源发电量达到全社会用电量的50%以上。",
     [("可再生能源发电量占全社会用电量比例", None, "reach", 50, "%", "at_least")]),
    # a measure noun directly followed by its level, in a dated sentence
    ("到2025年，全省非化石能源消费占比20%左右。",
     [("非化石能源消费占比", "全省", "reach", 20, "%", "about")]),
    ("“十四五”末，城镇新建建筑中绿色建筑面积占比100%。",
     [("城镇新建建筑中绿色建筑面积占比", None, "reach", 100, "%", None)]),
    ("到2025年，全市清洁取暖率90%以上。",
     [("清洁取暖率", "全市", "reach", 90, "%", "at_least")]),
    # counted nouns after selection / cultivation verbs
    ("到2025年，遴选100家能效领跑者企业。",
     [("能效领跑者企业数量", None, "reach", 100, "家", None)]),
    ("“十四五”期间，认定省级绿色工厂200家。",
     [("省级绿色工厂", None, "reach", 200, "家", None)]),
    ("到2025年，建立10个碳普惠示范基地。",
     [("碳普惠示范基地数量", None, "reach", 10, "个", None)]),
    ("到2025年，累计推广新能源汽车5万辆。",
     [("新能源汽车", None, "reach", 5, "万辆", None)]),
]

# Criteria, standards and technical conditions: nothing here is this document's target.
NOTHING = [
    # a number quoted as a standard's content is the standard's value
    "严格执行“夏季室内空调温度设置不低于26摄氏度、冬季室内空调温度设置不高于20摄氏度”的空调温度控制标准。",
    # a clause that only names the basis of what follows (按照/根据 … 定位/结果)
    "按照全省的空间布局思路和省委、省政府对16个州（市）的发展定位，推动城乡建设绿色发展。",
    "根据年排放达到2.6万吨二氧化碳当量及以上的企业的碳排放核查结果，确定重点排放单位名单。",
    "办公建筑实际运行能耗数据达到《民用建筑能耗标准》GB/T 51161-2016的引导值下降20%要求。",
    "居住建筑实际运行能耗数据达到《公共建筑节能设计标准》中的约束值下降10%要求。",
    "使纯凝机组工况下最小发电出力达到额定负荷35%以下。",
    "热电联产机组在供热期最小发电出力达到额定负荷的40%以下。",
    "完成“十三五”计划目标的80%。",
    "专项再贷款额度为2000亿元，利率1.75%。",
    "申报企业综合能耗占比30%以上的，优先支持。",
    "城镇新建建筑全面执行绿色建筑标准。",
]
# fmt: on


@pytest.mark.parametrize("raw,expected", BALANCE)
def test_brackets_and_quotes_are_balanced_at_indicator_edges(raw: str, expected: str) -> None:
    assert _balanced(raw) == expected


def _fields(targets: list[dict]) -> list[tuple]:
    return [(t["indicator"], t["scope"], t["direction"], t["value"], t["unit"], t["qualifier"])
            for t in targets]


@pytest.mark.parametrize("text,expected", CLEAN_INDICATORS)
def test_indicator_names_what_is_measured(text: str, expected: list, targets_of) -> None:
    assert _fields(targets_of(text)) == expected


@pytest.mark.parametrize("text,expected", MISSES)
def test_shares_bare_measures_and_counted_nouns_are_found(text: str, expected: list, targets_of) -> None:
    assert _fields(targets_of(text)) == expected


@pytest.mark.parametrize("text", NOTHING)
def test_criteria_and_standard_values_are_nottargets_of(text: str, targets_of) -> None:
    assert targets_of(text) == []


def test_a_quoted_goal_is_a_target(targets_of) -> None:
    got = targets_of("到2025年，实现“全市单位地区生产总值能耗下降15%”的目标。")
    assert [t["value"] for t in got] == [15]


def test_a_basis_clause_that_goes_on_to_a_goal_keeps_it(targets_of) -> None:
    got = targets_of("按照“村收集、镇处理”的模式进行整县推进，到2025年底完成新增365个建制村环境综合整治任务。")
    assert [t["value"] for t in got] == [365]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a class of cities by level scopes its own indicator, not the next clause's
        ("到2025年，地级及以上城市细颗粒物（PM2.5）浓度下降10%，地表水Ⅰ－Ⅲ类水体比例达到85%。",
         [("细颗粒物（PM2.5）浓度", "地级及以上城市"), ("地表水Ⅰ－Ⅲ类水体比例", None)]),
        ("到2030年地级及以上城市的完整居住社区覆盖率提高到60%以上。", [("完整居住社区覆盖率", "地级及以上城市")]),
        ("县以上城镇新增公园绿地7.5万亩。", [("公园绿地", "县以上城镇")]),
        # 全市 still carries over the sentence
        ("到2025年，全市单位地区生产总值能耗下降14%，非化石能源消费比重达到20%。",
         [("单位地区生产总值能耗", "全市"), ("非化石能源消费比重", "全市")]),
    ],
)
def test_city_class_scope_is_its_own(text: str, expected: list, targets_of) -> None:
    assert [(t["indicator"], t["scope"]) for t in targets_of(text)] == expected


def test_population_scope_stays_with_its_own_target(targets_of) -> None:
    """The subject of "X达到Y的比例" scopes that target only, not the next one in the sentence."""
    got = targets_of("到2025年，重点行业产能达到能效标杆水平的比例超过30%，绿色制造示范单位达到300家以上。")
    assert [(t["indicator"], t["scope"]) for t in got] == [
        ("达到能效标杆水平的比例", "重点行业产能"), ("绿色制造示范单位", None)]
