"""The sentence rules: each reads one sentence in its :class:`~.base.Context` and returns
what it found (vocabulary in ``extract/data/deadline_rules.yaml``).

* :func:`recurring` — "每年度报告一次" -> annual, "每季度" -> quarterly, "每周" -> null + detail;
* :func:`labelled` — "申报截止时间：2021年7月20日16:30", "时间：2024年12月24日～2025年1月14日17:00"
  (due is the end), "申请期限至2025年12月底";
* :func:`dated` — a date followed by 前 or announced with 将于; lists of due dates; 今年底 / 年内;
* :func:`evaluations` — "2025年底开展终期评估" (dated plan reviews, one per date);
* :func:`relative` — "收到通知之日起5个工作日内", "创建期满后", "离校后，由…" (``relative_due``);
* :func:`goals` — "到2025年，基本淘汰…" / "…达到国内先进水平" / "培育一批…" without a figure.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..language.clauses import Clause, Sentence
from ..language.dates import DateMatch, find_dates, find_due_dates, year_of
from ..language.patterns import YEAR, contains_any
from .base import (
    DUE_AFTER,
    DUE_BEFORE,
    EFFECTIVE_AFTER,
    GOAL_DATE,
    RECURRENCE_DETAIL,
    TIME_ONLY,
    VERB_REACH,
    WINDOW_IN_DETAIL,
    WINDOW_ONLY,
    Context,
    Found,
    clause_at,
    date_text,
    extend_forward,
    forbidden,
    mask_noun_goals,
    names_goal,
    not_a_duty,
    numeric,
    numeric_goal,
    quoted,
    reach_verb,
)
from .vocab import (
    deadline_rules,
    label_pattern,
    label_text,
    line_wrapped,
    recurrence_rules,
    relative_patterns,
)
from .years import (
    OTHER_YEAR,
    THIS_YEAR_END,
    THIS_YEAR_GOAL,
    THIS_YEAR_MONTH,
    WITHIN_THIS_YEAR,
    carried_due,
    due_in_sentence,
    goal_due,
    this_year,
)

# A list of due dates needs this many dates to show a cycle by their spacing
LIST_RHYTHM_MIN = 3
# Between the dates of one list: "4月5日、7月5日" / "10月10日，2023年1月5日" / "6月和12月"
_LIST_JOINER = re.compile(r"^(?:、|，|,|和|及|与|或)$")
# A clock time after a date: "2025年1月14日17:00" / "8日8：00"
_CLOCK = re.compile(r"^\s*\d{1,2}[:：]\d{2}")
# What a clause cut by a clock's colon keeps of the clock: "30前" / "00之前"
_CLOCK_TAIL = re.compile(r"\d{2}(?:前|之前|以前)?")
# Between the two dates of a range: "2024年12月24日～2025年1月14日" / "…至…"
_RANGE = re.compile(r"^\s*(?:至|到|~|～|—{1,2}|－|-)\s*")


def recurring(ctx: Context, sentence: Sentence) -> list[Found]:
    out = []
    for i, clause in enumerate(sentence.clauses):
        piece = ctx.dated[clause.start:clause.end]
        for pattern, recurrence, verbs in recurrence_rules():
            m = pattern.search(piece)
            if not m:
                continue
            # "一月一测" names its act: no date phrase waiting for the next clause's verb
            last = i if m.group(0).endswith("一") else extend_forward(sentence, i, piece[m.start():])
            timed = TIME_ONLY.match(piece) or WINDOW_ONLY.match(piece[m.start():])
            if last == i and timed and i + 1 < len(sentence.clauses):
                last = i + 1  # "从2022年4月起在每月结束后的40日内，通过…检测"
            last = reach_verb(ctx.dated, sentence, i, last, verbs)
            span_text = ctx.dated[clause.start:sentence.clauses[last].end]
            if not contains_any(span_text, verbs) or not_a_duty(piece, m.start(), m.end(), verbs):
                break
            if numeric_goal(ctx.dated[clause.start + m.end():sentence.clauses[last].end]):
                break  # "每年新增…新能源汽车比例不低于60%": a numeric goal is a target only
            detail = RECURRENCE_DETAIL.match(piece, m.start())
            detail_text = detail.group(0) if detail else None
            window = WINDOW_IN_DETAIL.search(detail_text or "")
            out.append(Found(i, last, None, recurrence, detail_text,
                             relative=window.group(0) if window else None))
            break
    return out


def labelled(ctx: Context, sentence: Sentence) -> list[Found]:
    """A date after a label that names a limit ("截止时间：", "申请期限至"), or a range after
    any time label ("时间：2024年12月24日～2025年1月14日17:00"): due is the (end) date."""
    out = []
    s_text = ctx.dated[sentence.start:sentence.end]
    dates = None
    for i, clause in enumerate(sentence.clauses):
        head = s_text[clause.start - sentence.start:]
        m = label_pattern().match(head)
        if not m or quoted(s_text, clause.start - sentence.start):
            continue
        label = label_text(m)
        kind = _label_kind(label)
        if kind is None:
            continue
        dates = dates if dates is not None else find_due_dates(s_text)
        end = _labelled_date(s_text, clause.start - sentence.start + m.end(), dates, kind)
        if end is None:
            continue
        due = due_in_sentence(end, dates) or carried_due(end, ctx.anchor, ctx.doc_date)
        last = _past_clock(ctx.dated, sentence, clause_at(sentence, sentence.start + end.start))
        task = _label_task(label) or _label_task(_sentence_label(s_text))
        first = i
        if i > 0 and sentence.clauses[i - 1].sub == clause.sub and not label.startswith(_LIMIT_NOUNS):
            first = i - 1  # "补贴由企业申请，申请期限至2025年12月底": the limit of the clause before
        found = Found(first, max(i, last), due, None, None, when=None if due else date_text(s_text, end), task=task)
        out.append(_in_note(found, ctx, sentence, clause.start - sentence.start))
    return out


def _in_note(found: Found, ctx: Context, sentence: Sentence, pos: int) -> Found:
    """A label inside a note after its task ("确保完成…下降目标（责任部门：气候处，完成期限：
    2021年四季度）"): the task is the text before the note, the responsible its 责任部门."""
    s_text = ctx.text[sentence.start:sentence.end]
    opened = s_text.rfind("（", 0, pos)
    if opened <= 0 or opened < s_text.rfind("）", 0, pos):
        return found
    first = clause_at(sentence, sentence.start + opened)
    while first > 0 and sentence.clauses[first - 1].sub == sentence.clauses[first].sub:
        first -= 1
    close = s_text.find("）", pos)
    note = s_text[opened:close if close > 0 else len(s_text)]
    names = [n for m in _NOTE_RESPONSIBLE.finditer(note) for n in re.split(r"[、,，]", m.group(1).replace("\n", "")) if n]
    task = s_text[sentence.clauses[first].start - sentence.start:opened]
    return replace(found, clause_index=first, task=task or found.task, responsible=names or None)


# "（责任部门：气候处，完成期限：…）" / "（牵头单位：市发展改革委、市统计局；…）"
_NOTE_RESPONSIBLE = re.compile(rf"(?:{'|'.join(map(line_wrapped, ('责任', '牵头', '负责', '承办')))})\n?"
                               rf"(?:{'|'.join(map(line_wrapped, ('部门', '单位', '处室')))})\n?[:：]([^，,；;）)]+)")


# A label that is only its limit word names nothing of its own: "时间：…" / "截止时间：…"
_LIMIT_NOUNS = ("时间", "截止", "日期", "期限", "时限")


def _label_kind(label: str) -> str | None:
    """"due" for a label naming a limit, "range" for a bare time label, None otherwise."""
    rules = deadline_rules()
    if contains_any(label, rules["not_due_labels"]):
        return None  # "有效期至…" is validity (metadata), "开放时间" opens a window
    return "due" if contains_any(label, rules["due_labels"]) else "range"


def _labelled_date(s_text: str, pos: int, dates: list[DateMatch], kind: str) -> DateMatch | None:
    if (open_start := _OPEN_START.match(s_text, pos)) is not None:
        pos = open_start.end()  # "受理时间：即日起至2022年2月28日": a range from now, due at its end
        kind = "due"
    first = next((d for d in dates if d.start == pos and d.month is not None), None)
    if first is None:
        return None
    after = first.end + (m.end() if (m := _CLOCK.match(s_text[first.end:])) else 0)
    sep = _RANGE.match(s_text[after:])
    second = next((d for d in dates if sep and d.start == after + sep.end() and d.month is not None), None)
    if second is not None:
        return second
    return first if kind == "due" else None


# A range that starts now: "即日起至…" / "自即日起至…" / "即日至…"
_OPEN_START = re.compile(r"[自从]?即日(?:起)?(?:至|到)")


def _past_clock(dated: str, sentence: Sentence, j: int) -> int:
    """"…2021年8月11日17：30": a clock's colon is no clause break."""
    clauses = sentence.clauses
    while (j + 1 < len(clauses) and dated[clauses[j].end - 1].isdigit()
           and re.match(r"\d{2}(?!\d)", dated[clauses[j + 1].start:clauses[j + 1].end])):
        j += 1
    return j


def _sentence_label(s_text: str) -> str:
    """The label opening the sentence ("系统网上申报开放时间：…，关闭时间：…" -> "系统网上申报")."""
    m = re.match(r"[\u4e00-\u9fff]{2,16}?(?=开放|开始|起始|截止|关闭|时间|日期|期限)", s_text)
    return m.group(0) if m else ""


def _label_task(label: str) -> str | None:
    """"申报截止时间" -> "申报"; a bare "时间" names no task."""
    task = re.sub(r"(?:截止|关闭|结束|完成)?(?:时间|日期|期限|时限)?$|截止$", "", label)
    return task if len(task) >= 2 else None


def dated(ctx: Context, sentence: Sentence) -> list[Found]:
    out = []
    s_text = ctx.dated[sentence.start:sentence.end]
    year = this_year(ctx.anchor, ctx.doc_date)
    dates = find_due_dates(s_text)
    own_due = _this_year_dates(s_text, year)
    dates = sorted(dates + own_due, key=lambda d: d.start)
    lists = _date_lists(s_text, dates)
    for k, d in enumerate(dates):
        is_own = d in own_due  # "今年底前" / "年内" name their own limit
        if d.month is None and not (DUE_AFTER.match(s_text[d.end:]) or is_own):
            continue  # a bare year is a goal date (rule 3) or context
        if EFFECTIVE_AFTER.match(s_text[d.end:]) or quoted(s_text, d.start):
            continue  # "自2023年1月1日起施行" / "聚焦“确保2030年前实现碳达峰”目标"
        i = clause_at(sentence, sentence.start + d.start)
        clause = sentence.clauses[i]
        if ctx.targets.holds(ctx.text, clause) or forbidden(s_text[clause.start - sentence.start:d.start]):
            continue
        if d.month is None and d.part is None and not is_own and _year_goal(ctx, clause, sentence.start + d.start, s_text, d):
            continue  # a bare "2030年前": a goal date (the goal rule's) or a goal's name
        before = s_text[:d.start]
        members = lists.get(k)
        announced = DUE_BEFORE.search(before) or _leads_future_clause(ctx.text, sentence, i, d)
        if not (DUE_AFTER.match(s_text[d.end:]) or announced or members or is_own):
            continue
        if d.year is None and year is not None and THIS_YEAR_MONTH.search(before):
            d = replace(d, year=year)  # "今年6月底前"
        due = d.text_due if is_own else due_in_sentence(d, dates)
        recurrence = detail = None
        if due is None and ctx.annual_before and d.year is None and not is_own:
            recurrence, detail = "annual", "每年" + date_text(s_text, d)
        elif due is None and not is_own and not OTHER_YEAR.search(before):
            due = carried_due(d, ctx.anchor, ctx.doc_date)
        span = None
        if members:  # "分别于2022年4月5日、7月5日、10月10日，2023年1月5日前报告上一季度…"
            tail = members[-1]
            j = clause_at(sentence, sentence.start + tail.start)
            last = extend_forward(sentence, j, s_text[tail.start:sentence.clauses[j].end - sentence.start])
            span = (sentence.clauses[clause_at(sentence, sentence.start + members[0].start)].start,
                    sentence.clauses[last].end)
            recurrence = recurrence or _list_rhythm(members)
            detail = detail or s_text[members[0].start:tail.end] + date_text(s_text, tail)[tail.end - tail.start:]
        else:
            last = extend_forward(sentence, i, s_text[d.start:clause.end - sentence.start])
            if re.fullmatch(r"\d{1,2}", s_text[d.end:clause.end - sentence.start]):
                last = _past_clock(ctx.dated, sentence, i)  # "…17：30前完成…": a clock's colon
                last = extend_forward(sentence, last, "")  if _CLOCK_TAIL.fullmatch(
                    ctx.dated[sentence.clauses[last].start:sentence.clauses[last].end]) else last
        if not members and numeric_goal(ctx.dated[sentence.start + d.end:sentence.clauses[last].end]):
            continue  # "2025年底前，建设1个以上滨海沙滩景观带样板": a target only
        when = date_text(s_text, d) if due is None and recurrence is None else None
        out.append(Found(i, last, due, recurrence, detail, span=span, when=when))
    return out


def _year_goal(ctx: Context, clause: Clause, pos: int, s_text: str, d: DateMatch) -> bool:
    """A bare year before 前 is a goal date: the goal rule reads a clause that holds a goal
    word ("有条件的地区2025年前实现公共机构碳达峰、…2030年前尽早达峰": one goal per part);
    one that names a goal ("确保如期实现2030年前碳达峰目标") or holds a progress word ("为…2030年前
    碳达峰奠定坚实基础") is none."""
    piece = ctx.dated[clause.start:clause.end]
    at = pos - clause.start
    rules = deadline_rules()
    return (names_goal(piece, at, at + len(date_text(s_text, d)))
            or contains_any(piece, tuple(rules["vague_words"]))
            or contains_any(mask_noun_goals(piece), tuple(rules["goal_verbs"]) + tuple(rules["completion_adverbs"])))


def _this_year_dates(s_text: str, year: int | None) -> list[DateMatch]:
    """"今年底前" -> December of this year; "年内完成" -> this year (FORMAT v2: the year of the
    nearest full date before, else of the document's date, else null)."""
    if "年" not in s_text:
        return []
    out = [DateMatch(m.start(), m.end(), year, 12, None, "底") for m in THIS_YEAR_END.finditer(s_text)]
    out += [DateMatch(m.start(), m.end(), year, None, None, "年内") for m in WITHIN_THIS_YEAR.finditer(s_text)]
    return out


def _leads_future_clause(text: str, sentence: Sentence, i: int, d: DateMatch) -> bool:
    """"8月份,市节能办将根据…": a date clause of its own, followed by a 将/要 clause."""
    clause = sentence.clauses[i]
    own = text[clause.start:clause.end]
    if len(own) > (d.end - d.start) + 1 or i + 1 >= len(sentence.clauses):
        return False
    nxt = sentence.clauses[i + 1]
    return bool(re.search(r"将|要|须|务必", text[nxt.start:nxt.end]))


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


def _list_rhythm(members: list[DateMatch]) -> str | None:
    """The cycle of three or more listed due dates: months three apart -> quarterly, one ->
    monthly, twelve -> annual ("4月5日、7月5日、10月10日，2023年1月5日前" is quarterly)."""
    if len(members) < LIST_RHYTHM_MIN:
        return None
    months, year = [], 0
    for d in members:
        year = d.year if d.year is not None else year
        months.append(year * 12 + (d.month or 0))
    gaps = frozenset(b - a for a, b in zip(months, months[1:]))
    return {frozenset({3}): "quarterly", frozenset({1}): "monthly", frozenset({12}): "annual"}.get(gaps)


# Parts of a date that mean the end of its year, and what joins the years of a list
YEAR_END_PARTS = ("底", "末", "年底", "年末")
LIST_JOINERS = ("、", "和", "及", "与")


def evaluations(ctx: Context, sentence: Sentence) -> list[Found]:
    """Dated reviews of a plan: "2025年底开展终期评估", "在2023年底、2025年底…分别进行中期评估和
    总结评估" (one deadline per date; with 分别 each date takes its own review)."""
    words = tuple(deadline_rules()["evaluation_words"])
    s_text = ctx.dated[sentence.start:sentence.end]
    if not contains_any(s_text, words):
        return []
    out = []
    clauses = sentence.clauses
    for i, clause in enumerate(clauses):
        piece = ctx.dated[clause.start:clause.end]
        if not contains_any(piece, words) or forbidden(piece) or contains_any(piece, deadline_rules()["fact_words"]):
            continue
        first = i
        while first > 0 and i - first < VERB_REACH and clauses[first - 1].sub == clause.sub and not contains_any(
                ctx.dated[clauses[first - 1].start:clauses[first - 1].end], words):
            first -= 1
        lo, hi = clauses[first].start - sentence.start, clause.end - sentence.start
        dates = [d for d in find_due_dates(s_text[lo:hi]) if d.year is not None and not quoted(s_text, lo + d.start)
                 and (d.month is None or d.part == "底") and not EFFECTIVE_AFTER.match(s_text[lo + d.end:])]
        if not dates:
            continue
        dates = _shared_year_end(dates, s_text[lo:hi])
        begin = clause_at(sentence, sentence.start + lo + dates[0].start)
        span = (clauses[begin].start, clause.end)  # one evidence, one deadline per date
        out.extend(Found(begin, i, d.text_due, None, None, span=span) for d in dates)
    return out


def _shared_year_end(dates: list[DateMatch], text: str) -> list[DateMatch]:
    """"2023年、2025年年底" / "2023年和2025年底": a year-end written once closes every year of
    the list (b464, b471, b499: "…分别进行中期评估和总结评估")."""
    out = list(dates)
    for k in range(len(out) - 2, -1, -1):
        d, nxt = out[k], out[k + 1]
        if (d.month is None and d.part is None and nxt.month is None and nxt.part in YEAR_END_PARTS
                and text[d.end:nxt.start] in LIST_JOINERS):
            out[k] = replace(d, part=nxt.part)
    return out


# ---------------------------------------------------------------------------- relative limits


# "离校后，" / "出台重大政策、实施重大项目前，" / "各重点排放单位在碳核查工作结束后，": a clause
# that is only an event and its 前/后 ("今后" / "此前" / "最后" / "滞后" are no event)
_EVENT_CLAUSE = re.compile(
    r"^(?:[^，,。；]{0,15}?(?:在|于|待))?(?P<event>[^，,。；\d]{2,20}?(?:之前|之后|以前|以后|前|后))$"
)
# Words in 前/后 that name no event: always ("滞后", "提前"), or when they are the whole
# event ("目前", "今后"; "实施重大项目前" is an event)
_NOT_EVENT_ALWAYS = re.compile(r"(?:滞|落|延|靠|推|超|提|空|稍|向|往)(?:前|后)$|前后$")
_NOT_EVENT_ALONE = re.compile(r"^(?:在|于)?(?:目|当|眼|此|今|以|之|最|然|随|其|从|先|事|会|课|饭|战|午|婚|产)(?:前|后)$|^在此之?(?:前|后)$")
# The clause an event governs: "由教育部门…开展…" / "要尽快发放…" / "应将…公示"
_GOVERNED = re.compile(r"^(?:由[^，,。；]{2,24}|[^，,。；]{0,8}?(?:要|应当|应|须|需|务必|必须))")
# An event that is a time word is a date, not an event ("年底前" / "每季度结束后" / "会后")
_TIME_EVENT = re.compile(r"(?:年|月|季度?|旬|周|日|天|底|末|初|期间|会|节)(?:之前|之后|以前|以后|前|后)$|^每|^按")
# A limit stated as the span of its subject, ending in its length ("创建年限为4年")
_SPAN_STATED = re.compile(r"为[^，,。；为]+(?:年|个月)$")
# Modal and preposition words before a relative limit: the phrase as written starts after them
_LIMIT_LEAD = re.compile(r"应当|应|须|需|要|可以|可|务必|必须|并|在|于|自|从|待")


def relative(ctx: Context, sentence: Sentence) -> list[Found]:
    """Time limits counted from an event: due null, ``relative_due`` as written."""
    out = []
    clauses = sentence.clauses
    for i, clause in enumerate(clauses):
        piece = ctx.dated[clause.start:clause.end]
        phrase = _limit_phrase(piece)
        if phrase is not None:
            if forbidden(piece[:piece.find(phrase)]):
                continue
            rest = piece[piece.find(phrase) + len(phrase):]
            # a limit that ends its clause governs the act after it ("…公布后10个工作日内，报送…");
            # a span stated of its subject ("创建周期为3年，给予1年的延续创建期") governs nothing
            governs = len(rest) <= 1 and not _SPAN_STATED.search(phrase)
            last = i + 1 if governs and i + 1 < len(clauses) else i
            out.append(Found(i, last, None, None, None, relative=phrase))
            continue
        m = _EVENT_CLAUSE.match(piece)
        if not m or i + 1 >= len(clauses) or _TIME_EVENT.search(m.group("event")):
            continue
        if _NOT_EVENT_ALWAYS.search(m.group("event")) or _NOT_EVENT_ALONE.match(m.group("event")):
            continue
        nxt = clauses[i + 1]
        if nxt.sub != clause.sub or not _GOVERNED.match(ctx.dated[nxt.start:nxt.end]):
            continue
        out.append(Found(i, i + 1, None, None, None, relative=_ARTICLE.sub("", m.group("event"))))
    return out


# "第二十一条试点建设完成后": an article number opens the clause, it is no part of the event
_ARTICLE = re.compile(r"^第[一二三四五六七八九十百\d]+条")


def _limit_phrase(piece: str) -> str | None:
    """The relative limit of a clause as written ("收到通知之日起5个工作日内"), or None."""
    for pattern in relative_patterns():
        m = pattern.search(piece)
        if m is None or quoted(piece, m.start()):
            continue
        if re.search(r"(?:每|按)个?(?:半年|年度?|季度?|月)", piece[:m.end()]):
            return None  # a period's window: the recurring rule's
        return _as_written(m.group(0))
    return None


def _as_written(phrase: str) -> str:
    """The limit without the subject, modal and preposition before its event:
    "市州生态环境局应当在企业名单公布后10个工作日内" -> "企业名单公布后10个工作日内"."""
    anchor = re.search(r"之日起|期满|时限|(?:之?后|完成|结束)的?[\d一二三四五六七八九十两]", phrase)
    head = phrase[:anchor.start()] if anchor else phrase
    leads = list(_LIMIT_LEAD.finditer(head))
    return _ARTICLE.sub("", phrase[leads[-1].end():] if leads else phrase)


# ---------------------------------------------------------------------------- goals


def goals(ctx: Context, sentence: Sentence) -> list[Found]:
    out = []
    rules = deadline_rules()
    verbs = tuple(rules["goal_verbs"]) + tuple(rules["completion_adverbs"])
    vague = tuple(rules["vague_words"]) + tuple(rules["fact_words"])
    due = ctx.goal_due
    year_led = False  # the sentence opens on a bare coming year: its acts are dated too
    task_verbs = tuple(rules["duty_verbs"]) + tuple(rules["year_led_verbs"])
    first = sentence.clauses[0] if sentence.clauses else None
    sentence_head = ctx.dated[first.start:first.end] if first else ""  # "2023年，" alone or more
    for i, clause in enumerate(sentence.clauses):
        piece = ctx.dated[clause.start:clause.end]
        before = due
        own = goal_date_of(piece, ctx)
        if own is None and (m := _PERIOD_END_CLAUSE.fullmatch(piece.strip(" ，,、\t"))) and (
                due is not None or _coming_year(year_of(m.group(0)), ctx)) and (
                dates := find_dates(re.sub(r"\s+", "", m.group(0)))) and dates[0].year:
            # "2025年底，钢铁企业全面完成超低排放改造" (b457), "2021年10月底,…全面淘汰…" (b462):
            # a year's or month's end alone in its clause dates the clauses after it
            own = f"{dates[0].year}-{dates[0].month or 12:02d}"
        if own is None and (m := _YEAR_LEAD.match(piece.lstrip(" ，,、\t"))) and (
                due is not None or _coming_year(year_of(m.group(0)), ctx)):
            # a bare year opening a clause of a dated paragraph is its own date; elsewhere it
            # dates the goal when the document is of that year or before ("2021年，城市餐厨垃圾
            # 处理设施全覆盖" in a plan of 2021-12; "发展生态循环农业，2025年…达到85%，秸秆基本
            # 实现全利用": the year dates the clauses after it too)
            own = str(year) if (year := year_of(m.group(0))) else None  # "二〇二二年" -> "2022"
            year_led = i == 0 and due is None and not _YEAR_MONTH.match(piece.lstrip(" ，,、\t"))
        due = own or due
        worded = mask_noun_goals(piece)  # "做好碳达峰工作": 碳达峰 is a noun, not 达峰
        # "2023年，组织开展环境信息依法披露制度改革工作评估": a task the opening year dates (b350)
        year_task = (year_led and contains_any(worded, task_verbs)
                     and (i == 0 or (i == 1 and _BARE_YEAR_CLAUSE.fullmatch(sentence_head.strip(" \t")) is not None)))
        if (due is None or ctx.targets.holds(ctx.text, clause) or contains_any(piece, vague)
                or (not year_task and _trend(worded, verbs)) or _no_goal(piece)):
            continue
        parts = _goal_parts(worded, verbs) or (_goal_parts(worded, task_verbs) if year_task else [])
        if not parts:
            continue
        # a clause with its own date starts its goal ("…得到有效治理，确保2022年实现采补平衡")
        start = i if own else _goal_start(ctx, sentence, i, {f.last_index for f in out})
        if len(parts) == 1:
            lead = _BULLET_LEAD.match(piece) if start == i else None
            out.append(Found(start, i, due, None, None,
                             span=(clause.start + lead.end(), clause.end) if lead else None))
            continue
        for k, (a, b) in enumerate(parts):  # "西部…基本实现…“县县通气”、东部地区实现…“市市通气”"
            begin = sentence.clauses[start].start if k == 0 else clause.start + a
            own = goal_date_of(piece[:b], ctx) or before or due  # "2025年前…、…2030年前尽早达峰"
            out.append(Found(i, i, own, None, None, span=(begin, clause.start + b)))
    return out


def _trend(piece: str, verbs: tuple[str, ...]) -> bool:
    """A trend verb that no goal word follows is the clause's predicate ("…增速放缓"); one
    that opens the clause makes it a means ("推动形成…")."""
    words = deadline_rules()["trend_words"]
    last_trend = max((piece.rfind(w) for w in words), default=-1)
    if last_trend < 0:
        return False
    body = GOAL_DATE.sub("", _BULLET_LEAD.sub("", piece)).lstrip("，, ")
    if any(0 <= body.find(w) <= TREND_OPENING for w in words):
        return True
    return not any(piece.find(v, last_trend + 1) >= 0 for v in verbs)


# A trend verb this close to a goal clause's start opens it ("高质量支撑我省…", "全力推动…")
TREND_OPENING = 3


def _no_goal(piece: str) -> bool:
    """A purpose, condition or prohibition, or a clause whose value is in the next one."""
    rules = deadline_rules()
    body = GOAL_DATE.sub("", _BULLET_LEAD.sub("", piece)).lstrip("，, ")
    return (body.startswith(tuple(rules["goal_openers"])) and body.endswith(tuple(rules["goal_open_ends"]))
            or body.startswith("为")
            or body.endswith(tuple(rules["goal_dangling"]))
            or forbidden(body))


# "——" / "--" opening a bullet line: not part of the goal's evidence
_BULLET_LEAD = re.compile(r"^(?:—{1,2}|－{1,2}|-{2})")
# Inside a paragraph dated by its lead, a clause that opens with a bare year keeps that year:
# "2021年底前编制完成国土空间规划，…。…，2025年卫生厕所基本普及，…全覆盖" -> 2025, not 2021-12.
_YEAR_LEAD = re.compile(rf"^({YEAR})年(?![底末度内以前])")
# A clause that is only the end of a year or of a month: "2025年底", "2021年10月底"
_PERIOD_END_CLAUSE = re.compile(rf"(?:{YEAR})年(?:年?[底末]|\s*(?:1[0-2]|0?[1-9]|[一二三四五六七八九十]{{1,2}})月[底末])")
# A year that opens a full date ("2020年8月3日印发"): no bare year
_YEAR_MONTH = re.compile(rf"^(?:{YEAR})年\s*(?:1[0-2]|0?[1-9]|[一二三四五六七八九十]{{1,2}})月")
# A sentence's first clause that is only its year: "2021年，城市餐厨垃圾处理设施全覆盖"
_BARE_YEAR_CLAUSE = re.compile(rf"(?:{YEAR})年[，,]?")


def _coming_year(year: int | None, ctx: Context) -> bool:
    """``year`` is the document's own year or a later one (a known date is needed: an
    undated page's "2020年，全市完成…" may report the past)."""
    return (year is not None and ctx.doc_date is not None and ctx.doc_date.year is not None
            and year >= ctx.doc_date.year)


def goal_date_of(piece: str, ctx: Context) -> str | None:
    """The goal date a clause writes ("到2025年" -> "2025", "到今年底" -> this year's December)."""
    found = None
    for m in GOAL_DATE.finditer(piece):
        if not quoted(piece, m.start()) and not names_goal(piece, m.start(), m.end()):
            found = goal_due(m.group(0))
    if found is None and "年" in piece and (m := THIS_YEAR_GOAL.match(piece)):
        year = this_year(ctx.anchor, ctx.doc_date)
        found = None if year is None else f"{year}-12" if m.group("end") else str(year)
    return found


def _goal_parts(piece: str, verbs: tuple[str, ...]) -> list[tuple[int, int]]:
    """Spans of the goals in a clause: one, or each 、-joined part that has its own verb.

    A figure after the verb makes the clause a numeric goal, which is a target only
    ("实现光伏发电装机量1GW以上"); a figure before it only describes what is meant
    ("65蒸吨/小时及以上燃煤锅炉全面实现超低排放")."""
    body = GOAL_DATE.sub("", piece)
    if len(body) <= 2 or not contains_any(body, verbs):
        return []
    first = min(k for k in (piece.find(v) for v in verbs) if k >= 0)
    if numeric(piece[first:]) or "%" in piece:
        return []
    parts, pos = [], 0
    for m in re.finditer(r"、|$", piece):
        parts.append((pos, m.start()))
        pos = m.end()
    if len(parts) > 1 and all(contains_any(piece[a:b], verbs) for a, b in parts):
        return parts
    return [(0, len(piece))]


def _goal_start(ctx: Context, sentence: Sentence, i: int, goals_before: set[int]) -> int:
    """Extend a goal back to its "到2025年" when only context clauses (no target, no other
    goal, no aim of their own such as "…比重达到国家确定的目标值") stand between them."""
    clauses = sentence.clauses
    verbs = tuple(deadline_rules()["goal_verbs"])
    for j in range(i - 1, -1, -1):
        c = clauses[j]
        if c.sub != clauses[i].sub or ctx.targets.holds(ctx.text, c) or j in goals_before:
            return i
        piece = ctx.text[c.start:c.end]
        if goal_date_of(piece, ctx) or (j == 0 and _BARE_YEAR_CLAUSE.fullmatch(piece.strip())):
            return j  # "到2025年，…" / "2021年，…"
        if contains_any(mask_noun_goals(piece), verbs):
            return i
    return i
