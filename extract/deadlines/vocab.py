"""Rule tables of the deadline extractor (``extract/data/deadline_rules.yaml``), read once."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ..language.data import load_yaml
from ..language.prefilter import Prefiltered

# The end of a five-year plan as a date: "到“十四五”末", "“十四五”期末", "十四五末期" (its
# last year: the targets read it so too); one fragment for the goal dates, the task
# wording and the year reader.
PLAN_END = r"[“\"]?(?P<plan>十[一二三四五六七八九]五)[”\"]?(?:时期|期)?末期?"

@lru_cache(maxsize=1)
def deadline_rules() -> dict[str, Any]:
    return load_yaml("deadline_rules.yaml")


@lru_cache(maxsize=1)
def recurrence_rules() -> list[tuple[re.Pattern[str], str | None, tuple[str, ...]]]:
    """(pattern, recurrence, the verbs that make it a duty) in the file's order."""
    rules = deadline_rules()
    default = tuple(rules["duty_verbs"]) + tuple(rules["cycle_verbs"])
    return [(re.compile(r["pattern"]), r["recurrence"], tuple(r.get("verbs") or default))
            for r in rules["recurrence"]]




def line_wrapped(word: str) -> str:
    """``word`` as a regex that a PDF line break may split: "完成期\n限：" (b549: 10 notes)."""
    return "\n?".join(map(re.escape, word))


@lru_cache(maxsize=1)
def label_pattern() -> re.Pattern[str]:
    """A time label opening a clause, up to its colon or 为/至: "申报截止时间：" / "申请期限至";
    a line break inside it is allowed (take the label without it: :func:`label_text`)."""
    keys = "|".join(map(line_wrapped, sorted(deadline_rules()["label_keys"], key=len, reverse=True)))
    return re.compile(rf"(?P<label>[\u4e00-\u9fff\n]{{0,12}}?(?:{keys}))(?:[（(][^）)]{{0,30}}[）)])?\s*(?:为|是|至|到|：|:)\s*")


def label_text(m: re.Match[str]) -> str:
    """The label a :func:`label_pattern` match read, without the line breaks inside it."""
    return m.group("label").replace("\n", "")


@lru_cache(maxsize=1)
def relative_patterns() -> list[Prefiltered]:
    """Relative time limits, in the file's order ("收到通知之日起5个工作日内"); each tests its
    required words (之日起, 期满, …) before its search: their lazy leading runs made these
    searches the largest cost of the deadline stage."""
    return [Prefiltered(p) for p in deadline_rules()["relative_limits"]]
