"""The pdfium fast path gives pdfplumber's lines, and leaves tables and odd pages to pdfplumber."""

from __future__ import annotations

import io

import pytest

from extract.ingest import pdf_fast
from extract.ingest.pdf import _read_page, open_plumber, read_pdf
from extract.settings import Settings

from .conftest import SCORING_ROWS, SENTENCES, _draw_table, _register_font

pdfplumber = pytest.importorskip("pdfplumber")
pytest.importorskip("pypdfium2")

SUPERSCRIPT_LINE = ("二氧化碳排放", "2", "万吨，较上年下降10", "4", "吨。")
# The same line ending in one glyph: where no installed font has it, pdfium gives that object
# of a font the file does not embed (STSong-Light) no width and skips it like a space.
LONE_GLYPH_LINE = ("二氧化碳排放", "2", "万吨，较上年下降10", "4", "吨")


def _page(canvas, spec: dict, font: str) -> None:
    """Draw one page: lines, a line with a subscript and a superscript, a table, a rule, bold twice."""
    y = 770.0
    for line in spec.get("lines", []):
        canvas.setFont(font, 12)
        canvas.drawString(72, y, line)
        y -= 20
    if spec.get("scripts"):  # CO2-style subscript and 10^4-style superscript, smaller and off the baseline
        text = canvas.beginText(72, y)
        for k, part in enumerate(SUPERSCRIPT_LINE if spec["scripts"] is True else spec["scripts"]):
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
    with open_plumber(data) as pdf:
        return [_read_page(page, i + 1).items for i, page in enumerate(pdf.pages)]


@pytest.mark.parametrize("index,fast", list(enumerate(FAST)))
def test_pdf_fast_decides_per_page(mixed_pdf: bytes, index: int, fast: bool) -> None:
    document = pdf_fast.open_document(mixed_pdf)
    page = pdf_fast.read_fast_page(document, index)
    assert (page is not None) == fast
    if page is not None:
        assert page.lines == _plumber_items(mixed_pdf)[index]


def test_pdf_fast_reads_white_shading_as_pdfplumber_does() -> None:
    """White unstroked shading rules nothing on blank paper: pdfium reads the page, with
    pdfplumber's text (its pseudo-table dropped); over an image the page goes to pdfplumber."""
    from .conftest import build_pdf

    shaded = build_pdf([{"lines": SENTENCES * 2, "shading": True}])
    page = pdf_fast.read_fast_page(pdf_fast.open_document(shaded), 0)
    assert page is not None and page.lines == _plumber_items(shaded)[0]
    over_image = build_pdf([{"lines": SENTENCES * 2, "shading": True, "image": True}])
    assert pdf_fast.read_fast_page(pdf_fast.open_document(over_image), 0) is None


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


def test_pdf_fast_never_drops_a_glyph_of_a_font_not_embedded() -> None:
    """Regression: on a machine without a Chinese font, pdfium skipped the lone "吨" as a space
    and the fast path read "较上年下降104" for "较上年下降104吨". A text object of no width in a
    font the file does not embed now leaves the page to pdfplumber (elsewhere both agree)."""
    data = _pdf([{"lines": SENTENCES[:1], "scripts": LONE_GLYPH_LINE}])
    fast, slow = read_pdf(data, Settings()), read_pdf(data, Settings(), fast=False)
    assert "较上年下降104吨" in slow.raw_text.replace(" ", "")
    assert fast.raw_text == slow.raw_text


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
    with open_plumber(data) as pdf:
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


# --------------------------------------------------------------------------- work done (not timings)


def _counting_plumber(monkeypatch) -> list[int]:
    opened: list[int] = []
    real_open = pdfplumber.open

    def counting_open(*args, **kwargs):
        opened.append(1)
        return real_open(*args, **kwargs)

    monkeypatch.setattr(pdfplumber, "open", counting_open)
    return opened


def test_pdf_fast_all_plain_pages_never_open_pdfplumber(monkeypatch) -> None:
    data = _pdf([{"lines": SENTENCES}, {"lines": SENTENCES[:1], "scripts": True}])
    expected = read_pdf(data, Settings(), fast=False)
    opened = _counting_plumber(monkeypatch)
    result = read_pdf(data, Settings())
    assert opened == [], "every page is plain text: pdfminer has nothing to read"
    assert (result.raw_text, result.page_starts, result.warnings) == (expected.raw_text, expected.page_starts,
                                                                     expected.warnings)


def test_pdf_fast_a_table_page_opens_pdfplumber_once(monkeypatch, mixed_pdf: bytes) -> None:
    opened = _counting_plumber(monkeypatch)
    read_pdf(mixed_pdf, Settings())
    assert opened == [1]


def _outcome(data: bytes) -> str:
    from extract.errors import CorruptFile, EncryptedFile

    try:
        result = read_pdf(data, Settings())
    except (CorruptFile, EncryptedFile) as e:
        return f"{type(e).__name__}: {e}"
    return result.raw_text + repr(result.page_starts) + repr(result.warnings)


def _eager_outcome(monkeypatch, data: bytes) -> str:
    """What read_pdf gave when pdfminer opened every file first (before pdfplumber was opened lazily)."""
    with monkeypatch.context() as m:
        m.setattr("extract.ingest.pdf.sound_structure", lambda document: False)
        return _outcome(data)


def test_pdf_fast_repaired_xref_keeps_pdfminers_reason(monkeypatch, real_pdf_dir) -> None:
    """Regression: pdfium repairs a broken startxref and reads every page; pdfminer rejects the file.

    The reason recorded must stay pdfminer's, so pdfium's repair sends the file to pdfminer first.
    """
    [path] = sorted(real_pdf_dir.glob("r01_*.pdf"))
    data = path.read_bytes()
    broken = data[:data.rfind(b"startxref")] + b"startxref\n999999\n%%EOF\n"
    document = pdf_fast.open_document(broken)
    assert document is not None and not pdf_fast.sound_structure(document)
    assert all(pdf_fast.read_fast_page(document, i) is not None for i in range(len(document)))
    opened = _counting_plumber(monkeypatch)
    outcome = _outcome(broken)
    assert outcome.startswith("CorruptFile: truncated or corrupt PDF: PdfminerException")
    assert opened == [1]
    assert outcome == _eager_outcome(monkeypatch, broken)


def test_pdf_fast_encrypted_file_goes_to_pdfminer_first(monkeypatch) -> None:
    """An encrypted file pdfium opens (empty user password) is shown to pdfminer first all the same."""
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas as rl_canvas

    from .conftest import _register_font

    buf = io.BytesIO()
    canvas = rl_canvas.Canvas(buf, encrypt=pdfencrypt.StandardEncryption("", ownerPassword="owner"))
    canvas.setFont(_register_font(), 12)
    canvas.drawString(72, 770, SENTENCES[0])
    canvas.showPage()
    canvas.save()
    data = buf.getvalue()
    document = pdf_fast.open_document(data)
    assert document is not None and not pdf_fast.sound_structure(document)
    opened = _counting_plumber(monkeypatch)
    outcome = _outcome(data)
    assert opened == [1]
    assert outcome == _eager_outcome(monkeypatch, data)


def _counting_api(monkeypatch) -> dict[str, int]:
    api = pdf_fast._api()
    calls: dict[str, int] = {}
    for name in [n for n in vars(api) if n.startswith(("Text_", "TextObj_", "PageObj_", "Font_"))]:
        fn = getattr(api, name)

        def counted(*args, _fn=fn, _name=name):
            calls[_name] = calls.get(_name, 0) + 1
            return _fn(*args)

        monkeypatch.setattr(api, name, counted)
    return calls


def test_pdf_fast_four_pdfium_calls_a_char(monkeypatch) -> None:
    """Per char: its object, its Unicode-map error, its origin and its loose box; the rest once a run."""
    data = _pdf([{"lines": SENTENCES * 3}])
    document = pdf_fast.open_document(data)
    calls = _counting_api(monkeypatch)
    page = pdf_fast.read_fast_page(document, 0)
    assert page is not None
    chars = sum(len(line) for line in page.lines)
    runs = calls["Text_GetMatrix"]
    assert runs <= len(SENTENCES) * 3
    assert calls["Text_GetCharOrigin"] == calls["Text_GetLooseCharBox"] == calls["Text_HasUnicodeMapError"] >= chars
    assert calls.get("Text_GetCharBox", 0) <= runs, "the ink box is read only where it decides a cut"
    per_char = sum(n for name, n in calls.items() if name.startswith("Text_")) / chars
    assert per_char < 4.5


def test_pdf_fast_chars_to_lines_asks_ends_only_where_they_decide() -> None:
    asked: list[str] = []

    def ends_exactly(char) -> bool:
        asked.append(char[0])
        return True

    # x1 known within [x1 - 2, x1]: the gap 甲-乙 (1) and 丙-丁 (6) cut or not either way; 乙-丙 (2.5) does not
    chars = [("甲", 0, 10, 0, 10, 8), ("乙", 11, 21, 0, 10, 19), ("丙", 23.5, 33.5, 0, 10, 31.5),
             ("丁", 39.5, 49.5, 0, 10, 47.5)]
    assert pdf_fast.chars_to_lines(chars, ends_exactly) == ["甲乙丙 丁"]
    assert asked == ["乙"]
    with pytest.raises(pdf_fast.AmbiguousLayout):
        pdf_fast.chars_to_lines(chars)


def test_pdf_fast_rounding_memo_is_bounded() -> None:
    data = _pdf([{"lines": SENTENCES}])
    document = pdf_fast.open_document(data)
    pdf_fast._ROUNDED.update({float(k): float(k) for k in range(pdf_fast.MEMO_LIMIT + 1)})
    assert pdf_fast.read_fast_page(document, 0) is not None
    assert len(pdf_fast._ROUNDED) < 1000
