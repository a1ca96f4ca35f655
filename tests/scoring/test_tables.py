"""Scoring tables from native grids (HTML / DOCX / PDF shapes), text tables and the seeds."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from extract.model import Cell, Document, Table
from extract.scoring.tables import extract_scoring_tables, header_role
from extract.settings import Settings

_CJK = r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef“”]"


def _doc(tables: list[Table] | None = None, text: str = "") -> Document:
    return Document(id="x", source="s", format="html", text=text, tables=tables or [])


def _table(rows: list[list[str | tuple[str, int, int] | None]], page: int | None = None) -> Table:
    """Cells as text, (text, rowspan, colspan) for a merged anchor, None where covered."""
    cells = []
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            if v is None:
                continue
            text, rs, cs = v if isinstance(v, tuple) else (v, 1, 1)
            cells.append(Cell(row=r, col=c, text=text, rowspan=rs, colspan=cs))
    return Table(cells=cells, page=page)


def _summary(doc: Document) -> list[tuple[list[str], float | None, list[float | None]]]:
    (st,) = extract_scoring_tables(doc, Settings())
    return [(i.path, i.points, [c.points for c in i.criteria]) for i in st.items]


@pytest.mark.parametrize(
    ("header", "role"),
    [("分值", "points"), ("考核内容分解", "criteria"), ("核查方法和打分具体标准", "method"),
     ("评价单元", "category"), ("评价项目", "item"), ("得分", "score"), ("备注", "note"),
     ("序号", "seq"), ("完成上级主管部门下达的年度指标", None)],
)
def test_header_role(header: str, role: str | None) -> None:
    assert header_role(header) == role


# An HTML table: rowspan category, colspan total row.
HTML_LIKE = [
    ["考核指标", "考核内容", "评分标准", "分值"],
    [("一、组织领导（10分）", 2, 1), "建立工作机制", "成立领导小组的，得3分；明确专人负责的，得2分。", "5"],
    [None, "制定实施方案", "制定方案并按时报送的，得5分。", "5"],
    [("二、宣传教育（10分）", 1, 1), "开展宣传活动", "每开展1次活动得2分，最高得6分。", "6"],
    [("合计", 1, 3), None, None, "16"],
]


def test_html_rowspan_colspan() -> None:
    doc = _doc([_table(HTML_LIKE)])
    (st,) = extract_scoring_tables(doc, Settings())
    assert st.total_points == 16
    assert _summary(doc) == [
        (["组织领导", "建立工作机制"], 5, [3, 2]),
        (["组织领导", "制定实施方案"], 5, [5]),
        (["宣传教育", "开展宣传活动"], 6, [6]),
    ]
    assert st.inconsistencies == ["宣传教育: category says 10, items sum to 6",
                                  "table: total says 16, categories sum to 20"]
    assert st.categories[0] == {"name": "组织领导", "points": 10, "path": ["组织领导"]}


def test_docx_repeated_cell_counted_once() -> None:
    """python-docx repeats a merged cell in every covered slot; ingest maps it to ONE Cell."""
    table = _table([
        ["评价项目", "评价标准", "分值"],
        [("节能管理（6分）", 3, 1), "建立能源管理制度，得2分。", "2"],
        [None, "设置能源管理岗位，得2分。", "2"],
        [None, "按时报送统计报表，得2分。", "2"],
        [("宣传培训（4分）", 2, 1), "开展节能宣传，得2分。", "2"],
        [None, "组织节能培训，得2分。", "2"],
    ])
    grid = table.grid()
    assert grid[1][0] is grid[3][0]
    assert _summary(_doc([table])) == [(["节能管理"], 6, [2, 2, 2]), (["宣传培训"], 4, [2, 2])]


def test_not_a_scoring_table() -> None:
    table = _table([
        ["序号", "单位名称", "联系人", "电话"],
        ["1", "市能源局", "张三", "1234567"],
        ["2", "市财政局", "李四", "7654321"],
    ])
    assert extract_scoring_tables(_doc([table]), Settings()) == []


def test_pdf_table_continues_on_next_page() -> None:
    """The header repeats on page 2; the cut criterion text continues in its first row."""
    header = [("评价指标", 1, 2), None, "评价方法", "得分"]
    page1 = _table([
        header,
        [("一、组织管理（10分）", 2, 1), "1.建立工作小组（5分）", "建立工作小组且分工合理的得5分；未分工的得2", ""],
        [None, "2.制定工作计划（5分）", "制定计划的得5分；未制定的0分；", ""],
    ], page=1)
    page2 = _table([
        header,
        ["", "", "分；未建工作小组的得0分；", ""],  # orphan tail: belongs to item 2 in row order
        [("二、宣传（4分）", 1, 1), "3.开展宣传（4分）", "开展宣传活动的得4分。", ""],
    ], page=2)
    (st,) = extract_scoring_tables(_doc([page1, page2]), Settings())
    assert [(i.path[-1], i.points) for i in st.items] == [
        ("建立工作小组", 5), ("制定工作计划", 5), ("开展宣传", 4)]
    assert st.total_points == 14 and st.inconsistencies == []


def test_criteria_promise_more_than_item() -> None:
    table = _table([
        ["考核内容", "评分标准", "分值"],
        ["节能宣传", "开展节能宣传的，得2分；组织培训的，得2分。", "3"],
        ["能源计量", "配备计量器具的，得2分。", "2"],
    ])
    (st,) = extract_scoring_tables(_doc([table]), Settings())
    assert st.inconsistencies == ["节能宣传: item says 3, criteria sum to 4"]


def test_table_ends_before_total() -> None:
    table = _table([
        ["评价单元", "评价项目", "评价标准", "分值"],
        [("目标管理（10分）", 1, 1), "能耗指标", "完成年度指标的，得10分。", "10"],
        [("制度建设（20分）", 1, 1), "管理制度", "制定管理制度的，得5分。", "5"],
        [("总分", 1, 3), None, None, "30"],
    ])
    (st,) = extract_scoring_tables(_doc([table]), Settings())
    assert "制度建设: category says 20, items sum to 5" in st.inconsistencies
    assert any(n.startswith("table ends before its stated totals") and "30" in n and "15" in n
               for n in st.inconsistencies)


# --------------------------------------------------------------------------- titles, methods, deductions

SMALL_RUBRIC = [
    ["考核内容", "评分标准", "分值"],
    ["管理机构", "明确管理机构的，得2分。", "2"],
    ["管理制度", "制定管理制度的，得3分。", "3"],
]


def _titled(lines_above: list[str], rubrics: int = 1) -> list[str | None]:
    """Each rubric written after ``lines_above``; the titles the extractor gives them."""
    text, tables = "", []
    for k in range(rubrics):
        text += "\n".join(line.replace("{k}", str(k + 1)) for line in lines_above) + "\n\n"
        table = _table(SMALL_RUBRIC)
        table.span = (len(text), len(text) + 10)
        text += "管理机构\t明确管理机构的，得2分。\t2\n\n"
        tables.append(table)
    return [st.title for st in extract_scoring_tables(_doc(tables, text), Settings())]


@pytest.mark.parametrize(
    ("lines_above", "title"),
    [
        # a PDF broke the attachment title over two lines: both halves are the title
        (["附件2", "上海市低碳社区（近零碳排放社区）", "申报创建指标体系"], "上海市低碳社区（近零碳排放社区）申报创建指标体系"),
        (["附件", "高平市节约型机关评价标准"], "高平市节约型机关评价标准"),
        (["附件3：", "某市公共机构节能考核评分表"], "某市公共机构节能考核评分表"),
        (["附件1：某市公共机构节能考核评分表"], "某市公共机构节能考核评分表"),
        # a numbered caption under the attachment title is the table's own title
        (["附件1", "某市节能目标责任考核办法", "表1 考核评分表"], "表1 考核评分表"),
        # no attachment line: the nearest line, never a paragraph above it
        (["各单位要严格按照评价标准抓好本单位的创建工作。", "节约型机关评价标准"], "节约型机关评价标准"),
        # body text after 附件: not a title, fall back to the nearest line
        (["附件1", "各单位要按照本标准开展自评。", "评分表"], "评分表"),
    ],
)
def test_title_before_table(lines_above: list[str], title: str) -> None:
    assert _titled(lines_above) == [title]


def test_two_rubrics_with_the_same_last_title_line_keep_their_own_titles() -> None:
    titles = _titled(["附件{k}", "上海市低碳示范区{k}", "申报创建指标体系"], rubrics=2)
    assert titles == ["上海市低碳示范区1申报创建指标体系", "上海市低碳示范区2申报创建指标体系"]


def test_checking_method_moves_out_of_the_criterion() -> None:
    """"查阅相关文件材料" opens a PDF 评价方法 cell: it becomes the criteria's method."""
    table = _table([
        ["评价指标", "评价方法", "得分"],
        ["1.建立工作小组（5分）", "查阅相关文件材料建立工作小组，且岗位分工合理的得5分；未建工作小组的得0分；", ""],
        ["2.开展宣传活动（4分）", "现场检查社区内设置宣传栏的，得4分；未设置的0分；", ""],
    ])
    (st,) = extract_scoring_tables(_doc([table]), Settings())
    first, second = st.items
    assert [(c.text, c.points, c.method) for c in first.criteria] == [
        ("建立工作小组，且岗位分工合理的", 5, "查阅相关文件材料"), ("未建工作小组的", 0, "查阅相关文件材料")]
    assert second.criteria[0].text == "社区内设置宣传栏的" and second.criteria[0].method == "现场检查"
    assert st.inconsistencies == []


def test_checking_method_left_out_of_a_scored_row_span() -> None:
    """A per-row points column: the criterion's span starts after the checking method."""
    criterion = "查阅相关文件材料建立能源管理制度"
    text = f"考核内容 评分标准 分值\n管理制度 {criterion} 2\n能源计量 配备计量器具 3\n"
    start = text.index(criterion)
    cells = [Cell(row=0, col=0, text="考核内容"), Cell(row=0, col=1, text="评分标准"), Cell(row=0, col=2, text="分值"),
             Cell(row=1, col=0, text="管理制度", span=(text.index("管理制度"), text.index("管理制度") + 4)),
             Cell(row=1, col=1, text=criterion, span=(start, start + len(criterion))),
             Cell(row=1, col=2, text="2"),
             Cell(row=2, col=0, text="能源计量"), Cell(row=2, col=1, text="配备计量器具"), Cell(row=2, col=2, text="3")]
    (st,) = extract_scoring_tables(_doc([Table(cells=cells)], text), Settings())
    (c,) = st.items[0].criteria
    assert (c.text, c.points, c.method) == ("建立能源管理制度", 2, "查阅相关文件材料")
    assert c.span is not None and text[c.span[0] : c.span[1]] == "建立能源管理制度"


def test_deductions_keep_their_magnitude_with_kind_deduction() -> None:
    """扣N分 is points N with kind "deduction" (devset gold); the item's maximum and the sum
    checks ignore it."""
    table = _table([
        ["考核内容", "评分标准", "分值"],
        ["统计报送", "按时报送能源统计数据的，得3分；每迟报一次扣1分，扣完为止。", "3"],
        ["安全管理", "发生一般安全事故的，每起扣2分。", "5"],
        ["能源计量", "配备计量器具的，得2分。", "2"],
    ])
    (st,) = extract_scoring_tables(_doc([table]), Settings())
    assert [(i.points, [(c.text, c.points, c.kind) for c in i.criteria]) for i in st.items] == [
        (3, [("按时报送能源统计数据的", 3, None), ("每迟报一次扣1分", 1, "deduction")]),
        (5, [("发生一般安全事故的，每起扣2分", 2, "deduction")]),
        (2, [("配备计量器具的", 2, None)]),
    ]
    assert st.inconsistencies == [] and st.total_points == 10


# --------------------------------------------------------------------------- seeds vs gold


def _dev_doc(seeds_dir: Path, prefix: str) -> Document:
    path = next(seeds_dir.glob(f"{prefix}_*.txt"))
    text = re.sub(rf"(?<={_CJK}) +(?={_CJK})", "", path.read_text(encoding="utf-8"))
    return Document(id="x", source=path.name, format="txt", text=text)


@pytest.mark.parametrize("prefix", ["001", "003"])
def test_seed_matches_gold(seeds_dir: Path, gold_dir: Path, prefix: str) -> None:
    doc = _dev_doc(seeds_dir, prefix)
    gold = json.loads(next(gold_dir.glob(f"{prefix}_*.json")).read_text(encoding="utf-8"))
    (gt,) = gold["scoring_tables"]
    (st,) = extract_scoring_tables(doc, Settings())
    assert st.title == gt["title"] and st.total_points == gt["total_points"]
    got = [(i.path, i.points, sorted(c.points for c in i.criteria)) for i in st.items]
    want = [(i["path"], i["points"], sorted(c["points"] for c in i["criteria"])) for i in gt["items"]]
    assert got == want
    for note in gt["inconsistencies"]:  # each gold note's subject is named by one of ours
        subject = re.split(r"[:：]", note)[0].split(">")[-1]
        subject = re.sub(r"^\d+\.", "", subject)
        assert any(subject in ours for ours in st.inconsistencies), note
    assert len(st.inconsistencies) == len(gt["inconsistencies"])
    for item in st.items:  # every criterion span is verbatim source text
        assert item.span is not None
        for c in item.criteria:
            assert c.span is not None and c.span[0] < c.span[1]
            assert c.text[:4] in doc.text[c.span[0] : c.span[1]].replace(" ", "")


# --------------------------------------------------------------------------- real PDF


def _pdf_tables(path: Path) -> list[Table]:
    """Minimal pdfplumber -> Table (None below a body cell = rowspan, beside = colspan).

    A stand-in for the ingest PDF reader so that the rubric logic is tested on real
    pdfplumber output; replace with the reader once it exposes tables.
    """
    import pdfplumber

    out = []
    with pdfplumber.open(path) as pdf:
        for pno, page in enumerate(pdf.pages, 1):
            for rows in page.extract_tables():
                if len(rows) < 2 or max(len(r) for r in rows) < 2:
                    continue
                cells: list[Cell] = []
                at: dict[tuple[int, int], Cell] = {}
                for r, row in enumerate(rows):
                    for c, v in enumerate(row):
                        if v is None:
                            up, left = at.get((r - 1, c)), at.get((r, c - 1))
                            if r > 1 and up and up.col == c and up.colspan == 1 and up.row + up.rowspan == r:
                                up.rowspan += 1
                                at[(r, c)] = up
                                continue
                            if left and left.row == r and left.col + left.colspan == c:
                                left.colspan += 1
                                at[(r, c)] = left
                                continue
                            v = ""
                        cell = Cell(row=r, col=c, text=v)
                        cells.append(cell)
                        at[(r, c)] = cell
                out.append(Table(cells=cells, page=pno))
    return out


@pytest.mark.slow
def test_real_pdf_r05_rubric(real_pdf_dir: Path) -> None:
    path = real_pdf_dir / "r05_shanghai-ditan-shifan-chuangjian-pingfen.pdf"
    doc = Document(id="x", source=path.name, format="pdf", tables=_pdf_tables(path))
    tables = extract_scoring_tables(doc, Settings())
    community = next(t for t in tables if any(i.path[0] == "低碳组织管理" for i in t.items))
    cats = {c["name"]: c["points"] for c in community.categories}
    assert cats["低碳组织管理"] == 20 and cats["低碳意识培养和低碳理念宣传"] == 50 and cats["加分项"] == 20
    # pages 14-16 joined into one rubric: 23 numbered items + 5 bonus items
    assert len(community.items) == 28
    first = community.items[0]
    assert first.points == 5 and [c.points for c in first.criteria] == [5, 2.5, 0]
    # items under 一/二/加分项 add up; 三 lists 32 points of items under a 30-point heading
    assert community.inconsistencies[0] == "节能低碳示范项目: category says 30, items sum to 32"
