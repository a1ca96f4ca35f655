"""The raw-text writer shared by every reader: table rows, merged cells, captions."""

from __future__ import annotations

import pytest

from extract.ingest.layout import CellSpec, RawTextBuilder, caption_title, cell_text, clip_spans

from .conftest import assert_table_spans


def test_builder_writes_table_between_blank_lines() -> None:
    builder = RawTextBuilder()
    builder.add_line("附件1")
    builder.add_line("节能目标责任评价考核计分表")
    table = builder.add_table([
        CellSpec(0, 0, "考核指标"), CellSpec(0, 1, "分值"),
        CellSpec(1, 0, "节能目标\n（20分）", rowspan=2), CellSpec(1, 1, "10"), CellSpec(2, 1, "10"),
    ])
    builder.add_line("合计100分")
    text = builder.text()
    assert text == "附件1\n节能目标责任评价考核计分表\n\n考核指标\t分值\n节能目标 （20分）\t10\n\t10\n\n合计100分\n"
    assert table is not None and table.title == "节能目标责任评价考核计分表"
    assert text[table.raw_span[0]:table.raw_span[1]] == "考核指标\t分值\n节能目标 （20分）\t10\n\t10"
    assert_table_spans(text, table)


def test_builder_skips_empty_table() -> None:
    builder = RawTextBuilder()
    assert builder.add_table([CellSpec(0, 0, " "), CellSpec(0, 1, "")]) is None
    assert builder.text() == "" and builder.tables == []


def test_clip_spans_drops_overlaps() -> None:
    specs = clip_spans([CellSpec(0, 0, "甲", rowspan=2, colspan=2), CellSpec(1, 1, "乙"), CellSpec(0, 2, "丙", rowspan=3)])
    assert [(s.row, s.col, s.rowspan, s.colspan, s.text) for s in specs] == [(0, 0, 2, 2, "甲"), (0, 2, 3, 1, "丙")]


@pytest.mark.parametrize("raw,expected", [("直\n接\n排\n放", "直 接 排 放"), ("  查阅文件\r\n\t现场检查 ", "查阅文件 现场检查")])
def test_cell_text_one_line(raw: str, expected: str) -> None:
    assert cell_text(raw) == expected


# fmt: off
@pytest.mark.parametrize("line,expected", [
    ("表 1 近零碳排放区域试点主要指标体系", "表 1 近零碳排放区域试点主要指标体系"),
    ("附表2 重点工程清单", "附表2 重点工程清单"),
    ("2020年度及“十三五”上海市通信企业节能目标责任评价考核计分表", "2020年度及“十三五”上海市通信企业节能目标责任评价考核计分表"),
    ("高平市节约型机关评价标准", "高平市节约型机关评价标准"),
    ("上海市低碳社区申报创建指标体系", "上海市低碳社区申报创建指标体系"),
    ("如表 3 所示。", None),                                      # a reference to a table, not its caption
    ("到2025年，全区单位地区生产总值能源消耗比2020年下降15%。", None),
    ("（一）重点行业绿色升级工程。（市工业和信息化局、市发展改革委按职责分工负责）", None),
    (None, None),
])
# fmt: on
def test_caption_title(line: str | None, expected: str | None) -> None:
    assert caption_title(line) == expected
