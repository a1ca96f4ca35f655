"""Several files per transaction: the batch writer's group commit.

Why: a commit is the writer's largest fixed cost per file (the B-tree pages a file
touched are written to the WAL again, the full-text index gets a segment of its own and
merges it), so ``run`` stores files in groups of up to :data:`GROUP_FILES` files (fewer
when :data:`GROUP_SECONDS` have passed or :data:`GROUP_CHARS` characters of text wait),
each group in ONE transaction that also indexes its documents for full-text search
(:func:`extract.store.fts.index_documents`).

Crash safety is unchanged in kind: a group holds only whole files (a file that fails
half-way is rolled back with its group, and the group's earlier files are written again),
so a killed run leaves every committed file complete and indexed, and the files of the
group it was writing are simply not stored: the next run processes them again (they have
no ``files`` row).  An exception that stops the run (Ctrl-C) commits the group first, so
nothing already written is lost.  Files are not protected by savepoints, on purpose:
FTS5 flushes its pending terms at every savepoint, and SQLite journals the pages each
savepoint changes, which cost more than the commits saved.
"""

from __future__ import annotations

import time
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from .fts import index_documents

# Files per transaction at most: large enough that the commit is a small share of a
# file's cost, small enough that a reader (Datasette, ``search``) sees a run progress.
GROUP_FILES = 64
# A group is committed once it has been open this long (checked as each file is added),
# so that slow documents do not hold finished ones back from readers for long.
GROUP_SECONDS = 2.0
# ... or once its documents hold this many characters: the group keeps its files'
# documents until the commit (for a replay), so this bounds the memory it holds when
# documents are large (64 seed-sized files hold ~0.3M characters).
GROUP_CHARS = 2_000_000

# The group open on a database, if any: the writer's entry points look it up here.
_OPEN: weakref.WeakKeyDictionary[Any, FileGroup] = weakref.WeakKeyDictionary()


class FileGroup:
    """The open transaction of a group of files and what it needs to commit or replay."""

    def __init__(self, db: Any, *, files: int = GROUP_FILES, seconds: float = GROUP_SECONDS,
                 chars: int = GROUP_CHARS, clock: Callable[[], float] = time.monotonic) -> None:
        self.db = db
        self.max_files, self.max_seconds, self.max_chars = files, seconds, chars
        self.clock = clock
        self.started = 0.0
        self.writes: list[Callable[[], None]] = []  # each file's row writes, for a replay
        self.doc_ids: list[str] = []  # documents to index before the commit
        self.chars = 0
        self.commits = 0

    def add(self, write: Callable[[], None], doc_ids: list[str], chars: int) -> None:
        """Write one file's rows (``write``) into the group; commit when the group is full.

        If ``write`` raises, the file's partial rows are rolled back with the group and the
        group's earlier files are written again, then the exception propagates.
        """
        conn = self.db.conn
        if not conn.in_transaction:
            conn.execute("BEGIN")
        if not self.writes:
            self.started = self.clock()
        try:
            write()
        except BaseException:
            self._rollback_and_replay()
            raise
        self.writes.append(write)
        self.doc_ids.extend(doc_ids)
        self.chars += chars
        if (len(self.writes) >= self.max_files or self.chars >= self.max_chars
                or self.clock() - self.started >= self.max_seconds):
            self.commit()

    def commit(self) -> None:
        """Index the group's documents and commit (a no-op when nothing is open)."""
        conn = self.db.conn
        if conn.in_transaction:
            index_documents(self.db, self.doc_ids)
            conn.execute("COMMIT")
            self.commits += 1
        self.writes.clear()
        self.doc_ids.clear()
        self.chars = 0

    def _rollback_and_replay(self) -> None:
        conn = self.db.conn
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        if not self.writes:
            return
        conn.execute("BEGIN")
        try:
            for write in self.writes:
                write()
        except BaseException:
            conn.execute("ROLLBACK")
            self.writes.clear()
            self.doc_ids.clear()
            self.chars = 0
            raise


@contextmanager
def grouped_writes(db: Any, **limits: Any) -> Iterator[FileGroup]:
    """Inside this block, :func:`extract.store.write_file_documents` on ``db`` joins a group
    (see the module's docstring); leaving it commits the last group, also on an exception."""
    if db in _OPEN:
        raise RuntimeError("a group of writes is already open on this database")
    group = FileGroup(db, **limits)
    _OPEN[db] = group
    try:
        yield group
    finally:
        del _OPEN[db]
        try:
            group.commit()
        except BaseException:
            if db.conn.in_transaction:
                db.conn.execute("ROLLBACK")
            raise


def open_group(db: Any) -> FileGroup | None:
    """The group open on ``db``, or None (each file then commits on its own)."""
    return _OPEN.get(db)
