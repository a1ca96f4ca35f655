"""schemas/: the JSON Schema accepts real output and rejects broken output; policy.sql
matches the migrated database."""

from __future__ import annotations

import copy
import json
import os
import sqlite3
from pathlib import Path

import pytest

from extract.model import Document
from extract.store import open_db
from extract.store.migrations import schema_sql

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "schemas" / "document.schema.json"
POLICY_SQL = ROOT / "schemas" / "policy.sql"
FULL = Path(__file__).parent / "golden" / "documents" / "full_document.json"
SQL_HEADER = """-- policy-extract database schema (SQLite >= 3.34 with FTS5).
-- Generated from extract/store/migrations.py (the source of truth):
--   UPDATE_GOLDEN=1 .venv/bin/python -m pytest -q tests/test_schema.py
-- tests/test_schema.py checks that this file and the migrated schema agree.

"""


@pytest.fixture(scope="module")
def validator():
    import jsonschema

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.fixture()
def full_dict() -> dict:
    return json.loads(FULL.read_text(encoding="utf-8"))


def errors(validator, obj) -> list[str]:
    return [e.message for e in validator.iter_errors(obj)]


def test_hand_built_documents_validate(validator, full_dict: dict) -> None:
    doc = Document.from_dict(full_dict)
    assert errors(validator, doc.to_dict()) == []
    assert errors(validator, doc.to_dict(with_text=True)) == []
    empty = Document(id="e" * 64, source="empty.txt", format="txt")
    assert errors(validator, empty.to_dict()) == []


def _set(path: str, value):
    def mutate(obj: dict) -> None:
        *parents, last = path.split(".")
        for key in parents:
            obj = obj[int(key)] if key.isdigit() else obj[key]
        if value is _DELETE:
            del obj[last]
        else:
            obj[last] = value
    return mutate


_DELETE = object()


@pytest.mark.parametrize(("mutation", "why"), [
    (_set("targets.0.direction", "down"), "direction enum"),
    (_set("targets.0.qualifier", "more"), "qualifier enum"),
    (_set("targets.0.span", [1, 2, 3]), "span is 2 ints"),
    (_set("targets.0.span", [1.5, 2]), "span ints"),
    (_set("targets.0.value", "15"), "value is a number"),
    (_set("targets.0.page", 0), "pages are 1-based"),
    (_set("targets.0.departments", [{"name": "市能源局", "role": "boss"}]), "role enum"),
    (_set("targets.0.deadline", "2025年"), "deadline format"),
    (_set("deadlines.0.recurrence", "weekly"), "recurrence enum"),
    (_set("responsibilities.0.role", "owner"), "responsibility role enum"),
    (_set("document.format", "xls"), "format enum"),
    (_set("document.script", "latin"), "script enum"),
    (_set("document.issue_date", "2022/03/08"), "date format"),
    (_set("document.issuers", _DELETE), "every list present"),
    (_set("deadlines", _DELETE), "every record list present"),
    (_set("targets.0.surprise", 1), "no unknown fields"),
    (_set("schema_version", "2"), "schema version"),
])
def test_broken_documents_are_rejected(validator, full_dict: dict, mutation, why: str) -> None:
    broken = copy.deepcopy(full_dict)
    mutation(broken)
    assert errors(validator, broken), why


def test_every_seed_output_validates(validator, processed_seeds: dict) -> None:
    for name, doc in processed_seeds.items():
        assert errors(validator, doc.to_dict(with_text=True)) == [], name


# --------------------------------------------------------------------------- policy.sql


def _shape(conn: sqlite3.Connection) -> dict[str, object]:
    objects = conn.execute(
        "SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE '%sqlite_migrations%' AND name NOT LIKE 'documents_fts_%'"
    ).fetchall()
    columns = {
        name: [(r[1], r[2].upper(), r[3], r[5]) for r in conn.execute(f"PRAGMA table_info([{name}])")]
        for kind, name in objects if kind in ("table", "view")
    }
    fks = {name: sorted(conn.execute(f"PRAGMA foreign_key_list([{name}])").fetchall())
           for kind, name in objects if kind == "table"}
    return {"objects": sorted(objects), "columns": columns, "foreign_keys": fks}


def test_policy_sql_matches_migrations() -> None:
    db = open_db()
    expected = SQL_HEADER + schema_sql(db)
    if os.environ.get("UPDATE_GOLDEN") == "1":
        POLICY_SQL.write_text(expected, encoding="utf-8")
    from_file = sqlite3.connect(":memory:")
    from_file.executescript(POLICY_SQL.read_text(encoding="utf-8"))
    assert _shape(from_file) == _shape(db.conn)
    assert POLICY_SQL.read_text(encoding="utf-8") == expected, "run with UPDATE_GOLDEN=1 to regenerate"
    db.close()


def test_policy_sql_has_the_promised_tables() -> None:
    conn = sqlite3.connect(":memory:")
    conn.executescript(POLICY_SQL.read_text(encoding="utf-8"))
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
    assert {"files", "documents", "blocks", "tables", "cells", "targets", "target_departments", "deadlines",
            "responsibilities", "departments", "department_aliases", "scoring_tables", "scoring_items",
            "scoring_criteria", "failures", "runs", "documents_fts", "targets_view"} <= names
