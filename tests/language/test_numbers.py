"""Number and quantity reading: Chinese numerals, 万/亿 kept with the unit, ranges, qualifiers."""

from __future__ import annotations

import pytest

from extract.language.numbers import find_quantities, parse_number

# fmt: off
NUMBERS = [
    ("15", 15), ("1,000", 1000), ("19.5", 19.5), ("十五", 15), ("两千", 2000), ("一万二千", 12000),
    ("一百零五", 105), ("二〇二〇", 2020), ("三点五", 3.5), ("Ⅱ", 2),
]
# fmt: on


@pytest.mark.parametrize("text,value", NUMBERS)
def test_numbers_parse(text: str, value: float) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["十四五", "一批", "abc", ""])
def test_numbers_not_a_number(text: str) -> None:
    assert parse_number(text) is None


# fmt: off
QUANTITIES = [
    ("新增装机2000万千瓦以上", [(2000, None, "万千瓦", "at_least")]),
    ("新增装机两千万千瓦", [(2000, None, "万千瓦", None)]),
    ("下降百分之十五左右", [(15, None, "%", "about")]),
    ("处理能力一万二千吨", [(12000, None, "吨", None)]),
    ("下降10%—15%", [(10, 15, "%", None)]),
    ("各1—2个示范试点", [(1, 2, "个", None)]),
    ("降低20个百分点", [(20, None, "个百分点", None)]),
    ("水质达到Ⅱ类", [(2, None, "类", None)]),
    ("能源消费总量控制在2.6亿吨标准煤以内", [(2.6, None, "亿吨标准煤", "at_most")]),
    ("新增污水处理能力2000万立方米/日", [(2000, None, "万立方米/日", None)]),
    ("处理能力达到80万吨/日左右", [(80, None, "万吨/日", "about")]),
    ("万元工业增加值用水量", []),
    ("PM2.5浓度", []),
    ("建设一个示范区", []),
    ("“十四五”时期", []),
]
# fmt: on


@pytest.mark.parametrize("text,expected", QUANTITIES)
def test_numbers_quantities_as_written(text: str, expected: list) -> None:
    got = [(q.value, q.value_max, q.unit, q.qualifier) for q in find_quantities(text)]
    assert got == expected


# fmt: off
WINDOWS = [
    "到2025年，全市单位地区生产总值能源消耗比2020年下降15%，煤炭消费量下降10%左右。",
    "完成煤电机组节能改造2000万千瓦、灵活性改造3000万千瓦，新增污水处理能力95万吨/日。",
    "VOCs排放总量下降10%以上，PM2.5浓度下降5%",
    "比例达到百分之十五，培育两千家企业",
]
# fmt: on


@pytest.mark.parametrize("text", WINDOWS)
def test_window_reading_equals_slice_reading(text: str) -> None:
    """find_quantities(text, start, end) == find_quantities(text[start:end]) shifted, at every cut."""
    from dataclasses import replace

    for start in range(0, len(text), 3):
        for end in range(start, len(text) + 1, 4):
            sliced = [replace(q, start=q.start + start, end=q.end + start, qual_end=q.qual_end + start)
                      for q in find_quantities(text[start:end])]
            assert find_quantities(text, start, end) == sliced, (start, end)
