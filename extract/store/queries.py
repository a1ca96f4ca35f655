"""Who owns what: the ``owners`` query and the SQL views that answer it in any SQLite client.

``owners_view``: one row per (department, role, target or task) with value, deadline and
document; ``owners_by_department_view`` adds the canonical department row, so that
``WHERE canonical_department = '内蒙古自治区发展改革委'`` finds every spelling of that body.
"""

from __future__ import annotations

import logging
import re
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

# Columns of one owners row, in display order (canonical_department: the body's full name
# with its region resolved, the key the --department lookup uses).
COLUMNS = ("department", "canonical_department", "role", "kind", "item", "value", "unit", "due", "document")


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
           due_before: int | None = None) -> list[dict[str, Any]]:
    """Rows of (department, role, target/task, value, deadline, document), filtered.

    Args:
        department: a body name in any spelling ("发改委", "自治区发展改革委").
        indicator: text the target indicator or task must contain.
        due_before: keep rows whose deadline year is strictly before this year.
    """
    ensure_views(db)
    ids = matching_department_ids(db, department) if department else None
    out: list[dict[str, Any]] = []
    sql = "SELECT * FROM owners_by_department_view ORDER BY document_title, kind, item, department"
    cursor = db.execute(sql)
    names = [c[0] for c in cursor.description]
    for values in cursor.fetchall():
        row = dict(zip(names, values))
        if ids is not None and row["department_id"] not in ids:
            continue
        if indicator and indicator not in (row["item"] or ""):
            continue
        if due_before is not None and not _due_before(row["due"], due_before):
            continue
        row["document"] = row["document_title"] or row["source"]
        out.append(row)
    return out


def _due_before(due: str | None, year: int) -> bool:
    m = re.match(r"(\d{4})", due or "")
    return bool(m) and int(m.group(1)) < year


def format_owners(rows: list[dict[str, Any]], fmt: str = "table") -> str:
    """Owners rows as an aligned table, JSON (one array) or CSV for other tools."""
    if fmt == "json":
        import json

        return json.dumps([{c: r.get(c) for c in (*COLUMNS, "evidence")} for r in rows],
                          ensure_ascii=False, indent=1)
    if fmt == "csv":
        import csv
        import io

        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows([[_cell(r.get(c)) for c in COLUMNS] for r in rows])
        return buf.getvalue().rstrip("\n")
    lines = ["\t".join(COLUMNS)]
    lines.extend("\t".join(_cell(r.get(c)) for c in COLUMNS) for r in rows)
    return "\n".join(lines)


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)
