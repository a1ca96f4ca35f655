"""Choosing a reader from the content first and the file name second.

Crawled policy pages arrive with misleading names (a Jekyll post saved as ``.txt``, a
JSP page saved as ``.html`` or with no extension), so the bytes decide whenever they
are unambiguous; the extension only breaks ties for text that looks like nothing else.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import PurePath

from ..errors import CorruptFile, UnsupportedFormat

# How far into the file a %PDF header may start (some generators prepend junk bytes).
PDF_HEADER_WINDOW = 1024
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .doc / .xls / .wps
ZIP_MAGIC = b"PK\x03\x04"

HTML_EXTENSIONS = {".html", ".htm", ".shtml", ".xhtml", ".jsp", ".jspx", ".asp", ".aspx", ".php"}
MD_EXTENSIONS = {".md", ".markdown"}
JSON_EXTENSIONS = {".json", ".jsonl", ".ndjson"}
TEXT_EXTENSIONS = {".txt", ".text", ""}

# The start of an HTML page or fragment: <!DOCTYPE html>, <html, <head, <body, <meta, <table,
# <div, <p>, or a JSP / ASPX directive (<%@ page ... %>, <%@ Page Language="C#" %>).
_HTML_START = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
    r"(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s|<title[\s>]|<table[\s>]|<div[\s>]"
    r"|<p[\s>]|<span[\s>]|<h[1-6][\s>]|<%@|<%--|<%)",
    re.IGNORECASE | re.DOTALL,
)
# Anywhere in the first few KB: a strong sign of an HTML page even after leading text.
_HTML_ANYWHERE = re.compile(r"<html[\s>]|<!doctype\s+html|<body[\s>]", re.IGNORECASE)
# Jekyll / Hugo front matter: a first line '---' and a closing '---' line.
_FRONT_MATTER = re.compile(r"^\ufeff?---[ \t]*\r?\n.*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)", re.DOTALL)
SNIFF_WINDOW = 4096


def sniff_container(data: bytes, source: str) -> str | None:
    """``"pdf"`` / ``"docx"`` for binary containers, None for text-like bytes.

    Raises:
        UnsupportedFormat: a container we do not read (legacy .doc, a zip without Word XML).
        CorruptFile: a zip named .docx that cannot be opened.
    """
    if b"%PDF-" in data[:PDF_HEADER_WINDOW]:
        return "pdf"
    if data.startswith(OLE_MAGIC):
        raise UnsupportedFormat("legacy OLE file (.doc/.xls/.wps); save it as .docx or PDF")
    if data.startswith(ZIP_MAGIC):
        return _sniff_zip(data, source)
    if extension(source) == ".pdf":
        raise CorruptFile("not a PDF (no %PDF header)")
    if extension(source) == ".docx":
        raise CorruptFile("not a DOCX (no zip header)")
    return None


def _sniff_zip(data: bytes, source: str) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as e:
        raise CorruptFile(f"truncated or corrupt zip container (DOCX): {e}") from e
    except NotImplementedError as e:  # "zip file version 6.8" and other formats zipfile cannot read
        raise UnsupportedFormat(f"unsupported zip container: {e}") from e
    if "word/document.xml" in names:
        return "docx"
    raise UnsupportedFormat("zip archive without word/document.xml (not a DOCX)")


def extension(source: str) -> str:
    """Lower-case extension of a source name, ignoring a '#N' record suffix."""
    return PurePath(source.split("#", 1)[0]).suffix.lower()


def sniff_text(text: str, source: str) -> str:
    """Format of decoded text: ``md`` | ``html`` | ``json`` | ``txt``."""
    head = text[:SNIFF_WINDOW].lstrip("\ufeff")
    if _FRONT_MATTER.match(head):
        return "md"
    ext = extension(source)
    stripped = head.lstrip()
    if stripped[:1] in ("{", "[") and looks_like_json(text):
        return "json"
    if ext in JSON_EXTENSIONS:
        return "json"
    if _HTML_START.match(head) or _HTML_ANYWHERE.search(head) or ext in HTML_EXTENSIONS:
        return "html"
    if ext in MD_EXTENSIONS:
        return "md"
    return "txt"


def looks_like_json(text: str) -> bool:
    """The whole text parses as JSON, or every non-empty line does (JSONL)."""
    try:
        json.loads(text)
        return True
    except RecursionError:  # JSON nested past Python's stack: the JSON reader refuses it
        return True
    except ValueError:
        pass
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        return False
    try:
        return all(isinstance(json.loads(line), dict) for line in lines)
    except RecursionError:
        return True
    except ValueError:
        return False
