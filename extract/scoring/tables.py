"""Assessment rubrics (考核计分表, 评价标准, 考核细则) rebuilt from tables and checked.

Every table (native HTML/PDF/DOCX grids and tables recovered from text layout) is
read the same way:

1. header rows give each column a role (data file ``scoring_headers.yaml``); columns
   without a known header get one from their contents;
2. text columns left of the criteria column form the path: categories, then the item;
3. rows are walked in order; a merged cell is the SAME Cell object in every slot it
   covers (``Table.grid()``), so a category or item starts only where a new cell starts
   and is never counted twice; an empty cell continues what is above it;
4. criteria come one per row when a points column scores each row, otherwise from the
   points phrases inside the criteria text (:mod:`extract.scoring.points`);
5. sums are checked: criteria vs item, items vs category, categories vs total, methods
   promising more than their row, one performance scored twice.

Tables continuing on the next page (same columns, repeated header or none) are joined.

Conventions (FORMAT.md has no deduction in its gold, so they are decided here):

* deductions ("每迟报一次扣1分") are criteria with NEGATIVE points (-1): the sign is the
  marker, the text keeps its "扣1分".  An item's maximum is never taken from them and the
  sum checks leave them out (a deduction cannot push an item over its points);
* how the assessor checks ("查阅相关文件材料", "现场检查"), written before the criterion
  in a PDF 评价方法 cell, goes to ``Criterion.method``, not into the criterion text;
* the title is the attachment title between "附件N" and the table (joined when a PDF
  broke it over lines), else the reader's caption, else the nearest short line above;
* prose is a rubric only where a section states its 总分 and numbers its scored paragraphs
  (:mod:`.prose`); other prose that scores is left alone.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..model import Cell, Criterion, Document, ScoringItem, ScoringTable, Span, Table
from ..settings import Settings
from . import points as P
from .transposed import Summary, read_summary

LOGGER = logging.getLogger(__name__)

# Header rows are looked for among the first rows only (a title row, two header levels).
MAX_HEADER_ROWS = 3
# A column with at least this share of numeric data cells is a points column.
NUMERIC_COLUMN_SHARE = 0.6
# A text column whose cells carry points phrases this often holds criteria.
CRITERIA_COLUMN_SHARE = 0.3
# A scoring table must yield at least this many items with points.
MIN_ITEMS = 2
# Lines above a table searched for its title.
TITLE_LOOKBACK_LINES = 4
# A title longer than this is a paragraph, not a title.
MAX_TITLE_CHARS = 80
# An attachment title broken over more lines than this is body text, not a title.
MAX_TITLE_LINES = 3
# 附件2 / 附件 / 附件2： / 附件2：上海市低碳社区申报创建指标体系 (a line opening an attachment)
ATTACHMENT_LINE = re.compile(r"附件(?:\s*[\d一二三四五六七八九十]+)?\s*(?:[:：]\s*(.*))?")
# 表1 / 表 2 (a numbered caption is a whole title by itself)
CAPTION_LINE = re.compile(r"表\s*[\dA-Z一二三四五六七八九十]")
# A row label is at most this long (median); a description column at least MIN_CONTENT_CHARS.
MAX_LABEL_CHARS = 15
MIN_CONTENT_CHARS = 25
# The label column must name at least this share of the rows the description column has.
CONTENT_LABEL_SHARE = 0.8
# An unscored tail clause shorter than this is folded into the previous criterion.
SHORT_TAIL_CHARS = 40

Grid = list[list[Cell | None]]


@lru_cache(maxsize=1)
def _vocab() -> dict[str, Any]:
    from ..language.data import load_yaml

    data = dict(load_yaml("scoring_headers.yaml"))  # a copy: the loader's table is shared
    pairs = [(word, role) for role, words in data["roles"].items() for word in words]
    data["keywords"] = sorted(pairs, key=lambda p: -len(p[0]))
    return data


@lru_cache(maxsize=4096)
def header_role(text: str) -> str | None:
    """The role a header cell names ("核查方法和打分具体标准" -> method), or None.

    Cached: every row of every table is tested as a possible header row, and the same
    short cell texts (序号, 分值, 评分标准) recur across rows and documents."""
    t = re.sub(r"\s+", "", text or "")
    if not t or len(t) > 20:
        return None
    for word, role in _vocab()["keywords"]:
        if word in t:
            return role
    return None


# --------------------------------------------------------------------------- entry


def extract_scoring_tables(doc: Document, settings: Settings) -> list[ScoringTable]:
    """Every scoring table of the document, with items, criteria and inconsistencies."""
    tables = list(doc.tables)
    if doc.text and "\t" in doc.text and not any(t.source == "text" for t in tables):
        from ..structure.text_tables import recover_text_tables

        tables += recover_text_tables(doc, settings)
    out: list[ScoringTable] = []
    for group in _continuations(tables):
        try:
            st = _read_table(doc, group)
        except (ValueError, IndexError) as e:  # a malformed grid is skipped, not fatal
            LOGGER.debug("table skipped in %s: %s", doc.source, e)
            continue
        if st is not None:
            out.append(st)
    from .prose import prose_rubrics

    out += prose_rubrics(doc, [t.span for t in tables if t.span])
    return out


def _continuations(tables: list[Table]) -> list[list[Table]]:
    """Group a table with the tables that continue it on the following pages."""
    groups: list[list[Table]] = []
    for t in sorted(tables, key=lambda t: (t.span or (1 << 60, 0))[0]) if all(
            t.span for t in tables) else tables:
        if groups and _continues(groups[-1][-1], t, groups[-1][0]):
            groups[-1].append(t)
        else:
            groups.append([t])
    return groups


def _continues(prev: Table, nxt: Table, first: Table) -> bool:
    if prev.source != "native" or nxt.source != "native":
        return False
    if prev.page is None or nxt.page != prev.page + 1 or prev.n_cols != nxt.n_cols:
        return False
    head = _row_texts(first.grid()[0]) if first.n_rows else []
    top = _row_texts(nxt.grid()[0]) if nxt.n_rows else []
    return top == head or _header_count(nxt.grid()) == 0


def _row_texts(row: list[Cell | None]) -> list[str]:
    return [re.sub(r"\s+", "", c.text) if c else "" for c in row]


# --------------------------------------------------------------------------- columns


def _header_count(grid: Grid) -> int:
    n = 0
    for row in grid[:MAX_HEADER_ROWS]:
        cells = _distinct(row)
        texts = [c.text for c in cells if c.text.strip()]
        known = [t for t in texts if header_role(t)]
        if len(known) >= 2 and 2 * len(known) >= len(texts):
            n += 1
        elif n:
            break
        elif texts and len(texts) == 1 and n == 0 and len(grid) > 2:
            continue  # a title row spanning the table above the header
        else:
            break
    return n


def _is_header_row(row: list[Cell | None]) -> bool:
    texts = [c.text for c in _distinct(row) if c.text.strip()]
    known = [t for t in texts if header_role(t)]
    return len(known) >= 2 and 2 * len(known) >= len(texts)


def _distinct(row: list[Cell | None]) -> list[Cell]:
    seen: list[Cell] = []
    for c in row:
        if c is not None and not any(c is s for s in seen):
            seen.append(c)
    return seen


@dataclass(slots=True)
class _Columns:
    seq: list[int] = field(default_factory=list)
    path: list[int] = field(default_factory=list)  # categories ..., item (last)
    criteria: int | None = None
    method: int | None = None
    item_points: int | None = None
    crit_points: int | None = None
    labels: list[str] = field(default_factory=list)
    # path level -> the points column right of that category (一级指标 | 权重 | 二级指标 | 分值)
    level_points: dict[int, int] = field(default_factory=dict)
    weights: set[int] = field(default_factory=set)  # points columns headed 权重: own scale
    content: int | None = None  # a description column right of the row's label (FORMAT v2)


def _roles(grid: Grid, n_head: int, labels: list[str]) -> list[str | None]:
    body = grid[n_head:]
    roles: list[str | None] = [header_role(lab) for lab in labels]
    for c in range(len(labels)):
        texts = [row[c].text.strip() for row in body if c < len(row) and row[c] and row[c].text.strip()]
        numeric = sum(1 for t in texts if P.number(t) is not None)
        if roles[c] in ("points", "score", None) and texts and numeric >= NUMERIC_COLUMN_SHARE * len(texts):
            roles[c] = "seq" if roles[c] is None and _is_sequence(texts) and c == 0 else "points"
        elif roles[c] in ("points", "score") and not texts:
            roles[c] = "score"  # an empty column for the assessor
        elif roles[c] is None and texts:
            roles[c] = "text"
    return roles


def _columns(grid: Grid, n_head: int) -> _Columns:
    n_cols = max((len(r) for r in grid), default=0)
    labels: list[str] = []
    for c in range(n_cols):
        label = ""
        for row in grid[:n_head]:
            cell = row[c] if c < len(row) else None
            if cell is not None and cell.text.strip():
                label = cell.text.strip()
        labels.append(label)
    body = grid[n_head:]
    roles = _roles(grid, n_head, labels)
    cols = _Columns(labels=labels)
    cols.seq = [c for c, r in enumerate(roles) if r == "seq"]
    named_points = [c for c, lab in enumerate(labels) if header_role(lab) == "points" and roles[c] == "points"]
    crit = [c for c, r in enumerate(roles) if r == "criteria"]
    method = [c for c, r in enumerate(roles) if r == "method"]
    target = [c for c, r in enumerate(roles) if r == "target"]
    if crit:
        cols.criteria = crit[0]
        cols.method = next((m for m in method if m > crit[0]), None)
    elif method:
        cols.criteria = method[0]
    elif target and named_points:
        cols.criteria = target[0]
    else:
        cols.criteria = _criteria_by_content(body, roles)
    pts = [c for c, r in enumerate(roles) if r == "points"]
    if cols.criteria is None:
        if not named_points:
            return cols
        # a points-only table (一级指标 | 分值 | 二级指标 | 分值): the path runs up to the last points
        cols.path = [c for c, r in enumerate(roles[: named_points[-1]]) if r in ("category", "item", "text")]
    else:
        cols.path = [c for c, r in enumerate(roles[: cols.criteria]) if r in ("category", "item", "text")]
    weight_words = _vocab().get("weight_words", [])
    for p in list(pts):
        left = [c for c in cols.path if c < p]
        if left and left[-1] != cols.path[-1] and not any(left[-1] < q < p for q in pts):
            cols.level_points[cols.path.index(left[-1])] = p
            pts.remove(p)
            if any(w in labels[p] for w in weight_words):
                cols.weights.add(p)
    if cols.criteria is None and not cols.path:
        return cols
    cols.content = _content_column(body, cols.path)
    if cols.content is not None:
        cols.path.remove(cols.content)
    if len(pts) >= 2:
        cols.item_points, cols.crit_points = pts[0], pts[1]
    elif pts:
        cols.item_points = pts[0]
    return cols


def _column_cells(body: Grid, c: int) -> list[Cell]:
    cells: list[Cell] = []
    for row in body:
        cell = row[c] if c < len(row) else None
        if cell is not None and cell.text.strip() and not any(cell is x for x in cells):
            cells.append(cell)
    return cells


def _content_column(body: Grid, path: list[int]) -> int | None:
    """The last path column when it describes rather than names (FORMAT v2 `content`).

    "考核项目 | 考核内容" with 节能管理机构 | 成立节能工作领导小组，明确分管领导和专职人员…:
    the short cell names the row (the path's last element), the long one is its content.
    Only when the label column names (about) every row itself, so items keep distinct paths.
    """
    if len(path) < 2:
        return None
    label, desc = _column_cells(body, path[-2]), _column_cells(body, path[-1])
    if not label or not desc or len(label) < CONTENT_LABEL_SHARE * len(desc):
        return None
    label_len = sorted(len(c.text.strip()) for c in label)[len(label) // 2]
    desc_len = sorted(len(c.text.strip()) for c in desc)[len(desc) // 2]
    if label_len <= MAX_LABEL_CHARS and desc_len >= MIN_CONTENT_CHARS and desc_len >= 2 * label_len:
        return path[-1]
    return None


def _is_sequence(texts: list[str]) -> bool:
    nums = [P.number(t) for t in texts]
    return all(n is not None and float(n).is_integer() for n in nums) and nums == sorted(nums)


def _criteria_by_content(body: Grid, roles: list[str | None]) -> int | None:
    best = None
    for c, r in enumerate(roles):
        if r not in ("text", "item", "category"):
            continue
        texts = [row[c].text for row in body if c < len(row) and row[c] and row[c].text.strip()]
        scored = sum(1 for t in texts if any(cl.points is not None for cl in P.scored_clauses(t)))
        if texts and scored >= CRITERIA_COLUMN_SHARE * len(texts):
            best = c
    return best


# --------------------------------------------------------------------------- rows


@dataclass(slots=True)
class _Node:
    """A category or item being built while the rows are walked."""

    path: list[str]
    points: float | None
    span: Span | None
    cell: Cell | None = None
    rows: list[dict[str, Cell | None]] = field(default_factory=list)
    weight: bool = False  # points from a 权重 column: its children count on their own 100 scale
    blank: bool = False  # the points column has no number for this item


def _merged_grid(group: list[Table]) -> tuple[Grid, int]:
    grid: Grid = []
    n_head = 0
    for i, t in enumerate(group):
        g = t.grid()
        h = _header_count(g)
        if i == 0:
            n_head = h
            grid.extend(g)
        else:
            grid.extend(g[h:])
    head = [_row_texts(r) for r in grid[:n_head]]
    body = [r for r in grid[n_head:] if _row_texts(r) not in head]  # header repeated mid-table
    return grid[:n_head] + body, n_head


def _read_table(doc: Document, group: list[Table]) -> ScoringTable | None:
    grid, n_head = _merged_grid(group)
    if len(grid) - n_head < MIN_ITEMS:
        return None
    title = _attachment_title(doc, group[0].span) or group[0].title or _title_before(doc, group[0].span)
    summary = read_summary(grid, title, _vocab())
    if summary is not None:
        return _summary_table(doc, group, summary, title)
    cols = _columns(grid, n_head)
    if (cols.criteria is None and not cols.path) or not _looks_scoring(cols, title, grid):
        return None
    if not cols.path:  # criteria column only: each criteria cell is an item
        cols.path = [cols.criteria]
    vocab = _vocab()
    categories: list[_Node] = []
    items: list[_Node] = []
    current: list[Cell | None] = [None] * len(cols.path)
    total: float | None = None
    for row in grid[n_head:]:
        texts = [c.text.strip() if c else "" for c in row]
        if any(t in vocab["total_words"] for t in texts):
            total = next((P.number(t) for t in texts[::-1] if P.number(t) is not None), total)
            continue
        if any(t in vocab["subtotal_words"] for t in texts) or _is_header_row(row):
            continue  # subtotal rows; section header rows repeated inside the table
        new_level = None
        for level, c in enumerate(cols.path):
            cell = row[c] if c < len(row) else None
            if cell is not None and cell.text.strip() and cell is not current[level]:
                new_level = level
                break
        if new_level is not None:
            for level in range(new_level, len(cols.path)):
                c = cols.path[level]
                cell = row[c] if c < len(row) else None
                current[level] = cell if cell is not None and cell.text.strip() else None
            # a cell spanning two path columns names one level, never two (paths never repeat)
            names = [P.heading_points(c.text)[0] if c and (k == 0 or c is not current[k - 1]) else ""
                     for k, c in enumerate(current)]
            for level in range(new_level, len(cols.path) - 1):
                cell = current[level]
                if cell is not None and names[level]:
                    name, pts = P.heading_points(cell.text)
                    if level in cols.level_points:
                        pcell = row[cols.level_points[level]] if cols.level_points[level] < len(row) else None
                        pts = P.number(pcell.text) if pcell is not None else None
                    node = _Node([n for n in names[: level + 1] if n], pts, cell.span, cell)
                    node.weight = cols.level_points.get(level) in cols.weights
                    categories.append(node)
            item_cell = current[-1]
            if item_cell is not None:
                _, pts = P.heading_points(item_cell.text)
                items.append(_Node([n for n in names if n], pts, item_cell.span, item_cell))
        if items:
            items[-1].rows.append(_row_roles(row, cols))
    claimed: list[Cell] = []
    blank: list[str] = []
    scoring_items = []
    for node in items:
        item = _build_item(doc, node, cols, claimed)
        if item.points is None and node.blank and (item.criteria or cols.criteria is None):
            blank.append(f"{'>'.join(item.path)}: points cell is blank")
        scoring_items.append(item)
    scoring_items = [i for i in scoring_items if i.points is not None or i.criteria or cols.criteria is None]
    if sum(1 for i in scoring_items if _scored(i)) < MIN_ITEMS:
        return None
    if total is None and title:
        _, total = P.heading_points(title)
    cat_dicts = [{"name": n.path[-1], "points": n.points, "path": n.path, **({"weight": True} if n.weight else {})}
                 for n in categories]
    if total is None:
        top = [n.points for n in categories if len(n.path) == 1]
        if top and all(p is not None for p in top):
            total = sum(top)
        elif not top:
            total = sum(i.points or 0 for i in scoring_items) or None
    spans = [t.span for t in group if t.span]
    span = (min(s[0] for s in spans), max(s[1] for s in spans)) if spans else None
    st = ScoringTable(title=title, total_points=total, items=scoring_items, categories=cat_dicts, span=span)
    from .checks import check_table

    st.inconsistencies = check_table(st, categories_stated=cat_dicts) + blank
    return st


def _summary_table(doc: Document, group: list[Table], summary: Summary, title: str | None) -> ScoringTable:
    """A rubric from a transposed summary (labels over points), criteria from its detail rows."""
    from .checks import check_table

    items = []
    for s in summary.items:
        split = Split()
        criteria = split_criteria(doc, s.criteria_cells, split)
        items.append(ScoringItem(path=[s.name], points=s.points, criteria=criteria, span=s.cell.span))
    spans = [t.span for t in group if t.span]
    span = (min(x[0] for x in spans), max(x[1] for x in spans)) if spans else None
    st = ScoringTable(title=title, total_points=summary.total, items=items, span=span)
    st.inconsistencies = check_table(st, categories_stated=[])
    return st


def _scored(item: ScoringItem) -> bool:
    """An item that states points: its own, or its criteria's (a deduction-only row has no max)."""
    return item.points is not None or any(c.points for c in item.criteria)


def _looks_scoring(cols: _Columns, title: str | None, grid: Grid) -> bool:
    if cols.item_points is not None or cols.crit_points is not None:
        return True
    words = _vocab()["scoring_words"]
    if title and any(w in title for w in words):
        return True
    return any(header_role(lab) in ("points", "score", "criteria") for lab in cols.labels)


def _row_roles(row: list[Cell | None], cols: _Columns) -> dict[str, Cell | None]:
    def at(c: int | None) -> Cell | None:
        return row[c] if c is not None and c < len(row) else None

    return {"criteria": at(cols.criteria), "method": at(cols.method), "content": at(cols.content),
            "item_points": at(cols.item_points), "crit_points": at(cols.crit_points)}


# --------------------------------------------------------------------------- items


def _build_item(doc: Document, node: _Node, cols: _Columns, claimed: list[Cell]) -> ScoringItem:
    item_points = node.points
    pts_cells = _distinct([r["item_points"] for r in node.rows])
    if pts_cells and any(pts_cells[0] is c for c in claimed):
        pts_cells = []  # a points cell merged over several items is their group's, not this item's
    claimed.extend(pts_cells)
    pts_values = [P.number(c.text) for c in pts_cells if c.text.strip()]
    # a points column left blank for this row: null (and a note), never guessed from criteria
    node.blank = cols.item_points is not None and not pts_values and item_points is None
    per_row = cols.crit_points is not None
    if cols.crit_points is None and len([v for v in pts_values if v is not None]) >= 2:
        per_row = True  # one points column scoring each criteria row
    elif pts_values and pts_values[0] is not None:
        item_points = pts_values[0]
    criteria: list[Criterion] = []
    split = Split()
    if per_row:
        key = "crit_points" if cols.crit_points is not None else "item_points"
        seen: list[tuple[Cell, Cell | None]] = []
        for r in node.rows:
            cell, pcell = r["criteria"], r[key]
            # a merged criteria cell over rows that each carry points ("是" over 5 | 5 | 5 | 5)
            # gives one criterion per points cell
            if cell is None or not cell.text.strip() or any(
                    cell is a and (pcell is b or pcell is None or not pcell.text.strip()) for a, b in seen):
                continue
            seen.append((cell, pcell))
            value = P.number(pcell.text) if pcell is not None else None
            method = r["method"]
            if value is None:
                criteria.extend(split_criteria(doc, [cell]))
                continue
            text = P.strip_tags(cell.text)
            check, cut = P.check_method_prefix(text)
            criteria.append(Criterion(
                text=P.criterion_text(text[cut:]), points=value, span=_span_after(doc, text, cell.span, cut),
                method=_clean(method.text) if method is not None and method.text.strip() else check))
    else:
        cells = _distinct([r["criteria"] for r in node.rows])
        if cols.criteria in cols.path:  # the item cell is its own criteria text
            cells = cells[:1]
        criteria = split_criteria(doc, [c for c in cells if c.text.strip()], split)
    if item_points is None and criteria and not node.blank:
        item_points = points_from_criteria(criteria, split)
    if len(criteria) == 1 and criteria[0].points is None and criteria[0].kind is None:
        criteria[0].points = item_points
    content_cells = _distinct([r["content"] for r in node.rows])
    content = "".join(_clean(c.text) for c in content_cells) or None
    return ScoringItem(path=node.path, points=item_points, criteria=criteria, span=node.span, content=content)


def points_from_criteria(criteria: list[Criterion], split: Split) -> float | None:
    """An item's maximum when no cell states it, as far as its criteria state one.

    最高上限30分 / 其加分上限20分 -> the limit; deductions only (每次扣2分) -> None (a row
    that only takes points off has no maximum); bonuses counted per unit (每名加3分, 加40分/人)
    without a limit -> None; exclusive bonuses (加10分 … 加5分) -> base awards + the top bonus;
    plain awards -> their sum, or the top tier of 10/5/3/0 tiers.
    """
    if split.limit is not None:
        return split.limit
    scored = [c for c in criteria if c.points is not None and c.points > 0]
    if scored and all(c.kind == "deduction" for c in scored):
        return None
    bonus = [c.points for c in scored if c.kind == "bonus"]
    base = [c.points for c in scored if c.kind is None]
    if bonus:
        return None if split.per_unit else sum(base) + max(bonus)
    if not base:
        return None
    return max(base) if _tiered([c.points for c in criteria if c.kind is None]) else sum(base)


def _tiered(values: list[float | None]) -> bool:
    """Mutually exclusive tiers: non-increasing points ending at 0 (10/5/3/0)."""
    vals = [v for v in values if v is not None]
    return len(vals) >= 2 and vals == sorted(vals, reverse=True) and vals[-1] == 0


def _clean(text: str) -> str:
    return re.sub(r"\s*\n\s*", "", P.strip_tags(text)).strip()


@dataclass(slots=True)
class Split:
    """What the criteria text says about its whole row besides the criteria themselves."""

    limit: float | None = None  # 最高上限30分: the row's maximum
    per_unit: bool = False  # some bonus is counted per unit (每名加3分) or per-unit limited


def split_criteria(doc: Document, cells: list[Cell], split: Split | None = None) -> list[Criterion]:
    """Criteria from the points phrases inside the criteria text of one item."""
    split = split if split is not None else Split()
    joined = ""
    offsets: list[int | None] = []
    methods: list[tuple[int, str | None]] = []  # (start in joined, how that cell is checked)
    for cell in cells:
        text = P.strip_tags(cell.text)
        method, cut = P.check_method_prefix(text)
        if joined:
            joined += "\n"
            offsets.append(None)
        methods.append((len(joined), method))
        joined += text[cut:]
        offsets.extend(_align(text, doc.text, cell.span)[cut:])
    out: list[Criterion] = []
    for clause in P.scored_clauses(joined):
        raw = joined[clause.start : clause.end]
        per_unit = bool(P.PER_UNIT.search(raw))
        if clause.kind == "limit" and _limit_only(raw):
            if not per_unit:
                split.limit = clause.points
            continue
        text = P.criterion_text(raw, clause.kind)
        if not text:
            continue
        if clause.points is None and out and len(text) < SHORT_TAIL_CHARS:
            continue  # "以上均未实施的…" style tail without points
        pos = [o for o in offsets[clause.start : clause.end] if o is not None]
        span = (pos[0], pos[-1] + 1) if pos else None
        kind = _criterion_kind(clause.kind, raw, per_unit)
        if kind == "bonus" and per_unit:
            split.per_unit = True
        if clause.kind == "limit" and kind != "deduction" and not per_unit:
            split.limit = clause.points  # 其加分上限20分: a criterion and the row's maximum
        method = next((m for start, m in reversed(methods) if start <= clause.start), None)
        out.append(Criterion(text=text, points=clause.points, span=span, method=method, kind=kind))
    return out


def _limit_only(raw: str) -> bool:
    """"最高上限30分。" stands alone; "其扣分上限20分" after a sentence is a criterion."""
    return not P.LIMIT.sub("", raw).strip(" \n，,；;。、（）()最高其")


def _criterion_kind(clause_kind: str, raw: str, per_unit: bool) -> str | None:
    if clause_kind == "deduct" or (clause_kind == "limit" and "扣分" in raw):
        return "deduction"
    if clause_kind == "bonus" or (clause_kind == "limit" and ("加分" in raw or per_unit)):
        return "bonus"
    return None


def _align(sub: str, text: str, span: Span | None) -> list[int | None]:
    """Offsets in ``text`` of each character of ``sub`` (a cleaned copy of text[span])."""
    if span is None or not text:
        return [None] * len(sub)
    out: list[int | None] = []
    i, end = span
    for ch in sub:
        if ch.isspace():
            out.append(None)
            continue
        j = text.find(ch, i, end)
        if j < 0:
            out.append(None)
        else:
            out.append(j)
            i = j + 1
    return out


def _span_after(doc: Document, text: str, span: Span | None, cut: int) -> Span | None:
    """``span`` of a cell without its first ``cut`` characters (a checking-method prefix)."""
    if not cut or span is None:
        return span
    start = next((o for o in _align(text, doc.text, span)[cut:] if o is not None), None)
    return (start, span[1]) if start is not None else span


def _lines_before(doc: Document, span: Span | None) -> list[str]:
    if span is None or not doc.text:
        return []
    # the last non-empty lines before the table, read backwards (not every line from the top)
    lines: list[str] = []
    end = span[0]
    while len(lines) < TITLE_LOOKBACK_LINES:
        start = doc.text.rfind("\n", 0, end) + 1
        line = doc.text[start:end].strip()
        if line:
            lines.append(line)
        if start == 0:
            break
        end = start - 1
    return lines[::-1]


def _title_like(line: str) -> bool:
    return bool(line) and len(line) <= MAX_TITLE_CHARS and "\t" not in line and not re.search(r"[。；;]", line)


def _attachment_title(doc: Document, span: Span | None) -> str | None:
    """The title between "附件N" and the table, joined when a PDF broke it over lines.

    "附件4 / 上海市低碳社区（近零碳排放社区） / 申报创建指标体系" -> one title, so that two
    rubrics whose last title lines are the same ("申报创建指标体系") keep their own names.
    """
    lines = _lines_before(doc, span)
    for k in range(len(lines) - 1, -1, -1):
        m = ATTACHMENT_LINE.fullmatch(lines[k])
        if m is None:
            continue
        parts = ([m.group(1)] if m.group(1) else []) + lines[k + 1 :]
        if not parts or len(parts) > MAX_TITLE_LINES or not all(_title_like(p) for p in parts):
            return None
        if CAPTION_LINE.match(parts[-1]):
            return parts[-1]
        joined = "".join(parts)
        return joined if len(joined) <= MAX_TITLE_CHARS else None
    return None


def _title_before(doc: Document, span: Span | None) -> str | None:
    """The nearest short line above the table (an "附件N" line is skipped)."""
    for line in reversed(_lines_before(doc, span)):
        if re.fullmatch(r"附件\s*\d*[:：]?", line):
            continue
        if len(line) <= MAX_TITLE_CHARS and "\t" not in line:
            return line
        break
    return None
