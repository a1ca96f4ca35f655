"""Outline markers of official documents and their levels."""

from __future__ import annotations

import pytest

from extract.normalize.outline import outline_level, outline_marker

# fmt: off
CASES = [
    ("第一章 总则", 0),
    ("第三部分 保障措施", 0),
    ("第十二条 本办法自印发之日起施行。", 1),
    ("一、总体要求", 1),
    ("十一、加强监督考核", 1),
    ("（一）重点行业绿色升级工程。以钢铁、有色金属为重点，推进节能改造。", 2),
    ("(三)开展宣传教育。", 2),
    ("1.组织开展“百一行动”节能项目", 3),
    ("2、实施节能技术改造工作情况", 3),
    ("3．节能技改项目资金投入", 3),
    ("（1）能源消费总量", 4),
    ("(2)单位产值能耗", 4),
    ("①建立能源管理体系", 5),
    # body text, dates, numbers and 文号 open nothing
    ("2020年8月3日", None),
    ("2.5万吨标准煤以上的项目须开展节能审查。", None),
    ("二〇一二年二月十四日", None),
    ("12个盟市主城区公共交通出行率达到20%", None),
    ("（国发〔2021〕33号）", None),
    ("（本文有删减）", None),
    ("一是加强组织领导", None),
]
# fmt: on


@pytest.mark.parametrize("line,level", CASES)
def test_outline_level(line: str, level: int | None) -> None:
    assert outline_level(line) == level


@pytest.mark.parametrize("line,marker", [("（一）完善制度体系", "（一）"), ("1.组织开展", "1."), ("为贯彻落实", None)])
def test_outline_marker(line: str, marker: str | None) -> None:
    assert outline_marker(line) == marker
