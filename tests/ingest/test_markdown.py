"""Markdown posts with YAML front matter (seed 004 is a Jekyll post named .txt)."""

from __future__ import annotations

import pytest

from extract.ingest import ingest
from extract.ingest.markdown import read_markdown, split_front_matter, strip_markdown


def test_seed_004_is_a_jekyll_post(seeds_dir) -> None:
    path = seeds_dir / "004_b14a5aa688c13852.txt"
    [doc] = ingest(path.read_bytes(), str(path))
    assert doc.format == "md" and doc.encoding == "utf-8"
    assert doc.front_matter["title"].startswith("内蒙古：到2025年煤炭消费比重降至75%以下")
    assert doc.front_matter["date"] == "2022-06-06 16:19:54 +0800"
    assert doc.front_matter["categories"] == "shanghaizhengquanbao·zhongguozhengquanwang"
    assert "layout: post" not in doc.raw_text and "<p>" not in doc.raw_text
    assert doc.raw_text.startswith("据内蒙古自治区人民政府6月6日消息")
    # Markdown links after the HTML body keep their text, on their own lines
    assert "\n返回上海证券报·中国证券网新闻｜返回首页\n" in doc.raw_text
    assert "](" not in doc.raw_text


def test_front_matter_dates_become_strings() -> None:
    front, body, warnings = split_front_matter("---\ntitle: 通知\ndate: 2022-06-06\ntags: [节能, 减排]\n---\n正文\n")
    assert front == {"title": "通知", "date": "2022-06-06", "tags": ["节能", "减排"]}
    assert (body, warnings) == ("正文\n", [])


def test_broken_front_matter_is_a_warning() -> None:
    result = read_markdown("---\ntitle: [未闭合\n---\n正文\n")
    assert result.front_matter == {} and result.raw_text == "正文\n"
    assert result.warnings and result.warnings[0].startswith("front matter is not valid YAML")


# fmt: off
@pytest.mark.parametrize("body,expected", [
    ("## 一、总体要求\n", "一、总体要求\n"),
    ("**到2025年**，全区单位地区生产总值能源消耗比2020年下降15%。\n", "到2025年，全区单位地区生产总值能源消耗比2020年下降15%。\n"),
    ("- 市能源局牵头负责\n- 各单位配合\n", "市能源局牵头负责\n各单位配合\n"),
    ("详见[附件1](files/a.pdf)。\n", "详见附件1。\n"),
    ("第一段\n\n第二段\n", "第一段\n\n第二段\n"),
    ("比例不低于5*，", "比例不低于5*，\n"),   # a lone asterisk is text, not emphasis
])
# fmt: on
def test_strip_markdown(body: str, expected: str) -> None:
    assert strip_markdown(body) == expected
