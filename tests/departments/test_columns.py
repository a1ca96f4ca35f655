"""Bodies carried by table structure: a column that assigns its row (FORMAT v2).

A header label (审核单位 / 考核部门 / 牵头单位…) gives the column's bodies its role; a column
without one assigns its rows when it stands right of the description and names nothing but
bodies in every described row.  Cells may run several bodies together with the verb of what
they do ("教务处认定") or separated only by spaces in the source ("主席团 组织部 团总支").
"""

from __future__ import annotations

import pytest

from extract.departments.columns import cell_bodies
from extract.departments.responsibilities import extract_responsibilities
from extract.model import Cell, Document, Metadata, Table
from extract.settings import Settings

# fmt: off
CELLS = [
    ("教务处认定", "", ["教务处"]),
    ("人事室认定", "", ["人事室"]),
    ("系（中心）教评会认定", "", ["系（中心）教评会"]),
    ("老师提供资料系（所）、中心认定", "", ["系（所）", "中心"]),
    ("市统计局、市发展改革委", "", ["市统计局", "市发展改革委"]),
    ("由主持人提出佐证，并由教务处召开小组会议认定", "", ["教务处"]),
    # the raw cell separated the names by spaces, normalization removed them
    ("主席团组织部团总支秘书部", "主席团 组织部 团总支 秘书部", ["主席团", "组织部", "团总支", "秘书部"]),
    ("实践部校团委相关部门/社团", "实践部 校团委 相关部门/社团", ["实践部", "校团委", "相关部门/社团"]),
    # no body: a person, a source of evidence, a meeting, a bare generic head
    ("教师提供资料", "", []),
    ("依金华奖竞赛结果", "", []),
    ("系、所（中心）会议审议", "", []),
    ("中心认定", "", []),
    ("见附表", "", []),
]
# fmt: on


@pytest.mark.parametrize(("text", "raw", "expected"), CELLS)
def test_cell_bodies(text: str, raw: str, expected: list[str]) -> None:
    assert cell_bodies(text, raw) == expected


DESC = "未按规定时间举行期中、期末考试的，每科目每次考试扣5分，经查属实者另扣2分。"
DESC2 = "因未事先报备私下变更上课地点而影响学生权益者，每次扣2分，情节严重者加倍扣分。"


def _doc(rows: list[list[str]]) -> Document:
    """A document whose text is the table laid out with tabs, cells spanned into it."""
    text, cells = "", []
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            start = len(text)
            text += value
            cells.append(Cell(row=r, col=c, text=value, span=(start, len(text))))
            text += "\t" if c + 1 < len(row) else "\n"
    return Document(id="x", source="s", format="html", text=text, raw_text=text,
                    metadata=Metadata(), tables=[Table(cells=cells)])


def _pairs(doc: Document) -> list[tuple[str, str]]:
    return sorted({(r.department, r.role) for r in extract_responsibilities(doc, Settings())})


# fmt: off
TABLES = [
    # a header label names the assessing unit
    ([["序号", "评鉴项目", "评分细项及标准", "审核单位"],
      ["1", "期中、期末考按规定时间举行", DESC, "教务处认定"],
      ["2", "按排定上课地点授课", DESC2, "人事室认定"]],
     [("人事室", "implement"), ("教务处", "implement")]),
    ([["考核内容", "评分标准", "牵头单位", "配合单位"],
      ["能耗强度", DESC, "市发展改革委", "市统计局"]],
     [("市发展改革委", "lead"), ("市统计局", "support")]),
    # no header: a column of bodies right of every row's description
    ([["1（满分15分）", DESC, "组织部"],
      ["2（满分10分）", DESC2, "校团委"]],
     [("校团委", "implement"), ("组织部", "implement")]),
    # no header and one row names no body: the column is not an assigning column
    ([["1（满分15分）", DESC, "组织部"],
      ["2（满分10分）", DESC2, "视情况而定"]],
     []),
    # a single described row is no evidence of a column
    ([["1（满分15分）", DESC, "组织部"]], []),
    # the bodies are LEFT of the description: the assessed, not the assessor
    ([["市统计局", DESC], ["市财政局", DESC2]], []),
    # a points column right of the description
    ([["1", DESC, "15"], ["2", DESC2, "10"]], []),
]
# fmt: on


@pytest.mark.parametrize(("rows", "expected"), TABLES)
def test_table_columns(rows: list[list[str]], expected: list[tuple[str, str]]) -> None:
    assert _pairs(_doc(rows)) == expected


def test_evidence_is_the_cell() -> None:
    doc = _doc(TABLES[0][0])
    recs = [r for r in extract_responsibilities(doc, Settings()) if r.department == "人事室"]
    assert recs and all(doc.text[r.span[0]:r.span[1]] == r.evidence == "人事室认定" for r in recs)


def test_header_naming_bodies_of_another_role_assigns_nothing() -> None:
    # a funded-project list: 归口管理单位 names bodies, but no label gives them a role
    doc = _doc([["序号", "项目名称", "归口管理单位"],
                ["1", "近零能耗建筑光伏围护结构技术研究与示范项目，开展关键技术攻关和工程示范", "蚌埠市科技局"],
                ["2", "玻璃窑炉烟气二氧化碳高效捕集关键技术及产业化示范应用研究项目", "合肥市科技局"]])
    assert _pairs(doc) == []


def test_unheaded_column_needs_a_rubric() -> None:
    # a project list continued on a page without its header: no points, no assessing column
    doc = _doc([["1", "近零能耗建筑光伏围护结构技术研究与示范项目，开展关键技术攻关和工程示范", "蚌埠市科技局"],
                ["2", "玻璃窑炉烟气二氧化碳高效捕集关键技术及产业化示范应用研究项目", "合肥市科技局"]])
    assert _pairs(doc) == []
