"""Outline markers of Chinese official documents and the level each one opens.

Levels (the numbering of 党政机关公文格式 GB/T 9704 plus the chapter/article forms of
regulations):

====  =====================================  ==============================
0     第一章 第二节 第三编 第一部分            chapter-like divisions
1     一、 二、 ... / 第一条                   first level (articles sit here too)
2     （一） (二)                              second level
3     1. 1、 1． 1)                            third level
4     （1） (2)                                fourth level
5     ① ② ...                                  fifth level
====  =====================================  ==============================

A heading is a short line that starts with a marker (``一、总体要求``); a line such as
``（一）完善制度体系。健全…`` is a run-in heading: the marker still opens the section.

It lives in normalize, the first stage that reads markers (a heading line is never joined to
the line before it); structure and the extractors build on it.
"""

from __future__ import annotations

import re

_CN_NUM = "一二三四五六七八九十百零〇两"

# Each (level, regex) matches a marker at the start of a line; first match wins.
OUTLINE_MARKERS: tuple[tuple[int, re.Pattern[str]], ...] = (
    # 第一章 总则 / 第二节 / 第三部分
    (0, re.compile(rf"第[{_CN_NUM}\d]+(?:章|节|编|部分)")),
    # 第一条 为了……
    (1, re.compile(rf"第[{_CN_NUM}\d]+条")),
    # 一、总体要求
    (1, re.compile(rf"[{_CN_NUM}]+[、．]")),
    # （一）重点行业绿色升级工程 / (二)
    (2, re.compile(rf"[（(][{_CN_NUM}]+[）)]")),
    # 1.组织开展 / 1、 / 1． / 1)   (not 1.5 or 2020.8: the point is not followed by a digit)
    (3, re.compile(r"\d{1,2}(?:[、．]|\.(?!\d)|\)(?!\d))")),
    # （1）
    (4, re.compile(r"[（(]\d{1,2}[）)]")),
    # ①
    (5, re.compile("[\u2460-\u2473\u2776-\u277f]")),
)


def outline_level(line: str) -> int | None:
    """Outline level of the marker ``line`` starts with, or None for body text."""
    for level, pattern in OUTLINE_MARKERS:
        if pattern.match(line):
            return level
    return None


def outline_marker(line: str) -> str | None:
    """The marker text itself (``（一）``), or None."""
    for _level, pattern in OUTLINE_MARKERS:
        m = pattern.match(line)
        if m:
            return m.group(0)
    return None
