"""A target that names no date takes the date its paragraph's lead sets (audit class DL-LEAD):
a dated lead after a full stop inside the paragraph ("…。到2025年，A…。B达到35%"), the lead of
the line a sentence continues on when the layout left the break ("…18%以上；\\n森林覆盖率…"),
and the last dated paragraph of a goals section ("到2035年，…\\n到2025年，…\\n——…").

Sentences are written in the style of provincial 十四五 plans and 实施意见.
"""

from __future__ import annotations

import pytest


def _dated(targets: list[dict]) -> list[tuple]:
    return [(t["value"], t["deadline"], t["period"]) for t in targets]


# fmt: off
# (text, [(value, deadline, period)])
LEADS = [
    # a dated lead after a full stop dates the sentences after it in the paragraph
    ("提高建筑节能水平。到2025年，星级绿色建筑占比达到30%以上。装配式建筑占新建建筑面积比例达到35%以上。",
     [(30, "2025", None), (35, "2025", None)]),
    ("到2025年，煤炭消费比重降至75%以下。到2030年，非化石能源消费比重达到25%。森林覆盖率达到21%。",
     [(75, "2025", None), (25, "2030", None), (21, "2030", None)]),
    ("推进绿色交通。“十四五”期间，新增公交专用道100公里。新能源公交车占比达到90%。",
     [(100, None, "十四五"), (90, None, "十四五")]),
    # a sentence continued on the next line (the layout left the break after ；/， or mid-word)
    ("到2023年，全市绿色低碳发展取得明显成效；到2025年，非化石能源消费比重达到18%以上；\n森林覆盖率提高到19%。",
     [(18, "2025", None), (19, "2025", None)]),
    ("到2025年，新建超低能耗建筑\t\t\n面积500万平方米以上。", [(500, "2025", None)]),
    # a goals section: the last dated paragraph before the item, not the section's first lead
    ("三、主要目标\n到2035年，生态环境根本好转。\n到2025年，全市生态环境保护取得新进步。\n——生态环境质量明显改善。PM2.5浓度达到32.6微克/立方米。",
     [(32.6, "2025", None)]),
    # nothing carried: a heading ends the lead, a full stop at the line end ends the sentence,
    # a later sentence with its own date keeps it
    ("（一）主要目标\n到2025年，全市生态环境持续改善。\n（二）重点任务\n新建污水管网200公里。", [(200, None, None)]),
    ("到2025年，全市生态环境持续改善。\n新建污水管网200公里。", [(200, None, None)]),
    ("到2025年，绿色建筑占比达到70%。2027年底前，新建污水管网200公里。",
     [(70, "2025", None), (200, "2027-12", None)]),
]
# fmt: on


@pytest.mark.parametrize("text,expected", LEADS)
def test_targets_dates_from_paragraph_and_section_leads(text: str, expected: list, targets_of) -> None:
    assert _dated(targets_of(text)) == expected


# fmt: off
# (text, [(value, baseline_year, deadline, indicator)]): a base year written for the whole
# sentence or as the starting level ("由2020年的11.2%提高到20%") is no deadline and no part of
# the indicator
BASELINES = [
    ("到2025年，在2020年的基础上，单位建筑面积能耗下降4%。", [(4, 2020, "2025", "单位建筑面积能耗")]),
    ("以2020年能源、水资源消费以及碳排放为基数，2025年公共机构人均综合能耗下降6%。",
     [(6, 2020, "2025", "公共机构人均综合能耗")]),
    ("到2025年，非化石能源占一次能源消费比重由2020年的11.2%提高到20%。",
     [(20, 2020, "2025", "非化石能源占一次能源消费比重")]),
    ("到2025年，西部数据中心利用率由30%提高到50%以上。", [(50, None, "2025", "西部数据中心利用率")]),
    ("到2025年，单位地区生产总值二氧化碳排放相对2020年降低20.5%。",
     [(20.5, 2020, "2025", "单位地区生产总值二氧化碳排放")]),
    # nothing of the kind: a year that is the deadline stays the deadline
    ("2025年，公共机构人均综合能耗下降6%。", [(6, None, "2025", "公共机构人均综合能耗")]),
]
# fmt: on


@pytest.mark.parametrize("text,expected", BASELINES)
def test_targets_base_years_are_baselines(text: str, expected: list, targets_of) -> None:
    got = [(t["value"], t["baseline_year"], t["deadline"], t["indicator"]) for t in targets_of(text)]
    assert got == expected
