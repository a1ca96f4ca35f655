"""Canonical department rows and their aliases.

One ``departments`` row per body: 发改委 / 发展改革委 / 发展和改革委员会 of one region are one
row (its ``aliases`` list every spelling seen), while 省发展改革委 and 市发展改革委 are two.
A relative region ("市能源局" in a 高平市 notice) is resolved from the document's issuers
when they name one proper region; otherwise the body is kept per document, because two
notices' "市能源局" may be two different cities' bureaus.

``department_mentions`` (created here, keyed by document) says which row each name written
in a document means; the owners views join through it.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from ..model import Document, record_id

LOGGER = logging.getLogger(__name__)

# Which department row a name written in one document means (rows of a document are
# replaced whenever the document is written again).
MENTIONS_DDL = """
CREATE TABLE IF NOT EXISTS department_mentions (
    doc_id TEXT NOT NULL,
    name TEXT NOT NULL,
    department_id TEXT NOT NULL,
    PRIMARY KEY (doc_id, name)
)
"""
DEPARTMENTS_DDL = (
    "CREATE TABLE IF NOT EXISTS departments (id TEXT PRIMARY KEY, name TEXT NOT NULL, region TEXT,"
    " aliases TEXT NOT NULL DEFAULT '[]')",
    "CREATE TABLE IF NOT EXISTS department_aliases (alias TEXT NOT NULL, department_id TEXT NOT NULL,"
    " PRIMARY KEY (alias, department_id))",
)


def ensure_tables(db: Any) -> None:
    """Create the department tables when the store's migrations have not (idempotent)."""
    for ddl in DEPARTMENTS_DDL:
        db.execute(ddl)
    db.execute(MENTIONS_DDL)


def department_names(doc: Document) -> list[str]:
    """Every body name the document's records carry, in first-seen order."""
    names: dict[str, None] = {}
    for r in doc.responsibilities:
        names.setdefault(r.department, None)
    for t in doc.targets:
        for d in t.departments:
            names.setdefault(d.name, None)
    for x in doc.deadlines:
        for n in x.responsible:
            names.setdefault(n, None)
    return [n for n in names if n]


def department_key(name: str, doc: Document) -> tuple[str, str, str, bool]:
    """(id, canonical name, region, resolved) of the body ``name`` means in ``doc``."""
    from ..rules.departments import canonical, has_own_qualifier, home_regions

    c = canonical(name, home_regions(doc.metadata.issuers))
    resolved = has_own_qualifier(name) or bool(
        c.region and not c.region.startswith("各") and not _is_relative(c.region)
    )
    relative = not resolved
    scope = f"{c.region}|{doc.id}" if relative else c.region
    return record_id("department", scope, c.core), c.name, c.region, not relative


def _is_relative(region: str) -> bool:
    from ..rules.patterns_departments import load_yaml

    return region in load_yaml("departments.yaml")["inheritable_prefixes"]


def store_departments(db: Any, doc: Document) -> None:
    """Upsert the departments named in ``doc`` (called inside the document's transaction)."""
    ensure_tables(db)
    db.execute("DELETE FROM department_mentions WHERE doc_id = ?", [doc.id])
    for name in department_names(doc):
        dep_id, canonical_name, region, _ = department_key(name, doc)
        row = db.execute("SELECT aliases FROM departments WHERE id = ?", [dep_id]).fetchone()
        aliases = json.loads(row[0]) if row else []
        for alias in (canonical_name, name):
            if alias not in aliases:
                aliases.append(alias)
        db.execute(
            "INSERT INTO departments (id, name, region, aliases) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(id) DO UPDATE SET aliases = excluded.aliases",
            [dep_id, canonical_name, region, json.dumps(aliases, ensure_ascii=False)],
        )
        for alias in aliases:
            db.execute("INSERT OR IGNORE INTO department_aliases (alias, department_id) VALUES (?, ?)",
                       [alias, dep_id])
        db.execute("INSERT OR REPLACE INTO department_mentions (doc_id, name, department_id) VALUES (?, ?, ?)",
                   [doc.id, name, dep_id])
    from .queries import ensure_views

    ensure_views(db)
