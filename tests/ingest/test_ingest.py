"""The ingest entry points: read_path, ingest, and the named errors for bad input."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from extract.errors import (
    CorruptFile,
    EmptyDocument,
    ExtractError,
    NoTextLayer,
    UndecodableFile,
    UnsupportedFormat,
)
from extract.ingest import FileTooLarge, InputNotFound, ingest, read_path
from extract.settings import Settings

from .conftest import SCORING_ROWS, SENTENCES, assert_spans_consistent, build_docx, build_pdf


def _pdf() -> bytes:
    return build_pdf([{"lines": SENTENCES, "table": SCORING_ROWS}])


def _docx() -> bytes:
    return build_docx([("paragraph", SENTENCES[0])])


# fmt: off
BAD_INPUTS = [
    ("empty", lambda: b"", "a.txt", EmptyDocument, "empty file"),
    ("nul-bytes-txt", lambda: b"\x00\x01\x02\x03binary\x00\xff\xfe\x00" * 20, "a.txt", UnsupportedFormat,
     "binary content (NUL bytes), not text"),
    ("truncated-pdf", lambda: _pdf()[:900], "a.pdf", CorruptFile, "truncated or corrupt PDF"),
    ("truncated-docx", lambda: _docx()[:2000], "a.docx", CorruptFile, "truncated or corrupt zip container (DOCX)"),
    ("undecodable", lambda: bytes([0x80, 0xFF]) * 100, "a.txt", UndecodableFile,
     "not decodable as UTF-8, GB18030, Big5 or UTF-16"),
    ("scanned-pdf", lambda: build_pdf([{"image": True}]), "s.pdf", NoTextLayer,
     "no text layer (scanned PDF; OCR not supported)"),
    ("whitespace-only", lambda: "　\n \r\n".encode(), "a.txt", EmptyDocument, "no text (whitespace only)"),
    ("html-without-text", lambda: b"<html><body><script>x=1</script></body></html>", "a.html", EmptyDocument,
     "no visible text in the html content"),
]
# fmt: on


@pytest.mark.parametrize("make,source,error,reason", [case[1:] for case in BAD_INPUTS], ids=[c[0] for c in BAD_INPUTS])
def test_ingest_bad_input_raises_named_error(make, source: str, error: type, reason: str) -> None:
    with pytest.raises(error) as err:
        ingest(make(), source, Settings())
    message = str(err.value)
    assert message.startswith(reason) and "\n" not in message


def test_read_path_missing(tmp_path: Path) -> None:
    with pytest.raises(InputNotFound, match="^no such file: "):
        read_path(tmp_path / "nope.pdf", Settings())


def test_read_path_directory(tmp_path: Path) -> None:
    with pytest.raises(InputNotFound, match="^is a directory, not a file: "):
        read_path(tmp_path, Settings())


def test_read_path_too_large(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes("通知".encode() * 100)
    with pytest.raises(FileTooLarge, match=r"^file too large: 600 bytes > max_file_bytes 100$"):
        read_path(path, Settings(max_file_bytes=100))
    assert issubclass(FileTooLarge, ExtractError) and issubclass(InputNotFound, ExtractError)


def test_read_path_empty(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(EmptyDocument, match="^empty file$"):
        read_path(path, Settings())


@pytest.mark.parametrize("name,fmt", [("000_a1a8269d3a8393f4.txt", "txt"), ("001_c0321baad77ccfdb.txt", "txt"),
                                      ("002_2197b2e8771a6862.txt", "txt"), ("003_a21b16cc157a0aa8.txt", "txt"),
                                      ("004_b14a5aa688c13852.txt", "md")])
def test_ingest_seeds(seeds_dir: Path, name: str, fmt: str) -> None:
    data = read_path(seeds_dir / name, Settings())
    [doc] = ingest(data, name, Settings())
    assert doc.id == hashlib.sha256(data).hexdigest()
    assert (doc.source, doc.format, doc.encoding, doc.data) == (name, fmt, "utf-8", b"")
    assert "\r" not in doc.raw_text and doc.raw_text.strip()


def test_ingest_txt_keeps_tab_tables_and_unifies_line_endings(seeds_dir: Path) -> None:
    data = (seeds_dir / "001_c0321baad77ccfdb.txt").read_bytes()
    [doc] = ingest(data.replace(b"\n", b"\r\n"), "001.txt")
    assert doc.raw_text == data.decode("utf-8")
    assert "\t“十三五”节能目标(20分）\n" in doc.raw_text


@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_ingest_containers_have_consistent_spans(kind: str) -> None:
    data = _pdf() if kind == "pdf" else build_docx([("table", ([["甲", "乙"], ["1", None]], [((1, 0), (1, 1))]))])
    [doc] = ingest(data, f"x.{kind}")
    assert doc.tables and doc.format == kind
    assert_spans_consistent(doc)
    for table in doc.tables:
        start, end = table.raw_span
        block = doc.raw_text[start:end]
        assert len(block.split("\n")) == table.n_rows
        assert all(line.count("\t") == table.n_cols - 1 for line in block.split("\n"))
        assert doc.raw_text[:start] == "" or doc.raw_text[:start].endswith("\n\n")
        assert doc.raw_text[end:].startswith("\n\n")


def test_ingest_ignores_misleading_extension() -> None:
    [doc] = ingest(_pdf(), "download.txt")
    assert doc.format == "pdf"
    assert re.search(r"能源总量控制目标\t10", doc.raw_text)
