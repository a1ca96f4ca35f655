"""Builders of small real files (PDF via reportlab, DOCX via python-docx) for ingest tests."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest

from extract.model import Document, Table

# Real sentences from the seeds and real notice wording.
SENTENCES = [
    "到2025年，全区单位地区生产总值能源消耗比2020年下降15%。",
    "市能源局牵头负责推进全市党政机关开展节约型机关创建行动。",
    "各市直单位于2020年8月15日前将本单位节约型机关创建实施方案报市能源局。",
]
SCORING_ROWS = [
    ["考核指标", "考核内容", "分值"],
    ["节能目标（20分）", "能源总量控制目标", "10"],
    [None, "能耗强度降低目标", "10"],
]


def assert_spans_consistent(doc: Document) -> None:
    """Every table cell's raw_span slices exactly its text out of raw_text."""
    for table in doc.tables:
        assert_table_spans(doc.raw_text, table)


def assert_table_spans(raw_text: str, table: Table) -> None:
    seen = set()
    for cell in table.cells:
        assert cell.raw_span is not None
        start, end = cell.raw_span
        assert raw_text[start:end] == cell.text
        assert "\n" not in cell.text and "\t" not in cell.text
        for r in range(cell.row, cell.row + cell.rowspan):
            for c in range(cell.col, cell.col + cell.colspan):
                assert (r, c) not in seen, "merged cells overlap"
                seen.add((r, c))


def _register_font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    return "STSong-Light"


def _draw_table(canvas, rows: list[list[str | None]], x: float, top: float, col_w: float, row_h: float) -> None:
    """Ruled grid; a None cell continues the cell above (no rule between them)."""
    n_rows, n_cols = len(rows), len(rows[0])
    bottom = top - n_rows * row_h
    for c in range(n_cols + 1):
        canvas.line(x + c * col_w, top, x + c * col_w, bottom)
    canvas.line(x, top, x + n_cols * col_w, top)
    for r in range(1, n_rows + 1):
        y = top - r * row_h
        for c in range(n_cols):
            merged_below = r < n_rows and rows[r][c] is None
            if not merged_below:
                canvas.line(x + c * col_w, y, x + (c + 1) * col_w, y)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text:
                canvas.drawString(x + c * col_w + 4, top - r * row_h - row_h / 2 - 4, text)


def build_pdf(pages: list[dict]) -> bytes:
    """A PDF whose pages are dicts: lines (str list), table (rows), footer (str), image (bool),
    shading (bool: white unstroked boxes behind the lines)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas as rl_canvas

    font = _register_font()
    buf = io.BytesIO()
    canvas = rl_canvas.Canvas(buf, pagesize=A4)
    width, height = A4
    for spec in pages:
        canvas.setFont(font, 12)
        y = height - 72
        for line in spec.get("header", []):
            canvas.drawString(72, y, line)
            y -= 24
        for k, line in enumerate(spec.get("lines", [])):
            if spec.get("shading"):
                # Word's white paragraph shading: white, unstroked boxes behind each line (as in
                # b579 of the bulk corpus)
                # (one box per run of a formatting: a line of three runs has three boxes side by side)
                canvas.setFillColorRGB(1, 1, 1)
                for x0, x1 in ([(72, 222), (222, 372), (372, 522)] if k % 2 else [(72, 522)]):
                    canvas.rect(x0, y - 5, x1 - x0, 16, stroke=0, fill=1)
                canvas.setFillColorRGB(0, 0, 0)
            canvas.drawString(72, y, line)
            y -= 16 if spec.get("shading") else 20
        if spec.get("table"):
            rows = spec["table"]
            _draw_table(canvas, rows, 72, y - 10, 150, 24)
            y -= 10 + 24 * len(rows) + 20
            canvas.setFont(font, 12)
        for line in spec.get("after", []):
            canvas.drawString(72, y, line)
            y -= 20
        if spec.get("footer"):
            canvas.drawCentredString(width / 2, 40, spec["footer"])
        if spec.get("image"):
            from PIL import Image

            img = Image.new("RGB", (200, 280), (235, 235, 235))
            canvas.drawImage(ImageReader(img), 50, 50, width - 100, height - 100)
        canvas.showPage()
    canvas.save()
    return buf.getvalue()


def build_docx(blocks: list[tuple[str, object]]) -> bytes:
    """A DOCX of ('heading'|'paragraph', text) and ('table', (rows, merges)) blocks.

    ``merges`` is a list of ((r0, c0), (r1, c1)) corners passed to python-docx's merge().
    """
    import docx

    document = docx.Document()
    for kind, value in blocks:
        if kind == "heading":
            document.add_heading(str(value), level=1)
        elif kind == "paragraph":
            document.add_paragraph(str(value))
        else:
            rows, merges = value
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            for r, row in enumerate(rows):
                for c, text in enumerate(row):
                    if text:
                        table.cell(r, c).text = text
            for (r0, c0), (r1, c1) in merges:
                table.cell(r0, c0).merge(table.cell(r1, c1))
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


@pytest.fixture(scope="session")
def pdf_builder() -> Callable[[list[dict]], bytes]:
    return build_pdf


@pytest.fixture(scope="session")
def docx_builder() -> Callable[[list[tuple[str, object]]], bytes]:
    return build_docx


@pytest.fixture(scope="session")
def spans_consistent() -> Callable[[Document], None]:
    return assert_spans_consistent
