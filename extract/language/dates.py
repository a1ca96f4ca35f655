"""Dates in policy text: masking of numbers that are not quantities, and due-date parsing.

No year is ever guessed: "6月底前" without a year in its sentence stays month-only and the
caller records ``due=None``; a masked "20*年度" never matches a year at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..normalize.masking import mask_spans
from .numbers import parse_number
from .patterns import DATE, DOC_NUMBER, PHONE, URL_OR_EMAIL, YEAR

# A quarter is due at its last month: "2022年第三季度" / "第四季度末" -> month 9 / 12.
QUARTER = re.compile(rf"(?:(?P<year>{YEAR})年)?(?:第(?P<q>[一二三四1-4])|(?<![\d一二三四五六七八九十每下上本])(?P<q2>[一二三四]))季度(?P<part>末|底)?")
_QUARTER_MONTH = {"一": 3, "二": 6, "三": 9, "四": 12, "1": 3, "2": 6, "3": 9, "4": 12}
# "年底前" / "年末前" with no year of its own: December of the year its sentence names
# ("2023年，各地要…，年底前完成…"); "今年底" / "2023年底" are other dates.
BARE_YEAR_END = re.compile(r"(?<![\d〇零一二三四五六七八九年今本明去当])年(?:底|末)(?=前|之前|以前)")

MASK_CHAR = "#"  # same length as the masked text, so spans into the masked copy are spans into text

# Date parts that close a month or a year: 底/末 -> last month / day of the period
_YEAR_END = ("底", "末", "年底", "年末")
# Targets, deadlines and the spaCy quantity component mask the same document text: keep
# the last few results (str in, str out: safe to share).
MASK_CACHE_SIZE = 8


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date expression found in text, with its [start, end) span."""

    start: int
    end: int
    year: int | None
    month: int | None
    day: int | None
    part: str | None  # 底 / 末 / 中旬 / 下旬 / 份 / 度 ...

    @property
    def text_due(self) -> str | None:
        """YYYY, YYYY-MM or YYYY-MM-DD; None when the year is not written."""
        if self.year is None:
            return None
        if self.month is None:
            return f"{self.year}-12" if self.part in _YEAR_END else str(self.year)
        if self.day is None:
            return f"{self.year}-{self.month:02d}"
        return f"{self.year}-{self.month:02d}-{self.day:02d}"


@lru_cache(maxsize=MASK_CACHE_SIZE)
def mask_noise(text: str) -> str:
    """Replace document numbers, phone numbers, URLs and e-mails by '#' (same length)."""
    for pattern in (DOC_NUMBER, URL_OR_EMAIL, PHONE):
        text = pattern.sub(lambda m: MASK_CHAR * len(m.group(0)), text)
    return text


def find_dates(text: str) -> list[DateMatch]:
    """Every date expression with at least a year or a month."""
    out = []
    for m in DATE.finditer(text):
        if m.group("year") is None and m.group("month") is None:
            continue
        if m.start() > 0 and text[m.start() - 1].isdigit():
            continue  # the tail of a longer number
        year = _int(m.group("year"))
        month = _int(m.group("month"))
        if month is not None and not 1 <= month <= 12:
            continue
        day = _int(m.group("day"))
        part = m.group("monthpart") or m.group("yearpart")
        out.append(DateMatch(m.start(), m.end(), year, month, day, part))
    return out


def find_due_dates(text: str) -> list[DateMatch]:
    """:func:`find_dates` plus the forms only a due date uses: quarters and a bare 年底.

    Kept apart from :func:`find_dates` so that target deadlines and date masking keep their
    own reading ("到2025年第一季度" stays a year there).
    """
    dates = find_dates(text)
    extra = [
        DateMatch(m.start(), m.end(), _int(m.group("year")), _QUARTER_MONTH[m.group("q") or m.group("q2")],
                  None, "季度")
        for m in (QUARTER.finditer(text) if "季度" in text else ())
    ]
    if "年底" in text or "年末" in text:
        extra += [DateMatch(m.start(), m.end(), None, 12, None, "底") for m in BARE_YEAR_END.finditer(text)]
    if not extra:
        return dates
    kept = [d for d in dates if not any(e.start < d.end and d.start < e.end for e in extra)]
    return sorted(kept + extra, key=lambda d: d.start)


@lru_cache(maxsize=MASK_CACHE_SIZE)
def mask_dates(text: str) -> str:
    """Replace date expressions (and bare 4-digit years before 年) by '#'."""
    return mask_spans(text, ((d.start, d.end) for d in find_dates(text)), MASK_CHAR)


def year_of(text: str) -> int | None:
    """The first 4-digit year written in ``text`` ("2020年8月3日" -> 2020)."""
    m = re.search(rf"({YEAR})年", text)
    return _int(m.group(1)) if m else None


def _int(s: str | None) -> int | None:
    if s is None:
        return None
    v = parse_number(s)
    return int(v) if v is not None else None


@lru_cache(maxsize=1)
def five_year_plans() -> dict[str, tuple[int, int]]:
    """Five-year plan names and the years they cover: "十四五" -> (2021, 2025)
    (``extract/data/target_periods.yaml``); targets, deadlines and the store's queries share it."""
    from .data import load_yaml

    return {name: (int(a), int(b)) for name, (a, b) in load_yaml("target_periods.yaml").items()}

