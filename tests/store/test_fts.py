"""The full-text index is kept by the writer (no per-row trigger), one bulk insert per
transaction, and always holds exactly the stored documents."""

from __future__ import annotations

import copy
import sqlite3

from extract.model import Document
from extract.store import FileInfo, open_db, search, write_document, write_file_documents
from extract.store.fts import unindexed_count
from extract.store.group import grouped_writes
from extract.store.writer import delete_document


def index_matches_documents(db) -> bool:
    """FTS5's own check of the index against the ``documents`` rows (rank 1: the content)."""
    try:
        db.conn.execute("INSERT INTO documents_fts (documents_fts, rank) VALUES ('integrity-check', 1)")
    except sqlite3.DatabaseError:
        return False
    n_indexed = db.execute("SELECT COUNT(*) FROM documents_fts_docsize").fetchone()[0]
    return n_indexed == db["documents"].count and unindexed_count(db) == 0


def variant(doc: Document, n: int) -> Document:
    """``doc`` as another document (its own id and record ids, its own words)."""
    out = copy.deepcopy(doc)
    out.id = f"{n:064x}"
    out.text = out.text.replace("节能减排", f"节能减排第{n}号")
    for records in (out.targets, out.deadlines, out.responsibilities, out.scoring_tables):
        for r in records:
            r.id = f"{r.id}-{n}"
    for r in out.responsibilities:
        r.target_ids = [f"{i}-{n}" for i in r.target_ids]
        r.deadline_ids = [f"{i}-{n}" for i in r.deadline_ids]
    return out


def file_of(n: int) -> FileInfo:
    return FileInfo(path=f"/corpus/{n:03d}.txt", sha256=f"{n:064x}", size=1, mtime=0.0)


def test_documents_have_no_per_row_trigger(db) -> None:
    triggers = db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'documents'")
    assert triggers.fetchall() == []


def test_each_write_indexes_its_document_once(db, full_document: Document) -> None:
    write_document(db, full_document)
    assert index_matches_documents(db)
    write_document(db, copy.deepcopy(full_document))  # a re-write replaces the entry
    assert index_matches_documents(db)
    delete_document(db, full_document.id)
    assert index_matches_documents(db) and db["documents"].count == 0


def test_a_group_indexes_its_documents_with_one_statement(db, full_document: Document) -> None:
    seen: list[str] = []
    db.conn.set_trace_callback(seen.append)
    with grouped_writes(db, files=100):
        for n in range(12):
            write_file_documents(db, file_of(n), [variant(full_document, n)], None)
    db.conn.set_trace_callback(None)
    assert len([s for s in seen if s.startswith("INSERT INTO documents_fts")]) == 1
    assert len([s for s in seen if s.strip().upper() == "COMMIT"]) == 1
    assert index_matches_documents(db)
    assert len(search(db, "节能减排第7号")) == 1


def test_a_group_is_indexed_as_one_segment(db, full_document: Document) -> None:
    """Rows reach FTS5 in rowid order: out of order, it flushes a segment per document."""
    with grouped_writes(db, files=100):
        for n in reversed(range(12)):  # ids descending: the id index would give them backwards
            write_file_documents(db, file_of(n), [variant(full_document, n)], None)
    assert db.execute("SELECT COUNT(DISTINCT segid) FROM documents_fts_idx").fetchone()[0] == 1


def test_a_document_replaced_within_a_group_is_indexed_once(db, full_document: Document) -> None:
    """Two files holding one JSON record: the second write deletes a row not indexed yet."""
    doc = variant(full_document, 1)
    with grouped_writes(db, files=100):
        write_file_documents(db, file_of(1), [doc], None)
        write_file_documents(db, file_of(2), [copy.deepcopy(doc)], None)
    assert db["documents"].count == 1 and index_matches_documents(db)


def test_a_database_indexed_by_the_old_triggers_migrates_intact(tmp_path, full_document: Document) -> None:
    """Migration 009 drops the triggers; what they indexed stays, and the writer carries on."""
    from sqlite_utils import Database

    from extract.store.migrations import MIGRATIONS

    path = tmp_path / "old.db"
    old = Database(path)
    MIGRATIONS.apply(old, stop_before="009_fts_filled_by_the_writer")
    assert old.execute("SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger'").fetchone()[0] == 3
    old.execute("INSERT INTO documents (id, source, format, title, text) VALUES ('old', 'old.txt', 'txt', "
                "'旧的节能减排方案', '旧文件的全文：节能减排')")  # indexed by the trigger, as before
    old.close()
    db = open_db(path)
    assert db.execute("SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger'").fetchone()[0] == 0
    assert index_matches_documents(db) and [h["id"] for h in search(db, "旧文件的")] == ["old"]
    write_document(db, variant(full_document, 2))
    delete_document(db, "old")
    assert index_matches_documents(db) and [h["id"] for h in search(db, "节能减排第2号")] == [f"{2:064x}"]
    db.close()


def segments(db) -> int:
    """Segments the full-text index holds (a flush adds one, a merge joins several)."""
    return db.execute("SELECT COUNT(DISTINCT segid) FROM documents_fts_idx").fetchone()[0]


def long_variant(doc: Document, n: int) -> Document:
    """:func:`variant` with 20 times the text: enough index pages for FTS5 to merge."""
    out = variant(doc, n)
    out.text = "\n".join(f"{out.text}第{n}-{k}段" for k in range(20))
    return out


def index_blocks_written(db, docs: list[Document]) -> int:
    """Index pages (blocks of ``documents_fts_data``) FTS5 writes, flushes and merges
    included, while ``docs`` are stored one file per commit."""
    seen: list[str] = []
    db.conn.set_trace_callback(seen.append)
    for n, doc in enumerate(docs):
        write_file_documents(db, file_of(n), [doc], None)
    db.conn.set_trace_callback(None)
    return len([s for s in seen if "REPLACE INTO 'main'.'documents_fts_data'" in s])


def before_migration_010(path):  # noqa: ANN001, ANN201 - a sqlite_utils Database
    from sqlite_utils import Database

    from extract.store.migrations import MIGRATIONS

    old = Database(path)
    MIGRATIONS.apply(old, stop_before="010_fts_automerge")
    return old


def test_the_index_merges_sixteen_segments_at_a_time(tmp_path, full_document: Document) -> None:
    """Migration 010: FTS5 merges 16 segments a level (not 4), so storing the same 64 files
    writes fewer index pages."""
    from extract.store.migrations import FTS_AUTOMERGE, FTS_HASHSIZE

    new = open_db(tmp_path / "new.db")
    config = dict(new.execute("SELECT k, v FROM documents_fts_config").fetchall())
    assert config["automerge"] == FTS_AUTOMERGE == 16 and config["hashsize"] == FTS_HASHSIZE
    docs = [long_variant(full_document, n) for n in range(64)]
    old = before_migration_010(tmp_path / "old.db")
    assert index_blocks_written(new, docs) < 0.85 * index_blocks_written(old, docs)
    assert index_matches_documents(new) and index_matches_documents(old)
    old.close()
    new.close()


def test_merging_sixteen_at_a_time_keeps_every_hit_and_rank(tmp_path, full_document: Document) -> None:
    """The same 64 commits into a database before migration 010 (merging 4 at a time) and
    after it: the segments differ, every search's hits and ranks do not."""
    old = before_migration_010(tmp_path / "old.db")
    new = open_db(tmp_path / "new.db")
    docs = [long_variant(full_document, n) for n in range(64)]
    for db in (old, new):
        for n, doc in enumerate(docs):
            write_file_documents(db, file_of(n), [doc], None)
        assert index_matches_documents(db)
    layout = "SELECT segid, term, pgno FROM documents_fts_idx ORDER BY 1, 2"
    assert old.execute(layout).fetchall() != new.execute(layout).fetchall()  # merged differently
    queries = ["节能减排", "节能减排第7号", "节能减排第3", "第1号", "发展和改革委员会", "临江市"]
    sql = ("SELECT d.id, documents_fts.rank FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid "
           "WHERE documents_fts MATCH ? ORDER BY rank")
    for q in queries:
        hits = old.execute(sql, [f'"{q}"']).fetchall()
        assert hits and hits == new.execute(sql, [f'"{q}"']).fetchall(), q
    old.close()
    new.close()


def test_a_database_of_the_previous_version_merges_sixteen_at_a_time(tmp_path, full_document: Document) -> None:
    """Migration 010 upgrades a database in place: its index is kept, later merges take 16."""
    path = tmp_path / "old.db"
    old = before_migration_010(path)
    for n in range(6):
        write_file_documents(old, file_of(n), [variant(full_document, n)], None)
    assert old.execute("SELECT COUNT(*) FROM documents_fts_config WHERE k = 'automerge'").fetchone()[0] == 0
    old.close()
    db = open_db(path)
    assert db.execute("SELECT v FROM documents_fts_config WHERE k = 'automerge'").fetchone()[0] == 16
    assert index_matches_documents(db) and [h["id"] for h in search(db, "节能减排第5号")] == [f"{5:064x}"]
    write_file_documents(db, file_of(9), [variant(full_document, 9)], None)
    assert index_matches_documents(db) and db["documents"].count == 7
    db.close()


def test_a_large_group_flushes_one_segment(tmp_path, full_document: Document) -> None:
    """Migration 010's hashsize: 64 files holding more than FTS5's default 1 MB of pending
    terms are indexed as one segment (before, as several)."""
    import random

    docs = [variant(full_document, n) for n in range(64)]
    for n, doc in enumerate(docs):  # ~1,500 characters of varied words each
        rng = random.Random(n)
        doc.text += "".join(chr(0x4E00 + rng.randrange(3000)) for _ in range(1500))
    old = before_migration_010(tmp_path / "old.db")
    new = open_db(tmp_path / "new.db")
    for db in (old, new):
        with grouped_writes(db, files=len(docs)):
            for n, doc in enumerate(docs):
                write_file_documents(db, file_of(n), [doc], None)
        assert index_matches_documents(db)
    assert segments(old) > 1 and segments(new) == 1
    old.close()
    new.close()
