"""What earlier runs left in the database, read at the start of a new run.

- A run still marked ``running`` when another starts was interrupted (killed, power
  lost): it is marked so, instead of staying ``running`` forever.
- A file that failed is not processed again while its bytes and the project's version
  are unchanged (a memory bomb would cost the same on every run); ``--retry-failed``
  (``run_batch(retry_failed=True)``) forces it.  Its failure still counts in the run's
  summary, with the reason recorded the first time.
- An entry that could not be read at all (a FIFO, a symlink loop, a missing path) gets
  no new ``failures`` row while the last one for its path says the same.
"""

from __future__ import annotations

from typing import Any


def close_stale_runs(db: Any) -> int:
    """Mark every ``running`` run as ``interrupted``; returns how many there were."""
    with db.atomic():
        cursor = db.execute("UPDATE runs SET status = 'interrupted' WHERE status = 'running'")
    return cursor.rowcount or 0


def known_failure(db: Any, sha256: str, version: str) -> tuple[str | None, str] | None:
    """``(stage, reason)`` of an earlier failure of these bytes under this version, if any."""
    row = db.execute(
        "SELECT fl.stage, fl.reason FROM failures fl JOIN runs r ON r.id = fl.run_id "
        "WHERE fl.sha256 = ? AND r.version = ? "
        "AND EXISTS (SELECT 1 FROM files f WHERE f.sha256 = fl.sha256 AND f.status = 'failed') "
        "ORDER BY fl.id DESC LIMIT 1",
        [sha256, version],
    ).fetchone()
    return (row[0], row[1]) if row else None


def failed_here(db: Any, path: str, sha256: str) -> bool:
    """The ``files`` row of ``path`` already says these bytes failed."""
    return db.execute("SELECT 1 FROM files WHERE path = ? AND sha256 = ? AND status = 'failed'",
                      [path, sha256]).fetchone() is not None


def same_unreadable(db: Any, path: str, reason: str) -> bool:
    """The last failure recorded for ``path`` was this unreadable-entry reason."""
    from .store.writer import one_line

    row = db.execute("SELECT sha256, reason FROM failures WHERE path = ? ORDER BY id DESC LIMIT 1",
                     [path]).fetchone()
    return row is not None and row[0] is None and row[1] == one_line(reason)
