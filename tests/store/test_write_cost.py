"""The writer's work per document stays flat as the database fills (checked by the
statements it runs and the query plans, not the clock)."""

from __future__ import annotations

import copy

from extract.model import Document
from extract.store import write_document


def _statements(db) -> list[str]:
    seen: list[str] = []
    db.conn.set_trace_callback(seen.append)
    return seen


def test_store_new_document_runs_no_deletes(db, full_document: Document) -> None:
    seen = _statements(db)
    write_document(db, full_document)
    db.conn.set_trace_callback(None)
    assert not [s for s in seen if s.lstrip().upper().startswith("DELETE")]


def test_store_rewrite_deletes_the_old_rows(db, full_document: Document) -> None:
    write_document(db, full_document)
    seen = _statements(db)
    write_document(db, copy.deepcopy(full_document))
    db.conn.set_trace_callback(None)
    deletes = [s for s in seen if s.lstrip().upper().startswith("DELETE")]
    assert any("FROM scoring_items" in s for s in deletes)
    assert any("FROM department_mentions" in s for s in deletes)


def test_store_deletes_by_document_use_an_index(db) -> None:
    """Every per-document delete is an index search, never a scan of a whole table."""
    from extract.store.writer import _DELETE_DOCUMENT

    for sql in _DELETE_DOCUMENT:
        plan = " ".join(str(r[-1]) for r in db.execute("EXPLAIN QUERY PLAN " + sql, {"doc": "x"}).fetchall())
        assert "SCAN" not in plan.replace("SCAN CONSTANT ROW", ""), (sql, plan)


def test_store_file_database_keeps_a_large_page_cache(tmp_path) -> None:
    """Random-key index inserts re-read pages once the file outgrows SQLite's 2 MB default."""
    from extract.store import open_db
    from extract.store.db import WRITER_CACHE_KIB, WRITER_MMAP_BYTES

    db = open_db(tmp_path / "policy.db")
    assert db.execute("PRAGMA cache_size").fetchone()[0] == -WRITER_CACHE_KIB
    assert db.execute("PRAGMA mmap_size").fetchone()[0] == WRITER_MMAP_BYTES
    db.close()
