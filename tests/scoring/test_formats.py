"""Rubrics generated as PDF, DOCX and HTML files, read back through the real ingest readers.

Each fixture is a realistic 考核评分表 with vertically merged category cells, criteria that
wrap, the points grammar (得N分 / 每项得1分，最高得N分 / 扣N分 / 不得分), a total row and
ONE planted inconsistency: a category whose items do not add up to its stated points.
The PDF is drawn with reportlab's built-in CJK font, so no system font is needed.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from extract.model import Document, ScoringTable
from extract.pipeline import process_bytes, process_file

# (category heading, [(item, criteria text, points)]); 节能管理 says 30, its items sum to 32.
RUBRIC: list[tuple[str, list[tuple[str, str, int]]]] = [
    ("一、目标完成情况（40分）", [
        ("能源消费总量控制", "完成年度能源消费总量控制目标的，得10分；未完成的不得分。", 10),
        ("单位建筑面积能耗下降",
         "单位建筑面积能耗比上年下降2%以上的，得15分；下降1%至2%的，得8分；未下降的不得分。", 15),
        ("人均综合能耗下降", "人均综合能耗比上年下降2%以上的，得15分；下降1%至2%的，得8分；未下降的不得分。", 15),
    ]),
    ("二、节能管理（30分）", [
        ("管理机构", "明确节能管理机构和工作职责，并将节能工作纳入单位年度工作计划的，得2分；"
                     "设置能源管理岗位并配备专职人员的，得1分。", 3),
        ("管理制度", "制定节约能源资源管理制度、能源计量统计制度和设备运行维护制度等，每项得1分，最高得3分。", 3),
        ("能源计量", "按照有关规定配备和使用能源资源计量器具，实行分户、分类、分项计量的，得3分；未配备的不得分。", 3),
        ("统计报送", "按时、准确报送年度能源资源消费统计数据的，得3分；每迟报一次扣1分。", 3),
        ("能源审计", "按要求开展能源审计并根据审计结果制定整改措施的，得3分。", 3),
        ("节能改造", "对高耗能设备和系统实施节能改造，改造项目完成并通过验收的，得3分。", 3),
        ("合同能源管理", "采用合同能源管理方式实施节能改造项目的，得2分。", 2),
        ("宣传培训", "开展节能宣传周、低碳日等主题宣传活动，组织节能管理人员参加业务培训的，得3分。", 3),
        ("节能考核", "建立节能目标责任考核制度，将节能目标完成情况纳入内部考核的，得3分。", 3),
        ("节水管理", "使用节水型器具，节水器具普及率达到100%的，得3分；未达到的不得分。", 3),
        ("垃圾分类", "实行生活垃圾分类投放和收集，设置分类收集容器的，得3分。", 3),
    ]),
    ("三、绿色办公（6分）", [
        ("无纸化办公", "推行无纸化办公，使用电子公文系统的，得3分。", 3),
        ("绿色采购", "优先采购节能环保产品的，得3分。", 3),
    ]),
]
TITLE = "某市公共机构节能考核评分表"
TOTAL = 76  # categories 40 + 30 + 6; the items add up to 78
PLANTED = "节能管理: category says 30, items sum to 32"

EXPECTED_ITEMS: list[tuple[list[str], float, list[float]]] = [
    (["目标完成情况", "能源消费总量控制"], 10, [10, 0]),
    (["目标完成情况", "单位建筑面积能耗下降"], 15, [15, 8, 0]),
    (["目标完成情况", "人均综合能耗下降"], 15, [15, 8, 0]),
    (["节能管理", "管理机构"], 3, [2, 1]),
    (["节能管理", "管理制度"], 3, [3]),  # 每项得1分，最高得3分: the cap
    (["节能管理", "能源计量"], 3, [3, 0]),
    (["节能管理", "统计报送"], 3, [3, 1]),  # 扣1分: a deduction keeps its magnitude, kind says so
    (["节能管理", "能源审计"], 3, [3]),
    (["节能管理", "节能改造"], 3, [3]),
    (["节能管理", "合同能源管理"], 2, [2]),
    (["节能管理", "宣传培训"], 3, [3]),
    (["节能管理", "节能考核"], 3, [3]),
    (["节能管理", "节水管理"], 3, [3, 0]),
    (["节能管理", "垃圾分类"], 3, [3]),
    (["绿色办公", "无纸化办公"], 3, [3]),
    (["绿色办公", "绿色采购"], 3, [3]),
]


def _summary(st: ScoringTable) -> list[tuple[list[str], float | None, list[float | None]]]:
    return [(i.path, i.points, [c.points for c in i.criteria]) for i in st.items]


def _assert_rubric(doc: Document) -> ScoringTable:
    """The checks every format must pass: paths, points, criteria points, total, the plant."""
    (st,) = doc.scoring_tables
    assert st.title == TITLE
    assert _summary(st) == EXPECTED_ITEMS
    assert st.total_points == TOTAL
    assert PLANTED in st.inconsistencies
    assert st.inconsistencies == [PLANTED, "table: total says 76, items sum to 78"]
    assert [(c["name"], c["points"]) for c in st.categories] == [
        ("目标完成情况", 40), ("节能管理", 30), ("绿色办公", 6)]
    for item in st.items:  # every item and criterion points at its own words in the text
        assert item.span is not None
        assert doc.text[item.span[0] : item.span[1]].endswith(item.path[-1])
        for c in item.criteria:
            assert c.span is not None
            assert c.text.replace("，", "")[:4] in doc.text[c.span[0] : c.span[1]].replace("，", "")
    deduction = st.items[6].criteria[1]
    assert (deduction.text, deduction.points, deduction.kind) == ("每迟报一次扣1分", 1, "deduction")
    return st


# --------------------------------------------------------------------------- PDF


def _pdf_rubric(*, split_category_at: int, spacer: int) -> bytes:
    """A reportlab rubric; category 二 is drawn as two merged blocks so that its second
    block (category cell left empty, as real PDFs do) falls on page 2 under a repeated header.
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    body = ParagraphStyle("cell", fontName="STSong-Light", fontSize=10, leading=14, wordWrap="CJK")
    head = ParagraphStyle("title", fontName="STSong-Light", fontSize=14, leading=22)

    def para(text: str) -> Paragraph:
        return Paragraph(text, body)

    rows: list[list[object]] = [[para("考核指标"), para("考核内容"), para("评分标准"), para("分值")]]
    style: list[tuple[object, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), "STSong-Light"),
        ("GRID", (0, 0), (-1, -1), 0.5, "black"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]
    for heading, items in RUBRIC:
        blocks = [items]
        if heading.startswith("二"):
            blocks = [items[:split_category_at], items[split_category_at:]]
        for b, block in enumerate(blocks):
            first = len(rows)
            for k, (name, criteria, points) in enumerate(block):
                label = para(heading) if k == 0 and b == 0 else ""
                rows.append([label, para(name), para(criteria), para(str(points))])
            style.append(("SPAN", (0, first), (0, len(rows) - 1)))
    rows.append([para("合计"), "", "", para(str(TOTAL))])
    style.append(("SPAN", (0, len(rows) - 1), (2, len(rows) - 1)))
    table = Table(rows, colWidths=[90, 100, 240, 40], repeatRows=1)
    table.setStyle(TableStyle(style))
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4).build(
        [Paragraph("附件1", head), Paragraph(TITLE, head), Spacer(1, spacer), table])
    return buf.getvalue()


@pytest.fixture(scope="module")
def pdf_doc() -> Document:
    (doc,) = process_bytes(_pdf_rubric(split_category_at=4, spacer=200), "rubric.pdf")
    return doc


def test_pdf_rubric_through_pdfplumber(pdf_doc: Document) -> None:
    st = _assert_rubric(pdf_doc)
    assert len(pdf_doc.tables) == 2  # one table per page, joined into one rubric
    assert any("continues the table on page 1 (header row repeated)" in w for w in pdf_doc.warnings)
    pages = {tuple(i.path): i.page for i in st.items}
    assert pages[("目标完成情况", "能源消费总量控制")] == 1
    assert pages[("绿色办公", "绿色采购")] == 2
    managed = [i.page for i in st.items if i.path[0] == "节能管理"]
    assert managed[0] == 1 and managed[-1] == 2  # the category runs across the page break
    assert st.page == 1


def test_pdf_wrapped_cell_text_is_joined(pdf_doc: Document) -> None:
    """pdfplumber breaks cell text at each visual wrap; criteria come back as one clause."""
    (st,) = pdf_doc.scoring_tables
    first = st.items[3].criteria[0]
    assert first.text == "明确节能管理机构和工作职责，并将节能工作纳入单位年度工作计划的"
    assert "\n" not in first.text and " " not in first.text


# --------------------------------------------------------------------------- DOCX


def _docx_rubric() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("附件1")
    document.add_paragraph(TITLE)
    n_rows = 1 + sum(len(items) for _, items in RUBRIC) + 1
    table = document.add_table(rows=n_rows, cols=4)
    table.style = "Table Grid"
    for c, header in enumerate(["考核指标", "考核内容", "评分标准", "分值"]):
        table.cell(0, c).text = header
    r = 1
    for heading, items in RUBRIC:
        first = r
        for name, criteria, points in items:
            table.cell(r, 1).text = name
            table.cell(r, 2).text = criteria
            table.cell(r, 3).text = str(points)
            r += 1
        table.cell(first, 0).text = heading
        if r - 1 > first:
            table.cell(first, 0).merge(table.cell(r - 1, 0))  # python-docx repeats it below
    table.cell(r, 0).text = "合计"
    table.cell(r, 0).merge(table.cell(r, 2))
    table.cell(r, 3).text = str(TOTAL)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def test_docx_rubric_with_merged_cells() -> None:
    (doc,) = process_bytes(_docx_rubric(), "rubric.docx")
    _assert_rubric(doc)
    (table,) = doc.tables
    category = next(c for c in table.cells if c.text.startswith("二、"))
    assert category.rowspan == 11  # one merged cell, not eleven copies


# --------------------------------------------------------------------------- HTML


def _html_rubric() -> bytes:
    rows = ['<tr><th>考核指标</th><th>考核内容</th><th>评分标准</th><th>分值</th></tr>']
    for heading, items in RUBRIC:
        for k, (name, criteria, points) in enumerate(items):
            paragraphs = "".join(f"<p>{part}</p>" for part in criteria.split("；"))
            lead = f'<td rowspan="{len(items)}">{heading}</td>' if k == 0 else ""
            rows.append(f"<tr>{lead}<td>{name}</td><td>{paragraphs}</td><td>{points}</td></tr>")
    rows.append(f'<tr><td colspan="3">合计</td><td>{TOTAL}</td></tr>')
    page = (f"<html><head><title>{TITLE}</title></head><body><div class='article'>"
            f"<p>附件1</p><p>{TITLE}</p><table border='1'>{''.join(rows)}</table></div></body></html>")
    return page.encode("utf-8")


def test_html_rubric_with_rowspan_colspan_and_paragraph_cells() -> None:
    (doc,) = process_bytes(_html_rubric(), "rubric.html")
    _assert_rubric(doc)


# --------------------------------------------------------------------------- not rubrics


PARAMETER_TABLE = """<html><body><p>表1 相关参数取值</p><table border='1'>
<tr><th>序号</th><th>参数名称</th><th>单位</th><th>取值</th></tr>
<tr><td>1</td><td>燃煤单位热值含碳量</td><td>tC/GJ</td><td>0.02858</td></tr>
<tr><td>2</td><td>碳氧化率</td><td>%</td><td>98</td></tr>
<tr><td>3</td><td>电网排放因子</td><td>tCO2/MWh</td><td>0.5271</td></tr>
</table></body></html>"""


def test_parameter_table_is_not_a_rubric() -> None:
    (doc,) = process_bytes(PARAMETER_TABLE.encode("utf-8"), "params.html")
    assert len(doc.tables) == 1 and doc.scoring_tables == []


# --------------------------------------------------------------------------- real PDFs


@pytest.mark.slow
@pytest.mark.parametrize("prefix", ["r06", "r07", "r08", "r09"])
def test_real_pdfs_without_rubrics(real_pdf_dir: Path, prefix: str) -> None:
    """r06 scores in prose (its 评分表 appendices are not in the file); r07-r09 are full of
    indicator and parameter tables: none of them is a rubric."""
    (path,) = real_pdf_dir.glob(f"{prefix}_*.pdf")
    (doc,) = process_file(path)
    if prefix != "r06":
        assert len(doc.tables) >= 10
    assert doc.scoring_tables == []
