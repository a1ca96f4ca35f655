"""The database schema, built by ordered sqlite-utils migrations.

Why migrations: a database written by an older version must keep working when the
schema grows; ``MIGRATIONS.apply(db)`` runs only the steps a database has not seen yet
(recorded in ``_sqlite_migrations``).  A new column or table is a NEW function at the
end of this file, never an edit of an applied one.  ``schemas/policy.sql`` mirrors the
result (a test compares both).

Design for reading with Datasette or plain ``sqlite3``: plain tables, declared foreign
keys, JSON lists stored as UTF-8 JSON text (``json_each`` reads them), readable views,
no custom SQL functions.  Spans are ``span_start`` / ``span_end`` (``end`` is an SQL
keyword) into ``documents.text``.
"""

from __future__ import annotations

import logging

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

LOGGER = logging.getLogger(__name__)

MIGRATIONS = Migrations("policy_extract")

# Columns holding JSON text, per table: the writer serialises them, exports decode them.
JSON_COLUMNS: dict[str, tuple[str, ...]] = {
    "runs": ("args",),
    "documents": ("issuers", "recipients", "cited_documents", "attachments", "contacts", "warnings"),
    "deadlines": ("responsible",),
    "responsibilities": ("target_ids", "deadline_ids"),
    "scoring_tables": ("categories", "inconsistencies"),
    "scoring_items": ("path",),
    "departments": ("aliases",),
}

_INITIAL = [
    """
    CREATE TABLE runs (
        id INTEGER PRIMARY KEY,
        started TEXT NOT NULL,              -- ISO 8601, UTC
        ended TEXT,                         -- NULL while running or after an interruption
        status TEXT NOT NULL DEFAULT 'running'
            CHECK (status IN ('running', 'completed', 'interrupted')),
        args TEXT,                          -- JSON: paths, workers, settings
        n_files INTEGER NOT NULL DEFAULT 0,
        n_ok INTEGER NOT NULL DEFAULT 0,
        n_failed INTEGER NOT NULL DEFAULT 0,
        n_skipped INTEGER NOT NULL DEFAULT 0,
        n_documents INTEGER NOT NULL DEFAULT 0,
        version TEXT
    )
    """,
    """
    CREATE TABLE files (
        path TEXT PRIMARY KEY,              -- resolved absolute path
        sha256 TEXT NOT NULL,
        size INTEGER,
        mtime REAL,
        status TEXT NOT NULL CHECK (status IN ('ok', 'failed')),
        reason TEXT,                        -- one-line failure reason, NULL when ok
        n_documents INTEGER NOT NULL DEFAULT 0,
        last_run INTEGER REFERENCES runs(id)
    )
    """,
    "CREATE INDEX files_sha256_status ON files (sha256, status)",
    """
    CREATE TABLE documents (
        id TEXT PRIMARY KEY,                -- sha256 of the bytes (of the record for JSON/JSONL)
        file_path TEXT REFERENCES files(path),
        source TEXT NOT NULL,
        format TEXT NOT NULL,
        encoding TEXT,
        script TEXT,
        title TEXT,
        doc_number TEXT,
        issuers TEXT NOT NULL DEFAULT '[]',
        issue_date TEXT,
        recipients TEXT NOT NULL DEFAULT '[]',
        cited_documents TEXT NOT NULL DEFAULT '[]',
        attachments TEXT NOT NULL DEFAULT '[]',
        contacts TEXT NOT NULL DEFAULT '[]',
        warnings TEXT NOT NULL DEFAULT '[]',
        n_pages INTEGER,                    -- NULL for formats without pages
        n_chars INTEGER NOT NULL DEFAULT 0,
        schema_version TEXT,
        text TEXT NOT NULL DEFAULT ''
    )
    """,
    "CREATE INDEX documents_file_path ON documents (file_path)",
    """
    CREATE TABLE blocks (
        doc_id TEXT NOT NULL REFERENCES documents(id),
        idx INTEGER NOT NULL,
        kind TEXT NOT NULL,                 -- heading | paragraph | table
        level INTEGER,
        text TEXT NOT NULL,
        span_start INTEGER NOT NULL,
        span_end INTEGER NOT NULL,
        page INTEGER,
        heading INTEGER,                    -- idx of the enclosing heading block
        table_idx INTEGER,                  -- tables.idx when kind = 'table'
        PRIMARY KEY (doc_id, idx)
    )
    """,
    """
    CREATE TABLE tables (
        id TEXT PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES documents(id),
        idx INTEGER NOT NULL,
        title TEXT,
        page INTEGER,
        span_start INTEGER,
        span_end INTEGER,
        source TEXT,                        -- native | text
        n_rows INTEGER,
        n_cols INTEGER
    )
    """,
    "CREATE INDEX tables_doc_id ON tables (doc_id)",
    """
    CREATE TABLE cells (
        table_id TEXT NOT NULL REFERENCES tables(id),
        row INTEGER NOT NULL,
        col INTEGER NOT NULL,
        rowspan INTEGER NOT NULL DEFAULT 1,
        colspan INTEGER NOT NULL DEFAULT 1,
        text TEXT NOT NULL,
        span_start INTEGER,
        span_end INTEGER,
        PRIMARY KEY (table_id, row, col)
    )
    """,
    """
    CREATE TABLE targets (
        id TEXT PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES documents(id),
        indicator TEXT NOT NULL,
        scope TEXT,
        direction TEXT NOT NULL,            -- decrease | increase | reach | cap | floor
        value REAL NOT NULL,
        value_max REAL,
        unit TEXT,
        qualifier TEXT,                     -- at_least | at_most | about
        baseline_year INTEGER,
        deadline TEXT,
        period TEXT,
        evidence TEXT NOT NULL,
        span_start INTEGER NOT NULL,
        span_end INTEGER NOT NULL,
        page INTEGER
    )
    """,
    "CREATE INDEX targets_doc_id ON targets (doc_id)",
    """
    CREATE TABLE target_departments (
        target_id TEXT NOT NULL REFERENCES targets(id),
        idx INTEGER NOT NULL,
        name TEXT NOT NULL,
        role TEXT NOT NULL,                 -- lead | support | implement
        PRIMARY KEY (target_id, idx)
    )
    """,
    "CREATE INDEX target_departments_name ON target_departments (name)",
    """
    CREATE TABLE deadlines (
        id TEXT PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES documents(id),
        task TEXT NOT NULL,
        due TEXT,
        recurrence TEXT,                    -- annual | quarterly | monthly
        recurrence_detail TEXT,
        responsible TEXT NOT NULL DEFAULT '[]',
        evidence TEXT NOT NULL,
        span_start INTEGER NOT NULL,
        span_end INTEGER NOT NULL,
        page INTEGER
    )
    """,
    "CREATE INDEX deadlines_doc_id ON deadlines (doc_id)",
    """
    CREATE TABLE responsibilities (
        id TEXT PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES documents(id),
        department TEXT NOT NULL,
        role TEXT NOT NULL,
        task TEXT NOT NULL,
        evidence TEXT NOT NULL,
        target_ids TEXT NOT NULL DEFAULT '[]',
        deadline_ids TEXT NOT NULL DEFAULT '[]',
        span_start INTEGER NOT NULL,
        span_end INTEGER NOT NULL,
        page INTEGER
    )
    """,
    "CREATE INDEX responsibilities_doc_id ON responsibilities (doc_id)",
    "CREATE INDEX responsibilities_department ON responsibilities (department)",
    """
    CREATE TABLE departments (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        region TEXT,
        aliases TEXT NOT NULL DEFAULT '[]'
    )
    """,
    """
    CREATE TABLE department_aliases (
        alias TEXT NOT NULL,
        department_id TEXT NOT NULL REFERENCES departments(id),
        PRIMARY KEY (alias, department_id)
    )
    """,
    """
    CREATE TABLE scoring_tables (
        id TEXT PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES documents(id),
        title TEXT,
        total_points REAL,
        categories TEXT NOT NULL DEFAULT '[]',
        inconsistencies TEXT NOT NULL DEFAULT '[]',
        span_start INTEGER,
        span_end INTEGER,
        page INTEGER
    )
    """,
    "CREATE INDEX scoring_tables_doc_id ON scoring_tables (doc_id)",
    """
    CREATE TABLE scoring_items (
        id TEXT PRIMARY KEY,
        scoring_table_id TEXT NOT NULL REFERENCES scoring_tables(id),
        doc_id TEXT NOT NULL REFERENCES documents(id),
        idx INTEGER NOT NULL,
        path TEXT NOT NULL DEFAULT '[]',
        points REAL,
        span_start INTEGER,
        span_end INTEGER,
        page INTEGER
    )
    """,
    "CREATE INDEX scoring_items_table ON scoring_items (scoring_table_id)",
    """
    CREATE TABLE scoring_criteria (
        item_id TEXT NOT NULL REFERENCES scoring_items(id),
        idx INTEGER NOT NULL,
        text TEXT NOT NULL,
        points REAL,
        method TEXT,
        span_start INTEGER,
        span_end INTEGER,
        PRIMARY KEY (item_id, idx)
    )
    """,
    """
    CREATE TABLE failures (
        id INTEGER PRIMARY KEY,
        path TEXT NOT NULL,
        sha256 TEXT,                        -- NULL when the file could not be read
        stage TEXT,
        reason TEXT NOT NULL,               -- one line
        run_id INTEGER REFERENCES runs(id),
        at TEXT NOT NULL
    )
    """,
    "CREATE INDEX failures_path ON failures (path)",
    # Full-text search: FTS5 trigram works for Chinese without a segmenter (>= 3 chars).
    # content=[documents] is the external-content form Datasette detects.
    "CREATE VIRTUAL TABLE documents_fts USING fts5 (title, text, tokenize='trigram', content=[documents])",
    """
    CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
        INSERT INTO documents_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END
    """,
    """
    CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
        INSERT INTO documents_fts (documents_fts, rowid, title, text)
        VALUES ('delete', old.rowid, old.title, old.text);
    END
    """,
    """
    CREATE TRIGGER documents_au AFTER UPDATE ON documents BEGIN
        INSERT INTO documents_fts (documents_fts, rowid, title, text)
        VALUES ('delete', old.rowid, old.title, old.text);
        INSERT INTO documents_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END
    """,
    """
    CREATE VIEW targets_view AS
    SELECT t.id, d.title AS document_title, d.source, t.indicator, t.scope, t.direction,
           t.value, t.value_max, t.unit, t.qualifier, t.baseline_year, t.deadline, t.period,
           (SELECT group_concat(td.name || ' (' || td.role || ')', '; ')
              FROM target_departments td WHERE td.target_id = t.id) AS departments,
           t.evidence, t.page, t.doc_id
    FROM targets t JOIN documents d ON d.id = t.doc_id
    """,
    """
    CREATE VIEW deadlines_view AS
    SELECT x.id, d.title AS document_title, d.source, x.task, x.due, x.recurrence,
           x.recurrence_detail, x.responsible, x.evidence, x.page, x.doc_id
    FROM deadlines x JOIN documents d ON d.id = x.doc_id
    """,
    """
    CREATE VIEW responsibilities_view AS
    SELECT r.id, d.title AS document_title, d.source, r.department, r.role, r.task,
           r.evidence, r.page, r.doc_id
    FROM responsibilities r JOIN documents d ON d.id = r.doc_id
    """,
    """
    CREATE VIEW scoring_items_view AS
    SELECT i.id, d.title AS document_title, s.title AS scoring_table, i.path, i.points,
           (SELECT group_concat(c.text, ' | ') FROM scoring_criteria c WHERE c.item_id = i.id)
               AS criteria,
           i.page, i.doc_id
    FROM scoring_items i
    JOIN scoring_tables s ON s.id = i.scoring_table_id
    JOIN documents d ON d.id = i.doc_id
    """,
]


@MIGRATIONS(name="001_initial")
def m001_initial(db: Database) -> None:
    """Every table, index, the trigram FTS index and the readable views."""
    for statement in _INITIAL:
        db.execute(statement)


@MIGRATIONS(name="002_department_mentions")
def m002_department_mentions(db: Database) -> None:
    """Which ``departments`` row a name written in a document means (filled by
    :mod:`extract.store.departments`; the writer deletes a document's rows first)."""
    db.execute("""
    CREATE TABLE department_mentions (
        doc_id TEXT NOT NULL REFERENCES documents(id),
        name TEXT NOT NULL,
        department_id TEXT NOT NULL,
        PRIMARY KEY (doc_id, name)
    )
    """)
    db.execute("CREATE INDEX department_mentions_department ON department_mentions (department_id)")


@MIGRATIONS(name="003_owners_views")
def m003_owners_views(db: Database) -> None:
    """The owners views of :mod:`extract.store.queries`, created once here instead of by every
    write (``IF NOT EXISTS``: databases written before this step created them lazily)."""
    from .queries import VIEWS

    for statement in VIEWS:
        db.execute(statement)


@MIGRATIONS(name="004_metadata_validity")
def m004_metadata_validity(db: Database) -> None:
    """``documents.valid_from`` / ``valid_until`` (FORMAT v2: 自…起施行, 有效期至…)."""
    db.execute("ALTER TABLE documents ADD COLUMN valid_from TEXT")
    db.execute("ALTER TABLE documents ADD COLUMN valid_until TEXT")


@MIGRATIONS(name="005_scoring_item_content")
def m005_scoring_item_content(db: Database) -> None:
    """FORMAT v2: a scoring item's description cell (``content``, its label stays in ``path``)
    and a criterion's ``kind`` (bonus | deduction; NULL for a plain award)."""
    db.execute("ALTER TABLE scoring_items ADD COLUMN content TEXT")
    db.execute("ALTER TABLE scoring_criteria ADD COLUMN kind TEXT")


@MIGRATIONS(name="006_scoring_items_doc_id")
def m006_scoring_items_doc_id(db: Database) -> None:
    """Index ``scoring_items.doc_id``: re-writing a document deletes its items (and their
    criteria) by document, which was a full scan, slower with every rubric stored."""
    db.execute("CREATE INDEX IF NOT EXISTS scoring_items_doc_id ON scoring_items (doc_id)")


@MIGRATIONS(name="007_deadlines_relative_due")
def m007_deadlines_relative_due(db: Database) -> None:
    """``deadlines.relative_due``: a time limit counted from an event, as written
    ("收到通知之日起5个工作日内"), and the readable view showing it."""
    db.execute("ALTER TABLE deadlines ADD COLUMN relative_due TEXT")
    db.execute("DROP VIEW IF EXISTS deadlines_view")
    db.execute("""
    CREATE VIEW deadlines_view AS
    SELECT x.id, d.title AS document_title, d.source, x.task, x.due, x.recurrence,
           x.recurrence_detail, x.relative_due, x.responsible, x.evidence, x.page, x.doc_id
    FROM deadlines x JOIN documents d ON d.id = x.doc_id
    """)


@MIGRATIONS(name="008_files_rules_version")
def m008_files_rules_version(db: Database) -> None:
    """``files.version``: the rules version that extracted the file (:mod:`extract.fingerprint`);
    a file stored by other rules is extracted again by the next run (NULL: an older database)."""
    db.execute("ALTER TABLE files ADD COLUMN version TEXT")


@MIGRATIONS(name="009_fts_filled_by_the_writer")
def m009_fts_filled_by_the_writer(db: Database) -> None:
    """``documents_fts`` is filled by the writer, once per transaction, instead of by per-row
    triggers (:mod:`extract.store.fts`: a trigger made FTS5 flush a segment per document).
    The index already holds every stored document; its contents do not change."""
    for trigger in ("documents_ai", "documents_ad", "documents_au"):
        db.execute(f"DROP TRIGGER IF EXISTS {trigger}")


# How the full-text index grows (FTS5 settings, kept in ``documents_fts_config``).  A
# commit flushes its documents' terms into a new segment, and FTS5 merges a level's
# segments into one of the next level once the level holds FTS_AUTOMERGE of them (FTS5's
# default is 4, its most 16).  A document's terms are rewritten once per level they climb,
# so with 4 a level the merge work per document grew with the database.  FTS_HASHSIZE
# (bytes of pending terms before a flush, default 1 MB) lets a group of files
# (extract.store.group) flush as one segment instead of ~4 that merge at once.  A query
# reads up to 15 segments a level instead of 3; every search's hits and ranks are the same.
FTS_AUTOMERGE = 16
FTS_HASHSIZE = 8 * 1024 * 1024


@MIGRATIONS(name="010_fts_automerge")
def m010_fts_automerge(db: Database) -> None:
    """``documents_fts`` merges its segments 16 at a time and flushes a group of files as one
    segment (:data:`FTS_AUTOMERGE`, :data:`FTS_HASHSIZE`), so the merge work per stored
    document grows more slowly with the database; the index's contents, and every search's
    hits and ranks, do not change."""
    for key, value in (("automerge", FTS_AUTOMERGE), ("hashsize", FTS_HASHSIZE)):
        db.execute("INSERT INTO documents_fts (documents_fts, rank) VALUES (?, ?)", [key, value])


@MIGRATIONS(name="011_department_aliases_by_alias")
def m011_department_aliases_by_alias(db: Database) -> None:
    """``department_aliases`` is indexed by alias alone, rows in insertion order.

    Why: its key (alias, department_id) put each new per-document department at a random
    place among the rows of its alias (市发展改革委 is a new row in every notice that does
    not say which city), so a commit wrote one page per such name and more pages as the
    database filled.  An index on alias appends them; the writer adds only aliases new to
    their department (:func:`extract.store.departments.store_departments`), so rows stay
    unique and lookups by alias are indexed as before.
    """
    db.execute("""
    CREATE TABLE department_aliases_new (
        alias TEXT NOT NULL,
        department_id TEXT NOT NULL REFERENCES departments(id)
    )
    """)
    db.execute("INSERT INTO department_aliases_new (alias, department_id) "
               "SELECT alias, department_id FROM department_aliases ORDER BY rowid")
    db.execute("DROP TABLE department_aliases")
    db.execute("ALTER TABLE department_aliases_new RENAME TO department_aliases")
    db.execute("CREATE INDEX department_aliases_alias ON department_aliases (alias)")


def migrate(db: Database) -> None:
    """Bring ``db`` to the current schema (idempotent)."""
    pending = [m.name for m in MIGRATIONS.pending(db)]
    if pending:
        LOGGER.info("applying migrations: %s", ", ".join(pending))
    MIGRATIONS.apply(db)


def schema_sql(db: Database) -> str:
    """The schema of ``db`` as SQL text (what ``schemas/policy.sql`` holds)."""
    rows = db.execute(
        "SELECT sql, tbl_name, name FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid"
    ).fetchall()
    keep = [sql for sql, table, name in rows
            if table != MIGRATIONS.migrations_table and not name.startswith("documents_fts_")]
    return ";\n\n".join(_dedent(sql) for sql in keep) + ";\n"


def _dedent(sql: str) -> str:
    import textwrap

    first, _, rest = sql.strip().partition("\n")
    return (first + "\n" + textwrap.dedent(rest)).strip() if rest else first
