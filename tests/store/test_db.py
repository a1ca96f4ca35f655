"""Opening/migrating the database and Chinese full-text search (trigram + short fallback)."""

from __future__ import annotations

import copy

import pytest

from extract.model import Document
from extract.store import counts, open_db, search, write_document
from extract.store.migrations import MIGRATIONS
from extract.store.writer import delete_document


def test_migrations_apply_once_and_reopen_cleanly(tmp_path) -> None:
    path = tmp_path / "sub" / "policy.db"
    db = open_db(path)
    applied = [m.name for m in MIGRATIONS.applied(db)]
    # every step once, in file order, numbered without gaps; the historic steps never change
    assert applied[:3] == ["001_initial", "002_department_mentions", "003_owners_views"]
    assert [int(name[:3]) for name in applied] == list(range(1, len(applied) + 1))
    assert len(applied) == len(MIGRATIONS._migrations)
    db.close()
    db = open_db(path)  # second open: nothing pending, nothing re-created
    assert MIGRATIONS.pending(db) == []
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.close()


def test_foreign_keys_are_enforced(db) -> None:
    import sqlite3

    with pytest.raises(sqlite3.IntegrityError):
        db["targets"].insert({"id": "x", "doc_id": "missing", "indicator": "a", "direction": "reach",
                              "value": 1, "evidence": "a", "span_start": 0, "span_end": 1})


@pytest.fixture()
def searchable(db, full_document: Document):
    write_document(db, full_document)
    other = copy.deepcopy(full_document)
    other.id = "c" * 64
    other.metadata.title = "关于做好春季森林防火工作的通知"
    other.text = "各地要严格落实森林防火责任制，加强野外火源管理。"
    other.targets, other.deadlines, other.responsibilities, other.scoring_tables = [], [], [], []
    other.blocks, other.tables = [], []
    write_document(db, other)
    return db


@pytest.mark.parametrize(("query", "expected_titles"), [
    ("节能减排", ["临江市“十四五”节能减排实施方案"]),          # FTS trigram (4 chars)
    ("森林防火", ["关于做好春季森林防火工作的通知"]),            # title and text
    ("发展改革委", ["临江市“十四五”节能减排实施方案"]),
    ("能源", ["临江市“十四五”节能减排实施方案"]),                # 2 chars: substring fallback
    ("火", ["关于做好春季森林防火工作的通知"]),                  # 1 char: substring fallback
    ("春季", ["关于做好春季森林防火工作的通知"]),                # 2 chars found only in the title
    ("碳达峰", []),                                              # absent
    ("碳", []),
    ('"节能', []),                                               # a quote is literal, not FTS syntax
    ("   ", []),
])
def test_search_finds_chinese_substrings(searchable, query: str, expected_titles: list[str]) -> None:
    assert sorted(h["title"] for h in search(searchable, query)) == sorted(expected_titles)


def test_search_snippets_mark_the_hit(searchable) -> None:
    [long_hit] = search(searchable, "野外火源")
    assert "[野外火源]" in long_hit["snippet"]
    [short_hit] = search(searchable, "野外")
    assert "[野外]" in short_hit["snippet"]


def test_search_index_follows_updates_and_deletes(searchable, full_document: Document) -> None:
    changed = copy.deepcopy(full_document)
    changed.text = changed.text.replace("节能减排", "绿色低碳")
    changed.metadata.title = "临江市绿色低碳实施方案"
    write_document(searchable, changed)
    assert search(searchable, "节能减排") == []
    assert [h["title"] for h in search(searchable, "绿色低碳")] == ["临江市绿色低碳实施方案"]
    delete_document(searchable, full_document.id)
    assert search(searchable, "绿色低碳") == []


def test_search_limit(searchable) -> None:
    assert len(search(searchable, "的", limit=1)) == 1


def test_counts(searchable) -> None:
    assert counts(searchable) == {"documents": 2, "targets": 2, "deadlines": 2, "responsibilities": 2,
                                  "scoring_tables": 1, "scoring_items": 1}


def test_in_memory_database_by_default() -> None:
    db = open_db()
    assert db.memory
    db.close()


def test_relative_due_is_stored_and_shown(db, full_document: Document) -> None:
    """Migration 004: a relative limit ("收到通知之日起5个工作日内") reaches the table and its view."""
    import copy

    doc = copy.deepcopy(full_document)
    doc.deadlines[0].relative_due = "收到通知之日起5个工作日内"
    write_document(db, doc)
    rows = db.execute("SELECT relative_due FROM deadlines_view WHERE doc_id = ? ORDER BY relative_due", [doc.id]).fetchall()
    assert [r[0] for r in rows] == [None, "收到通知之日起5个工作日内"]


def test_databases_before_migration_004_gain_the_column(tmp_path) -> None:
    import sqlite3

    from sqlite_utils import Database

    path = tmp_path / "old.db"
    old = Database(path)
    for migration in MIGRATIONS.pending(old)[:3]:  # 001-003: a database written before relative_due
        migration.fn(old)
        old["_sqlite_migrations"].insert({"migration_set": MIGRATIONS.name, "name": migration.name,
                                           "applied_at": "2026-01-01"})
    old.close()
    db = open_db(path)
    assert "relative_due" in {c.name for c in db["deadlines"].columns}
    db.close()
    sqlite3.connect(path).close()


def test_migration_011_keeps_the_aliases_of_an_older_database(tmp_path) -> None:
    from sqlite_utils import Database

    path = tmp_path / "old.db"
    old = Database(path)
    for migration in MIGRATIONS.pending(old)[:10]:  # 001-010: aliases keyed (alias, department_id)
        migration.fn(old)
        old["_sqlite_migrations"].insert({"migration_set": MIGRATIONS.name, "name": migration.name,
                                           "applied_at": "2026-01-01"})
    old.execute("INSERT INTO departments (id, name, region, aliases) VALUES ('d1', '省财政厅', '省', '[]')")
    old.execute("INSERT INTO department_aliases VALUES ('省财政厅', 'd1'), ('财政厅', 'd1')")
    old.conn.commit()
    old.close()
    db = open_db(path)
    assert db.execute("SELECT alias, department_id FROM department_aliases ORDER BY rowid").fetchall() == [
        ("省财政厅", "d1"), ("财政厅", "d1")]
    assert "department_aliases_alias" in {i.name for i in db["department_aliases"].indexes}
    db.close()
