"""Text decoding: BOMs, UTF-8, GB18030, Big5, UTF-16, and refusing binary or junk."""

from __future__ import annotations

import codecs

import pytest

from extract.errors import UndecodableFile, UnsupportedFormat
from extract.ingest import ingest
from extract.ingest.encoding import decode_text

# A real sentence from seed 003 (simplified) and from seed 002 (traditional, a Big5 site).
SIMPLIFIED = "市直各单位要于2020年8月15日前将本单位节约型机关创建实施方案报市能源局。\n市能源局牵头负责推进全市党政机关开展节约型机关创建行动。\n"
TRADITIONAL = "節能降耗考核組將於6月下旬對我市年度節能降耗工作進行考核。今天召開的預備會，主要是圍繞迎接省上考核，對當前節能工作進行再動員再部署。\n"


# fmt: off
@pytest.mark.parametrize("data,text,encoding", [
    (SIMPLIFIED.encode("utf-8"), SIMPLIFIED, "utf-8"),
    (codecs.BOM_UTF8 + SIMPLIFIED.encode("utf-8"), SIMPLIFIED, "utf-8-sig"),
    (SIMPLIFIED.encode("gb18030"), SIMPLIFIED, "gb18030"),
    (SIMPLIFIED.encode("gbk"), SIMPLIFIED, "gb18030"),          # GBK is read with its superset
    (TRADITIONAL.encode("big5"), TRADITIONAL, "big5"),
    (SIMPLIFIED.encode("utf-16"), SIMPLIFIED, "utf-16-le"),     # BOM + little endian
    (codecs.BOM_UTF16_BE + SIMPLIFIED.encode("utf-16-be"), SIMPLIFIED, "utf-16-be"),
    (SIMPLIFIED.encode("utf-16-le"), SIMPLIFIED, "utf-16-le"),  # no BOM: found by detection
])
# fmt: on
def test_decode_text_encodings(data: bytes, text: str, encoding: str) -> None:
    assert decode_text(data) == (text, encoding)


def test_ingest_records_encoding_of_big5_file() -> None:
    [doc] = ingest(TRADITIONAL.encode("big5"), "speech.txt")
    assert (doc.format, doc.encoding, doc.raw_text) == ("txt", "big5", TRADITIONAL)


def test_decode_prefers_real_utf8_over_declared_gbk() -> None:
    assert decode_text(SIMPLIFIED.encode("utf-8"), declared="gb2312") == (SIMPLIFIED, "utf-8")


def test_decode_refuses_binary_with_nul_bytes() -> None:
    with pytest.raises(UnsupportedFormat, match=r"^binary content \(NUL bytes\), not text$"):
        decode_text(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4)


# Short binary junk decodes to a few CJK-looking characters as BOM-less UTF-16.
@pytest.mark.parametrize("data", [b"\x00\x01binary", b"\x00\x01\x02\x03", b"\x7f\x00\x12\x34\x56\x78"])
def test_decode_refuses_short_binary_that_reads_as_utf16(data: bytes) -> None:
    with pytest.raises(UnsupportedFormat, match=r"^binary content \(NUL bytes\), not text$"):
        decode_text(data)


def test_decode_reads_bomless_utf16_document() -> None:
    assert decode_text(SIMPLIFIED.encode("utf-16-le")) == (SIMPLIFIED, "utf-16-le")


@pytest.mark.parametrize("data", [bytes([0x80, 0xFF, 0x81, 0xFE]) * 50, b"\xff" * 40 + b"abc"])
def test_decode_refuses_undecodable(data: bytes) -> None:
    with pytest.raises(UndecodableFile, match="not decodable as UTF-8, GB18030, Big5 or UTF-16"):
        decode_text(data)
