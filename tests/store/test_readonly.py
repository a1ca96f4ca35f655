"""Opening a database read-only: refusals in one line, no write possible, old schemas named."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from extract.store import open_db
from extract.store.migrations import MIGRATIONS
from extract.store.readonly import DatabaseOpenError, open_readonly, sqlite_uri


def test_readonly_database_refuses_writes(tmp_path: Path) -> None:
    open_db(tmp_path / "p.db").close()
    db = open_readonly(tmp_path / "p.db")
    with pytest.raises(sqlite3.OperationalError, match="readonly|read-only|query_only|attempt to write"):
        db.execute("CREATE TABLE x (a)")
    assert db["documents"].count == 0
    db.close()


def test_readonly_names_a_database_written_before_the_last_schema_step(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = open_db(path)
    newest = MIGRATIONS.applied(db)[-1].name
    db.execute("DELETE FROM _sqlite_migrations WHERE name = ?", [newest])
    db.conn.commit()
    db.close()
    with pytest.raises(DatabaseOpenError, match=f"written by an older policy-extract .*{newest}"):
        open_readonly(path)


def test_sqlite_uri_quotes_the_path(tmp_path: Path) -> None:
    uri = sqlite_uri(tmp_path / "a b#c?.db")
    assert uri.startswith("file:/") and uri.endswith("?mode=ro") and "%20" in uri and "%23" in uri and "%3F" in uri
    assert sqlite_uri(tmp_path / "p.db", immutable=True).endswith("?immutable=1")


def test_readonly_reads_a_path_with_uri_characters(tmp_path: Path) -> None:
    path = tmp_path / "a b#c?.db"
    open_db(path).close()
    db = open_readonly(path)
    assert db["documents"].count == 0
    db.close()


def test_readonly_falls_back_to_immutable_when_mode_ro_cannot_open(tmp_path: Path, monkeypatch) -> None:
    """A WAL database in a folder the reader cannot write (no -shm possible) opens as immutable."""
    import extract.store.readonly as readonly

    open_db(tmp_path / "p.db").close()
    real_connect = sqlite3.connect
    uris = []

    def connect(database, *args, **kwargs):
        uris.append(database)
        if database.endswith("mode=ro"):
            raise sqlite3.OperationalError("unable to open database file")
        return real_connect(database, *args, **kwargs)

    monkeypatch.setattr(readonly.sqlite3, "connect", connect)
    db = open_readonly(tmp_path / "p.db")
    assert db["documents"].count == 0 and uris[-1].endswith("immutable=1")
    db.close()
