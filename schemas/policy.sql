-- policy-extract database schema (SQLite >= 3.34 with FTS5).
-- Generated from extract/store/migrations.py (the source of truth):
--   UPDATE_GOLDEN=1 .venv/bin/python -m pytest -q tests/test_schema.py
-- tests/test_schema.py checks that this file and the migrated schema agree.

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
);

CREATE TABLE files (
    path TEXT PRIMARY KEY,              -- resolved absolute path
    sha256 TEXT NOT NULL,
    size INTEGER,
    mtime REAL,
    status TEXT NOT NULL CHECK (status IN ('ok', 'failed')),
    reason TEXT,                        -- one-line failure reason, NULL when ok
    n_documents INTEGER NOT NULL DEFAULT 0,
    last_run INTEGER REFERENCES runs(id)
, version TEXT);

CREATE INDEX files_sha256_status ON files (sha256, status);

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
, valid_from TEXT, valid_until TEXT);

CREATE INDEX documents_file_path ON documents (file_path);

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
);

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
);

CREATE INDEX tables_doc_id ON tables (doc_id);

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
);

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
);

CREATE INDEX targets_doc_id ON targets (doc_id);

CREATE TABLE target_departments (
    target_id TEXT NOT NULL REFERENCES targets(id),
    idx INTEGER NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL,                 -- lead | support | implement
    PRIMARY KEY (target_id, idx)
);

CREATE INDEX target_departments_name ON target_departments (name);

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
, relative_due TEXT);

CREATE INDEX deadlines_doc_id ON deadlines (doc_id);

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
);

CREATE INDEX responsibilities_doc_id ON responsibilities (doc_id);

CREATE INDEX responsibilities_department ON responsibilities (department);

CREATE TABLE departments (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    region TEXT,
    aliases TEXT NOT NULL DEFAULT '[]'
);

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
);

CREATE INDEX scoring_tables_doc_id ON scoring_tables (doc_id);

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
, content TEXT);

CREATE INDEX scoring_items_table ON scoring_items (scoring_table_id);

CREATE TABLE scoring_criteria (
    item_id TEXT NOT NULL REFERENCES scoring_items(id),
    idx INTEGER NOT NULL,
    text TEXT NOT NULL,
    points REAL,
    method TEXT,
    span_start INTEGER,
    span_end INTEGER, kind TEXT,
    PRIMARY KEY (item_id, idx)
);

CREATE TABLE failures (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL,
    sha256 TEXT,                        -- NULL when the file could not be read
    stage TEXT,
    reason TEXT NOT NULL,               -- one line
    run_id INTEGER REFERENCES runs(id),
    at TEXT NOT NULL
);

CREATE INDEX failures_path ON failures (path);

CREATE VIRTUAL TABLE documents_fts USING fts5 (title, text, tokenize='trigram', content=[documents]);

CREATE VIEW targets_view AS
SELECT t.id, d.title AS document_title, d.source, t.indicator, t.scope, t.direction,
       t.value, t.value_max, t.unit, t.qualifier, t.baseline_year, t.deadline, t.period,
       (SELECT group_concat(td.name || ' (' || td.role || ')', '; ')
          FROM target_departments td WHERE td.target_id = t.id) AS departments,
       t.evidence, t.page, t.doc_id
FROM targets t JOIN documents d ON d.id = t.doc_id;

CREATE VIEW responsibilities_view AS
SELECT r.id, d.title AS document_title, d.source, r.department, r.role, r.task,
       r.evidence, r.page, r.doc_id
FROM responsibilities r JOIN documents d ON d.id = r.doc_id;

CREATE VIEW scoring_items_view AS
SELECT i.id, d.title AS document_title, s.title AS scoring_table, i.path, i.points,
       (SELECT group_concat(c.text, ' | ') FROM scoring_criteria c WHERE c.item_id = i.id)
           AS criteria,
       i.page, i.doc_id
FROM scoring_items i
JOIN scoring_tables s ON s.id = i.scoring_table_id
JOIN documents d ON d.id = i.doc_id;

CREATE TABLE department_mentions (
    doc_id TEXT NOT NULL REFERENCES documents(id),
    name TEXT NOT NULL,
    department_id TEXT NOT NULL,
    PRIMARY KEY (doc_id, name)
);

CREATE INDEX department_mentions_department ON department_mentions (department_id);

CREATE VIEW owners_view AS
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
WHERE r.target_ids = '[]';

CREATE VIEW owners_by_department_view AS
SELECT dep.id AS department_id, dep.name AS canonical_department, dep.region AS region, o.*
FROM owners_view o
LEFT JOIN department_mentions m ON m.doc_id = o.doc_id AND m.name = o.department
LEFT JOIN departments dep ON dep.id = m.department_id;

CREATE INDEX scoring_items_doc_id ON scoring_items (doc_id);

CREATE VIEW deadlines_view AS
SELECT x.id, d.title AS document_title, d.source, x.task, x.due, x.recurrence,
       x.recurrence_detail, x.relative_due, x.responsible, x.evidence, x.page, x.doc_id
FROM deadlines x JOIN documents d ON d.id = x.doc_id;

CREATE TABLE "department_aliases" (
    alias TEXT NOT NULL,
    department_id TEXT NOT NULL REFERENCES departments(id)
);

CREATE INDEX department_aliases_alias ON department_aliases (alias);
