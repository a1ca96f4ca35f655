"""Where a rubric does not add up: the checks behind ``ScoringTable.inconsistencies``.

Each message names the path ("节能措施>节能基础管理工作") and both numbers, e.g.
"推行绿色办公: category says 25, items sum to 33".
"""

from __future__ import annotations

import re
from typing import Any

from ..model import Criterion, ScoringItem, ScoringTable
from . import points as P

# Sums are compared with this tolerance (0.5-point criteria add up in binary floats).
EPSILON = 1e-6
# A weighted level (权重) scores its sub-categories on a scale of this many points.
OWN_SCALE = 100.0
# Characters of a criterion's text quoted in a message.
QUOTE_CHARS = 24

_TITLE = re.compile(r"《[^《》]{2,30}》")


def fmt(v: float | None) -> str:
    if v is None:
        return "?"
    return str(int(v)) if float(v).is_integer() else f"{v:g}"


def _eq(a: float, b: float) -> bool:
    return abs(a - b) < EPSILON


def check_table(table: ScoringTable, *, categories_stated: list[dict[str, Any]]) -> list[str]:
    out: list[str] = []
    for item in table.items:
        out.extend(check_item(item))
    out.extend(_check_categories(table, categories_stated))
    return out


def check_item(item: ScoringItem) -> list[str]:
    """Criteria vs the item's points, methods vs their row, one performance scored twice."""
    out: list[str] = []
    path = ">".join(item.path)
    pts = item.points
    crit = [c for c in item.criteria if c.points is not None]
    base = [c.points for c in crit if c.kind is None and c.points >= 0]
    bonus = sum(c.points for c in crit if c.kind == "bonus")
    if pts is not None and base and not any(c.kind for c in crit):
        total, top = sum(base), max(base)
        if top > pts + EPSILON:
            c = next(c for c in crit if c.points == top)
            out.append(f"{path}>{_quote(c)}: criterion promises {fmt(top)} > item's {fmt(pts)}")
        elif bonus and _eq(total, pts):
            out.append(f"{path}: item says {fmt(pts)}, criteria reach it and add 附加{fmt(bonus)}分, "
                       f"so up to {fmt(pts + bonus)} > {fmt(pts)}")
        elif not (_eq(total, pts) or _eq(top + bonus, pts) or _eq(total + bonus, pts)):
            out.append(f"{path}: item says {fmt(pts)}, criteria sum to {fmt(total + bonus)}")
    elif pts is not None and bonus:  # bonus rows under a limit: 最高上限30分 … 国际证照加40分/人
        top_bonus = max((c for c in crit if c.kind == "bonus"), key=lambda c: c.points)
        if top_bonus.points > pts + EPSILON:
            out.append(f"{path}>{_quote(top_bonus)}: criterion promises {fmt(top_bonus.points)} "
                       f"> item's {fmt(pts)}")
    for c in item.criteria:
        if c.method and c.points is not None:
            out.extend(_check_method(path, c))
    out.extend(_double_scoring(path, item.criteria))
    return out


def _quote(c: Criterion) -> str:
    return c.text if len(c.text) <= QUOTE_CHARS else c.text[:QUOTE_CHARS] + "…"


def _check_method(path: str, c: Criterion) -> list[str]:
    assert c.method is not None and c.points is not None
    best, bonus = P.max_promise(c.method)
    cap = P.has_cap(c.method)
    capped = cap is not None and cap <= c.points + EPSILON
    where = f"{path}>{_quote(c)}"
    if best is not None and best > c.points + EPSILON and not capped:
        return [f"{where}: row says {fmt(c.points)}, method promises {fmt(best)} "
                f"({fmt(best)} > {fmt(c.points)})"]
    if bonus and not capped:
        return [f"{where}: row says {fmt(c.points)}, method adds 附加{fmt(bonus)}分, "
                f"so up to {fmt(c.points + bonus)} > {fmt(c.points)}"]
    return []


def _double_scoring(path: str, criteria: list[Criterion]) -> list[str]:
    """A method clause scoring a 《document》 that a sibling criterion is about."""
    out: list[str] = []
    for a in criteria:
        if not a.method:
            continue
        for clause in P.scored_clauses(a.method):
            if not clause.points:
                continue
            for title in set(_TITLE.findall(a.method[clause.start : clause.end])):
                if title in a.text:
                    continue
                for b in criteria:
                    if b is not a and title in b.text:
                        out.append(
                            f"{path}>{_quote(a)}: {fmt(clause.points)} of its {fmt(a.points)} points "
                            f"are for {title}, which {_quote(b)} scores again "
                            f"(up to {fmt(b.points)}): the same performance is counted twice")
    return out


def _check_categories(table: ScoringTable, stated: list[dict[str, Any]]) -> list[str]:
    out: list[str] = []
    items = table.items
    for cat in stated:
        if cat.get("points") is None:
            continue
        prefix = cat["path"]
        if cat.get("weight"):  # 权重 50 over 二级 points that add up to 100 on their own scale
            out.extend(_check_own_scale(cat, stated))
            continue
        under = [i.points for i in items if i.path[: len(prefix)] == prefix]
        if not under or any(p is None for p in under):
            continue
        s = sum(under)
        if not _eq(s, cat["points"]):
            out.append(f"{'>'.join(prefix)}: category says {fmt(cat['points'])}, items sum to {fmt(s)}")
    total = table.total_points
    if total is None:
        return out
    top = [c for c in stated if len(c["path"]) == 1]
    if top and all(c.get("points") is not None for c in top):
        cs = sum(c["points"] for c in top)
        if not _eq(cs, total):
            out.append(f"table: total says {fmt(total)}, categories sum to {fmt(cs)}")
    values = [i.points for i in items]
    if any(c.get("weight") for c in stated):
        return out  # items count on their category's own scale, not on the table's
    if values and all(v is not None for v in values):
        s = sum(values)
        if s < total - EPSILON and _last_category_short(table, stated):
            out.append(f"table ends before its stated totals are reached: total says {fmt(total)}, "
                       f"items sum to {fmt(s)}")
        elif not _eq(s, total):
            out.append(f"table: total says {fmt(total)}, items sum to {fmt(s)}")
    return out


def _check_own_scale(cat: dict[str, Any], stated: list[dict[str, Any]]) -> list[str]:
    """The sub-categories of a weighted category add up to 100 (权重 is a share, not points)."""
    prefix = cat["path"]
    children = [c for c in stated if len(c["path"]) == len(prefix) + 1 and c["path"][: len(prefix)] == prefix]
    if not children or any(c.get("points") is None for c in children):
        return []
    s = sum(c["points"] for c in children)
    if _eq(s, OWN_SCALE):
        return []
    return [f"{'>'.join(prefix)}: weight {fmt(cat['points'])} is over its own scale of {fmt(OWN_SCALE)}, "
            f"sub-categories sum to {fmt(s)}"]


def _last_category_short(table: ScoringTable, stated: list[dict[str, Any]]) -> bool:
    if not stated or not table.items:
        return True
    last = table.items[-1].path[:1]
    cat = next((c for c in stated if c["path"] == last), None)
    if cat is None or cat.get("points") is None:
        return False
    s = sum(i.points or 0 for i in table.items if i.path[:1] == last)
    return s < cat["points"] - EPSILON
