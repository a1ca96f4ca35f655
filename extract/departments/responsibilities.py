"""Responsible departments and their roles, with the stretch of text each one covers.

Two ways notices assign work, both handled here:

* **Section parentheticals** (plans): "(自治区发展改革委牵头，自治区工业和信息化厅、统计局等
  按职责分工负责)" at the end of a section gives every department of the list its role for
  that section; "以下均需A、B负责落实，不再列出" hands every later section to A and B.
* **Directive sentences** (notices, speeches): a body at the start of a clause followed by
  a duty word: "集团各级企业要…" (implement), "市能源局牵头负责…" (lead), "市级各部门都要
  按照各自的分工…" (support), "请各二级单位…", "由集团公司组织…".

When a document assigns work by parentheticals, those are its division of labour and the
exhortations of its body text ("各级人民政府对…负总责", "国有企业要带头…") are not
recorded as separate responsibilities.

:func:`assignment_plan` returns :class:`Assignment` objects with their scope (the text range
they cover), which the link stage uses; :func:`extract_responsibilities` turns them into
records.  Bodies named only as data sources ("依据市统计局统计数据考核") or as issuers of a
cited document ("国家发改委《…》") are never subjects of a clause, so they yield nothing.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from ..language.data import load_yaml
from ..language.sections import Section, innermost, split_sections
from ..model import Document, Responsibility, Span, strip_span
from ..normalize.masking import mask_spans
from ..settings import Settings
from .addressed import addressed_duties
from .annexes import technical_annexes
from .columns import column_assignments
from .cues import (
    PARTNER_WORD,
    any_cue,
    clause_opener_re,
    closer_words,
    comma_modal,
    conditional_actor,
    cue_after_name_end,
    name_end_re,
    not_a_duty,
    not_duty_clause,
    partner_opening,
    sole_lead,
)
from .fields import (
    field_end,
    has_verb,
    is_item,
    labeled_field_re,
    parse_labeled,
    split_top,
    tabbed_rows,
    without_tail,
)
from .names import (
    distribute_fields,
    is_body,
    is_class_department,
    is_government,
    opens_with_acting_verb,
    qualify,
    share_head,
    spell_pair,
    split_class_department,
    split_level_run,
    split_list,
)
from .recognizer import vocab
from .vocab import (
    BOOK_TITLE,
    BRACKET_OR_BREAK,
    CLAUSE_END,
    OUTLINE_MARKER,
    SENTENCE_END,
    patterns,
)

LOGGER = logging.getLogger(__name__)

# Longest parenthetical considered (the longest real ones list ~15 bodies, ~180 chars).
MAX_PARENTHETICAL_CHARS = 400
# Longest subject list read at the start of a clause ("各县市区人民政府、市直各有关部门、各重点用能企业": 24).
MAX_SUBJECT_CHARS = 60
# The partners after 会同 may list more fields: "会同发展改革、经济和信息化、…、消防救援等有关部门" (b352, 16 fields).
MAX_PARTNER_CHARS = 120
# A bracketed note between an agent and its cue: "由拉萨南北山绿化指挥部办公室（自治区林草局）负责解释"
HOST_NOTE = re.compile(r"[（(][^（()）]{1,20}[）)]")
# Heads that name a body only with the place of the item before them: "县（区）党委、政府", "各县区党委、部门"
GENERIC_HEADS = ("政府", "人民政府", "部门", "财政")
# A short form given after a body's name: "（以下简称交易机构）" (b402, b502, b350 gold keep the full name).
SHORT_FORM = re.compile(r"[（(]以下(?:简|统)称[^（()）]{1,20}[）)]")
# Words before a subject: "请各二级单位组织…", "由集团公司组织…", "对于未完成目标的企业要…".
SUBJECT_INTRODUCERS = ("请", "由", "对于")
# Introducers after which a subject needs no cue word ("请各单位于…前报送").
CUELESS_INTRODUCERS = ("请", "由")
# Tasks are cut to this length: they name the duty, the evidence carries the full clause.
MAX_TASK_CHARS = 120
# A line break inside a sentence (PDF line wrap) joins the lines when the line before is at
# least this long and ends without punctuation ("我厅将根据\n2020年度企业产品产量…").
SOFT_WRAP_MIN_LINE = 20
# Punctuation that ends a line for good (a line ending in one of these is not a wrap).
HARD_LINE_END = "。；;！？!?：:）)"
# Generic partners after 会同 that still name a body ("会同有关部门"), unlike "会同有关方面" / "会同各方".
GENERIC_PARTNER_BODIES = ("部门", "单位")
# A name directly followed by one of these has no role cue ("市能源局，…").
ROLE_BLOCKERS = "，,。；;：:、"
# Distinct clause prefixes whose body-list analysis is remembered (names repeat across clauses).
CANDIDATE_CACHE_SIZE = 65536
# Words without which a sentence with no role cue yields nothing (成立: "市政府成立了节能工作领导小组").
_SENTENCE_HINT = re.compile("|".join((*CUELESS_INTRODUCERS, "成立", "委托", "领导小组")))
# Two leading groups joined in one frame: "在省应对气候变化…领导小组和碳达峰碳中和工作领导小组的领导下"
GROUP_JOIN = re.compile(r"(?<=领导小组)(?:和|及|、)")
_LEAD_THEN = re.compile(r"牵头、")
# What a commissioned body does: "委托市节能监察中心承担技术评审工作" (FORMAT v2).
COMMISSION_VERBS = ("承担", "开展", "负责", "实施", "进行", "组织", "对")  # 委托X对申报材料进行审核
COMMISSION_WORD = "委托"
RANGE_WORDS = ("至", "到")  # 由A至B / 由A到B is a range
CLOSED_SENTENCE_END = " \t\n（(。；;"  # between a sentence and the parenthetical that closes it
BARE_LEVELS = re.compile(r"各?[市州盟地县区旗]{2,3}")  # level words alone ("市州"): the head of a class of places
# After 由X: what a group consists of or a mechanism ("由…等部门参与的议事协调机制", b220), a person of
# the body ("由市委书记、市长任组长", "由乡镇党委书记担任…", "由市委、市政府主要负责人任组长": b166, b446,
# b456) or its meeting ("由生态环境部部务会议审议通过", b406): not the body acting (but "本办法由X负责解释" is).
NOT_AN_AGENT = re.compile(r"等?(?:单位|部门)?(?:共同|联合)?(?:组成|构成|组建|参与的|参加的)|(?:主要|分管)?(?:负责人|负责同志|领导(?:同志)?[任担])"
                          r"|书记|[省市县区州]?长[、，,任担]|[部委局厅]?(?:务|常务|办公|党组)会议")
GROUP_OF = re.compile(r"等(?:单位|部门)(?:共同)?(?:参与|参加|组成)的")
OPTIONAL_BEFORE = re.compile(r"可以?|自行|自主")  # before 委托: an option of the applicant
# Points in a sentence ("+2分/次", "得5分", "扣1分"): a scoring criterion, never a duty (FORMAT v2).
POINTS = re.compile(r"(?:得|加|扣|[+＋])\s*\d+(?:\.\d+)?\s*分")
# A suffix character that opens a longer word with the next one: 部门, 部署, 部分, 部务, 办法 / 处理 / 处置
# ("会同有关部门制定办法" never gives "有关部门制定办"); 局部 ("由整岛保护与局部区域保护相结合的…体系") and
# the ranks 处级 / 局级 / 厅级 / 部级 ("由一位所在县（市）区处级领导…挂钩" never gives "…区处").
SUFFIX_WORDS = ("部门", "部署", "部分", "部务", "办法", "处理", "处置", "局面", "局部", "处级", "局级", "厅级", "部级")
BASIS_OPENING = re.compile(r"\s*(?:根据|按照|依据)")  # a duty opening with its basis: "根据《…》，…"
MASK_CHAR = "＿"  # written over 《titles》 so bodies inside them are never read as subjects

# The role a 负责 cue gives: lead for a sole named owner, implement when several share it.
ROLE_SOLE = "sole"

KIND_SECTION = "section"  # a section parenthetical
KIND_CARRY = "carry"  # 以下均需…负责落实 for a later section
KIND_SENTENCE = "sentence"  # a directive sentence (extract.link.KIND_SENTENCE is the same word)
RECORDED_KINDS = (KIND_SECTION, KIND_CARRY, KIND_SENTENCE)


@dataclass(frozen=True, slots=True)
class Assignment:
    """One department's role for one stretch of text."""

    department: str
    role: str
    task: str
    evidence: Span
    scope: Span  # the text range whose targets and deadlines this assignment owns
    kind: str
    cue: str = ""  # the words that gave the role (牵头, 按职责分工负责, 要...)
    intro: str = ""  # 请 / 由 / 对于 before the subject


def extract_responsibilities(doc: Document, settings: Settings) -> list[Responsibility]:
    """Every (department, role, task) the text assigns, with evidence == doc.text[span]."""
    out: list[Responsibility] = []
    for a in assignment_plan(doc.text):
        if a.kind not in RECORDED_KINDS:
            continue
        out.append(Responsibility(
            # names stay as written (我部); `canonical` resolves them (FORMAT v2)
            department=a.department, role=a.role, task=a.task,
            evidence=doc.text[a.evidence[0]:a.evidence[1]], span=a.evidence,
        ))
    # a table column that assigns its row (牵头单位 / 审核单位, or bodies beside each row)
    seen = {(r.department, r.role, r.span) for r in out}
    for name, role, task, span in column_assignments(doc):
        if (name, role, span) not in seen and doc.text[span[0]:span[1]].strip():
            seen.add((name, role, span))
            out.append(Responsibility(department=name, role=role, task=task,
                                      evidence=doc.text[span[0]:span[1]], span=span))
    return out + addressed_duties(doc, out)  # "请于…前将申报材料寄送…": the recipients


@lru_cache(maxsize=8)
def assignment_plan(text: str) -> tuple[Assignment, ...]:
    """All assignments of ``text`` in document order (cached: link asks for the same text)."""
    sections = split_sections(text)
    parens = find_parentheticals(text)
    plan: list[Assignment] = []
    plan.extend(_parenthetical_assignments(text, sections, parens))
    plan.extend(Assignment(n, role, _clip(task), ev, row, KIND_SECTION, label)
                for n, role, task, ev, row, label in tabbed_rows(text))
    masked = _mask(text, [p.span for p in parens])
    technical = technical_annexes(text)
    # a technical annex binds its regulated parties generically ("企业应…", "核查机构应…"):
    # only duties it gives government bodies are kept
    sentence_plan = [a for a in _sentence_assignments(text, masked, sections)
                     if is_government(a.department) or not any(s <= a.evidence[0] < e for s, e in technical)]
    plan.extend(sentence_plan)
    seen: set[tuple[str, str, Span, str]] = set()
    unique: list[Assignment] = []
    for a in sorted(plan, key=lambda a: (a.scope[0], a.evidence[0])):
        key = (a.department, a.role, a.evidence, a.task)
        if key not in seen:
            seen.add(key)
            unique.append(a)
    return tuple(unique)


# --------------------------------------------------------------------------- parentheticals


@dataclass(frozen=True, slots=True)
class Parenthetical:
    span: Span  # the content, without the brackets
    items: tuple[tuple[str, str, Span, bool, str], ...]  # (name, role, sentence span, carry, cue)


def find_parentheticals(text: str) -> list[Parenthetical]:
    """Bracketed lists of bodies with role words: "(市发改局牵头，市财政局配合)", and
    labeled lists: "〔责任单位：市经信局、市财政局〕", "（牵头单位：A；责任单位：B）", a line
    "责任单位：省发展改革委、省能源局" (see :func:`_parse_labeled`)."""
    out: list[Parenthetical] = []
    for start, end in _bracket_spans(text):
        content = text[start:end]
        if "《" in content or len(content) > MAX_PARENTHETICAL_CHARS:
            continue
        items = parse_labeled(content, start) or _parse_parenthetical(content, start)
        if items:
            out.append(Parenthetical(span=(start, end), items=tuple(items)))
    taken = [p.span for p in out]
    for m in labeled_field_re().finditer(text):
        if any(s <= m.start("body") < e for s, e in taken):
            continue
        start, end = m.start("body"), field_end(text, m)
        items = parse_labeled(text[start:end], start)
        if items:
            out.append(Parenthetical(span=(start, end), items=tuple(items)))
            taken.append((start, end))
    for m in _carry_sentence_re().finditer(text):
        start, end = m.span("body")
        if any(s <= start < e for s, e in taken):
            continue
        items = _parse_parenthetical(text[start:end], start)
        if items:
            out.append(Parenthetical(span=(start, end), items=tuple(items)))
            taken.append((start, end))
    return sorted(out, key=lambda p: p.span)


@lru_cache(maxsize=1)
def _carry_sentence_re() -> re.Pattern[str]:
    """以下各项均需X、各Y负责落实，不再列出 written as a sentence of its own, not in brackets."""
    markers = "|".join(re.escape(w) for w in load_yaml("role_triggers.yaml")["carry_forward_markers"])
    return re.compile(rf"(?:^|(?<=[\n。；;]))[ \t\u3000]*(?P<body>(?:{markers})[^。；;\n]{{1,{MAX_SUBJECT_CHARS * 3}}})", re.M)


def _bracket_spans(text: str) -> list[Span]:
    """Content spans of top-level （…） / (…) pairs, nesting-aware ("旗县(市、区)")."""
    spans: list[Span] = []
    depth, open_at = 0, -1
    for m in BRACKET_OR_BREAK.finditer(text):
        ch = m.group()
        if ch in "（(":
            if depth == 0:
                open_at = m.end()
            depth += 1
        elif ch == "\n":
            depth = 0
        elif depth:
            depth -= 1
            if depth == 0:
                spans.append((open_at, m.start()))
    return spans


def _parse_parenthetical(content: str, base: int) -> list[tuple[str, str, Span, bool, str]]:
    """Walk the list items; each role word closes the items pending before it."""
    if not closer_words().search(content):
        return []  # every item list ends in a closer word: （一） / （试行） name no roles
    pats = patterns()
    raw: list[tuple[str, str, Span, bool, str]] = []
    for sent in re.finditer(r"[^。；;]+", content):
        sent_span = (base + sent.start(), base + sent.end())
        pending: list[str] = []
        bare = ""  # level words alone ("市州"), the head of a class of places if the next item closes one
        carry = False
        for tok in split_top(sent.group()):
            tok = tok.strip()
            m = pats.carry_forward.match(tok)
            if m:
                carry, tok = True, tok[m.end():]
            for closer, role in pats.closers:
                cm = closer.match(tok)
                if cm:
                    written = without_tail(cm.group("name"))
                    name = f"{bare}、{written}" if bare and written and is_item(f"{bare}、{written}") else written
                    if name:
                        pending.append(name)  # 市州、县市区人民政府: one class of places
                    cue = tok[len(written):]
                    if pending and all(is_item(n) for n in pending):
                        if role == "lead" and cue == "负责" and len(pending) > 1:
                            role = "implement"  # "(省生态环境厅、省经信厅…负责)": no body alone (FORMAT v2)
                        raw.extend((n, role, sent_span, carry, cue) for n in pending)
                    pending, bare = [], ""
                    break
            else:
                if is_item(tok):
                    pending, bare = pending + [tok], ""
                else:  # anything else ends the list; level words alone may head the next item
                    pending, bare = [], tok if BARE_LEVELS.fullmatch(tok) else ""
    if not raw:
        return []
    names = qualify([r[0] for r in raw])
    return [(one, *r[1:]) for n, r in zip(names, raw) for one in spell_pair(n)]


def _parenthetical_assignments(text: str, sections: tuple[Section, ...],
                               parens: list[Parenthetical]) -> list[Assignment]:
    plan: list[Assignment] = []
    # parens come sorted by start (find_parentheticals): the earlier ones of a section are one
    # index range, and the next one tells whether another follows in the section
    starts = [p.span[0] for p in parens]
    latest_end = _range_max([p.span[1] for p in parens])
    leaves = _leaf_sections(sections)
    for i, p in enumerate(parens):
        sec = innermost(sections, p.span[0])
        sec_start, sec_end = (sec.start, sec.end) if sec else (0, len(text))
        # several parentheticals in one section: each owns the text since the previous one
        prev_end = latest_end(bisect.bisect_left(starts, sec_start), bisect.bisect_left(starts, p.span[0]), sec_start)
        is_last = i + 1 == len(parens) or parens[i + 1].span[0] >= sec_end
        scope = (prev_end, sec_end if is_last else p.span[1])
        task = sec.title if sec else _sentence_before(text, p.span[0] - 1)
        named = {(n, r) for n, r, _, carry, _ in p.items if not carry}
        for name, role, ev, carry, cue in p.items:
            if carry:
                if (name, role) not in named:
                    plan.append(Assignment(name, role, task, ev, scope, KIND_SECTION, cue))
                plan.extend(_carried(name, role, ev, sec, leaves, text, cue))
            else:
                plan.append(Assignment(name, role, task, ev, scope, KIND_SECTION, cue))
    return plan


def _carried(name: str, role: str, evidence: Span, sec: Section | None,
             leaves: tuple[Section, ...], text: str, cue: str) -> list[Assignment]:
    """以下均需…负责落实: one assignment per later leaf section (one without subsections)."""
    if sec is None:
        return [Assignment(name, role, "", evidence, (evidence[1], len(text)), KIND_CARRY, cue)]
    out: list[Assignment] = []
    titles: set[str] = set()
    for s in leaves[bisect.bisect_left(leaves, sec.end, key=lambda s: s.start):]:
        # a later leaf with a title already carried would be the same record, and the plan
        # keeps the first (by scope start) of those: not built at all
        if s.title not in titles:
            titles.add(s.title)
            out.append(Assignment(name, role, s.title, evidence, (s.start, s.end), KIND_CARRY, cue))
    return out


def _leaf_sections(sections: tuple[Section, ...]) -> tuple[Section, ...]:
    """The sections no deeper section starts inside, by start (one pass, not one per pair)."""
    ordered = sorted(sections, key=lambda s: s.start)
    starts = [s.start for s in ordered]
    deepest = _range_max([s.level for s in ordered])
    return tuple(s for s in ordered if deepest(bisect.bisect_left(starts, s.start),
                                                bisect.bisect_left(starts, s.end), s.level) <= s.level)


def _range_max(values: list[int]) -> Callable[[int, int, int], int]:
    """``max(values[lo:hi])`` (``default`` when empty) in O(1) per query: a sparse table."""
    table = [values]
    while 2 ** len(table) <= len(values):
        prev, k = table[-1], 2 ** (len(table) - 1)
        table.append([max(prev[j], prev[j + k]) for j in range(len(prev) - k)])

    def query(lo: int, hi: int, default: int) -> int:
        if lo >= hi:
            return default
        j = (hi - lo).bit_length() - 1
        return max(table[j][lo], table[j][hi - 2 ** j])

    return query


def _sentence_before(text: str, pos: int) -> str:
    # the sentence a parenthetical closes ("推进节能改造。（…牵头）"), looked for backwards in growing windows
    while pos > 0 and text[pos - 1] in CLOSED_SENTENCE_END:
        pos -= 1
    window = MAX_TASK_CHARS
    while True:
        lo = max(pos - window, 0)
        ends = [m.end() for m in SENTENCE_END.finditer(text, lo, max(pos, 0))]
        if ends or lo == 0:
            return text[(ends[-1] if ends else 0):pos].strip()[:MAX_TASK_CHARS]
        window *= 4


# --------------------------------------------------------------------------- tabbed tables


# --------------------------------------------------------------------------- sentences


def _mask(text: str, spans: list[Span]) -> str:
    """Overwrite 《titles》 and assignment parentheticals, keeping every offset."""
    titles = [(m.start() + 1, m.end() - 1) for m in BOOK_TITLE.finditer(text)]
    return mask_spans(text, titles + list(spans), MASK_CHAR)


def _sentence_assignments(text: str, masked: str, sections: tuple[Section, ...]) -> list[Assignment]:
    plan: list[Assignment] = []
    pos = 0
    cues = _cue_positions(masked)
    hints = [m.start() for m in _SENTENCE_HINT.finditer(masked)]
    ends = [m.start() for m in SENTENCE_END.finditer(masked)
            if masked[m.start()] != "\n" or not _is_soft_wrap(masked, m.start())]
    for end in ends + [len(masked)]:
        # a sentence yields something only with a cue after a name ending, or 请/由/成立 in it
        if (_any_within(cues, pos + 2, end - 1) or _any_within(hints, pos, end - 1)) \
                and not POINTS.search(masked, pos, end):
            plan.extend(_sentence(text, masked, pos, end, cues))
        pos = end + 1
    return plan


def _any_within(positions: list[int], lo: int, hi: int) -> bool:
    """True when the sorted ``positions`` hold a value in [lo, hi]."""
    at = bisect.bisect_left(positions, lo)
    return at < len(positions) and positions[at] <= hi


def _cue_positions(masked: str) -> list[int]:
    """Offsets where a role cue follows a name-ending character, in order.

    A superset of the places :func:`_role_of` accepts after a subject (the cue is matched
    against the whole text, not its clause): clauses with none in reach are skipped
    without trying any name.
    """
    return [m.start() for m in cue_after_name_end().finditer(masked)]


def _is_soft_wrap(text: str, pos: int) -> bool:
    """A PDF line wrap inside a sentence: a long line ending mid-sentence, continued by text."""
    if text[pos] != "\n" or pos == 0 or pos + 1 >= len(text):
        return False
    line_start = text.rfind("\n", 0, pos) + 1
    if pos - line_start < SOFT_WRAP_MIN_LINE:
        return False  # cheap first: most lines are short or end in punctuation
    line = text[line_start:pos]
    if len(line.strip()) < SOFT_WRAP_MIN_LINE or line.rstrip()[-1] in HARD_LINE_END or "\t" in line:
        return False
    next_end = text.find("\n", pos + 1)
    nxt = text[pos + 1:next_end if next_end >= 0 else len(text)]
    if "\t" in nxt or not nxt.strip():
        return False
    head = nxt.lstrip()
    return not (OUTLINE_MARKER.match(head) or head.startswith("附件") or patterns().carry_forward.match(head))


def _clause_starts(masked: str, start: int, end: int) -> list[int]:
    """Clause starts, and the partner after a lead ("由林业部门牵头、自然资源部门配合开展…", b166)."""
    starts = [start, *(m.end() for m in CLAUSE_END.finditer(masked, start, end))]
    return sorted(starts + [m.end() for m in _LEAD_THEN.finditer(masked, start, end)])


def _sentence(text: str, masked: str, start: int, end: int, cues: list[int]) -> list[Assignment]:
    pats = patterns()
    out: list[Assignment] = []
    sentence_span = (start, end)
    for g in pats.established_group.finditer(masked, start, end):
        # 市政府成立了节能工作领导小组: the group leads the work it was set up for
        out.append(Assignment(g.group("name"), "lead", _clip(text[start:end]), strip_span(text, sentence_span),
                              sentence_span, KIND_SENTENCE, "成立"))
    led: list[Assignment] = []
    for g in pats.group_lead.finditer(masked, start, end):
        # 发挥X领导小组的组织领导作用 / 在X领导小组和Y领导小组的领导下: each group leads
        groups = [n for n in GROUP_JOIN.split(next(v for v in g.groupdict().values() if v))
                  if is_body(n) and not pats.established_group.search(n)]  # never "成立X领导小组"
        task = _clip(text[g.end():end]) or _clip(text[start:end])  # what follows the frame, if anything
        led.extend(Assignment(n, "lead", task, strip_span(text, sentence_span),
                              sentence_span, KIND_SENTENCE, "领导") for n in qualify(groups))
    found_at: list[tuple[int, tuple[list[str], str, int, int, str]]] = []
    starts = _clause_starts(masked, start, end)
    for k, cstart in enumerate(starts):
        if found_at and cstart < found_at[-1][1][3]:
            continue  # inside the last subject and its cue: "龙头企业，特别是国有企业，要…"
        found = _subject_at(masked, cstart, end, cues)
        if found is None:
            cend = starts[k + 1] - 1 if k + 1 < len(starts) else end
            found = _agent_inside(masked, cstart, cend, end)
        if found is not None:
            found_at.append((cstart, found))
    for i, (cstart, (names, role, subj_start, task_start, cue)) in enumerate(found_at):
        if masked.startswith("的", task_start):
            continue  # "…等有关部门参与的议事协调机制": the cue describes a noun, it assigns nothing
        # a duty runs to the next clause that names its own subject, or the sentence end
        stop = found_at[i + 1][0] - 1 if i + 1 < len(found_at) else end
        # "承包期内的抚育管护由承包方负责。": nothing follows the cue, the topic before 由 is the task
        task = _clip(text[task_start:stop]) or _clip(text[cstart:subj_start].strip(" \t\u3000，,"))
        if not task and i + 1 < len(found_at) and found_at[i + 1][1][1] == "support":  # A牵头、B配合开展X: X
            task = _clip(text[found_at[i + 1][1][3]:found_at[i + 2][0] - 1 if i + 2 < len(found_at) else end])
        # "攀枝花市人民政府是规划实施的责任主体。": the cue says it all
        task = task or (_clip(cue.removeprefix("是")) if cue.startswith("是") else "")
        evidence = strip_span(text, (subj_start, stop))
        intro = next((w for w in SUBJECT_INTRODUCERS if masked.startswith(w, subj_start)), "")
        partners = [n for n in _partners(masked, task_start, stop) if n not in names] if role != "support" else []
        if partners:
            role = "lead"  # 要加强统筹，并会同省统计局…: who brings in partners leads the duty
        out.extend(Assignment(n, role, task, evidence, sentence_span, KIND_SENTENCE, cue, intro) for n in names)
        out.extend(Assignment(n, "support", task, evidence, sentence_span, KIND_SENTENCE, PARTNER_WORD, intro)
                   for n in partners)
        for commissioned, at in _commissioned(masked, task_start, stop):  # 我局将委托第三方机构对…进行核查
            out.extend(Assignment(n, "implement", _clip(text[at:stop]), evidence, sentence_span, KIND_SENTENCE,
                                  COMMISSION_WORD, intro) for n in commissioned if n not in names)
    # a group that is also the clause's subject keeps the record with its own task
    return out + [a for a in led if not any((b.department, b.role) == (a.department, a.role) for b in out)]


def _agent_inside(masked: str, cstart: int, cend: int, end: int) -> tuple[list[str], str, int, int, str] | None:
    """The agent of 由X / 委托X written inside a clause, not at its head.

    "所需资金由市财政局统筹安排" -> 市财政局; "…，或由项目单位自筹" -> 项目单位;
    "委托市节能监察中心承担技术评审" -> 市节能监察中心 (implement).  由于 / 理由 / 自由 are no 由.
    """
    for m in _inner_agent_re().finditer(masked, cstart, cend):
        pos = m.end()
        clause = masked[pos:end]
        best = _grown_list(clause)
        if best is None:
            continue
        names, length = best
        if m.group() == COMMISSION_WORD:
            if not _commissions(masked, m.start(), clause, best, cstart):
                continue  # 企业可委托第三方机构…: an option, not a commission
            return list(names), "implement", m.start(), pos + length, m.group()
        if clause.startswith(RANGE_WORDS, length) or NOT_AN_AGENT.match(clause, length) or GROUP_OF.search(
                CLAUSE_END.split(clause, maxsplit=1)[0]):
            continue  # 由公共电力设施至养老院 / 由X共同组成 / 由A…、B等部门参与的机制 (a list past the name cap)
        role, cue_len = _role_of("由", clause[length:])
        act = CLAUSE_END.split(clause[length + cue_len:], maxsplit=1)[0]  # the agent's own clause
        if role is not None and not_duty_clause().search(act):
            continue  # 考核结果交由干部主管部门作为…的重要依据: a hand-over, no duty
        if role == "implement" and patterns().support_in_task.search(act):
            role = "support"  # 补助经费由市、区（市、县）两级财政按比例承担: funds serve the lead's work
        if role is not None:  # the cue: 负责 / 牵头 after the agent, else 由 itself
            return list(names), role, m.start(), pos + length + cue_len, clause[length:length + cue_len] or "由"
    return None


def _commissioned(masked: str, start: int, end: int) -> list[tuple[tuple[str, ...], int]]:
    """Bodies the duty in [start, end) commissions, and where their task starts: "我局将委托
    第三方机构对…进行核查" -> 第三方机构 (FORMAT v2: a body commissioned to do a task implements it;
    b339, b422, b502, r05). Never an option ("可自行或委托…")."""
    out = []
    for m in _COMMISSION.finditer(masked, start, end):
        clause = CLAUSE_END.split(masked[m.end():end], maxsplit=1)[0]
        best = _grown_list(clause)
        if best is not None and _commissions(masked, m.start(), clause, best, max(start, m.start() - 4)):
            out.append((best[0], m.end() + best[1]))
    return out


def _commissions(masked: str, at: int, clause: str, found: tuple[tuple[str, ...], int], option_from: int) -> bool:
    """Does 委托 at ``at`` commission the bodies ``found`` at the start of ``clause`` (what
    follows it)?  A task verb must follow them, and no option may stand before it since
    ``option_from`` ("企业可委托第三方机构…" is an option, not a commission)."""
    return clause.startswith(COMMISSION_VERBS, found[1]) and not OPTIONAL_BEFORE.search(masked, option_from, at)


_COMMISSION = re.compile(r"(?<!受)委托(?!书|代理)")


@lru_cache(maxsize=1)
def _inner_agent_re() -> re.Pattern[str]:
    """由 (not 由于 / 理由 / 自由 / 经由 / 缘由 / 事由) and 委托 inside a clause."""
    return re.compile(r"(?<![理自经缘事])由(?!于|此|来|衷)|委托(?!书|代理)")


def _partners(masked: str, start: int, end: int) -> list[str]:
    """Bodies after 会同 that opens a clause of a lead body's duty: its supporters.

    "会同市财政局、市统计局制定年度考核办法" -> [市财政局, 市统计局]; "牵头，并会同市财政局…"
    likewise; "会同有关部门…" gives 有关部门, as a subject "有关部门要…" is recorded (the
    annotators of eleven bulk plans all record it), but never 有关方面 / 各方.
    """
    duty = masked[start:end]
    m = partner_opening().search(duty)
    if m is None:
        return []
    clause = CLAUSE_END.split(duty[m.end():], maxsplit=1)[0]
    generic = patterns().generic_partner
    if g := generic.match(clause):
        # 会同相关部门: not 相关部 + 门
        return [g.group(0)] if g.group(0).endswith(GENERIC_PARTNER_BODIES) else []
    found = _grown_list(clause, MAX_PARTNER_CHARS)
    if found is None:
        return []
    return [n for n in found[0] if not generic.fullmatch(n)]


def _subject_at(masked: str, cstart: int, end: int, cues: list[int]) -> tuple[list[str], str, int, int, str] | None:
    """Bodies at the start of a clause and the role their verb gives them, or None.

    ``cues``: :func:`_cue_positions` of ``masked``; without 请/由 a subject of length n
    needs a cue at ``pos + n``, so only those lengths are tried.
    """
    pats = patterns()
    pos = cstart
    while pos < end and masked[pos] in " \t\u3000":
        pos += 1
    marker = OUTLINE_MARKER.match(masked, pos, end)
    if marker:
        pos = marker.end()
    opener = clause_opener_re().match(masked, pos)
    if opener:
        pos = opener.end()
    subj_start = pos
    intro = ""
    for word in SUBJECT_INTRODUCERS:
        if masked.startswith(word, pos):
            intro, pos = word, pos + len(word)
            break
    clause = masked[pos:end]
    if intro in CUELESS_INTRODUCERS:
        found = _introduced_subject(clause, intro)
    else:
        lo = bisect.bisect_left(cues, pos + 2)
        hi = bisect.bisect_right(cues, min(end - 1, pos + MAX_SUBJECT_CHARS))
        if lo == hi:
            return None
        found = _shortest_subject(clause, intro, [p - pos for p in cues[lo:hi]])
    if found is None:
        return None
    names, rest_at, role, cue_len = found
    rest = clause[rest_at:]
    if intro == "由" and NOT_AN_AGENT.match(rest):
        return None  # 由市委书记、市长任组长: a person or a meeting of the body, not the body
    cue = rest[:cue_len]
    first_clause, *after = CLAUSE_END.split(rest[cue_len:], maxsplit=2)
    act = first_clause + (after[0] if after and BASIS_OPENING.match(first_clause) else "")  # 根据《…》，制定了《…》
    if not_a_duty().match(rest[cue_len:]):
        return None  # 金融机构不得提供信贷支持 / 第三方机构应满足以下条件: no duty (FORMAT v2)
    if not_duty_clause().search(act):
        return None  # 交由干部主管部门作为…依据 / 会同有关部门研究制定了《方案》: a statement
    if role == ROLE_SOLE:
        if pats.support_in_task.search(first_clause):
            role = "support"  # 市统计局负责提供能耗数据: it serves the lead body
        else:
            role = "lead" if len(names) == 1 else "implement"
    elif role == "implement":
        if pats.lead_in_task.search(first_clause) or (len(names) == 1 and sole_lead().match(first_clause)):
            role = "lead"  # 市生态环境局将组织对…开展核查: a body that alone organises leads
        elif pats.support_in_task.search(act):  # after a basis: "根据…，…给予补助" (d4-dalian)
            role = "support"
    return names, role, subj_start, pos + rest_at + cue_len, cue


def _shortest_subject(clause: str, intro: str, lengths: list[int]) -> tuple[list[str], int, str, int] | None:
    """The shortest body list at the start of ``clause`` that a role cue follows.

    Shortest, so that "各县市区也要明确相关部门…" gives 各县市区.  ``lengths`` (ascending)
    are the prefix lengths that end in a name-ending character followed by a cue in the
    whole text; the cue is checked again inside the clause before any name regex runs.
    """
    cue_at = any_cue().match
    for length in lengths:
        # "新列入名录的重点排放单位，应于…前报送": a comma may stand between a subject and its modal
        comma = 1 if clause[length] in "，," and comma_modal().match(clause, length + 1) else 0
        if not comma and (clause[length] in ROLE_BLOCKERS or not cue_at(clause, length)):
            continue
        names = _candidate_names(clause[:length])
        if names is None:
            continue
        role, cue_len = _role_of(intro, clause[length + comma:])
        cue_len += comma
        if role is not None:
            return list(names), length, role, cue_len
    return None


def _introduced_subject(clause: str, intro: str) -> tuple[list[str], int, str, int] | None:
    """After 请/由 no cue word is needed: the subject is the shortest list, grown while the
    longer name adds no verb (区机关 -> 区机关事务服务中心, but not 各二级单位|组织成员企业)."""
    best = _grown_list(clause)
    if best is None:
        return None
    role, cue_len = _role_of(intro, clause[best[1]:])
    return (list(best[0]), best[1], role, cue_len) if role is not None else None


def _grown_list(clause: str, limit: int = MAX_SUBJECT_CHARS) -> tuple[tuple[str, ...], int] | None:
    """The body list at the start of ``clause`` that no verb ends: (names, its length)."""
    best: tuple[tuple[str, ...], int] | None = None
    for m in name_end_re().finditer(clause, 1, min(len(clause), limit)):
        length = m.end()
        if clause[length - 1:length + 1] in SUFFIX_WORDS:
            continue  # 相关部|门, 生态环境部|部务会议: the suffix is part of a longer word
        names = _candidate_names(clause[:length])
        if names is None:
            continue
        # the extension is checked from the FIRST list found, so that a verb is never
        # swallowed in steps ("申报企业或园区自主委" then "…托第三方机构")
        if best is None:
            best, first = (names, length), length
        elif not has_verb(clause[first:length]):
            best = (names, length)
    return best


@lru_cache(maxsize=CANDIDATE_CACHE_SIZE)
def _candidate_names(prefix: str) -> tuple[str, ...] | None:
    """The bodies ``prefix`` lists (qualified or distributed), or None when it is no body list."""
    pats = patterns()
    # "全国碳排放权注册登记机构（以下简称注册登记机构）、…应当": the name is the one before its short form
    prefix = SHORT_FORM.sub("", prefix)
    if opens_with_acting_verb(prefix):
        return None  # 支持年综合能耗5000吨标准煤以上的重点企业参与…: the body is acted on
    if (levels := split_level_run(prefix)) is not None:
        return tuple(levels)  # 市、区（市、县）民政部门 -> 市民政部门, 区（市、县）民政部门
    if pats.level_class.fullmatch(prefix):
        return (prefix,)  # 各省（自治区、直辖市）: one class of places
    if is_class_department(prefix):  # 县(市、区)林草主管部门: the department of each place of a class
        return tuple(split_class_department(prefix))
    m = pats.subject_list.fullmatch(prefix)
    if m:
        names = split_list(m.group("list"))
        if (all(is_body(n) for n in names) or (len(names) > 1 and all(is_item(n) for n in names))
                or (len(names) > 1 and all(is_body(n) or n in GENERIC_HEADS for n in names)
                    and all(is_body(n) for n in qualify(names)))):
            # is_item: "各市（区）、各有关部门要…"; qualified: "各级党委、政府要…", "县（区）党委、政府…"
            # (the prefix flows on)
            return tuple(share_head(qualify(names)))
    cm = conditional_actor().fullmatch(prefix)
    if cm and is_body(cm.group("body")):
        return (prefix,)  # 300张床位以下的养老机构应…: a population defined by a condition acts
    fields = distribute_fields(prefix)  # 发展改革、财政等部门 -> 发展改革部门, 财政部门
    if fields is not None and not _opens_with_verb(prefix):
        return tuple(fields)
    return None


# 应当建立交通运输、公安、商务等相关部门: a modal or verb before the first head ends the subject
_VERB_BEFORE_HEAD = re.compile(r"应当|必须|建立|健全|形成|应(?!急)|要(?!素)")


def _opens_with_verb(heads: str) -> bool:
    """True when the first head of a distributive list carries a modal or verb."""
    first = heads.split("、", 1)[0]
    return bool(_VERB_BEFORE_HEAD.search(first)) or has_verb(first)


def _role_of(intro: str, rest: str) -> tuple[str | None, int]:
    """The role a clause gives its subject, and how many characters the cue took."""
    if not rest or rest[0] in ROLE_BLOCKERS:
        return None, 0
    if intro == "由":
        note = HOST_NOTE.match(rest)  # 由X办公室（自治区林草局）负责解释: the host in brackets, then the cue
        if note and note.end() < len(rest) and rest[note.end()] not in ROLE_BLOCKERS:
            role, cue_len = _role_of(intro, rest[note.end():])
            return role, (note.end() + cue_len if role is not None else 0)
        composed = rest.removeprefix(next((w for w in vocab()["composition_members"] if rest.startswith(w)), ""))
        if rest.startswith(tuple(vocab()["beneficiary_verbs"])) or composed.startswith(tuple(vocab()["composition_verbs"])):
            return None, 0  # 由生产、设备…等职能部门组成 / 转由其他养老机构使用: no duty
        if rest.startswith("负责") and not rest.startswith("负责落实"):
            return "lead", 2
        if rest.startswith("牵头"):
            return "lead", 2  # 成立由省发展改革委牵头、省国资委…参加的工作专班
        return "implement", 0
    for cue, role in patterns().cues:
        m = cue.match(rest)
        if m:
            return role, m.end()
    if intro == "请":
        return "implement", 0
    return None, 0


def _clip(s: str) -> str:
    return s.strip().lstrip("，,、").strip()[:MAX_TASK_CHARS]
