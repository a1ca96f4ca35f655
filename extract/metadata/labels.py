"""Fields a page states in a labelled header block, and title text cleaned of page markup.

Government sites and crawlers print a document's fields as ``label：value`` lines above the
text ("标题：…", "发文机关：国务院办公厅", "成文日期：2025年07月03日", "发文字号：国办发〔2025〕25号").
Those values are the document's own and win over what the layout suggests; the labels (and
Markdown or HackMD markup such as ``#``, ``:::``, ``[TOC]``) are never part of a title.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .vocab import vocab

# Lines at the top searched for labelled fields (a gov.cn header block has about ten).
LABEL_LINES = 25
# A labelled value longer than this is prose, not a field.
MAX_LABEL_VALUE = 150
# A title written twice in a row is one title when each copy is at least this long.
MIN_DOUBLED_TITLE = 8


@dataclass(frozen=True, slots=True)
class Labelled:
    """One ``label：value`` line: the field it fills, the value and where the value starts."""

    field: str
    value: str
    start: int  # offset of the value in the normalized text
    line_index: int


@functools.lru_cache(maxsize=1)
def _label_line() -> re.Pattern[str]:
    labels = {w: f for f, words in vocab()["field_labels"].items() for w in words}
    alt = "|".join(sorted(map(re.escape, labels), key=len, reverse=True))
    return re.compile(rf"^\s*(?P<label>{alt})\s*[:：]\s*(?P<value>\S.*?)\s*$")


@functools.lru_cache(maxsize=1)
def _label_field() -> dict[str, str]:
    return {w: f for f, words in vocab()["field_labels"].items() for w in words}


def labelled_fields(lines: list) -> dict[str, Labelled]:
    """The first value of each labelled field in the header block (``lines``: metadata Lines)."""
    out: dict[str, Labelled] = {}
    pattern, fields = _label_line(), _label_field()
    for line in lines[:LABEL_LINES]:
        m = pattern.match(line.text.replace("\t", " "))
        if not m or len(m.group("value")) > MAX_LABEL_VALUE:
            continue
        name = fields[m.group("label")]
        if name not in out:
            out[name] = Labelled(name, m.group("value"), line.start + m.start("value"), line.index)
    return out


def is_label_line(text: str) -> bool:
    """A ``label：value`` line of a header block ("发文机关：国务院办公厅")."""
    return bool(_label_line().match(text))


def strip_label(text: str) -> str:
    """"标题：X" / "原标题：X" -> "X" (a title never carries its label)."""
    m = _label_line().match(text)
    return m.group("value") if m and _label_field()[m.group("label")] == "title" else text


@functools.lru_cache(maxsize=1)
def title_stoppers() -> tuple[str, ...]:
    return tuple(vocab()["title_stoppers"])


@functools.lru_cache(maxsize=1)
def title_suffix_line() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in vocab()["title_suffix_lines"]))


@functools.lru_cache(maxsize=1)
def title_approval_note() -> re.Pattern[str]:
    return re.compile(vocab()["title_approval_note"])


# An appendix or annex label opening a heading: "附录、转型过程中的外界关切议题" / "附件1：".
_ANNEX_OPENER = re.compile(r"^(?:附录|附件)\s*[一二三四五六七八九十\d]*\s*[、：:．.]\s*")
# Markup left on a title line by Markdown / HackMD: "## 标题", "「…」篇章目录".
_MARKUP = re.compile(r"^#{1,6}\s*|^:::\S*\s*")


# A whole title in book-title marks, nothing else on the line.
_WRAPPED = re.compile(r"《[^《》]+》")
# A table-of-contents heading glued after a plan's title.
_TOC_WORD = re.compile(r"(?<=规划|方案|纲要|计划)目\s*录$")


def clean_title(text: str) -> str:
    """A title without label, markup, annex opener, a glued approval note or contents heading,
    outer 《》, and written once: a web page that sets its heading above the same title gives
    "…的通知…的通知" (b011, b012)."""
    text = _MARKUP.sub("", strip_label(text)).strip()
    text = _ANNEX_OPENER.sub("", text)
    note = title_approval_note().search(text)
    if note and note.start() >= 4:
        text = text[: note.start()].rstrip()
    half = len(text) // 2
    if len(text) % 2 == 0 and half >= MIN_DOUBLED_TITLE and text[:half] == text[half:]:
        text = text[:half]
    if _WRAPPED.fullmatch(text):
        text = text[1:-1]  # "《阜阳市…总体实施方案（2022-2025年）》" set as the heading (b367)
    return _TOC_WORD.sub("", text)  # "攀枝花市“十四五”生态环境保护规划目录": the contents heading glued on (b422)
