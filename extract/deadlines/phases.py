"""Phases of a work plan named with their period: the phase's work is due when it ends.

    （二）推广示范阶段（2021年12月至2022年5月）       -> 2022-05   (b514)
    建设实施阶段（2021年—2025年）                    -> 2025      (r07)
    2021年12月至2023年12月为重点实施阶段，…          -> 2023-12   (b166)

A phase whose period ended before the document's own date reports the past and dates nothing.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..language.clauses import Sentence
from ..language.dates import DateMatch, find_due_dates
from ..language.patterns import YEAR
from .base import Context, Found, clause_at

# "推广示范阶段（2021年12月至2022年5月）" / "申报评审阶段（2021年）"
_HEADED = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,16}?阶段)\s*[（(](?P<period>[^（()）\n]{4,30})[）)]")
# "2021年12月至2023年12月为重点实施阶段" / "2024至2025年为全面推广阶段"
_LED = re.compile(rf"(?P<period>(?:(?:{YEAR})年?)(?:\d{{1,2}}月)?\s*(?:至|到|—|－|-|~|～)\s*(?:(?:{YEAR})年)?(?:\d{{1,2}}月)?)"
                  r"(?:为|是)(?P<name>[\u4e00-\u9fff]{2,12}?阶段)")


def phases(ctx: Context, sentence: Sentence) -> list[Found]:
    s_text = ctx.dated[sentence.start:sentence.end]
    if "阶段" not in s_text:
        return []
    out = []
    for pattern in (_HEADED, _LED):
        for m in pattern.finditer(s_text):
            end = _period_end(find_due_dates(m.group("period")))
            if end is None or (ctx.doc_date is not None and ctx.doc_date.year is not None
                               and end.year is not None and end.year < ctx.doc_date.year):
                continue
            start, stop = sentence.start + m.start(), sentence.start + m.end()
            i = clause_at(sentence, start)
            out.append(Found(i, clause_at(sentence, stop - 1), end.text_due, None, None,
                             span=(start, stop), task=m.group("name")))
    return out


def _period_end(dates: list[DateMatch]) -> DateMatch | None:
    """The last date of a period; "2021年10月至11月" ends in 2021-11."""
    if not dates:
        return None
    last = dates[-1]
    if last.year is None:
        year = next((d.year for d in reversed(dates) if d.year is not None), None)
        return replace(last, year=year) if year is not None else None
    return last
