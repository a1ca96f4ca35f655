"""Numbers as written in policy text: Arabic, Chinese (百分之十五, 两千, 一万二千), Roman grades.

Values keep the 万/亿 of the unit: "2000万千瓦" is value 2000 with unit 万千瓦, so a number is
only ever multiplied by the digits written before its unit (一万二千 吨 -> 12000).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from .patterns import (
    MAGNITUDES,
    NUMBER_TOKEN,
    PER_TIME,
    RANGE_JOINER,
    RATIO_UNIT,
    Qualifier,
    qualifiers,
    unit_kind,
    unit_regex,
    units,
)

_DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
           "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
ROMAN = {"Ⅰ": 1, "Ⅱ": 2, "Ⅲ": 3, "Ⅳ": 4, "Ⅴ": 5, "Ⅵ": 6, "劣Ⅴ": 6}

CHINESE_NUMERAL_CHARS = "零〇○一二两三四五六七八九十百千万亿点"
# "12.5" / "1,000" ; "百分之十五" handled by the caller
_ARABIC = re.compile(r"^\d+(?:,\d{3})*(?:\.\d+)?$")


def parse_number(text: str) -> float | None:
    """'15' -> 15.0, '1,000' -> 1000.0, '十五' -> 15.0, '一万二千' -> 12000.0, 'Ⅱ' -> 2.0.

    Returns None for text that is not a number (so callers can reject a candidate).
    """
    text = text.strip()
    if not text:
        return None
    if _ARABIC.match(text):
        return float(text.replace(",", ""))
    if text in ROMAN:
        return float(ROMAN[text])
    return parse_chinese_number(text)


def parse_chinese_number(text: str) -> float | None:
    """Chinese numerals: positional (二〇二〇), unit-based (一万二千), decimals (三点五)."""
    if not text or any(ch not in CHINESE_NUMERAL_CHARS for ch in text):
        return None
    if "点" in text:
        whole, _, frac = text.partition("点")
        head = parse_chinese_number(whole) if whole else 0.0
        if head is None or not frac or any(ch not in _DIGITS for ch in frac):
            return None
        return float(f"{int(head)}.{''.join(str(_DIGITS[c]) for c in frac)}")
    if all(ch in _DIGITS for ch in text):
        if len(text) == 1:
            return float(_DIGITS[text])
        return float("".join(str(_DIGITS[c]) for c in text))  # 二〇二〇 -> 2020
    return _unit_based(text)


def _unit_based(text: str) -> float | None:
    total, section, digit = 0, 0, None
    for ch in text:
        if ch in _DIGITS:
            if _DIGITS[ch] == 0:  # 一百零五: 零 only marks a skipped place
                continue
            if digit is not None:
                return None  # two digits in a row inside a unit-based number (十四五)
            digit = _DIGITS[ch]
        elif ch in _SMALL_UNITS:
            section += (1 if digit is None else digit) * _SMALL_UNITS[ch]
            digit = None
        elif ch in _BIG_UNITS:
            section += digit or 0
            total = (total + section) * _BIG_UNITS[ch]
            section, digit = 0, None
    section += digit or 0
    return float(total + section)


# ---------------------------------------------------------------------------- quantities

# Chinese numerals alone are too common in words (一批, 一定, 十四五) to be read without a
# unit; "一" with a counting unit (一个, 一家) is an article, not a target value.
_ARTICLE_KINDS = ("count", "time", "grade")  # "一个", "一次", "一类产品"
# A bare magnitude right after these verbs counts one of it: "规模过万亿", "产值超千亿元",
# "突破百亿", "逾万亿" (the value 1 is implied, the unit is the magnitude as written)
IMPLICIT_ONE_AFTER = "过超破逾"
# "500万元（含）以上" / "(含)以下": an inclusive bound written with a bracketed 含
INCLUSIVE = re.compile(r"[（(]含[）)](?P<bound>以上|以下)")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number with its unit as written: "10%—15%", "2000万千瓦以上", "百分之十五"."""

    start: int
    end: int  # end of number + unit (before the qualifier)
    value: float
    value_max: float | None
    unit: str | None
    unit_kind: str | None
    qualifier: str | None = None
    qualifier_word: str | None = None
    qual_end: int = -1  # end including the qualifier ("以上"); == end when none

    @property
    def stop(self) -> int:
        return max(self.end, self.qual_end)


def find_quantities(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """Every quantity in ``text[start:end]`` with offsets into ``text`` (dates, document
    numbers and phones must be masked first).

    Reading a window of the whole text saves slicing every clause and shifting every
    Quantity back; a quantity whose unit or qualifier would run past ``end`` is read again
    from the slice, so the result equals ``find_quantities(text[start:end])`` shifted.
    """
    if end is None:
        end = len(text)
    if _letter_at(text, start - 1) or _letter_at(text, end):  # "VOCs" cut by the window
        return [_shifted(q, start) for q in _find_in(text[start:end], 0, end - start)]
    out = _find_in(text, start, end)
    if out and out[-1].stop > end:  # a unit read across the window edge: read the slice
        out = [_shifted(q, start) for q in _find_in(text[start:end], 0, end - start)]
    return out


def _letter_at(text: str, pos: int) -> bool:
    return 0 <= pos < len(text) and text[pos].isascii() and text[pos].isalpha()


def _shifted(q: Quantity, offset: int) -> Quantity:
    return replace(q, start=q.start + offset, end=q.end + offset, qual_end=q.qual_end + offset)


def _find_in(text: str, pos: int, end: int) -> list[Quantity]:
    out: list[Quantity] = []
    lo = pos  # the window's start: nothing before it is read ("过" of "过万亿" included)
    while True:
        m = NUMBER_TOKEN.search(text, pos, end)
        if m is None:
            return out
        q = _quantity_at(text, m, lo)
        if q is None:
            pos = m.end()
            continue
        out.append(_with_qualifier(text, q))
        pos = q.end


# A fraction: "1/3以上" (a numerator below its denominator, no date "2021/3/5", no rate "5t/d")
# and "三分之一" (denominator first); the value is the ratio, without a unit (the devset's
# "外资占比超三分之一" is 0.333…)
_ARABIC_FRACTION = re.compile(r"/(\d{1,2})(?![\d./A-Za-z])")
_CHINESE_FRACTION = re.compile(r"分之([一二两三四五六七八九十]+)")


def _fraction_at(text: str, m: re.Match[str]) -> Quantity | None:
    """The fraction that starts with the number token ``m``, if it is one."""
    token = m.group(0)
    if m.start() > 0 and text[m.start() - 1] in "/.":
        return None  # "2021/3/5": the rest of a date
    frac = (_ARABIC_FRACTION if token.isdigit() else _CHINESE_FRACTION).match(text, m.end())
    if frac is None:
        return None
    den, num = (parse_number(token), parse_number(frac.group(1)))
    if token.isdigit():
        den, num = num, den
    if not den or not num or num >= den:
        return None
    return Quantity(m.start(), frac.end(), num / den, None, None, None)


def _quantity_at(text: str, m: re.Match[str], lo: int = 0) -> Quantity | None:
    token, start = m.group(0), m.start()
    if (token.isdigit() or token[0] in _DIGITS) and (fraction := _fraction_at(text, m)):
        return fraction
    if token == "百分之":
        run = re.match(r"[零〇一二两三四五六七八九十百千点]+|\d+(?:\.\d+)?", text[m.end():])
        value = parse_number(run.group(0)) if run else None
        if value is None:
            return None
        return Quantity(start, m.end() + run.end(), value, None, "%", "percent")
    if token[0].isdigit():
        if start > 0 and (text[start - 1].isascii() and text[start - 1].isalpha()):
            return None  # PM2.5 / GB3095 / VOCs
        return _arabic(text, start, m.end(), token)
    if token.lstrip("劣") in ROMAN or token in ROMAN:
        if text.startswith("类", m.end()):
            return Quantity(start, m.end() + 1, float(ROMAN[token]), None, "类", "grade")
        return None
    return _chinese(text, start, token, lo)


def _arabic(text: str, start: int, end: int, token: str) -> Quantity | None:
    value = parse_number(token)
    if value is None:
        return None
    unit, kind = _unit_at(text, end)
    if end < len(text) and text[end].isascii() and text[end].isalpha():
        if unit is None or _letter_at(text, end + len(unit)):
            return None  # 5G / 3D (but "1GW", "237MW" are quantities)
    ratio = RATIO_UNIT.match(text, end) if unit is None else None
    if ratio:  # "车桩比例达到4：1"
        return Quantity(start, ratio.end(), value, None, ratio.group(0), "ratio")
    value_max = None
    after = end + len(unit or "")
    joiner = RANGE_JOINER.match(text, after)
    if joiner:
        m2 = re.match(r"\d+(?:,\d{3})*(?:\.\d+)?", text[joiner.end():])
        if m2:
            second_end = joiner.end() + m2.end()
            unit2, kind2 = _unit_at(text, second_end)
            if unit in MAGNITUDES and unit2 and unit2 != unit and unit2.startswith(unit):
                unit, kind = unit2, kind2  # "550亿～600亿立方米": the bare magnitude is the range's unit cut short
            if unit is None or unit2 in (unit, None):
                value_max = parse_number(m2.group(0))
                unit, kind = (unit2, kind2) if unit is None else (unit, kind)
                after = second_end + len(unit2 or "")
    return Quantity(start, after, value, value_max, unit, kind)


def _chinese(text: str, start: int, token: str, lo: int = 0) -> Quantity | None:
    if token[0] not in _DIGITS and token[0] != "十":
        if start > lo and text[start - 1] in IMPLICIT_ONE_AFTER:  # "产业规模过万亿": one 万亿
            unit, kind = _unit_at(text, start)
            if unit and unit.startswith(MAGNITUDES):
                return Quantity(start, start + len(unit), 1.0, None, unit, kind)
        return None  # "万元GDP能耗" / "千瓦时": a unit word, not a number
    for i in range(1, len(token) + 1):
        value = parse_chinese_number(token[:i])
        if value is None:
            continue
        unit, kind = _unit_at(text, start + i)
        if unit is None or (value == 1 and kind in _ARTICLE_KINDS):
            continue
        if unit[0] in _SMALL_UNITS and unit not in units():
            continue  # "五十万吨" is 50 万吨, not 5 "十万吨"
        return Quantity(start, start + i + len(unit), value, None, unit, kind)
    return None


def _unit_at(text: str, pos: int) -> tuple[str | None, str | None]:
    m = unit_regex().match(text, pos)
    if not m:
        return None, None
    unit = m.group(0)
    per = PER_TIME.match(text, m.end())  # "2000万立方米/日": a rate keeps its time base
    if per:
        return unit + per.group(0), unit_kind(unit)
    if text.startswith("/", m.end()):  # "300克标准煤/千瓦时", "0.5吨/万元": a rate of two units
        second = unit_regex().match(text, m.end() + 1)
        if second and unit_kind(second.group(0)) in ("quantity", "currency", "count"):
            return f"{unit}/{second.group(0)}", unit_kind(unit)
    return unit, unit_kind(unit)


def _with_qualifier(text: str, q: Quantity) -> Quantity:
    """``q`` with the qualifier written after it ("以上"); built directly, not by
    ``dataclasses.replace`` (which re-reads the fields on every call: ~1/20 of targets)."""
    for qual in _after_qualifiers():
        if text.startswith(qual.word, q.end):
            return Quantity(q.start, q.end, q.value, q.value_max, q.unit, q.unit_kind,
                            qual.qualifier, qual.word, q.end + len(qual.word))
    incl = INCLUSIVE.match(text, q.end)
    if incl:  # "500万元（含）以上": an inclusive bound, read as 及以上 / 及以下
        word = "及" + incl.group("bound")
        return Quantity(q.start, q.end, q.value, q.value_max, q.unit, q.unit_kind,
                        "at_least" if incl.group("bound") == "以上" else "at_most", word, incl.end())
    return Quantity(q.start, q.end, q.value, q.value_max, q.unit, q.unit_kind, None, None, q.end)


@lru_cache(maxsize=1)
def _after_qualifiers() -> tuple[Qualifier, ...]:
    """Qualifiers written after the number, longest first (as ``qualifiers()`` orders them)."""
    return tuple(qual for qual in qualifiers() if qual.position == "after")
