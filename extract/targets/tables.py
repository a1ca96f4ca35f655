"""Targets written as rows of an indicator table ("主要指标" tables of five-year plans).

A plan often lists its aims as a table: an indicator column (指标 / 指标名称), a unit column
(单位), a baseline column (2020年现状值 / 基期值) and a target column (2025年目标值 / 2025年),
sometimes a property column (约束性 / 预期性). The header words are data
(``table_*_headers`` in ``target_markers.yaml``). Each later row whose target cell holds one
number gives one target: the indicator from the row's name cell (its unit note "（%）"
dropped), the value, any qualifier and direction from the cell ("≤50", "≥85", "60左右"), the
unit from the unit column (else from the note), the deadline from the target column's year,
the evidence from the name cell to the target cell. A cell that names no number ("完成省下达
指标", "—", "稳中向好") gives nothing; neither does a rubric (scoring tables have their own
reader) nor a row whose number the prose already states as a target (FORMAT v2: one target
per commitment; the prose sentence is the fuller evidence).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from ..language.patterns import qualifiers
from ..model import Cell, Document, Table, Target
from .frame import read_frames
from .vocab import markers, triggers

# How many rows from the top may hold the header (a title row may come first)
MAX_HEADER_ROW = 3
# A header label may add a few characters to its word ("2025年目标值（预期）")
MAX_LABEL_EXTRA = 10
# Longest evidence from the name cell to the target cell; a longer row quotes the name cell
MAX_ROW_EVIDENCE = 200
# A year in a header label: "2025年目标值" / "2025年" / "2020年现状值"
_YEAR = re.compile(r"(20\d{2})\s*年?")
# A unit note closing a name: "重污染天气比率（%）", "单位地区生产总值用水量(立方米/万元)"
_UNIT_NOTE = re.compile(r"[（(](?P<unit>[^（()）]{1,12})[）)]$")
# A target cell: an optional comparison before the number, an optional qualifier after it.
_VALUE = re.compile(r"^(?P<before>[^\d.]{0,4}?)(?P<value>\d+(?:\.\d+)?)(?P<unit>%|‰)?(?P<after>[^\d.]{0,3})$")
# A sub-row's opener and a row number: "其中：国控断面达到或优于Ⅲ类比例", "7.绿色出行比例（%）"
# (a PDF may set the number after its dot: "．16低碳示范试点数量")
_SUB_ROW = re.compile(r"^(?:其中[:：]?|\d{1,2}[.．、](?!\d)|[.．]\d{1,2}(?=[\u4e00-\u9fff]))")
# Footnote marks closing a name: "森林覆盖率（%）#", "入海排污口整治完成率（%）①", a note's
# number after the unit note ("…Ⅲ类水体比例（%）2"), and a row number a PDF set after it
# ("森林覆盖率18.(%)")
_MARKS = re.compile(r"(?:[#*＊※\u2460-\u2473]|\d{1,2}[.．]|(?<=[）)])\d)+$")
# A five-year cumulative figure is written in brackets ("[10]", "［19075］": "[ ]内为五年累计数",
# b346, b417, b456, b468), and a footnote mark may stand before a cell's value ("#>73")
_CUMULATIVE = re.compile(r"^[\[［【](?P<inner>[^\]］】]{1,12})[\]］】]$")
_CELL_MARKS = re.compile(r"^[#*＊※]+|[#*＊※]+$")
_ASCII_BOUNDS = str.maketrans({">": "＞", "<": "＜"})
# A change word closing an indicator's name: the direction of a bare figure
# ("单位地区生产总值能源消耗降低（%） | [12]" decreases 12%, "…排放总量减少（吨） | [1446]")
_NAME_CHANGE = re.compile(r"(?:降低|下降|减少|削减|提高|提升|增加|增长)$")
# The share of the shorter indicator name that one run shared with the longer must cover for
# a row to repeat a prose target
SAME_INDICATOR_SHARE = 0.6


def table_targets(doc: Document, prose: list[Target]) -> list[Target]:
    """The targets of every indicator table of ``doc`` that the prose does not already state."""
    out: list[Target] = []
    for row in _indicator_rows(doc):
        target = _row_target(doc.text, row.name_cell, row.unit_cell, row.cell, row.year)
        if target is None:
            continue
        target.deadline = row.year
        target.period = row.period
        if not any(_same_aim(target, other) for other in prose):
            out.append(target)
    return out


@dataclass(frozen=True, slots=True)
class GoalRow:
    """A row of an indicator table whose target cell names a goal in words, no figure:
    "单位地区生产总值二氧化碳排放降低（%） | 18 | 完成省定目标", "生态保护红线面积 | — | 不降低"."""

    indicator: str
    goal: str  # the target cell's words
    due: str | None  # the target column's year, else the section's
    evidence: str
    span: tuple[int, int]


def table_goal_rows(doc: Document) -> list[GoalRow]:
    """Rows of indicator tables that set a dated goal in words (FORMAT v2: "a dated task
    written inside a table cell is a deadline like any other"): the deadlines read them."""
    words = markers()["table_goal_words"]
    out = []
    for row in _indicator_rows(doc):
        goal = _clean(row.cell.text)
        if not row.year or _VALUE.match(_CELL_MARKS.sub("", goal)) or not any(w in goal for w in words):
            continue
        name = _SUB_ROW.sub("", _MARKS.sub("", _clean(row.name_cell.text)))
        name = name[:note.start()] if (note := _UNIT_NOTE.search(name)) else name
        if not re.match(r"[\u4e00-\u9fffA-Za-z]", name):
            continue
        start, end = row.name_cell.span[0], row.cell.span[1]
        span = (start, end) if 0 < end - start <= MAX_ROW_EVIDENCE else row.cell.span
        out.append(GoalRow(name, goal, row.year, doc.text[span[0]:span[1]], span))
    return out


@dataclass(frozen=True, slots=True)
class _Row:
    name_cell: Cell
    unit_cell: Cell | None
    cell: Cell  # the target column's
    year: str | None  # the target column's year, else the section's deadline
    period: str | None


def _indicator_rows(doc: Document) -> list[_Row]:
    """The data rows of every indicator table of ``doc`` set in the plan's future (a review
    section's results, an application notice's conditions and a past plan's rows are left out)."""
    read: list[tuple[Table, list[list[Cell | None]], _Header]] = []
    previous: tuple[Table, _Header] | None = None
    for table in (t for t in doc.tables if t.span is not None):
        grid = table.grid()
        header = _header(grid) or _continued_header(doc.text, table, previous)
        previous = (table, header) if header is not None else None
        if header is not None:
            read.append((table, grid, header))
    if not read:
        return []  # no indicator table: the frames are not read (rubrics, task tables)
    date = doc.metadata.issue_date or ""
    issue_year = int(date[:4]) if date[:4].isdigit() else None
    frames = read_frames(doc.text, doc.metadata.title, issue_year)
    now = issue_year or frames.plan_year  # "“十四五”…规划" with no date: 2021
    out: list[_Row] = []
    for table, grid, header in read:
        frame = frames.at(table.span[0])
        if frame.past or frames.application:
            continue  # a review section's results, an application notice's conditions
        header_row, name_cols, unit_col, target_col, year = header
        year = year or frame.deadline
        if year and now and int(year[:4]) < now:
            continue  # a past plan's aims, reported on ("2015年 | 2020年" in a 十四五 plan)
        for row in grid[header_row + 1:]:
            cell = row[target_col]
            name_cell = next((row[k] for k in reversed(name_cols) if row[k] is not None and _clean(row[k].text)), None)
            if cell is None or name_cell is None or cell is name_cell or cell.span is None or name_cell.span is None:
                continue
            unit_cell = row[unit_col] if unit_col is not None else None
            out.append(_Row(name_cell, unit_cell, cell, year, frame.period))
    return out


# (header row, name columns, unit column, target column, target year); a continued table's
# header row is -1 (its first row is data)
_Header = tuple[int, list[int], int | None, int, str | None]
# Most characters of page furniture (a page number, a running head) between a table and its
# continuation on the next page
MAX_CONTINUATION_GAP = 40


def _continued_header(text: str, table: Table, previous: tuple[Table, _Header] | None) -> _Header | None:
    """The header of the indicator table that ``table`` continues: a table with no header of
    its own, as many columns, right after it (a page break cut it; its header is not repeated)."""
    if previous is None or previous[0].span is None or table.span is None:
        return None
    before, header = previous
    gap = text[before.span[1]:table.span[0]]
    if before.n_cols != table.n_cols or len(gap.strip()) > MAX_CONTINUATION_GAP or re.search("[。；，,]", gap):
        return None  # prose between the tables: a table of its own
    _, name_cols, unit_col, target_col, year = header
    return -1, name_cols, unit_col, target_col, year


def _header(grid: list[list[Cell | None]]) -> _Header | None:
    """(header row, name columns, unit column, target column, target year), or None."""
    words = markers()
    for r, row in enumerate(grid[:MAX_HEADER_ROW]):
        labels = [_clean(c.text) if c is not None else "" for c in row]
        if any(w in label for label in labels for w in words["table_rubric_headers"]):
            return None  # a rubric: scoring tables are read by extract.scoring
        if any(w in label for label in labels for w in words["table_result_headers"]):
            return None  # "2020年目标 | 2020年实现 | 完成情况": results of a past plan
        target_col = _column(labels, words["table_target_headers"], last=True)
        name_col = _column(labels, words["table_name_headers"])
        if target_col is None or name_col is None or name_col >= target_col:
            continue
        unit_col = _column(labels, words["table_unit_headers"])
        # the name column and the unlabelled columns merged under its header ("指标名称 | | 单位")
        name_cols = [k for k in range(name_col, target_col)
                     if k == name_col or (not labels[k] and k != unit_col) or row[k] is row[name_col]]
        year = _YEAR.search(labels[target_col])
        return r, sorted(set(name_cols)), unit_col, target_col, year.group(1) if year else None
    return None


def _column(labels: list[str], words: tuple[str, ...], *, last: bool = False) -> int | None:
    """The first (or ``last``) column whose label matches one of ``words``, in the words'
    order: the target column is the rightmost year ("2020年 | 2025年")."""
    for word in words:
        hits = [k for k, label in enumerate(labels) if label and re.search(word, label)
                and len(label) <= len(word) + MAX_LABEL_EXTRA]
        if hits:
            return hits[-1] if last else hits[0]
    return None


def _row_target(text: str, name_cell: Cell, unit_cell: Cell | None, cell: Cell, year: str | None) -> Target | None:
    value_text = _CELL_MARKS.sub("", _clean(cell.text))
    value_text = m.group("inner") if (m := _CUMULATIVE.match(value_text)) else value_text
    m = _VALUE.match(value_text)
    if m is None:
        return None
    direction, qualifier = _direction(m.group("before"), m.group("after"))
    if direction is None:
        return None
    name = _MARKS.sub("", _clean(name_cell.text))
    note = _UNIT_NOTE.search(name)
    unit = m.group("unit") or (_clean(unit_cell.text) if unit_cell is not None and unit_cell is not name_cell else "")
    if note:
        name = name[:note.start()]
        unit = unit or note.group("unit")
    name = _SUB_ROW.sub("", name)
    change = _NAME_CHANGE.search(name)
    if change and not m.group("before") and (trigger := triggers().get(change.group(0))) is not None:
        # "氮氧化物排放量减少（%） | [10]": the name says which way the figure goes
        name, direction = name[:change.start()], trigger.direction
    if not re.match(r"[\u4e00-\u9fffA-Za-z]", name):
        return None  # a row of layout debris ("%*国省控断面…4.(、)V()")
    unit = unit if unit and unit not in {"—", "-", "/"} else None
    start, end = name_cell.span[0], cell.span[1]
    span = (start, end) if 0 < end - start <= MAX_ROW_EVIDENCE else name_cell.span
    return Target(indicator=name, value=float(m.group("value")), unit=unit, direction=direction,
                  qualifier=qualifier, deadline=year, evidence=text[span[0]:span[1]], span=span)


def _direction(before: str, after: str) -> tuple[str | None, str | None]:
    """(direction, qualifier) of a target cell's words: "≤" caps, "≥" / "不低于" floor, "以上"
    reaches at least, "左右" about; a bare number is a level to reach; other words no target."""
    direction, qualifier = "reach", None
    before = before.translate(_ASCII_BOUNDS)  # "#>73" (b468): in a cell, not markup as "</p><p>2" in prose
    if before:
        trigger = triggers().get(before)
        if trigger is None:
            return None, None
        direction, qualifier = trigger.direction, trigger.qualifier
    if after:
        q = next((q for q in qualifiers() if q.word == after and q.position == "after"), None)
        if q is None:
            return None, None
        qualifier = qualifier or q.qualifier
    return direction, qualifier


def _same_aim(row: Target, prose: Target) -> bool:
    """The row states a target the prose already states: same value and unit, and one name
    sharing a run of most of the other's characters ("优良天数比例" / "环境空气质量优良天数比例",
    but not "集中式饮用水源地达标率" / "集中式饮用水水源水质达到或优于Ⅲ类比例")."""
    if row.value != prose.value or (row.unit or "") != (prose.unit or ""):
        return False
    a, b = sorted((row.indicator, prose.indicator), key=len)
    run = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b)).size
    return bool(a) and run / len(a) >= SAME_INDICATOR_SHARE


def _clean(value: str) -> str:
    return re.sub(r"\s+", "", value)
