"""Numeric targets: one record per committed number, with its evidence clause.

Candidates -> filters -> fields, sentence by sentence:

1. quantities are read from the text with 文号, phones, URLs and dates masked, so that
   "〔2020〕42号" is never a value and "2025年" never a quantity;
2. a quantity is a target when a direction trigger stands before it (下降 / 达到 / 不超过 ...,
   ``extract/data/target_directions.tsv``), when it continues a list of the previous target
   ("节能改造2000万千瓦、灵活性改造3000万千瓦"), or in the share form "25%的党政机关要建成…";
3. filters drop eligibility thresholds (及以上, "5万吨标准煤以上项目"), reported results
   (已完成, 同比), scoring rules (得分), subsidies (给予…奖励) and durations (3年);
4. deadline and period are carried across the sentence, scope from the last scope named
   in the sentence, baseline only where "比2020年" is written in the clause.

spaCy (jieba) runs only on the clauses that passed step 2, to keep cuts on word boundaries.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache

from ..language.clauses import Clause, Sentence, split_sentences
from ..language.dates import DateMatch, five_year_plans, mask_dates, mask_noise, year_of
from ..language.numbers import Quantity, find_quantities
from ..language.patterns import contains_any, qualifiers, unit_kind
from ..model import Document, Target
from ..settings import Settings
from .context import Context as _Context
from .filters import (
    implausible,
    is_duration,
    is_equivalence,
    is_past,
    is_threshold,
    not_a_goal,
    regional_breakdown,
    word_regex,
)
from .frame import read_frames
from .lists import MIN_INDICATOR, balanced, distribute
from .prefix_scan import PrefixMatches
from .tables import table_targets
from .vocab import (
    BASELINE,
    BASELINE_BASE,
    CITY_CLASS_SCOPE,
    CONCURRENT_OPENER,
    CONTEXT_CLAUSE,
    COUNT_SUMMARY,
    DATE_PREFIX,
    FOOTNOTE_MARK,
    FROM_LEVEL,
    INNER_SHARE,
    LEADING_NOISE,
    OUTLINE_NUMBER,
    PERIOD,
    SCOPE,
    SCORING_RULE,
    SHARE_VERB,
    THIS_YEAR,
    TRAILING_LINK,
    Trigger,
    hedge_regex,
    indicator_heads,
    markers,
    threshold_scope_regex,
    trigger_regex,
    triggers,
)

LOGGER = logging.getLogger(__name__)

# Longest object between a verb and its number: "完成煤电机组节能改造2000万千瓦" (9 chars); longer gaps
# are usually a different construction (a clause with its own number later).
MAX_OBJECT_GAP = 16
# A distributed list as object may be longer: "培育低碳城市、海绵城市、“无废城市”各1—2个" (18 chars).
MAX_LIST_OBJECT_GAP = 32
# Longest noun phrase continuing a list without its own verb: "、灵活性改造3000万千瓦".
MAX_LIST_ITEM = 15
MAX_TRAILING_NOUN = 8  # longest trailing noun after a distributed number: "各1—2个示范试点"
# Words between a trigger and its number ("提高到" is in the table, "下降了" is past; "增长约5%").
GAP_FILLERS = ("", "到", "至", "在", "为", "至少", "约")
# What may stand between a count-only verb and its count: "加快25个…", "启动至少2个…"
COUNT_FILLERS = ("", "至少", "约")
# 均 / 各 / 都 / 分别 before the verb or number share one number: "化肥、农药利用率均达到43%"
SHARED_MARK = re.compile(r"(?:均|各|都|分别)$"
                         # "…用水量均较2020年降低16%以上" (b422), "…化肥、农药利用率均稳定在43%": a base
                         # or a verb may stand between the mark and the number
                         r"|(?:均|各|分别)(?:(?:较|比)(?:(?:19|20)\d{2}年|基期)(?:水平)?)?"
                         r"(?:达到|提高到|提高至|提升到|提升至|降低|下降|减少|增长|提高|提升|控制在|不低于|不高于|不超过|"
                         r"保持在|稳定在|达)?$")
# Joiners that make consecutive numbers one list: "分别下降8%、8%、10%".
LIST_JOINERS = ("、", "和", "与", "及")
# Longest noun after "verb + number" that names what is counted: "创建2000家节约型公共机构示范单位".
MAX_COUNTED_NOUN = 20
# Separates subject and base of a "share of a total" phrase inside _direction's raw text.
BASE_MARK = "\x00"
# "低于基期的10%以上": a decrease of at least N against the base named between verb and number.
BELOW_BASE = re.compile(r"^(?:基期|基准期|基准年|基年|(?:19|20)\d{2}年(?:水平)?)的$")
EXCEEDS = Trigger("过", "reach", "at_least")  # "产业规模过万亿" / "逾千亿": more than one of the magnitude
RATE_BY = re.compile(r"(?:按照|按)$")  # a rate applied "by" a share: "新建建筑按15%—25%分类配建"
# "50%以上的省属事业单位": a percent read as the share of what follows (matched in place:
# slicing the text from the number on copied the rest of the document per number)
SHARE_OF_AFTER = re.compile(r"(?:以上|以下|左右)?的")
# A sentence that opens with a forecast: "预估2021～2027年间，…其中燃气机组约净增加1,460万瓩"
FORECAST_LEAD = re.compile(r"预估|预计|预测|据测算|经测算|测算")
# A plan word that makes a verbless value a commitment: "计划年度投资800亿元", "拟投资50亿元"
PLAN_WORD = re.compile(r"计划|拟|预期|力争|目标为|目标是")
# A size class written after a quantity: "3000兆瓦级", "十万吨级"
CLASS_SUFFIX = ("级", "等级")
# Unit kinds a value statement without a verb may carry ("劣Ⅴ类" after 消除 is no level reached)
VERBLESS_KINDS = ("quantity", "count", "currency", "percent", "ratio")
# The level word of an administrative class ("国家级、省级示范园"): conjuncts share the head
LEVEL_WORD = "级"
# Longest noun phrase of a value statement without a verb: "浅层地温能利用项目10个".
MAX_VERBLESS_NOUN = 24




def extract_targets(doc: Document, settings: Settings) -> list[Target]:
    """All numeric targets of ``doc``: its sentences', then its indicator tables' rows
    (:mod:`.tables`); departments are left empty for the link stage."""
    prose = _extract(doc, None)
    return prose + table_targets(doc, prose)


def drop_reasons(doc: Document, settings: Settings) -> list[tuple[tuple[int, int], str]]:
    """(span, reason) of every number-bearing clause the extractor dropped on purpose.

    A debugging and probing aid (the bulk probe counts a dated goal clause that yields no
    target as covered when it has a reason here): "past: review section: 上年工作回顾",
    "threshold", "forecast", "equivalence", "quoted opinion", "application rule" .... Pure; never stored.
    """
    drops: list[tuple[tuple[int, int], str]] = []
    _extract(doc, drops)
    return drops


def _extract(doc: Document, drops: list[tuple[tuple[int, int], str]] | None) -> list[Target]:
    text = doc.text
    dated = mask_noise(text)
    masked = mask_dates(dated)
    issue_year = _issue_year(doc)
    frames = read_frames(text, getattr(doc.metadata, "title", None), issue_year)
    out: list[Target] = []
    seen: set[tuple] = set()
    for sentence in split_sentences(text):
        if not _may_hold_target(masked, sentence):
            if drops is not None and _HAS_NUMBER.search(masked, sentence.start, sentence.end):
                drops.append(((sentence.start, sentence.end), "table row or scoring rule"))
            continue
        ctx = _Context(text, masked, dated, issue_year, sentence, frames, drops)
        for target in _sentence_targets(ctx):
            key = (target.indicator, target.value, target.value_max, target.unit,
                   target.direction, target.deadline, target.period, _squashed(target.evidence))
            if key not in seen:  # a news lead repeating the body is one target, not two
                seen.add(key)
                out.append(target)
    LOGGER.debug("%s: %d targets", doc.source, len(out))
    return out


def _squashed(evidence: str) -> str:
    """Evidence as the dedup key: a lead repeating its body word for word is one target; a rule
    restated in other words in another section ("按15%—25%配建" / "按15—25%配建") is two."""
    return re.sub(r"\s", "", evidence)


def _issue_year(doc: Document) -> int | None:
    date = getattr(doc.metadata, "issue_date", None)
    return int(date[:4]) if date and date[:4].isdigit() else None


_HAS_NUMBER = re.compile(r"\d|百分之|[过超破逾](?:万亿|千亿|百亿|亿)|[ⅠⅡⅢⅣⅤ]类|[一二两三四五六七八九十百千]+[万亿]?[%个家吨千平亩公]")


def _may_hold_target(masked: str, sentence: Sentence) -> bool:
    """Cheap pre-filter: a number outside dates, not a table row, not a scoring rule."""
    piece = masked[sentence.start:sentence.end]
    if not _HAS_NUMBER.search(piece) or "\t" in piece:
        return False
    return not (contains_any(piece, markers()["scoring"]) or SCORING_RULE.search(piece))


# ---------------------------------------------------------------------------- per clause


def _sentence_targets(ctx: _Context) -> list[Target]:
    out: list[Target] = []
    for index, clause in enumerate(ctx.sentence.clauses):
        scope = _leading_scope(ctx.text[clause.start:clause.end])
        carried = ctx.scope
        if scope:
            ctx.scope = scope
        ctx.prev = None
        quantities = _without_modifiers(ctx.text, find_quantities(ctx.masked, clause.start, clause.end))
        region = phrase = clause.start
        for group in _groups(ctx.text, quantities):
            made = _group_targets(ctx, index, clause, region, group, phrase)
            out.extend(made)
            if made:
                ctx.prev = ctx.last = made[-1]
                ctx.last_clause = index
            region = group[-1].stop
            if made or not _glued(ctx.text, group[-1], clause.end):
                phrase = region  # "100万以上的城市…": a dropped number glued to its noun stays in the phrase
        if scope and CITY_CLASS_SCOPE.match(scope) and ctx.scope == scope:
            ctx.scope = carried  # a class of cities scopes its own clause only
    return out


def _without_modifiers(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """Quantities that name a kind of thing, not an amount: glued to a count before them
    ("6个500千伏…项目"), or a measure glued to the noun after it while another number
    follows in the clause ("实现配网10千伏线路联络率…100%")."""
    out: list[Quantity] = []
    for i, q in enumerate(quantities):
        if out and out[-1].unit_kind == "count" and out[-1].stop == q.start:
            continue
        if text.startswith(CLASS_SUFFIX, q.stop):
            continue  # "十万吨级CO2捕集", "千亿级产业集群": a size class, not an amount
        if q.unit in markers()["class_units"] and (_starts_noun(text, q.stop) or text[q.start - 1:q.start] in "±+"):
            continue  # "1000千伏特高压交流输电工程", "220千伏变电站": a voltage class
        later = i + 1 < len(quantities)
        if (later and q.unit_kind in ("quantity", "grade") and q.qualifier is None and q.value_max is None
                and (_starts_noun(text, q.stop) or (q.unit_kind == "grade" and text[q.stop:q.stop + 1] in "）)"))):
            continue  # "…线路联络率…", "水质优良（一、二类）比例达到79%": a class named in brackets
        out.append(q)
    return out


def _starts_noun(text: str, pos: int) -> bool:
    """A noun (not 的, a joiner or a qualifier word) right at ``pos``: "千伏线路" -> "线路"."""
    ch = text[pos:pos + 1]
    return bool(ch) and "\u4e00" <= ch <= "\u9fff" and ch not in "的、和及与或等"


def _drop(ctx: _Context, clause: Clause, reason: str) -> list[Target]:
    """No target, with the reason kept when :func:`drop_reasons` asked for it."""
    if ctx.drops is not None:
        ctx.drops.append(((clause.start, clause.end), reason))
    return []


def _glued(text: str, q: Quantity, end: int) -> bool:
    """Is the number inside a noun phrase ("9种主要…", "1万吨标准煤以上的企业…")?

    A bare number before 的 is a name's tail ("GB/T 51161-2016的引导值"), not a threshold.
    """
    pos = q.stop
    if pos >= end or not "\u4e00" <= text[pos] <= "\u9fff":
        return False
    return text[pos] != "的" or q.qualifier_word is not None


def _groups(text: str, quantities: list[Quantity]) -> list[list[Quantity]]:
    """Consecutive quantities joined only by 、/和 form one list ("8%、8%、10%、10%以上")."""
    groups: list[list[Quantity]] = []
    for q in quantities:
        if groups and text[groups[-1][-1].stop:q.start] in LIST_JOINERS:
            groups[-1].append(q)
        else:
            groups.append([q])
    return groups


def _group_targets(ctx: _Context, index: int, clause: Clause, region: int,
                   group: list[Quantity], phrase: int) -> list[Target]:
    text, first, last = ctx.text, group[0], group[-1]
    if is_duration(text, region, group):
        return _drop(ctx, clause, "duration or points")
    if word_regex("forecast").search(text, clause.start, first.start) or FORECAST_LEAD.match(
            text, ctx.sentence.start):
        return _drop(ctx, clause, "forecast")  # "约需投资120亿元" (FORMAT v2: estimates of need)
    if is_equivalence(ctx.text, ctx.sentence.start, clause.start, first.start):
        return _drop(ctx, clause, "equivalence")  # "相当于减少二氧化碳排放量约26亿吨" (FORMAT v2)
    found = _direction(ctx, clause, region, group, phrase)
    if found is None:
        return _drop(ctx, clause, "no direction")
    reason = implausible(ctx, clause, group, found[3])
    if reason:
        return _drop(ctx, clause, reason)
    direction, trigger, raw_indicator, form = found
    if regional_breakdown(ctx, clause, raw_indicator.split(BASE_MARK)[0] if form == "base" else raw_indicator):
        return _drop(ctx, clause, "regional breakdown")  # "其中广州和深圳市达到40%左右"
    if form not in ("share", "base") and is_threshold(text, last, clause):
        return _drop(ctx, clause, "threshold")
    reason = not_a_goal(ctx, clause, group, region, raw_indicator, direction)
    if reason:
        return _drop(ctx, clause, reason)
    if form == "base":  # "新能源汽车新增销量达到汽车新车销售总量的20%": a share of a named total
        raw_indicator, base = raw_indicator.split(BASE_MARK)
    rate = RATE_BY.search(raw_indicator) if first.unit_kind == "percent" else None
    if rate:  # "既有机关及企事业单位按不低于20%配建": the rate of the verb after, for that scope
        raw_indicator = raw_indicator[:rate.start()]
    scope, indicator = _clean_indicator(raw_indicator)
    if rate:
        scope, indicator = (scope or indicator or None), _rate_indicator(text, last, clause)
    if form == "base":
        indicator = f"{indicator}占{base}比例" if indicator else ""
    if form == "share" and scope is None and not (ctx.scope and SCOPE.match(ctx.scope)):
        scope = _share_population(text, last, clause)  # "70％的县级以上党政机关建成…": the population
    if scope is None:
        scope = ctx.scope
    elif scope and not CITY_CLASS_SCOPE.match(scope):
        ctx.scope = scope
    m = INNER_SHARE.match(indicator)
    if m:  # "钢铁、水泥等重点行业产能达到能效标杆水平的比例": this target's population only
        scope, indicator = scope or m.group("subject"), m.group("share")
    if form in ("object", "share", "base", "noun") and not indicator:
        return _drop(ctx, clause, "no indicator")
    if form == "count" or (form == "verb" and (not indicator or _counts_a_noun(text, last, clause))):
        counted, scope = _implicit_indicator(ctx, clause, group, scope)
        indicator = counted or indicator
    if len(indicator) < MIN_INDICATOR:
        return _drop(ctx, clause, "no indicator")
    trailing = _trailing_noun(text, last, clause) if form == "object" else ""
    shared = bool(SHARED_MARK.search(text[region:first.start] if form != "verb" else raw_indicator))
    named = distribute(indicator, len(group), shared, trailing, first.unit_kind == "percent")
    deadline, period = _time_context(ctx, first.start)
    reason = is_past(ctx, clause, deadline, region, first, period)
    if reason:
        return _drop(ctx, clause, f"past: {reason}")
    baseline = _baseline(text[clause.start:first.start]) or _baseline_lead(ctx, clause)
    start = _evidence_start(ctx, index) if region == clause.start else clause.start
    evidence_span = (start, clause.end)
    if len(group) == 1 and len(named) > 1:  # one number shared: "化肥、农药利用率均达到43%"
        group = group * len(named)
    targets = []
    for q, (item_scope, name) in zip(group, named):
        targets.append(Target(
            indicator=name, value=q.value, value_max=q.value_max, unit=q.unit,
            direction=direction, qualifier=_qualifier(text, q, trigger, first),
            scope=item_scope or scope, baseline_year=baseline, deadline=deadline, period=period,
            evidence=text[evidence_span[0]:evidence_span[1]], span=evidence_span,
        ))
    return targets


# ---------------------------------------------------------------------------- direction


def _direction(ctx: _Context, clause: Clause, region: int, group: list[Quantity],
               phrase: int) -> tuple[str, Trigger | None, str, str] | None:
    """(direction, trigger, raw indicator text, form) or None when the number is no target.

    form: "verb" (indicator before the verb), "object" (verb, object, number),
    "list" (continues the previous target), "share" ("25%的党政机关要建成…").
    """
    text, first = ctx.text, group[0]
    trig = _rightmost_trigger(ctx.masked, region, first.start, first.unit_kind == "count")
    pre = text[region:first.start]
    if pre.endswith(("过", "逾")) and first.value == 1 and not text[first.start].isdigit():
        return "reach", EXCEEDS, text[min(region, phrase):first.start - 1], "verb"  # "规模过万亿"
    if (ctx.prev is not None and first.unit_kind == "count" and unit_kind(ctx.prev.unit or "") == "count"
            and pre[-1:] in LIST_JOINERS and len(pre) <= MAX_LIST_ITEM
            and (trig is None or text[trig[1]:first.start] in LIST_JOINERS)):
        return ctx.prev.direction, None, "", "count"  # "新建6个500千伏、25个220千伏输变电项目"
    if trig is not None:  # a verb before that names no target leaves a level after a measure noun
        found = _with_trigger(ctx, region, group, phrase, trig) or _level_of_measure(ctx, region, phrase, first, pre)
        if (found is None or found[3] == "verb") and first.unit_kind == "percent" \
                and SHARE_OF_AFTER.match(text, group[-1].end):
            share = _share_indicator(text, group[-1], clause)  # "推动…及50%以上的省属事业单位建成…"
            return ("reach", None, share, "share") if share else found
        return found
    if ctx.prev is not None and pre[:1] in LIST_JOINERS and len(pre) <= MAX_LIST_ITEM and first.unit:
        return ctx.prev.direction, None, pre, "list"
    if first.unit_kind == "percent":
        share = _share_indicator(text, group[-1], clause)
        if share:
            return "reach", None, pre + share, "share"
    if (first.unit_kind == "count" and len(group) == 1 and _dated(ctx, first.start)  # "到2025年，100家企业完成…"
            and not re.search(r"\d", text[first.stop:clause.end])  # "12个盟市主城区…达到20%": a scope
            and (counted := _share_indicator(text, first, clause, "数量"))):
        return "reach", None, counted, "share"
    if (level := _level_of_measure(ctx, region, phrase, first, pre)) is not None:
        return level
    if first.unit_kind == "percent" and RATE_BY.search(pre) and _starts_noun(text, group[-1].stop):
        return "reach", None, text[min(region, phrase):first.start], "verb"  # "新建建筑按15%—25%分类配建"
    if _verbless_value(ctx, clause, group, text[min(region, phrase):first.start]):
        return "reach", None, text[min(region, phrase):first.start], "noun"  # "…利用项目10个"
    last = _continued_target(ctx, clause, group, text[min(region, phrase):first.start])
    if last is not None:
        return last.direction, None, text[min(region, phrase):first.start], "noun"  # "…，B项目100个以上"
    return None


def _continued_target(ctx: _Context, clause: Clause, group: list[Quantity], noun: str) -> Target | None:
    """The target whose verb a value statement without a verb right after its clause, in the
    same unit kind, shares: "完成太阳能热水项目100个以上，热泵项目100个以上"."""
    last = ctx.last
    index = ctx.sentence.clauses.index(clause)
    if last is None or ctx.last_clause != index - 1 or ctx.sentence.clauses[index - 1].sub != clause.sub:
        return None
    kind = group[0].unit_kind
    same = kind is not None and (last.unit == group[0].unit or (kind == "count" and unit_kind(last.unit or "") == "count"))
    after = ctx.text[group[-1].stop:clause.end]
    noun = noun.strip()
    ok = (same and not after and MIN_INDICATOR <= len(noun) <= MAX_VERBLESS_NOUN
          and not noun.startswith(markers()["breakdown_leads"]) and not noun.endswith(("的", "等", "第", "约", "按")))
    return last if ok else None


def _with_trigger(ctx: _Context, region: int, group: list[Quantity], phrase: int,
                  trig: tuple[int, int, Trigger]) -> tuple[str, Trigger | None, str, str] | None:
    """The forms with a trigger before the number: "verb", "object", "base"."""
    text, first = ctx.text, group[0]
    t_start, t_end, trigger = trig
    gap = text[t_end:first.start]
    if trigger.word == "低于" and BELOW_BASE.match(gap):  # "低于基期的10%以上": a decrease
        return "decrease", Trigger(trigger.word, "decrease", None), text[min(region, phrase):t_start], "verb"
    if gap in markers()["goal_gaps"] or (gap and SCOPE.fullmatch(gap)):
        gap = ""  # "预期增长目标7%左右", "增速高于全省6%的目标": the goal's own level
    if gap in GAP_FILLERS:
        if first.unit is None and not _unitless_ok(text, group[-1]):
            return None
        return trigger.direction, trigger, text[min(region, phrase):t_start], "verb"
    measures = "、" in gap and gap.endswith(_measure_heads())  # "实现A率、B率、C率100%"
    limit = MAX_LIST_OBJECT_GAP if measures or re.search(r"、.*(?:各|均|分别)$", gap) else MAX_OBJECT_GAP
    if len(gap) > limit or first.unit is None or gap.endswith(markers()["relative_objects"]):
        return None
    percent_of = first.unit_kind == "percent" and trigger.direction == "reach"
    if gap.endswith("的") and "的" not in gap[:-1]:
        # "达到汽车新车销售总量的20%" is a target only when dated ("达到额定负荷的40%以下" is a spec)
        base = gap[:-1]
        if percent_of and len(base) >= MIN_INDICATOR and _dated(ctx, first.start):
            return trigger.direction, trigger, text[min(region, phrase):t_start] + BASE_MARK + base, "base"
        return None
    if "的" in gap or (percent_of and not _dated(ctx, first.start) and not gap.endswith(_measure_heads())):
        return None  # "最小发电出力达到额定负荷35%以下": a technical condition, not a goal
    return trigger.direction, trigger, gap, "object"


def _verbless_value(ctx: _Context, clause: Clause, group: list[Quantity], noun: str) -> bool:
    """A value statement without a verb in a dated goal: "到2025年，全市充（换）电站3000座",
    "新能源汽车保有量60万辆": a noun phrase, then the number closing its clause or list item."""
    first, last = group[0], group[-1]
    after = ctx.text[last.stop:clause.end]
    if first.unit_kind not in VERBLESS_KINDS or (after and after[:1] not in LIST_JOINERS and after[:1] not in "（("):
        return False
    noun = noun.strip()
    if not MIN_INDICATOR <= len(noun) <= MAX_VERBLESS_NOUN or noun.endswith(("的", "等", "第", "约", "按")):
        return False
    return _dated(ctx, first.start) or bool(PLAN_WORD.search(ctx.text, clause.start, first.start))


def _dated(ctx: _Context, pos: int) -> bool:
    """Does the sentence set a deadline or plan period before ``pos`` ("到2025年，…")?"""
    deadline, period = _time_context(ctx, pos)
    return deadline is not None or period is not None


def _level_of_measure(ctx: _Context, region: int, phrase: int, first: Quantity, pre: str) -> tuple | None:
    """A dated level after a measure noun: "…占比65%左右", "…总规模约2.71亿千瓦", "…新能源占比100%"."""
    dated = first.unit is not None and pre.removesuffix("约").endswith(_measure_heads()) and _dated(ctx, first.start)
    return ("reach", None, ctx.text[min(region, phrase):first.start], "noun") if dated else None


@lru_cache(maxsize=1)
def _measure_heads() -> tuple[str, ...]:
    """Nouns that name a measure: a number right after one is its level ("占比65%", "总规模约2.71亿千瓦")."""
    return tuple(sorted(set(indicator_heads()) | {"率", "规模", "投资"}, key=len, reverse=True))


def _rightmost_trigger(masked: str, start: int, end: int, count: bool = False) -> tuple[int, int, Trigger] | None:
    """The last trigger before the number that is a verb (not "减排" inside "碳减排技术");
    a count-only verb (推进, 实施 …) only right before a count (``count``)."""
    best = None
    followers = markers()["trigger_noun_followers"]
    not_verbs = markers()["trigger_words_not_verbs"]
    count_only = markers()["count_only_triggers"]
    for m in trigger_regex().finditer(masked, start, end):
        trigger = triggers()[m.group(0)]
        if trigger.word in count_only and not (count and masked[m.end():end] in COUNT_FILLERS):
            continue
        comparison = trigger.qualifier is not None  # "不低于项目总建筑面积2‰": never a noun
        if (comparison or not masked.startswith(followers, m.end())) and not masked.startswith(not_verbs, m.start()):
            best = (m.start(), m.end(), trigger)
    return best


def _unitless_ok(text: str, q: Quantity) -> bool:
    """"PUE值不超过1.3。": a dimensionless level must end its clause (not "达到2个…")."""
    nxt = text[q.stop:q.stop + 1]
    return not nxt or not ("\u4e00" <= nxt <= "\u9fff")


def _share_population(text: str, q: Quantity, clause: Clause) -> str | None:
    """"70％的县级以上党政机关建成节约型机关" -> "县级以上党政机关" (only after 的)."""
    m = re.match(r"的(?P<noun>[^，,；。的]{2,20}?)" + SHARE_VERB.pattern.replace("(?:要|将|应)?", "(?:要|将|应|初步|力争|参与)?"),
                 text[q.stop:clause.end])
    return m.group("noun") if m else None


def _share_indicator(text: str, q: Quantity, clause: Clause, measure: str = "比例") -> str | None:
    """"25%的党政机关要建成节约型机关" -> "…比例"; "100家企业完成清洁生产审核" -> "…数量"."""
    after = text[q.stop:clause.end]
    m = re.match(r"的?(?P<noun>[^，,；。]{0,20}?)(?P<verb>" + SHARE_VERB.pattern + r")(?P<obj>[^，,；。]{0,20})", after)
    if not m:
        return None
    verb = re.sub(r"^(?:要|将|应)", "", m.group("verb"))
    return f"{m.group('noun')}{verb}{m.group('obj')}{measure}"


def _rate_indicator(text: str, q: Quantity, clause: Clause) -> str:
    """"按15%分类配建" -> "分类配建比例" (the verb phrase after the rate names what it measures)."""
    after = text[q.stop:clause.end].split("的")[0]
    return f"{after}比例" if 0 < len(after) <= MAX_TRAILING_NOUN else ""


def _counts_a_noun(text: str, q: Quantity, clause: Clause) -> bool:
    """"新建200家国家和省级绿色工厂": a count followed by the noun it counts."""
    nxt = text[q.stop:q.stop + 1] if q.stop < clause.end else ""
    return q.unit_kind == "count" and bool(nxt) and ("\u4e00" <= nxt <= "\u9fff" or nxt.isdigit()
                                                      or (nxt.isascii() and nxt.isalpha()))  # "3-5个CCUS试点"


# ---------------------------------------------------------------------------- fields


def _leading_scope(clause_text: str) -> str | None:
    stripped = DATE_PREFIX.sub("", LEADING_NOISE.sub("", clause_text))
    stripped = LEADING_NOISE.sub("", stripped)
    m = SCOPE.match(stripped) or CITY_CLASS_SCOPE.match(stripped)
    return m.group(0) if m and _on_word_boundary(stripped, m.end()) else None


def _on_word_boundary(text: str, pos: int) -> bool:
    from ..language.nlp import word_starts

    return pos in word_starts(text[:pos + 8])


def _clean_indicator(raw: str) -> tuple[str | None, str]:
    """Split the text before a trigger into (scope, indicator).

    The indicator never starts inside a number: a threshold scope ("100万以上的城市") is a
    scope, and a count summing up a list ("…废玻璃9种主要再生资源…") is cut off.
    """
    s = OUTLINE_NUMBER.sub("", raw)
    for _ in range(3):
        s = LEADING_NOISE.sub("", DATE_PREFIX.sub("", s))
    s = BASELINE_BASE.sub("", BASELINE.sub("", FROM_LEVEL.sub("", s)))
    scope = None
    m = SCOPE.match(s)
    if m and m.end() < len(s) and _on_word_boundary(s, m.end()):
        scope, s = m.group(0), s[m.end():].removeprefix("的")  # 地级及以上城市的完整居住社区覆盖率
    m = threshold_scope_regex().match(s)
    if m and m.end() < len(s):
        scope, s = m.group(0), s[m.end():].removeprefix("的")
    m = CITY_CLASS_SCOPE.match(s)
    if m:  # "县以上城镇|新增公园绿地": the class may be all there is before the verb
        scope, s = m.group(0), s[m.end():].removeprefix("的")
    m = COUNT_SUMMARY.match(s)
    if m and m.end() < len(s):
        s = s[m.end():]
    s = hedge_regex().sub("", FOOTNOTE_MARK.sub("", LEADING_NOISE.sub("", CONCURRENT_OPENER.sub("", s))))
    return scope, balanced(TRAILING_LINK.sub("", s))


def _implicit_indicator(ctx: _Context, clause: Clause, group: list[Quantity],
                        scope: str | None) -> tuple[str, str | None]:
    """A verb with nothing before it: a later stage of the sentence's previous target
    ("…达到0.4亿吨，到2030年达到0.8亿吨"), or the noun it counts ("建设1至2个绿色生态城区")."""
    first, last = group[0], group[-1]
    prev = ctx.last
    noun = ctx.text[last.stop:clause.end]
    if prev is not None and prev.unit == first.unit and len(group) == 1 and not _counts_a_noun(ctx.text, last, clause):
        return prev.indicator, scope or prev.scope
    noun = _first_conjunct(ctx, noun, last.stop)
    if "的" in noun:  # "30个特色鲜明、差异化发展的试点城市" / "2个低碳社区的创建"
        modifier, _, head = noun.rpartition("的")
        # the head is what is counted ("70个左右具有竞争优势的化工园区"), unless it names the
        # action on the modifier ("2个低碳社区的创建") or is too short to name anything
        action = head.startswith(tuple(markers()["nominal_actions"])) or head in markers()["nominal_heads"]
        noun = modifier if (action or len(head) < MIN_INDICATOR) and "、" not in modifier else head
    if not noun or len(noun) > MAX_COUNTED_NOUN or re.search(r"[、，,]", noun):
        return "", scope
    return (f"{noun}数量" if first.unit_kind == "count" else noun), scope


def _first_conjunct(ctx: _Context, noun: str, pos: int) -> str:
    """"政策宣介、1次职业指导…" -> "政策宣介"; "500千伏、25个220千伏输变电项目" ->
    "500千伏输变电项目" (a bare modifier takes the head of the last conjunct)."""
    m = re.search(r"(?:、|及|和)(?=[\d一二两三四五六七八九十])", noun)
    if not m:
        return noun
    rest, noun = noun[m.end():], noun[:m.start()]
    level = noun.endswith(LEVEL_WORD)  # "建成10个国家级、100个省级农村产业融合示范园"
    if not noun[:1].isdigit() and not level:
        return noun
    quantities = find_quantities(ctx.masked, pos + m.end(), pos + len(noun) + len(rest) + m.end() - m.start())
    head = ctx.text[quantities[-1].stop:pos + m.end() + len(rest)] if quantities else ""
    if level:  # the last conjunct's head after its own level word: "省级|农村产业融合示范园"
        shared = re.match(rf"^[\u4e00-\u9fff]{{1,4}}?{LEVEL_WORD}(?P<head>[^\d、]{{{MIN_INDICATOR},}})$", head)
        return noun + shared.group("head") if shared else noun
    return noun + head if head and not re.search(r"[\d、]", head) else noun


def _trailing_noun(text: str, q: Quantity, clause: Clause) -> str:
    """"各1—2个示范试点" -> "示范试点" (joined to each distributed indicator)."""
    tail = text[q.stop:clause.end]
    return tail if 0 < len(tail) <= MAX_TRAILING_NOUN and not re.search(r"^的|\d|、", tail) else ""


def _qualifier(text: str, q: Quantity, trigger: Trigger | None, first: Quantity) -> str | None:
    if q.qualifier:
        return q.qualifier
    if trigger is not None and trigger.qualifier:
        return trigger.qualifier
    before = text[max(0, first.start - 3):first.start]
    for qual in qualifiers():
        if qual.position == "before" and before.endswith(qual.word):
            return qual.qualifier
    return None


def _baseline(prefix: str) -> int | None:
    m = BASELINE.search(prefix) or BASELINE_BASE.search(prefix)
    return year_of(m.group(0)) if m else None


def _baseline_lead(ctx: _Context, clause: Clause) -> int | None:
    """A base year set for the whole sentence by an earlier clause: "在2020年的基础上，单位建筑
    面积能耗下降4%", "以2020年能源、水资源消费以及碳排放为基数，2025年…下降5%"."""
    found = _prefix_matches(ctx, BASELINE_BASE, dated=False).upto(clause.start)
    return year_of(found[-1].group(0)) if found else None


def _time_context(ctx: _Context, pos: int) -> tuple[str | None, str | None]:
    """The last deadline and five-year period written in the sentence before ``pos``."""
    s = ctx.sentence
    deadline = None
    for d in ctx.dates:
        if d.year is not None and s.start + d.end <= pos and not _is_baseline_year(ctx.dated, s.start, pos, d):
            deadline = d.text_due
    period = None
    for m in _prefix_matches(ctx, PERIOD).upto(pos):
        period = m.group("plan")
        if m.group("part") in ("末", "期末") and deadline is None:
            deadline = str(five_year_plans()[period][1]) if period in five_year_plans() else None
    if deadline is None and ctx.issue_year and _prefix_matches(ctx, THIS_YEAR).upto(pos):
        deadline = str(ctx.issue_year)
    if deadline is None and period is None and ctx.frames is not None:
        frame = ctx.frames.at(pos)  # "二、主要目标 / 到2025年，…" dates the section's items
        deadline, period = frame.deadline, frame.period
    return deadline, period


def _prefix_matches(ctx: _Context, pattern: re.Pattern[str], dated: bool = True) -> PrefixMatches:
    """``pattern``'s matches in the sentence (its dated text, or the text), for any prefix."""
    key = ("prefix", pattern, dated)
    found = ctx.memo.get(key)
    if found is None:
        text = ctx.dated if dated else ctx.text
        found = ctx.memo[key] = PrefixMatches(pattern, text, ctx.sentence.start, ctx.sentence.end)
    return found


def _is_baseline_year(dated: str, start: int, pos: int, d: DateMatch) -> bool:
    """Is the date ``d`` (offsets from ``start``) a base year ("比2020年") in ``dated[start:pos]``?"""
    head = dated[start + max(0, d.start - 2):start + d.start]
    tail = dated[start + d.end:min(pos, start + d.end + 3)]
    return bool(re.search(r"(?:比|较|相对|与|同|以|自|从|由)$", head)) or tail.startswith(("相比", "为基", "水平", "的基础", "基础上"))


def _evidence_start(ctx: _Context, index: int) -> int:
    """Extend the evidence back over context clauses: "到2025年，" / "“十四五”时期，"."""
    clauses = ctx.sentence.clauses
    start = clauses[index].start
    for i in range(index - 1, -1, -1):  # no slice: that copied every earlier clause per number
        prev = clauses[i]
        if not CONTEXT_CLAUSE.match(ctx.text[prev.start:prev.end]):
            break
        start = prev.start
    return start
