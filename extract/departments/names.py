"""Department names: recognising bodies, inheriting prefixes in lists, canonical keys.

Notices name bodies in lists that share a prefix: "(自治区工业和信息化厅、发展改革委…)" means
自治区发展改革委, "各盟行政公署、市人民政府" means 各市人民政府, while "内蒙古邮政管理局" or
"人民银行呼和浩特中心支行" keep their own region or organisation.  The same body is written
several ways (发改委 / 发展改革委 / 发展和改革委员会): :func:`canonical` gives one key per body
and region, so that aliases merge but 省发展改革委 and 市发展改革委 never do.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..language.data import load_aliases, load_yaml, tsv_rows
from .recognizer import is_government_core, is_recognized_body, vocab
from .vocab import LIST_TAIL, patterns

LOGGER = logging.getLogger(__name__)

EACH = "各"
# Distinct names whose analysis is remembered (a batch sees the same bodies again and again).
NAME_CACHE_SIZE = 65536


@dataclass(frozen=True, slots=True)
class NameParts:
    """A body name split into 各 + region + core ("各" "市" "人民政府")."""

    each: str
    region: str
    core: str

    @property
    def name(self) -> str:
        return f"{self.each}{self.region}{self.core}"


@dataclass(frozen=True, slots=True)
class CanonicalName:
    """One body: its region (resolved when the document says which) and canonical core."""

    region: str
    core: str

    @property
    def name(self) -> str:
        return f"{self.region}{self.core}"


@lru_cache(maxsize=1)
def _gazetteer() -> dict[str, list[str]]:
    return load_yaml("departments.yaml")


@lru_cache(maxsize=65536)
def is_body(name: str) -> bool:
    """True when ``name`` is a government body, unit or enterprise.

    The cheap regex (a name ending in a body suffix, a collective or a gazetteer name) picks
    candidates; the spaCy EntityRuler of :mod:`.recognizer` must then cover the whole
    string with one body (no clause opener, verb, modal or bare generic head).
    """
    pats = patterns()
    if is_class_department(name):
        return True
    if not name or not pats.item.match(name) or pats.not_body.search(name):
        return False
    if opens_with_acting_verb(name):
        return False  # 支持X参与…: X is acted on, and the run with the verb is no name
    return is_recognized_body(name)


def opens_with_acting_verb(text: str) -> bool:
    """Does ``text`` open with 引导/鼓励/支持/推动, a verb acting on the body after it?"""
    return text.startswith(_acting_verbs())


@lru_cache(maxsize=1)
def _acting_verbs() -> tuple[str, ...]:
    return tuple(_gazetteer()["not_body_openers"])


def is_class_department(name: str) -> bool:
    """县(市、区)林草主管部门 / 各省（区、市）住房和城乡建设部门: the department of each place of a class."""
    m = _level_class_prefix().match(name)
    # a list after the class is no department of it: "各市、县（区）党委和政府及有关部门"
    return bool(m) and m.end() < len(name) and not LIST_JOINTS.search(name, m.end()) and is_body(name[m.end():])


def split_class_department(name: str) -> list[str]:
    """"各省（区、市）教育主管部门和高校" -> [各省（区、市）教育主管部门, 高校]: a class department
    and a body joined by 和 / 与 are two bodies; the class passes to the second only when it is
    a government department ("县(市、区)林草主管部门和水利部门" -> …, 县(市、区)水利部门).
    Any other name is returned alone (工业和信息化部门: 工业 is no body)."""
    m = _level_class_prefix().match(name)
    if not m or m.end() >= len(name):
        return [name]
    halves = re.split("[和与]", name[m.end():])
    # "各市、县（市、区）党委和政府": 政府 takes the class as 党委 does (FORMAT v2: a prefix flows on)
    second = m.group() + halves[1] if len(halves) == 2 else ""
    if len(halves) != 2 or not is_body(halves[0]) or not (
            is_body(halves[1]) or is_body(second) or patterns().level_class.fullmatch(second)):
        return [name]
    second = m.group() + halves[1] if may_inherit(halves[1]) else halves[1]
    return [m.group() + halves[0], second]


@lru_cache(maxsize=1)
def _level_runs() -> tuple[str, ...]:
    """县区 / 旗县区 / 盟市…: the level runs of the collectives (各县区), longest first."""
    runs = {c.removeprefix(EACH) for c in _gazetteer()["collectives"] if LEVEL_WORDS.fullmatch(c.removeprefix(EACH))}
    return tuple(sorted((r for r in runs if len(r) > 1), key=len, reverse=True))


@lru_cache(maxsize=1)
def _level_class_prefix() -> re.Pattern[str]:
    """县(市、区) / 各省（区、市） before a department (departments.yaml ``level_class_prefix``)."""
    return re.compile(_gazetteer()["level_class_prefix"])


@lru_cache(maxsize=1)
def _inheritable_prefixes() -> tuple[str, ...]:
    """省 / 市 / 自治区…, longest first (自治区 before 区)."""
    return tuple(sorted(_gazetteer()["inheritable_prefixes"], key=len, reverse=True))


@lru_cache(maxsize=NAME_CACHE_SIZE)
def may_inherit(core: str) -> bool:
    """省发展改革委、能源局 -> 省能源局, but 南昌铁路局 / 团省委 / 省机场集团公司 keep their names.

    A known government core inherits; so does an unseen name ending in a government suffix
    unless it names an enterprise or organisation (公司, 铁路, 银行...). A generic body names
    no particular office, so no place either: "县（区）政府及有关部门" gives 有关部门, as every
    gold file writes it (b086, b089, b353, b499).
    """
    if patterns().generic_partner.fullmatch(core):
        return False
    if is_government_core(core):
        return True
    if any(w in core for w in vocab()["enterprise_words"]):
        return False
    return core.endswith(tuple(_gazetteer()["government_suffixes"]))


def has_own_qualifier(name: str) -> bool:
    """内蒙古邮政管理局 / 人民银行呼和浩特中心支行 / 国家能源局: carries its own region or organisation."""
    return bool(patterns().own_prefix.match(name))


@lru_cache(maxsize=NAME_CACHE_SIZE)
def split_region(name: str) -> NameParts:
    """Split "各市人民政府" -> (各, 市, 人民政府); "高平市能源局" -> ("", 高平市, 能源局)."""
    gaz = _gazetteer()
    each = EACH if name.startswith(EACH) and len(name) > 2 else ""
    rest = name[len(each):]
    level = _level_class_prefix().match(rest)
    if level and len(rest) > level.end():  # 县（区）党委 -> (县（区）, 党委): a class of places is a region
        return NameParts(each=each, region=level.group(), core=rest[level.end():])
    for word in _level_runs():  # 各县区党委 -> (各, 县区, 党委), never 县 + 区党委
        if rest.startswith(word) and len(rest) > len(word) + 1:
            return NameParts(each=each, region=word, core=rest[len(word):])
    if rest.startswith(tuple(gaz["prefix_exceptions"])):
        return NameParts(each=each, region="", core=rest)
    for word in _inheritable_prefixes():
        if rest.startswith(word) and len(rest) > len(word) + 1:
            return NameParts(each=each, region=word, core=rest[len(word):])
    m = patterns().region_prefix.match(rest)
    if m and len(rest) > m.end() + 1 and m.group() not in gaz["prefix_exceptions"]:
        return NameParts(each=each, region=m.group(), core=rest[m.end():])
    return NameParts(each=each, region="", core=rest)


# A run of levels written once before what each of them has: "市、区（市、县）民政部门" (devset d4-dalian),
# "市、县（区）政府" (b468), "州（市）、县（市、区）" (b317), "市、区（市、县）两级财政"
LEVEL_RUN = re.compile(r"(?P<run>[省市州盟地县区旗]{1,2}(?:[（(][^（()）、]{1,4}(?:、[^（()）、]{1,4}){0,2}[）)])?"
                       r"(?:、[省市州盟地县区旗]{1,2}(?:[（(][^（()）、]{1,4}(?:、[^（()）、]{1,4}){0,2}[）)])?)+)"
                       r"(?:[两三四]级)?(?![城域内外乡镇村级])(?P<rest>.*)")  # never "市区、县城…" / "市、县级"
# What a run of levels may share besides a body: 政府 / 财政 alone name nobody, each level's one does
LEVEL_SHARED = ("人民政府", "政府", "财政", "党委")
# Words that join list items: after a class of places they make a list, not one department
LIST_JOINTS = re.compile(r"[、及，,]|以及")
# A region prefix that is only a level word (市 / 县区 / 旗县) names a class of places, which 各
# may distribute over; a proper place name (辽源高新区) never takes 各.
LEVEL_WORDS = re.compile(r"[省市州盟县区旗]{1,3}")


def qualify(items: list[str]) -> list[str]:
    """Give list items without a prefix the prefix of the item before them.

    "自治区工业和信息化厅、发展改革委" -> [自治区工业和信息化厅, 自治区发展改革委];
    "各盟行政公署、市人民政府" -> [各盟行政公署, 各市人民政府];
    "各市发展改革委、住建局" -> [各市发展改革委, 各市住建局];
    "市发展改革委、市生态环境局" and "能源局，内蒙古邮政管理局" keep their own names.
    """
    out: list[str] = []
    prev: NameParts | None = None
    for raw in items:
        parts = split_region(raw)
        if has_own_qualifier(raw) or (prev is None):
            out.append(raw)
            # 人民银行深圳市中心支行、深圳银保监局: a bank's branch city is no prefix to pass on
            if any(w in parts.region for w in vocab()["enterprise_words"]):
                prev = None  # 人民银行深圳市中心支行、深圳银保监局: the branch city is passed to nobody
            elif parts.region:
                prev = parts
            continue
        if not parts.region and not parts.each and prev.region and may_inherit(parts.core):
            # 各市发展改革委、住建局 -> 各市住建局: 各 flows forward with the region
            out.append(f"{prev.each}{prev.region}{parts.core}")
            continue
        if parts.region and not parts.each and prev.each and EACH not in parts.core and LEVEL_WORDS.fullmatch(parts.region):
            # 各盟行政公署、市人民政府 -> 各市人民政府; a proper place keeps its own name
            # (各县区政府、辽源高新区管委会 -> 辽源高新区管委会)
            out.append(f"{EACH}{parts.region}{parts.core}")
            prev = NameParts(each=EACH, region=parts.region, core=parts.core)
            continue
        out.append(raw)
        prev = parts if parts.region else prev
    return out


def share_head(items: list[str]) -> list[str]:
    """A bare class of places before a list's last department takes that department's core.

    "各市及宁东管委会生态环境局" -> [各市生态环境局, 宁东管委会生态环境局]; "各地区、各部门" and
    "各市、各金融机构" keep their items (部门 / 金融机构 are no government department core).
    """
    if len(items) < 2:
        return items
    collectives = set(_gazetteer()["collectives"])
    cores = sorted(vocab()["government_cores"], key=len, reverse=True)
    last = items[-1]
    core = next((c for c in cores if last.endswith(c) and len(last) > len(c)), None)
    if core is None or last.startswith(EACH):
        return items
    return [f"{i}{core}" if i in collectives else i for i in items[:-1]] + [last]


def canonical_core(core: str) -> str:
    """发改委 / 发展和改革委员会 -> 发展改革委 (alias table), otherwise the core itself."""
    return load_aliases().get(core, core)


def canonical(name: str, home_regions: dict[str, str] | None = None) -> CanonicalName:
    """The canonical key of a body.

    Args:
        name: the name as written (after prefix inheritance), e.g. "市发改委".
        home_regions: relative region word -> proper region of the issuing government
            ({"市": "高平市"}), so that 市能源局 of a 高平市 notice becomes 高平市能源局.
    """
    parts = split_region(name)
    region = parts.region
    if home_regions and region in home_regions and not parts.each:
        region = home_regions[region]  # 各市 is a class of cities, never the home city
    core = canonical_core(parts.core)
    if own := _own_prefix(parts.core) if not region else "":
        # 国家发改委 -> region 国家, core 发展改革委
        region, core = own, canonical_core(parts.core[len(own):])
    return CanonicalName(region=f"{parts.each}{region}", core=core)


def _own_prefix(core: str) -> str:
    m = re.match(r"^(?:国家|国务院|中央)", core)
    return m.group() if m and len(core) > m.end() + 1 else ""


def home_regions(issuers: list[str]) -> dict[str, str]:
    """Map relative region words to the issuer's proper region.

    ["高平市能源局", "高平市财政局"] -> {"市": "高平市"}; ["内蒙古自治区人民政府"] ->
    {"自治区": "内蒙古自治区"}.  Ambiguous issuers (two different cities) give nothing.
    """
    found: dict[str, set[str]] = {}
    levels = _gazetteer()["region_levels"]
    for issuer in issuers:
        m = patterns().region_prefix.match(issuer)
        if not m:
            continue
        proper = m.group()
        for level in sorted(levels, key=len, reverse=True):
            if proper.endswith(level) and proper != level:
                found.setdefault(level, set()).add(proper)
                break
    return {level: next(iter(v)) for level, v in found.items() if len(v) == 1}


_BRACKETED = re.compile(r"[（(][^（()）]*[）)]")
_KEPT_COMMA = "\x00"


def split_list(text: str) -> list[str]:
    """"A、B和C" -> [A, B, C] without splitting names that contain 和 (工业和信息化厅)."""
    # separators inside brackets belong to a class of places: "各县（市、区）、各有关单位", and so do
    # those of a run of levels ending in one: "各市、县（区）党委和政府" (b086)
    masked = _BRACKETED.sub(lambda m: m.group(0).replace("、", _KEPT_COMMA), text)
    masked = _level_class_prefix().sub(lambda m: m.group(0).replace("、", _KEPT_COMMA), masked)
    pieces = [p.replace(_KEPT_COMMA, "、") for p in re.split(r"[、，,]|或者|或|以及|及|特别是|尤其是", masked) if p]  # 存续单位或者新设单位
    pieces = [q for p in pieces for q in spell_pair(p)]
    if pieces and (tail := LIST_TAIL.search(pieces[-1])) and is_body(pieces[-1][:tail.start()]):
        pieces[-1] = pieces[-1][:tail.start()]  # 市教育局等有关部门 -> 市教育局
    out: list[str] = []
    for piece in pieces:
        # split on 和 / 与 only where both sides are bodies on their own ("教育部门与人力资源社会保障部门")
        halves = re.split("[和与]", piece)
        if len(halves) == 2 and (flowing := _determiner_flows(*halves)):
            out.extend(flowing)  # 有关部门和高校 -> 有关部门, 有关高校 (FORMAT v2: it flows forward)
        elif len(halves) == 2 and all(is_body(h) for h in halves):
            out.extend(halves)
        else:
            out.extend(_split_each_run(piece))
    return out


# 有关 / 相关 pick the concerned members of every class after them: the body after 和 / 与
# shares it when it has no determiner of its own ("有关部门和高校" -> 有关高校, b012; "相关上市
# 公司和发债企业" -> 相关发债企业, b002, r04). Not 各级: "各级发展改革部门和项目单位" names 项目单位
# (b502), a unit without levels.
_FLOWING_DETERMINER = re.compile(r"各?有关|各?相关")


def _determiner_flows(first: str, second: str) -> list[str] | None:
    """[first, determiner + second] when ``first`` opens with a flowing determiner and the bare
    ``second`` is a body with it, else None ("有关部门和市财政局" keeps 市财政局)."""
    det = _FLOWING_DETERMINER.match(first)
    if det is None or det.end() == len(first) or _FLOWING_DETERMINER.match(second) or second.startswith(EACH):
        return None
    if split_region(second).region or has_own_qualifier(second) or not is_body(first):
        return None
    joined = det.group() + second
    return [first, joined] if is_body(joined) else None


@lru_cache(maxsize=1)
def _shared_place_pairs() -> re.Pattern[str]:
    """"地方各级党委和政府": a pair of one place's bodies written once (departments.yaml)."""
    pairs = "|".join(f"{a}(?:和|与)?{b}" for a, b in _gazetteer()["shared_place_pairs"])
    return re.compile(rf"(?P<place>[^和与]+?)(?P<pair>{pairs})")


def spell_pair(piece: str) -> list[str]:
    """地方各级党委和政府 -> [地方各级党委, 地方各级政府] (FORMAT v2: the place flows forward)."""
    m = _shared_place_pairs().fullmatch(piece)
    if m:
        for a, b in _gazetteer()["shared_place_pairs"]:
            if m.group("pair").startswith(a) and m.group("pair").endswith(b):
                return [f"{m.group('place')}{a}", f"{m.group('place')}{b}"]
    return [piece]


def _split_each_run(piece: str) -> list[str]:
    """"各地区各部门" -> [各地区, 各部门]: two 各-bodies written without a separator.

    Only when both halves start with 各 and are bodies on their own, so that 市直各有关部门 or
    人民银行各市中心支行 stay one name.
    """
    at = piece.find(EACH, 1)
    if piece.startswith(EACH) and at > 1 and is_body(piece[:at]):
        rest = _split_each_run(piece[at:])
        if all(is_body(r) for r in rest):
            return [piece[:at], *rest]
    return [piece]


def split_level_run(name: str) -> list[str] | None:
    """"市、区（市、县）民政部门" -> [市民政部门, 区（市、县）民政部门]: levels written once before what each
    of them has are that many bodies (the devset and bulk gold split them); None for anything else,
    and for a run under 各, which is one class of places ("各市、县（市、区）政府", b059)."""
    m = LEVEL_RUN.fullmatch(name)
    if not m or name.startswith(EACH):
        return None
    rest, run = m.group("rest"), m.group("run")
    if LIST_JOINTS.search(rest) or "和" in rest or not (
            rest in LEVEL_SHARED or is_body(rest) or (not rest and ("（" in run or "(" in run))):
        return None
    masked = _BRACKETED.sub(lambda b: b.group(0).replace("、", _KEPT_COMMA), run)
    return [level.replace(_KEPT_COMMA, "、") + rest for level in masked.split("、")]


def distribute(heads: str, head: str) -> list[str]:
    """"能源、发展改革、财政" + "主管部门" -> [能源主管部门, 发展改革主管部门, 财政主管部门].

    A level written on the first head flows forward (FORMAT v2): "省级人力资源社会保障、财政"
    + "部门" -> [省级人力资源社会保障部门, 省级财政部门].
    """
    items = [h for h in heads.split("、") if h]
    level = (_distributive_level(items[0]) or _each_place(items[0])) if items else ""
    return [f"{level if i and not _distributive_level(h) else ''}{h}{head}" for i, h in enumerate(items)]


# 各 and a kind of place before a field: "各地级以上市生态环境、财政部门" -> …, 各地级以上市财政部门 (b349)
_EACH_PLACE = re.compile(r"各(?:地级以上|设区的?|副省级)?[省市州盟县区旗]{1,3}级?")


def _each_place(head: str) -> str:
    """各地级以上市 / 各设区市 / 各市 opening the first field of a distributive list, else ""."""
    m = _EACH_PLACE.match(head)
    if not m or len(head) < m.end() + 2 or head[1:].startswith(tuple(_gazetteer()["prefix_exceptions"])):
        return ""
    return m.group()


def distribute_fields(text: str) -> list[str] | None:
    """"工业和信息化、发展改革、生态环境主管部门" -> one body per field, each with the shared head
    (None when ``text`` is no such list: a list item that is a body on its own is no field)."""
    cls = _level_class_prefix().match(text)
    if cls and cls.end() < len(text) and (fields := distribute_fields(text[cls.end():])):
        # "各省（区、市）住房和城乡建设、发展改革部门": the class of places owns every field (b296)
        return [cls.group() + f for f in fields]
    m = patterns().distributive.fullmatch(text)
    heads = m.group("heads").split("、") if m else []
    bodies = [is_body(h) for h in heads]
    if not m or all(bodies) or any(_place_class(h) for h in heads):
        return None
    # a body among the fields keeps its own name: "发展改革、经济信息、人民银行、证券监督管理等部门"
    # -> …, 人民银行, 证券监督管理部门 (b350)
    fields = distribute("、".join(h for h, b in zip(heads, bodies) if not b), m.group("head"))
    named = iter(fields)
    return [h if b else next(named) for h, b in zip(heads, bodies)]


def _place_class(head: str) -> bool:
    """各市州 / 各县（市、区）: a class of places, a subject of its own and never a field
    ("各市州、省直有关部门" is 各市州 and 省直有关部门, not 各市州部门)."""
    return (head in _gazetteer()["collectives"] or _EACH_LEVELS.fullmatch(head) is not None
            or patterns().level_class.fullmatch(head) is not None)


# 各 and level words only: 各市州 / 各县区 / 各地
_EACH_LEVELS = re.compile(r"各[省市州盟地县区旗乡镇]{1,4}")


def _distributive_level(head: str) -> str:
    """省级 / 市级 / 各级 / 省 / 市… opening a distributive head, else "" (市场 is no 市)."""
    if head.startswith(tuple(_gazetteer()["prefix_exceptions"])):
        return ""
    return next((w for w in _gazetteer()["distributive_levels"] if head.startswith(w) and len(head) > len(w) + 1), "")


def resolve_self_reference(name: str, issuers: list[str]) -> str:
    """我厅 / 本局 -> the issuing body when the metadata names one of that kind, else as written.

    "我厅将组织核查" in a notice of 广东省生态环境厅 -> 广东省生态环境厅; with several issuers the
    one ending like the pronoun (厅, 局...) is taken when it is the only one.
    """
    if name not in vocab()["self_references"] or not issuers:
        return name
    if len(issuers) == 1:
        return issuers[0]
    kind = name[1:]
    matching = [i for i in issuers if i.endswith(kind)]
    return matching[0] if len(matching) == 1 else name


def is_government(name: str) -> bool:
    """市生态环境局 / 省级绿色制造管理部门: a government body (not an enterprise, unit or agency)."""
    if any(w in name for w in ("企业", "单位", "机构", "公司")):
        return False
    return name.endswith(tuple(_gazetteer()["government_suffixes"]))


# --------------------------------------------------------------------------- canonical field


@lru_cache(maxsize=1)
def _full_cores() -> dict[str, str]:
    """canonical core -> full official core (department_full_names.tsv)."""
    return {row[0].strip(): row[1].strip() for row in tsv_rows("department_full_names.tsv") if len(row) >= 2}


# Words a title starts with before the region it is about ("关于印发江西省…的通知").
_TITLE_LEAD = re.compile(r"^(?:关于)?(?:印发|转发|发布|公布)?")


def document_regions(issuers: list[str], title: str | None = None,
                     recipients: list[str] | None = None) -> dict[str, str]:
    """Relative region words of a document resolved from its issuers, title and recipients.

    The issuers decide first (:func:`home_regions`); a level they leave open takes the
    proper region a title opens with ("江西省碳达峰实施方案" -> {"省": "江西省"}) or that the
    recipients name ("高平市各有关单位").
    """
    homes = home_regions(issuers)
    extra = [_TITLE_LEAD.sub("", title or "", count=1)] + list(recipients or [])
    for level, proper in home_regions([e for e in extra if _names_a_place(e)]).items():
        homes.setdefault(level, proper)
    return homes


# A region read from a title or recipient is at most this long unless it opens with a
# province ("高平市", "呼和浩特市" but not "加快推进城市").
MAX_UNLISTED_REGION = 5
# "晋城市" (3 characters) is a city although it ends like 城市.
MIN_REGION_WITH_EXCEPTION = 3


def _names_a_place(text: str) -> bool:
    """True when ``text`` opens with a proper region: "江西省碳达峰实施方案", "高平市各单位",
    not "各市人民政府", "全市…", "加快推进城市…"."""
    m = patterns().region_prefix.match(text)
    if not m or text.startswith((EACH, "全", "本")):
        return False
    region = m.group()
    if len(region) > MIN_REGION_WITH_EXCEPTION and region[-2:] in _gazetteer()["prefix_exceptions"]:
        return False  # 推进城市…, but 晋城市 is a city
    if text[m.end() - 1:m.end() + 1] in _gazetteer()["prefix_exceptions"]:
        return False  # 加强市场监管…: 市 opens 市场
    return bool(patterns().own_prefix.match(region)) or len(region) <= MAX_UNLISTED_REGION


def canonical_name(name: str, homes: dict[str, str], issuers: list[str] | None = None) -> str:
    """The `canonical` field of a department: its full name with its region resolved.

    "省发展改革委" with {"省": "江西省"} -> "江西省发展和改革委员会"; "我部" of a notice of
    工业和信息化部办公厅 -> that issuer; a region the document does not resolve stays as
    written ("各市住房和城乡建设局").
    """
    resolved = resolve_self_reference(name, issuers or [])
    if resolved != name:
        name = resolved
    c = canonical(name, homes)
    return f"{c.region}{_full_cores().get(c.core, c.core)}"


def assign_canonical(doc: Any) -> Any:
    """Fill `canonical` on every department a record of ``doc`` names (a pipeline stage)."""
    meta = doc.metadata
    homes = document_regions(meta.issuers, meta.title, meta.recipients)
    names: dict[str, str] = {}

    def full(n: str) -> str:
        if n not in names:
            names[n] = canonical_name(n, homes, meta.issuers)
        return names[n]

    for r in doc.responsibilities:
        r.canonical = full(r.department)
    for t in doc.targets:
        for d in t.departments:
            d.canonical = full(d.name)
    for x in doc.deadlines:
        x.responsible_canonical = [full(n) for n in x.responsible]
    return doc
