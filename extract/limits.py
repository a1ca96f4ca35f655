"""Limits that keep one input from hanging or exhausting a batch (named in ``Settings``).

Each check is cheap and runs BEFORE the expensive step it protects: the zip directory
is read before anything is inflated, HTML tags are counted before the page is parsed,
text length is checked before the stages run.  A refusal raises :class:`LimitExceeded`,
whose message is the one-line reason the batch records.  The per-document time limit
is not here: only the batch can enforce it (it kills the worker, see
:mod:`extract.workers`).
"""

from __future__ import annotations

import io
import re
import zipfile

from .errors import CorruptFile, FileTooLarge, LimitExceeded, UnsupportedFormat
from .settings import Settings

# An opening tag: "<p", "<div class=x", "<b" (not "</p", "<!--", "<?xml", "<%").
_OPEN_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9:-]*)")
# Any tag, opening or closing, with its name and whether it closes itself ("<br/>").
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)[^>]*?(/?)>")
# Elements that never hold children, or whose end tag is optional and implied by the next
# sibling (<p>, <li>, <td>...): sloppy but real pages leave thousands of them unclosed,
# which is not nesting.
_NOT_NESTING = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody",
    "tfoot", "colgroup", "rb", "rt", "rp", "rtc", "caption",
})
# A DOCX paragraph, table cell or table row element in document.xml.
_DOCX_NODE = re.compile(rb"<w:(?:p|tc|tr)[\s>/]")
# Any element of document.xml ("<w:r>", "<w:rFonts .../>").
_DOCX_ELEMENT = re.compile(rb"<[A-Za-z]")
# XML elements a real paragraph carries (runs, properties, fonts): python-docx parses the
# whole document.xml into lxml (~150 bytes per element), so elements are capped too.
DOCX_ELEMENTS_PER_NODE = 10


def check_file_size(size: int, settings: Settings) -> None:
    if size > settings.max_file_bytes:
        raise FileTooLarge(f"file too large: {size} bytes > max_file_bytes {settings.max_file_bytes}")


def check_document_chars(n_chars: int, settings: Settings, what: str = "text") -> None:
    """Refuse a document whose text is longer than ``max_document_chars``."""
    if n_chars > settings.max_document_chars:
        raise LimitExceeded(f"document too long: {n_chars} characters of {what} > max_document_chars "
                            f"{settings.max_document_chars}")


def check_html(text: str, settings: Settings) -> None:
    """Refuse an HTML page with too many elements or too deep a nesting, before parsing it.

    The depth is estimated from the tag sequence (opening tags push, closing tags pop
    to their match); it is what a parser would build at most.
    """
    n_tags = sum(1 for _ in _OPEN_TAG.finditer(text))
    if n_tags > settings.max_nodes:
        raise LimitExceeded(f"too many HTML elements: {n_tags} > max_nodes {settings.max_nodes}")
    depth = html_depth(text, stop_at=settings.max_nesting_depth)
    if depth > settings.max_nesting_depth:
        raise LimitExceeded(f"HTML nested too deep: more than {settings.max_nesting_depth} levels "
                            f"(max_nesting_depth)")


def html_depth(text: str, stop_at: int | None = None) -> int:
    """Deepest open-element nesting the tags of ``text`` describe (estimate, see above)."""
    stack: list[str] = []
    deepest = 0
    for m in _TAG.finditer(text):
        closing, name, self_closing = m.group(1), m.group(2).lower(), m.group(3)
        if name in _NOT_NESTING or self_closing:
            continue
        if closing:
            if name in stack:
                del stack[len(stack) - 1 - stack[::-1].index(name):]
            continue
        stack.append(name)
        if len(stack) > deepest:
            deepest = len(stack)
            if stop_at is not None and deepest > stop_at:
                break
    return deepest


def check_zip(data: bytes, settings: Settings) -> zipfile.ZipFile:
    """Open a zip container, refusing it before inflating when its members are too big.

    zipfile never inflates a member past its declared size, so the directory's sizes
    bound what reading it can cost; a DOCX whose ``document.xml`` holds more paragraphs
    than ``max_nodes`` is refused too (counted in a streaming read).

    Raises:
        CorruptFile, UnsupportedFormat, LimitExceeded.
    """
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as e:
        raise CorruptFile(f"truncated or corrupt zip container (DOCX): {e}") from e
    except NotImplementedError as e:  # "zip file version 6.8": a format zipfile cannot read
        raise UnsupportedFormat(f"unsupported zip container: {e}") from e
    total = sum(max(i.file_size, 0) for i in infos)
    if total > settings.max_decompressed_bytes:
        raise LimitExceeded(f"zip inflates to {total} bytes > max_decompressed_bytes "
                            f"{settings.max_decompressed_bytes} (zip bomb?)")
    return zf


def check_docx_nodes(zf: zipfile.ZipFile, settings: Settings) -> None:
    """Count paragraphs, rows and cells of ``word/document.xml`` without parsing it."""
    count = elements = 0
    max_elements = settings.max_nodes * DOCX_ELEMENTS_PER_NODE
    tail = b""
    try:
        with zf.open("word/document.xml") as member:
            while chunk := member.read(1 << 20):
                block = tail + chunk
                tail = block[-8:]
                # matches inside the tail are counted again with the next chunk
                count += len(_DOCX_NODE.findall(block)) - len(_DOCX_NODE.findall(tail))
                elements += len(_DOCX_ELEMENT.findall(block)) - len(_DOCX_ELEMENT.findall(tail))
                if count > settings.max_nodes:
                    raise LimitExceeded(f"too many DOCX paragraphs and cells: more than {settings.max_nodes} "
                                        f"(max_nodes)")
                if elements > max_elements:
                    raise LimitExceeded(f"too many DOCX XML elements: more than {max_elements} "
                                        f"({DOCX_ELEMENTS_PER_NODE} x max_nodes)")
    except KeyError:
        return
    except LimitExceeded:
        raise
    except Exception as e:  # noqa: BLE001 - zipfile/zlib raise many types (zlib.error, EOFError...) for broken members
        raise CorruptFile(f"corrupt DOCX: {type(e).__name__}: {e}") from e
