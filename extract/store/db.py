"""Opening the database and reading it back (full-text search, counts).

``open_db(path)`` returns a migrated :class:`sqlite_utils.Database` with foreign keys
enforced; file databases use WAL so that a reader (Datasette, ``sqlite3``) can look at
the database while a batch is still writing it.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from ..settings import Settings
from .migrations import migrate

LOGGER = logging.getLogger(__name__)

# FTS5's trigram tokenizer indexes 3-character windows: shorter queries cannot MATCH.
TRIGRAM_MIN_CHARS = 3
# The writer's page cache (KiB, as a negative cache_size) and memory-mapped reads: every
# document inserts rows at a random place of the doc_id-keyed indexes, and once the file
# outgrows SQLite's default 2 MB cache each insert re-reads pages; store time per file
# over 10,000 documents grew 1.42x from the first 1,000 to the last, ~1.24x with these.
WRITER_CACHE_KIB = 64 * 1024
WRITER_MMAP_BYTES = 1024 * 1024 * 1024
# WAL pages before a checkpoint copies them into the database file (SQLite's default is
# 1,000 = 4 MB, about one group of files, extract.store.group): a page that several
# groups change (an index leaf, the FTS structure) is copied once per checkpoint, so a
# larger WAL copies fewer pages per file; the WAL file is cut back to the limit after.
WRITER_WAL_AUTOCHECKPOINT_PAGES = 16 * 1024
WRITER_WAL_LIMIT_BYTES = 64 * 1024 * 1024
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
        db.execute(f"PRAGMA cache_size=-{WRITER_CACHE_KIB}")
        db.execute(f"PRAGMA mmap_size={WRITER_MMAP_BYTES}").fetchall()
        db.execute(f"PRAGMA wal_autocheckpoint={WRITER_WAL_AUTOCHECKPOINT_PAGES}").fetchall()
        db.execute(f"PRAGMA journal_size_limit={WRITER_WAL_LIMIT_BYTES}").fetchall()
    db.execute("PRAGMA foreign_keys=ON")
    migrate(db)
    return db


def search(db: Database, query: str, *, limit: int = 20, settings: Settings | None = None) -> list[dict[str, Any]]:
    """Documents whose title or text contains every term of ``query``, with a snippet.

    Terms are separated by spaces and all must occur (``节能减排 碳达峰``), as in Datasette's
    ``_search``.  A term in traditional script also matches its simplified form, converted
    with the same OpenCC setting as documents (``節能`` finds ``节能``).  Chinese has no
    spaces between words, so the index is FTS5 with the ``trigram`` tokenizer: a term of 3
    or more characters is found through the index (best match first); a 1-2 character
    term (``碳``, ``节能``) cannot use a trigram index and is checked with a substring scan
    (``instr``): correct, only slower.  Terms are literal (FTS operators are not interpreted).

    Returns:
        ``[{"id", "source", "title", "snippet"}]``, at most ``limit`` rows; the snippet is
        one line with each term found in it in ``[brackets]``.
    """
    terms = [term_variants(t, settings) for t in dict.fromkeys(query.split())]
    if not terms:
        return []
    long_terms = [v for v in terms if min(map(len, v)) >= TRIGRAM_MIN_CHARS]
    short_terms = [v for v in terms if min(map(len, v)) < TRIGRAM_MIN_CHARS]
    where: list[str] = []
    params: list[Any] = []
    if long_terms:
        source = "documents_fts JOIN documents d ON d.rowid = documents_fts.rowid"
        where.append("documents_fts MATCH ?")
        params.append(" AND ".join(
            "(" + " OR ".join('"' + v.replace('"', '""') + '"' for v in variants) + ")" for variants in long_terms))
        order = "rank"
    else:
        source, order = "documents d", "d.rowid"
    for variants in short_terms:
        where.append("(" + " OR ".join("instr(d.text, ?) > 0 OR instr(coalesce(d.title, ''), ?) > 0"
                                       for _ in variants) + ")")
        params.extend(v for v in variants for _ in (0, 1))
    rows = db.execute(
        f"SELECT d.id, d.source, d.title, d.text FROM {source} WHERE {' AND '.join(where)} ORDER BY {order} LIMIT ?",
        [*params, limit],
    ).fetchall()
    found = [v for variants in terms for v in variants]
    return [{"id": r[0], "source": r[1], "title": r[2], "snippet": _snippet(r[3], found)} for r in rows]


def term_variants(term: str, settings: Settings | None = None) -> tuple[str, ...]:
    """``term`` and, when OpenCC changes it, its simplified form (節能 -> 节能, 节能)."""
    from ..normalize.script import converter

    simplified = converter(Settings.resolve(settings).opencc_config).convert(term)
    return (term,) if simplified == term else (simplified, term)


def _snippet(text: str, terms: list[str]) -> str:
    """One line of context around the first term found, every term in it in brackets."""
    hits = [(i, t) for t in terms if (i := text.find(t)) >= 0]
    if not hits:
        return ""
    i, term = min(hits)
    start = max(0, i - SNIPPET_CONTEXT_CHARS)
    end = min(len(text), i + len(term) + SNIPPET_CONTEXT_CHARS)
    window = text[start:end]
    marked = [False] * len(window)
    for t in set(terms):
        for m in re.finditer(re.escape(t), window):
            marked[m.start():m.end()] = [True] * len(t)
    out = []
    for j, ch in enumerate(window):
        if marked[j] and (j == 0 or not marked[j - 1]):
            out.append("[")
        out.append(ch)
        if marked[j] and (j + 1 == len(window) or not marked[j + 1]):
            out.append("]")
    window = " ".join("".join(out).split())  # one line per hit
    return ("…" if start else "") + window + ("…" if end < len(text) else "")


def counts(db: Database) -> dict[str, int]:
    """Number of rows of every record table."""
    return {name: db[name].count for name in RECORD_TABLES}
