"""PDF -> raw text page by page, with native tables, page starts and unreadable pages.

pdfplumber gives text per page and ruled tables per page; a page that cannot hold a ruled table
and holds only plain text is read through pdfium instead (:mod:`.pdf_fast`: the same lines, ~10x
faster). Three things make real
government PDFs hard (see the real corpus' SOURCES.md):

* shaded rectangles come back as single-column "tables": only tables with at least two
  rows and two columns are kept;
* on table pages ``extract_text`` interleaves lines of neighbouring cells, so text inside
  a kept table's box is taken from the table, and the rest of the page from the chars
  outside every table box, band by band so that reading order is kept;
* merged cells come back as ``None``: the grid is rebuilt from the cell rectangles, so
  each merged cell becomes one Cell with its rowspan/colspan.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass, field
from typing import Any

from ..errors import CorruptFile, EncryptedFile, NoTextLayer
from ..settings import Settings
from .layout import CellSpec, RawTextBuilder, cell_text
from .pdf_fast import FastPage, close_document, open_document, page_count, read_fast_page, sound_structure
from .pdf_furniture import FurnitureReport, repeated_edge_keys, strip_page_edges
from .pdf_lines import plausible_descent

LOGGER = logging.getLogger(__name__)

# A "table" narrower than this many columns or rows is a shaded box or a fragment.
MIN_TABLE_COLS = 2
MIN_TABLE_ROWS = 2
# Cell-grid coordinates closer than this (points) are the same ruling line.
GRID_EPSILON = 0.5
# A table found with invisible shapes is kept when visible lines alone rule a table over this
# share of its area.
VISIBLE_TABLE_SHARE = 0.5
# An image covering this share of the page makes it a scan (its text, if any, is OCR).
SCAN_IMAGE_SHARE = 0.8
# More "(cid:" glyphs than this on a page means its font has no Unicode map.
MAX_CID_GLYPHS = 10
NO_TEXT_LAYER = "no text layer (scanned PDF; OCR not supported)"


@dataclass(slots=True)
class PageTable:
    specs: list[CellSpec]
    n_cols: int
    header: tuple[str, ...]


@dataclass(slots=True)
class PageContent:
    """One page in reading order: text lines and tables (``str`` | ``PageTable`` items)."""

    number: int
    items: list[Any] = field(default_factory=list)
    n_chars: int = 0
    has_images: bool = False
    full_page_image: bool = False
    cid_glyphs: int = 0


@dataclass(slots=True)
class PdfResult:
    raw_text: str
    page_starts: list[int]
    tables: list
    unreadable_pages: list[int]
    warnings: list[str]
    front_matter: dict[str, Any]


def read_pdf(data: bytes, settings: Settings, *, fast: bool = True) -> PdfResult:
    """Read every page; raise NoTextLayer when no page has text.

    ``fast=False`` reads every page with pdfplumber (the fast path gives the same text; tests compare).
    """
    pages = _read_pages(data, fast=fast)
    min_chars = settings.min_page_chars
    unreadable = [p.number for p in pages if p.n_chars < min_chars and p.has_images]
    if not any(p.n_chars >= min_chars for p in pages):
        raise NoTextLayer(NO_TEXT_LAYER)
    report = _strip_furniture(pages)
    builder = RawTextBuilder()
    starts: list[int] = []
    warnings: list[str] = []
    previous: PageTable | None = None
    for page in pages:
        builder.end_line()
        starts.append(builder.length)
        for idx, item in enumerate(page.items):
            if isinstance(item, str):
                builder.add_line(item)
                previous = None
                continue
            if idx == 0 and previous is not None and _continues(previous, item):
                repeated = " (header row repeated)" if item.header == previous.header else ""
                warnings.append(f"table on page {page.number} continues the table on page {page.number - 1}"
                                f"{repeated}")
            builder.add_table(item.specs, page=page.number)
            previous = item
    if unreadable:
        warnings.insert(0, unreadable_warning(unreadable))
    ocr = [p.number for p in pages if p.full_page_image and p.n_chars >= min_chars]
    if ocr:
        warnings.append(page_list_warning(ocr, "is a scan with an OCR text layer", "are scans with an OCR text layer")
                        + " (text may contain recognition errors)")
    warnings.extend(f"page {p.number}: {p.cid_glyphs} glyphs without Unicode mapping (cid:N)"
                    for p in pages if p.cid_glyphs > MAX_CID_GLYPHS)
    LOGGER.debug("pdf: %d pages, %d tables, %d furniture lines removed", len(pages), len(builder.tables),
                 report.removed)
    return PdfResult(raw_text=builder.text(), page_starts=starts, tables=builder.tables,
                     unreadable_pages=unreadable, warnings=warnings, front_matter=report.front_matter)


def unreadable_warning(pages: list[int]) -> str:
    """'pages 3-6, 8 have no text layer (scanned; OCR not supported)'."""
    return page_list_warning(pages, "has no text layer", "have no text layer") + " (scanned; OCR not supported)"


def page_list_warning(pages: list[int], singular: str, plural: str) -> str:
    """'page 3 <singular>' or 'pages 3-6, 8 <plural>' with consecutive pages as ranges."""
    ranges: list[str] = []
    start = prev = pages[0]
    for n in [*pages[1:], None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        ranges.append(str(start) if start == prev else f"{start}-{prev}")
        if n is not None:
            start = prev = n
    many = len(pages) > 1
    return f"{'pages' if many else 'page'} {', '.join(ranges)} {plural if many else singular}"


# --------------------------------------------------------------------------- pages


def _read_pages(data: bytes, *, fast: bool = True) -> list[PageContent]:
    """Each page through pdfium when :mod:`.pdf_fast` vouches for it, else through pdfplumber.

    pdfplumber (pdfminer) is opened only when a page needs it, or when pdfium cannot vouch for
    the file's structure: pdfminer's verdict on a corrupt, truncated or encrypted file (its
    reason, or its page count) is the one recorded, and opening it costs ~20 ms of parsing.
    """
    document = open_document(data) if fast else None
    try:
        read: dict[int, FastPage | None] = {}
        if document is not None and sound_structure(document):
            count = page_count(document)
            for i in range(count):
                read[i] = read_fast_page(document, i)
                if read[i] is None:
                    break
            else:
                if count:
                    return [_fast_content(page, i + 1) for i, page in read.items() if page is not None]
        return _read_pages_plumber(data, document, read)
    finally:
        if document is not None:
            close_document(document)


def _read_pages_plumber(data: bytes, document: Any | None, read: dict[int, FastPage | None]) -> list[PageContent]:
    """pdfplumber's pages, each read by pdfium when it vouches for it (``read``: pages already tried)."""
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    try:
        pdf = open_plumber(data)
    except Exception as e:  # noqa: BLE001 - pdfminer raises many unrelated types for bad files
        encrypted = _encryption_error(e, (PDFPasswordIncorrect, PDFEncryptionError))
        if encrypted is not None:  # pdfplumber wraps it in PdfminerException
            raise EncryptedFile(f"encrypted PDF (password required; {type(encrypted).__name__})") from e
        raise CorruptFile(f"truncated or corrupt PDF: {type(e).__name__}: {e}".rstrip(": ")) from e
    try:
        with pdf:
            if not pdf.pages:
                raise CorruptFile("truncated or corrupt PDF: no pages")
            return [_read_page_fast(page, i + 1, document, read) for i, page in enumerate(pdf.pages)]
    except (CorruptFile, NoTextLayer):
        raise
    except Exception as e:  # noqa: BLE001
        raise CorruptFile(f"truncated or corrupt PDF: {type(e).__name__}: {e}".rstrip(": ")) from e


def open_plumber(data: bytes) -> Any:
    """pdfplumber's PDF of ``data``, its fonts' metrics mended as the fast path mends them."""
    import pdfplumber

    pdf = pdfplumber.open(io.BytesIO(data))
    _mend_font_metrics(pdf.rsrcmgr)
    return pdf


def _mend_font_metrics(rsrcmgr: Any) -> None:
    """Fonts with an implausible descent get the typical one as pdfminer loads them.

    pdfminer hangs each char's box below the baseline by its font's descent, and lines are
    clustered by box top; pdfium's fast path mends the same fonts the same way
    (:func:`.pdf_lines.plausible_descent`), so both readers still give the same lines.
    """
    get_font = rsrcmgr.get_font

    def get_mended_font(objid: Any, spec: Any) -> Any:
        font = get_font(objid, spec)
        descent = font.get_descent()
        mended = plausible_descent(descent)
        if mended != descent and font.vscale:
            font.descent = mended / font.vscale
        return font

    rsrcmgr.get_font = get_mended_font


def _read_page_fast(page: Any, number: int, document: Any | None, read: dict[int, FastPage | None]) -> PageContent:
    """The page read by pdfium when it holds plain text only (no table possible), else by pdfplumber."""
    index = number - 1
    if index in read:
        fast = read[index]
    else:
        fast = read_fast_page(document, index) if document is not None else None
    if fast is None:
        return _read_page(page, number)
    page.close()
    return _fast_content(fast, number)


def _fast_content(fast: FastPage, number: int) -> PageContent:
    return PageContent(number=number, items=list(fast.lines), has_images=fast.has_images,
                       full_page_image=fast.full_page_image, n_chars=sum(_visible(line) for line in fast.lines),
                       cid_glyphs=sum(line.count("(cid:") for line in fast.lines))


def _visible(text: str) -> int:
    """Characters that are not whitespace (``str.split`` and ``str.isspace`` share one definition)."""
    return len("".join(text.split()))


def _encryption_error(error: BaseException, kinds: tuple[type, ...]) -> BaseException | None:
    """The password error inside ``error`` (its cause, context or first argument), if any."""
    seen: list[BaseException] = []
    todo: list[Any] = [error]
    while todo:
        e = todo.pop()
        if not isinstance(e, BaseException) or any(e is s for s in seen):
            continue
        if isinstance(e, kinds):
            return e
        seen.append(e)
        todo.extend([e.__cause__, e.__context__, *e.args[:1]])
    return None


def _read_page(page: Any, number: int) -> PageContent:
    content = PageContent(number=number, has_images=bool(page.images),
                          full_page_image=_has_full_page_image(page))
    tables = [t for t in (_page_table(t) for t in _ruled_tables(page)) if t is not None]
    if not tables:
        text = page.extract_text() or ""
        content.items = _lines(text)
    else:
        content.items = _text_around_tables(page, tables)
    for item in content.items:
        text = item if isinstance(item, str) else "".join(s.text for s in item[1].specs)
        content.n_chars += _visible(text)
        content.cid_glyphs += text.count("(cid:")
    content.items = [item if isinstance(item, str) else item[1] for item in content.items]
    page.close()
    return content


def _has_full_page_image(page: Any) -> bool:
    area = float(page.width * page.height) or 1.0
    return any((img["x1"] - img["x0"]) * (img["bottom"] - img["top"]) >= SCAN_IMAGE_SHARE * area
               for img in page.images)


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


def _text_around_tables(page: Any, tables: list[tuple[Any, PageTable]]) -> list[Any]:
    """Text bands above, beside and below each table, tables in between (top to bottom)."""
    boxes = [t.bbox for t, _ in tables]

    def outside(obj: dict[str, Any]) -> bool:
        if "x0" not in obj or "top" not in obj:
            return True
        x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes)

    rest = page.filter(outside)
    items: list[Any] = []
    y = float("-inf")
    for found, table in sorted(tables, key=lambda t: t[0].bbox[1]):
        top, bottom = found.bbox[1], found.bbox[3]
        items.extend(_band_lines(rest, y, top))
        items.append((found, table))
        items.extend(_band_lines(rest, top, bottom))  # text beside the table
        y = max(y, bottom)
    items.extend(_band_lines(rest, y, float("inf")))
    return items


def _band_lines(page: Any, top: float, bottom: float) -> list[str]:
    if top >= bottom:
        return []

    def in_band(obj: dict[str, Any]) -> bool:
        if "top" not in obj:
            return False
        return top <= (obj["top"] + obj["bottom"]) / 2 < bottom

    return _lines(page.filter(in_band).extract_text() or "")


# --------------------------------------------------------------------------- tables


def _ruled_tables(page: Any) -> list[Any]:
    """pdfplumber's tables, without those that no visible line rules.

    Word exports a paragraph's white shading as a white, unstroked rectangle behind every line;
    pdfplumber's table finder takes their sides for ruling lines and reads the page as a table of
    one row per line (b579 of the bulk corpus: 44 "rows", every line of prose cut into cells with
    tabs). On a page with such shapes a table is kept when the visible lines alone rule a table
    over most of it, so a real table whose cells are filled white keeps its grid as before.
    White is only invisible on blank paper: over an image (a scan's text layer, r12 of the real
    PDFs, rules its table with white cells over the scanned grid) every table is kept.
    """
    found = page.find_tables()
    if not found or page.images or all(_drawn(o) for o in (*page.rects, *page.curves)):
        return found
    ruled = [t.bbox for t in page.filter(_drawn).find_tables()]
    return [t for t in found if any(_overlap(r, t.bbox) >= VISIBLE_TABLE_SHARE * _area(t.bbox) for r in ruled)]


def _area(box: tuple[float, float, float, float]) -> float:
    return max(box[2] - box[0], 0.0) * max(box[3] - box[1], 0.0)


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> float:
    return _area((max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3])))


def _drawn(obj: dict[str, Any]) -> bool:
    """False for a shape nobody sees: filled white and not stroked, so its sides rule nothing."""
    if obj.get("object_type") not in ("rect", "curve") or not obj.get("fill") or obj.get("stroke"):
        return True
    return not _white(obj.get("non_stroking_color"))


def _white(color: Any) -> bool:
    """Gray 1, RGB (1, 1, 1) or CMYK (0, 0, 0, 0); anything else (a pattern, no colour) is ink."""
    if not isinstance(color, (tuple, list)) or not all(isinstance(c, (int, float)) for c in color):
        return False
    if len(color) in (1, 3):
        return all(c == 1 for c in color)
    return len(color) == 4 and all(c == 0 for c in color)


def _page_table(found: Any) -> tuple[Any, PageTable] | None:
    """A pdfplumber table as anchor cells, or None for single-column/row false positives."""
    rows = found.rows
    if len(rows) < MIN_TABLE_ROWS:
        return None
    texts = found.extract()
    xs = sorted({c[0] for c in found.cells})
    ys = sorted({c[1] for c in found.cells})
    if len(xs) < MIN_TABLE_COLS:
        return None
    specs: list[CellSpec] = []
    for r, row in enumerate(rows):
        for c, bbox in enumerate(row.cells):
            if bbox is None:
                continue
            colspan = sum(1 for x in xs if bbox[0] - GRID_EPSILON <= x < bbox[2] - GRID_EPSILON)
            rowspan = sum(1 for y in ys if bbox[1] - GRID_EPSILON <= y < bbox[3] - GRID_EPSILON)
            specs.append(CellSpec(row=r, col=c, text=texts[r][c] or "", rowspan=max(rowspan, 1),
                                  colspan=max(colspan, 1)))
    if not any(s.text.strip() for s in specs):
        return None
    header = tuple(cell_text(s.text) for s in specs if s.row == 0)
    return found, PageTable(specs=specs, n_cols=len(xs), header=header)


def _continues(previous: PageTable, table: PageTable) -> bool:
    """A table opening a page continues the one that closed the previous page."""
    return table.n_cols == previous.n_cols


# --------------------------------------------------------------------------- furniture


def _strip_furniture(pages: list[PageContent]) -> FurnitureReport:
    report = FurnitureReport()
    edge_lines = [_edge_text_lines(p) for p in pages]
    repeated = repeated_edge_keys(edge_lines)
    for page in pages:
        items = page.items
        lead = _leading_text(items)
        trail = _trailing_text(items[len(lead):])
        middle = items[len(lead): len(items) - len(trail)]
        if not middle:  # a page of text only: one run of lines with both edges
            page.items = strip_page_edges(lead, repeated, top=True, bottom=True, report=report)
            continue
        page.items = [*strip_page_edges(lead, repeated, top=True, bottom=False, report=report), *middle,
                      *strip_page_edges(trail, repeated, top=False, bottom=True, report=report)]
    return report


def _leading_text(items: list[Any]) -> list[str]:
    out: list[str] = []
    for item in items:
        if not isinstance(item, str):
            break
        out.append(item)
    return out


def _trailing_text(items: list[Any]) -> list[str]:
    out: list[str] = []
    for item in reversed(items):
        if not isinstance(item, str):
            break
        out.append(item)
    return out[::-1]


def _edge_text_lines(page: PageContent) -> list[str]:
    """The page's lines where text (not a table) is at the edge; tables count as breaks."""
    lead = _leading_text(page.items)
    trail = _trailing_text(page.items[len(lead):]) if len(lead) < len(page.items) else []
    return lead[:2] + trail[-2:] if trail else lead
