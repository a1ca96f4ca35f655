"""A deadline's wording: who it names as responsible and its task without time words."""

from __future__ import annotations

import re
from functools import lru_cache

from ..language.clauses import Sentence
from ..language.patterns import YEAR
from .base import RHYTHM, WINDOW, Found
from .vocab import PLAN_END, deadline_rules

# Longest subject noun phrase: "各县市区人民政府" / "集团各二级单位"
MAX_SUBJECT = 16
# Longest 、-joined list of subjects: "省发展改革委、人民银行济南分行、省地方金融监管局"
MAX_SUBJECT_LIST = 48

_TASK_NOISE = re.compile(
    rf"(?:请|并|原则上|应当|应(?![对用急])|可以|须|需|务必|分别|由|共同|统一|\d{{1,2}}[:：]\d{{2}}|\d{{1,2}}[点时](?:\d{{1,2}}分)?|中午|到|至(?!少)|于|在|从|自|起|力争|年终|(?:每|按|逐){RHYTHM}(?:末|底|初)?|{WINDOW}|(?:{YEAR})年(?:底|末|度)?|{PLAN_END}|(?:今|本)?年(?:底|末|内)|今年|第?[一二三四]季度(?:末|底)?|\d{{1,2}}月(?:\d{{1,2}}[日号]|底|末|中旬|上旬|下旬|份)?|前|之前|以前|[，,、和与]|将|要)+"
)
# Time words and 请 before a subject: "11月5日前，" / "每年" / "请"
_SUBJECT_PREFIX = re.compile(r"^(?:[\d一二三四五六七八九十]+月[^，,]*?[前份旬底]|每(?:年度?|季度?|个?月)|请|由)")
# "各区" / "各地" / "各县（市、区）": local governments named by 各 and a place level
_EACH_PLACE = re.compile(r"^各(?:地|区|市|县|镇|乡|省|盟|旗)[^，,。；]{0,8}$")
# 、 or 和 between subjects, never inside brackets ("各县（市、区）")
# ("住房和城乡建设部门" / "人力资源和社会保障局" hold a 和 of their own)
_LIST_SEPARATOR = re.compile(r"(?:、|(?<!住房)(?<!资源)[和与](?=[^、]{2,}$))(?![^（(]*[）)])")
_COMMA_ONLY = re.compile(r"、(?![^（(]*[）)])")


def task_of(evidence: str, responsible: list[str]) -> str:
    """The duty without its subject and time words: "请各地于2023年3月10日前将…" -> "将…"."""
    task = _ARTICLE.sub("", evidence)
    for _ in range(3):  # time words and subject may come in either order
        task = _TASK_NOISE.sub("", task, count=1) if _TASK_NOISE.match(task) else task
        for subject in responsible:
            task = task.removeprefix(subject)
    return task.strip("，,。；; ") or evidence


def subject_of(text: str, sentence: Sentence, f: Found) -> list[str]:
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
        if m and m.group("subj").count("（") != m.group("subj").count("）"):
            m = None  # an ender inside brackets: "各省（自治区、直辖市）"
        names = org_names(m.group("subj"), suffixes) if m else []
        if not names and k not in own and len(piece) <= MAX_SUBJECT:
            names = org_names(piece, suffixes)  # a clause that is only its subject
        if names:
            return names
    return []


def org_names(phrase: str, suffixes: tuple[str, ...]) -> list[str]:
    """The 、-joined organisations of ``phrase``, or [] when one part is not an organisation."""
    for separator in (_LIST_SEPARATOR, _COMMA_ONLY):  # "省工业和信息化厅" holds a 和 of its own
        names = [_LABEL.sub("", _ARTICLE.sub("", p.strip())).strip() for p in separator.split(phrase) if p.strip()]
        if names and all(_is_org(n, suffixes) for n in names):
            return names
    return []


# "【报告报送】重点排放单位": a bracketed label before the subject
_LABEL = re.compile(r"^【[^】]{0,12}】")
# "第九条核查机构": an article number before the subject
_ARTICLE = re.compile(r"^第[一二三四五六七八九十百\d]+条")
# A verb or preposition opens a predicate, never a name ("将评价结果书面告知核查机构");
# 格局 / 布局 / 大局 end in 局 without being a bureau ("融入新发展格局")
_NOT_NAME = re.compile(
    r"^[将把对向在为与及从按并]|(?:格局|布局|大局|结局)$"
    # a verb opens a predicate ("协助企业", "积极推动龙头企业", "根据省委"), a verb or 了 inside
    # makes a clause ("成立了…委员会", "办公室设在市生态环境局", "重点排放单位关停或迁出原所");
    # a generating unit is no work group ("置换建设大容量、高参数煤电机组")
    r"|^(?:积极|推动|支持|协助|帮助|围绕|根据|依据|成立|鼓励|引导|指导|督促|加快|推进|加强|组织)"
    r"|设在|建立|关停|迁出|了|部署$|机组$"
)


@lru_cache(maxsize=1)
def _predicate_start() -> re.Pattern[str]:
    """并 / 支持 / 组织… opening a phrase: a predicate, not a subject (deadline_rules.yaml)."""
    return re.compile("^(?:" + "|".join(deadline_rules()["not_subject_starts"]) + ")")


def _is_org(name: str, suffixes: tuple[str, ...]) -> bool:
    return (2 <= len(name) <= MAX_SUBJECT and not _NOT_NAME.search(name) and not _predicate_start().match(name)
            and (name.endswith(suffixes) or bool(_EACH_PLACE.match(name))))
