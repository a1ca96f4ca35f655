"""PDF reading: generated PDFs (tables, footers, scanned pages) and the real corpus."""

from __future__ import annotations

import io
import re
import time

import pytest

from extract.errors import CorruptFile, NoTextLayer
from extract.ingest import ingest
from extract.ingest.pdf import unreadable_warning
from extract.settings import Settings

from .conftest import SCORING_ROWS, SENTENCES, assert_spans_consistent, build_pdf

SETTINGS = Settings()


def _one(data: bytes, name: str = "x.pdf"):
    [doc] = ingest(data, name, SETTINGS)
    return doc


@pytest.fixture(scope="module")
def table_pdf() -> bytes:
    return build_pdf([
        {"lines": SENTENCES[:2], "footer": "— 1 —"},
        {"lines": ["附件", "节能目标责任评价考核计分表"], "table": SCORING_ROWS, "after": [SENTENCES[2]],
         "footer": "— 2 —"},
        {"lines": ["（此件公开发布）"], "footer": "— 3 —"},
    ])


def test_pdf_pages_and_footers(table_pdf: bytes) -> None:
    doc = _one(table_pdf)
    assert doc.format == "pdf" and doc.encoding is None
    assert len(doc.raw_page_starts) == 3 and doc.raw_page_starts[0] == 0
    assert "—" not in doc.raw_text, "page-number footers must be removed"
    for sentence in SENTENCES:
        assert sentence in doc.raw_text
    page_2 = doc.raw_text[doc.raw_page_starts[1]:doc.raw_page_starts[2]]
    assert page_2.startswith("附件\n")
    assert doc.raw_text[doc.raw_page_starts[2]:].startswith("（此件公开发布）")
    assert doc.unreadable_pages == [] and doc.data == b""


def test_pdf_table_merged_cell_is_one_cell(table_pdf: bytes) -> None:
    doc = _one(table_pdf)
    [table] = doc.tables
    assert table.page == 2 and (table.n_rows, table.n_cols) == (3, 3)
    assert table.title == "节能目标责任评价考核计分表"  # the caption line just above it
    merged = [c for c in table.cells if c.rowspan > 1 or c.colspan > 1]
    assert [(c.row, c.col, c.rowspan, c.colspan, c.text) for c in merged] == [
        (1, 0, 2, 1, "节能目标（20分）")]
    assert doc.raw_text.count("能源总量控制目标") == 1, "table text must not be duplicated"
    assert "\t能耗强度降低目标\t10\n" in doc.raw_text
    assert_spans_consistent(doc)


def test_pdf_table_text_in_reading_order(table_pdf: bytes) -> None:
    text = _one(table_pdf).raw_text
    assert text.index("计分表") < text.index("考核指标") < text.index(SENTENCES[2])
    assert "计分表\n\n考核指标\t考核内容\t分值\n" in text


PROSE = [
    "到2025年，绿色低碳循环发展经济体系基本形成，产业结构和能源结构优化",
    "调整取得明显进展，重点行业能源利用效率大幅提升，绿色低碳生活全面推行，",
    "政策体系基本形成。",
    "到2035年，广泛形成绿色生产生活方式，碳排放达峰后稳中有降，生态环境",
    "根本好转，美丽中国建设目标基本实现。",
    "各地区、各有关部门要进一步压实工作责任，加强督促落实。",
]


def test_pdf_white_shading_is_no_table() -> None:
    """White unstroked boxes behind prose rule nothing: the page is prose, not a table of lines."""
    doc = _one(build_pdf([{"lines": PROSE, "shading": True}]))
    assert doc.tables == []
    assert "\t" not in doc.raw_text
    assert "经济体系基本形成" in doc.raw_text.replace("\n", "")


def test_pdf_white_shading_keeps_a_ruled_table() -> None:
    """A visible grid on a shaded page is still a table (a visible edge lies in it)."""
    doc = _one(build_pdf([{"lines": PROSE, "shading": True, "table": SCORING_ROWS}]))
    assert [len(t.cells) for t in doc.tables] == [8]
    assert_spans_consistent(doc)


def test_pdf_white_shading_over_an_image_is_kept() -> None:
    """Over an image white is ink (a scan's text layer may rule its table so): nothing is dropped."""
    plain = _one(build_pdf([{"lines": PROSE, "shading": True}]))
    over = _one(build_pdf([{"lines": PROSE, "shading": True, "image": True}]))
    assert plain.tables == [] and len(over.tables) == 1


def test_pdf_running_header_removed() -> None:
    pages = [{"header": ["内部资料 注意保存"], "lines": [s], "footer": f"- {i} -"} for i, s in enumerate(SENTENCES, 1)]
    doc = _one(build_pdf(pages))
    assert "内部资料" not in doc.raw_text
    assert doc.raw_text.split("\n")[:3] == SENTENCES


def test_pdf_partly_scanned_reports_pages() -> None:
    pages = [{"lines": [SENTENCES[0]]}, {"image": True}, {"image": True}, {"lines": [SENTENCES[1]]},
             {"image": True}]
    doc = _one(build_pdf(pages))
    assert doc.unreadable_pages == [2, 3, 5]
    assert "pages 2-3, 5 have no text layer (scanned; OCR not supported)" in doc.warnings
    assert len(doc.raw_page_starts) == 5


def test_pdf_all_scanned_raises_no_text_layer() -> None:
    with pytest.raises(NoTextLayer) as err:
        ingest(build_pdf([{"image": True}, {"image": True}]), "scan.pdf", SETTINGS)
    assert str(err.value) == "no text layer (scanned PDF; OCR not supported)"


@pytest.mark.parametrize("cut", [0.5, 0.2])
def test_pdf_truncated_raises_corrupt(table_pdf: bytes, cut: float) -> None:
    with pytest.raises(CorruptFile, match="truncated or corrupt PDF"):
        ingest(table_pdf[: int(len(table_pdf) * cut)], "cut.pdf", SETTINGS)


# fmt: off
@pytest.mark.parametrize("pages,expected", [
    ([3], "page 3 has no text layer (scanned; OCR not supported)"),
    ([3, 4, 5, 6, 8], "pages 3-6, 8 have no text layer (scanned; OCR not supported)"),
    ([1, 3, 5], "pages 1, 3, 5 have no text layer (scanned; OCR not supported)"),
])
# fmt: on
def test_pdf_unreadable_warning_ranges(pages: list[int], expected: str) -> None:
    assert unreadable_warning(pages) == expected


# --------------------------------------------------------------------------- real corpus


def _real(real_pdf_dir, prefix: str):
    [path] = sorted(real_pdf_dir.glob(f"{prefix}_*.pdf"))
    return _one(path.read_bytes(), str(path))


@pytest.mark.shared
def test_real_r01_doc_number_intact(real_pdf_dir) -> None:
    doc = _real(real_pdf_dir, "r01")
    assert "国发〔2021〕33号" in doc.raw_text
    assert len(doc.raw_page_starts) == 6 and doc.unreadable_pages == []


@pytest.mark.shared
def test_real_r02_bare_page_numbers_removed(real_pdf_dir) -> None:
    doc = _real(real_pdf_dir, "r02")
    assert not re.search(r"(?m)^\d{1,2}$", doc.raw_text)
    # the sentence broken by the footer "2" runs on into page 3 without it
    assert "能源\n资源配置更加合理" in doc.raw_text


@pytest.mark.shared
def test_real_r03_no_single_column_tables(real_pdf_dir) -> None:
    doc = _real(real_pdf_dir, "r03")
    assert doc.tables == []
    assert "国发〔2021〕33 号" in doc.raw_text


@pytest.mark.shared
def test_real_r05_scoring_tables_and_footers(real_pdf_dir) -> None:
    doc = _real(real_pdf_dir, "r05")
    assert not re.search(r"(?m)^— \d+ —$", doc.raw_text)
    assert len(doc.tables) >= 5
    merged = [c for t in doc.tables for c in t.cells if c.rowspan > 1]
    assert any(c.text == "一、低碳组织管 理（20分）" and c.rowspan == 4 for c in merged)
    assert any("continues the table on page 14" in w for w in doc.warnings)
    assert [t.page for t in doc.tables if t.page in (14, 15, 16)] == [14, 15, 16]
    assert_spans_consistent(doc)


@pytest.mark.shared
@pytest.mark.parametrize("prefix,pages", [("r10", [3, 4, 5, 6, 8]), ("r11", [5, 6, 7, 8, 9])])
def test_real_partly_scanned(real_pdf_dir, prefix: str, pages: list[int]) -> None:
    doc = _real(real_pdf_dir, prefix)
    assert doc.unreadable_pages == pages
    assert any("no text layer (scanned; OCR not supported)" in w for w in doc.warnings)


@pytest.mark.shared
def test_real_r12_ocr_layer_warned(real_pdf_dir) -> None:
    doc = _real(real_pdf_dir, "r12")
    assert doc.unreadable_pages == [19]
    assert "pages 1-18, 20 are scans with an OCR text layer (text may contain recognition errors)" in doc.warnings


@pytest.mark.shared
def test_real_r07_table_caption_and_continuations(real_pdf_dir) -> None:
    doc = _real(real_pdf_dir, "r07")
    titled = [t for t in doc.tables if t.title]
    assert titled[0].title == "表 1 近零碳排放区域试点主要指标体系" and titled[0].page == 11
    assert not re.search(r"(?m)^- \d+ -$", doc.raw_text)
    continued = [w for w in doc.warnings if "continues the table" in w]
    assert continued and all(doc.tables[i].title is None for i, t in enumerate(doc.tables)
                             if any(f"table on page {t.page} continues" in w for w in continued))


@pytest.mark.shared
def test_real_r10_web_print_header_kept_as_front_matter(real_pdf_dir) -> None:
    doc = _real(real_pdf_dir, "r10")
    assert "时间：2022-03-25" not in doc.raw_text
    assert doc.front_matter == {"date": "2022-03-25", "source": "生态环境部"}


@pytest.mark.shared
@pytest.mark.slow
def test_real_r09_stress(real_pdf_dir) -> None:
    started = time.perf_counter()
    doc = _real(real_pdf_dir, "r09")
    elapsed = time.perf_counter() - started
    assert len(doc.raw_page_starts) == 304
    assert len(doc.tables) > 100
    assert "粤环函〔2021〕103号" in doc.raw_text
    assert_spans_consistent(doc)
    print(f"r09: {elapsed:.1f} s")  # reported, not asserted: timing depends on the machine's load


# --------------------------------------------------------------------------- broken font metrics

# (declared descent per unit of size, descent used): only an impossible depth is replaced.
DESCENT_CASES = [(-0.12, -0.12), (-0.46, -0.46), (0.0, 0.0), (-1.03, -0.2), (-2.3, -0.2)]


@pytest.mark.parametrize("declared,used", DESCENT_CASES)
def test_pdf_plausible_descent(declared: float, used: float) -> None:
    from extract.ingest.pdf_lines import plausible_descent

    assert plausible_descent(declared) == used


def _broken_descent_pdf() -> bytes:
    """"达到的50%以上" on one baseline, the digits in a second CID font whose descriptor
    declares a 0.999 em descent (as E-BZ does in b164/b462: 1.03 em)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas as rl_canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    pdfmetrics.registerFont(UnicodeCIDFont("MSung-Light"))
    buf = io.BytesIO()
    canvas = rl_canvas.Canvas(buf)
    text = canvas.beginText(72, 700)
    for font, part in (("STSong-Light", "达到的"), ("MSung-Light", "50%"), ("STSong-Light", "以上")):
        text.setFont(font, 14.7)
        text.textOut(part)
    canvas.drawText(text)
    canvas.showPage()
    canvas.save()
    data = buf.getvalue()
    head, sep, tail = data.partition(b"/FontName /MSung-Light")
    start = head.rindex(b"/Descent -271")  # the same length: the xref offsets stay right
    return head[:start] + b"/Descent -999" + head[start + len(b"/Descent -271"):] + sep + tail


def test_pdf_digits_of_a_font_with_a_broken_descent_stay_on_their_line() -> None:
    """b462/b164: the digit font's boxes sat a line low, so pdfplumber printed
    "达到工业园区的以上。" with "50%" on the next line. Both readers mend the font."""
    import pdfplumber

    from extract.ingest.pdf import read_pdf

    data = _broken_descent_pdf()
    with pdfplumber.open(io.BytesIO(data)) as pdf:  # unmended: the digits a line low
        assert pdf.pages[0].extract_text().split("\n") == ["达到的 以上", "50%"]
    fast, slow = read_pdf(data, SETTINGS), read_pdf(data, SETTINGS, fast=False)
    assert fast.raw_text == slow.raw_text
    assert "达到的50%以上" in fast.raw_text


def test_real_b164_document_number_digits_in_place(bulk_pdf_dir) -> None:
    """Both readers (pdfium's fast path and pdfplumber) mend the same font the same way."""
    from extract.ingest.pdf import read_pdf

    data = (bulk_pdf_dir / "b164.pdf").read_bytes()
    fast, slow = read_pdf(data, SETTINGS), read_pdf(data, SETTINGS, fast=False)
    assert fast.raw_text == slow.raw_text
    assert "川办发〔2022〕30 号" in fast.raw_text
    assert "森林覆盖率达 41%" in fast.raw_text
