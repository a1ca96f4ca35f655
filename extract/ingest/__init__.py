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

from ..errors import EmptyDocument
from ..model import Document
from ..settings import Settings
from .encoding import decode_text
from .paths import FileTooLarge, InputNotFound, read_path
from .sniff import sniff_container, sniff_text

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
    container = sniff_container(data, source)
    if container == "pdf":
        return [_from_pdf(data, source, settings)]
    if container == "docx":
        return [_from_docx(data, source)]
    from .html import declared_charset

    text, encoding = decode_text(data, declared_charset(data))
    if not text.strip():
        raise EmptyDocument("empty file" if not text else "no text (whitespace only)")
    fmt = sniff_text(text, source)
    if fmt == "json":
        return _from_json(text, source, encoding)
    doc = Document(id=_sha256(data), source=source, format=fmt, encoding=encoding)
    _fill_text(doc, text, fmt)
    return [_checked(doc)]


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _checked(doc: Document) -> Document:
    if not doc.raw_text.strip():
        raise EmptyDocument(f"no visible text in the {doc.format} content")
    return doc


def _fill_text(doc: Document, text: str, fmt: str) -> None:
    """raw_text, tables and front matter of a decoded text-like document."""
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
    return _checked(doc)


def _from_docx(data: bytes, source: str) -> Document:
    from .docx import read_docx

    result = read_docx(data)
    doc = Document(id=_sha256(data), source=source, format="docx", raw_text=result.raw_text,
                   tables=result.tables, front_matter=result.front_matter)
    return _checked(doc)


def _from_json(text: str, source: str, encoding: str) -> list[Document]:
    from .html import has_html_tags
    from .jsonrec import read_records

    records, warnings = read_records(text)
    docs: list[Document] = []
    for record in records:
        fmt = "html" if record.is_html or has_html_tags(record.body) else "txt"
        doc = Document(id=record.record_id, source=f"{source}#{record.number}", format="json",
                       encoding=encoding)
        _fill_text(doc, record.body, fmt)
        doc.front_matter = {**doc.front_matter, **record.front_matter}
        if not doc.raw_text.strip():
            warnings.append(f"record {record.number} has no visible text; skipped")
            continue
        docs.append(doc)
    if not docs:
        raise EmptyDocument("no record has visible text")
    docs[0].warnings.extend(warnings)
    return docs
