"""Points grammar of Chinese assessment rubrics (得2分, 每项得1分，最高得5分, 扣1分 ...).

A rubric cell is prose in which every scored clause ends with a points phrase.  This
module finds those phrases and cuts a cell into criteria: one criterion per scored
clause, its points the clause's maximum (a capped per-unit award counts as its cap).
Pure string functions; the table logic lives in :mod:`extract.scoring.tables`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NUM = r"(\d+(?:\.\d+)?)"
_SP = r"\s*"

# 每项得1分，最高得5分 / 开展1项活动得2分,累计最高得4分 / 每项得1分（最高4分） / 每增加一项得1.0分，累计不超过3.0分
PER_UNIT_CAPPED = re.compile(
    rf"(?:每|有1|开展1|增加1)[^，,；;。]{{0,12}}?得{_SP}{_NUM}{_SP}分[，,]?{_SP}[（(]?{_SP}"
    rf"(?:累计)?{_SP}(?:最高|最多|不超过|上限|封顶)(?:得|为)?{_SP}{_NUM}{_SP}分{_SP}[）)]?"
)
# （满分1.5分） / (满分4分) / 最高得5分 / 最高4分  (a cap on what precedes)
CAP = re.compile(rf"[（(]?{_SP}(?:满分|最高得?|最多得?|累计不超过|不超过){_SP}{_NUM}{_SP}分{_SP}[）)]?")
# "/人" "/人次" "/次" after a points phrase: so many points per person, per time (加40分/人)
_PER = r"(?:\s*/\s*[\u4e00-\u9fff]{1,2})?"
# 附加2分 / 另加1分 / 加2分 / +0.5分/人次 (a bonus on top of the row's points; not 增加2分)
BONUS = re.compile(rf"(?:附加|另加|(?<![增追叠参])加|[+＋]){_SP}{_NUM}{_SP}分{_PER}")
# 扣1分 / 扣减2分 / -1分/人次 (a deduction)
DEDUCT = re.compile(rf"(?:扣(?:减|除)?|(?<![\d%])[-－](?=\s*\d)){_SP}{_NUM}{_SP}分{_PER}")
# 按梯度分别赋分1.5、2、2.5、3分 / 视具体情况赋分0、1、2、3分: tiers, the clause is worth the top one
TIERS = re.compile(rf"(?:赋分|计分|给分|得分?){_SP}{_NUM}(?:{_SP}[、，,]{_SP}\d+(?:\.\d+)?)+{_SP}分")
# 最高上限30分 / 其加分上限20分 / 其扣分上限20分 / 每个子计划之上限为30分 / 最高上限为20分:
# a limit of the whole row (or, after 每, of each unit), never the cap of the clause before it
LIMIT = re.compile(rf"(?:最高|加分|扣分|之)?上限(?:为|是)?{_SP}{_NUM}{_SP}分")
# 每科目 / 每次 / 每名 / 每案 / 每个子计划 / 加40分/人: points counted per unit, no stated maximum
PER_UNIT = re.compile(r"每(?!项得)|分\s*/\s*[\u4e00-\u9fff]")
# 得2分 / 得 2 分 / （2分） / 的0分 / 为3分 (an award closing a clause)
AWARD = re.compile(rf"(?:得{_SP}|[（(]{_SP}|的{_SP}|为{_SP}|[，,；;。]{_SP}){_NUM}{_SP}分(?![钟之数值])[）)]?")
# 组织相应的各类活动10分； / 资金1.5分； (a bare "N分" closing a clause, no 得)
BARE_AWARD = re.compile(rf"(?<=[\u4e00-\u9fff]){_NUM}{_SP}分(?=\s*[；;。])")
# 得基本分80分 / 基础分5分 (a base award the row starts from)
BASE_AWARD = re.compile(rf"(?:基本分|基础分){_SP}{_NUM}{_SP}分")
# 不得分 / 不予扣分 / 不扣分 (an explicit zero: nothing awarded, nothing taken off)
NO_POINTS = re.compile(r"(?:不|未)得分|不予?扣分")
# “十三五”节能目标(20分） / 一、低碳组织管理（20分） / 强化目标管理 (9分)
HEADING_POINTS = re.compile(rf"[（(]{_SP}{_NUM}{_SP}分{_SP}[）)]")
# 1. / 1、 / （1） / 一、 / ① at the start of a criterion (not the "80." of "80.21%")
ENUMERATOR = re.compile(r"^\s*(?:[（(]?\d{1,2}(?:[)）、]|[.．](?!\d))|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）]|[①-⑳])\s*")
# trailing "，得2分。" / "（2分）" / "得2分；" removed from a criterion's text
TRAILING_AWARD = re.compile(rf"[，,；;。\s]*(?:得{_SP})?[（(]?{_SP}{_NUM}{_SP}分{_SP}[）)]?[，,；;。\s]*$")
# punctuation that may close a clause after its points phrase
_CLAUSE_END = re.compile(r"[\s，,；;。.、]*")
# How a criterion is checked, written before it with no punctuation in PDF cells:
# 查阅相关文件材料 / 查阅相关记录文件 / 现场检查 / 交流访谈 / 查阅倡议书
_CHECK_STEP = (
    r"(?:(?:查阅|查看|调阅|审阅|核查|核实|检查)[^，,；;。\s]{0,6}"
    r"(?:文件材料|文件|材料|记录|资料|台账|报告|凭证|证明|档案|倡议书|报表|票据|合同|清单)"
    r"|现场(?:检查|核查|查看|察看|考察|访谈|交流|踏勘|演示)|实地(?:检查|查看|考察)|(?:交流|个别)?访谈(?![会记提对])|座谈(?![会记]))"
)
# 查阅相关文件材料，现场检查，交流访谈已成立“低碳志愿者”队伍… (the steps, then the criterion)
CHECK_METHOD_PREFIX = re.compile(rf"^\s*{_CHECK_STEP}(?:\s*[，,、及和]?\s*{_CHECK_STEP})*\s*[，,：:]?\s*")
# HTML paragraph tags left in cells of crawled pages: <p>1. ...</p> <p>2. ...</p>
HTML_TAG = re.compile(r"</?\s*[a-zA-Z][^<>]{0,40}>")


@dataclass(slots=True)
class Clause:
    """One scored clause of a cell: ``text[start:end]`` with its points and kind."""

    start: int
    end: int
    points: float | None
    kind: str  # award | capped | bonus | deduct | limit | none


def heading_points(text: str) -> tuple[str, float | None]:
    """Split "“十三五”节能目标(20分）" into ("“十三五”节能目标", 20); name without enumerator."""
    found = list(HEADING_POINTS.finditer(text))
    m = found[-1] if found else None
    pts = float(m.group(1)) if m else None
    name = HEADING_POINTS.sub("", text) if m else text
    return clean_name(name), pts


def clean_name(text: str) -> str:
    """A path element: no enumerator, no line breaks, no surrounding punctuation."""
    name = re.sub(r"\s*\n\s*", "", text).strip()
    name = re.sub(r"[（(]\s*分\s*[）)]", "", name)  # "（分）" left by a PDF cell with its number lost
    name = ENUMERATOR.sub("", name)
    return name.strip(" \t:：，,。；;")


def strip_tags(text: str) -> str:
    """<p>1. a</p> <p>2. b</p> -> "1. a\\n2. b" (paragraphs stay line breaks)."""
    if "<" not in text:
        return text
    out = HTML_TAG.sub("\n", text)
    return re.sub(r"\s*\n\s*", "\n", out).strip()


def check_method_prefix(text: str) -> tuple[str | None, int]:
    """("查阅相关文件材料", 8) for "查阅相关文件材料建立工作小组…"; (None, 0) without one.

    PDF rubrics often open a 评价方法 cell with how the assessor checks, on its own line
    that pdfplumber joins to the criterion; the method is not part of what earns points.
    """
    m = CHECK_METHOD_PREFIX.match(text)
    if m is None or not re.match(r"[\u4e00-\u9fff“\"]", text[m.end() : m.end() + 1]):
        return None, 0
    return m.group(0).strip(" \t\n，,：:"), m.end()


def number(text: str) -> float | None:
    """A cell holding only a number ("10", "2.5", "5分") -> its value."""
    m = re.fullmatch(rf"\s*{_NUM}\s*分?\s*", text or "")
    return float(m.group(1)) if m else None


def scored_clauses(text: str) -> list[Clause]:
    """Cut ``text`` after each points phrase; the last unscored remainder has points None."""
    marks: list[tuple[int, int, float, str]] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    for pattern, kind in ((PER_UNIT_CAPPED, "capped"), (TIERS, "tiers"), (LIMIT, "limit"), (BONUS, "bonus"),
                          (DEDUCT, "deduct"), (BASE_AWARD, "award"), (CAP, "cap"), (AWARD, "award"), (BARE_AWARD, "award")):
        for m in pattern.finditer(text):
            if free(m.start(), m.end()):
                value = float(m.group(m.lastindex or 1))
                if kind == "tiers":
                    value = max(float(v) for v in re.findall(r"\d+(?:\.\d+)?", m.group(0)))
                marks.append((m.start(), m.end(), value, "award" if kind == "tiers" else kind))
                taken.append((m.start(), m.end()))
    for m in NO_POINTS.finditer(text):
        if free(m.start(), m.end()):
            marks.append((m.start(), m.end(), 0.0, "award"))
    marks.sort()
    clauses: list[Clause] = []
    start = 0
    for s, e, value, kind in marks:
        end = e + len(_CLAUSE_END.match(text, e).group(0))
        if kind == "cap" and clauses and not text[start:s].strip(" ，,；;。"):
            # "（满分1.5分）" right after an award caps that clause
            prev = clauses[-1]
            clauses[-1] = Clause(prev.start, end, value, "capped")
        else:
            clauses.append(Clause(start, end, value, kind))
        start = end
    if text[start:].strip(" \n，,；;。"):
        clauses.append(Clause(start, len(text), None, "none"))
    return clauses


def criterion_text(text: str, kind: str = "award") -> str:
    """Clause text without enumerator and without a plain trailing "得N分"."""
    out = re.sub(r"\s*\n\s*", "", text).strip()
    out = ENUMERATOR.sub("", out)
    if kind in ("award", "none"):
        out = TRAILING_AWARD.sub("", out)
        out = re.sub(r"[，,；;]?\s*(?:不|未)得分[。；;]?$", "", out)
    return out.strip(" ，,；;。\n")


def max_promise(text: str) -> tuple[float | None, float]:
    """Largest single award a method text promises, and the bonus it adds on top."""
    best: float | None = None
    bonus = 0.0
    for clause in scored_clauses(text):
        if clause.points is None:
            continue
        if clause.kind == "bonus":
            bonus += clause.points
        elif clause.kind in ("award", "capped") and (best is None or clause.points > best):
            best = clause.points
    return best, bonus


def has_cap(text: str) -> float | None:
    """The overall cap a method states ("(满分4分)" at its end), if any."""
    caps = [float(m.group(1)) for m in CAP.finditer(text)]
    return max(caps) if caps else None
