"""HTML reading: chrome removal, tables with rowspan/colspan, meta fields, encodings."""

from __future__ import annotations

import pytest

from extract.ingest import ingest
from extract.ingest.html import declared_charset, read_html

from .conftest import assert_spans_consistent

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>关于印发《高平市节约型机关创建行动方案》的通知_高平市人民政府</title>
<meta name="ArticleTitle" content="关于印发《高平市节约型机关创建行动方案》的通知">
<meta name="PubDate" content="2020-08-03 10:15">
<meta name="ContentSource" content="高平市能源局">
<style>.nav{color:red}</style><script>var _hmt = _hmt || [];</script></head>
<body>
<div class="top-nav"><a href="/">首页</a><a href="/zwgk">政务公开</a></div>
<div class="breadcrumb">当前位置：首页 &gt; 政策文件</div>
<div id="zoom" class="article-content">
<h1>关于印发《高平市节约型机关创建行动方案》的通知</h1>
<p>市直各部门：</p>
<p>　　现将《高平市节约型机关创建行动方案》印发给你们，<strong>请认真</strong>贯彻执行。</p>
<table border="1">
<caption>高平市节约型机关评价标准</caption>
<tr><th>评价内容</th><th>评价指标</th><th colspan="2">评分</th></tr>
<tr><td rowspan="2">强化目标管理（9分）</td><td>节约能源资源目标管理</td><td>9</td><td>查阅资料</td></tr>
<tr><td>用能计量</td><td>5</td><td>现场检查</td></tr>
</table>
<p>附件：1.评价标准<br>2.创建名单</p>
</div>
<div class="share-bar">分享到：微信 微博</div>
<noscript>请开启JavaScript</noscript>
<footer>版权所有：高平市人民政府 晋ICP备12345678号</footer>
</body></html>"""


@pytest.fixture(scope="module")
def page_doc():
    [doc] = ingest(PAGE.encode("utf-8"), "notice.html")
    return doc


def test_html_visible_text_only(page_doc) -> None:
    text = page_doc.raw_text
    for chrome in ("首页", "当前位置", "_hmt", "color:red", "分享到", "请开启", "版权所有"):
        assert chrome not in text
    assert text.startswith("关于印发《高平市节约型机关创建行动方案》的通知\n市直各部门：\n")
    assert "现将《高平市节约型机关创建行动方案》印发给你们，请认真贯彻执行。\n" in text
    assert text.endswith("附件：1.评价标准\n2.创建名单\n")


def test_html_table_spans_expanded(page_doc) -> None:
    [table] = page_doc.tables
    assert table.title == "高平市节约型机关评价标准"
    cells = {(c.row, c.col): (c.rowspan, c.colspan, c.text) for c in table.cells}
    assert cells[(0, 2)] == (1, 2, "评分")
    assert cells[(1, 0)] == (2, 1, "强化目标管理（9分）")
    assert cells[(2, 1)] == (1, 1, "用能计量")
    assert len(table.cells) == 10
    assert "\n\n评价内容\t评价指标\t评分\t\n强化目标管理（9分）\t节约能源资源目标管理\t9\t查阅资料\n\t用能计量\t5\t现场检查\n\n" in page_doc.raw_text
    assert_spans_consistent(page_doc)


def test_html_meta_front_matter(page_doc) -> None:
    assert page_doc.front_matter["title"] == "关于印发《高平市节约型机关创建行动方案》的通知"
    assert page_doc.front_matter["date"] == "2020-08-03 10:15"
    assert page_doc.front_matter["source"] == "高平市能源局"
    assert page_doc.front_matter["page_title"].endswith("_高平市人民政府")


# fmt: off
@pytest.mark.parametrize("html,expected", [
    # JSP template saved from a portal: directives are not text
    ('<%@ page contentType="text/html;charset=UTF-8" %>\n<html><body><p>各区人民政府：</p></body></html>', "各区人民政府：\n"),
    # a layout table holding the whole article is read as blocks, not as a data table
    ("<table><tr><td><p>一、总体要求</p><p>（一）指导思想。</p></td></tr></table>", "一、总体要求\n（一）指导思想。\n"),
    # hidden elements are not visible text
    ('<div style="display:none">隐藏</div><p>正文</p>', "正文\n"),
    # <header> inside <article> keeps the notice's title
    ("<header>网站名称</header><article><header><h1>通知标题</h1></header><p>正文</p></article>", "通知标题\n正文\n"),
    # nested layout tables: the inner ruled table is still a data table
    ("<table><tr><td><table><tr><td>指标</td><td>目标</td></tr><tr><td>能耗</td><td>15%</td></tr></table></td></tr></table>",
     "指标\t目标\n能耗\t15%\n\n"),
])
# fmt: on
def test_html_cases(html: str, expected: str) -> None:
    assert read_html(html).raw_text == expected


def test_html_rowspan_past_last_row_is_clipped() -> None:
    result = read_html("<table><tr><td rowspan=9>甲</td><td>1</td></tr><tr><td>2</td></tr></table>")
    [table] = result.tables
    assert [(c.row, c.col, c.rowspan) for c in table.cells] == [(0, 0, 2), (0, 1, 1), (1, 1, 1)]


def test_html_declared_gbk_charset_decodes() -> None:
    page = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><p>关于做好节能减排工作的通知</p></body></html>'
    data = page.encode("gb18030")
    assert declared_charset(data) == "gb2312"
    [doc] = ingest(data, "page.htm")
    assert doc.encoding == "gb18030" and doc.raw_text == "关于做好节能减排工作的通知\n"


def test_html_sniffed_by_content_without_extension() -> None:
    [doc] = ingest(b"<!DOCTYPE html><html><body><p>\xe9\x80\x9a\xe7\x9f\xa5</p></body></html>", "index.jsp")
    assert doc.format == "html" and doc.raw_text == "通知\n"
