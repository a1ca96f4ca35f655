"""Deadlines: dated duties, recurring duties and dated goals without a number.

Three rules, sentence by sentence (vocabulary in ``extract/data/deadline_rules.yaml``):

1. recurring duties: "每年度报告一次" -> annual, "每季度" -> quarterly, "按年度落实…" / "制定年度计划";
2. dated duties: a date followed by 前 ("于2020年8月15日前…", "6月底前…") or announced with
   将于 / a leading "8月份，…将…"; the year comes from the date, its sentence, or the nearest
   full date before it in the same section ("2021年3月20日前…并于4月30日前"), never guessed;
   a month date right after an annual duty ("每年10月底前…。11月5日前，…") is annual too;
3. dated goals: "到2025年，基本淘汰…柴油汽车" -> due 2025 when a completion verb follows and
   the clause holds no numeric target (numeric targets carry their own deadline).

Not deadlines: "定期" with no period, effective dates ("自2023年1月1日起施行"), data cut-offs
("截至2021年底"), dates inside a quoted slogan, and aims holding a vague or past word
(``vague_words`` / ``fact_words``: "…显著提升", "…更加成熟和定型", "已建成…").  A semiannual
duty keeps recurrence null (the enum has no such value) and its wording in recurrence_detail.

``responsible`` is filled only when the text names the subject: the duty's own clause
("市能源局将…"), else an earlier clause of its sentence ("新列入名录的重点排放单位，应于…").
"""

from __future__ import annotations

import bisect
import logging
import re
from dataclasses import dataclass, replace

from ..language.clauses import Clause, Sentence, split_sentences
from ..language.dates import DateMatch, find_dates, find_due_dates, mask_noise
from ..language.patterns import YEAR, contains_any
from ..model import Deadline, Document
from ..settings import Settings
from .vocab import deadline_rules, recurrence_rules

LOGGER = logging.getLogger(__name__)

# 前 / 之前 / 以前 after a date makes it a due date ("2020年8月15日前"); 前后 does not.
DUE_AFTER = re.compile(r"^(?:底|末)?(?:前|之前|以前)(?!后)")
# 将于 / 要于 / 于 before a date announces when something happens ("考核组将于6月下旬…")
DUE_BEFORE = re.compile(r"(?:将于|要于|须于|应于|务必于|拟于)$")
# A dated goal: "到2025年" / "到2025年底" / "2025年前"; "截至2021年底" is a data cut-off
GOAL_DATE = re.compile(rf"(?<!截)(?<!截止)(?:力争到|力争|到|至)(?:{YEAR})年(?:底|末)?|(?:{YEAR})年(?:底|末)?(?:前|以前)")
# A date followed by 起 starts something ("自2023年1月1日起施行"): an effective date, not a due date
EFFECTIVE_AFTER = re.compile(r"^(?:底|末)?(?:起|开始|以来)")
# A window after each period: "每季度结束后15日内" / "每月结束后的40日内"
_WINDOW = r"(?:结束后的?|后的?|终了后的?)\d{1,3}(?:个工作)?[日天](?:内|以内)"
# The detail of a recurrence as written: "每年10月底前" / "每年度报告一次" / "每半年上报一次"
RECURRENCE_DETAIL = re.compile(
    rf"(?:(?:每|按|逐)(?:半年|年度?|季度?|个?月|周|星期|日|天|旬|[两二三四五六七八九十]年)|年终)"
    rf"(?:{_WINDOW}|\d{{1,2}}月(?:\d{{1,2}}日|底|末|中旬|上旬|下旬)?(?:前|之前)?|[末底初](?:前|之前)?)?"
    r"(?:[\u4e00-\u9fff]{1,4}?一次|一[\u4e00-\u9fff]{1,2}(?=[”\"，,。；]))?"
)
# A clause that ends on its period's window ("各单位在每月结束后的40日内，")
_WINDOW_ONLY = re.compile(rf"^(?:每|按)(?:半年|年度?|季度?|个?月){_WINDOW}$")
# Time words a clause may hold and still be only a time phrase ("于每季度结束后15日内，")
_TIME_ONLY = re.compile(
    rf"^(?:从|自)?(?:(?:{YEAR})年)?(?:\d{{1,2}}月)?(?:起|开始)?(?:于|在)?(?:每|按)(?:半年|年度?|季度?|个?月){_WINDOW}$"
)
# Cheap pre-filter: every deadline rule needs a year, a month or a recurrence word.
_MAY_HOLD_DEADLINE = re.compile(r"年|月|每|按")
# How many later clauses a time word with no act of its own may reach for one
VERB_REACH = 2
# A list of due dates needs this many dates to show a cycle by their spacing
LIST_RHYTHM_MIN = 3
# Longest subject noun phrase: "各县市区人民政府" / "集团各二级单位"
MAX_SUBJECT = 16
# Longest 、-joined list of subjects: "省发展改革委、人民银行济南分行、省地方金融监管局"
MAX_SUBJECT_LIST = 48


@dataclass(slots=True)
class _Found:
    clause_index: int
    last_index: int
    due: str | None
    recurrence: str | None
    detail: str | None
    span: tuple[int, int] | None = None  # a part of a clause ("…“县县通气”、东部地区实现…")
    when: str | None = None  # the date as written, for undated repeats ("6月下旬")


def extract_deadlines(doc: Document, settings: Settings) -> list[Deadline]:
    """All deadlines of ``doc``; dates of numeric targets stay in the targets."""
    text = doc.text
    dated = mask_noise(text)
    target_ends = _TargetClauses(doc, settings)
    out: list[Deadline] = []
    seen: set[tuple] = set()
    annual_before = False
    previous_end = 0
    tables = [t.span for t in doc.tables if t.span]
    sections = _section_starts(doc)
    anchor: DateMatch | None = None  # the last full date (year and month) of the section
    section = 0
    for sentence in split_sentences(text):
        if any(a <= sentence.start < b for a, b in tables):
            continue  # table cells are rubric conditions or data, not duties
        if annual_before and "\n" in text[previous_end:sentence.start]:
            annual_before = False  # the annual cycle carries within its paragraph only
        here = bisect.bisect_right(sections, sentence.start)
        if here != section:
            anchor, section = None, here  # a year carries within its section only
        found = _sentence_deadlines(text, dated, sentence, target_ends, annual_before, anchor)
        annual_before = bool(found) and found[-1].recurrence == "annual" or (annual_before and not found)
        previous_end = sentence.end
        anchor = _last_full_date(dated, sentence) or anchor
        for f in found:
            record = _record(text, sentence, f)
            key = (record.due, record.recurrence, f.when or record.evidence)
            if key not in seen:  # a news lead repeating the body is one deadline
                seen.add(key)
                out.append(record)
    LOGGER.debug("%s: %d deadlines", doc.source, len(out))
    return out


def _section_starts(doc: Document) -> list[int]:
    """Where each first-level section (一、…) starts: from the structure's blocks, or from
    the lines' outline markers when the document was not structured."""
    if doc.blocks:
        return [b.span[0] for b in doc.blocks if b.kind == "heading" and b.level == 1]
    from ..normalize.outline import outline_level

    starts, pos = [], 0
    for line in doc.text.split("\n"):
        if outline_level(line) == 1:
            starts.append(pos)
        pos += len(line) + 1
    return starts


def _last_full_date(dated: str, sentence: Sentence) -> DateMatch | None:
    """The last date with a year and a month in the sentence ("2021年3月20日")."""
    piece = dated[sentence.start:sentence.end]
    if "年" not in piece or "月" not in piece:
        return None
    full = [d for d in find_dates(piece) if d.year is not None and d.month is not None]
    return full[-1] if full else None


class _TargetClauses:
    """Clauses that hold a numeric target (by position, and by text for repeated passages)."""

    def __init__(self, doc: Document, settings: Settings) -> None:
        targets = doc.targets
        if not targets and not settings.extract_targets:
            from ..targets import extract_targets

            targets = extract_targets(doc, settings)
        self.ends = {t.span[1] for t in targets}
        self.evidences = {t.evidence for t in targets}

    def holds(self, text: str, clause: Clause) -> bool:
        piece = text[clause.start:clause.end]
        return clause.end in self.ends or any(e.endswith(piece) for e in self.evidences)


def _sentence_deadlines(text: str, dated: str, sentence: Sentence, target_ends: set[int],
                        annual_before: bool, anchor: DateMatch | None = None) -> list[_Found]:
    piece = text[sentence.start:sentence.end]
    if "\t" in piece or not _MAY_HOLD_DEADLINE.search(piece):
        return []  # a table row (rubric conditions), or no date / recurrence word at all
    found: list[_Found] = []
    taken: set[int] = set()
    for rule in (_recurring, _dated, _goals):
        for f in rule(text, dated, sentence, target_ends, annual_before, anchor):
            if f.span is None and taken.intersection(range(f.clause_index, f.last_index + 1)):
                continue  # "到2030年，…，顺利实现2030年前碳达峰目标" is one deadline
            taken.update(range(f.clause_index, f.last_index + 1))
            found.append(f)
    return sorted(found, key=lambda f: f.clause_index)


# ---------------------------------------------------------------------------- rules


def _recurring(text, dated, sentence, target_ends, annual_before, anchor) -> list[_Found]:
    out = []
    for i, clause in enumerate(sentence.clauses):
        piece = dated[clause.start:clause.end]
        for pattern, recurrence, verbs in recurrence_rules():
            m = pattern.search(piece)
            if not m:
                continue
            last = _extend_forward(text, sentence, i, piece[m.start():])
            timed = _TIME_ONLY.match(piece) or _WINDOW_ONLY.match(piece[m.start():])
            if last == i and timed and i + 1 < len(sentence.clauses):
                last = i + 1  # "从2022年4月起在每月结束后的40日内，通过…检测"
            last = _reach_verb(dated, sentence, i, last, verbs)
            span_text = dated[clause.start:sentence.clauses[last].end]
            if not contains_any(span_text, verbs) or _not_a_duty(piece, m.start(), m.end(), verbs):
                break
            detail = RECURRENCE_DETAIL.match(piece, m.start())
            out.append(_Found(i, last, None, recurrence, detail.group(0) if detail else None))
            break
    return out


def _reach_verb(dated: str, sentence: Sentence, i: int, last: int, verbs: tuple[str, ...]) -> int:
    """A time word whose clause holds no act takes the act of the next clauses of its
    sub-sentence ("区财政金融局年终根据各部门…完成情况，将考评结果报区管委会…")."""
    clauses = sentence.clauses
    piece = dated[clauses[i].start:clauses[last].end]
    if contains_any(piece, verbs) or re.search(r"\d", piece):
        return last  # an act already, or a figure ("每年减少排放1万吨") that no later act governs
    for j in range(last + 1, min(last + 1 + VERB_REACH, len(clauses))):
        if clauses[j].sub != clauses[i].sub:
            break
        if contains_any(dated[clauses[j].start:clauses[j].end], verbs):
            return j
    return last


def _dated(text, dated, sentence, target_ends, annual_before, anchor) -> list[_Found]:
    out = []
    s_text = dated[sentence.start:sentence.end]
    dates = find_due_dates(s_text)
    lists = _date_lists(s_text, dates)
    for k, d in enumerate(dates):
        if d.month is None and not DUE_AFTER.match(s_text[d.end:]):
            continue  # a bare year is a goal date (rule 3) or context
        if EFFECTIVE_AFTER.match(s_text[d.end:]) or _quoted(s_text, d.start):
            continue  # "自2023年1月1日起施行" / "聚焦“确保2030年前实现碳达峰”目标"
        i = _clause_at(sentence, sentence.start + d.start)
        clause = sentence.clauses[i]
        if target_ends.holds(text, clause) or _forbidden(s_text[clause.start - sentence.start:d.start]):
            continue
        before = s_text[:d.start]
        members = lists.get(k)
        announced = DUE_BEFORE.search(before) or _leads_future_clause(text, sentence, i, d)
        if not (DUE_AFTER.match(s_text[d.end:]) or announced or members):
            continue
        due = _due(d, dates)
        recurrence = detail = None
        if due is None and annual_before and d.year is None:
            recurrence, detail = "annual", "每年" + _date_text(s_text, d)
        elif due is None:
            due = _carried_due(d, anchor)
        span = None
        if members:  # "分别于2022年4月5日、7月5日、10月10日，2023年1月5日前报告上一季度…"
            tail = members[-1]
            j = _clause_at(sentence, sentence.start + tail.start)
            last = _extend_forward(text, sentence, j, s_text[tail.start:sentence.clauses[j].end - sentence.start])
            span = (sentence.clauses[_clause_at(sentence, sentence.start + members[0].start)].start,
                    sentence.clauses[last].end)
            recurrence = recurrence or _list_rhythm(members, dates)
            detail = detail or s_text[members[0].start:tail.end] + _date_text(s_text, tail)[tail.end - tail.start:]
        else:
            last = _extend_forward(text, sentence, i, s_text[d.start:clause.end - sentence.start])
        when = _date_text(s_text, d) if due is None and recurrence is None else None
        out.append(_Found(i, last, due, recurrence, detail, span=span, when=when))
    return out


# Between the dates of one list: "4月5日、7月5日" / "10月10日，2023年1月5日" / "6月和12月"
_LIST_JOINER = re.compile(r"^(?:、|，|,|和|及|与|或)$")


def _date_lists(s_text: str, dates: list[DateMatch]) -> dict[int, list[DateMatch]]:
    """Dates joined into one list that ends on a due date ("分别于4月5日、7月5日前"): each
    member's index -> the whole list; dates that stand alone are absent."""
    out: dict[int, list[DateMatch]] = {}
    run: list[int] = []
    for k, d in enumerate(dates):
        if run and not _LIST_JOINER.match(s_text[dates[run[-1]].end:d.start]):
            run = []
        run.append(k)
        if len(run) > 1 and DUE_AFTER.match(s_text[d.end:]) and all(dates[r].month for r in run):
            members = [dates[r] for r in run]
            out.update({r: members for r in run})
            run = []
    return out


def _list_rhythm(members: list[DateMatch], dates: list[DateMatch]) -> str | None:
    """The cycle of three or more listed due dates: months three apart -> quarterly, one ->
    monthly, twelve -> annual ("4月5日、7月5日、10月10日，2023年1月5日前" is quarterly)."""
    if len(members) < LIST_RHYTHM_MIN:
        return None
    months, year = [], 0
    for d in members:
        year = d.year if d.year is not None else year
        months.append(year * 12 + d.month)
    gaps = {b - a for a, b in zip(months, months[1:])}
    return {frozenset({3}): "quarterly", frozenset({1}): "monthly", frozenset({12}): "annual"}.get(frozenset(gaps))


def _forbidden(before: str) -> bool:
    """A prohibiting or guiding word before the date in its clause ("严禁…", "鼓励…")."""
    return contains_any(_NOT_LATER.sub("", before), deadline_rules()["not_duty_words"])


def _goals(text, dated, sentence, target_ends, annual_before, anchor) -> list[_Found]:
    out = []
    rules = deadline_rules()
    verbs = tuple(rules["goal_verbs"])
    vague = tuple(rules["vague_words"]) + tuple(rules["fact_words"])
    due = None
    for i, clause in enumerate(sentence.clauses):
        piece = dated[clause.start:clause.end]
        for m in GOAL_DATE.finditer(piece):
            if not _quoted(piece, m.start()):
                due = _goal_due(m.group(0))
        if due is None or target_ends.holds(text, clause) or contains_any(piece, vague):
            continue
        parts = _goal_parts(piece, verbs)
        if not parts:
            continue
        start = _goal_start(sentence, i, target_ends, text)
        if len(parts) == 1:
            out.append(_Found(start, i, due, None, None))
            continue
        for k, (a, b) in enumerate(parts):  # "西部…基本实现…“县县通气”、东部地区实现…“市市通气”"
            begin = sentence.clauses[start].start if k == 0 else clause.start + a
            out.append(_Found(i, i, due, None, None, span=(begin, clause.start + b)))
    return out


def _goal_parts(piece: str, verbs: tuple[str, ...]) -> list[tuple[int, int]]:
    """Spans of the goals in a clause: one, or each 、-joined part that has its own verb."""
    if len(GOAL_DATE.sub("", piece)) <= 2 or not contains_any(GOAL_DATE.sub("", piece), verbs):
        return []
    parts, pos = [], 0
    for m in re.finditer(r"、|$", piece):
        parts.append((pos, m.start()))
        pos = m.end()
    if len(parts) > 1 and all(contains_any(piece[a:b], verbs) for a, b in parts):
        return parts
    return [(0, len(piece))]


# ---------------------------------------------------------------------------- helpers


def _not_a_duty(piece: str, start: int, end: int, verbs: tuple[str, ...]) -> bool:
    """The time word at ``piece[start:end]`` sets no duty: it follows a guiding or
    prohibiting word ("鼓励企业按年度发布…", "又忌简单实施年度考核"), or it sits in a basis
    phrase ("根据省级每年专项资金安排情况…进行任务分解")."""
    rules = deadline_rules()
    before = _NOT_LATER.sub("", piece[:start])
    if contains_any(before, rules["not_duty_words"]):
        return True
    if not contains_any(before, rules["basis_words"]):
        return False
    after = piece[end:]
    first_verb = min((k for k in (after.find(v) for v in verbs) if k >= 0), default=len(after))
    return contains_any(after[:first_verb], rules["basis_heads"])


# "不得晚于2022年6月30日" bounds a date, it forbids nothing
_NOT_LATER = re.compile(r"不得?晚于|不得?迟于")


def _quoted(s_text: str, pos: int) -> bool:
    """True inside an open “…” or 《…》: a slogan, a goal's or a document's name
    ("“确保2030年前实现碳达峰”目标", "按照国家《2030年前碳达峰行动方案》")."""
    before = s_text[:pos]
    return before.count("“") > before.count("”") or before.count("《") > before.count("》")


def _clause_at(sentence: Sentence, pos: int) -> int:
    for i, c in enumerate(sentence.clauses):
        if c.start <= pos < c.end:
            return i
    return len(sentence.clauses) - 1


def _extend_forward(text: str, sentence: Sentence, i: int, from_date: str) -> int:
    """A clause that is only a time phrase ("每年10月底前，") takes the clause it governs."""
    rest = re.sub(rf"^(?:于|在)?(?:每(?:年度?|季度?|个?月))?(?:(?:{YEAR})年)?[\d一二三四五六七八九十]*月?[\d一二三四五六七八九十]*[日号]?(?:底|末|中旬|上旬|下旬|份|初)?(?:前|之前|以前)?", "", from_date)
    if len(rest) <= 1 and i + 1 < len(sentence.clauses):
        return i + 1
    return i


def _leads_future_clause(text: str, sentence: Sentence, i: int, d: DateMatch) -> bool:
    """"8月份,市节能办将根据…": a date clause of its own, followed by a 将/要 clause."""
    clause = sentence.clauses[i]
    own = text[clause.start:clause.end]
    if len(own) > (d.end - d.start) + 1 or i + 1 >= len(sentence.clauses):
        return False
    nxt = sentence.clauses[i + 1]
    return bool(re.search(r"将|要|须|务必", text[nxt.start:nxt.end]))


def _due(d: DateMatch, dates: list[DateMatch]) -> str | None:
    """The date's own year, else a year written earlier in the same sentence (never guessed).

    A reporting year ("核定的2020年度配额将于10月20日前发放") is what is reported on, not
    when: it gives no year to a later date.
    """
    if d.year is not None:
        return d.text_due if d.month is not None or d.part else str(d.year)
    years = [x for x in dates if x.year is not None and x.end <= d.start and x.part != "度"]
    if not years:
        return None
    if years[-1].month is not None:
        return _carried_due(d, years[-1])
    return replace(d, year=years[-1].year).text_due


def _carried_due(d: DateMatch, anchor: DateMatch | None) -> str | None:
    """A month date takes the year of the last full date before it when it does not fall
    before it ("2021年3月20日前…并于4月30日前" -> 2021-04-30); else no year is guessed."""
    if anchor is None or d.month is None or anchor.month is None:
        return None
    if (d.month, d.day or 0) < (anchor.month, anchor.day or 0):
        return None  # "2021年11月30日…1月15日前": the year may have turned
    return replace(d, year=anchor.year).text_due


def _date_text(s_text: str, d: DateMatch) -> str:
    m = re.match(r"(?:底|末)?(?:前|之前|以前)?", s_text[d.end:])
    return s_text[d.start:d.end] + (m.group(0) if m else "")


def _goal_due(phrase: str) -> str | None:
    m = re.search(rf"({YEAR})年(底|末)?", phrase)
    if not m:
        return None
    from ..language.dates import year_of

    year = year_of(m.group(0))
    return f"{year}-12" if m.group(2) else str(year)


def _goal_start(sentence: Sentence, i: int, target_ends: set[int], text: str) -> int:
    """Extend a goal back to its "到2025年" when only context clauses stand between them."""
    clauses = sentence.clauses
    for j in range(i - 1, -1, -1):
        c = clauses[j]
        if c.sub != clauses[i].sub or target_ends.holds(text, c):
            return i
        if GOAL_DATE.search(text[c.start:c.end]):
            return j
    return i


def _record(text: str, sentence: Sentence, f: _Found) -> Deadline:
    first, last = sentence.clauses[f.clause_index], sentence.clauses[f.last_index]
    span = f.span or (first.start, last.end)
    evidence = text[span[0]:span[1]]
    responsible = _subject(text, sentence, f)
    return Deadline(
        task=_task(evidence, responsible), due=f.due, recurrence=f.recurrence, recurrence_detail=f.detail,
        responsible=responsible, evidence=evidence, span=span,
    )


_TASK_NOISE = re.compile(
    rf"(?:请|并|应|须|需|务必|分别|到|至|于|在|从|自|起|力争|年终|(?:每|按|逐)(?:半年|年度?|季度?|个?月|周|星期|日|天|旬)(?:末|底|初)?|{_WINDOW}|(?:{YEAR})年(?:底|末|度)?|年(?:底|末)|第?[一二三四]季度(?:末|底)?|\d{{1,2}}月(?:\d{{1,2}}[日号]|底|末|中旬|上旬|下旬|份)?|前|之前|以前|[，,、和]|将|要)+"
)


def _task(evidence: str, responsible: list[str]) -> str:
    """The duty without its subject and time words: "请各地于2023年3月10日前将…" -> "将…"."""
    task = evidence
    for _ in range(3):  # time words and subject may come in either order
        task = _TASK_NOISE.sub("", task, count=1) if _TASK_NOISE.match(task) else task
        for subject in responsible:
            task = task.removeprefix(subject)
    return task.strip("，,。；; ") or evidence


def _subject(text: str, sentence: Sentence, f: _Found) -> list[str]:
    """The organisations that open the duty's clause ("市能源局将牵头…", "请各二级单位…"), else
    the subject of an earlier clause of its sentence ("新列入名录的重点排放单位，应于9月30日前…",
    "各重点排放单位须按照…要求，在2022年3月31日前，…")."""
    rules = deadline_rules()
    enders = "|".join(map(re.escape, sorted(rules["subject_enders"], key=len, reverse=True)))
    suffixes = tuple(rules["org_suffixes"])
    own = range(f.clause_index, f.last_index + 1)
    earlier = range(min(f.clause_index, len(sentence.clauses)) - 1, -1, -1)
    for k in [*own, *earlier]:
        clause = sentence.clauses[k]
        piece = _SUBJECT_PREFIX.sub("", text[clause.start:clause.end])
        m = re.match(rf"(?P<subj>[^，,。；]{{2,{MAX_SUBJECT_LIST}}}?)(?:{enders})", piece)
        names = _org_names(m.group("subj"), suffixes) if m else []
        if not names and k not in own and len(piece) <= MAX_SUBJECT:
            names = _org_names(piece, suffixes)  # a clause that is only its subject
        if names:
            return names
    return []


# Time words and 请 before a subject: "11月5日前，" / "每年" / "请"
_SUBJECT_PREFIX = re.compile(r"^(?:[\d一二三四五六七八九十]+月[^，,]*?[前份旬底]|每(?:年度?|季度?|个?月)|请)")
# "各区" / "各地" / "各县（市、区）": local governments named by 各 and a place level
_EACH_PLACE = re.compile(r"^各(?:地|区|市|县|镇|乡|省|盟|旗)[^，,。；]{0,8}$")


# 、 or 和 between subjects, never inside brackets ("各县（市、区）")
_LIST_SEPARATOR = re.compile(r"(?:、|和(?=[^、]{2,}$))(?![^（(]*[）)])")
_COMMA_ONLY = re.compile(r"、(?![^（(]*[）)])")


def _org_names(phrase: str, suffixes: tuple[str, ...]) -> list[str]:
    """The 、-joined organisations of ``phrase``, or [] when one part is not an organisation."""
    for separator in (_LIST_SEPARATOR, _COMMA_ONLY):  # "省工业和信息化厅" holds a 和 of its own
        names = [p.strip() for p in separator.split(phrase) if p.strip()]
        if names and all(len(n) <= MAX_SUBJECT and (n.endswith(suffixes) or _EACH_PLACE.match(n))
                         for n in names):
            return names
    return []


__all__ = ["Clause", "extract_deadlines"]
