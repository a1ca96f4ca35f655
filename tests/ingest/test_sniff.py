"""Choosing the reader by content first, extension second."""

from __future__ import annotations

import re

import pytest

from extract.errors import CorruptFile, UnsupportedFormat
from extract.ingest.sniff import sniff_container, sniff_text


# fmt: off
@pytest.mark.parametrize("text,source,expected", [
    ("---\nlayout: post\ntitle: 通知\n---\n<p>正文</p>", "004.txt", "md"),        # Jekyll post named .txt
    ("<!DOCTYPE html><html><body>通知</body></html>", "a.txt", "html"),
    ('<%@ page contentType="text/html;charset=GBK"%>\n<html>', "detail.jsp", "html"),
    ('<%@ Page Language="C#" AutoEventWireup="true" %>\n<div>通知</div>', "page", "html"),
    ("<table><tr><td>指标</td></tr></table>", "export", "html"),
    ('{"title": "通知", "content": "正文"}', "a.txt", "json"),
    ('{"title": "甲", "text": "一"}\n{"title": "乙", "text": "二"}\n', "crawl.jsonl", "json"),
    ("[2021]第3号文件的说明", "a.txt", "txt"),                                      # a bracket, not JSON
    ("各区人民政府：\n现将方案印发给你们。", "a.txt", "txt"),
    ("比例<5%的企业不得申报。", "a.txt", "txt"),                                    # '<' that is no tag
    ("# 一、总体要求\n正文", "plan.md", "md"),
    ("各区人民政府：", "notice.html", "html"),                                     # the extension breaks the tie
])
# fmt: on
def test_sniff_text(text: str, source: str, expected: str) -> None:
    assert sniff_text(text, source) == expected


# fmt: off
@pytest.mark.parametrize("data,source,expected", [
    (b"%PDF-1.7\n...", "a.bin", "pdf"),
    (b"\r\n%PDF-1.4\n", "a", "pdf"),
    ("各区人民政府".encode(), "a.txt", None),
])
# fmt: on
def test_sniff_container(data: bytes, source: str, expected: str | None) -> None:
    assert sniff_container(data, source) == expected


# fmt: off
@pytest.mark.parametrize("data,source,error,reason", [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "old.doc", UnsupportedFormat, "legacy OLE file"),
    (b"PK\x03\x04" + b"\x00" * 60, "a.docx", CorruptFile, "truncated or corrupt zip container"),
    (b"<html>not a pdf</html>", "a.pdf", CorruptFile, "not a PDF (no %PDF header)"),
])
# fmt: on
def test_sniff_container_refusals(data: bytes, source: str, error: type, reason: str) -> None:
    with pytest.raises(error, match=re.escape(reason)):
        sniff_container(data, source)


def test_sniff_zip_that_is_not_docx() -> None:
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(UnsupportedFormat, match="zip archive without word/document.xml"):
        sniff_container(buf.getvalue(), "table.xlsx")
