"""Deadlines on realistic notice wording: dated duties, recurring duties, dated goals."""

from __future__ import annotations

import pytest

# fmt: off
CASES = [
    # absolute due dates
    ("请各地于2023年3月10日前将自评报告报送省发展改革委。", ("2023-03-10", None)),
    ("各单位务必于2022年11月30日前完成节能改造项目验收。", ("2022-11-30", None)),
    ("2022年6月底前，各地完成燃煤锅炉排查整治。", ("2022-06", None)),
    ("2024年底前，全面完成城市建成区35蒸吨/小时以下燃煤锅炉淘汰。", ("2024-12", None)),
    # a month date takes the year of its own sentence only
    ("2023年，各市要加快项目建设，6月底前完成项目备案。", ("2023-06", None)),
    # month without a year: kept, due null, never guessed
    ("省考核组将于7月中旬对各市年度目标完成情况进行现场核查。", (None, None)),
    # recurring duties
    ("各市能耗双控目标完成情况要每季度报告一次。", (None, "quarterly")),
    ("各重点用能单位每年3月底前报送上年度能源利用状况报告。", (None, "annual")),
    ("市生态环境局每月通报各区空气质量排名。", (None, "monthly")),
    ("各县区要制定年度工作计划，明确任务分工。", (None, "annual")),
    # dated goal without a number
    ("到2025年，基本淘汰国三及以下排放标准的柴油货车。", ("2025", None)),
    ("到2025年底，城镇新建建筑全面执行绿色建筑标准。", ("2025-12", None)),
]

NOTHING = [
    # vague progress, no completion point
    "到2025年，全市绿色低碳发展水平显著提升。",
    # a numeric target carries its own deadline
    "到2025年，全市单位地区生产总值能耗比2020年下降14%。",
    # dates that are not due dates
    "本方案自2022年6月1日起施行。",
    "项目投入运行的时间应于2014年6月19日之后。",   # a date bounding from below (b175)
    "据省政府6月6日消息，省政府印发了实施方案。",
    "2020年8月3日",
    # no date at all
    "已经签订的目标责任书要及时汇总后报集团公司备案。",
    # the masked year stays unknown and is not a duty
    "20*年度节能目标考核结果已经公布。",
]
# fmt: on


@pytest.mark.parametrize("text,expected", CASES)
def test_deadlines_due_and_recurrence(text: str, expected: tuple, deadlines_of) -> None:
    got = deadlines_of(text)
    assert len(got) == 1, got
    assert (got[0]["due"], got[0]["recurrence"]) == expected


@pytest.mark.parametrize("text", NOTHING)
def test_deadlines_not_a_deadline(text: str, deadlines_of) -> None:
    assert deadlines_of(text) == []


# fmt: off
SUBJECTS = [
    ("11月5日前，市能源局将牵头组织对本级党政机关创建情况进行核查。", ["市能源局"]),
    ("每年10月底前，各创建单位根据评价标准开展自评。", ["各创建单位"]),
    ("请各二级单位于2012年3月10日前报送清查材料。", ["各二级单位"]),
    ("8月份,市节能办将根据考核情况进行奖惩兑现。", ["市节能办"]),
    # no named subject: left to the link stage
    ("于2020年8月15日前将实施方案报市能源局。", []),
]
# fmt: on


@pytest.mark.parametrize("text,expected", SUBJECTS)
def test_deadlines_responsible_from_own_clause(text: str, expected: list, deadlines_of) -> None:
    [d] = deadlines_of(text)
    assert d["responsible"] == expected


def test_deadlines_month_date_after_annual_duty_is_annual(deadlines_of) -> None:
    text = "每年10月底前，各创建单位开展自评。11月5日前，市能源局将组织核查。"
    got = [(d["due"], d["recurrence"], d["recurrence_detail"]) for d in deadlines_of(text)]
    assert got == [(None, "annual", "每年10月底前"), (None, "annual", "每年11月5日前")]


def test_deadlines_recurrence_detail_as_written(deadlines_of) -> None:
    [d] = deadlines_of("年度节能减排目标完成情况要每季度报告一次。")
    assert d["recurrence_detail"] == "每季度报告一次"


def test_deadlines_goal_list_gives_one_per_part(deadlines_of) -> None:
    text = "到2025年，西部地区基本实现管道天然气“县县通气”、东部地区实现管道天然气“市市通气”。"
    assert [d["due"] for d in deadlines_of(text)] == ["2025", "2025"]


def test_deadlines_task_drops_time_words(deadlines_of) -> None:
    [d] = deadlines_of("于2020年8月15日前将本单位创建实施方案报市能源局。")
    assert d["task"] == "本单位创建实施方案报市能源局"


def test_deadlines_document_number_year_is_not_a_due_date(deadlines_of) -> None:
    assert deadlines_of("按照《通知》（发改环资〔2019〕1696号）要求执行。") == []
