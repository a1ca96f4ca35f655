"""Tables recovered from text layout: row-per-line, cell-per-line, merges, shifted rows."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from extract.model import Cell, Document, Table
from extract.settings import Settings
from extract.structure.text_tables import recover_text_tables

_CJK = r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef“”]"


def _dev_normalize(text: str) -> str:
    """Stand-in for the normalize stage: no spaces between CJK characters."""
    return re.sub(rf"(?<={_CJK}) +(?={_CJK})", "", text)


def _doc(text: str) -> Document:
    return Document(id="x", source="s", format="txt", text=text)


def _texts(table: Table) -> list[list[str]]:
    return [[c.text if c else "" for c in row] for row in table.grid()]


def _seed(seeds_dir: Path, prefix: str) -> Document:
    path = next(seeds_dir.glob(f"{prefix}_*.txt"))
    return _doc(_dev_normalize(path.read_text(encoding="utf-8")))


ROW_PER_LINE = "考核评分表\n\n序号\t考核内容\t评分标准\t分值\n1\t组织领导\t成立领导小组，得2分\t2\n\t\t明确专人负责，得1分\t1\n2\t宣传教育\t开展宣传活动，得3分\t3\n\n下一段正文。"


def test_row_per_line_with_vertical_merge() -> None:
    (table,) = recover_text_tables(_doc(ROW_PER_LINE), Settings())
    assert table.source == "text"
    grid = table.grid()
    assert _texts(table)[2] == ["1", "组织领导", "明确专人负责，得1分", "1"]
    assert grid[1][1] is grid[2][1] and grid[1][1].rowspan == 2  # merged, one Cell
    for cell in table.cells:
        assert ROW_PER_LINE[cell.span[0] : cell.span[1]] == cell.text


def test_empty_detail_cell_is_not_a_merge() -> None:
    text = "序号\t考核内容\t分值\t备注\n1\t组织领导\t2\t按季度\n2\t宣传教育\t3\t\n3\t信息公开\t1\t年报"
    (table,) = recover_text_tables(_doc(text), Settings())
    grid = table.grid()
    assert grid[2][3].text == "" and grid[2][3] is not grid[1][3]


@pytest.mark.parametrize(
    "text",
    [
        "附件\t考核评分表\n\n正文一段。",  # one row
        "正文第一段，没有表格。\n第二段。",
        "名称\n\t只有一个单元格\n正文",
    ],
)
def test_no_table(text: str) -> None:
    assert recover_text_tables(_doc(text), Settings()) == []


def test_native_table_region_is_skipped() -> None:
    doc = _doc(ROW_PER_LINE)
    start = ROW_PER_LINE.index("序号")
    doc.tables = [Table(cells=[Cell(row=0, col=0, text="序号")], span=(start, start + 40))]
    assert recover_text_tables(doc, Settings()) == []


def test_seed_001_cell_per_line(seeds_dir: Path) -> None:
    doc = _seed(seeds_dir, "001")
    (table,) = recover_text_tables(doc, Settings())
    assert table.title == "2020年度及“十三五”上海市通信企业节能目标责任评价考核计分表"
    assert table.n_cols == 7
    grid = table.grid()
    # 考核内容分解 spans 具体内容 | 分值; 考核指标 spans both header rows
    assert grid[0][4] is grid[0][5] and grid[0][4].text == "考核内容分解"
    assert grid[0][0] is grid[1][0] and grid[1][4].text == "具体内容"
    # the category cell broken over two lines is one cell, merged down its 14 rows
    category = next(c for c in table.cells if c.text.startswith("2020年度节能目标"))
    assert category.text == "2020年度节能目标(20分）" and category.rowspan == 14
    first = next(c for c in table.cells if c.text.startswith("“十三五”节能目标"))
    assert first.rowspan == 14 and grid[15][0] is first
    # tier rows keep their own criteria and points, empty method cells stay empty
    assert _texts(table)[3][4:] == ["超过总量控制目标5%以内", "5", ""]
    assert sum(1 for c in table.cells if c.text == "节能基础管理工作") == 1


def test_seed_003_shifted_rows_realigned(seeds_dir: Path) -> None:
    doc = _seed(seeds_dir, "003")
    (table,) = recover_text_tables(doc, Settings())
    rows = _texts(table)
    assert rows[0] == ["序号", "评价单元", "评价项目", "评价标准", "分值", "备注"]
    # "\t4\t实行生活垃圾分类(22分)\t分类投放…" came one column right
    row = next(r for r in rows if r[2] == "分类投放")
    assert row[0] == "4" and row[1] == "实行生活垃圾分类(22分)" and row[4] == "6"
    # 源头减量 stays under 推行绿色办公, as the text presents it
    row = next(r for r in rows if r[2] == "源头减量")
    assert row[1].startswith("推行绿色办公")
    # the criteria continuation row belongs to 分类收运 (one merged item cell)
    cells = [c for c in table.cells if c.text == "分类收运"]
    assert len(cells) == 1 and cells[0].rowspan == 2
