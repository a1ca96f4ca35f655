"""Dated tasks inside table cells are deadlines (FORMAT v2); tables without a time column
(scoring, indicator tables) give none."""

from __future__ import annotations

import pytest

from extract.deadlines import extract_deadlines
from extract.model import Cell, Document, Table
from extract.settings import Settings


def _doc(rows: list[list[str]], issue_date: str | None = None) -> Document:
    """A document holding one table laid out as tab-separated rows, with cell spans."""
    text, cells = "附件：重点任务分工\n", []
    start = len(text)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            cells.append(Cell(row=r, col=c, text=value, span=(len(text), len(text) + len(value))))
            text += value + ("\t" if c < len(row) - 1 else "\n")
    doc = Document(id="x", source="s", format="txt", text=text)
    doc.tables = [Table(cells=cells, span=(start, len(text)))]
    doc.metadata.issue_date = issue_date
    return doc


def _deadlines(rows: list[list[str]], issue_date: str | None = None) -> list[dict]:
    doc = _doc(rows, issue_date)
    out = []
    for d in extract_deadlines(doc, Settings()):
        assert doc.text[d.span[0]:d.span[1]] == d.evidence
        out.append(d.to_dict())
    return out


# fmt: off
TASK_TABLES = [
    # (rows, [(due, recurrence, task, responsible)])
    ([["序号", "重点任务", "牵头单位", "责任单位", "完成时限"],
      ["1", "制定全市碳达峰实施方案", "市发展改革委", "各区县政府", "2022年6月底前"],
      ["2", "完成重点用能单位节能诊断", "市工业和信息化局", "市发展改革委、各区县政府", "2023年12月"]],
     [("2022-06", None, "制定全市碳达峰实施方案", ["市发展改革委", "各区县政府"]),
      ("2023-12", None, "完成重点用能单位节能诊断", ["市工业和信息化局", "市发展改革委", "各区县政府"])]),
    # a cycle in the time cell; a cell without a date gives nothing
    ([["工作内容", "责任部门", "时间节点"],
      ["报送能耗统计数据", "市统计局", "每季度"],
      ["推进既有建筑节能改造", "市住建局", "长期坚持"]],
     [(None, "quarterly", "报送能耗统计数据", ["市统计局"])]),
    # no task header: the widest column; a month without a year takes the document's year
    ([["序号", "内容", "完成时间"],
      ["1", "开展重点排放单位碳排放数据质量专项检查", "9月底前"]],
     [(None, None, "开展重点排放单位碳排放数据质量专项检查", [])]),
    # a range: due at its end
    ([["主要任务", "完成时限"],
      ["编制园区循环化改造方案", "2022年3月—2022年12月"]],
     [("2022-12", None, "编制园区循环化改造方案", [])]),
]

NO_TASK_TABLE = [
    # an indicator table: years in the header, no time column
    [["指标", "2020年", "2025年", "属性"], ["单位地区生产总值能耗降低（%）", "—", "14", "约束性"]],
    # a scoring table
    [["序号", "考核内容", "分值", "评分标准"], ["1", "每季度报送能耗数据", "5", "未报送扣2分"]],
]
# fmt: on


@pytest.mark.parametrize("rows,expected", TASK_TABLES)
def test_deadlines_tables_task_rows(rows: list, expected: list) -> None:
    got = _deadlines(rows)
    assert [(d["due"], d["recurrence"], d["task"], d["responsible"]) for d in got] == expected


def test_deadlines_tables_month_takes_the_documents_year() -> None:
    rows = [["序号", "内容", "完成时间"], ["1", "开展数据质量专项检查", "9月底前"]]
    [d] = _deadlines(rows, issue_date="2022-03-29")
    assert d["due"] == "2022-09"


def test_deadlines_tables_evidence_runs_from_task_to_time() -> None:
    [d, _] = _deadlines(TASK_TABLES[0][0])
    assert d["evidence"].startswith("制定全市碳达峰实施方案") and d["evidence"].endswith("2022年6月底前")


@pytest.mark.parametrize("rows", NO_TASK_TABLE)
def test_deadlines_tables_without_time_column_give_nothing(rows: list) -> None:
    assert _deadlines(rows) == []
