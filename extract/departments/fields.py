"""Responsible bodies written as fields: labeled lists and the label columns of tabbed tables.

"〔责任单位：市经信局、市财政局〕", "（牵头单位：A；责任单位：B）", "（配合单位：C）", a line
"责任单位：A、B", and a table laid out with tabs whose header has 牵头单位 / 配合单位 / 责任单位
columns: the label gives the role (role_triggers.yaml ``role_labels``).  Used by
:mod:`.responsibilities`, which turns them into assignments.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..language.data import load_yaml
from ..model import Span
from .names import is_body, qualify
from .vocab import patterns

# A labeled list outside （） may run this far before its closing bracket.
MAX_FIELD_CHARS = 400

# "党委组织部": a verb followed by at most this many characters is part of a name.
MAX_SUFFIX_AFTER_VERB = 2
# A labeled list ("责任单位：A、B") closes at the bracket matching the one before its label.
LABEL_CLOSERS = {"〔": "〕", "【": "】", "[": "]", "（": "）", "(": ")"}
# Inside a labeled list a name the gazetteer does not know still counts when it is a run
# of name characters ("金堂县", "国电金堂电厂", "辐射站"); its 等… tail is cut first.
LISTED_NAME = re.compile(r"[\u4e00-\u9fff（）()〔〕]{2,24}")
LISTED_TAIL = re.compile(r"等[\u4e00-\u9fff]{0,8}$")
MIN_LISTED_NAME = 2
# A tabbed table's header of label columns stays in force over this many lines without tabs.
MAX_TABLE_GAP = 2


def field_end(text: str, m: re.Match[str]) -> int:
    """Where a labeled list outside （） ends: its 〔〕/【】 closer, else the end of its line."""
    opener = m.group("open")
    if opener:
        close = matching_close(text, m.start("open"), LABEL_CLOSERS[opener])
        if close >= 0:
            return close
    line_end = text.find("\n", m.end())
    return line_end if line_end >= 0 else len(text)


def matching_close(text: str, at: int, closer: str) -> int:
    """Offset of the bracket closing the one at ``at``, across line breaks (PDF wraps a long
    list: "〔责任单位：\n市商务局…〕"), nesting-aware ("各区（市）县政府"); -1 when none is near."""
    opener, depth = text[at], 0
    for i in range(at, min(len(text), at + MAX_FIELD_CHARS)):
        ch = text[i]
        if ch == opener or (opener in "（(" and ch in "（("):
            depth += 1
        elif ch == closer or (closer in "）)" and ch in "）)"):
            depth -= 1
            if depth == 0:
                return i
    return -1


def parse_labeled(content: str, base: int) -> list[tuple[str, str, Span, bool, str]]:
    """A list written as a field: "牵头单位：市经信局、市发改委；责任单位：各区（市）县政府".

    Each label (role_triggers.yaml ``role_labels``) gives its role to the names after it, up
    to the next label; a segment without a label keeps the role of the one before
    ("责任单位:省发展改革委…。各市〔州〕人民政府,以下各条均涉及").  A label vouches for its list,
    so names the gazetteer does not know ("金堂县", "辐射站") count when they look like names.
    """
    labels = _label_re()
    first = labels.match(content.lstrip(" \t\u3000\n"))
    if first is None:
        return []
    raw: list[tuple[str, str, Span, bool, str]] = []
    role, cue = "", ""
    for seg in _segment_re().finditer(content):
        text = seg.group()
        lm = labels.match(text.lstrip(" \t\u3000\n"))
        body_at = seg.start()
        if lm:
            cue = re.sub(r"\s", "", lm.group("label"))
            role = label_roles()[cue]
            body_at = seg.start() + (len(text) - len(text.lstrip(" \t\u3000\n"))) + lm.end()
        if not role:
            continue
        body = content[body_at:seg.end()]
        carry = bool(_carry_suffix_re().search(body))
        span = (base + body_at, base + seg.end())
        for group, group_role in _role_groups(_carry_suffix_re().sub("", body), role):
            raw.extend((n, group_role, span, carry, cue) for n in listed_names(group))
    if not raw:
        return []
    names = qualify([r[0] for r in raw])
    return [(n, *r[1:]) for n, r in zip(names, raw)]


def _role_groups(body: str, role: str) -> list[tuple[str, str]]:
    """The comma groups of a labeled list with their roles: a group that ends with
    按职责分工负责 / 配合 / 参与 supports, the others keep the label's role."""
    tail = _support_tail_re()
    out = []
    for group in split_top(body, "，,"):
        m = tail.search(group)
        out.append((group[: m.start()], "support") if m and m.start() > 0 else (group, role))
    return out


@lru_cache(maxsize=1)
def _support_tail_re() -> re.Pattern[str]:
    words = sorted(load_yaml("role_triggers.yaml")["list_support_tails"], key=len, reverse=True)
    return re.compile(f"(?:{'|'.join(map(re.escape, words))})$")


def split_top(s: str, separators: str = "、，,") -> list[str]:
    """Split a list on ``separators`` outside brackets: "市发改委、各县（市、区）人民政府" -> 2 items;
    with ``separators="，,"`` a 、 run stays one comma group."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(s):
        if ch in "（(〔":
            depth += 1
        elif ch in "）)〕" and depth:
            depth -= 1
        elif ch in separators and depth == 0:
            out.append(s[start:i])
            start = i + 1
    out.append(s[start:])
    return out


def is_item(name: str) -> bool:
    """A body, or a bracketed class of places with its suffix ("各县（市、区）人民政府")."""
    return (is_body(name) or bool(patterns().level_class.fullmatch(name))
            or name in load_yaml("departments.yaml")["list_only_bodies"])


def without_tail(name: str) -> str:
    """省能源局等部门 / 省文旅厅等行业主管部门 -> the body before the tail that sums up a list."""
    tail = LISTED_TAIL.search(name)
    if tail and tail.start() >= MIN_LISTED_NAME and is_body(name[:tail.start()]):
        return name[:tail.start()]
    return name


def listed_names(body: str) -> list[str]:
    """The names of a labeled list, each without its 等… tail ("市公安局等市级部门")."""
    out: list[str] = []
    for tok in split_top(body):
        tok = re.sub(r"\s+", "", tok)
        tail = LISTED_TAIL.search(tok)
        if tail and tail.start() >= MIN_LISTED_NAME:
            tok = tok[:tail.start()]
        if has_verb(tok):
            continue  # 负责本项工作的部门: a description, not a name
        if is_item(tok) or (LISTED_NAME.fullmatch(tok) and tok.endswith(_listed_endings())):
            out.append(tok)
    return out


@lru_cache(maxsize=1)
def _listed_endings() -> tuple[str, ...]:
    return tuple(load_yaml("departments.yaml")["listed_name_endings"])


@lru_cache(maxsize=1)
def label_roles() -> dict[str, str]:
    return {label: role for label, role in load_yaml("role_triggers.yaml")["role_labels"]}


@lru_cache(maxsize=1)
def _label_re() -> re.Pattern[str]:
    """A role label and its colon at the start of a string: "责任单位：" / "牵头单位:"."""
    # a PDF line may wrap inside the label ("（牵\n头单位：市住建局…）")
    words = "|".join("\\s?".join(re.escape(c) for c in w) for w in sorted(label_roles(), key=len, reverse=True))
    return re.compile(rf"(?P<label>{words})[ \t\u3000]*[：:][ \t\u3000\n]*")


@lru_cache(maxsize=1)
def _segment_re() -> re.Pattern[str]:
    """The segments of a labeled list: up to 。；; or a comma before the next label
    ("牵头单位：住房城乡建设厅，配合单位：省发展改革委、省市场监管局", b352)."""
    return re.compile(rf"(?:[^。；;，,]|[，,](?![ \t\u3000]*{_label_re().pattern}))+")


@lru_cache(maxsize=1)
def labeled_field_re() -> re.Pattern[str]:
    """A labeled list outside （）: after 〔 / 【, or at the start of a line or sentence."""
    return re.compile(rf"(?:(?P<open>[〔【\[（(])|(?:^|(?<=[\n。；;]))[ \t\u3000]*)(?P<body>{_label_re().pattern})",
                      re.M)


@lru_cache(maxsize=1)
def _carry_suffix_re() -> re.Pattern[str]:
    words = load_yaml("role_triggers.yaml")["carry_forward_suffixes"]
    return re.compile(rf"[，,]?\s*(?:{'|'.join(re.escape(w) for w in words)})\s*$")


def cell_names(cell: str) -> list[str]:
    """The bodies of a table cell that holds nothing else ("市工信局、市发改委"), else []."""
    tokens = [t for t in re.split(r"[、，,\s]+", cell) if t]
    if not tokens or any(has_verb(t) or not is_body(t) for t in tokens):
        return []
    return qualify(tokens)


def has_verb(extension: str) -> bool:
    """True when a directive verb in ``extension`` is followed by more than a short suffix."""
    for verb in load_yaml("role_triggers.yaml")["directive_verbs"]:
        at = extension.find(verb)
        if at >= 0 and len(extension) - at - len(verb) > MAX_SUFFIX_AFTER_VERB:
            return True
    return False


def tabbed_rows(text: str) -> list[tuple[str, str, str, Span, Span, str]]:
    """(name, role, task, evidence, row, label) of a task table laid out with tabs whose header
    names the responsible units.

    "\t重点任务\t…\t牵头单位\t配合单位" over rows "…\t开展原材料行业…\t市工信局\t市发改委":
    in each row the cells that are nothing but body names take, in order, the roles of the
    header's label columns (牵头单位 -> lead, 配合单位 -> support, 责任单位 -> implement);
    the longest other cell is the task.  The header stays in force over rows with tabs and
    ends after :data:`MAX_TABLE_GAP` lines without one.
    """
    out: list[tuple[str, str, str, Span, Span, str]] = []
    roles: list[tuple[str, str]] = []
    gap = 0
    for line in re.finditer(r"[^\n]+", text):
        if "\t" not in line.group():
            gap += 1
            roles = roles if gap <= MAX_TABLE_GAP else []
            continue
        gap = 0
        cells = [(line.start() + m.start(), line.start() + m.end(), m.group().strip())
                 for m in re.finditer(r"[^\t]+", line.group()) if m.group().strip()]
        header = [(label_roles()[k], k) for k in (re.sub(r"\s", "", c[2]) for c in cells) if k in label_roles()]
        if header:
            roles = header
            continue
        if not roles:
            continue
        named = [(c, cell_names(c[2])) for c in cells]
        bodies = [(c, names) for c, names in named if names]
        others = [c for c, names in named if not names]
        task = max((c[2] for c in others), key=len, default="")
        for ((start, end, _), names), (role, label) in zip(bodies, roles):
            out.extend((n, role, task, (start, end), (line.start(), line.end()), label) for n in names)
    return out
