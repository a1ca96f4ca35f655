"""What every deadline rule shares: the time-word patterns, the per-sentence finding, the
reading context and the clause helpers."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..language.clauses import Clause, Sentence
from ..language.dates import DateMatch, mask_dates
from ..language.numbers import find_quantities
from ..language.patterns import YEAR, contains_any
from ..model import Document
from ..settings import Settings
from .vocab import PLAN_END, deadline_rules

# A clock time between a date and its 前: "2021年8月11日17：30前" / "12月15日17点前" / "中午前"
_CLOCK = r"(?:\s*\d{1,2}[:：]\d{2}|\d{1,2}[点时](?:\d{1,2}分)?|中午|下班|24时)"
# 前 / 之前 / 以前 after a date makes it a due date ("2020年8月15日前"); 前后 does not.
DUE_AFTER = re.compile(rf"^(?:底|末)?{_CLOCK}?(?:前|之前|以前)(?!后)")
# 将于 / 要于 / 于 before a date announces when something happens ("考核组将于6月下旬…")
DUE_BEFORE = re.compile(r"(?:将于|要于|须于|应于|务必于|拟于)$")
# The month of a goal date: "到2022年6月底，实现…" is due in June (not 6月30日: a day is a due date's)
_GOAL_MONTH = r"(?:1[0-2]|0?[1-9])月(?!\d)"
# A dated goal: "到2025年" / "到2025年底" / "2025年前" / "确保2022年实现采补平衡" /
# "展望2035年，…基本建成现代能源体系", "到2025年年底"; "截至2021年底" is a data cut-off ("2021年12月至2023年
# 12月为重点实施阶段": 至 closing a range is no goal date)
GOAL_DATE = re.compile(
    rf"(?<!截)(?<!截止)(?<![\d月日号])(?:{'|'.join(deadline_rules()['goal_date_leads'])})(?:{YEAR})年(?:{_GOAL_MONTH})?(?:年?(?:底|末))?"
    rf"|(?:{YEAR})年(?:年?(?:底|末))?(?:前|以前)"
    # the end of a five-year plan: "到“十四五”末，全面完成…改造任务" is due in its last year, as a
    # target's "到“十四五”末" is (18 times in 10 bulk PDFs; "“十四五”期间" names no end)
    rf"|(?:到|至|在)?{PLAN_END}"
)
# A date followed by 起 starts something ("自2023年1月1日起施行"): an effective date, not a due date;
# one followed by 之后 / 以后 bounds from below ("项目投入运行的时间应于2014年6月19日之后", b175)
EFFECTIVE_AFTER = re.compile(r"^(?:底|末)?(?:起|开始|以来|之后|以后)")
# A window after each period: "每季度结束后15日内" / "每月结束后的40日内" / "每个月结束之后的40日内"
WINDOW = r"(?:结束之?后的?|后的?|终了后的?)\d{1,3}(?:个工作)?[日天](?:内|以内)"
# The rhythm words of a cycle: "每年" / "按季度" / "每周" / "每三年" / "每个交易日"
RHYTHM = r"(?:半年|年度?|季度?|个?月|周|星期|个?交易日|个?工作日|日|天|旬|[两二三四五六七八九十]年)"
# The detail of a recurrence as written: "每年10月底前" / "每年度报告一次" / "每三年一复核"
RECURRENCE_DETAIL = re.compile(
    rf"(?:(?:每|按|逐){RHYTHM}|年终)"
    rf"(?:{WINDOW}|\d{{1,2}}月(?:\d{{1,2}}日|底|末|中旬|上旬|下旬)?(?:前|之前)?|[末底初](?:前|之前)?)?"
    r"(?:[\u4e00-\u9fff]{1,4}?一次|一[\u4e00-\u9fff]{1,2}(?=[”\"，,。；]))?"
    # "一月一测" / "半年一汇报" / "一年一体检": a rhythm written as "one period, one act"
    r"|[一半](?:年|季|月|周)一[\u4e00-\u9fff]{1,2}?(?=[”\"，,。；、）)]|$)"
)
# The window inside a recurrence detail: its relative time limit ("每月结束后的40日内")
WINDOW_IN_DETAIL = re.compile(rf"(?:每|按)个?(?:半年|年度?|季度?|月){WINDOW}")
# A clause that ends on its period's window ("各单位在每月结束后的40日内，")
WINDOW_ONLY = re.compile(rf"^(?:每|按)(?:半年|年度?|季度?|个?月){WINDOW}$")
# Time words a clause may hold and still be only a time phrase ("于每季度结束后15日内，")
TIME_ONLY = re.compile(
    rf"^(?:从|自)?(?:(?:{YEAR})年)?(?:\d{{1,2}}月)?(?:起|开始)?(?:于|在)?(?:每|按)(?:半年|年度?|季度?|个?月){WINDOW}$"
)
# "不得晚于2022年6月30日" bounds a date, it forbids nothing
NOT_LATER = re.compile(r"不得?晚于|不得?迟于")
# A quantity written with a Latin unit ("1GW以上", "200MW") that the unit table may not know
LATIN_QUANTITY = re.compile(r"\d[\d.,]*\s*(?:[kKMGT]?W[hp]?|[kKMGT]?t|[kK]?m[23²³]?)(?![A-Za-z])")
# How many later clauses a time word with no act of its own may reach for one
VERB_REACH = 2


@dataclass(slots=True)
class Found:
    """One deadline found in a sentence: clauses [clause_index, last_index] and its fields."""

    clause_index: int
    last_index: int
    due: str | None
    recurrence: str | None
    detail: str | None
    span: tuple[int, int] | None = None  # a part of a clause ("…“县县通气”、东部地区实现…")
    when: str | None = None  # the date as written, for undated repeats ("6月下旬")
    relative: str | None = None  # a time limit counted from an event ("收到通知之日起5个工作日内")
    task: str | None = None  # set by rules that know the task better than the evidence does
    responsible: list[str] | None = None  # set by rules that read it from a label


# Target evidences are looked up by this many last characters (TargetClauses.holds).
SUFFIX_KEY_CHARS = 8


class TargetClauses:
    """Clauses that hold a numeric target (by position, and by text for repeated passages)."""

    def __init__(self, doc: Document, settings: Settings) -> None:
        targets = doc.targets
        if not targets and not settings.extract_targets:
            from ..targets import extract_targets

            targets = extract_targets(doc, settings)
        self.ends = {t.span[1] for t in targets}
        self.evidences = {t.evidence for t in targets}
        # "is the clause the end of some target's evidence", answered by lookups instead of
        # one endswith per target: every short suffix, and the evidences by their last chars
        self._short_suffixes = {e[-k:] for e in self.evidences for k in range(1, SUFFIX_KEY_CHARS)}
        self._by_last_chars: dict[str, list[str]] = {}
        for e in self.evidences:
            if len(e) >= SUFFIX_KEY_CHARS:
                self._by_last_chars.setdefault(e[-SUFFIX_KEY_CHARS:], []).append(e)

    def holds(self, text: str, clause: Clause) -> bool:
        piece = text[clause.start:clause.end]
        if clause.end in self.ends:
            return True
        if len(piece) < SUFFIX_KEY_CHARS:
            return piece in self._short_suffixes if piece else bool(self.evidences)
        return any(e.endswith(piece) for e in self._by_last_chars.get(piece[-SUFFIX_KEY_CHARS:], ()))


@dataclass(slots=True)
class Context:
    """What a rule reads besides its sentence: the text, its masked copy, the target clauses
    and what earlier sentences carry forward (the annual cycle, the last full date, the goal
    date of a paragraph's lead, the document's own date)."""

    text: str
    dated: str  # the text with document numbers, phones and URLs masked (same offsets)
    targets: TargetClauses
    doc_date: DateMatch | None = None
    annual_before: bool = False
    anchor: DateMatch | None = None  # the nearest full date (year and month) before
    goal_due: str | None = None  # "到2025年，…。⏎——…" carried to the paragraph and its bullets


# ---------------------------------------------------------------------------- helpers


def quoted(s_text: str, pos: int) -> bool:
    """True inside an open “…” or 《…》: a slogan, a goal's or a document's name
    ("“确保2030年前实现碳达峰”目标", "按照国家《2030年前碳达峰行动方案》")."""
    before = s_text[:pos]
    return before.count("“") > before.count("”") or before.count("《") > before.count("》")


def clause_at(sentence: Sentence, pos: int) -> int:
    for i, c in enumerate(sentence.clauses):
        if c.start <= pos < c.end:
            return i
    return len(sentence.clauses) - 1


def extend_forward(sentence: Sentence, i: int, from_date: str) -> int:
    """A clause that is only a time phrase ("每年10月底前，") takes the clause it governs."""
    rest = re.sub(rf"^(?:于|在)?(?:每(?:年度?|季度?|个?月))?(?:(?:{YEAR})年)?(?:年底|年末)?[\d一二三四五六七八九十]*月?[\d一二三四五六七八九十]*[日号]?{_CLOCK}?(?:底|末|中旬|上旬|下旬|份|初)?(?:前|之前|以前)?", "", from_date)
    if len(rest) <= 1 and i + 1 < len(sentence.clauses):
        return i + 1
    return i


def reach_verb(dated: str, sentence: Sentence, i: int, last: int, verbs: tuple[str, ...]) -> int:
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


def not_a_duty(piece: str, start: int, end: int, verbs: tuple[str, ...]) -> bool:
    """The time word at ``piece[start:end]`` sets no duty: it follows a guiding, pushing or
    prohibiting word ("鼓励企业按年度发布…", "推动各领域编制…年度计划", "又忌简单实施年度考核"), or it sits in a basis
    phrase ("根据省级每年专项资金安排情况…进行任务分解")."""
    rules = deadline_rules()
    before = NOT_LATER.sub("", piece[:start])
    if contains_any(before, rules["not_duty_words"]) or contains_any(before, rules["not_cycle_words"]):
        return True
    if not contains_any(before, rules["basis_words"]):
        return False
    after = piece[end:]
    first_verb = min((k for k in (after.find(v) for v in verbs) if k >= 0), default=len(after))
    return contains_any(after[:first_verb], rules["basis_heads"])


def forbidden(before: str) -> bool:
    """A prohibiting or guiding word before the date in its clause ("严禁…", "鼓励…")."""
    return contains_any(NOT_LATER.sub("", before), deadline_rules()["not_duty_words"])


def numeric(piece: str) -> bool:
    """The text states a figure ("达到12亿千瓦以上", "实现光伏发电装机量1GW以上", "建成两个示范
    园区"): a numeric goal is a target only, never repeated as a deadline (FORMAT v2). Any
    Arabic number counts, whatever its unit (the unit table need not know it); a number that
    is part of a name does not ("5G", "PM2.5")."""
    masked = _NAMES_WITH_NUMBERS.sub(lambda m: "＿" * len(m.group(0)), mask_dates(piece))
    if LATIN_QUANTITY.search(masked) or _BARE_NUMBER.search(masked):
        return True
    return any(q.unit for q in find_quantities(masked))


# Numbers that name, not measure: a water-quality class ("消除劣Ⅴ类水体", "达到Ⅲ类") and a
# quoted scheme name ("全部建成“1+1+N”…缓冲区体系", "构建“1+N”政策体系")
_NAMES_WITH_NUMBERS = re.compile(r"劣?[ⅠⅡⅢⅣⅤⅥ]+类|“[^”]{0,12}\d[^”]{0,12}”")


def numeric_goal(piece: str) -> bool:
    """``piece`` (the duty after its date or rhythm word) states a figure to reach: "建设1个
    以上滨海沙滩景观带样板", "比例不低于60%", "完成削减替代燃煤140万吨" (FORMAT v2: a target
    only). Counts of times, copies and time spans are how a duty is done, not a figure to
    reach ("开展1次演练", "一式两份", "报送前3个月的数据"); a count in Chinese numerals names
    parts of the duty ("按照市级和区县两个层面", "完成…五项主要任务"), and a measure before a noun
    describes it ("全面完成35蒸吨/小时以下燃煤锅炉淘汰")."""
    masked = mask_dates(piece)
    if LATIN_QUANTITY.search(masked):
        return True
    skip = tuple(deadline_rules()["duty_units"])
    return any(q.unit and q.unit not in skip and _DIGIT.search(masked, q.start, q.end)
               and not (q.unit_kind == "quantity" and _CJK.match(masked, q.stop))
               for q in find_quantities(masked))


# A measure right before a noun describes it ("35蒸吨/小时以下燃煤锅炉", "10万吨级码头")
_CJK = re.compile(r"[\u4e00-\u9fff]")


# A figure written in Arabic digits: "两个层面" / "五项主要任务" name parts of the duty
_DIGIT = re.compile(r"\d")


# An Arabic number that is no part of a Latin name ("5G基站", "PM2.5", "4A级")
_BARE_NUMBER = re.compile(r"(?<![A-Za-z\d.])\d[\d.,]*(?![\d.,]*[A-Za-z])")


def context_sentence(s_text: str) -> bool:
    """A background sentence: it states the setting ("…打好基础的关键时期", "…具有重要意义") or
    restates a national commitment ("我国力争2030年前实现碳达峰…"); its dates are no deadlines."""
    rules = deadline_rules()
    return contains_any(s_text, rules["context_markers"]) or s_text.startswith(tuple(rules["context_subjects"]))


def mask_noun_goals(piece: str) -> str:
    """``piece`` with goal nouns that hold a goal verb blanked, same length ("碳达峰工作")."""
    for noun in deadline_rules()["noun_goals"]:
        piece = piece.replace(noun, "＿" * len(noun))
    return piece


def names_goal(piece: str, start: int, end: int) -> bool:
    """The date at ``piece[start:end]`` (its 前 included) names a goal or a plan, it sets no
    due: "确保如期实现2030年前碳达峰目标", "要实现到2030年…达到12亿千瓦以上的目标", "全面落实…
    2030年前碳达峰实施方案", "完成2000年前建成的老旧小区改造任务", "围绕…2030年前碳达峰工作目标"."""
    rules = deadline_rules()
    before, after = piece[:start], mask_noun_goals(piece[end:])
    if before.lstrip("，, ").startswith(tuple(rules["frame_openers"])):
        return True
    if piece[start:end].endswith("前") and _RELATIVE_CLAUSE.match(after):
        return True  # "2000年前建成的老旧小区": a verb and 的 after the date describe a noun
    if not piece.rstrip("）)”\"").endswith(tuple(rules["named_goal_heads"])):
        return False
    verbs = tuple(rules["goal_verbs"])
    return not contains_any(after, verbs) or bool(_VERB_BEFORE.search(before))


# "2000年前建成的…" / "2000年以前需改造的…": the date in a relative clause
_RELATIVE_CLAUSE = re.compile(r"^[\u4e00-\u9fff]{1,4}的")
# "实现到2030年…的目标" / "落实2030年前…": the date inside the object of a verb
_VERB_BEFORE = re.compile(r"(?:实现|落实|完成|锚定|聚焦|围绕)(?:到|至)?$")


def date_text(s_text: str, d: DateMatch) -> str:
    m = re.match(r"(?:底|末)?(?:前|之前|以前)?", s_text[d.end:])
    return s_text[d.start:d.end] + (m.group(0) if m else "")
