"""Dated tasks written inside table cells (FORMAT v2: "a dated task written inside a table
cell is a deadline like any other").

A task table names its columns in a header row: a time column (完成时限 / 时间节点 / …), a
task column (重点任务 / 工作内容 / …) and, often, a responsible column (牵头单位 / 责任单位 /
…); the header words are data (``table_*_headers`` in ``deadline_rules.yaml``). Each later
row whose time cell holds a date gives one deadline per date: the task from the task cell,
``responsible`` from the responsible cells of the same row, the evidence from the task cell
to the time cell. A time cell without a date ("长期坚持", "持续推进") gives nothing; a cycle
("每季度", "每年6月底前") gives a recurring deadline. Scoring and indicator tables have no
time column and are left to their own readers.
"""

from __future__ import annotations

import re

from ..language.dates import DateMatch, find_due_dates
from ..model import Cell, Deadline, Document, Table
from ..targets import table_goal_rows
from .base import DUE_AFTER, Context, date_text
from .vocab import deadline_rules, recurrence_rules
from .wording import task_of
from .years import carried_due, due_in_sentence

# How many rows from the top may hold the header (a title row may come first)
MAX_HEADER_ROW = 3
# Longest evidence that spans from the task cell to the time cell; a longer row quotes the
# task cell alone
MAX_ROW_EVIDENCE = 300
# Names in one responsible cell: "市发展改革委、市统计局" / "市住建局，各区县政府"
_NAME_SEPARATOR = re.compile(r"[、，,；;\s]+")


def table_deadlines(doc: Document, ctx: Context) -> list[Deadline]:
    """The deadlines of every task table of ``doc``, and the goals in words of its indicator
    tables ("单位地区生产总值能源消耗降低（%） | 约束性 | 完成省下达目标" under "2025年目标值")."""
    out: list[Deadline] = []
    for table in doc.tables:
        out.extend(_table_deadlines(doc.text, table, ctx))
    out.extend(Deadline(task=f"{row.indicator}{row.goal}", due=row.due, recurrence=None, recurrence_detail=None,
                        responsible=[], evidence=row.evidence, span=row.span)
               for row in table_goal_rows(doc))
    return out


def _table_deadlines(text: str, table: Table, ctx: Context) -> list[Deadline]:
    grid = table.grid()
    found = _header(grid)
    if found is None:
        return []
    header_row, time_col, task_col, responsible_cols = found
    out = []
    for row in grid[header_row + 1:]:
        time_cell, task_cell = row[time_col], row[task_col]
        if time_cell is None or task_cell is None or time_cell is task_cell or not task_cell.text.strip():
            continue
        names = _names(row, responsible_cols)
        for due, recurrence, detail in _row_dates(time_cell.text, ctx):
            span = _evidence_span(text, task_cell, time_cell)
            evidence = text[span[0]:span[1]] if span else task_cell.text
            out.append(Deadline(
                task=task_of(_clean(task_cell.text), names), due=due, recurrence=recurrence,
                recurrence_detail=detail, responsible=names, evidence=evidence,
                span=span or (0, 0),
            ))
    return [d for d in out if d.span != (0, 0)]


def _header(grid: list[list[Cell | None]]) -> tuple[int, int, int, list[int]] | None:
    """(header row, time column, task column, responsible columns), or None without a time column."""
    rules = deadline_rules()
    for r, row in enumerate(grid[:MAX_HEADER_ROW]):
        labels = [_clean(c.text) if c is not None else "" for c in row]
        time_col = _column(labels, rules["table_time_headers"])
        if time_col is None:
            continue
        responsible = [k for k, label in enumerate(labels)
                       if any(w in label for w in rules["table_responsible_headers"])]
        task_col = _column(labels, rules["table_task_headers"], skip={time_col, *responsible})
        if task_col is None:
            task_col = _widest(grid[r + 1:], skip={time_col, *responsible})
        if task_col is None:
            continue
        return r, time_col, task_col, responsible
    return None


def _column(labels: list[str], words: list[str], skip: set[int] | frozenset[int] = frozenset()) -> int | None:
    """The first column whose label holds one of ``words`` (in the words' order)."""
    for word in words:
        for k, label in enumerate(labels):
            if k not in skip and word in label and len(label) <= len(word) + MAX_LABEL_EXTRA:
                return k
    return None


# A header label may add a few characters to its word ("完成时限（年月）", "主要工作任务")
MAX_LABEL_EXTRA = 8


def _widest(rows: list[list[Cell | None]], skip: set[int]) -> int | None:
    """The column with the most text: the task, when no header names it."""
    widths: dict[int, int] = {}
    for row in rows:
        for k, cell in enumerate(row):
            if k not in skip and cell is not None:
                widths[k] = widths.get(k, 0) + len(cell.text)
    return max(widths, key=lambda k: widths[k]) if widths else None


def _row_dates(cell_text: str, ctx: Context) -> list[tuple[str | None, str | None, str | None]]:
    """(due, recurrence, detail) for each date of a time cell ("2022年6月底前", "每季度")."""
    value = _clean(cell_text)
    for pattern, recurrence, _verbs in recurrence_rules():
        m = pattern.search(value)
        if m:
            return [(None, recurrence, value)]
    dates = [d for d in find_due_dates(value) if d.year is not None or d.month is not None]
    out = []
    for d in dates:
        if d.year is None and d.month is None:
            continue
        if d.month is None and d.part is None and not DUE_AFTER.match(value[d.end:]):
            if _later_date_in_range(value, d, dates):
                continue  # "2022年—2023年": the range's end is the due date
        due = due_in_sentence(d, dates) or carried_due(d, ctx.anchor, ctx.doc_date)
        out.append((due, None, None if due else date_text(value, d)))
    return _ends_of_ranges(value, dates, out)


def _later_date_in_range(value: str, d: DateMatch, dates: list[DateMatch]) -> bool:
    later = [x for x in dates if x.start > d.end]
    return bool(later) and re.match(r"^\s*(?:至|到|~|～|—{1,2}|－|-)\s*$", value[d.end:later[0].start]) is not None


def _ends_of_ranges(value: str, dates: list[DateMatch], out: list) -> list:
    """A range ("2022年3月—2022年12月") is one deadline, due at its end."""
    if len(dates) == 2 and re.match(r"^\s*(?:至|到|~|～|—{1,2}|－|-)\s*$", value[dates[0].end:dates[1].start]):
        return out[-1:]
    return out


def _names(row: list[Cell | None], columns: list[int]) -> list[str]:
    seen: list[str] = []
    for k in columns:
        cell = row[k]
        if cell is None:
            continue
        for name in _NAME_SEPARATOR.split(_clean(cell.text)):
            if len(name) >= 2 and name not in seen:
                seen.append(name)
    return seen


def _evidence_span(text: str, task: Cell, time: Cell) -> tuple[int, int] | None:
    """From the task cell to the time cell (both verbatim in the text), else the task cell."""
    if task.span is None:
        return None
    if time.span is not None:
        start, end = min(task.span[0], time.span[0]), max(task.span[1], time.span[1])
        if end - start <= MAX_ROW_EVIDENCE:
            return start, end
    return task.span


def _clean(value: str) -> str:
    return re.sub(r"\s+", "", value)
