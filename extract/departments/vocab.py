"""Compiled regexes for department names and role cues, built once from the data tables.

The vocabularies live in ``extract/data/departments.yaml`` and ``role_triggers.yaml``;
this module only turns them into patterns (lazily, cached), so no regex is scattered in code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..language.data import load_yaml

# Characters a body name may contain: CJK plus the brackets of "内蒙古集通铁路〔集团〕有限责任公司".
NAME_CHARS = r"[\u4e00-\u9fff〔〕（）()]"
# Longest body name accepted; real names ("中国铁路呼和浩特局集团有限公司") stay well below.
MAX_NAME_CHARS = 24
# Longest region / organisation prefix before a suffix-less known name ("天津银保监会").
MAX_PREFIX_CHARS = 12

# 。 ； ！ ？ and line breaks end a sentence: "…科学制定节能减排工作目标。考核指标…"
SENTENCE_END = re.compile(r"[。；;！？!?\n]")
# ， , ： : end a clause inside a sentence: "8月份,市节能办将…"
CLAUSE_END = re.compile(r"[，,：:]")
# （四）控排企业应… / 1.市发改委要… / 二、各地要…: an outline marker before a clause's subject
# 第十二条发电企业应…: an article number of a regulation is a marker too
OUTLINE_MARKER = re.compile(r"(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、．.]|\d{1,2}[.．、](?!\d)"
                            r"|第[一二三四五六七八九十百零〇\d]{1,5}条[ \t\u3000]*)")
# 市工业和信息化局、市教育局等有关部门 / 各级工会、共青团、妇联等（群团）组织: the generic tail
# that sums up a list is not a body
LIST_TAIL = re.compile(r"等(?:有关|相关|其他|各)?(?:部门|单位|机构|企业|群团组织|组织)$")
# 附件：1.… / 附件3 / 附件 2：…: a line that starts an annex (or the notice's list of annexes)
ANNEX_LINE = re.compile(r"^[ \t\u3000]*附件[ \t\u3000]*[0-9一二三四五六七八九十]*[ \t\u3000]*[：:．.]?", re.M)
# 旗县(市、区) / （市发改局牵头）: the characters that open or close a bracket, and the line
# break that resets an unclosed one
BRACKET_OR_BREAK = re.compile(r"[（()）\n]")
# 《绿色生活创建行动总体方案》: bodies named inside a title are never subjects
BOOK_TITLE = re.compile(r"《[^》]{0,200}》")


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@dataclass(frozen=True)
class DepartmentPatterns:
    """Every compiled pattern the department rules need."""

    item: re.Pattern[str]  # one body name, whole string
    subject_list: re.Pattern[str]  # a list of bodies at the start of a clause
    distributive: re.Pattern[str]  # 能源、发展改革、财政等主管部门
    region_prefix: re.Pattern[str]  # 高平市 / 晋城市 at the start of a name
    own_prefix: re.Pattern[str]  # 国家 / 内蒙古 / 人民银行 at the start of a name
    not_body: re.Pattern[str]
    closers: tuple[tuple[re.Pattern[str], str], ...]
    carry_forward: re.Pattern[str]
    cues: tuple[tuple[re.Pattern[str], str], ...]
    support_in_task: re.Pattern[str]
    lead_in_task: re.Pattern[str]
    established_group: re.Pattern[str]
    group_lead: re.Pattern[str]  # 发挥X领导小组…作用 / 在X领导小组领导下: X leads
    level_class: re.Pattern[str]  # 各省（自治区、直辖市） / 各省、自治区、直辖市人民政府: one collective
    generic_partner: re.Pattern[str]  # 有关部门 after 会同: names nobody in particular
    alternative_note: re.Pattern[str]  # "（单位）" / "（行政学院）" closing a body's name


@lru_cache(maxsize=1)
def patterns() -> DepartmentPatterns:
    """Build the patterns from the data tables (once per process)."""
    gaz = load_yaml("departments.yaml")
    roles = load_yaml("role_triggers.yaml")
    suffix = _alt(gaz["suffixes"])
    collective = _alt(gaz["collectives"])
    # 市直各有关部门 / 集团各二级单位 / 各县市区: a non-greedy run of name characters ending in a suffix
    # 人民银行 / 银保监会: gazetteer names without a standard suffix (department_ner.yaml)
    known = _alt(load_yaml("department_ner.yaml")["known_names"])
    # 各市（区） / 各省（自治区、直辖市）: a class of places is one item of a list too
    level_runs = "|".join(gaz["level_class_runs"])
    # never a body of its own place: "拉萨南北山绿化指挥部办公室（自治区林草局）" names who hosts the office
    notes = rf"[（(](?![省市县区州盟旗]|自治区|国家)[\u4e00-\u9fff]{{0,{gaz['alternative_note_chars']}}}?(?:{suffix})[）)]"
    one = (rf"(?:{NAME_CHARS}{{0,{MAX_NAME_CHARS}}}?(?:{suffix})(?:{notes})?|(?:{collective})"
           rf"|{NAME_CHARS}{{0,{MAX_PREFIX_CHARS}}}?(?:{known})|(?:{level_runs})(?:{NAME_CHARS}{{0,{MAX_NAME_CHARS}}}?(?:{suffix}))?)")
    # "重点领域国有企业特别是中央企业要…", "重点行业龙头企业，特别是国有企业，要…": both act (b002, r04)
    subject_list = rf"(?P<list>{one}(?:(?:、|和|与|及|以及|或|，?(?:特别是|尤其是)){one})*)(?:等)?"
    heads = _alt(gaz["distributive_heads"])
    levels = _alt(gaz["region_levels"])
    places = _alt(gaz["place_names"])
    own = _alt(gaz["own_prefixes"])
    cues: list[tuple[re.Pattern[str], str]] = []
    # "sole" (lead for one named body, implement for several) is tried last: 负责落实 first
    for role in ("lead", "support", "implement", "sole"):
        for fragment in roles["sentence_cues"][role]:
            cues.append((re.compile(fragment), role))
    closers = tuple(
        (re.compile(rf"^(?P<name>.*?)(?:等)?(?:{re.escape(word)})$"), role)
        for word, role in roles["parenthetical_closers"]
    )
    return DepartmentPatterns(
        item=re.compile(rf"^{one}$"),
        subject_list=re.compile(subject_list),
        distributive=re.compile(
            rf"(?P<heads>[\u4e00-\u9fff]{{2,10}}?(?:、[\u4e00-\u9fff]{{2,10}}?)+)等?(?:{_alt(gaz['distributive_qualifiers'])})?"
            rf"(?P<head>{heads})(?:{notes})?"
        ),
        # 高平市 / 晋城市 / 呼和浩特市 / 鄂尔多斯市 / 新疆维吾尔自治区: a proper region at the start
        region_prefix=re.compile(rf"^[\u4e00-\u9fff]{{1,6}}?(?:{levels})"),
        own_prefix=re.compile(rf"^(?:{own}|{places})"),
        not_body=re.compile(rf"(?:{_alt(gaz['not_bodies'])})$"),
        closers=closers,
        carry_forward=re.compile(rf"^(?:{_alt(roles['carry_forward_markers'])})"),
        cues=tuple(cues),
        support_in_task=re.compile("|".join(roles["support_in_task"])),
        lead_in_task=re.compile("|".join(roles["lead_in_task"])),
        # 市政府成立了节能工作领导小组 -> the group leads
        established_group=re.compile(rf"成立了?(?P<name>{NAME_CHARS}{{2,16}}?领导小组)"),
        group_lead=re.compile("|".join(
            frame.replace("{group}", rf"(?P<name{k}>{NAME_CHARS}{{2,40}}?领导小组(?:办公室)?)")
            for k, frame in enumerate(roles["group_lead_frames"]))),
        level_class=re.compile(rf"(?:{'|'.join(gaz['level_class_runs'])})(?:{suffix})?"),
        generic_partner=re.compile(rf"(?:{_alt(roles['generic_partners'])})"),
        alternative_note=re.compile(rf"{notes}$"),
    )
