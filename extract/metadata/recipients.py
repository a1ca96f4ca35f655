"""The 主送 line split into recipients, each written out in full as the line means it.

A 主送 line is a list of lists: commas (，；) separate recipients, and 、 joins recipients that
share words written once. Three ways of sharing are read, all forward or onto a shared head:

* a class of places heads the run: "各省、自治区、直辖市和新疆生产建设兵团生态环境厅（局）、发展改革委"
  -> each body of that class ("…兵团生态环境厅（局）", "…兵团发展改革委"); with one body the
  class and the body stay one recipient ("各省、自治区、直辖市人民政府");
* the first item's owner prefix flows forward onto bare items: "各市发展和改革委员会、商务局"
  -> "各市商务局"; "市政府各委办局、各直属机构" -> "市政府各直属机构"; "国家开发银行山东省分行、
  青岛市分行" -> "国家开发银行青岛市分行";
* proper place names share the head of the last item: "银川市、石嘴山市、中卫市生态环境局".
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..normalize.outline import outline_level
from .labels import is_label_line
from .vocab import DATE_CN, OWN_DOC_NUMBER_LINE, RECIPIENT_LABEL, RECIPIENT_SEPARATORS, vocab, vocab_patterns

if TYPE_CHECKING:
    from .extractor import Line, TitleHit

_OPEN, _CLOSE = "（(〔[【《", "）)〕]】》"
# Lines after the title where the 主送 line may sit (a repeated title or 文号 can come between).
RECIPIENT_LOOKAHEAD = 4
# A 主送 line is a list, not a paragraph.
MAX_RECIPIENT_LINE = 200
# A 主送 line's tail wrapped onto the next line is this short at most ("构：", "有关单位：").
MAX_WRAPPED_RECIPIENT_TAIL = 8
# A recipient found away from its place must end like a body: 各片区管理局 / 区直各单位 / 各大企业.
RECIPIENT_ITEM_END = re.compile(
    r"(?:单位|部门|机构|企业|学校|院校|管委会|委办局|部委|政府|协会|银行|分行|公司|局|厅|委|办|院|所|处|中心|集团)$")
# A label of a responsibility column or line, never a recipient: "责任单位：市经信局".
ROLE_LABEL = re.compile(r"(?:责任|牵头|配合|协办|主办|承办|起草)(?:单位|部门)$")
# A line ending in "：" that introduces what follows, not whom it is sent to: "…现将有关事项
# 公告如下：" (b402), "…组织制定了《…》，…：".
NOT_RECIPIENT_LINE = re.compile(r"如下|《")
# A page's date stamp between the title and the 主送 line: "2021年11月22日09:58" (b156),
# "2021年12月31日10:14 来源：黑龙江省人民政府网" (b389), "（2021年5月8日）"
_STAMP_LINE = re.compile(rf"[（(]?{DATE_CN.pattern}[）)]?(?:\s*\d{{1,2}}[:：]\d{{2}}(?:[:：]\d{{2}})?)?(?:\s*来源[:：].*)?")
# A place-class owner at the head of an item: 各市 / 各县 / 各盟市 (each city's body follows).
# "各区县（自治县）发展改革委、财政局" (b573): the class keeps its note, and 区县 is one class
_EACH_PLACE = re.compile(r"^各(?:省|市|州|盟市|盟|县区|区县|县市区|县|区|旗县|旗|地)(?:[（(][^（()）]{1,8}[）)])?"
                         r"(?![县区市旗])(?=[\u4e00-\u9fff])")
# An organisation owner at the head of an item, with more after it: 市政府各委办局 / 国家开发银行山东省分行.
_ORG_OWNER = re.compile(r"^[\u4e00-\u9fff]{0,10}?(?:人民政府|政府|国务院|银行)(?=[\u4e00-\u9fff])")
# Items that open with an owner of their own never inherit one.
_OWN_START = re.compile(r"^(?:各|有关|相关|其他|其它|所属|直属|省|市(?!场)|县(?!域)|区(?!域)|州|盟|旗|自治区|国家|国务院|中国|中共)")
# A kind of unit written without the head it shares: two Chinese characters, 各 allowed in front
# ("人民团体、直属事业单位" are whole names, not kinds of one head).
_KIND_WORD = re.compile(r"各?[\u4e00-\u9fff]{2}")
# A note in brackets after a name: "局（公司）".
_BRACKETED = re.compile(r"[（(][^（()）]*[）)]")
# The branch of an organisation: inherits the organisation even after its own place name.
_BRANCH_END = re.compile(r"(?:分行|支行|营业部|营业管理部|分公司|办事处)$")


def split_outside_brackets(s: str, separators: re.Pattern[str]) -> list[str]:
    """Split on ``separators`` matches that are not inside （）〔〕《》 brackets."""
    depth, depth_at = 0, []
    for ch in s:
        depth_at.append(depth)
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
    parts, last = [], 0
    for m in separators.finditer(s):
        if depth_at[m.start()] == 0:
            parts.append(s[last:m.start()])
            last = m.end()
    parts.append(s[last:])
    return [p.strip() for p in parts if p.strip()]


def split_recipients(line: str) -> list[str]:
    """A 主送 line -> its recipients, as the line means them (see the module docstring)."""
    text = RECIPIENT_LABEL.sub("", line).rstrip("：: ")
    vp = vocab_patterns()
    major = re.compile(f"[{RECIPIENT_SEPARATORS.replace('、', '')}]")
    items: list[str] = []
    for part in split_outside_brackets(text, major):
        cls = vp.recipient_class.match(part)
        if cls and cls.end() < len(part):
            bodies = _run(part[cls.end():])
            # a body with its own place keeps it ("各设区市生态环境局、韩城市生态环境局")
            items.extend(b if _OWN_START.match(b) or _own_place(b) else cls.group(0) + b for b in bodies)
            continue
        items.extend(_run(part))
    return [i for i in items if i not in vocab()["recipient_bare_heads"]]  # "单位：" alone names nobody


def _own_place(name: str) -> bool:
    """The body names its own place: 韩城市生态环境局 / 杨凌示范区生态环境局 (not 财政局, 城市管理局)."""
    from ..departments import canonical

    return bool(canonical(name, {}).region)


def _run(part: str) -> list[str]:
    """One comma-free part: split at 、 and 及/和 (before 有关/各…), then share owners and heads."""
    from ..departments import distribute_fields, is_body

    vp = vocab_patterns()
    out: list[str] = []
    pieces = split_outside_brackets(part, vp.recipient_and)
    if not all(is_body(p) or "、" in p for p in pieces[:-1]):
        pieces = [part]  # "市属及驻市有关单位": 市属 names nobody alone, the owners share the head
    for piece in pieces:
        # "工业和信息化、发展改革、生态环境主管部门": fields sharing one head are one body each
        fields = distribute_fields(piece)
        out.extend(fields or _forward_owner(_enumeration_to_recipients(split_outside_brackets(piece, re.compile("、")))))
    return out


def _forward_owner(run: list[str]) -> list[str]:
    """The first item's owner (各市 / 市政府 / 国家开发银行) onto later items written without one;
    a bare head takes what stands before the head of the item before it ("市直有关部门、单位" ->
    市直有关单位)."""
    if len(run) < 2:
        return run
    first = run[0]
    each = _EACH_PLACE.match(first)
    org = None if each else _ORG_OWNER.match(first)
    heads = vocab()["recipient_bare_heads"]
    out = [first]
    for item in run[1:]:
        head = next((h for h in heads if out[-1].endswith(h) and len(out[-1]) > len(h)), None)
        if item in heads and head:
            out.append(out[-1][: -len(head)] + item)
        elif each and not _OWN_START.match(item) and "各" not in item and not _own_place(item):
            out.append(each.group(0) + item)
        elif org and not item.startswith(org.group(0)) and (
                item.startswith("各") or (_BRANCH_END.search(item) and "银行" not in item)):
            out.append(org.group(0) + item)
        else:
            out.append(item)
    return out


def _enumeration_to_recipients(run: list[str]) -> list[str]:
    """One 、-joined run: bare level words or place names share the head of the item after them."""
    vp = vocab_patterns()
    items: list[str] = []
    pending: list[str] = []
    for item in run:
        # 市政府各委、办、局 / 市直各委、办、局（公司）: one character (with its note) joins the list before
        if len(_BRACKETED.sub("", item)) == 1 and (items or pending):
            if pending:
                pending[-1] += "、" + item
            else:
                items[-1] += "、" + item
            continue
        if vp.recipient_level.fullmatch(item) or vp.recipient_place.fullmatch(item) or _kind_word(item):
            pending.append(item)
            continue
        items.extend(_resolve_pending(pending, item))
        pending = []
    return items + pending


def _kind_word(item: str) -> bool:
    """A kind of unit without its head ("勘察" of "各建设、勘察、设计、施工单位"): no body suffix."""
    return (bool(_KIND_WORD.fullmatch(item)) and not vocab_patterns().org_suffix.search(item)
            and not item.endswith(tuple(vocab()["recipient_bare_heads"])))


def _shared_kind_head(pending: list[str], item: str) -> list[str] | None:
    """"各建设、勘察、施工单位" -> 各建设单位, 各勘察单位, 各施工单位: kinds share the last item's
    head, and a leading 各 flows forward with it."""
    head = next((h for h in vocab()["recipient_bare_heads"] if item.endswith(h)), None)
    if head is None or not all(_kind_word(p) for p in pending) or not _kind_word(item[: -len(head)]):
        return None
    each = "各" if pending[0].startswith("各") else ""
    kinds = [p.removeprefix("各") for p in pending] + [item[: -len(head)].removeprefix("各")]
    return [f"{each}{k}{head}" for k in kinds]


def _resolve_pending(pending: list[str], item: str) -> list[str]:
    vp = vocab_patterns()
    if not pending:
        return [item]
    kinds = _shared_kind_head(pending, item)
    if kinds:
        return kinds
    if all(vp.recipient_level.fullmatch(p) for p in pending):
        return ["、".join([*pending, item])]
    m = vp.recipient_place_head.fullmatch(item)
    if m and all(vp.recipient_place.fullmatch(p) for p in pending):
        return [p + m.group("head") for p in pending] + [item]
    return [*pending, item]


# --------------------------------------------------------------------------- the 主送 line


def find_recipients(lines: list[Line], title: TitleHit | None, header_lines: int) -> list[str]:
    """The 主送 line right after the title: "市直各部门：" -> ["市直各部门"].

    When the line after the title is no 主送 line, the head of the text is searched once more
    for a line whose every item is a body ("各片区管理局，区直各单位：《…》已经…研究同意"): pages
    that print a labelled header or glue the 主送 line to the first sentence.
    """
    start = title.last + 1 if title is not None else 0
    candidates = lines[start : start + RECIPIENT_LOOKAHEAD] if title is not None else lines[:header_lines]
    for line in candidates:
        text = _wrapped_recipient_line(line.text, lines[line.index + 1].text if line.index + 1 < len(lines) else "")
        if (title is not None and text == title.text) or OWN_DOC_NUMBER_LINE.fullmatch(text) or text in ("（本文有删减）", "(本文有删减)"):
            continue
        if _STAMP_LINE.fullmatch(line.text):
            continue
        if RECIPIENT_LABEL.match(text) or (
            text.endswith(("：", ":")) and len(text) <= MAX_RECIPIENT_LINE
            and "。" not in text and outline_level(text) is None and "\t" not in text
            and not vocab_patterns().web_date_line.match(text) and not is_label_line(text)
            and not NOT_RECIPIENT_LINE.search(text)
        ):
            return split_recipients(text)
        if title is not None:
            break
    for line in lines[start : start + header_lines]:
        found = _glued_recipients(line.text)
        if found:
            return found
    return []


def _wrapped_recipient_line(text: str, nxt: str) -> str:
    """A 主送 line a PDF wrapped inside its last name ("…自治区政府各部门、各直属机" / "构：")
    joined with its tail; "…工作通知" / "如下：" is a sentence, and a line holding a title
    ("关于…《…》的通知") or a label ("来源：") is no 主送 line."""
    if (text.endswith(("：", ":")) or not nxt.endswith(("：", ":")) or len(nxt) > MAX_WRAPPED_RECIPIENT_TAIL
            or "如下" in nxt or not re.search(r"[，,、]", text) or re.search(r"[：:《]|关于", text)):
        return text
    return text + nxt


def _glued_recipients(text: str) -> list[str]:
    """Recipients before the first "：" of a line, when every item of them is a body."""
    head, sep, _ = text.partition("：")
    if (not sep or len(head) > MAX_RECIPIENT_LINE or "。" in head or is_label_line(text) or outline_level(head)
            or re.search(r"[〔【\[（(]", head) or ROLE_LABEL.search(head)):
        return []
    items = split_recipients(head)
    return items if items and all(RECIPIENT_ITEM_END.search(i) for i in items) else []
