"""Transposed summaries: item labels in one row, their points in the row below.

    1基础团务 | 2配合团委活动 | … | 9团员奖惩 | 共计
    15        | 10            | … | 10        | 100
    1（满分15分） | 团费收缴、…每项根据表现按梯度分别赋分1.5、2、2.5、3分…

Each label over a number is an item with those points; a total word (共计/合计/总分) over a
number is the table's total.  Rows below whose first cell names an item by its number or its
label ("1（满分15分）", "基础团务") hold that item's criteria.

Such a layout is also how allocation and statistics tables look ("甲县 | 乙县 | 合计" over
"10 | 20 | 30"), so it is read as a rubric only when the table says it scores (a scoring word
in its title or top rows) AND the numbers hold together (they add up to the stated total, or
the detail rows state the same 满分).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Cell
from . import points as P

# Labels a summary row needs before it is taken for one (two could be any pair of cells).
MIN_LABELS = 3
# The summary rows are looked for among the first rows only (title rows above them).
MAX_TOP_ROWS = 5
# A label longer than this is a sentence, not an item name.
MAX_LABEL_CHARS = 20
# "1基础团务": a bare leading number, stripped when every label is numbered in order.
_NUMBERED = re.compile(r"^\s*(\d{1,2})[.、．]?\s*(?=[\u4e00-\u9fff“])")
# "1（满分15分）" / "1.（15分）" / "基础团务（满分15分）": a detail row's first cell
_DETAIL = re.compile(r"^\s*(\d{1,2})?[.、．]?\s*([^（(]{0,20}?)\s*[（(]\s*(?:满分|共)?\s*(\d+(?:\.\d+)?)\s*分\s*[）)]\s*$")

Grid = list[list[Cell | None]]


@dataclass(slots=True)
class SummaryItem:
    """One item of a transposed summary: label, points and the cells holding its criteria."""

    name: str
    points: float
    cell: Cell
    criteria_cells: list[Cell] = field(default_factory=list)


@dataclass(slots=True)
class Summary:
    items: list[SummaryItem]
    total: float | None


def _distinct(row: list[Cell | None]) -> list[Cell]:
    seen: list[Cell] = []
    for c in row:
        if c is not None and c.text.strip() and not any(c is s for s in seen):
            seen.append(c)
    return seen


def read_summary(grid: Grid, title: str | None, vocab: dict) -> Summary | None:
    """The transposed summary of ``grid``, or None when the table is not one."""
    for r in range(min(MAX_TOP_ROWS, len(grid) - 1)):
        pairs = _pairs(grid[r], grid[r + 1])
        if pairs is None:
            continue
        total_words = vocab["total_words"]
        total = next((v for c, v in pairs if c.text.strip() in total_words), None)
        labelled = [(c, v) for c, v in pairs if c.text.strip() not in total_words]
        if len(labelled) < MIN_LABELS:
            return None
        names = _names([c.text for c, _ in labelled])
        items = [SummaryItem(name=n, points=v, cell=c) for n, (c, v) in zip(names, labelled)]
        detailed = _attach_details(items, grid[r + 2 :])
        top_text = "".join(c.text for row in grid[: r + 1] for c in _distinct(row)) + (title or "")
        says_scoring = any(w in top_text for w in vocab["scoring_words"])
        adds_up = total is not None and abs(sum(i.points for i in items) - total) < 1e-6
        if says_scoring and (adds_up or detailed):
            return Summary(items=items, total=total)
        return None
    return None


def _pairs(labels: list[Cell | None], numbers: list[Cell | None]) -> list[tuple[Cell, float]] | None:
    """(label cell, number) for each column where a short label sits over a number."""
    out: list[tuple[Cell, float]] = []
    for lab, num in zip(labels, numbers, strict=False):
        if lab is None or num is None or not lab.text.strip() or lab is num:
            continue
        if any(lab is x for x, _ in out):
            return None  # a label spanning two numbers: not a one-to-one summary
        value = P.number(num.text)
        text = lab.text.strip()
        if value is None or len(text) > MAX_LABEL_CHARS or P.number(text) is not None:
            return None
        out.append((lab, value))
    return out if len(out) >= MIN_LABELS else None


def _names(texts: list[str]) -> list[str]:
    """Labels without their running number ("1基础团务" -> "基础团务") when all are numbered 1, 2, …"""
    nums = [_NUMBERED.match(t) for t in texts]
    if all(nums) and [int(m.group(1)) for m in nums if m] == list(range(1, len(texts) + 1)):
        texts = [t[m.end() :] for t, m in zip(texts, nums) if m]
    return [P.clean_name(t) for t in texts]


def _attach_details(items: list[SummaryItem], rows: Grid) -> bool:
    """Give each item the text cells of the row that names it; True when a 满分 agrees."""
    agreed = False
    for row in rows:
        cells = _distinct(row)
        if len(cells) < 2:
            continue
        m = _DETAIL.match(cells[0].text)
        if m is None:
            continue
        number, name, full = m.group(1), P.clean_name(m.group(2) or ""), float(m.group(3))
        item = None
        if number and 1 <= int(number) <= len(items):
            item = items[int(number) - 1]
        elif name:
            item = next((i for i in items if i.name == name), None)
        if item is None:
            continue
        item.criteria_cells = [cells[1]]
        agreed = agreed or abs(full - item.points) < 1e-6
    return agreed
