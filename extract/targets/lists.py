"""Lists inside an indicator: one number shared by several items, or one per item.

"化学需氧量、氨氮…排放总量…分别下降8%、8%…" gives one indicator per number; "化肥、农药利用率均达到
43%" one per item with the same number; and every indicator's brackets and quotes are kept
balanced at its edges (:func:`balanced`).
"""

from __future__ import annotations

from .vocab import indicator_heads, markers, region_item_regex

# A bare noun before 和 / 、 shares the last item's head: "化肥、农药利用率均达到43%"
MAX_BARE_ITEM = 3
BRACKET_PAIRS = {"（": "）", "(": ")", "“": "”", "‘": "’", "《": "》", "[": "]", "【": "】"}  # kept balanced at edges
QUOTES = "“”‘’"
# Shortest shared tail after a bracketed last item: "出租汽车（含网约车）新能源汽车".
MIN_SHARED_TAIL = 2
# The ends of a rate that bare nouns before it share ("污水和垃圾收集处置率"); a count or a capacity
# is no shared head ("新建200家国家和省级绿色工厂")
RATE_ENDINGS = ("率", "比例", "比重")
# What follows 及 when it closes a bound, not a list: "重度及以上污染天数比率"
BOUND_WORDS = ("以上", "以下", "以内")
# An indicator shorter than this is a fragment ("上" of a line-broken "原则\n上控制在…").
MIN_INDICATOR = 2


def balanced(s: str) -> str:
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


def distribute(indicator: str, n: int, shared: bool, trailing: str,
                percent: bool = False) -> list[tuple[str | None, str]]:
    """One (scope, indicator) per number: "化学需氧量、氨氮…排放总量…分别" -> 化学需氧量排放总量, …

    A list of regions ("京津冀及周边地区、长三角地区煤炭消费量分别下降10%、5%") names the
    scopes; the indicator is the head after the last region (煤炭消费量) for all of them.
    """
    items = _list_items(indicator)
    if n == 1 and not shared and len(items) > 1 and "等" not in indicator:
        shared = all(i.endswith(tuple(markers()["measure_endings"])) for i in items)  # "联络率、转供率100%"
    if (n > 1 and len(items) != n) or (n == 1 and shared and len(items) == 1):  # "能源消耗和二氧化碳排放分别下降14%、19.5%"
        items = _list_items(indicator, joiners="、和及与")
    if (n > 1 and len(items) == n) or (n == 1 and len(items) > 1 and shared):
        regions = _region_list(items)
        if regions:
            return [(scope, f"{head}{trailing}") for scope, head in regions]
        tailed = _share_tail(items, percent)
        items = tailed if tailed != items else _share_head(items)
        return [(None, balanced(f"{i}{trailing}")) for i in items]
    return [(None, f"{indicator}{trailing}")] * n


def _bare_items(items: list[str]) -> bool:
    """"污水" / "垃圾收集处置率": bare nouns before a last item that measures ends in 率 / 比例."""
    return (len(items) > 1 and all(len(i) <= MAX_BARE_ITEM for i in items[:-1])
            and items[-1].endswith(RATE_ENDINGS)
            and len(items[-1]) - len(items[0]) >= MIN_SHARED_TAIL)


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
    """Split at 、 outside brackets and quotes ("各县（市、区）" stays whole); 及 of 及以上 / 及以下
    joins no items ("重度及以上污染天数比率", "地级及以上城市")."""
    items, depth, current = [], 0, []
    for i, ch in enumerate(indicator):
        if ch in "（(《“[":
            depth += 1
        elif ch in "）)》”]":
            depth = max(0, depth - 1)
        if ch in joiners and depth == 0 and not indicator.startswith(BOUND_WORDS, i + 1):
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
    if _bare_items(items) and all(len(i) == 1 for i in items[:-1]):
        head = last[1:]  # "大、中、小型绿色矿山建设率": one-character sizes share all after the last one's
    if head is None:
        return items
    if "等" in last:  # "挥发性有机物等主要污染物重点工程减排量": the 等-phrase is the category
        last = last[:last.index("等")] + head
    own = tuple(indicator_heads())
    return [last if i is items[-1] else i if i.endswith(own) else f"{i}{head}" for i in items]
