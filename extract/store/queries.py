"""Who owns what: the ``owners`` query and the SQL views that answer it in any SQLite client.

``owners_view``: one row per (department, role, target or task) with value, deadline and
document; ``owners_by_department_view`` adds the canonical department row, so that
``WHERE canonical_department = '内蒙古自治区发展改革委'`` finds every spelling of that body.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from importlib import resources
from typing import Any

LOGGER = logging.getLogger(__name__)

VIEWS = (
    """
    CREATE VIEW IF NOT EXISTS owners_view AS
    SELECT td.name AS department, td.role AS role, 'target' AS kind, t.indicator AS item,
           t.value AS value, t.value_max AS value_max, t.unit AS unit, t.deadline AS due,
           d.title AS document_title, d.source AS source, t.doc_id AS doc_id, t.id AS record_id,
           t.evidence AS evidence
    FROM target_departments td
    JOIN targets t ON t.id = td.target_id
    JOIN documents d ON d.id = t.doc_id
    UNION ALL
    SELECT r.department, r.role, 'task', r.task, NULL, NULL, NULL,
           (SELECT min(x.due) FROM deadlines x, json_each(r.deadline_ids) j WHERE x.id = j.value),
           d.title, d.source, r.doc_id, r.id, r.evidence
    FROM responsibilities r
    JOIN documents d ON d.id = r.doc_id
    WHERE r.target_ids = '[]'
    """,
    """
    CREATE VIEW IF NOT EXISTS owners_by_department_view AS
    SELECT dep.id AS department_id, dep.name AS canonical_department, dep.region AS region, o.*
    FROM owners_view o
    LEFT JOIN department_mentions m ON m.doc_id = o.doc_id AND m.name = o.department
    LEFT JOIN departments dep ON dep.id = m.department_id
    """,
)

# Columns of one owners row: the CSV/JSON order (the table shows a readable subset).
COLUMNS = ("department", "canonical_department", "role", "kind", "item", "direction", "scope", "value",
           "value_max", "unit", "qualifier", "deadline", "period", "due_year", "document", "evidence",
           "page", "doc_id", "record_id")
# Columns of the aligned table, with the display width each is cut to (None = never cut).
TABLE_COLUMNS = (("department", 28), ("role", 9), ("item", 26), ("direction", 9), ("scope", 14),
                 ("value", 16), ("due", 10), ("document", 24), ("evidence", 40))
# At most this many spellings one --indicator query expands to through the synonym table.
MAX_INDICATOR_VARIANTS = 64


def period_end_sql(column: str) -> str:
    """SQL for the last calendar year of a plan period (十四五 -> 2025; 2021-2025 -> 2025)."""
    whens = " ".join(f"WHEN '{name}' THEN {end}" for name, (_, end) in plan_periods().items())
    return (f"CASE WHEN {column} GLOB '*[0-9][0-9][0-9][0-9]' THEN CAST(substr({column}, -4) AS INTEGER) "
            f"ELSE (CASE {column} {whens} END) END")


def owners_sql() -> str:
    """One row per (department or none, target) and per (department, task without target).

    Unlike ``owners_view`` it keeps targets that name no department (owner NULL), and it
    carries direction, scope, qualifier, period, page and ``due_year``: the deadline's year,
    else the last year of the plan period.
    """
    due_year = (f"CASE WHEN t.deadline GLOB '[0-9][0-9][0-9][0-9]*' THEN CAST(substr(t.deadline, 1, 4) AS INTEGER) "
                f"ELSE {period_end_sql('t.period')} END")
    return f"""
    SELECT td.name AS department, dep.name AS canonical_department, dep.id AS department_id,
           td.role AS role, 'target' AS kind, t.indicator AS item, t.direction AS direction,
           t.scope AS scope, t.value AS value, t.value_max AS value_max, t.unit AS unit,
           t.qualifier AS qualifier, t.deadline AS deadline, t.period AS period, {due_year} AS due_year,
           coalesce(d.title, d.source) AS document, d.source AS source, t.evidence AS evidence,
           t.page AS page, t.doc_id AS doc_id, t.id AS record_id
    FROM targets t
    JOIN documents d ON d.id = t.doc_id
    LEFT JOIN target_departments td ON td.target_id = t.id
    LEFT JOIN department_mentions m ON m.doc_id = t.doc_id AND m.name = td.name
    LEFT JOIN departments dep ON dep.id = m.department_id
    UNION ALL
    SELECT r.department, dep.name, dep.id, r.role, 'task', r.task, NULL, NULL, NULL, NULL, NULL, NULL,
           x.due, NULL, CAST(substr(x.due, 1, 4) AS INTEGER),
           coalesce(d.title, d.source), d.source, r.evidence, r.page, r.doc_id, r.id
    FROM responsibilities r
    JOIN documents d ON d.id = r.doc_id
    LEFT JOIN (SELECT r2.id AS rid, min(x2.due) AS due FROM responsibilities r2, json_each(r2.deadline_ids) j
               JOIN deadlines x2 ON x2.id = j.value GROUP BY r2.id) x ON x.rid = r.id
    LEFT JOIN department_mentions m ON m.doc_id = r.doc_id AND m.name = r.department
    LEFT JOIN departments dep ON dep.id = m.department_id
    WHERE r.target_ids = '[]'
    """


def plan_periods() -> dict[str, tuple[int, int]]:
    """Five-year plan names and the years they cover (``extract/data/target_periods.yaml``)."""
    from ..language.dates import five_year_plans

    return five_year_plans()


@lru_cache(maxsize=1)
def indicator_synonyms() -> tuple[tuple[str, ...], ...]:
    """Groups of words that mean the same in an indicator name (``extract/data/indicator_synonyms.tsv``)."""
    text = resources.files("extract").joinpath("data", "indicator_synonyms.tsv").read_text(encoding="utf-8")
    groups = []
    for line in text.splitlines():
        words = tuple(w.strip() for w in line.split("#", 1)[0].split("\t") if w.strip())
        if len(words) >= 2:
            groups.append(words)
    return tuple(groups)


def indicator_variants(query: str) -> set[str]:
    """``query`` and its spellings through the synonym table: 单位GDP能耗 -> 单位地区生产总值能源消耗, ..."""
    variants = {query}
    for group in indicator_synonyms():
        for word in sorted(group, key=len, reverse=True):
            for v in list(variants):
                if word in v:
                    variants.update(v.replace(word, other) for other in group)
            if len(variants) >= MAX_INDICATOR_VARIANTS:
                return variants
    return variants


def ensure_views(db: Any) -> None:
    """Create the owners views (idempotent; needs the store's record tables).

    Migration ``003_owners_views`` creates them in every database :func:`extract.store.open_db`
    opens; this is for a database built some other way.
    """
    from .departments import ensure_tables

    ensure_tables(db)
    for sql in VIEWS:
        db.execute(sql)


def matching_department_ids(db: Any, query: str) -> set[str]:
    """Department rows a user's name means, through aliases: 发改委 finds every 发展改革委.

    An exact alias wins; otherwise the canonical core must match and, when the query
    names a region (自治区发改委), the region too.
    """
    from ..departments import canonical

    exact = {r[0] for r in db.execute("SELECT department_id FROM department_aliases WHERE alias = ?", [query])}
    if exact:
        return exact
    want = canonical(query)
    found: set[str] = set()
    for dep_id, name, region in db.execute("SELECT id, name, region FROM departments"):
        have = canonical(name)
        if have.core != want.core:
            continue
        if not want.region or (region or "").endswith(want.region) or have.region.endswith(want.region):
            found.add(dep_id)
    return found


def owners(db: Any, department: str | None = None, indicator: str | None = None,
           due_before: int | None = None, *, owned_only: bool = False,
           settings: Any = None) -> list[dict[str, Any]]:
    """Rows of (department, role, target or task, value, deadline, document, evidence), filtered.

    Reads only (the database may be opened read-only).  A target that names no department
    is a row with an empty department unless ``owned_only``.

    Args:
        department: a body name in any spelling or script ("发改委", "自治区发展改革委", "發改委").
        indicator: text the target indicator or task must contain, in any spelling the
            indicator synonym table knows ("能耗" also finds "能源消耗").
        due_before: keep rows whose deadline year, or else plan period's last year, is
            strictly before this year (十四五 counts as 2025).
        owned_only: leave out targets that name no department.
        settings: the OpenCC setting traditional-script queries are converted with.
    """
    from .db import term_variants

    ids: set[str] | None = None
    if department:
        ids = set()
        for name in term_variants(department.strip(), settings):
            ids |= matching_department_ids(db, name)
    wanted = ({v for t in term_variants(indicator.strip(), settings) for v in indicator_variants(t)}
              if indicator else None)
    sql = f"SELECT * FROM ({owners_sql()}) ORDER BY document, kind, item, department"
    cursor = db.execute(sql)
    names = [c[0] for c in cursor.description]
    out: list[dict[str, Any]] = []
    for values in cursor.fetchall():
        row = dict(zip(names, values))
        if (owned_only or ids is not None) and not row["department"]:
            continue
        if ids is not None and row["department_id"] not in ids:
            continue
        if wanted is not None and not any(w in (row["item"] or "") for w in wanted):
            continue
        if due_before is not None and not (row["due_year"] is not None and row["due_year"] < due_before):
            continue
        out.append(row)
    return out


def format_owners(rows: list[dict[str, Any]], fmt: str = "table") -> str:
    """Owners rows as an aligned table, JSON (one array) or CSV for other tools."""
    if fmt == "json":
        import json

        return json.dumps([{c: r.get(c) for c in COLUMNS} for r in rows], ensure_ascii=False, indent=1)
    if fmt == "csv":
        import csv
        import io

        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows([[_cell(r.get(c)) for c in COLUMNS] for r in rows])
        return buf.getvalue().rstrip("\n")
    return format_table([[_display(r, c) for c, _ in TABLE_COLUMNS] for r in rows],
                        [c for c, _ in TABLE_COLUMNS], [w for _, w in TABLE_COLUMNS])


def _display(row: dict[str, Any], column: str) -> str:
    """One cell of the aligned table: canonical department, value with unit, due date or period."""
    if column == "department":
        return row.get("canonical_department") or row.get("department") or ""
    if column == "value":
        if row.get("value") is None:
            return ""
        value = _cell(row["value"]) + (f"–{_cell(row['value_max'])}" if row.get("value_max") is not None else "")
        return value + (row.get("unit") or "")
    if column == "due":
        return row.get("deadline") or row.get("period") or ""
    return " ".join(_cell(row.get(column)).split())


def format_table(rows: list[list[str]], header: list[str], max_widths: list[int | None]) -> str:
    """Columns padded to the same display width (a Chinese character is two columns wide)."""
    cut = [[_truncate(v, w) for v, w in zip(r, max_widths)] for r in [header, *rows]]
    widths = [max(_width(r[i]) for r in cut) for i in range(len(header))]
    return "\n".join("  ".join(v + " " * (w - _width(v)) for v, w in zip(r, widths)).rstrip() for r in cut)


def _width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _truncate(text: str, max_width: int | None) -> str:
    if max_width is None or _width(text) <= max_width:
        return text
    out, used = [], 1
    for ch in text:
        used += _width(ch)
        if used > max_width:
            break
        out.append(ch)
    return "".join(out) + "…"


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)
