"""Responsible bodies carried by table structure: a column that assigns its row (FORMAT v2).

A table whose header names the responsible or assessing unit (牵头单位 / 责任单位 / 审核单位 /
考核部门…, role_triggers.yaml ``role_labels``) gives the bodies of that column's cells the
label's role for their row.  A column WITHOUT such a header assigns its rows too when it
stands right of the row's description, most descriptions award points (a rubric), and every
one of its cells in the described rows names nothing but bodies ("团费收缴…赋分1.5、2、2.5、3分" | "主席团 组织部 团总支 秘书部"):
implement.

A cell may hold several bodies run together, each with the verb of what it does
("教务处认定", "老师提供资料系（所）、中心认定"): the cell is cut at those verbs
(role_triggers.yaml ``column_verbs``) and each piece read as a list.  Where the source
separated names only by spaces or line breaks (an HTML cell "主席团 组织部 团总支"), the
raw cell gives the cuts that normalization removed.  Under a column that assigns, a name the
gazetteer does not know still counts when it ends like a unit (``column_name_endings``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..language.data import load_yaml
from ..model import Cell, Document, Span, Table
from .fields import has_verb, is_item, label_roles, split_top
from .names import qualify

# Header rows are looked for among the first rows only (a title row, two header levels).
MAX_HEADER_ROWS = 3
# A row is described when one of its cells (left of the column) is at least this long.
MIN_DESCRIPTION_CHARS = 25
# An unheaded column assigns its rows only when it names bodies in at least this many rows.
MIN_UNHEADED_ROWS = 2
# A name the gazetteer does not know is at most this long (a run of several is longer).
MAX_COLUMN_NAME_CHARS = 12
MAX_TASK_CHARS = 120
# A name under a column that assigns: Chinese characters, brackets and "/" (相关部门/社团).
COLUMN_NAME = re.compile(rf"[\u4e00-\u9fff（）()/]{{2,{MAX_COLUMN_NAME_CHARS}}}")
# Words before the bodies of a piece: 由教务处 / 经校教评会 / 依教务处、相关会议纪录.
PIECE_OPENERS = re.compile(r"^(?:并|再)?(?:由|经|依|报)")
# Points in a row's description ("赋分1.5、2、2.5、3分", "+1分/次", "扣2分"): the rows are a rubric's.
POINTS = re.compile(r"\d\s*分")
TRAILING_BRACKET = re.compile(r"[（(][^（）()]*[）)]$")

# (department, role, task, evidence span)
ColumnRecord = tuple[str, str, str, Span]


def column_assignments(doc: Document) -> list[ColumnRecord]:
    """Every body a table column assigns to its row, with the row's task and the cell's span."""
    out: list[ColumnRecord] = []
    for table in doc.tables:
        try:
            out.extend(_table(doc, table))
        except (IndexError, ValueError):  # a malformed grid assigns nothing
            continue
    return out


def _table(doc: Document, table: Table) -> list[ColumnRecord]:
    grid = table.grid()
    if not grid:
        return []
    headed = _headed_columns(grid)
    out: list[ColumnRecord] = []
    for col in range(table.n_cols):
        role = headed.get(col)
        if role is None and _other_body_header(grid, col):
            continue  # 承担单位 / 归口管理单位: bodies of a role no label gives
        rows = _column_rows(doc, grid, col, header=role is not None)
        if role is None:
            if len(rows) < MIN_UNHEADED_ROWS or any(not names for _, names, _ in rows):
                continue
            if sum(bool(POINTS.search(task)) for _, _, task in rows) * 2 < len(rows):
                continue  # not a rubric: a project list continued from a page with its header
            role = "implement"
        for cell, names, task in rows:
            if cell.span is None:
                continue
            out.extend((n, role, task, cell.span) for n in names)
    return out


def _headed_columns(grid: list[list[Cell | None]]) -> dict[int, str]:
    """Column -> role of its header label (牵头单位 -> lead, 审核单位 -> implement)."""
    roles: dict[int, str] = {}
    for row in grid[:MAX_HEADER_ROWS]:
        for col, cell in enumerate(row):
            if cell is not None and cell.col == col:
                label = re.sub(r"\s", "", cell.text)
                if label in label_roles():
                    roles.setdefault(col, label_roles()[label])
    return roles


def _other_body_header(grid: list[list[Cell | None]], col: int) -> bool:
    """True when a header cell of ``col`` names bodies without a role label (归口管理单位)."""
    endings = tuple(load_yaml("role_triggers.yaml")["unlabeled_body_headers"])
    return any(cell is not None and re.sub(r"\s", "", cell.text).endswith(endings)
               for row in grid[:MAX_HEADER_ROWS] if col < len(row) for cell in [row[col]])


def _column_rows(doc: Document, grid: list[list[Cell | None]], col: int,
                 header: bool) -> list[tuple[Cell, list[str], str]]:
    """(cell, its bodies, the row's task) for each described row with text in ``col``.

    Under a header every row with a description counts and a cell naming no body gives
    an empty list; without one the caller needs every such cell to name bodies.
    """
    out: list[tuple[Cell, list[str], str]] = []
    for r, row in enumerate(grid):
        cell = row[col] if col < len(row) else None
        if cell is None or cell.col != col or cell.row != r or not cell.text.strip():
            continue
        left = [c for c in row[:col] if c is not None and c.col < col]
        description = max((c.text for c in left), key=len, default="")
        if len(description) < MIN_DESCRIPTION_CHARS:
            continue  # a header, title or summary row
        if not header and _is_number(cell.text):
            return []  # a points column
        out.append((cell, cell_bodies(cell.text, _raw(doc, cell)), description.strip()[:MAX_TASK_CHARS]))
    return out


def _is_number(text: str) -> bool:
    return bool(re.fullmatch(r"[\d.\s分%％]+", text))


def _raw(doc: Document, cell: Cell) -> str:
    if cell.raw_span is None or not doc.raw_text:
        return ""
    return doc.raw_text[cell.raw_span[0]:cell.raw_span[1]]


def cell_bodies(text: str, raw: str = "") -> list[str]:
    """The bodies one cell of a column that assigns names.

    "教务处认定" -> [教务处]; "老师提供资料系（所）、中心认定" -> [系（所）, 中心];
    "主席团组织部团总支秘书部" with its raw "主席团 组织部 团总支 秘书部" -> the four;
    "依金华奖竞赛结果" / "教师提供资料" -> [].
    """
    text = re.sub(r"\s", "", text)
    pieces = [p for p in _raw_pieces(text, raw) if _column_verbs().sub("", p)]
    if len(pieces) > 1:
        found = [[n for sub in _column_verbs().split(p) for n in _piece_bodies(sub)] for p in pieces]
        if all(found):
            return [n for names in found for n in names]
    return [n for p in _column_verbs().split(text) for n in _piece_bodies(p)]


def _raw_pieces(text: str, raw: str) -> list[str]:
    """``text`` cut where the raw cell had whitespace (the same characters, normalized)."""
    parts = raw.split()
    if len(parts) < 2 or sum(map(len, parts)) != len(text):
        return []
    out, at = [], 0
    for p in parts:
        out.append(text[at:at + len(p)])
        at += len(p)
    return out


def _piece_bodies(piece: str) -> list[str]:
    """The bodies of one piece when it is nothing but a list of them, else []."""
    tokens = [t for t in (PIECE_OPENERS.sub("", t) for t in split_top(piece)) if t]
    names = [t for t in tokens if column_name(t) or (len(tokens) > 1 and t in _generic())]
    if len(names) == 1 and names[0] in _generic():
        return []  # 中心 alone names nobody; "系（所）、中心" is a list of two kinds of unit
    return qualify(names) if names else []


def column_name(token: str) -> bool:
    """A body under a column that assigns: a known body, or a short run of name characters
    ending like a unit (人事室, 团总支, 系（所）, 院（中心）)."""
    if has_verb(token):
        return False
    if is_item(token):
        return True
    if not COLUMN_NAME.fullmatch(token) or token in _not_bodies():
        return False
    base = TRAILING_BRACKET.sub("", token) or token
    return base.endswith(_column_endings()) or token.endswith(_column_endings())


@lru_cache(maxsize=1)
def _column_verbs() -> re.Pattern[str]:
    words = sorted(load_yaml("role_triggers.yaml")["column_verbs"], key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)))


@lru_cache(maxsize=1)
def _column_endings() -> tuple[str, ...]:
    gaz = load_yaml("departments.yaml")
    return tuple(gaz["suffixes"] + gaz["listed_name_endings"] + gaz["column_name_endings"])


@lru_cache(maxsize=1)
def _not_bodies() -> frozenset[str]:
    return frozenset(load_yaml("departments.yaml")["not_bodies"]) | _generic()


@lru_cache(maxsize=1)
def _generic() -> frozenset[str]:
    return frozenset(load_yaml("department_ner.yaml")["generic_alone"])
