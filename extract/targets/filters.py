"""Named filter rules: why a number that looks like a goal is not one.

Each rule returns a short reason (kept by ``drop_reasons``) or None: reported results
(``is_past``), thresholds that size a population (``is_threshold``), shares of something
else, subsidies, formulas and references (``implausible``), forecasts, quoted opinions,
application rules and quotas (``not_a_goal``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..language.clauses import Clause
from ..language.dates import five_year_plans
from ..language.numbers import Quantity
from ..language.patterns import contains_any
from ..language.sections import enclosing
from .context import Context
from .frame import Frames
from .prefix_scan import first_end
from .vocab import BREAKDOWN_REGION, STANDARD_VALUE, markers

# 到 as a future word: before a year ("到2025年"), not in "从无到有"
FUTURE_TO = re.compile(r"到(?:19|20)\d{2}|到[“\"]?十[一二三四五]五")
# A quoted name opening what follows a number: "5万吨标准煤“两高”项目" (skipped before the noun)
QUOTED_WORD = re.compile(r"^[“\"‘《][^”\"’》]{1,10}[”\"’》]")
# An attributive list ending in "的 + noun": the number qualifies the noun ("…工业增加值占比
# 超过50%、具有法定边界和范围、具备统一管理机构的省级以上工业园区").
ATTRIBUTIVE_TAIL = re.compile(r"^、[^\d，,；;。]*的[\u4e00-\u9fff]{1,12}$")
# "低于基期的10%以上": the 的 closes the base of a decrease, not a share of something else
BELOW_BASE_TAIL = re.compile(r"低于(?:基期|基准期|基准年|基年|(?:19|20)\d{2}年(?:水平)?)的$")
# How far before a size its build verb may stand: "建有一所床位不低于300张的…" (8 characters)
BUILD_VERB_REACH = 12
# Future words too weak to keep a figure in a review frame a goal: 将 marks an object ("将…纳入"),
# 要 hides in 主要 / 重要 / 需要
REVIEW_WEAK_FUTURE = ("将", "要")
# Unit kinds that never make a target: durations ("淘汰时限不超过3年") and rubric points.
NON_TARGET_KINDS = ("time", "score")
# "及以上" at a clause's end qualifies a goal when a phrase this long stands before the number
# ("森林覆盖率提高至57%及以上"), not a bare class ("20蒸吨及以上").
MIN_GOAL_BEFORE_CLASS = 4
# A clause that states when a rule applies: "即当重点排放单位配额缺口量占其经核查排放量比例超过20%时" (b036)
WHEN_CLAUSE = re.compile(r"[即若如]?当[^，,。；;]{2,60}时$")
# A clause that states a rule's condition or limit with a bare comparison, not an aim:
# "如果抽样精度小于90%" / "且连续分布面积均大于0.0667hm2" (b163), "且累计变化超过30%" / "但年度间碳排放量
# 变化超过20%" (b405), "且不超过投资额30%" (b404)
CONDITION_CLAUSE = re.compile(r"(?:如果|假如|倘若|若|且|但)[^，,。；;]{0,30}?(?:不大于|不小于|不超过|大于|小于|超过|低于|高于)")
# A number inside a "对于…的" frame names the things a duty is about, not an aim:
# "对于规模超过100个标准机架（2.5KW）的数据中心…逐一登记造册" (b013, b260)
ABOUT_FRAME = re.compile(r"对于[^，,。；;]{2,40}?的")
# A number in a definition sizes what a term means, it sets no aim: "新增排放源是指…年排放量大于或等于
# 2万吨二氧化碳…的排放设施" (r09), "重点排放单位是指年排放量达到2.6万吨的单位"
DEFINITION = re.compile(r"是指|系指|指的是|定义为")
# A comparison right before a number that 的 + noun follows sizes a class of things: "不予支持供电煤耗
# 高于285克标准煤/千瓦时的新建湿冷煤电机组和高于300克标准煤/千瓦时的空冷煤电机组项目" (r12)
CLASS_COMPARATOR = re.compile(r"(?:高于|低于|大于|小于|超过|不足|不到|多于|少于)$")
CLASS_COMPARATOR_REACH = 6
# Between a build verb and a number, a joint means the verb belongs to an earlier noun ("新建湿冷煤电
# 机组和高于300克…的空冷煤电机组", r12)
LIST_JOINT = re.compile(r"[的和、及与]")
# Regions a breakdown after a bare "其中，" lists at most (each in its own clause)
MAX_BREAKDOWN_PARTS = 8
# Characters before a number that make it part of a formula: "…/GDP×100%", "=1.2".
FORMULA_BEFORE = "×*/÷=＝+"


def implausible(ctx: Context, clause: Clause, group: list[Quantity], form: str) -> str | None:
    """Why the number is no target: 'N% of something', subsidies, formulas, references, list sizes."""
    first, text = group[0], ctx.text
    before = text[clause.start:first.start].rstrip()
    if before.endswith("的") and form != "base" and not BELOW_BASE_TAIL.search(before):
        return "share of something else"  # "完成“十三五”计划目标的80%"
    if STANDARD_VALUE.search(before):
        return "value of a cited standard"  # "达到《民用建筑能耗标准》的引导值下降20%要求"
    if before.endswith("等") and not (form == "object" and first.unit_kind == "count"):
        return "size of a list"  # "交通银行等7家金融机构" (but "形成A、B等12个产业集群")
    if any(is_reference(text, q, clause) for q in group):
        return "reference"
    if text[first.start - 1:first.start] in "“‘\"" and first.start > clause.start:
        return "name or slogan"  # "“四个区分开来”", "“1131”就业服务"
    if word_regex("subsidy", "formula_operators").search(text, clause.start, clause.end):
        return "subsidy or formula"
    if word_regex("composition").search(text, clause.start, first.start):
        return "composition of a list"
    return None


def not_a_goal(ctx: Context, clause: Clause, group: list[Quantity], region: int,
                raw_indicator: str, direction: str) -> str | None:
    """Forecasts, quoted opinions, application rules and quotas, attributive conditions."""
    text, first, last = ctx.text, group[0], group[-1]
    s = ctx.sentence
    if _in_quote_of_speech(text, s.start, first.start):
        return "quoted opinion"
    bound = direction in ("cap", "floor") or last.qualifier_word in ("以上", "以下")
    if bound and _in_brackets(text, clause.start, first.start):
        return "parenthetical bound"  # "发电企业（纯发电及热电比小于100%）", "重点企业（能耗5000吨标煤以上）"
    if (_after_condition(ctx, clause) or WHEN_CLAUSE.match(text, clause.start, clause.end)
            or CONDITION_CLAUSE.match(text, clause.start, clause.end)):
        return "conditional rule"  # "…单独办理供地手续的，其宗地面积…控制在3公顷以下", "当…超过20%时"
    if (about := ABOUT_FRAME.match(text, clause.start, clause.end)) is not None and last.stop <= about.end():
        return "about frame"
    if DEFINITION.search(text, s.start, first.start):
        return "definition"
    if _basis_phrase(text[clause.start:clause.end]):
        return "basis phrase"  # "按照…对16个州（市）的发展定位，…"
    if _quoted_standard(text, s.start, s.end, first.start):
        return "quoted standard"  # "严格执行“夏季室内空调温度设置不低于26摄氏度…”的标准"
    if ctx.frames is not None and _in_application_rules(ctx.frames, first.start):
        return "application rule"
    if ctx.frames is not None and ctx.frames.application:
        return f"application notice: {ctx.frames.application}"
    if direction == "cap" and word_regex("quota_words").search(text, clause.start, first.start):
        return "quota"  # "每个地区推荐的绿色工厂不超过20个"
    if word_regex("quota_phrases").search(text, clause.start, first.start):
        return "quota"  # "推荐数量可放宽至30家"
    if ATTRIBUTIVE_TAIL.match(text[last.stop:clause.end]) and not _build_verb().search(
            text, max(clause.start, first.start - BUILD_VERB_REACH), first.start):
        return "attributive condition"
    return None


def _quoted_standard(text: str, start: int, end: int, pos: int) -> bool:
    """Is ``pos`` inside “…” that the sentence then calls a standard ("“…26摄氏度…”的标准")?"""
    opened = text.rfind("“", start, pos)
    if opened < 0 or text.rfind("”", opened, pos) >= 0:
        return False
    closed = min((k for k in (text.find("”", pos, end), text.find('"', pos, end)) if k >= 0), default=-1)
    if closed < 0:
        return False
    heads = "|".join(map(re.escape, markers()["quoted_standard_heads"]))
    return re.match(rf"的[^，,。；;]{{0,12}}?(?:{heads})", text[closed + 1:end]) is not None


def _basis_phrase(clause_text: str) -> bool:
    """A clause that opens on 按照/根据… and ends on the basis it names (…的发展定位 / …核查结果)."""
    m = markers()
    body = clause_text.strip().rstrip("，,；;。")
    return body.startswith(tuple(m["basis_openers"])) and body.endswith(tuple(m["basis_heads"]))


def _in_brackets(text: str, start: int, pos: int) -> bool:
    """Is ``pos`` inside a bracket opened after ``start`` and not closed before ``pos``?"""
    before = text[start:pos]
    return before.count("（") + before.count("(") > before.count("）") + before.count(")")


def _clause_index(ctx: Context, clause: Clause) -> int:
    """The clause's index in its sentence (clauses.index per number scanned the sentence each time)."""
    index = ctx.memo.get("clause index")
    if index is None:
        index = ctx.memo["clause index"] = {c: k for k, c in reversed(list(enumerate(ctx.sentence.clauses)))}
    return index[clause]


def _after_condition(ctx: Context, clause: Clause) -> bool:
    """Does a condition clause "…的，" stand right before the number's clause?"""
    clauses = ctx.sentence.clauses
    i = _clause_index(ctx, clause)
    if i == 0 or clauses[i - 1].sub != clause.sub:
        return False
    prev = clauses[i - 1]
    return ctx.text[prev.end - 1:prev.end] == "的" and ctx.text[prev.end:prev.end + 1] in "，,"


def _in_quote_of_speech(text: str, start: int, pos: int) -> bool:
    """Is ``pos`` inside “…” opened right after 表示/指出/说 …?"""
    opened = text.rfind("“", start, pos)
    if opened < 0 or text.find("”", opened, pos) >= 0:
        return False
    before = text[max(start, opened - 4):opened].rstrip("：:，, ")
    return before.endswith(markers()["quote_verbs"])


def _in_application_rules(frames: Frames, pos: int) -> bool:
    words = markers()["application_headings"]
    return any(any(w in s.title for w in words) for s in enclosing(frames.sections, pos))


@lru_cache(maxsize=32)
def word_regex(*lists: str) -> re.Pattern[str]:
    """One regex for the words of some marker lists (one scan instead of one per word)."""
    words = sorted({w for name in lists for w in markers()[name]}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)))


# The verb an equivalence restates with: "相当于减少…" / "相当于每年替代…"
_EQUIVALENT_VERB = re.compile(r"(?:每年)?([\u4e00-\u9fff]{2})")


def is_equivalence(text: str, sentence_start: int, clause_start: int, number: int) -> bool:
    """The figure at ``number`` restates another one in other units (FORMAT v2): 相当于 before
    it in its clause, or an earlier clause "相当于减少…" whose verb this clause's list repeats
    ("…相当于减少二氧化碳排放量约26亿吨，减少二氧化硫排放量约50万吨，…": b332, b560)."""
    pattern = word_regex("equivalence")
    if pattern.search(text, clause_start, number):
        return True
    m = pattern.search(text, sentence_start, clause_start)
    verb = _EQUIVALENT_VERB.match(text, m.end()) if m else None
    return verb is not None and text[clause_start:number].lstrip("，,、 ").startswith(verb.group(1))


def is_duration(text: str, region: int, group: list[Quantity]) -> bool:
    """A duration ("淘汰时限不超过3年") or points: no target, unless the indicator measures time
    itself ("年均停电时间不超过3.5小时", "平均利用小时数力争达到4500小时以上": b574, b016)."""
    if not any(q.unit_kind in NON_TARGET_KINDS for q in group):
        return False
    return group[0].unit_kind != "time" or not contains_any(text[region:group[0].start], markers()["time_measures"])


def is_reference(text: str, q: Quantity, clause: Clause) -> bool:
    """"如图1所示" / "见表2" / "第3条" / "…×100%": a figure, table or formula, never a target."""
    before = text[clause.start:q.start].rstrip()
    if (before and before[-1] in FORMULA_BEFORE) or before.endswith(markers()["reference_prefixes"]):
        return True
    return text.startswith(markers()["reference_suffixes"], q.stop)


def is_threshold(text: str, q: Quantity, clause: Clause) -> bool:
    """"65蒸吨/小时及以上燃煤锅炉", "5万吨标准煤以上项目", "达到30%的企业": a scope, not a goal.

    A bare count is what is counted ("推动100家企业开展清洁生产审核"): a threshold needs 以上.
    """
    after = QUOTED_WORD.sub("", text[q.stop:clause.end])  # "超过5万吨标准煤“两高”项目"
    if q.qualifier_word in ("及以上", "及以下"):
        return bool(after.strip()) or q.start - clause.start < MIN_GOAL_BEFORE_CLASS  # "森林覆盖率提高至57%及以上": a goal
    if after.startswith(markers()["goal_nouns"]) or q.qualifier == "about":
        return False  # "完成下降3.5%的目标", "建设100平方米左右的养老服务设施"
    if (after.startswith("的") and q.qualifier_word in ("以上", "以下")
            and q.unit_kind not in ("count", "percent")):
        return True  # "新建35蒸吨/小时以下的燃煤锅炉", "设计规模5万立方米/日以上的污水处理厂": a class
    population = markers()["threshold_nouns"] + markers()["threshold_scope_nouns"]
    if after.startswith("的") and not after[1:].startswith(population):
        built = list(_build_verb().finditer(text, max(clause.start, q.start - BUILD_VERB_REACH), q.start))
        if built and not LIST_JOINT.search(text, built[-1].end(), q.start):
            return False  # "建有一所床位不低于300张的综合性社会福利中心": the size of what is built
        if CLASS_COMPARATOR.search(text, max(clause.start, q.start - CLASS_COMPARATOR_REACH), q.start):
            return True  # "…高于300克标准煤/千瓦时的空冷煤电机组项目": the number sizes a class
    if q.unit_kind == "count" and q.qualifier_word is None and not after.startswith("的"):
        return False
    if (q.qualifier_word in ("以上", "以下") and q.unit_kind != "count"
            and after[:1] and "\u4e00" <= after[0] <= "\u9fff"):
        return True  # "契约容量5,000瓩以上电力用户": a size class of a population
    return after.startswith(markers()["threshold_nouns"])


@lru_cache(maxsize=1)
def _build_verb() -> re.Pattern[str]:
    """A verb of building, not inside a noun ("建成区" is a built-up area)."""
    words = sorted(markers()["build_verbs"], key=len, reverse=True)
    return re.compile(rf"(?:{'|'.join(map(re.escape, words))})(?!区)")


def is_past(ctx: Context, clause: Clause, deadline: str | None, region: int,
             first: Quantity, period: str | None = None) -> str | None:
    """Why the number is a reported result, or None: 已完成 in its clause, 同比 right before it,
    全年 with no future word, a review section / paragraph / document, a past year."""
    hit = _sub_sentence_word(ctx, clause, "past")
    own = ctx.text[clause.start:clause.end]
    if hit and (hit in own or not _has_future(own)):  # "已建成居住区…，到2020年达到…" is a goal
        return hit
    hit = _first_word(ctx.text[region:first.start], "past_local")  # this number's own marker
    if hit:
        return hit
    future = _said_before(ctx, clause.end, "future")  # in the sentence up to this clause's end
    hit = _sub_sentence_word(ctx, clause, "past_unless_future")
    plan_doc = ctx.frames is not None and ctx.frames.plan_doc
    if hit and not future and not (plan_doc and not _frame_past(ctx, first.start)):  # "2023年工作要点": 全年 ahead
        return hit
    now = ctx.issue_year or (ctx.frames.plan_year if ctx.frames is not None else None)
    frame = ctx.frames.at(first.start) if ctx.frames is not None else None
    if frame is not None and frame.past and not (
            _said_before(ctx, clause.end, "committed") and _not_overdue(deadline, now)):
        return frame.past
    if deadline and now and int(deadline[:4]) < now and not future:
        return f"year {deadline[:4]} before the document's"  # "2020年全省能源消费总量3.45亿吨" in a 十四五 plan
    plan = five_year_plans().get(period or "")
    if plan and now and plan[1] < now and not future:
        return f"period {period} before the document's"  # "“十三五”期间，全市…分别为35次…"
    return None


def _frame_past(ctx: Context, pos: int) -> str | None:
    return ctx.frames.at(pos).past if ctx.frames is not None else None


def _sub_sentence_word(ctx: Context, clause: Clause, name: str) -> str | None:
    """The first ``name`` word in the clause's sub-sentence (read once a sub-sentence)."""
    key = ("sub word", clause.sub, name)
    if key not in ctx.memo:
        sub = [c for c in ctx.sentence.clauses if c.sub == clause.sub]
        ctx.memo[key] = _first_word(ctx.text[sub[0].start:sub[-1].end], name)
    return ctx.memo[key]


def _said_before(ctx: Context, end: int, kind: str) -> bool:
    """``_has_future`` ("future") or the committed words of :func:`_committed` ("committed")
    in ``ctx.text[sentence start:end]``: where the first of them ends is found once a sentence."""
    s = ctx.sentence
    if end > s.end:  # never for a clause of the sentence; the plain reading otherwise
        so_far = ctx.text[s.start:end]
        return _has_future(so_far) if kind == "future" else contains_any(so_far, _committed_words())
    key = ("said before", kind)
    if key not in ctx.memo:
        ctx.memo[key] = (first_end(ctx.text, s.start, s.end, FUTURE_TO, _future_words()) if kind == "future"
                         else first_end(ctx.text, s.start, s.end, None, _committed_words()))
    return ctx.memo[key] <= end


def _has_future(text: str) -> bool:
    """A future word; 到 only before a year ("到2025年", not "从无到有")."""
    return bool(FUTURE_TO.search(text)) or contains_any(text, _future_words())


@lru_cache(maxsize=1)
def _future_words() -> tuple[str, ...]:
    return tuple(w for w in markers()["future"] if w != "到")


@lru_cache(maxsize=1)
def _committed_words() -> tuple[str, ...]:
    return tuple(w for w in _future_words() if w not in REVIEW_WEAK_FUTURE)


def _first_word(text: str, name: str) -> str | None:
    m = word_regex(name).search(text)
    return m.group(0) if m else None


def _not_overdue(deadline: str | None, issue_year: int | None) -> bool:
    """A goal inside a review needs a committed word (a future word other than 到, 将 or 要:
    a review says "将生态文明建设纳入考核…，权重由15%提高到18%": 将 is the object marker
    there, and 要 hides in 主要 / 重要) and a deadline not yet passed."""
    return deadline is None or issue_year is None or int(deadline[:4]) >= issue_year


def regional_breakdown(ctx: Context, clause: Clause, subject: str) -> bool:
    """"其中广州和深圳市达到40%左右" / "其中，主城都市区完成400万平方米，…" (b220): regions' parts of a
    total just stated (FORMAT v2: no separate target). ``subject`` is the clause's indicator phrase."""
    head = ctx.text[clause.start:clause.start + 2]
    if head not in markers()["breakdown_leads"] and not _after_bare_lead(ctx, clause):
        return False
    return bool(BREAKDOWN_REGION.match(subject.removeprefix(head).strip()))


def _after_bare_lead(ctx: Context, clause: Clause) -> bool:
    """Does a bare "其中，" (a breakdown lead that is a clause of its own) stand at most
    MAX_BREAKDOWN_PARTS clauses before, in the clause's sub-sentence? "新增500万平方米，其中，
    主城都市区完成400万平方米，渝东北…完成75万平方米" (a bounded look back: the sentence may hold
    thousands of clauses)."""
    clauses = ctx.sentence.clauses
    leads = markers()["breakdown_leads"]
    i = _clause_index(ctx, clause)
    for c in clauses[max(0, i - MAX_BREAKDOWN_PARTS):i]:
        if c.sub == clause.sub and c.end - c.start <= 2 and ctx.text[c.start:c.end] in leads:
            return True
    return False
