"""Targets on realistic policy sentences (national / provincial 节能减排, 碳达峰, 大气 plans)."""

from __future__ import annotations

import pytest


def _fields(t: dict, keys: tuple[str, ...]) -> tuple:
    return tuple(t[k] for k in keys)


KEYS = ("value", "unit", "direction", "qualifier", "baseline_year", "deadline", "period")

# fmt: off
SINGLE = [
    ("到2025年，全省单位地区生产总值二氧化碳排放比2020年下降19.5%。",
     (19.5, "%", "decrease", None, 2020, "2025", None)),
    ("到2025年，非化石能源消费比重达到20%左右。",
     (20, "%", "reach", "about", None, "2025", None)),
    ("“十四五”期间，新增风电、光伏装机容量2000万千瓦以上。",
     (2000, "万千瓦", "increase", "at_least", None, None, "十四五")),
    ("到2030年，全市煤炭消费比重降至50%以下。",
     (50, "%", "cap", "at_most", None, "2030", None)),
    ("到2025年，全省能源消费总量控制在2.6亿吨标准煤以内。",
     (2.6, "亿吨标准煤", "cap", "at_most", None, "2025", None)),
    ("到2025年，城市建成区绿化覆盖率稳定在40%以上。",
     (40, "%", "floor", "at_least", None, "2025", None)),
    ("2022年底前，县级以上城市建成区新建公共建筑中绿色建筑占比不低于百分之七十。",
     (70, "%", "floor", "at_least", None, "2022-12", None)),
    ("到“十四五”末，全省可再生能源装机规模达到一万二千万千瓦。",
     (12000, "万千瓦", "reach", None, None, "2025", "十四五")),
    ("到2025年，全市细颗粒物(PM2.5)平均浓度降至35微克/立方米。",
     (35, "微克/立方米", "cap", None, None, "2025", None)),
    ("到2024年，累计推广新能源汽车10万辆。",
     (10, "万辆", "reach", None, None, "2024", None)),
    ("力争到2025年，全市地表水优良水体比例提高到80%。",
     (80, "%", "reach", None, None, "2025", None)),
    ("到2025年，全市规模以上工业单位增加值能耗较2020年降低18%左右。",
     (18, "%", "decrease", "about", 2020, "2025", None)),
    ("到2025年，绿色建筑占城镇新建建筑比例提高5个百分点。",
     (5, "个百分点", "increase", None, None, "2025", None)),
    ("到2025年，数据中心电能利用效率(PUE)不超过1.25。",
     (1.25, None, "cap", "at_most", None, "2025", None)),
    ("各县（市、区）要确保完成2022年度能耗强度下降3.5%的目标。",
     (3.5, "%", "decrease", None, None, "2022", None)),
    ("到2025年，单位地区生产总值能耗比2020年下降10%—15%。",
     (10, "%", "decrease", None, 2020, "2025", None)),
]

NOTHING = [
    "2021年全市能耗下降3.2%，已完成年度目标。",
    "一季度全市规模以上工业增加值同比增长8.5%。",
    "对65蒸吨/小时及以上燃煤锅炉实施超低排放改造。",
    "严格审批设计能耗5万吨标准煤以上项目。",
    "推动10千伏及以上工商业用户全部进入电力市场。",
    "对通过验收的项目给予50万元奖励。",
    "根据《关于印发节能减排综合工作方案的通知》（国发〔2021〕33号）要求，制定本方案。",
    "联系电话：0351-5221234，13812345678。",
    "本方案自2022年6月1日起施行。",
    "实现高效节能照明光源使用率100%，得2分。",
    "完成“十三五”计划目标的80%。",
    "超过总量控制目标5%以内。",
    "淘汰时限不超过3年。",
    "“十一五”期间集团共有69家企业签订了各类节能减排目标98个。",
    "选取2-3家完成目标的优秀企业，提交经验总结（3000字以内）。",
    "加快推进“十四五”规划重点项目建设，推动经济高质量发展。",
    "2020年全省能耗强度较2015年下降18.2%，超额完成“十三五”目标任务。",
    "全市共有规模以上工业企业1200家。",
    "对年综合能源消费量1万吨标准煤以上的重点用能单位开展节能监察。",
    "按照每千瓦时0.1元的标准给予补贴。",
]
# fmt: on


@pytest.mark.parametrize("text,expected", SINGLE)
def test_targets_single_sentence_fields(text: str, expected: tuple, targets_of) -> None:
    targets = targets_of(text)
    assert len(targets) == 1, targets
    assert _fields(targets[0], KEYS) == expected


@pytest.mark.parametrize("text", NOTHING)
def test_targets_not_a_target(text: str, targets_of) -> None:
    assert targets_of(text) == []


def test_targets_range_has_value_max(targets_of) -> None:
    [t] = targets_of("到2025年，培育国家级绿色工厂1—2个。")
    assert (t["value"], t["value_max"], t["unit"]) == (1, 2, "个")


# fmt: off
LISTS = [
    # distributive list with 分别
    ("到2025年，全省化学需氧量、氨氮、氮氧化物、挥发性有机物排放总量比2020年分别下降8%、8%、10%、10%以上。",
     [("化学需氧量排放总量", 8, None), ("氨氮排放总量", 8, None), ("氮氧化物排放总量", 10, None),
      ("挥发性有机物排放总量", 10, "at_least")]),
    # one number shared with 均
    ("到2025年，主要农作物化肥、农药利用率均达到43%以上。",
     [("主要农作物化肥利用率", 43, "at_least"), ("农药利用率", 43, "at_least")]),
    # a verb-object list continued without its verb
    ("到2025年，完成煤电机组节能改造2000万千瓦、灵活性改造3000万千瓦。",
     [("煤电机组节能改造", 2000, None), ("灵活性改造", 3000, None)]),
]
# fmt: on


@pytest.mark.parametrize("text,expected", LISTS)
def test_targets_one_target_per_number(text: str, expected: list, targets_of) -> None:
    got = [(t["indicator"], t["value"], t["qualifier"]) for t in targets_of(text)]
    assert got == expected


def test_targets_staged_each_with_its_deadline_and_carried_scope(targets_of) -> None:
    text = "到2021年底，全省30%的县级以上党政机关建成节约型机关；2022年底，60%的县级以上党政机关建成节约型机关。"
    got = [(t["value"], t["deadline"], t["scope"], t["direction"]) for t in targets_of(text)]
    assert got == [(30, "2021-12", "全省", "reach"), (60, "2022-12", "全省", "reach")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 年年底 is 年底: the frame is the target's deadline and starts its evidence
        ("到2025年年底，城市建成区绿化覆盖率稳定在40%以上。", ("2025-12", "到2025年年底，城市建成区绿化覆盖率稳定在40%以上")),
        ("推进种养结合，2022年年底前，畜禽规模化养殖比重达到85%以上。", ("2022-12", "2022年年底前，畜禽规模化养殖比重达到85%以上")),
        ("到2025年，大宗货物绿色运输方式比例达到80%以上。", ("2025", "到2025年，大宗货物绿色运输方式比例达到80%以上")),
    ],
)
def test_targets_year_end_frames(text: str, expected: tuple[str, str], targets_of) -> None:
    [t] = targets_of(text)
    assert (t["deadline"], t["evidence"]) == expected


def test_targets_scope_carried_across_clauses_of_one_sentence(targets_of) -> None:
    text = "到2025年，全区单位地区生产总值能源消耗比2020年下降15%，万元工业增加值用水量下降13%。"
    assert [t["scope"] for t in targets_of(text)] == ["全区", "全区"]


def test_targets_deadline_carried_period_not_invented(targets_of) -> None:
    text = "“十四五”时期，规模以上工业单位增加值能耗下降20%，万元工业增加值用水量下降13%。"
    got = [(t["deadline"], t["period"], t["baseline_year"]) for t in targets_of(text)]
    assert got == [(None, "十四五", None), (None, "十四五", None)]


def test_targets_past_year_before_issue_date_is_a_result(targets_of) -> None:
    assert targets_of("2021年，全市单位地区生产总值能耗下降3.2%。", issue_date="2022-03-01") == []
    assert len(targets_of("到2025年，全市单位地区生产总值能耗下降13.5%。", issue_date="2022-03-01")) == 1


def test_targets_news_lead_repeating_the_body_counts_once(targets_of) -> None:
    text = "《方案》明确，到2025年，全区煤炭消费比重降至75%以下。\n到2025年，全区煤炭消费比重降至75%以下。"
    assert len(targets_of(text)) == 1


def test_targets_evidence_starts_at_its_date_clause(targets_of) -> None:
    [t] = targets_of("为落实碳达峰部署，到2025年，全省单位地区生产总值能耗比2020年下降14%。")
    assert t["evidence"] == "到2025年，全省单位地区生产总值能耗比2020年下降14%"


def test_targets_this_year_uses_issue_year(targets_of) -> None:
    [t] = targets_of("年内全市新增光伏装机50万千瓦。", issue_date="2023-02-01")
    assert t["deadline"] == "2023"
