"""Dates as documents write them, and the validity dates of FORMAT v2.

* ``2020年8月3日``, ``二〇一二年二月十四日``, ``二O一六年`` (a Latin or Cyrillic O for 〇, as
  full-width "Ｏ" becomes after normalize), ``2023-05-30``;
* years of the Republic of China calendar ("100年4月25日" = 2011-04-25) in traditional-script
  documents or after 民国: a two- or three-digit year counts from 1911;
* ``自2022年1月1日起施行`` -> valid_from, ``有效期至2025年12月31日`` -> valid_until.
"""

from __future__ import annotations

import re

# 〇 written with other round letters: ○ (U+25CB), Ｏ/O (Latin), О (Cyrillic), 零.
_ZERO = "〇○零ＯOoО"
_CN = {**{z: 0 for z in _ZERO}, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_DIGIT = f"{_ZERO}一二三四五六七八九十"
# Years of the Republic of China calendar start in 1912 (民国1年).
ROC_OFFSET = 1911
_NUM = rf"\d{{1,4}}|[{_CN_DIGIT}]{{1,4}}"
DATE_ANY = re.compile(
    rf"(?P<roc>民国)?(?P<y>{_NUM})\s*年\s*(?P<m>\d{{1,2}}|[{_CN_DIGIT}]{{1,3}})\s*月\s*"
    rf"(?P<d>\d{{1,2}}|[{_CN_DIGIT}]{{1,3}})\s*[日号]"
    r"|(?P<iy>(?:19|20)\d{2})-(?P<im>\d{1,2})-(?P<id>\d{1,2})(?!\d)"
)
# 自2022年1月1日起施行 / 自印发之日起施行 (no date: null) / 本办法自2021年7月1日起实施
VALID_FROM = re.compile(r"自\s*(?P<date>[^，。；\n]{6,20}?)\s*起(?:施行|实施|执行|生效)")
# 有效期至2025年12月31日 / 有效期到2025年底
VALID_UNTIL = re.compile(r"有效期(?:至|到|截至)\s*(?P<date>[^，。；\n）)]{6,20}?日)")


# A revision note under a title: "（2020.09修订）" / "(2019年3月修订)" -> the month it dates.
REVISION_NOTE = re.compile(
    r"[（(]\s*(?P<y>(?:19|20)\d{2})\s*[.．年/-]\s*(?P<m>\d{1,2})\s*月?\s*(?:修订|修正|制定|印发|发布)\s*[）)]")


def revision_month(line: str) -> str | None:
    """YYYY-MM of a revision note alone on a line, else None."""
    m = REVISION_NOTE.fullmatch(line.strip())
    return f"{m.group('y')}-{int(m.group('m')):02d}" if m and 1 <= int(m.group("m")) <= 12 else None


def cn_number(s: str) -> int | None:
    """Arabic or Chinese numeral as written in dates: 2012, 二〇一二, 二O一六, 十四, 二十八."""
    if s.isdigit():
        return int(s)
    if "十" in s:
        tens, _, ones = s.partition("十")
        t = _CN.get(tens, -1) if tens else 1
        o = _CN.get(ones, -1) if ones else 0
        return None if t < 0 or o < 0 else t * 10 + o
    digits = [_CN.get(ch) for ch in s]
    if any(d is None for d in digits):
        return None
    return int("".join(str(d) for d in digits))


def date_match_to_iso(m: re.Match[str], *, roc: bool = False) -> str | None:
    """YYYY-MM-DD of a :data:`DATE_ANY` match, or None when it is no calendar date.

    ``roc``: the document counts years from the Republic of China (traditional script); a year
    written with two or three digits is then shifted by :data:`ROC_OFFSET`.
    """
    if m.group("iy"):
        y, mo, d = int(m.group("iy")), int(m.group("im")), int(m.group("id"))
    else:
        y, mo, d = cn_number(m.group("y")), cn_number(m.group("m")), cn_number(m.group("d"))
        if y is None or mo is None or d is None:
            return None
        if y < 1000 and (roc or m.group("roc")) and len(m.group("y")) in (2, 3):
            y += ROC_OFFSET
    if not (1900 <= y <= 2100 and 1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def parse_date(text: str, *, roc: bool = False) -> str | None:
    """The first calendar date written in ``text``."""
    for m in DATE_ANY.finditer(text):
        iso = date_match_to_iso(m, roc=roc)
        if iso:
            return iso
    return None


def validity(text: str) -> tuple[str | None, str | None]:
    """(valid_from, valid_until) stated in the text, each YYYY-MM-DD or None."""
    start = next((iso for m in VALID_FROM.finditer(text) if (iso := parse_date(m.group("date")))), None)
    until = next((iso for m in VALID_UNTIL.finditer(text) if (iso := parse_date(m.group("date")))), None)
    return start, until
