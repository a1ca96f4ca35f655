"""Symbol-font bullets (Private Use characters) opening a line are dropped; offsets still point back."""

from __future__ import annotations

import pytest

from extract.normalize.mapped import MappedText
from extract.normalize.symbol_bullets import drop_symbol_bullets


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # b268 of the bulk corpus: a web page printed to PDF, its header fields as a bullet list
        ("通知\n\uf0b7发文日期：2022-01-17 15:55\n\uf0b7来源：社发处\n",
         "通知\n发文日期：2022-01-17 15:55\n来源：社发处\n"),
        # b499: Wingdings marks before list items, with a space after them
        ("\uf0b2 市南区、市北区：20.5%。\n\uf0b2平度市：21.5%。", "市南区、市北区：20.5%。\n平度市：21.5%。"),
        # inside a line the character stands for something the font decides (b504: Σ and =)
        ("熟料生产配额=\ni\uf03d1", "熟料生产配额=\ni\uf03d1"),
        # a line of nothing but the mark is left alone (nothing follows it to open)
        ("\uf0b7\n正文", "\uf0b7\n正文"),
        ("没有私用字符的文本", "没有私用字符的文本"),
    ],
)
def test_drop_symbol_bullets(raw: str, expected: str) -> None:
    mt = drop_symbol_bullets(MappedText.identity(raw))
    assert mt.text == expected
    for i, ch in enumerate(mt.text):  # every kept character still maps onto itself in the raw text
        assert raw[mt.offsets[i]] == ch


def test_bulleted_label_line_gives_the_issue_date() -> None:
    """The regression: with the bullet in place the 发文日期 label was not read."""
    from extract.model import Document
    from extract.pipeline import process_bytes
    from extract.settings import Settings

    raw = "关于公开征集科技创新需求的通知\n\uf0b7发文日期：2022-01-17 15:55\n各有关单位：\n请于1月30日前报送。\n"
    [doc] = process_bytes(raw.encode("utf-8"), "notice.txt", Settings())
    assert isinstance(doc, Document)
    assert doc.metadata.issue_date == "2022-01-17"
    assert [d.due for d in doc.deadlines] == ["2022-01-30"]
