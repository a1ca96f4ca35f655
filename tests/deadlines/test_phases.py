"""Phases of a work plan named with their period are due when the period ends (b514, b166, r07)."""

from __future__ import annotations

import pytest

# fmt: off
CASES = [
    # a phase heading with its period in brackets
    ("五、实施步骤\n（二）推广示范阶段（2021年12月至2022年5月）\n探索经验、逐步推广。", "2021-10-08",
     [("2022-05", "推广示范阶段", "推广示范阶段（2021年12月至2022年5月）")]),
    ("建设实施阶段（2021年—2025年）\n试点项目单位按照创建方案实施试点项目建设。", "2021-06-01",
     [("2025", "建设实施阶段", "建设实施阶段（2021年—2025年）")]),
    # a month without its year takes the year before it
    ("动员部署阶段（2021年10月至11月）\n制定方案。", "2021-10-08", [("2021-11", "动员部署阶段", "动员部署阶段（2021年10月至11月）")]),
    # a period that leads a sentence naming the phase
    ("2021年12月至2023年12月为重点实施阶段，创出好的样板。", "2021-12-01",
     [("2023-12", "重点实施阶段", "2021年12月至2023年12月为重点实施阶段")]),
    ("2024至2025年为全面推广阶段，在更大范围推广复制成熟的经验做法。", "2021-12-01",
     [("2025", "全面推广阶段", "2024至2025年为全面推广阶段")]),
    # a past period reports, and a phase without a period dates nothing
    ("“十三五”时期（2016年至2020年）为起步阶段。", "2021-12-01", []),
    ("2016年至2020年为起步阶段，全市建成绿色工厂30家。", "2021-12-01", []),
    ("第一阶段主要开展调研。", "2021-12-01", []),
]
# fmt: on


@pytest.mark.parametrize(("text", "issue_date", "expected"), CASES)
def test_phases_are_due_when_their_period_ends(text: str, issue_date: str, expected: list, deadlines_of) -> None:
    got = [(d["due"], d["task"], d["evidence"]) for d in deadlines_of(text, issue_date=issue_date)]
    assert got == expected
