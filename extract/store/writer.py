"""Writing finished Documents (and failures) into the database.

A file is written whole or not at all: its documents replace every earlier row of the
same document ids, then the ``files`` row says "ok", in one transaction (or, inside
:func:`extract.store.group.grouped_writes`, as part of a group of whole files committed
together).  A run that stops half-way therefore leaves only complete files behind, and
the next run (which skips files stored "ok" by sha256) completes the rest.  Every
transaction indexes its documents for full-text search before it commits
(:mod:`extract.store.fts`).  Rows are keyed by the pipeline's deterministic record ids, so
writing the same document twice gives the same database.
"""

from __future__ import annotations

import json
import logging
import operator
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from sqlite_utils import Database

from ..model import SCHEMA_VERSION, Document, record_id
from .departments import delete_unmentioned, store_departments
from .fts import index_documents, unindex_document
from .group import open_group

LOGGER = logging.getLogger(__name__)

# Primary keys of the tables a document fills, in parent -> child insertion order
# (the keys of INSERT OR REPLACE: re-writing a record replaces it).
_DOCUMENT_TABLES: dict[str, str | tuple[str, ...]] = {
    "documents": "id",
    "blocks": ("doc_id", "idx"),
    "tables": "id",
    "cells": ("table_id", "row", "col"),
    "targets": "id",
    "target_departments": ("target_id", "idx"),
    "deadlines": "id",
    "responsibilities": "id",
    "scoring_tables": "id",
    "scoring_items": "id",
    "scoring_criteria": ("item_id", "idx"),
}

# Child -> parent deletion order (foreign keys are enforced).
_DELETE_DOCUMENT = [
    "DELETE FROM cells WHERE table_id IN (SELECT id FROM tables WHERE doc_id = :doc)",
    "DELETE FROM tables WHERE doc_id = :doc",
    "DELETE FROM blocks WHERE doc_id = :doc",
    "DELETE FROM target_departments WHERE target_id IN (SELECT id FROM targets WHERE doc_id = :doc)",
    "DELETE FROM targets WHERE doc_id = :doc",
    "DELETE FROM deadlines WHERE doc_id = :doc",
    "DELETE FROM responsibilities WHERE doc_id = :doc",
    "DELETE FROM scoring_criteria WHERE item_id IN (SELECT id FROM scoring_items WHERE doc_id = :doc)",
    "DELETE FROM scoring_items WHERE doc_id = :doc",
    "DELETE FROM scoring_tables WHERE doc_id = :doc",
    "DELETE FROM department_mentions WHERE doc_id = :doc",
    "DELETE FROM documents WHERE id = :doc",
]


@dataclass(slots=True, kw_only=True)
class FileInfo:
    """What the ``files`` table knows about one input file."""

    path: str  # resolved absolute path
    sha256: str | None
    size: int | None = None
    mtime: float | None = None


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


# One encoder for every value: ``json.dumps`` with options builds a new encoder per call.
_JSON = json.JSONEncoder(ensure_ascii=False)


def to_json(value: Any) -> str:
    """JSON text as people read it (Chinese stays Chinese, not \\u escapes)."""
    if value == [] and type(value) is list:  # most record lists are empty: skip the encoder
        return "[]"
    return _JSON.encode(value)


def _spans(span: tuple[int, int] | list[int] | None) -> dict[str, int | None]:
    return {"span_start": span[0] if span else None, "span_end": span[1] if span else None}


def document_rows(doc: Document, file_path: str | None = None) -> dict[str, list[dict[str, Any]]]:
    """Every row ``doc`` contributes, per table (pure: no database needed)."""
    meta = doc.metadata
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in _DOCUMENT_TABLES}
    rows["documents"].append({
        "id": doc.id, "file_path": file_path, "source": doc.source, "format": doc.format,
        "encoding": doc.encoding, "script": doc.script, "title": meta.title,
        "doc_number": meta.doc_number, "issuers": to_json(meta.issuers),
        "issue_date": meta.issue_date, "recipients": to_json(meta.recipients),
        "valid_from": meta.valid_from, "valid_until": meta.valid_until,
        "cited_documents": to_json(meta.cited_documents), "attachments": to_json(meta.attachments),
        "contacts": to_json(meta.contacts), "warnings": to_json(doc.warnings),
        "n_pages": len(doc.raw_page_starts) or None, "n_chars": len(doc.text),
        "schema_version": SCHEMA_VERSION, "text": doc.text,
    })
    for idx, b in enumerate(doc.blocks):
        rows["blocks"].append({
            "doc_id": doc.id, "idx": idx, "kind": b.kind, "level": b.level, "text": b.text,
            **_spans(b.span), "page": b.page, "heading": b.heading, "table_idx": b.table,
        })
    for idx, t in enumerate(doc.tables):
        table_id = record_id(doc.id, "table", idx)
        rows["tables"].append({
            "id": table_id, "doc_id": doc.id, "idx": idx, "title": t.title, "page": t.page,
            **_spans(t.span), "source": t.source, "n_rows": t.n_rows, "n_cols": t.n_cols,
        })
        for c in t.cells:
            rows["cells"].append({
                "table_id": table_id, "row": c.row, "col": c.col, "rowspan": c.rowspan,
                "colspan": c.colspan, "text": c.text, **_spans(c.span),
            })
    for t in doc.targets:
        rows["targets"].append({
            "id": t.id, "doc_id": doc.id, "indicator": t.indicator, "scope": t.scope,
            "direction": t.direction, "value": t.value, "value_max": t.value_max, "unit": t.unit,
            "qualifier": t.qualifier, "baseline_year": t.baseline_year, "deadline": t.deadline,
            "period": t.period, "evidence": t.evidence, **_spans(t.span), "page": t.page,
        })
        for idx, d in enumerate(t.departments):
            rows["target_departments"].append({"target_id": t.id, "idx": idx, "name": d.name, "role": d.role})
    for d in doc.deadlines:
        rows["deadlines"].append({
            "id": d.id, "doc_id": doc.id, "task": d.task, "due": d.due, "recurrence": d.recurrence,
            "recurrence_detail": d.recurrence_detail, "relative_due": d.relative_due,
            "responsible": to_json(d.responsible),
            "evidence": d.evidence, **_spans(d.span), "page": d.page,
        })
    for r in doc.responsibilities:
        rows["responsibilities"].append({
            "id": r.id, "doc_id": doc.id, "department": r.department, "role": r.role, "task": r.task,
            "evidence": r.evidence, "target_ids": to_json(r.target_ids),
            "deadline_ids": to_json(r.deadline_ids), **_spans(r.span), "page": r.page,
        })
    for s in doc.scoring_tables:
        rows["scoring_tables"].append({
            "id": s.id, "doc_id": doc.id, "title": s.title, "total_points": s.total_points,
            "categories": to_json(s.categories), "inconsistencies": to_json(s.inconsistencies),
            **_spans(s.span), "page": s.page,
        })
        for idx, item in enumerate(s.items):
            item_id = record_id(s.id, "item", idx)
            rows["scoring_items"].append({
                "id": item_id, "scoring_table_id": s.id, "doc_id": doc.id, "idx": idx,
                "path": to_json(item.path), "points": item.points, "content": item.content,
                **_spans(item.span), "page": item.page,
            })
            for cidx, c in enumerate(item.criteria):
                rows["scoring_criteria"].append({
                    "item_id": item_id, "idx": cidx, "text": c.text, "points": c.points,
                    "method": c.method, "kind": c.kind, **_spans(c.span),
                })
    _warn_duplicate_ids(doc, rows)
    return rows


def _warn_duplicate_ids(doc: Document, rows: dict[str, list[dict[str, Any]]]) -> None:
    """Two records with one id would silently merge on upsert: say so."""
    for name in ("targets", "deadlines", "responsibilities", "scoring_tables"):
        ids = [r["id"] for r in rows[name]]
        if len(ids) != len(set(ids)):
            LOGGER.warning("%s: %d duplicate %s ids (records merged)", doc.source, len(ids) - len(set(ids)), name)
        if any(not i for i in ids):
            raise ValueError(f"{doc.source}: {name} record without id (was finalize run?)")


def delete_document(db: Database, doc_id: str) -> None:
    """Remove a document and every row that hangs off it (its full-text entry first)."""
    unindex_document(db, doc_id)
    delete_unmentioned(db, doc_id)
    for sql in _DELETE_DOCUMENT:
        db.execute(sql, {"doc": doc_id})


def _write_document_rows(db: Database, doc: Document, file_path: str | None) -> None:
    # A new document has no rows to replace: one indexed lookup instead of 12 deletes.
    stored = is_document_stored(db, doc.id)
    if stored:
        delete_document(db, doc.id)
    for name, rows in document_rows(doc, file_path).items():
        _replace_rows(db, name, rows)
    store_departments(db, doc)


def is_document_stored(db: Database, doc_id: str) -> bool:
    """True when a ``documents`` row has this id (its records then hang off it)."""
    return db.conn.execute("SELECT 1 FROM documents WHERE id = ?", [doc_id]).fetchone() is not None


def _replace_rows(db: Database, table: str, rows: list[dict[str, Any]]) -> None:
    """Insert-or-replace by primary key (``upsert_all`` semantics) with one executemany.

    Why not ``db[table].upsert_all``: the single writer caps a parallel run, and plain
    executemany is ~5x faster (ENVIRONMENT.md: 402k vs 78k rows/s); the columns are
    fixed by the migrations, so sqlite-utils' per-row type detection buys nothing.
    """
    if not rows:
        return
    columns = tuple(rows[0])
    db.conn.executemany(_insert_sql(table, columns), map(_row_getter(columns), rows))


@lru_cache(maxsize=64)
def _insert_sql(table: str, columns: tuple[str, ...]) -> str:
    return (f"INSERT OR REPLACE INTO [{table}] ({', '.join(f'[{c}]' for c in columns)}) "
            f"VALUES ({', '.join('?' * len(columns))})")


@lru_cache(maxsize=64)
def _row_getter(columns: tuple[str, ...]) -> Callable[[dict[str, Any]], tuple[Any, ...]]:
    """The values of a row dict as a tuple, in ``columns`` order (one C call per row)."""
    if len(columns) == 1:
        return lambda row: (row[columns[0]],)
    return operator.itemgetter(*columns)


def write_document(db: Database, doc: Document, file_path: str | None = None) -> None:
    """Store one finished Document in its own transaction, replacing an earlier version."""
    with db.atomic():
        _write_document_rows(db, doc, file_path)
        index_documents(db, [doc.id])


def write_file_documents(db: Database, file: FileInfo, docs: Iterable[Document], run_id: int | None) -> int:
    """Store every document of one file and mark the file ok, in ONE transaction (or in the
    group of files open on ``db``, :func:`extract.store.group.grouped_writes`).

    Documents an earlier version of this file produced and this version does not
    (an edited JSONL) are removed.  Returns the number of documents written.
    """
    docs = list({d.id: d for d in docs}.values())  # a record repeated in a JSONL is stored (and counted) once

    def write() -> None:
        _write_file_rows(db, file, docs, run_id)

    doc_ids = [d.id for d in docs]
    group = open_group(db)
    if group is not None:
        group.add(write, doc_ids, sum(len(d.text) for d in docs))
    else:
        with db.atomic():
            write()
            index_documents(db, doc_ids)
    return len(docs)


def _write_file_rows(db: Database, file: FileInfo, docs: list[Document], run_id: int | None) -> None:
    _upsert_file(db, file, status="ok", reason=None, n_documents=len(docs), run_id=run_id)
    keep = {d.id for d in docs}
    stale = [r[0] for r in db.execute("SELECT id FROM documents WHERE file_path = ?", [file.path])
             if r[0] not in keep]
    for doc_id in stale:
        delete_document(db, doc_id)
    for doc in docs:
        _write_document_rows(db, doc, file.path)


def in_write_transaction(db: Database, write: Callable[[], None]) -> None:
    """Run ``write`` in its own transaction, or as part of the group open on ``db`` (so that
    a group rolled back and written again keeps it)."""
    group = open_group(db)
    if group is not None:
        group.add(write, [], 0)
    else:
        with db.atomic():
            write()


def record_failure(db: Database, file: FileInfo, *, stage: str | None, reason: str, run_id: int | None) -> None:
    """One failures row (and the file marked failed when it could be read)."""
    reason = one_line(reason)
    row = {"path": file.path, "sha256": file.sha256, "stage": stage, "reason": reason, "run_id": run_id,
           "at": now()}

    def write() -> None:
        if file.sha256 is not None:
            _upsert_file(db, file, status="failed", reason=reason, n_documents=0, run_id=run_id)
        db["failures"].insert(row)

    in_write_transaction(db, write)


# Upsert of a files row in plain SQL: sqlite-utils' ``upsert`` re-reads the table's schema
# on every call, a measurable share of storing a small document.
_UPSERT_FILE = (
    "INSERT INTO files (path, sha256, size, mtime, status, reason, n_documents, last_run, version) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(path) DO UPDATE SET sha256 = excluded.sha256, "
    "size = excluded.size, mtime = excluded.mtime, status = excluded.status, reason = excluded.reason, "
    "n_documents = excluded.n_documents, last_run = excluded.last_run, version = excluded.version"
)


def _upsert_file(db: Database, file: FileInfo, *, status: str, reason: str | None,
                 n_documents: int, run_id: int | None) -> None:
    from ..fingerprint import rules_version

    db.conn.execute(_UPSERT_FILE, [file.path, file.sha256, file.size, file.mtime, status, reason,
                                   n_documents, run_id, rules_version()])


def is_stored(db: Database, sha256: str, version: str | None = None) -> bool:
    """True when a file with these bytes was already stored successfully (by the rules of
    ``version`` when it is given: other rules' records are extracted again)."""
    if version is None:
        return db.execute("SELECT 1 FROM files WHERE sha256 = ? AND status = 'ok' LIMIT 1", [sha256]).fetchone() is not None
    return db.execute("SELECT 1 FROM files WHERE sha256 = ? AND status = 'ok' AND version = ? LIMIT 1",
                      [sha256, version]).fetchone() is not None


def is_stored_at(db: Database, file: FileInfo) -> bool:
    """True when this path was stored ok with this size and mtime (its bytes unread)."""
    return db.execute("SELECT 1 FROM files WHERE path = ? AND size = ? AND mtime = ? AND status = 'ok'",
                      [file.path, file.size, file.mtime]).fetchone() is not None


def one_line(text: str) -> str:
    """Failure reasons are one line: collapse whitespace, cap the length."""
    return " ".join(str(text).split())[:500] or "unknown error"


# --------------------------------------------------------------------------- runs


def start_run(db: Database, *, args: dict[str, Any], version: str) -> int:
    with db.atomic():
        return int(db["runs"].insert({"started": now(), "status": "running", "args": to_json(args),
                                      "version": version}).last_pk)


def finish_run(db: Database, run_id: int, *, status: str, **totals: int) -> None:
    with db.atomic():
        db["runs"].update(run_id, {"ended": now(), "status": status, **totals})
