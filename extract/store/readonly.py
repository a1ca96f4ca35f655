"""Opening a database for reading only: what ``search``, ``owners``, ``export`` and ``serve`` use.

:func:`extract.store.open_db` creates and migrates, which is right for ``run`` but wrong for a
command that only reads: pointed at some other SQLite file it would add the whole schema to it.
:func:`open_readonly` opens the file through SQLite's ``mode=ro`` URI (``immutable=1`` when the
folder is not writable, as a WAL database then cannot be opened otherwise), so no statement can
change it, and checks that it is a policy-extract database before anything reads it.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path
from urllib.parse import quote

from sqlite_utils import Database

from .migrations import MIGRATIONS

LOGGER = logging.getLogger(__name__)

# The 16 bytes every SQLite 3 database file starts with.
SQLITE_HEADER = b"SQLite format 3\x00"


class DatabaseOpenError(ValueError):
    """A database a read command cannot use (missing, not SQLite, not ours); str() is one line."""


def sqlite_uri(path: str | Path, *, immutable: bool = False) -> str:
    """The ``file:`` URI that opens ``path`` read-only (``immutable``: no locking at all)."""
    quoted = quote(str(Path(path).resolve()))
    return f"file:{quoted}?{'immutable=1' if immutable else 'mode=ro'}"


def check_policy_database(path: str | Path) -> Path:
    """Raise :class:`DatabaseOpenError` unless ``path`` is a policy-extract SQLite database."""
    path = Path(path)
    if not path.is_file():
        raise DatabaseOpenError(f"{path}: no such database file")
    with path.open("rb") as f:
        if f.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise DatabaseOpenError(f"{path}: not an SQLite database")
    conn = _connect(path)
    try:
        _check_schema(conn, path)
    finally:
        conn.close()
    return path


def open_readonly(path: str | Path) -> Database:
    """A :class:`sqlite_utils.Database` on ``path`` that cannot write, after checking the file.

    Raises:
        DatabaseOpenError: missing file, not SQLite, or not written by policy-extract.
    """
    path = check_policy_database(path)
    conn = _connect(path)
    conn.execute("PRAGMA query_only = ON")
    return Database(conn)


def _connect(path: Path) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(sqlite_uri(path), uri=True)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError as e:
        # A WAL database in a read-only folder cannot get its -shm file: read it as immutable.
        LOGGER.info("%s: mode=ro failed (%s); opening as immutable", path, e)
    except sqlite3.DatabaseError as e:
        raise DatabaseOpenError(f"{path}: not an SQLite database ({e})") from e
    try:
        conn = sqlite3.connect(sqlite_uri(path, immutable=True), uri=True)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.DatabaseError as e:
        raise DatabaseOpenError(f"{path}: cannot open read-only: {e}") from e


def _check_schema(conn: sqlite3.Connection, path: Path) -> None:
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
    table = MIGRATIONS.migrations_table
    applied: set[str] = set()
    if table in tables:
        applied = {r[0] for r in conn.execute(
            f"SELECT name FROM [{table}] WHERE migration_set = ?", [MIGRATIONS.name])}
    if not applied or "documents" not in tables:
        raise DatabaseOpenError(f"{path}: not a policy-extract database (write one with `policy-extract run`)")
    pending = [m.name for m in MIGRATIONS.pending(Database(conn))]  # reads only
    if pending:
        raise DatabaseOpenError(
            f"{path}: written by an older policy-extract (schema steps missing: {', '.join(pending)}); "
            f"`policy-extract run PATH --db {path}` updates it")

