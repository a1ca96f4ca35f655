"""Ingest: a file's bytes -> Document(s) with raw_text, tables, pages and front matter.

The reader is chosen by content first (``%PDF``, a zip holding ``word/document.xml``,
HTML tags or JSP/ASPX directives, ``---`` front matter, JSON), by extension second; see
:mod:`.sniff`. Every reader writes text through :class:`.layout.RawTextBuilder`, so
paragraphs end with ``\\n`` and tables are blank-line-delimited tab-separated rows whose
cells carry ``raw_span`` into ``raw_text``.
"""

from __future__ import annotations

import hashlib
import logging

from .. import limits
from ..errors import EmptyDocument, LimitExceeded
from ..model import Document
from ..settings import Settings
from .paths import FileTooLarge, InputNotFound, read_path
from .salvage import decode_salvaging, string_fields
from .sniff import ZIP_MAGIC, sniff_container, sniff_text

LOGGER = logging.getLogger(__name__)

__all__ = ["FileTooLarge", "InputNotFound", "ingest", "read_path"]


def ingest(data: bytes, source: str, settings: Settings | None = None) -> list[Document]:
    """Build the Document(s) of one file's bytes (several for JSON/JSONL records).

    Raises:
        EmptyDocument, UnsupportedFormat, UndecodableFile, CorruptFile, NoTextLayer:
            with a one-line reason.
    """
    settings = Settings.resolve(settings)
    if not data:
        raise EmptyDocument("empty file")
    limits.check_file_size(len(data), settings)
    if data.startswith(ZIP_MAGIC):  # sizes are checked before anything is inflated
        limits.check_zip(data, settings).close()
    container = sniff_container(data, source)
    if container == "pdf":
        return [_from_pdf(data, source, settings)]
    if container == "docx":
        return [_from_docx(data, source, settings)]
    from .html import declared_charset

    text, encoding, warnings = decode_salvaging(data, declared_charset(data), settings)
    if not text.strip():
        raise EmptyDocument("empty file" if not text else "no text (whitespace only)")
    fmt = sniff_text(text, source)
    if fmt == "json":
        docs = _from_json(text, source, encoding, settings)
        docs[0].warnings[:0] = warnings
        return docs
    if fmt != "html":  # HTML markup is not text: its tags are limited, its text checked below
        limits.check_document_chars(len(text), settings)
    doc = Document(id=_sha256(data), source=source, format=fmt, encoding=encoding)
    doc.warnings.extend(warnings)
    _fill_text(doc, text, fmt, settings)
    return [_checked(doc, settings)]


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _checked(doc: Document, settings: Settings) -> Document:
    if not doc.raw_text.strip():
        raise EmptyDocument(f"no visible text in the {doc.format} content")
    limits.check_document_chars(len(doc.raw_text), settings)
    doc.front_matter = string_fields(doc.front_matter)
    return doc


def _fill_text(doc: Document, text: str, fmt: str, settings: Settings) -> None:
    """raw_text, tables and front matter of a decoded text-like document."""
    if fmt in ("html", "md"):
        limits.check_html(text, settings)
    if fmt == "html":
        from .html import read_html

        result = read_html(text)
        doc.raw_text, doc.tables, doc.front_matter = result.raw_text, result.tables, result.front_matter
    elif fmt == "md":
        from .markdown import read_markdown

        md = read_markdown(text)
        doc.raw_text, doc.tables, doc.front_matter = md.raw_text, md.tables, md.front_matter
        doc.warnings.extend(md.warnings)
    else:
        from .txt import read_txt

        doc.raw_text = read_txt(text)


def _from_pdf(data: bytes, source: str, settings: Settings) -> Document:
    from .pdf import read_pdf

    result = read_pdf(data, settings)
    doc = Document(id=_sha256(data), source=source, format="pdf", raw_text=result.raw_text,
                   raw_page_starts=result.page_starts, tables=result.tables,
                   unreadable_pages=result.unreadable_pages, front_matter=result.front_matter)
    doc.warnings.extend(result.warnings)
    return _checked(doc, settings)


def _from_docx(data: bytes, source: str, settings: Settings) -> Document:
    from .docx import read_docx

    zf = limits.check_zip(data, settings)
    with zf:
        limits.check_docx_nodes(zf, settings)
    result = read_docx(data)
    doc = Document(id=_sha256(data), source=source, format="docx", raw_text=result.raw_text,
                   tables=result.tables, front_matter=result.front_matter)
    return _checked(doc, settings)


def _from_json(text: str, source: str, encoding: str, settings: Settings) -> list[Document]:
    from .html import has_html_tags
    from .jsonrec import read_records

    records, warnings = read_records(text)
    docs: list[Document] = []
    for record in records:
        fmt = "html" if record.is_html or has_html_tags(record.body) else "txt"
        doc = Document(id=record.record_id, source=f"{source}#{record.number}", format="json",
                       encoding=encoding)
        try:
            _fill_text(doc, record.body, fmt, settings)
            doc.front_matter = {**doc.front_matter, **record.front_matter}
            if not doc.raw_text.strip():
                warnings.append(f"record {record.number} has no visible text; skipped")
                continue
            docs.append(_checked(doc, settings))
        except LimitExceeded as e:  # one oversized record does not cost the file its others
            warnings.append(f"record {record.number}: {e}; skipped")
    if not docs:
        raise EmptyDocument("no record has visible text")
    docs[0].warnings.extend(warnings)
    return docs
