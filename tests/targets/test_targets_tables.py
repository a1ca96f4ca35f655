"""Indicator tables ("主要指标" tables of plans): one target per row whose target cell holds a
number (extract/targets/tables.py); results tables, rubrics, word cells and rows the prose
already states give nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.pipeline import process_bytes
from extract.settings import Settings

HEADER = "<tr><td>类别</td><td>指标名称</td><td>单位</td><td>2020年现状值</td><td>2025年目标值</td><td>指标属性</td></tr>"


def _targets(rows: str, *, header: str = HEADER, prose: str = "", title: str = "某市“十四五”生态环境保护规划"):
    html = (f"<html><head><title>{title}</title></head><body><h1>{title}</h1><p>{prose}</p>"
            f"<table>{header}{rows}</table></body></html>")
    doc = process_bytes(html.encode(), "x.html", Settings.resolve({}))[0]
    return [(t.indicator, t.value, t.unit, t.direction, t.qualifier, t.deadline) for t in doc.targets
            if "\t" in t.evidence]


def _row(*cells: str) -> str:
    return "<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"


# fmt: off
ROWS = [
    (_row("水环境", "城镇生活污水集中处理率", "%", "85", "92", "预期性"),
     [("城镇生活污水集中处理率", 92.0, "%", "reach", None, "2025")]),
    (_row("资源能源", "单位地区生产总值用水量", "立方米/万元", "56.22", "≤50", "预期性"),
     [("单位地区生产总值用水量", 50.0, "立方米/万元", "cap", "at_most", "2025")]),
    (_row("生态", "森林覆盖率（%）", "", "58.2", "60左右", "约束性"),       # the unit in a note
     [("森林覆盖率", 60.0, "%", "reach", "about", "2025")]),
    (_row("生态", "生态保护红线占国土面积比例", "%", "24.43", "不低于24.43", "约束性"),
     [("生态保护红线占国土面积比例", 24.43, "%", "floor", "at_least", "2025")]),
    (_row("水环境", "其中：国控断面达到或优于Ⅲ类比例", "%", "86.7", "90", "约束性"),
     [("国控断面达到或优于Ⅲ类比例", 90.0, "%", "reach", None, "2025")]),
    (_row("其他", "7.绿色出行比例（%）#", "", "——", "70", "预期性"),       # row number, footnote mark
     [("绿色出行比例", 70.0, "%", "reach", None, "2025")]),
    # a strict bound, and a note's number after the unit note (b086, b076)
    (_row("水环境", "城市黑臭水体比例（%）", "", "—", "＜10", "预期性"),
     [("城市黑臭水体比例", 10.0, "%", "cap", "at_most", "2025")]),
    (_row("水环境", "地表水国考断面水质达到或好于Ⅲ类水体比例（%）2", "", "93.3", "80", "约束性"),
     [("地表水国考断面水质达到或好于Ⅲ类水体比例", 80.0, "%", "reach", None, "2025")]),
    # a five-year cumulative figure in brackets; a change word in the name gives the direction
    # (b417, b456, b468, b569: "[ ]内为五年累计数")
    (_row("应对气候变化", "单位地区生产总值能源消耗降低（%）#", "", "—", "[12]", "约束性"),
     [("单位地区生产总值能源消耗", 12.0, "%", "decrease", None, "2025")]),
    (_row("环境治理", "氮氧化物重点工程任务排放总量减少（吨）", "", "612", "［1446］", "约束性"),
     [("氮氧化物重点工程任务排放总量", 1446.0, "吨", "decrease", None, "2025")]),
    (_row("绿色建筑", "城镇既有建筑节能改造累计（万平方米）", "", "580", "【630】", "预期性"),
     [("城镇既有建筑节能改造累计", 630.0, "万平方米", "reach", None, "2025")]),
    (_row("水环境", "地表水质量达到或好于Ⅲ类水体比例（%）#", "", "70", "#>73", "约束性"),
     [("地表水质量达到或好于Ⅲ类水体比例", 73.0, "%", "floor", "at_least", "2025")]),
    (_row("建筑", "城镇新建居住建筑能效水平提升（%）", "", "—", "30", "预期性"),
     [("城镇新建居住建筑能效水平", 30.0, "%", "increase", None, "2025")]),
    # a cell that names no number is no target
    (_row("应对气候变化", "单位GDP二氧化碳排放降低率", "%", "—", "完成省下达指标", "约束性"), []),
    (_row("大气环境", "空气质量", "", "良好", "稳中向好", "预期性"), []),
]
# fmt: on


@pytest.mark.parametrize(("rows", "expected"), ROWS)
def test_indicator_table_rows(rows: str, expected: list) -> None:
    assert _targets(rows) == expected


def test_a_project_column_names_the_indicators_of_a_period_target_column() -> None:
    """"类别 | 序号 | 项目 | 2020年现状值 | “十四五”目标值 | 指标类别" (b086): 项目 names the row;
    the target column names a period, not a year."""
    header = _row("类别", "序号", "项目", "2020年现状值", "“十四五”目标值", "指标类别")
    rows = (_row("环境综合治理", "5", "地表水国考断面劣Ⅴ类水体比例（%）", "0", "0", "约束性")
            + _row("", "22", "放射源辐射事故年发生率（起/每万枚）", "—", "＜1.3", "预期性"))
    assert _targets(rows, header=header) == [
        ("地表水国考断面劣Ⅴ类水体比例", 0.0, "%", "reach", None, None),
        ("放射源辐射事故年发生率", 1.3, "起/每万枚", "cap", "at_most", None)]
    # a project list is no indicator table: no target column
    projects = _row("序号", "项目", "建设内容", "总投资（亿元）")
    assert _targets(_row("1", "污水处理厂提标改造", "新建管网20公里", "3.5"), header=projects) == []


def test_a_row_the_prose_states_is_one_target() -> None:
    rows = _row("大气环境", "环境空气质量优良天数比例", "%", "83.9", "86", "约束性")
    assert _targets(rows, prose="到2025年，环境空气质量优良天数比例达到86%左右。") == []
    assert _targets(rows) == [("环境空气质量优良天数比例", 86.0, "%", "reach", None, "2025")]


def test_results_of_a_past_plan_are_no_targets() -> None:
    header = _row("类别", "指标名称", "单位", "2020年目标", "2020年实现", "完成情况")
    assert _targets(_row("大气环境", "城市空气质量优良天数比例", "%", "74.2", "83.9", "完成"), header=header) == []
    # a "2015年 | 2020年" table in a 十四五 plan reports the last period
    old = _row("指标", "单位", "2015年", "2020年")
    assert _targets(_row("能源消费总量", "亿吨标准煤", "43.4", "49.8"), header=old, title="“十四五”现代能源体系规划") == []


def test_a_table_continued_after_a_page_break_keeps_its_header() -> None:
    """The second part of a table cut by a page break repeats no header (b566, b464, b417)."""
    title = "某市“十四五”可再生能源规划"
    html = (f"<html><head><title>{title}</title></head><body><h1>{title}</h1>"
            "<table><tr><td>类别</td><td>指标名称</td><td>单位</td><td>2025年</td><td>属性</td></tr>"
            + _row("电力装机", "风电", "万千瓦", "200", "预期性") + "</table><p>12</p>"
            "<table>" + _row("", "水电", "万千瓦", "0.5", "预期性") + _row("", "生物质发电", "万千瓦", "45", "预期性")
            + "</table><p>到2030年，全市能源结构持续优化。</p>"
            "<table>" + _row("", "光伏发电", "万千瓦", "560", "预期性") + _row("", "地热", "万千瓦", "5", "预期性")
            + "</table></body></html>")
    doc = process_bytes(html.encode(), "x.html", Settings.resolve({}))[0]
    got = [(t.indicator, t.value, t.deadline) for t in doc.targets if "\t" in t.evidence]
    # the table after prose is no continuation: its rows have no header to read them by
    assert got == [("风电", 200.0, "2025"), ("水电", 0.5, "2025"), ("生物质发电", 45.0, "2025")]


def test_a_rubric_is_left_to_the_scoring_reader() -> None:
    header = _row("指标名称", "分值", "2025年目标值", "评分标准")
    assert _targets(_row("森林覆盖率", "10", "60", "达到得10分"), header=header) == []


def test_bulk_indicator_table(bulk_pdf_dir: Path) -> None:
    """泰州市“十四五”生态环境保护规划 (b455): 表2's rows that its prose does not state."""
    doc = process_bytes((bulk_pdf_dir / "b455.pdf").read_bytes(), "b455.pdf", Settings.resolve({}))[0]
    rows = {(t.indicator, t.value, t.unit, t.direction, t.deadline) for t in doc.targets if "\t" in t.evidence}
    assert ("单位地区生产总值用水量", 50.0, "m3/万元", "cap", "2025") in rows
    assert ("城镇生活污水集中处理率", 92.0, "%", "reach", "2025") in rows
    assert not any(deadline == "2020" for *_, deadline in rows)  # 表1 reports the 十三五 results


def test_ascii_bounds_are_read_in_table_cells_only(targets_of) -> None:
    """">73" in a cell is a floor (b468), but "</p><p>2" in a page's prose is markup (seed 003)."""
    assert targets_of("各单位要认真对照《评价标准》开展自评。</p><p>2.加强节能宣传。") == []


# fmt: off
GOAL_ROWS = [
    # a target cell in words that sets a dated goal is a deadline (FORMAT v2: a dated task in a
    # table cell), due in the target column's year (b076, b446, b455, b457, b464, b499)
    (_row("应对气候变化", "单位GDP二氧化碳排放降低率（%）", "", "—", "完成省下达指标", "约束性"),
     [("2025", "单位GDP二氧化碳排放降低率完成省下达指标")]),
    (_row("生态", "生态保护红线占国土面积比例（%）", "", "/", "不降低", "约束性"),
     [("2025", "生态保护红线占国土面积比例不降低")]),
    (_row("水环境", "城市黑臭水体比例（%）", "", "——", "全部消除", "约束性"),
     [("2025", "城市黑臭水体比例全部消除")]),
    # words that set nothing, and a figure (a target, not a deadline)
    (_row("大气环境", "空气质量", "", "良好", "稳中向好", "预期性"), []),
    (_row("水环境", "城镇生活污水集中处理率", "%", "85", "92", "预期性"), []),
]
# fmt: on


@pytest.mark.parametrize(("rows", "expected"), GOAL_ROWS)
def test_indicator_table_goals_in_words_are_deadlines(rows: str, expected: list) -> None:
    html = (f"<html><head><title>某市“十四五”生态环境保护规划</title></head><body><p>主要指标如下。</p>"
            f"<table>{HEADER}{rows}</table></body></html>")
    doc = process_bytes(html.encode(), "x.html", Settings.resolve({}))[0]
    assert [(d.due, d.task) for d in doc.deadlines] == expected
    for d in doc.deadlines:
        assert doc.text[d.span[0]:d.span[1]] == d.evidence


def test_past_indicator_tables_give_no_goal_rows() -> None:
    header = _row("指标", "单位", "2015年", "2020年")
    html = ("<html><head><title>“十四五”现代能源体系规划</title></head><body>"
            f"<table>{header}{_row('能源消费总量', '亿吨标准煤', '43.4', '完成国家下达指标')}</table></body></html>")
    assert process_bytes(html.encode(), "x.html", Settings.resolve({}))[0].deadlines == []
