"""Group commits: several whole files per transaction, a failing file rolled back alone,
and a killed writer leaves a consistent database (checked by statements and rows)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from extract.model import Document
from extract.store import open_db, record_failure, write_file_documents
from extract.store.group import grouped_writes, open_group

from .test_fts import file_of, index_matches_documents, variant


def commits(seen: list[str]) -> int:
    return len([s for s in seen if s.strip().upper() == "COMMIT"])


def test_files_commit_in_groups(db, full_document: Document) -> None:
    seen: list[str] = []
    db.conn.set_trace_callback(seen.append)
    with grouped_writes(db, files=4) as group:
        for n in range(10):
            write_file_documents(db, file_of(n), [variant(full_document, n)], None)
        assert open_group(db) is group
    db.conn.set_trace_callback(None)
    assert commits(seen) == 3 == group.commits  # 4 + 4 + the last 2 when the block ends
    assert not [s for s in seen if "SAVEPOINT" in s.upper()]  # FTS5 flushes at every savepoint
    assert open_group(db) is None
    assert db["files"].count == db["documents"].count == 10 and index_matches_documents(db)


def test_a_group_commits_when_its_time_is_up(db, full_document: Document) -> None:
    clock = iter(range(100)).__next__  # one second passes per reading
    with grouped_writes(db, files=100, seconds=2.5, clock=clock) as group:
        for n in range(6):
            write_file_documents(db, file_of(n), [variant(full_document, n)], None)
    assert group.commits == 2


def test_a_file_failing_half_way_is_rolled_back_alone(db, full_document: Document, monkeypatch) -> None:
    """Its rows are gone, the group's earlier files are written again, later ones go on."""
    import extract.store.writer as writer

    real = writer.store_departments

    def fails_on_file_2(db, doc):  # called after the document's rows are written
        if doc.id == variant(full_document, 2).id:
            raise RuntimeError("disk says no")
        return real(db, doc)

    monkeypatch.setattr(writer, "store_departments", fails_on_file_2)
    with grouped_writes(db, files=100):
        for n in range(5):
            try:
                write_file_documents(db, file_of(n), [variant(full_document, n)], None)
            except RuntimeError:
                record_failure(db, file_of(n), stage="store", reason="disk says no", run_id=None)
    ids = {r["id"] for r in db["documents"].rows}
    assert ids == {variant(full_document, n).id for n in (0, 1, 3, 4)}
    assert {r["path"]: r["status"] for r in db["files"].rows}[file_of(2).path] == "failed"
    assert db["failures"].count == 1 and index_matches_documents(db)
    assert db.execute("SELECT COUNT(*) FROM targets WHERE doc_id = ?", [variant(full_document, 2).id]).fetchone()[0] == 0


def test_an_exception_in_the_block_commits_the_whole_files(db, full_document: Document) -> None:
    with pytest.raises(KeyboardInterrupt), grouped_writes(db, files=100):
        for n in range(3):
            write_file_documents(db, file_of(n), [variant(full_document, n)], None)
        raise KeyboardInterrupt
    assert db["documents"].count == 3 and not db.conn.in_transaction and index_matches_documents(db)


_KILLED_WRITER = """
import copy, os, sys
sys.path[:0] = {paths!r}
from store.conftest import build_document
from store.test_fts import file_of, variant
from extract.store import open_db, write_file_documents
from extract.store.group import grouped_writes

db = open_db(sys.argv[1])
doc = build_document()
with grouped_writes(db, files=4):
    for n in range(10):
        if n == 7:
            os._exit(9)  # killed: no commit, no rollback, no close
        write_file_documents(db, file_of(n), [variant(doc, n)], None)
"""


def test_a_killed_writer_leaves_whole_indexed_files(tmp_path: Path, full_document: Document) -> None:
    """Killed in its second group: the first group is there, complete; the rest is not."""
    tests = Path(__file__).resolve().parent.parent
    script = _KILLED_WRITER.format(paths=[str(tests), str(tests.parent)])
    path = tmp_path / "policy.db"
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(script), str(path)], check=False)
    assert done.returncode == 9
    db = open_db(path)
    assert sorted(r["path"] for r in db["files"].rows) == [file_of(n).path for n in range(4)]
    assert db["documents"].count == 4 and index_matches_documents(db)
    assert db.execute("SELECT COUNT(*) FROM targets t LEFT JOIN documents d ON d.id = t.doc_id "
                      "WHERE d.id IS NULL").fetchone()[0] == 0
    with grouped_writes(db):  # the next run writes what was lost
        for n in range(4, 10):
            write_file_documents(db, file_of(n), [variant(full_document, n)], None)
    assert db["documents"].count == 10 and index_matches_documents(db)
    db.close()
