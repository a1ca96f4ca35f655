"""The pdfium fast path gives pdfplumber's lines, and leaves tables and odd pages to pdfplumber."""

from __future__ import annotations

import io

import pytest

from extract.ingest import pdf_fast
from extract.ingest.pdf import _read_page, read_pdf
from extract.settings import Settings

from .conftest import SCORING_ROWS, SENTENCES, _draw_table, _register_font

pdfplumber = pytest.importorskip("pdfplumber")
pytest.importorskip("pypdfium2")

SUPERSCRIPT_LINE = ("二氧化碳排放", "2", "万吨，较上年下降10", "4", "吨")


def _page(canvas, spec: dict, font: str) -> None:
    """Draw one page: lines, a line with a subscript and a superscript, a table, a rule, bold twice."""
    y = 770.0
    for line in spec.get("lines", []):
        canvas.setFont(font, 12)
        canvas.drawString(72, y, line)
        y -= 20
    if spec.get("scripts"):  # CO2-style subscript and 10^4-style superscript, smaller and off the baseline
        text = canvas.beginText(72, y)
        for k, part in enumerate(SUPERSCRIPT_LINE):
            small = k % 2 == 1
            text.setFont(font, 7 if small else 12)
            text.setRise((-3 if k == 1 else 5) if small else 0)
            text.textOut(part)
        canvas.drawText(text)
        y -= 20
    if spec.get("rule"):  # one rule under a letterhead: no table
        canvas.line(72, y, 520, y)
        y -= 20
    if spec.get("table"):
        _draw_table(canvas, spec["table"], 72, y - 10, 150, 24)
        canvas.setFont(font, 12)
    if spec.get("bold_twice"):  # fake bold: the same string drawn twice, a hair apart
        canvas.setFont(font, 12)
        canvas.drawString(72, 100, SENTENCES[0])
        canvas.drawString(72.3, 100, SENTENCES[0])
    canvas.showPage()


def _pdf(pages: list[dict]) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas as rl_canvas

    font = _register_font()
    buf = io.BytesIO()
    canvas = rl_canvas.Canvas(buf, pagesize=A4)
    for spec in pages:
        _page(canvas, spec, font)
    canvas.save()
    return buf.getvalue()


# fmt: off
PAGES = [
    {"lines": SENTENCES},                                          # 1 plain text
    {"lines": SENTENCES[:1], "scripts": True},                     # 2 sub- and superscripts
    {"lines": ["附件", "节能目标责任评价考核计分表"], "table": SCORING_ROWS},  # 3 a ruled table
    {"lines": SENTENCES[1:], "rule": True},                         # 4 one rule: no table possible
    {"lines": SENTENCES[2:], "bold_twice": True},                   # 5 text drawn twice
]
FAST = [True, True, False, True, False]
# fmt: on


@pytest.fixture(scope="module")
def mixed_pdf() -> bytes:
    return _pdf(PAGES)


def _plumber_items(data: bytes) -> list[list]:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [_read_page(page, i + 1).items for i, page in enumerate(pdf.pages)]


@pytest.mark.parametrize("index,fast", list(enumerate(FAST)))
def test_pdf_fast_decides_per_page(mixed_pdf: bytes, index: int, fast: bool) -> None:
    document = pdf_fast.open_document(mixed_pdf)
    page = pdf_fast.read_fast_page(document, index)
    assert (page is not None) == fast
    if page is not None:
        assert page.lines == _plumber_items(mixed_pdf)[index]


def test_pdf_fast_superscript_lines_as_pdfplumber(mixed_pdf: bytes) -> None:
    page = pdf_fast.read_fast_page(pdf_fast.open_document(mixed_pdf), 1)
    assert page is not None
    assert page.lines == _plumber_items(mixed_pdf)[1]
    assert any("二氧化碳排放" in line for line in page.lines)


def test_pdf_fast_read_pdf_same_as_pdfplumber(mixed_pdf: bytes) -> None:
    fast, slow = read_pdf(mixed_pdf, Settings()), read_pdf(mixed_pdf, Settings(), fast=False)
    assert fast.raw_text == slow.raw_text
    assert fast.page_starts == slow.page_starts
    assert fast.warnings == slow.warnings
    assert repr(fast.tables) == repr(slow.tables) and len(fast.tables) == 1


def test_pdf_fast_unopenable_bytes_give_no_document() -> None:
    assert pdf_fast.open_document(b"%PDF-1.4 not really") is None


# fmt: off
# (text, x0, x1, top, bottom) chars; each case is checked against pdfplumber's own extract_text.
LINE_CASES = [
    # one line, a gap of more than 3 points cuts a word
    [("到", 0, 10, 0, 10), ("2", 10, 15, 0, 10), ("年", 20, 30, 0, 10)],
    # a subscript 2 points lower stays on the line; one 4 points lower starts its own
    [("C", 0, 6, 0, 10), ("O", 6, 12, 0, 10), ("2", 12, 15, 2, 9), ("排", 15, 25, 0, 10)],
    [("C", 0, 6, 0, 10), ("O", 6, 12, 0, 10), ("2", 12, 15, 4, 9), ("排", 15, 25, 0, 10)],
    # tops chained within 3 points make one cluster: the middle one bridges the others
    [("甲", 0, 10, 0, 10), ("乙", 10, 20, 2.5, 12.5), ("丙", 20, 30, 5, 15), ("丁", 0, 10, 20, 30)],
    # chars out of order, a space, a ligature, and a char drawn before the previous one's end
    [("b", 30, 35, 0, 10), ("a", 0, 5, 0, 10), (" ", 5, 8, 0, 10), ("ﬁ", 8, 13, 0, 10), ("x", 12, 17, 0, 10)],
    # a word that starts left of the previous char's start is cut
    [("甲", 10, 20, 0, 10), ("乙", 5, 15, 0, 10)],
]
# fmt: on


@pytest.mark.parametrize("chars", LINE_CASES)
def test_pdf_fast_chars_to_lines_is_pdfplumbers_rule(chars: list[tuple]) -> None:
    from pdfplumber.utils.text import chars_to_textmap

    dicts = [{"text": t, "x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": top, "upright": True,
              "height": bottom - top, "width": x1 - x0, "size": bottom - top} for t, x0, x1, top, bottom in chars]
    expected = chars_to_textmap(dicts, layout=False).as_string
    ours = pdf_fast.chars_to_lines([(t, x0, x1, top, bottom, x1) for t, x0, x1, top, bottom in chars])
    assert "\n".join(ours) == expected


def _real_pages(real_pdf_dir, prefix: str, limit: int, *, plumber: bool = True) -> list[tuple[int, object, object]]:
    [path] = sorted(real_pdf_dir.glob(f"{prefix}_*.pdf"))
    data = path.read_bytes()
    document = pdf_fast.open_document(data)
    out = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for i, page in enumerate(pdf.pages[:limit]):
            fast = pdf_fast.read_fast_page(document, i)
            out.append((i + 1, fast, _read_page(page, i + 1) if plumber else None))
    return out


@pytest.mark.parametrize("prefix,limit", [("r01", 99), ("r02", 99), ("r03", 99), ("r04", 99), ("r05", 99),
                                          ("r06", 99), ("r07", 99), ("r08", 99), ("r09", 40), ("r10", 99),
                                          ("r11", 99), ("r12", 99)])
def test_pdf_fast_real_pages_as_pdfplumber(real_pdf_dir, prefix: str, limit: int) -> None:
    for number, fast, slow in _real_pages(real_pdf_dir, prefix, limit):
        if fast is None:
            continue
        assert fast.lines == slow.items, f"{prefix} page {number}"
        assert (fast.has_images, fast.full_page_image) == (slow.has_images, slow.full_page_image)


def test_pdf_fast_real_text_pdfs_mostly_fast(real_pdf_dir) -> None:
    """The text PDFs r01-r04 go through pdfium, page for page (not a timing: the decision)."""
    decided = [fast is not None for prefix in ("r01", "r02", "r03", "r04")
               for _, fast, _ in _real_pages(real_pdf_dir, prefix, 99, plumber=False)]
    assert sum(decided) >= 0.9 * len(decided)
