"""The pdfium fast path: a page's text lines exactly as pdfplumber would give them, read through pypdfium2.

pdfplumber spends ~95% of a PDF's time in pdfminer's content-stream interpreter; pdfium parses the
same page ~20x faster. Its own text (``get_text_range``) is not pdfplumber's, though: it comes in
its own order with its own spaces and line breaks, and its characters differ from pdfminer's
(runs of spaces collapsed, repeated glyphs dropped, end-of-line hyphens rewritten). So this module
takes pdfium's characters and their geometry only, puts them back in content-stream order and
rebuilds pdfplumber's ``extract_text()`` with pdfplumber's own rule (:func:`chars_to_lines`).
Sub- and superscripts then land on the lines pdfplumber puts them on.

A page goes this way only when that is known to give the same text (:func:`read_fast_page`
returns ``None`` otherwise, and the caller reads the page with pdfplumber):

* **no ruled table is possible**: pdfplumber's table finder needs at least three horizontal and
  three vertical ruling lines more than ``TABLE_SNAP`` apart for a 2 x 2 table; the page's path
  objects are read (every segment, control points included, in page space) and the page falls
  back when they hold that many; also pages with form XObjects or shadings (not walked here);
* **every character is plain**: upright, neither rotated nor skewed, on its object's baseline
  (no vertical writing), mapped to Unicode, not an end-of-line hyphen that pdfium rewrites, not
  ``ActualText`` replacement text, not an invisible OCR layer; no full-page scan image;
* **no text object is dropped**: pdfium skips a text object that repeats the one before it
  (fake bold), and pdfminer keeps both; a page with such an object falls back. Objects of zero
  width (a lone space glyph) are skipped by pdfium too: they become the space pdfminer reads;
* **every word cut is decided exactly**: a space pdfium made of a TJ gap (after which it drops a
  real space) must sit in a gap wide enough to cut anyway; a glyph whose ink reaches past its
  advance hides where it ends, which must not decide a cut; a gap of exactly ``X_TOLERANCE``
  between two non-Chinese characters is decided by pdfminer's rounding noise.

pdfminer's box of a character (which pdfplumber groups by) spans from the font's descent below
the baseline to ``size`` above that, and from the origin over the advance width. pdfium gives the
origin, the font's descent, and a loose box that is the advance box joined with the ink box.
"""

from __future__ import annotations

import ctypes
import functools
import itertools
import logging
import threading
from ctypes import byref, c_double, c_float, c_int, c_void_p
from dataclasses import dataclass
from typing import Any

from .pdf_lines import X_TOLERANCE, AmbiguousLayout, Char, chars_to_lines, plausible_descent

__all__ = ["FastPage", "chars_to_lines", "close_document", "open_document", "page_count", "read_fast_page",
           "sound_structure"]

LOGGER = logging.getLogger(__name__)
# pdfium is not thread-safe, not even across documents (pypdfium2's docs): one call at a time.
PDFIUM_LOCK = threading.RLock()

# pdfplumber's table finder snaps ruling lines closer than this (snap_tolerance) into one.
TABLE_SNAP = 3.0
# A kept table has at least two rows and two columns: three ruling lines each way.
MIN_RULINGS = 3
# A segment this close to axis-parallel may be one of pdfplumber's edges (it tests exact equality).
AXIS_EPSILON = 0.5
# Pages with more path segments than this are drawings (seals, charts): pdfplumber reads them.
MAX_PATH_SEGMENTS = 4000
# extract.ingest.pdf calls a page with an image over 0.8 of it a scan; pdfplumber reads any page
# with an image over this share (page areas may differ a little between the two readers).
SCAN_SUSPECT_SHARE = 0.5
# Decimals kept of every position (see _page_chars).
PRECISION = 3
# The loose box's right edge is the advance only when it lies beyond the ink by more than this.
INK_EPSILON = 1e-3
# How far (in ems) a glyph's ink may reach past its advance: bounds where such a char ends.
MAX_OVERHANG = 0.15
# Text render mode 3 (neither filled nor stroked): the OCR layer of a scan, where pdfium drops overlapping glyphs.
INVISIBLE = 3


@dataclass(slots=True)
class FastPage:
    """What :mod:`extract.ingest.pdf` needs of a page read by pdfium."""

    lines: list[str]
    has_images: bool
    full_page_image: bool


class _NotPlain(Exception):
    """The page holds something the fast path does not reproduce; pdfplumber reads it."""


# --------------------------------------------------------------------------- pdfium calls


@functools.lru_cache(maxsize=1)
def _api() -> Any:
    """pdfium functions with plain ``c_void_p`` handles (pypdfium2's typed pointers cost per call)."""
    import pypdfium2.raw as raw

    def fn(f: Any, restype: Any, *argtypes: Any) -> Any:
        return ctypes.CFUNCTYPE(restype, *argtypes)(ctypes.cast(f, c_void_p).value)

    class Api:
        pass

    api = Api()
    p, i = c_void_p, c_int
    for name, restype, *args in [
        ("FPDFText_CountChars", i, p), ("FPDFText_GetTextObject", p, p, i),
        ("FPDFText_GetLooseCharBox", i, p, i, p), ("FPDFText_GetCharOrigin", i, p, i, p, p),
        ("FPDFText_GetCharBox", i, p, i, p, p, p, p),
        ("FPDFText_IsGenerated", i, p, i), ("FPDFText_HasUnicodeMapError", i, p, i),
        ("FPDFText_GetFontSize", c_double, p, i), ("FPDFText_GetMatrix", i, p, i, p),
        ("FPDFTextObj_GetFont", p, p), ("FPDFTextObj_GetTextRenderMode", i, p),
        ("FPDFTextObj_GetFontSize", i, p, p), ("FPDFFont_GetDescent", i, p, c_float, p),
        ("FPDFPage_CountObjects", i, p), ("FPDFPage_GetObject", p, p, i), ("FPDFPageObj_GetType", i, p),
        ("FPDFPageObj_GetBounds", i, p, p, p, p, p), ("FPDFPageObj_GetMatrix", i, p, p),
        ("FPDFPageObj_CountMarks", i, p), ("FPDFPageObj_GetMark", p, p, ctypes.c_ulong),
        ("FPDFPageObjMark_GetParamValueType", i, p, ctypes.c_char_p),
        ("FPDFPath_CountSegments", i, p), ("FPDFPath_GetPathSegment", p, p, i),
        ("FPDFPathSegment_GetPoint", i, p, p, p), ("FPDFPathSegment_GetType", i, p),
        ("FPDFPathSegment_GetClose", i, p), ("FPDFPath_GetDrawMode", i, p, p, p),
        ("FPDFPageObj_GetFillColor", i, p, p, p, p, p),
        ("FPDFFont_GetIsEmbedded", i, p),
    ]:
        setattr(api, name.removeprefix("FPDF"), fn(getattr(raw, name), restype, *args))
    api.TEXT, api.PATH, api.IMAGE = raw.FPDF_PAGEOBJ_TEXT, raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_IMAGE
    api.FS_MATRIX = raw.FS_MATRIX
    api.FS_RECTF = raw.FS_RECTF
    return api


def _handle(obj: Any) -> int:
    return ctypes.cast(obj.raw, c_void_p).value or 0


# --------------------------------------------------------------------------- page


def open_document(data: bytes) -> Any | None:
    """A pypdfium2 document, or None when pdfium cannot open it (pdfplumber then reads every page)."""
    try:
        import pypdfium2 as pdfium

        with PDFIUM_LOCK:
            return pdfium.PdfDocument(data)
    except Exception as e:  # noqa: BLE001 - any pdfium failure only means: no fast path
        LOGGER.debug("pdfium cannot open the PDF (%s): pdfplumber reads it", e)
        return None


def close_document(pdf: Any) -> None:
    with PDFIUM_LOCK:
        pdf.close()


def sound_structure(pdf: Any) -> bool:
    """pdfium read the file's own cross-reference table (repaired nothing) and it is not encrypted.

    A file pdfium had to repair (truncated, a broken xref) may be one pdfminer rejects; an
    encrypted one may use a cipher pdfminer lacks: pdfminer must see those first.
    """
    import pypdfium2.raw as raw

    with PDFIUM_LOCK:
        return bool(raw.FPDF_DocumentHasValidCrossReferenceTable(pdf.raw)) and \
            raw.FPDF_GetSecurityHandlerRevision(pdf.raw) == -1


def page_count(pdf: Any) -> int:
    with PDFIUM_LOCK:
        return len(pdf)


def read_fast_page(pdf: Any, index: int) -> FastPage | None:
    """Page ``index`` (0-based) read by pdfium, or None when pdfplumber must read it."""
    with PDFIUM_LOCK:
        return _read_fast_page(pdf, index)


def _read_fast_page(pdf: Any, index: int) -> FastPage | None:
    page = textpage = None
    try:
        page = pdf[index]
        objects = _page_objects(_handle(page), float(page.get_width()) * float(page.get_height()))
        textpage = page.get_textpage()
        chars, ends_exactly = _page_chars(textpage, objects.texts)
        return FastPage(lines=_lines(chars_to_lines(chars, ends_exactly)), has_images=objects.images > 0,
                        full_page_image=objects.full_page_image)
    except (_NotPlain, AmbiguousLayout) as e:
        LOGGER.debug("page %d: %s: pdfplumber reads it", index + 1, e)
        return None
    except Exception as e:  # noqa: BLE001 - a page pdfium cannot read is read by pdfplumber
        LOGGER.debug("page %d: pdfium failed (%s: %s): pdfplumber reads it", index + 1, type(e).__name__, e)
        return None
    finally:
        if textpage is not None:
            textpage.close()
        if page is not None:
            page.close()


def _lines(lines: list[str]) -> list[str]:
    return [s for s in (line.strip() for line in lines) if s]


@dataclass(slots=True)
class _Objects:
    texts: dict[int, int]  # text object -> its place in the content
    images: int
    full_page_image: bool


def _page_objects(page: int, area: float) -> _Objects:
    """The page's text objects and images; raises _NotPlain when a ruled table is possible."""
    api = _api()
    left, bottom, right, top = (c_float() for _ in range(4))
    bounds = byref(left), byref(bottom), byref(right), byref(top)
    out = _Objects(texts={}, images=0, full_page_image=False)
    xs: list[float] = []
    ys: list[float] = []
    hidden_xs: list[float] = []  # sides of white, unstroked shapes: no ruling on blank paper (pdf.py)
    hidden_ys: list[float] = []
    segments = 0
    for j in range(api.Page_CountObjects(page)):
        obj = api.Page_GetObject(page, j)
        kind = api.PageObj_GetType(obj)
        if kind == api.TEXT:
            out.texts[obj] = j
        elif kind == api.PATH:
            if _white_unstroked(api, obj):
                segments += _path_rulings(api, obj, hidden_xs, hidden_ys)
            else:
                segments += _path_rulings(api, obj, xs, ys)
            if segments > MAX_PATH_SEGMENTS:
                raise _NotPlain("a drawing of many path segments")
        elif kind == api.IMAGE:
            api.PageObj_GetBounds(obj, *bounds)
            out.images += 1
            out.full_page_image |= (right.value - left.value) * (top.value - bottom.value) >= SCAN_SUSPECT_SHARE * area
        else:  # form XObject (or shading): its content is not walked here
            raise _NotPlain(f"page object of type {kind}")
    if out.full_page_image:
        raise _NotPlain("a scan (an image over half the page)")
    if out.images:  # white over an image is ink: pdf.py keeps every table found on such a page
        xs, ys = xs + hidden_xs, ys + hidden_ys
    if _spread(xs) >= MIN_RULINGS and _spread(ys) >= MIN_RULINGS:
        raise _NotPlain("ruling lines that may form a table")
    return out


def _white_unstroked(api: Any, path: int) -> bool:
    """Filled white and not stroked (Word's paragraph shading): the shapes pdf.py's table
    finder ignores on a page without images, so they cannot make this page a table either."""
    fill, stroke = c_int(), c_int()
    if not api.Path_GetDrawMode(path, byref(fill), byref(stroke)) or not fill.value or stroke.value:
        return False
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    return bool(api.PageObj_GetFillColor(path, byref(r), byref(g), byref(b), byref(a))) and r.value == g.value == b.value == 255


def _path_rulings(api: Any, path: int, xs: list[float], ys: list[float]) -> int:
    """Add the x of every vertical-ish and the y of every horizontal-ish segment; return the segment count.

    A superset of pdfplumber's edges: lines, rectangle sides, consecutive curve points (control
    points included) and a closing segment, every one in page space.
    """
    m = api.FS_MATRIX()
    api.PageObj_GetMatrix(path, byref(m))
    x, y = c_float(), c_float()
    n = api.Path_CountSegments(path)
    points: list[tuple[float, float]] = []
    start: tuple[float, float] | None = None
    for k in range(n):
        seg = api.Path_GetPathSegment(path, k)
        api.PathSegment_GetPoint(seg, byref(x), byref(y))
        pt = (m.a * x.value + m.c * y.value + m.e, m.b * x.value + m.d * y.value + m.f)
        if api.PathSegment_GetType(seg) == 2 or start is None:  # FPDF_SEGMENT_MOVETO
            start = pt
        points.append(pt)
        if api.PathSegment_GetClose(seg):
            points.append(start)
    if len(points) == 2 and abs(points[0][1] - points[1][1]) > AXIS_EPSILON:
        xs.append(min(points[0][0], points[1][0]))  # pdfplumber takes any non-horizontal line as vertical
    for (x0, y0), (x1, y1) in itertools.pairwise(points):
        if abs(x0 - x1) <= AXIS_EPSILON:
            xs.append(x0)
        if abs(y0 - y1) <= AXIS_EPSILON:
            ys.append(y0)
    return n


def _spread(values: list[float]) -> int:
    """How many of ``values`` can be picked with more than TABLE_SNAP between any two (greedy: the most)."""
    picked = 0
    last = float("-inf")
    for v in sorted(values):
        if v > last + TABLE_SNAP:
            picked += 1
            last = v
            if picked >= MIN_RULINGS:
                break
    return picked


# --------------------------------------------------------------------------- characters

# round(v, PRECISION) of positions seen before: most x positions recur (a grid of Chinese glyphs),
# and round() with decimals is the costliest call per char. Cleared when it grows past MEMO_LIMIT.
_ROUNDED: dict[float, float] = {}
MEMO_LIMIT = 50_000


def _page_chars(textpage: Any, texts: dict[int, int]) -> tuple[list[Char], Any]:
    """pdfium's characters with pdfminer's boxes, in content-stream order (pdfminer's); raises _NotPlain.

    Returns the chars and :func:`chars_to_lines`'s ``ends_exactly`` for them. Positions are
    rounded to ``PRECISION`` decimals: pdfium keeps them as float32, pdfminer as float64, and a
    gap of exactly X_TOLERANCE (Word's 1/4-em space between Chinese and digits) must not fall
    either way by rounding noise. Four pdfium calls a char (its object, Unicode-map error,
    origin, loose box); what is the same for a run of one text object's chars (size, descent,
    baseline, hence top and bottom) is read once a run.
    """
    api = _api()
    tp = _handle(textpage)
    n = api.Text_CountChars(tp)
    text = textpage.get_text_range() if n > 0 else ""
    if len(text) != n:
        raise _NotPlain("text index differs from char index")
    if "\ufffe" in text or "\x02" in text or "\x00" in text:
        raise _NotPlain("a glyph without Unicode or a rewritten hyphen")
    rect, m = api.FS_RECTF(), api.FS_MATRIX()
    ox, oy, fsize = c_double(), c_double(), c_float()
    p_rect, p_m, p_ox, p_oy = byref(rect), byref(m), byref(ox), byref(oy)
    get_object, get_origin, get_loose = api.Text_GetTextObject, api.Text_GetCharOrigin, api.Text_GetLooseCharBox
    is_generated, map_error = api.Text_IsGenerated, api.Text_HasUnicodeMapError
    fonts: dict[int, tuple[int, float, float, float]] = {}  # text object -> (place, size, descent offset, overhang)
    descents: dict[int, float] = {}  # font -> descent per unit of size
    rounded = _ROUNDED
    if len(rounded) > MEMO_LIMIT:
        rounded.clear()
    out: list[Char] = []
    runs: list[tuple[int, int]] = []  # (first char in out, place) of each run of one object's chars
    kerned: list[int] = []
    last = None
    place = -1
    in_order = True
    size = off = overhang = baseline = top = bottom = 0.0
    for i, ch in enumerate(text):
        obj = get_object(tp, i)
        if ch in " \r\n" and is_generated(tp, i) == 1:  # ch is one character
            if ch != " " or not obj:
                continue  # pdfium's own line breaks and spaces between objects
            kerned.append(len(out))  # a space pdfium made of a TJ gap (it drops a real space after it)
            continue
        if map_error(tp, i) == 1:
            raise _NotPlain("a glyph without Unicode")
        get_origin(tp, i, p_ox, p_oy)
        if obj != last:  # a new run of one text object's chars
            font = fonts.get(obj)
            if font is None:
                font = fonts[obj] = _font_box(api, tp, i, obj, texts.get(obj), m, p_m, descents)
            if font[0] < place:
                in_order = False
            place, size, off, overhang = font
            runs.append((len(out), place))
            last = obj
            baseline = oy.value
            v = -(baseline + off)
            bottom = rounded.get(v)
            if bottom is None:
                bottom = rounded[v] = round(v, PRECISION)
            v = bottom - size
            top = rounded.get(v)
            if top is None:
                top = rounded[v] = round(v, PRECISION)
        elif oy.value != baseline:  # one text object's glyphs share a baseline unless written vertically
            raise _NotPlain("vertical writing")
        get_loose(tp, i, p_rect)
        v = ox.value
        x0 = rounded.get(v)
        if x0 is None:
            x0 = rounded[v] = round(v, PRECISION)
        v = rect.right
        x1 = rounded.get(v)
        if x1 is None:
            x1 = rounded[v] = round(v, PRECISION)
        # pdfium's loose box is the advance box joined with the ink box: its right edge is the
        # advance (pdfminer's x1) when the ink ends before it; else x1 lies within MAX_OVERHANG
        # below it. Which of the two is asked only where it decides a word cut (ends_exactly).
        v = x1 - overhang
        out.append((ch, x0, x1, top, bottom, x0 if v < x0 else v, i))
    for k in kerned:  # harmless where the gap cuts the word anyway; else pdfminer may have a space there
        if 0 < k < len(out) and out[k][1] - out[k - 1][2] <= X_TOLERANCE:
            raise _NotPlain("a space that pdfium may have merged")
    spaces = _skipped_spaces(api, texts, fonts, fsize, descents)
    if spaces or not in_order:
        out = _content_order(out, runs, spaces)
    return out, functools.partial(_ends_exactly, api, tp)


def _content_order(chars: list[Char], runs: list[tuple[int, int]], spaces: list[tuple[int, Char]]) -> list[Char]:
    """The chars sorted by their object's place in the content, stable (pdfium's order within an object).

    An object's place is its own, so the skipped spaces (of objects without chars) tie with no char.
    """
    places: list[int] = []
    for (start, place), (end, _) in itertools.pairwise([*runs, (len(chars), -1)]):
        places.extend([place] * (end - start))
    for place, space in spaces:
        places.append(place)
        chars.append(space)
    return [chars[k] for k in sorted(range(len(chars)), key=places.__getitem__)]


def _ends_exactly(api: Any, tp: int, char: Char) -> bool:
    """Whether pdfium's loose right edge of ``char`` is its advance (its ink ends before it)."""
    i = char[6]
    if i < 0:
        return True
    rect, ink_right, ignored = api.FS_RECTF(), c_double(), c_double()
    api.Text_GetLooseCharBox(tp, i, byref(rect))
    api.Text_GetCharBox(tp, i, byref(ignored), byref(ink_right), byref(ignored), byref(ignored))
    return rect.right > ink_right.value + INK_EPSILON


def _font_box(api: Any, tp: int, i: int, obj: int, place: int | None, m: Any, p_m: Any,
              descents: dict[int, float]) -> tuple[int, float, float, float]:
    """(place, size, offset of the box's bottom below the baseline, MAX_OVERHANG of size) of text object ``obj``."""
    if place is None:
        raise _NotPlain("a character without a text object on the page (ActualText, form)")
    api.Text_GetMatrix(tp, i, p_m)
    if m.b != 0 or m.c != 0 or m.a <= 0 or m.d <= 0:
        raise _NotPlain("rotated, skewed or mirrored text")
    if api.TextObj_GetTextRenderMode(obj) == INVISIBLE:
        raise _NotPlain("invisible text (an OCR layer)")
    if api.PageObj_CountMarks(obj) and _has_actual_text(api, obj):
        raise _NotPlain("ActualText replacement")
    size = api.Text_GetFontSize(tp, i) * m.d
    return place, size, _descent(api, obj, descents) * size, MAX_OVERHANG * size


def _descent(api: Any, obj: int, descents: dict[int, float]) -> float:
    """The font's descent per unit of size, negative as pdfminer has it (a broken one mended, as in pdf.py)."""
    font = api.TextObj_GetFont(obj)
    if font not in descents:
        d = c_float()
        if not font or not api.Font_GetDescent(font, c_float(1.0), byref(d)):
            raise _NotPlain("font without metrics")
        descents[font] = plausible_descent(d.value if d.value <= 0 else -d.value)
    return descents[font]


def _has_actual_text(api: Any, obj: int) -> bool:
    for k in range(api.PageObj_CountMarks(obj)):
        mark = api.PageObj_GetMark(obj, k)
        if mark and api.PageObjMark_GetParamValueType(mark, b"ActualText") != 0:  # 0: FPDF_OBJECT_UNKNOWN
            return True
    return False


def _skipped_spaces(api: Any, texts: dict[int, int], seen: Any,
                    fsize: c_float, descents: dict[int, float]) -> list[tuple[int, Char]]:
    """The spaces of text objects pdfium skipped for having no width; raises _NotPlain for other skips."""
    out: list[tuple[int, Char]] = []
    m = api.FS_MATRIX()
    left, right, ignored = c_float(), c_float(), c_float()
    for obj, place in texts.items():
        if obj in seen:
            continue
        api.PageObj_GetBounds(obj, byref(left), byref(ignored), byref(right), byref(ignored))
        if right.value - left.value > 0.01:
            raise _NotPlain("a text object pdfium dropped (drawn twice?)")
        font = api.TextObj_GetFont(obj)
        if not font or api.Font_GetIsEmbedded(font) != 1:
            # no width may be a glyph this machine's substitute for a font the file does not
            # embed lacks, not a space ("吨" in STSong-Light where no Chinese font is installed)
            raise _NotPlain("a text object of no width in a font the file does not embed")
        api.PageObj_GetMatrix(obj, byref(m))
        if m.b != 0 or m.a <= 0 or m.d <= 0 or not api.TextObj_GetFontSize(obj, byref(fsize)):
            raise _NotPlain("a skipped text object of unknown geometry")
        size = fsize.value * m.d
        bottom = round(-(m.f + _descent(api, obj, descents) * size), PRECISION)
        x = round(m.e, PRECISION)
        out.append((place, (" ", x, x, round(bottom - size, PRECISION), bottom, x, -1)))
    return out
