"""Deadlines: dated duties, recurring duties, relative limits and dated goals without a number.

Sentence by sentence, seven rules (:mod:`.rules`, vocabulary in ``extract/data/deadline_rules.yaml``):

1. recurring duties: "每年度报告一次" -> annual, "每季度" -> quarterly, "按年度落实…" / "制定年度计划";
   weekly, daily and multi-year rhythms keep recurrence null with their wording in the detail;
2. labelled limits: "申报截止时间：2021年7月20日16:30", "时间：2024年12月24日～2025年1月14日17:00";
3. dated duties: a date followed by 前 ("于2020年8月15日前…", "6月底前…") or announced with
   将于 / a leading "8月份，…将…"; a list of dates under one 前 gives one deadline each;
   a month date right after an annual duty ("每年10月底前…。11月5日前，…") is annual too;
4. dated plan reviews: "2025年底开展终期评估", "在2023年底、2025年底…进行中期评估和总结评估"
   (one deadline per date, even without 前);
5. phases of a work plan with their period: "推广示范阶段（2021年12月至2022年5月）" -> 2022-05
   (:mod:`.phases`);
6. relative limits: "收到通知之日起5个工作日内", "创建期满后", "离校后，由…负责…" -> due null and
   ``relative_due`` as written;
7. dated goals: "到2025年，基本淘汰…柴油汽车" -> due 2025 when a completion or state word
   follows and the clause holds no figure (numeric goals are targets only). A goal date that
   opens a paragraph carries to its later sentences and to the "——" bullets under it.

Years (:mod:`.years`, FORMAT v2): a date without a year takes its sentence's, else the nearest
full date's before it, else the document's date; else it stays null.

Not deadlines: background sentences ("…的关键时期", "我国力争…"), dates that name a goal or a
plan ("确保如期实现2030年前碳达峰目标"), numeric goals (targets only), "定期" with no period,
effective and validity dates ("自2023年1月1日起施行", "有效期至…": metadata), data cut-offs ("截至2021年底"), dates inside a quoted slogan or a
《title》, aims holding a vague or past word, anything under 不得/严禁/鼓励.  Dated tasks written
inside table cells are read by :mod:`.tables`.

``responsible`` is filled only when the text names the subject: the duty's own clause
("市能源局将…"), else an earlier clause of its sentence ("新列入名录的重点排放单位，应于…").
"""

from __future__ import annotations

import bisect
import logging
import re

from ..language.clauses import Clause, Sentence, split_sentences
from ..language.dates import mask_noise
from ..model import Deadline, Document
from ..settings import Settings
from .base import GOAL_DATE, Context, Found, TargetClauses, context_sentence
from .phases import phases
from .rules import dated, evaluations, goal_date_of, goals, labelled, recurring, relative
from .tables import table_deadlines
from .wording import subject_of, task_of
from .years import document_date, last_full_date

LOGGER = logging.getLogger(__name__)

# Cheap pre-filter: every deadline rule needs a year, a month, a rhythm word or an event word.
_MAY_HOLD_DEADLINE = re.compile(r"年|月|每|按|前|后|期|时|日内|天内|[季周]一|五[”\"]?末")
# A "——" / "--" bullet line under a goal paragraph ("——能源利用效率稳步提升。…")
_BULLET = re.compile(r"^\s*(?:—{1,2}|－{1,2}|-{2})")
# A goal paragraph may open with a short heading sentence ("（三）主要目标。到2025年，…")
MAX_LEAD_BEFORE_GOAL = 15
_RULES = (recurring, labelled, dated, evaluations, phases, relative, goals)
# How many characters two undated deadlines with one date must share before the date for one
# to repeat the other ("省节能降耗考核组将于6月下旬到我市" / "节能降耗考核组将于6月下旬对我市…")
REPEAT_SHARED = 6


def extract_deadlines(doc: Document, settings: Settings) -> list[Deadline]:
    """All deadlines of ``doc``; dates of numeric targets stay in the targets."""
    text = doc.text
    ctx = Context(text=text, dated=mask_noise(text), targets=TargetClauses(doc, settings),
                  doc_date=document_date(doc.metadata.issue_date))
    out: list[Deadline] = []
    seen: dict[tuple, list[str]] = {}
    previous_end = 0
    tables = _disjoint([t.span for t in doc.tables if t.span])
    table_starts = [a for a, _ in tables]
    line_start = -1
    for sentence in split_sentences(text):
        t = bisect.bisect_right(table_starts, sentence.start) - 1
        if t >= 0 and sentence.start < tables[t][1]:
            continue  # table cells: read by .tables
        if ctx.annual_before and "\n" in text[previous_end:sentence.start]:
            ctx.annual_before = False  # the annual cycle carries within its paragraph only
        here = text.rfind("\n", 0, sentence.start) + 1
        if here != line_start:
            line_start = here
            if not (ctx.goal_due and _BULLET.match(text[here:sentence.end])):
                ctx.goal_due = None  # a goal date carries to its paragraph and its bullets only
        found = _sentence_deadlines(ctx, sentence)
        ctx.annual_before = bool(found) and found[-1].recurrence == "annual" or (ctx.annual_before and not found)
        previous_end = sentence.end
        ctx.goal_due = _lead_goal_date(ctx, sentence, line_start) or ctx.goal_due
        ctx.anchor = last_full_date(ctx.dated, sentence) or ctx.anchor
        for f in found:
            _add(out, seen, _record(text, sentence, f), f.when)
    for record in table_deadlines(doc, ctx):
        _add(out, seen, record, None)
    LOGGER.debug("%s: %d deadlines", doc.source, len(out))
    return out


def _disjoint(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The union of ``spans`` as sorted disjoint spans (a position is looked up by bisection)."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(s for s in spans if s[0] < s[1]):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _add(out: list[Deadline], seen: dict[tuple, list[str]], record: Deadline, when: str | None) -> None:
    """Append ``record`` unless it repeats one already found (a news lead repeating the body:
    the same date, and for an undated one the same date as written after a shared subject)."""
    key = (record.due, record.recurrence, when or record.evidence)
    if when is None:
        if key in seen:
            return
        seen[key] = []
    else:
        rest = record.evidence[:max(record.evidence.find(when), 0)]  # who, before the date
        if any(_shared(rest, other) >= REPEAT_SHARED for other in seen.get(key, [])):
            return
        seen.setdefault(key, []).append(rest)
    out.append(record)


def _shared(a: str, b: str) -> int:
    from difflib import SequenceMatcher

    return SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b)).size


def _lead_goal_date(ctx: Context, sentence: Sentence, line_start: int) -> str | None:
    """The goal date of a sentence that opens its paragraph ("到2025年，…"), or None."""
    if sentence.start - line_start > MAX_LEAD_BEFORE_GOAL or not sentence.clauses:
        return None
    first = sentence.clauses[0]
    piece = ctx.dated[first.start:first.end]
    lead = GOAL_DATE.match(piece)
    if not (lead or piece.startswith(("到今年", "今年"))):
        return None
    if lead and lead.group(0).endswith("前") and piece[lead.end():].strip(" ，,：:\t"):
        return None  # "2021年底前编制完成…规划": that task's own limit, not the paragraph's frame
    return goal_date_of(piece, ctx)


def _sentence_deadlines(ctx: Context, sentence: Sentence) -> list[Found]:
    piece = ctx.text[sentence.start:sentence.end]
    if "\t" in piece.strip() or not (_MAY_HOLD_DEADLINE.search(piece) or ctx.goal_due):
        return []  # a table row (rubric conditions), or no time word at all
    if context_sentence(piece):
        return []  # "“十四五”时期是…打好基础的关键时期": the setting, not a duty
    found: list[Found] = []
    taken: set[int] = set()
    for rule in _RULES:
        for f in rule(ctx, sentence):
            if f.span is None and taken.intersection(range(f.clause_index, f.last_index + 1)):
                continue  # "到2030年，…，顺利实现2030年前碳达峰目标" is one deadline
            taken.update(range(f.clause_index, f.last_index + 1))
            found.append(f)
    return sorted(found, key=lambda f: f.clause_index)


def _record(text: str, sentence: Sentence, f: Found) -> Deadline:
    clauses = sentence.clauses
    first, last = clauses[f.clause_index], clauses[f.last_index]
    span = f.span or (first.start, _joined_end(text, last.end))
    evidence = text[span[0]:span[1]]
    responsible = f.responsible if f.responsible is not None else subject_of(text, sentence, f)
    wording = evidence
    if f.relative and not f.detail and f.relative in evidence:  # the act after its limit
        wording = evidence[evidence.index(f.relative) + len(f.relative):] or evidence
        if len(task_of(wording, responsible)) <= BARE_VERB and f.clause_index > 0 and f.span is None:
            before = clauses[f.clause_index - 1]  # "对通过新建林业项目…实现碳中和的，应不迟于…6年内完成"
            if before.sub == first.sub:
                span = (before.start, span[1])
                evidence = text[span[0]:span[1]]
                wording = _FRAME.sub("", text[before.start:before.end])
    return Deadline(
        task=f.task or task_of(_LINE_BREAK.sub("", wording), responsible), due=f.due, recurrence=f.recurrence,
        recurrence_detail=f.detail, relative_due=f.relative, responsible=responsible,
        evidence=evidence, span=span,
    )


# A clause cut inside a URL, at its colon or a dot ("…网（http" + "://www.reg-sh.org）…")
_URL_CUT = re.compile(r"(?:https?|ftp)(?::/*[\w\-./]*)?$")
# The rest of the URL and of its clause
_URL_REST = re.compile(r"[\w\-./:?=&%#]*(?:[^，,。；;\n]{0,60}(?=[，,。；;\n]))?")
_LINE_BREAK = re.compile(r"\s*\n\s*")
# A task of this many characters is only its verb ("完成"): the clause before names the act
BARE_VERB = 2
# "对通过新建林业项目的方式实现碳中和的，" -> the act without its 对…的 frame
_FRAME = re.compile(r"^对|的$")
# A line left broken inside a word ("…将结果反馈给交⏎易机构。"): a full line, a short rest
MIN_BROKEN_LINE = 20
MAX_LINE_REST = 30
_LINE_REST = re.compile(rf"[\u4e00-\u9fff][^，,。；;：:\n]{{0,{MAX_LINE_REST - 1}}}(?=[，,。；;])")


def _joined_end(text: str, end: int) -> int:
    """The end of a clause cut inside a URL ("（http://www.reg-sh.org）") or by a PDF line break
    inside a word ("…将结果反馈给交⏎易机构。"): up to the rest's stop."""
    if _URL_CUT.search(text, max(0, end - 80), end):
        return _URL_REST.match(text, end).end()
    if not (text[end:end + 1] == "\n" and "\u4e00" <= text[end - 1:end] <= "\u9fff"):
        return end
    if end - (text.rfind("\n", 0, end) + 1) < MIN_BROKEN_LINE:
        return end
    m = _LINE_REST.match(text, end + 1)
    return m.end() if m else end


__all__ = ["Clause", "extract_deadlines"]
