"""The shared grammar of policy text: dates, numbers and units, sentence and clause bounds.

Named regexes and the unit / qualifier tables that every extractor reads (vocabularies live
in ``extract/data``). Tables are read lazily, once; nothing happens at import time except
compiling the regexes below.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .data import tsv_rows

# ---------------------------------------------------------------------------- regexes

YEAR = r"(?:19|20)\d{2}|[〇零一二三四五六七八九]{4}"
_CN_SMALL = r"[一二三四五六七八九十]{1,3}"

# The three noise patterns below open with a lookahead on the characters a match can start
# with: they are run over whole documents, and the lookahead rejects a Chinese character in
# one step where the alternatives were each tried there (mask_noise ~5x faster, same output).
# 〔2020〕42号 / 发改环资〔2019〕1696号 / [2021]3号 / 2021年第3号: masked before numbers are read
DOC_NUMBER = re.compile(r"(?=[〔\[［【12])(?:[〔\[［【]\s*(?:19|20)\d{2}\s*[〕\]］】]\s*第?\s*\d+\s*号|(?:19|20)\d{2}年第\d+号)")
# 010-88416688-6527、6526 / 0351-1234567 / 13812345678
PHONE = re.compile(r"(?=[\d(])(?:(?<!\d)(?:\(?0\d{2,3}\)?[-－])?\d{7,8}(?:[-－]\d{1,5})*(?:[、,，]\d{3,5}(?!\d))*|(?<!\d)1[3-9]\d{9}(?!\d))")
# www.cnbm.com.cn / http://... / lzs@cnbm.com.cn
URL_OR_EMAIL = re.compile(r"(?=[\x21-\x7e])(?:(?:https?://|www\.)[A-Za-z0-9_./\-?=&%#~:]+|[A-Za-z0-9_.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)")

# 2020年8月15日 / 2021年底 / 6月底 / 11月5日 / 6月下旬 / 8月份 / 二〇一二年二月十四日
DATE = re.compile(
    r"(?=[\d〇零一二三四五六七八九十])"  # every date starts with a numeral: skip other positions fast
    rf"(?:(?P<year>{YEAR})年(?P<yearpart>底|末|年底|年末|度)?)?"
    rf"(?:(?P<month>1[0-2]|0?[1-9]|{_CN_SMALL})月(?:(?P<day>3[01]|[12]\d|0?[1-9]|{_CN_SMALL})[日号]|(?P<monthpart>底|末|中旬|上旬|下旬|初|份))?)?"
)
# Number tokens: Arabic (with thousands separators / decimals), Chinese numerals, Roman grades
NUMBER_TOKEN = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?|百分之|[零〇○一二两三四五六七八九十百千万亿点]+|劣?[ⅠⅡⅢⅣⅤⅥ]")
# The time base of a rate unit: "2000万立方米/日" / "80万吨/年"
PER_TIME = re.compile(r"/(?:日|天|年|月|小时)")
# Magnitude prefixes that compose with a base unit of the table: "2亿千瓦", "3万亿元",
# "1000千万吨", "50万标准箱" (FORMAT v2: a unit is what the text writes, magnitude and all)
MAGNITUDES = ("万亿", "千亿", "百亿", "十亿", "千万", "百万", "十万", "亿", "万")
# Unit kinds a magnitude composes with ("万小时" or "亿分" are not units of a target)
COMPOSABLE_KINDS = ("quantity", "currency", "count")
# A bare magnitude is a unit only where no unit word follows it: "产业规模过万亿。",
# "人口突破100万以上" (not "100万只", where the word after is the unit the table lacks)
BARE_MAGNITUDE_END = r"(?![\u4e00-\u9fff]|[A-Za-z])|(?=以上|以下|左右|以内|及以上|及以下|上下)"
# A ratio written as "N：1" ("车桩比例达到4：1"): the ":1" part is the unit as written
RATIO_UNIT = re.compile(r"[：:]1(?![\d.])")
# Range joiner between two numbers: 10%—15% / 1—2个 / 1-2 / 1至2个
RANGE_JOINER = re.compile(r"\s*(?:—{1,2}|–|-|－|~|～|至|到)\s*")

# Sentence / sub-sentence / clause boundaries. An ASCII full stop ends a sentence only when
# it is not a decimal point ("不超过1.3.“十四五”时期" -> two sentences).
SENTENCE_END = re.compile(r"[。！？!?\n]|\.(?!\d)")
SUBSENTENCE_END = re.compile(r"[；;]")
# not in "4：1" / "17:00", nor a thousands comma ("1,000万"; "整治,2025年底前," cuts twice)
CLAUSE_END = re.compile(r"，|(?<!\d)[：:]|[：:](?!\d)|(?<!\d),|,(?!\d{3}(?!\d))")

# An outline enumerator opening a clause: "一、" / "（二）" / "(3)" / "4." / "5、"
ENUMERATOR = re.compile(r"(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．](?!\d))")
# Outline headings by level (sections, responsibility scopes):
# 一、  总体要求
HEADING_L1 = re.compile(r"^[ \t\u3000]*([一二三四五六七八九十]{1,3})、")
# （一）完善制度体系 / (一)重点行业绿色升级工程
HEADING_L2 = re.compile(r"^[ \t\u3000]*[（(]([一二三四五六七八九十]{1,3})[）)]")
# 1. 严格标准 / 1、严格标准 (not "2020年")
HEADING_L3 = re.compile(r"^[ \t\u3000]*(\d{1,2})[.．、](?!\d)")
# （1）组织申报
HEADING_L4 = re.compile(r"^[ \t\u3000]*[（(](\d{1,2})[）)]")
HEADINGS = ((1, HEADING_L1), (2, HEADING_L2), (3, HEADING_L3), (4, HEADING_L4))


# ---------------------------------------------------------------------------- tables

@dataclass(frozen=True, slots=True)
class Qualifier:
    word: str
    qualifier: str
    position: str  # before | after


@lru_cache(maxsize=1)
def units() -> dict[str, str]:
    """unit -> kind, ordered longest first so that 万千瓦 wins over 千瓦."""
    table = {row[0]: row[1] for row in tsv_rows("units.tsv")}
    return dict(sorted(table.items(), key=lambda kv: -len(kv[0])))


@lru_cache(maxsize=1)
def unit_regex() -> re.Pattern[str]:
    """All units, longest first (one regex match instead of a loop per number).

    The units of the table and every magnitude prefix with a composable unit of the table
    ("亿千瓦", "万亿元", "万标准箱"), longest first ("万吨标煤" before "万吨"); then a bare
    magnitude ("千亿", "万亿") that no unit word follows.
    """
    table = set(units())
    composed = {m + u for m in MAGNITUDES for u, kind in units().items() if kind in COMPOSABLE_KINDS}
    words = "|".join(map(re.escape, sorted(table | composed, key=len, reverse=True)))
    mags = "|".join(map(re.escape, MAGNITUDES))
    return re.compile(rf"{words}|(?:{mags})(?:{BARE_MAGNITUDE_END})")


def unit_kind(unit: str) -> str | None:
    """Kind of a unit as read by :func:`unit_regex`: "亿千瓦" is a quantity like "千瓦"."""
    table = units()
    if unit in table:
        return table[unit]
    for mag in MAGNITUDES:
        if unit.startswith(mag):
            base = unit[len(mag):]
            return table.get(base) if base else "quantity"
    return None


@lru_cache(maxsize=1)
def qualifiers() -> list[Qualifier]:
    rows = [Qualifier(r[0], r[1], r[2]) for r in tsv_rows("target_qualifiers.tsv")]
    return sorted(rows, key=lambda q: -len(q.word))


def contains_any(text: str, words: tuple[str, ...] | list[str]) -> bool:
    return any(w in text for w in words)
