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
    # areas in square kilometres, never "公里" with a stray 平方
    ("新增治理水土流失面积4000平方公里", [(4000, None, "平方公里", None)]),
    ("国土开发面积控制在1.2万平方公里以内", [(1.2, None, "万平方公里", "at_most")]),
    ("维持黄河口海域不低于500平方千米低盐区", [(500, None, "平方千米", None)]),
    # fractions: the ratio, no unit (the devset's "外资占比超三分之一" is 0.333…; b063)
    ("外受电比例达到1/3以上", [(1 / 3, None, None, "at_least")]),
    ("外资占比超三分之一", [(1 / 3, None, None, None)]),
    ("液化能力≥5t/d", []),  # a rate with a latin unit: no quantity, and no fraction "5t/d"
    ("2021/3/5", [(2021, None, None, None), (3, None, None, None), (5, None, None, None)]),
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
# Units not in the table, built as the text writes them (FORMAT v2): magnitude x base unit,
# Latin SI units, container units, "X/Y" rates, thousands separators, "~" ranges, N：1 ratios.
COMPOSED_UNITS = [
    ("全省风电装机达到2亿千瓦", [(2, None, "亿千瓦", None)]),
    ("数字经济规模突破2万亿元", [(2, None, "万亿元", None)]),
    ("电子信息产业规模过万亿。", [(1, None, "万亿", None)]),
    ("产值超千亿元", [(1, None, "千亿元", None)]),
    ("实现光伏发电装机量1GW以上", [(1, None, "GW", "at_least")]),
    ("离岸风电完成237MW。", [(237, None, "MW", None)]),
    ("单体规模不低于500kW", [(500, None, "kW", None)]),
    ("集装箱吞吐量达到300万标准箱", [(300, None, "万标准箱", None)]),
    ("供电煤耗降至300克标准煤/千瓦时", [(300, None, "克标准煤/千瓦时", None)]),
    ("单位产值能耗0.5吨标准煤/万元", [(0.5, None, "吨标准煤/万元", None)]),
    ("新增能耗总量不能突破3550万吨标煤", [(3550, None, "万吨标煤", None)]),
    ("累计投资2,100亿元", [(2100, None, "亿元", None)]),
    ("投资15~25亿元", [(15, 25, "亿元", None)]),
    ("充电桩16万个以上", [(16, None, "万个", "at_least")]),
    ("累计实际利用外资1000亿美元", [(1000, None, "亿美元", None)]),
    ("车桩比例达到4：1", [(4, None, "：1", None)]),
    ("新增装机五十万吨", [(50, None, "万吨", None)]),
    ("投资额达500万元（含）以上", [(500, None, "万元", "at_least")]),
    # 标煤 spelled short, and a range whose magnitude is written on both ends (b016, b573)
    ("平均供电煤耗控制在300克标煤/千瓦时以内", [(300, None, "克标煤/千瓦时", "at_most")]),
    ("可再生能源利用总量达到6.8亿吨标煤", [(6.8, None, "亿吨标煤", None)]),
    ("储气能力达到550亿～600亿立方米", [(550, 600, "亿立方米", None)]),
    ("产值达到5000亿-6000亿元", [(5000, 6000, "亿元", None)]),
    ("变电容量达到17760千伏安", [(17760, None, "千伏安", None)]),
    # nothing: a Latin word, a unit word without a number, a size class glued to letters
    ("5G基站", []),
    ("万元GDP能耗", []),
    ("通过万亿级投资", []),
]
# fmt: on


@pytest.mark.parametrize("text,expected", COMPOSED_UNITS)
def test_numbers_units_compose_as_written(text: str, expected: list) -> None:
    got = [(q.value, q.value_max, q.unit, q.qualifier) for q in find_quantities(text)]
    assert got == expected


# fmt: off
WINDOWS = [
    "到2025年，全市单位地区生产总值能源消耗比2020年下降15%，煤炭消费量下降10%左右。",
    "完成煤电机组节能改造2000万千瓦、灵活性改造3000万千瓦，新增污水处理能力95万吨/日。",
    "VOCs排放总量下降10%以上，PM2.5浓度下降5%",
    "比例达到百分之十五，培育两千家企业",
    "风电装机达到2亿千瓦、光伏1GW以上，产业规模过万亿，车桩比例4：1",
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
