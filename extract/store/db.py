"""Opening the database and reading it back (full-text search, counts).

``open_db(path)`` returns a migrated :class:`sqlite_utils.Database` with foreign keys
enforced; file databases use WAL so that a reader (Datasette, ``sqlite3``) can look at
the database while a batch is still writing it.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from .migrations import migrate

LOGGER = logging.getLogger(__name__)

# FTS5's trigram tokenizer indexes 3-character windows: shorter queries cannot MATCH.
TRIGRAM_MIN_CHARS = 3
# Characters of context on each side of a hit in search snippets.
SNIPPET_CONTEXT_CHARS = 20

# The record tables `counts` reports, in the order a summary shows them.
RECORD_TABLES = ("documents", "targets", "deadlines", "responsibilities", "scoring_tables", "scoring_items")


def open_db(path: str | Path | None = None) -> Database:
    """Open (creating if needed) and migrate the database at ``path``; None = in memory."""
    if path is None or str(path) == ":memory:":
        db = Database(memory=True)
    else:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        db = Database(path)
        db.execute("PRAGMA journal_mode=WAL").fetchall()
        db.execute("PRAGMA synchronous=NORMAL")
    db.execute("PRAGMA foreign_keys=ON")
    migrate(db)
    return db


def search(db: Database, query: str, *, limit: int = 20) -> list[dict[str, Any]]:
    """Documents whose title or text contains ``query``, with a snippet around the hit.

    Chinese has no spaces between words, so the index is FTS5 with the ``trigram``
    tokenizer: any substring of 3 or more characters is found through the index
    (``documents_fts MATCH '"碳达峰"'``, best match first).  A 1-2 character query
    (``碳``, ``节能``) cannot use a trigram index, so it falls back to a plain
    substring scan (``instr(text, ?)``) in document order: correct, only slower.
    The query is matched as one literal phrase (FTS operators are not interpreted).

    Returns:
        ``[{"id", "source", "title", "snippet"}]``, at most ``limit`` rows.
    """
    query = query.strip()
    if not query:
        return []
    if len(query) >= TRIGRAM_MIN_CHARS:
        phrase = '"' + query.replace('"', '""') + '"'
        rows = db.execute(
            "SELECT d.id, d.source, d.title, "
            "snippet(documents_fts, 1, '[', ']', '…', 16) AS snippet "
            "FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid "
            "WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?",
            [phrase, limit],
        ).fetchall()
        return [{"id": r[0], "source": r[1], "title": r[2], "snippet": r[3]} for r in rows]
    rows = db.execute(
        "SELECT id, source, title, text FROM documents "
        "WHERE instr(text, ?) > 0 OR instr(coalesce(title, ''), ?) > 0 ORDER BY rowid LIMIT ?",
        [query, query, limit],
    ).fetchall()
    return [{"id": r[0], "source": r[1], "title": r[2], "snippet": _snippet(r[3], query)} for r in rows]


def _snippet(text: str, query: str) -> str:
    i = text.find(query)
    if i < 0:
        return ""
    start, end = max(0, i - SNIPPET_CONTEXT_CHARS), min(len(text), i + len(query) + SNIPPET_CONTEXT_CHARS)
    return (
        ("…" if start else "") + text[start:i] + "[" + query + "]"
        + text[i + len(query) : end] + ("…" if end < len(text) else "")
    )


def counts(db: Database) -> dict[str, int]:
    """Number of rows of every record table."""
    return {name: db[name].count for name in RECORD_TABLES}
