"""The full-text index of ``documents``, kept by the writer instead of per-row triggers.

Why not triggers: a trigger writes each row into FTS5 inside its own statement savepoint,
and FTS5 flushes its pending terms to a new index segment at every savepoint, so each
document paid a flush and the merges that follow (half of the store's CPU).  The writer
instead indexes every document of a transaction with ONE ``INSERT ... SELECT`` just before
it commits (:func:`index_documents`), so the index and the rows always commit together:
after any commit, and after a crash, every ``documents`` row is indexed exactly once.

A row is indexed when ``documents_fts_docsize`` holds its rowid (FTS5 keeps one size
record per indexed row); both functions below check it with one primary-key lookup per
document, so their cost does not grow with the database.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

# Index the named documents that are not indexed yet (a document replaced within the
# transaction has a new rowid: only its current row is indexed).  In rowid order: FTS5
# flushes its pending terms to a new segment whenever a rowid is not above the last one,
# and the id index would give them in random order (twice the cost).
_INDEX = (
    "INSERT INTO documents_fts (rowid, title, text) "
    "SELECT d.rowid, d.title, d.text FROM documents d "
    "WHERE d.id IN (SELECT value FROM json_each(?)) "
    "AND NOT EXISTS (SELECT 1 FROM documents_fts_docsize s WHERE s.id = d.rowid) "
    "ORDER BY d.rowid"
)
# Remove a document from the index (FTS5's external-content 'delete' needs the indexed
# values, so this runs before its documents row is deleted); a row not indexed yet is
# left alone, as deleting what was never inserted would corrupt the index.
_UNINDEX = (
    "INSERT INTO documents_fts (documents_fts, rowid, title, text) "
    "SELECT 'delete', d.rowid, d.title, d.text FROM documents d "
    "WHERE d.id = ? AND EXISTS (SELECT 1 FROM documents_fts_docsize s WHERE s.id = d.rowid)"
)


def index_documents(db: Any, doc_ids: Iterable[str]) -> None:
    """Add the documents ``doc_ids`` (already in ``documents``) to the index, in bulk."""
    ids = list(dict.fromkeys(doc_ids))
    if ids:
        db.conn.execute(_INDEX, [json.dumps(ids)])


def unindex_document(db: Any, doc_id: str) -> None:
    """Take document ``doc_id`` out of the index (before its row is deleted)."""
    db.conn.execute(_UNINDEX, [doc_id])


def unindexed_count(db: Any) -> int:
    """``documents`` rows the index does not hold (0 after every commit of the writer)."""
    return db.execute(
        "SELECT COUNT(*) FROM documents d "
        "WHERE NOT EXISTS (SELECT 1 FROM documents_fts_docsize s WHERE s.id = d.rowid)"
    ).fetchone()[0]
