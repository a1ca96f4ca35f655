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
from functools import lru_cache
from typing import Any

from ..model import Document, content_id, record_id

LOGGER = logging.getLogger(__name__)

# One encoder for the alias lists (``json.dumps`` with options builds one per call).
_JSON = json.JSONEncoder(ensure_ascii=False)
# Ids per ``IN (...)`` query, well below SQLite's variable limit (32766; 999 before 3.32).
SQL_VARIABLES_PER_QUERY = 500

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
    "CREATE TABLE IF NOT EXISTS department_aliases (alias TEXT NOT NULL, department_id TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS department_aliases_alias ON department_aliases (alias)",
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
    return _department_key(name, doc.id, _homes(doc), doc.metadata.issuers)


def _homes(doc: Document) -> dict[str, str]:
    """Relative region words of ``doc`` resolved from its issuers, title and recipients."""
    from ..departments import document_regions

    meta = doc.metadata
    return document_regions(meta.issuers, meta.title, meta.recipients)


def _department_key(name: str, doc_id: str, homes: dict[str, str],
                    issuers: list[str] | None = None) -> tuple[str, str, str, bool]:
    """:func:`department_key` with the document's home regions computed once per document.

    The row's name is the records' `canonical` (江西省发展和改革委员会); its id keys on the
    alias core, so every spelling of one body of one region is one row.
    """
    from ..departments import canonical, canonical_name, has_own_qualifier, resolve_self_reference

    full = canonical_name(name, homes, issuers)
    name = resolve_self_reference(name, issuers or [])
    c = canonical(name, homes)
    resolved = has_own_qualifier(name) or bool(
        c.region and not c.region.startswith("各") and not _is_relative(c.region)
    )
    if not resolved:  # one row per document: its id carries the document's prefix
        return record_id(doc_id, "department", c.region, c.core), full, c.region, False
    return content_id("department", c.region, c.core), full, c.region, True


def _is_relative(region: str) -> bool:
    return region in _relative_regions()


@lru_cache(maxsize=1)
def _relative_regions() -> frozenset[str]:
    from ..language.data import load_yaml

    return frozenset(load_yaml("departments.yaml")["inheritable_prefixes"])


def store_departments(db: Any, doc: Document) -> None:
    """Upsert the departments named in ``doc`` (called inside the document's transaction).

    The tables and views come from the migrations; the rows of one document are written
    with one read of the rows it touches and one executemany per table.  The result is
    the one of upserting name by name: each department's aliases grow in first-seen order,
    and a row whose aliases did not change is not rewritten.
    The document's earlier mention rows are deleted by the writer
    (:func:`extract.store.writer.delete_document`), and only when it was stored before.
    """
    names = department_names(doc)
    if not names:
        return
    homes = _homes(doc)
    keys = [(name, *_department_key(name, doc.id, homes, doc.metadata.issuers)[:3]) for name in names]
    aliases = _stored_aliases(db, list(dict.fromkeys(k[1] for k in keys)))
    rows: dict[str, tuple[str, str]] = {}  # id -> (canonical name, region), first-seen order
    alias_rows: list[tuple[str, str]] = []
    for name, dep_id, canonical_name, region in keys:
        rows.setdefault(dep_id, (canonical_name, region))
        known = aliases.setdefault(dep_id, [])
        for alias in (canonical_name, name):
            if alias not in known:
                known.append(alias)
                alias_rows.append((alias, dep_id))
    db.conn.executemany(
        "INSERT INTO departments (id, name, region, aliases) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(id) DO UPDATE SET aliases = excluded.aliases WHERE aliases != excluded.aliases",
        [(dep_id, n, r, _JSON.encode(aliases[dep_id])) for dep_id, (n, r) in rows.items()],
    )
    # Only the aliases new to their department: the table's rows are the ``aliases`` lists.
    db.conn.executemany("INSERT INTO department_aliases (alias, department_id) VALUES (?, ?)", alias_rows)
    db.conn.executemany("INSERT OR REPLACE INTO department_mentions (doc_id, name, department_id) VALUES (?, ?, ?)",
                        [(doc.id, name, dep_id) for name, dep_id, _, _ in keys])


def delete_unmentioned(db: Any, doc_id: str) -> None:
    """Delete the departments that only ``doc_id`` mentions, with their aliases.

    Called before the document's mention rows go: a body no stored document names any
    more (a per-document 市能源局 whose notice was re-extracted under new ids, a name the
    rules no longer read) would otherwise stay in ``departments`` as a stale row.
    """
    rows = db.conn.execute(
        "SELECT d.id, d.aliases FROM departments d "
        "WHERE d.id IN (SELECT department_id FROM department_mentions WHERE doc_id = :doc) "
        "AND NOT EXISTS (SELECT 1 FROM department_mentions o WHERE o.department_id = d.id AND o.doc_id != :doc)",
        {"doc": doc_id}).fetchall()
    if not rows:
        return
    db.conn.executemany("DELETE FROM department_aliases WHERE alias = ? AND department_id = ?",
                        [(alias, dep_id) for dep_id, aliases in rows for alias in json.loads(aliases)])
    db.conn.executemany("DELETE FROM departments WHERE id = ?", [(dep_id,) for dep_id, _ in rows])


def _stored_aliases(db: Any, dep_ids: list[str]) -> dict[str, list[str]]:
    """Aliases already stored for these department ids (absent ids are left out)."""
    out: dict[str, list[str]] = {}
    for at in range(0, len(dep_ids), SQL_VARIABLES_PER_QUERY):
        chunk = dep_ids[at:at + SQL_VARIABLES_PER_QUERY]
        sql = f"SELECT id, aliases FROM departments WHERE id IN ({', '.join('?' * len(chunk))})"
        for dep_id, stored in db.execute(sql, chunk):
            out[dep_id] = json.loads(stored)
    return out
