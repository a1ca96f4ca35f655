"""Which year a date written without one takes (FORMAT v2).

A month date ("11月10日前") or a this-year word (今年 / 今年底 / 年内) takes the year of the
nearest full date before it in the text, else the document's own date (its issue date, or the
date of the report or meeting it records); without either its year stays null. A month that
falls before the month of the date lending its year is not given that year ("2021年11月30日
…1月15日前": the year may have turned): the document's date is tried next, else null.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..language.clauses import Sentence
from ..language.dates import DateMatch, find_dates, five_year_plans
from ..language.patterns import YEAR
from .vocab import PLAN_END

# "今年底前" / "今年年底前" / "本年末前": December of this year
THIS_YEAR_END = re.compile(r"(?:今年|本年)(?:年)?(?:底|末)(?=前|之前|以前)")
# "年内完成" / "今年内" / "本年度内": within this year (not "5年内", "三年内")
WITHIN_THIS_YEAR = re.compile(r"(?:今年|本年度?)内|(?<![\d〇零一二两三四五六七八九十几数多年])年内(?=[完实全基建做落形])")
# "今年6月底前": a month date that names this year
THIS_YEAR_MONTH = re.compile(r"(?:今年|本年)$")
# "次年3月底前" / "评估期末年的6月底前" / "当年12月底前": a month of a year the text does not
# date; no year is carried to it
OTHER_YEAR = re.compile(r"(?:次|当|上|下|末|该|同|翌|上一|下一)年度?的?$")
# "到今年底，…" / "今年，全市要…": a goal date for this year
THIS_YEAR_GOAL = re.compile(r"^(?:力争到|力争|到|至)?(?:今年|本年)(?:年)?(?P<end>底|末)?(?=[，,])")


def document_date(issue_date: str | None) -> DateMatch | None:
    """The document's own date ("2022-03-29" / "2022-03" / "2022") as a date match."""
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$", issue_date or "")
    if not m:
        return None
    year, month, day = (int(g) if g else None for g in m.groups())
    return DateMatch(0, 0, year, month, day, None)


def last_full_date(dated: str, sentence: Sentence) -> DateMatch | None:
    """The last date with a year and a month in the sentence ("2021年3月20日")."""
    piece = dated[sentence.start:sentence.end]
    if "年" not in piece or "月" not in piece:
        return None
    full = [d for d in find_dates(piece) if d.year is not None and d.month is not None]
    return full[-1] if full else None


def due_in_sentence(d: DateMatch, dates: list[DateMatch]) -> str | None:
    """The date's own year, else a year written earlier in the same sentence.

    A reporting year ("核定的2020年度配额将于10月20日前发放") is what is reported on, not
    when: it gives no year to a later date.
    """
    if d.year is not None:
        return d.text_due if d.month is not None or d.part else str(d.year)
    years = [x for x in dates if x.year is not None and x.end <= d.start and x.part != "度"]
    if not years:
        return None
    if years[-1].month is not None:
        return carried_due(d, years[-1], None)
    return replace(d, year=years[-1].year).text_due


def carried_due(d: DateMatch, anchor: DateMatch | None, doc_date: DateMatch | None) -> str | None:
    """A month date takes the year of the nearest full date before it, else of the
    document's date, when it does not fall before that date's month; else null."""
    if d.month is None:
        return None
    for source in (anchor, doc_date):
        if source is None or source.year is None:
            continue
        if source.month is not None and (d.month, d.day or 0) < (source.month, source.day or 0):
            continue  # "2021年11月30日…1月15日前": the year may have turned
        return replace(d, year=source.year).text_due
    return None


def this_year(anchor: DateMatch | None, doc_date: DateMatch | None) -> int | None:
    """The year 今年 / 年内 means: the nearest full date's, else the document's."""
    for source in (anchor, doc_date):
        if source is not None and source.year is not None:
            return source.year
    return None


# The end of a five-year plan written as a goal date: "到“十四五”末"
_PLAN_END = re.compile(PLAN_END)


def goal_due(phrase: str) -> str | None:
    """"到2025年" -> "2025"; "到2025年底" / "到2025年年底" -> "2025-12"; "到2022年6月底" -> "2022-06"."""
    m = re.search(rf"({YEAR})年(?:(1[0-2]|0?[1-9])月(?!\d))?(年?(?:底|末))?", phrase)
    if not m:
        plan = _PLAN_END.search(phrase)  # "到“十四五”末" -> "2025"
        years = five_year_plans().get(plan.group("plan")) if plan else None
        return str(years[1]) if years else None
    from ..language.dates import year_of

    year = year_of(m.group(1) + "年")
    if m.group(2):
        return f"{year}-{int(m.group(2)):02d}"
    return f"{year}-12" if m.group(3) else str(year)
