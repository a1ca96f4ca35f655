"""Scoring tables through the real readers: DOCX merged cells, the r05 PDF across pages."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from extract.pipeline import process_bytes, process_file


def _docx_rubric() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("节约型机关考核评分表")
    rows = [
        ["评价单元", "评价项目", "评价标准", "分值"],
        ["组织管理（6分）", "管理机构", "明确管理机构和工作职责，得2分；设置能源管理岗位，得1分。", "3"],
        ["", "管理制度", "制定节约能源资源管理制度，每项得1分，最高得3分。", "3"],
        ["绿色办公（4分）", "行为节约", "推行无纸化办公，得2分；充分利用自然采光，得2分。", "4"],
    ]
    table = document.add_table(rows=len(rows), cols=4)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value:
                table.cell(r, c).text = value
    table.cell(1, 0).merge(table.cell(2, 0))  # python-docx repeats the merged cell below
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def test_docx_vertical_merge_counted_once() -> None:
    (doc,) = process_bytes(_docx_rubric(), "rubric.docx")
    (st,) = doc.scoring_tables
    assert [(i.path, i.points, [c.points for c in i.criteria]) for i in st.items] == [
        (["组织管理", "管理机构"], 3, [2, 1]),
        (["组织管理", "管理制度"], 3, [3]),
        (["绿色办公", "行为节约"], 4, [2, 2]),
    ]
    assert st.total_points == 10 and st.inconsistencies == []
    for item in st.items:
        assert item.span is not None


@pytest.mark.slow
def test_r05_pdf_rubric_across_pages(real_pdf_dir: Path) -> None:
    (doc,) = process_file(real_pdf_dir / "r05_shanghai-ditan-shifan-chuangjian-pingfen.pdf")
    community = next(t for t in doc.scoring_tables if any(i.path[0] == "低碳组织管理" for i in t.items))
    assert len(community.items) == 28  # pages 14-16 joined, header rows not items
    assert {c["name"]: c["points"] for c in community.categories}["加分项"] == 20
    assert "节能低碳示范项目: category says 30, items sum to 32" in community.inconsistencies
    assert all(i.page in (14, 15, 16) for i in community.items)


@pytest.mark.slow
def test_r05_titles_and_checking_methods(real_pdf_dir: Path) -> None:
    """Each rubric is titled by ITS attachment title (broken over two lines in the PDF), and
    the checking method opening a 评价方法 cell is the criteria's method, not their text."""
    (doc,) = process_file(real_pdf_dir / "r05_shanghai-ditan-shifan-chuangjian-pingfen.pdf")
    assert [t.title for t in doc.scoring_tables] == [
        "上海市低碳发展实践区（近零碳排放实践区）申报创建指标体系",
        "上海市低碳社区（近零碳排放社区）申报创建指标体系",
    ]
    community = doc.scoring_tables[1]
    first = community.items[0].criteria[0]
    assert (first.text, first.points, first.method) == ("建立工作小组，且岗位分工合理的", 5, "查阅相关文件材料")
    volunteers = next(i for i in community.items if "低碳志愿者" in i.path[-1])
    assert volunteers.criteria[0].method == "查阅相关文件材料，现场检查，交流访谈"
    assert volunteers.criteria[0].text.startswith("已成立“低碳志愿者”队伍")
    assert not any(c.text.startswith(("查阅", "现场")) for i in community.items for c in i.criteria)


HTML_RUBRIC = """<html><body><h1>考核评分表</h1><table>
<tr><th>考核指标</th><th>考核内容</th><th>评分标准</th><th>分值</th></tr>
<tr><td rowspan="2">一、组织领导（10分）</td><td>建立工作机制</td>
<td><p>1.成立领导小组的，得3分；</p><p>2.明确专人负责的，得2分。</p></td><td>5</td></tr>
<tr><td>制定实施方案</td><td>制定方案的，得5分。</td><td>5</td></tr>
<tr><td colspan="3">合计</td><td>10</td></tr>
</table></body></html>"""


def test_html_rowspan_and_paragraph_cells() -> None:
    (doc,) = process_bytes(HTML_RUBRIC.encode("utf-8"), "rubric.html")
    (st,) = doc.scoring_tables
    assert st.total_points == 10 and st.inconsistencies == []
    first = st.items[0]
    assert first.path == ["组织领导", "建立工作机制"] and [c.points for c in first.criteria] == [3, 2]
    assert doc.text[first.criteria[1].span[0] : first.criteria[1].span[1]] == "2.明确专人负责的，得2分。"
