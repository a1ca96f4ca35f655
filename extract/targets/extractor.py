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
from dataclasses import dataclass
from functools import lru_cache

from ..language.clauses import Clause, Sentence, split_sentences
from ..language.dates import DateMatch, find_dates, mask_dates, mask_noise, year_of
from ..language.numbers import Quantity, find_quantities
from ..language.patterns import contains_any, qualifiers
from ..model import Document, Target
from ..settings import Settings
from .vocab import (
    BASELINE,
    BASELINE_BASE,
    CONCURRENT_OPENER,
    CONTEXT_CLAUSE,
    COUNT_SUMMARY,
    DATE_PREFIX,
    INNER_SHARE,
    LEADING_NOISE,
    OUTLINE_NUMBER,
    PERIOD,
    SCOPE,
    SCORING_RULE,
    SHARE_VERB,
    STANDARD_VALUE,
    THIS_YEAR,
    Trigger,
    five_year_plans,
    hedge_regex,
    indicator_heads,
    markers,
    region_item_regex,
    threshold_scope_regex,
    trigger_regex,
    triggers,
)

LOGGER = logging.getLogger(__name__)

# Unit kinds that never make a target: durations ("淘汰时限不超过3年") and rubric points.
NON_TARGET_KINDS = ("time", "score")
# Longest object between a verb and its number: "完成煤电机组节能改造2000万千瓦" (9 chars).
# Longer gaps are usually a different construction (a clause with its own number later).
MAX_OBJECT_GAP = 16
# A distributed list as object may be longer: "培育低碳城市、海绵城市、“无废城市”各1—2个" (18 chars).
MAX_LIST_OBJECT_GAP = 32
# Longest noun phrase continuing a list without its own verb: "、灵活性改造3000万千瓦".
MAX_LIST_ITEM = 15
# Longest trailing noun after a distributed number: "各1—2个示范试点".
MAX_TRAILING_NOUN = 8
# Words allowed between a trigger and its number: "提高到" is in the table, "下降了" is past.
GAP_FILLERS = ("", "到", "至", "在", "为")
# 均 / 各 / 都 / 分别 before the verb or number share one number: "化肥、农药利用率均达到43%"
SHARED_MARK = re.compile(r"(?:均|各|都|分别)$")
# Joiners that make consecutive numbers one list: "分别下降8%、8%、10%".
LIST_JOINERS = ("、", "和", "与", "及")
# An indicator shorter than this is a fragment ("上" of a line-broken "原则\n上控制在…").
MIN_INDICATOR = 2
# Longest noun after "verb + number" that names what is counted: "创建2000家节约型公共机构示范单位".
MAX_COUNTED_NOUN = 20
# Characters before a number that make it part of a formula: "…/GDP×100%", "=1.2".
FORMULA_BEFORE = "×*/÷=＝+"
# Bracket and quote pairs kept balanced at indicator edges ("PUE值(电能利用效率)").
BRACKET_PAIRS = {"（": "）", "(": ")", "“": "”", "‘": "’", "《": "》", "[": "]", "【": "】"}
QUOTES = "“”‘’"
# Shortest shared tail after a bracketed last item: "出租汽车（含网约车）新能源汽车".
MIN_SHARED_TAIL = 2
# Separates subject and base of a "share of a total" phrase inside _direction's raw text.
BASE_MARK = "\x00"


@dataclass(slots=True)
class _Context:
    """What one sentence carries over to its clauses."""

    text: str  # doc.text
    masked: str  # dates, 文号, phones masked (for quantities)
    dated: str  # 文号, phones masked (for dates)
    issue_year: int | None
    sentence: Sentence
    scope: str | None = None
    prev: Target | None = None  # previous target in the clause (for list continuation)
    last: Target | None = None  # previous target in the sentence (for staged targets)
    found_dates: list[DateMatch] | None = None  # read on first use: most sentences need none

    @property
    def dates(self) -> list[DateMatch]:
        """The sentence's dates, read only when a candidate number asks for its time context."""
        if self.found_dates is None:
            s = self.sentence
            self.found_dates = find_dates(self.dated[s.start:s.end])
        return self.found_dates


def extract_targets(doc: Document, settings: Settings) -> list[Target]:
    """All numeric targets of ``doc`` (departments left empty for the link stage)."""
    text = doc.text
    dated = mask_noise(text)
    masked = mask_dates(dated)
    issue_year = _issue_year(doc)
    out: list[Target] = []
    seen: set[tuple] = set()
    for sentence in split_sentences(text):
        if not _may_hold_target(masked, sentence):
            continue
        ctx = _Context(text, masked, dated, issue_year, sentence)
        for target in _sentence_targets(ctx):
            key = (target.indicator, target.value, target.value_max, target.unit,
                   target.direction, target.deadline, target.period)
            if key not in seen:  # a news lead repeating the body is one target, not two
                seen.add(key)
                out.append(target)
    LOGGER.debug("%s: %d targets", doc.source, len(out))
    return out


def _issue_year(doc: Document) -> int | None:
    date = getattr(doc.metadata, "issue_date", None)
    return int(date[:4]) if date and date[:4].isdigit() else None


_HAS_NUMBER = re.compile(r"\d|百分之|[ⅠⅡⅢⅣⅤ]类|[一二两三四五六七八九十百千]+[万亿]?[%个家吨千平亩公]")


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
        if scope:
            ctx.scope = scope
        ctx.prev = None
        quantities = find_quantities(ctx.masked, clause.start, clause.end)
        region = phrase = clause.start
        for group in _groups(ctx.text, quantities):
            made = _group_targets(ctx, index, clause, region, group, phrase)
            out.extend(made)
            if made:
                ctx.prev = ctx.last = made[-1]
            region = group[-1].stop
            if made or not _glued(ctx.text, group[-1], clause.end):
                phrase = region  # "100万以上的城市…": a dropped number glued to its noun stays in the phrase
    return out


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
    if any(q.unit_kind in NON_TARGET_KINDS for q in group):
        return []
    found = _direction(ctx, clause, region, group, phrase)
    if found is None or not _plausible(ctx, clause, group, found[3]):
        return []
    direction, trigger, raw_indicator, form = found
    if form not in ("share", "base") and _is_threshold(text, last, clause):
        return []
    if form == "base":  # "新能源汽车新增销量达到汽车新车销售总量的20%": a share of a named total
        raw_indicator, base = raw_indicator.split(BASE_MARK)
    scope, indicator = _clean_indicator(raw_indicator)
    if form == "base":
        indicator = f"{indicator}占{base}比例" if indicator else ""
    if scope is None:
        scope = ctx.scope
    elif scope:
        ctx.scope = scope
    m = INNER_SHARE.match(indicator)
    if m:  # "钢铁、水泥等重点行业产能达到能效标杆水平的比例": this target's population only
        scope, indicator = scope or m.group("subject"), m.group("share")
    if form in ("object", "share", "base", "noun") and not indicator:
        return []
    if not indicator and form == "verb":
        indicator, scope = _implicit_indicator(ctx, clause, group, scope)
    if len(indicator) < MIN_INDICATOR:
        return []
    trailing = _trailing_noun(text, last, clause) if form == "object" else ""
    shared = bool(SHARED_MARK.search(text[region:first.start] if form != "verb" else raw_indicator))
    named = _distribute(indicator, len(group), shared, trailing, first.unit_kind == "percent")
    deadline, period = _time_context(ctx, first.start)
    if _is_past(ctx, clause, deadline):
        return []
    baseline = _baseline(text[clause.start:first.start])
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


def _plausible(ctx: _Context, clause: Clause, group: list[Quantity], form: str) -> bool:
    """Unit kinds, 'N% of something', subsidies, formulas, references, list sizes."""
    first, text = group[0], ctx.text
    if any(q.unit_kind in NON_TARGET_KINDS for q in group):
        return False
    before = text[clause.start:first.start].rstrip()
    if before.endswith("的") and form != "base":
        return False  # "完成“十三五”计划目标的80%": a share of something else
    if STANDARD_VALUE.search(before):
        return False  # "达到《民用建筑能耗标准》的引导值下降20%要求": the standard's value, not ours
    if before.endswith("等"):
        return False  # "交通银行等7家金融机构": the size of a list, not a goal
    if any(_is_reference(text, q, clause) for q in group):
        return False
    if _word_regex("subsidy", "formula_operators").search(text, clause.start, clause.end):
        return False
    return not _word_regex("composition").search(text, clause.start, first.start)


@lru_cache(maxsize=8)
def _word_regex(*lists: str) -> re.Pattern[str]:
    """One regex for the words of some marker lists (one scan instead of one per word)."""
    words = sorted({w for name in lists for w in markers()[name]}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)))


def _is_reference(text: str, q: Quantity, clause: Clause) -> bool:
    """"如图1所示" / "见表2" / "第3条" / "…×100%": a figure, table or formula, never a target."""
    before = text[clause.start:q.start].rstrip()
    if (before and before[-1] in FORMULA_BEFORE) or before.endswith(markers()["reference_prefixes"]):
        return True
    return text.startswith(markers()["reference_suffixes"], q.stop)


# ---------------------------------------------------------------------------- direction


def _direction(ctx: _Context, clause: Clause, region: int, group: list[Quantity],
               phrase: int) -> tuple[str, Trigger | None, str, str] | None:
    """(direction, trigger, raw indicator text, form) or None when the number is no target.

    form: "verb" (indicator before the verb), "object" (verb, object, number),
    "list" (continues the previous target), "share" ("25%的党政机关要建成…").
    """
    text, first = ctx.text, group[0]
    trig = _rightmost_trigger(ctx.masked, region, first.start)
    if trig is not None:
        t_start, t_end, trigger = trig
        gap = text[t_end:first.start]
        if gap in GAP_FILLERS:
            if first.unit is None and not _unitless_ok(text, group[-1]):
                return None
            return trigger.direction, trigger, text[min(region, phrase):t_start], "verb"
        limit = MAX_LIST_OBJECT_GAP if re.search(r"、.*(?:各|均|分别)$", gap) else MAX_OBJECT_GAP
        if len(gap) > limit or first.unit is None or gap.endswith(markers()["relative_objects"]):
            return None
        percent_of = first.unit_kind == "percent" and trigger.direction == "reach"
        if gap.endswith("的") and "的" not in gap[:-1]:
            # "达到汽车新车销售总量的20%" is a target only when dated ("达到额定负荷的40%以下" is a spec)
            base = gap[:-1]
            if percent_of and len(base) >= MIN_INDICATOR and _dated(ctx, first.start):
                return trigger.direction, trigger, text[min(region, phrase):t_start] + BASE_MARK + base, "base"
            return None
        if "的" in gap or (percent_of and not _dated(ctx, first.start)):
            return None  # "最小发电出力达到额定负荷35%以下": a technical condition, not a goal
        return trigger.direction, trigger, gap, "object"
    pre = text[region:first.start]
    if ctx.prev is not None and pre[:1] in LIST_JOINERS and len(pre) <= MAX_LIST_ITEM and first.unit:
        return ctx.prev.direction, None, pre, "list"
    if first.unit_kind == "percent":
        share = _share_indicator(text, group[-1], clause)
        if share:
            return "reach", None, pre + share, "share"
    if first.unit is not None and pre.endswith(_measure_heads()) and _dated(ctx, first.start):
        return "reach", None, text[min(region, phrase):first.start], "noun"  # "…占比65%左右"
    return None


def _dated(ctx: _Context, pos: int) -> bool:
    """Does the sentence set a deadline or plan period before ``pos`` ("到2025年，…")?"""
    deadline, period = _time_context(ctx, pos)
    return deadline is not None or period is not None


@lru_cache(maxsize=1)
def _measure_heads() -> tuple[str, ...]:
    """Nouns that name a measure, so that a number right after them is its level ("占比65%")."""
    return tuple(sorted(set(indicator_heads()) | {"率"}, key=len, reverse=True))


def _rightmost_trigger(masked: str, start: int, end: int) -> tuple[int, int, Trigger] | None:
    """The last trigger before the number that is a verb (not "减排" inside "碳减排技术")."""
    best = None
    followers = markers()["trigger_noun_followers"]
    for m in trigger_regex().finditer(masked, start, end):
        if not masked.startswith(followers, m.end()):
            best = (m.start(), m.end(), triggers()[m.group(0)])
    return best


def _unitless_ok(text: str, q: Quantity) -> bool:
    """"PUE值不超过1.3。": a dimensionless level must end its clause (not "达到2个…")."""
    nxt = text[q.stop:q.stop + 1]
    return not nxt or not ("\u4e00" <= nxt <= "\u9fff")


def _share_indicator(text: str, q: Quantity, clause: Clause) -> str | None:
    """"25%的党政机关要建成节约型机关" -> "党政机关建成节约型机关比例"."""
    after = text[q.stop:clause.end]
    m = re.match(r"的?(?P<noun>[^，,；。]{1,20}?)(?P<verb>" + SHARE_VERB.pattern + r")(?P<obj>[^，,；。]{0,20})", after)
    if not m:
        return None
    verb = re.sub(r"^(?:要|将|应)", "", m.group("verb"))
    return f"{m.group('noun')}{verb}{m.group('obj')}比例"


def _is_threshold(text: str, q: Quantity, clause: Clause) -> bool:
    """"65蒸吨/小时及以上燃煤锅炉", "5万吨标准煤以上项目", "达到30%的企业": a scope, not a goal."""
    if q.qualifier_word in ("及以上", "及以下"):
        return True
    after = text[q.stop:clause.end]
    if after.startswith(markers()["goal_nouns"]):
        return False
    return after.startswith(markers()["threshold_nouns"])


# ---------------------------------------------------------------------------- fields


def _leading_scope(clause_text: str) -> str | None:
    stripped = DATE_PREFIX.sub("", LEADING_NOISE.sub("", clause_text))
    stripped = LEADING_NOISE.sub("", stripped)
    m = SCOPE.match(stripped)
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
    s = BASELINE_BASE.sub("", BASELINE.sub("", s))
    scope = None
    m = SCOPE.match(s)
    if m and m.end() < len(s) and _on_word_boundary(s, m.end()):
        scope, s = m.group(0), s[m.end():]
    m = threshold_scope_regex().match(s)
    if m and m.end() < len(s):
        scope, s = m.group(0), s[m.end():].removeprefix("的")
    m = COUNT_SUMMARY.match(s)
    if m and m.end() < len(s):
        s = s[m.end():]
    s = hedge_regex().sub("", LEADING_NOISE.sub("", CONCURRENT_OPENER.sub("", s)))
    return scope, _balanced(s)


def _balanced(s: str) -> str:
    """Brackets and quotes balanced at the edges: "PUE值(电能利用效率" -> "PUE值",
    "“无废城市" -> "无废城市", "含网约车）新能源汽车" -> "新能源汽车", "“无废城市”" -> "无废城市"."""
    s = s.strip(" \"")
    closers = {v: k for k, v in BRACKET_PAIRS.items()}
    stack: list[int] = []
    unmatched: list[int] = []
    for i, ch in enumerate(s):
        if ch in BRACKET_PAIRS:
            stack.append(i)
        elif ch in closers:
            if stack and s[stack[-1]] == closers[ch]:
                stack.pop()
            else:
                unmatched.append(i)
    unmatched.extend(stack)
    for i in sorted(unmatched, reverse=True):
        ch = s[i]
        if ch in QUOTES or i == 0 or i == len(s) - 1:
            s = s[:i] + s[i + 1:]  # a stray quote, or a bracket at an edge: drop the mark
        elif ch in BRACKET_PAIRS:
            s = s[:i]  # "PUE值(电能利用效率": the cut parenthetical goes
        else:
            s = s[i + 1:]  # "含网约车）新能源汽车": the cut parenthetical's tail goes
            break  # every mark left to visit was in the part just cut (an IndexError before)
    while len(s) > 1 and BRACKET_PAIRS.get(s[0]) == s[-1] and _pair_end(s) == len(s) - 1:
        s = s[1:-1]  # "“无废城市”": quotes around the whole name
    return s.strip(" ")


def _pair_end(s: str) -> int:
    """Index of the mark closing the bracket that opens ``s``."""
    depth = 0
    for i, ch in enumerate(s):
        if ch == s[0]:
            depth += 1
        elif ch == BRACKET_PAIRS[s[0]]:
            depth -= 1
            if depth == 0:
                return i
    return -1


def _implicit_indicator(ctx: _Context, clause: Clause, group: list[Quantity],
                        scope: str | None) -> tuple[str, str | None]:
    """A verb with nothing before it: a later stage of the sentence's previous target
    ("…达到0.4亿吨，到2030年达到0.8亿吨"), or the noun it counts ("建设1至2个绿色生态城区")."""
    first, last = group[0], group[-1]
    prev = ctx.last
    if prev is not None and prev.unit == first.unit and len(group) == 1:
        return prev.indicator, scope or prev.scope
    noun = ctx.text[last.stop:clause.end]
    if "的" in noun:  # "30个特色鲜明、差异化发展的试点城市" / "2个低碳社区的创建"
        modifier, _, head = noun.rpartition("的")
        noun = head if "、" in modifier else modifier
    if not noun or len(noun) > MAX_COUNTED_NOUN or re.search(r"[\d、，,]", noun):
        return "", scope
    return (f"{noun}数量" if first.unit_kind == "count" else noun), scope


def _trailing_noun(text: str, q: Quantity, clause: Clause) -> str:
    """"各1—2个示范试点" -> "示范试点" (joined to each distributed indicator)."""
    tail = text[q.stop:clause.end]
    return tail if 0 < len(tail) <= MAX_TRAILING_NOUN and not re.search(r"\d|、", tail) else ""


def _distribute(indicator: str, n: int, shared: bool, trailing: str,
                percent: bool = False) -> list[tuple[str | None, str]]:
    """One (scope, indicator) per number: "化学需氧量、氨氮…排放总量…分别" -> 化学需氧量排放总量, …

    A list of regions ("京津冀及周边地区、长三角地区煤炭消费量分别下降10%、5%") names the
    scopes; the indicator is the head after the last region (煤炭消费量) for all of them.
    """
    items = _list_items(indicator)
    if (n > 1 and len(items) != n) or (n == 1 and shared and len(items) == 1):  # "能源消耗和二氧化碳排放分别下降14%、19.5%"
        items = _list_items(indicator, joiners="、和及与")
    if (n > 1 and len(items) == n) or (n == 1 and len(items) > 1 and shared):
        regions = _region_list(items)
        if regions:
            return [(scope, f"{head}{trailing}") for scope, head in regions]
        tailed = _share_tail(items, percent)
        items = tailed if tailed != items else _share_head(items)
        return [(None, _balanced(f"{i}{trailing}")) for i in items]
    return [(None, f"{indicator}{trailing}")] * n


def _region_list(items: list[str]) -> list[tuple[str, str]] | None:
    """[(region, shared head)] when every item is a region and the last one carries the head."""
    regex = region_item_regex()
    if not all((m := regex.match(i)) and m.end() == len(i) for i in items[:-1]):
        return None
    m = regex.match(items[-1])
    if not m or len(items[-1]) - m.end() < MIN_INDICATOR:
        return None
    head = items[-1][m.end():]
    return [(i, head) for i in items[:-1]] + [(m.group(0), head)]


def _list_items(indicator: str, joiners: str = "、") -> list[str]:
    """Split at 、 outside brackets and quotes ("各县（市、区）" stays whole)."""
    items, depth, current = [], 0, []
    for ch in indicator:
        if ch in "（(《“[":
            depth += 1
        elif ch in "）)》”]":
            depth = max(0, depth - 1)
        if ch in joiners and depth == 0:
            items.append("".join(current))
            current = []
        else:
            current.append(ch)
    items.append("".join(current))
    return [i for i in items if i]


def _share_tail(items: list[str], percent: bool) -> list[str]:
    """"公交车、出租汽车（含网约车）新能源汽车分别达到72%、35%": the words after the last
    item's bracket are the shared tail (公交车新能源汽车比例, 出租汽车（含网约车）新能源汽车比例)."""
    last = items[-1]
    cut = max(last.rfind("）"), last.rfind(")"))
    tail = last[cut + 1:]
    if cut <= 0 or len(tail) < MIN_SHARED_TAIL or any(i.endswith(tail) for i in items[:-1]):
        return items
    if percent and not tail.endswith(markers()["measure_endings"]):
        tail += "比例"
    return [f"{i}{tail}" for i in items[:-1]] + [last[:cut + 1] + tail]


def _share_head(items: list[str]) -> list[str]:
    """Give every item the indicator head of the last one when they lack one."""
    last = items[-1]
    head = next((h for h in indicator_heads() if last.endswith(h) and len(last) > len(h)), None)
    if head is None:
        return items
    if "等" in last:  # "挥发性有机物等主要污染物重点工程减排量": the 等-phrase is the category
        last = last[:last.index("等")] + head
    own = tuple(indicator_heads())
    return [last if i is items[-1] else i if i.endswith(own) else f"{i}{head}" for i in items]


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


def _time_context(ctx: _Context, pos: int) -> tuple[str | None, str | None]:
    """The last deadline and five-year period written in the sentence before ``pos``."""
    s = ctx.sentence
    before = ctx.dated[s.start:pos]
    deadline = None
    for d in ctx.dates:
        if d.year is not None and s.start + d.end <= pos and not _is_baseline_year(before, d):
            deadline = d.text_due
    period = None
    for m in PERIOD.finditer(before):
        period = m.group("plan")
        if m.group("part") in ("末", "期末") and deadline is None:
            deadline = str(five_year_plans()[period][1]) if period in five_year_plans() else None
    if deadline is None and ctx.issue_year and THIS_YEAR.search(before):
        deadline = str(ctx.issue_year)
    return deadline, period


def _is_baseline_year(before: str, d: DateMatch) -> bool:
    head = before[max(0, d.start - 2):d.start]
    tail = before[d.end:d.end + 3]
    return bool(re.search(r"(?:比|较|与|同|以|自|从)$", head)) or tail.startswith(("相比", "为基", "水平"))


def _is_past(ctx: _Context, clause: Clause, deadline: str | None) -> bool:
    """A reported result: 已完成 / 同比 / a year before the document's own year."""
    s = ctx.sentence
    sub = [c for c in s.clauses if c.sub == clause.sub]
    piece = ctx.text[sub[0].start:sub[-1].end]
    if contains_any(piece, markers()["past"]):
        return True
    if deadline and ctx.issue_year and int(deadline[:4]) < ctx.issue_year:
        return not contains_any(ctx.text[s.start:clause.end], markers()["future"])
    return False


def _evidence_start(ctx: _Context, index: int) -> int:
    """Extend the evidence back over context clauses: "到2025年，" / "“十四五”时期，"."""
    clauses = ctx.sentence.clauses
    start = clauses[index].start
    for prev in reversed(clauses[:index]):
        if not CONTEXT_CLAUSE.match(ctx.text[prev.start:prev.end]):
            break
        start = prev.start
    return start
