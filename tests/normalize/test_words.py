"""A line break inside a dictionary word is layout (normalize/words.py)."""

from __future__ import annotations

import pytest

from extract.normalize.words import breaks_word

# fmt: off
CASES = [
    # a justified line that reached the margin with fewer characters (b402)
    ("为规范全国碳排放权登记活动，保护全国碳排放权交", "易市场各参与方的合法权益", True),
    # a role label broken inside its word (b057, b357, b549)
    ("推动装备和服务合作。（责任单", "位：市发展改革委、市商务局）", True),
    ("气体清单编制工作（责任部", "门：气候处、环科院）", True),
    # a wrapped title
    ("关于加快建立健全绿色低碳", "循环发展经济体系的实施意见", True),
    # a line that ends with a whole word is not joined on this evidence, even where a word
    # could be read across ("南京分行" / "省邮政管理局": 行省)
    ("省知识产权局人民银行南京分行", "省邮政管理局南京海关", False),
    # a number's unit ends the line: "日前" is no word of a date and a heading (b456)
    ("2021年12月28日", "前言", False),
    # a heading, then its body: no word across
    ("第一章发展基础与面临形势", "第一节“十三五”取得的成效", False),
    # not Chinese on both sides
    ("按照2025年非化石能源", "2030年", False),
]
# fmt: on


@pytest.mark.parametrize("a,b,expected", CASES)
def test_breaks_word(a: str, b: str, expected: bool) -> None:
    assert breaks_word(a, b) is expected


def test_a_broken_word_joins_the_lines_of_a_pdf() -> None:
    """The join itself: a PDF line shorter than the page's full width, broken inside a word."""
    from extract.normalize.lines import continues

    a, b = "为规范全国碳排放权登记活动，保护全国碳排放权交", "易市场各参与方的合法权益，维护市场秩序。"
    assert continues(a, b, paged=True, width=40.0)
    assert not continues("第一章发展基础与面临形势", "第一节“十三五”取得的成效", paged=True, width=40.0)
    # the "位：" of a broken label is no field line of its own
    assert continues("推动装备和服务合作。（责任单", "位：市发展改革委、市商务局）", paged=True, width=40.0)
