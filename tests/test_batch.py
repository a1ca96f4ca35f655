"""Batch runner torture: bad files are recorded and skipped over, re-runs are incremental,
an interrupted run keeps what it wrote, a crashed worker fails only files."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from extract import pipeline
from extract.batch import expand_paths, process_one, run_batch
from extract.errors import EmptyDocument, UndecodableFile
from extract.model import Document, Target
from extract.settings import Settings
from extract.store import open_db

# --------------------------------------------------------------------------- real pipeline


TRUNCATED_PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pa"


@pytest.fixture()
def torture_dir(tmp_path: Path, seeds_dir: Path) -> Path:
    corpus = tmp_path / "corpus"
    shutil.copytree(seeds_dir, corpus / "seeds")
    bad = corpus / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "binary.txt").write_bytes(b"\x00\x01\x02PK\x00\x00" * 200)
    (bad / "truncated.pdf").write_bytes(TRUNCATED_PDF)
    (bad / "not_a_zip.docx").write_bytes("这不是一个DOCX文件".encode())
    (bad / "undecodable.txt").write_bytes(b"\x81\xfe\x80\xff" * 20)  # invalid in UTF-8, GB18030 and Big5
    seed = sorted(seeds_dir.glob("*.txt"))[0].read_text(encoding="utf-8")
    (bad / "stage_raises.txt").write_text("【触发故障】" + seed, encoding="utf-8")
    return corpus


def _raising_stage(monkeypatch) -> None:
    """Make the targets stage raise on the one document carrying the marker."""
    stages = list(pipeline.STAGES)
    names = [name for name, _ in stages]
    original = dict(stages)["targets"]

    def targets(doc, settings):
        if "触发故障" in doc.text:
            raise ZeroDivisionError("division by zero")
        return original(doc, settings)

    stages[names.index("targets")] = ("targets", targets)
    monkeypatch.setattr(pipeline, "STAGES", stages)


def test_torture_batch_on_the_real_pipeline(torture_dir: Path, tmp_path: Path, monkeypatch) -> None:
    _raising_stage(monkeypatch)
    db_path = tmp_path / "policy.db"
    summary = run_batch([torture_dir], db_path, progress=False)
    bad_names = sorted(p.name for p in (torture_dir / "bad").iterdir())
    failed = sorted(Path(path).name for path, _ in summary.failures)
    assert failed == bad_names
    assert summary.n_ok == 5 and summary.n_failed == 6 and not summary.ok
    db = open_db(db_path)
    rows = list(db["failures"].rows)
    assert sorted(Path(r["path"]).name for r in rows) == bad_names  # exactly one row per bad file
    for row in rows:
        assert row["reason"] and "\n" not in row["reason"], row
    [staged] = [r for r in rows if r["path"].endswith("stage_raises.txt")]
    assert staged["stage"] == "targets" and "ZeroDivisionError" in staged["reason"]
    assert db["documents"].count == 5
    db.close()
    again = run_batch([torture_dir], db_path, progress=False)
    assert again.n_skipped == 5 and again.n_ok == 0 and again.n_failed == 6


# --------------------------------------------------------------------------- runner logic
# A stand-in pipeline keeps these tests about the runner (pool, skip, interrupt), not
# about what the extraction stages find.


def fake_process_bytes(data: bytes, source: str, settings=None) -> list[Document]:
    if not data.strip():
        raise EmptyDocument("empty file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise UndecodableFile("not decodable as UTF-8") from None
    if "CRASH" in text:
        raise TypeError("unsupported operand")
    if "DIE" in text:
        os._exit(3)  # a worker killed by the OS (segfault, out of memory)
    doc = Document(id=pipeline.sha256(data), source=source, format="txt", text=text)
    evidence = text[:8]
    doc.targets = [Target(indicator="能耗", value=1.0, unit="%", direction="decrease", evidence=evidence,
                          span=(0, len(evidence)))]
    return [pipeline.finalize(doc, Settings())]


@pytest.fixture()
def fake_pipeline(monkeypatch) -> None:
    monkeypatch.setattr(pipeline, "process_bytes", fake_process_bytes)


def write_corpus(root: Path, n_good: int = 6) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for i in range(n_good):
        (root / f"good_{i}.txt").write_text(f"到2025年能耗下降{i}%，第{i}号文件。", encoding="utf-8")
    (root / "empty.txt").write_bytes(b"  \n")
    (root / "gbk_bytes.txt").write_bytes("节能减排".encode("gb18030"))
    (root / "bug.txt").write_text("CRASH 这份文件触发程序错误", encoding="utf-8")
    return root


def test_expand_paths(tmp_path: Path) -> None:
    (tmp_path / "d" / "sub").mkdir(parents=True)
    (tmp_path / "d" / ".git").mkdir()
    for name in ["a.txt", "b.HTML", "README.md", "notes.csv", ".hidden.txt", "sub/c.pdf", "sub/d.jsonl",
                 ".git/x.txt"]:
        (tmp_path / "d" / name).write_text("x")
    (tmp_path / "named.dat").write_text("x")
    files, missing = expand_paths([tmp_path / "d", tmp_path / "named.dat", tmp_path / "nope", tmp_path / "d" / "a.txt"])
    assert [p.relative_to(tmp_path).as_posix() for p in files] == [
        "d/a.txt", "d/b.HTML", "d/sub/c.pdf", "d/sub/d.jsonl", "named.dat"]
    assert missing == [str(tmp_path / "nope")]


def test_process_one_turns_errors_into_reasons(fake_pipeline) -> None:
    ok = process_one("a.txt", "到2025年能耗下降5%".encode(), None)
    assert ok.ok and len(ok.documents) == 1 and ok.documents[0].targets[0].id
    empty = process_one("e.txt", b"", None)
    assert (empty.stage, empty.reason) == ("ingest", "empty file")
    bug = process_one("b.txt", b"CRASH", None)
    assert (bug.stage, bug.reason) == ("internal", "internal error: TypeError: unsupported operand")


def test_failures_are_recorded_and_the_batch_goes_on(fake_pipeline, tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "c")
    db_path = tmp_path / "p.db"
    summary = run_batch([corpus, tmp_path / "missing.txt"], db_path, progress=False)
    assert (summary.n_files, summary.n_ok, summary.n_failed, summary.n_skipped) == (10, 6, 4, 0)
    assert summary.records["targets"] == 6 and summary.n_documents == 6
    reasons = {Path(p).name: r for p, r in summary.failures}
    assert reasons == {
        "missing.txt": "no such file or directory", "empty.txt": "empty file",
        "gbk_bytes.txt": "not decodable as UTF-8", "bug.txt": "internal error: TypeError: unsupported operand",
    }
    db = open_db(db_path)
    assert db["documents"].count == 6 and db["targets"].count == 6
    assert db["failures"].count == 4
    [run] = list(db["runs"].rows)
    assert (run["status"], run["n_ok"], run["n_failed"], run["n_files"]) == ("completed", 6, 4, 10)
    db.close()


def test_second_run_skips_unchanged_and_redoes_changed(fake_pipeline, tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "c")
    db_path = tmp_path / "p.db"
    run_batch([corpus], db_path, progress=False)
    second = run_batch([corpus], db_path, progress=False)
    assert (second.n_ok, second.n_skipped, second.n_failed) == (0, 6, 3)  # failures are retried
    (corpus / "good_0.txt").write_text("到2030年能耗下降9%，修订版。", encoding="utf-8")
    shutil.copy(corpus / "good_1.txt", corpus / "copy_of_good_1.txt")
    third = run_batch([corpus], db_path, progress=False)
    assert (third.n_ok, third.n_skipped) == (1, 6)
    db = open_db(db_path)
    assert db["documents"].count == 6  # the old version of good_0 is gone
    assert any("修订版" in r["text"] for r in db["documents"].rows)
    assert db["files"].get(str((corpus / "copy_of_good_1.txt").absolute()))["status"] == "ok"
    db.close()


def interrupt_writer_after(n_files: int, monkeypatch):
    """Make the store raise KeyboardInterrupt (a Ctrl-C) once ``n_files`` files are written.

    Returns the real writer, for a test that resumes the run afterwards.
    """
    import extract.store as store

    real_write = store.write_file_documents
    calls = {"n": 0}

    def write_then_interrupt(*args, **kwargs):
        if calls["n"] == n_files:
            raise KeyboardInterrupt
        calls["n"] += 1
        return real_write(*args, **kwargs)

    monkeypatch.setattr(store, "write_file_documents", write_then_interrupt)
    return real_write


def test_interrupted_run_keeps_what_it_wrote(fake_pipeline, tmp_path: Path, monkeypatch) -> None:
    import extract.store as store

    corpus = write_corpus(tmp_path / "c")
    db_path = tmp_path / "p.db"
    real_write = interrupt_writer_after(3, monkeypatch)
    with pytest.raises(KeyboardInterrupt):
        run_batch([corpus], db_path, progress=False)
    db = open_db(db_path)
    assert db["documents"].count == 3
    assert [r["status"] for r in db["runs"].rows] == ["interrupted"]
    db.close()
    monkeypatch.setattr(store, "write_file_documents", real_write)
    resumed = run_batch([corpus], db_path, progress=False)
    assert (resumed.n_skipped, resumed.n_ok) == (3, 3)
    db = open_db(db_path)
    assert db["documents"].count == 6
    db.close()


def test_a_store_error_fails_one_file_only(fake_pipeline, tmp_path: Path, monkeypatch) -> None:
    import extract.store as store

    corpus = write_corpus(tmp_path / "c", n_good=3)
    real_write = store.write_file_documents

    def write(db, info, docs, run_id):
        if info.path.endswith("good_1.txt"):
            raise RuntimeError("disk says no")
        return real_write(db, info, docs, run_id)

    monkeypatch.setattr(store, "write_file_documents", write)
    summary = run_batch([corpus], tmp_path / "p.db", progress=False)
    assert summary.n_ok == 2
    assert ("internal error: store: RuntimeError: disk says no" in dict(
        (Path(p).name, r) for p, r in summary.failures)["good_1.txt"])


def test_pool_stores_the_same_as_one_process(fake_pipeline, tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "c", n_good=12)
    one = run_batch([corpus], tmp_path / "one.db", workers=1, progress=False)
    two = run_batch([corpus], tmp_path / "two.db", workers=2, progress=False)
    assert (one.n_ok, one.n_failed) == (two.n_ok, two.n_failed) == (12, 3)
    dbs = [open_db(tmp_path / "one.db"), open_db(tmp_path / "two.db")]
    ids = [sorted(r["id"] for r in db["targets"].rows) for db in dbs]
    assert ids[0] == ids[1] and len(ids[0]) == 12
    for db in dbs:
        db.close()


def test_a_dead_worker_fails_files_not_the_run(fake_pipeline, tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "c", n_good=4)
    (corpus / "killer.txt").write_text("DIE", encoding="utf-8")
    db_path = tmp_path / "p.db"
    summary = run_batch([corpus], db_path, workers=2, progress=False)
    reasons = dict((Path(p).name, r) for p, r in summary.failures)
    assert "worker process died" in reasons["killer.txt"]
    assert summary.n_ok + summary.n_failed == summary.n_files == 8
    (corpus / "killer.txt").unlink()
    retry = run_batch([corpus], db_path, workers=2, progress=False)
    assert retry.n_ok + retry.n_skipped == 4  # files lost with the pool succeed on the next run


def test_interrupted_run_leaves_a_searchable_index(fake_pipeline, tmp_path: Path, monkeypatch) -> None:
    """Full-text search sees exactly the files written before an interruption."""
    from extract.store import search

    corpus = write_corpus(tmp_path / "c")
    db_path = tmp_path / "p.db"
    interrupt_writer_after(4, monkeypatch)
    with pytest.raises(KeyboardInterrupt):
        run_batch([corpus], db_path, progress=False)
    db = open_db(db_path)
    assert len(search(db, "能耗下降")) == 4
    assert search(db, "第3号文件") and not search(db, "第5号文件")
    db.close()


def test_a_run_commits_files_in_groups_and_indexes_them_all(fake_pipeline, tmp_path: Path, monkeypatch) -> None:
    """One transaction per group of files, not per file; the index holds every document."""
    from extract.store import group, search

    corpus = write_corpus(tmp_path / "c", n_good=20)
    monkeypatch.setattr(group, "GROUP_FILES", 8)
    real_init = group.FileGroup.__init__
    groups: list[group.FileGroup] = []

    def init(self, db, **limits):
        real_init(self, db, **{"files": group.GROUP_FILES, **limits})
        groups.append(self)

    monkeypatch.setattr(group.FileGroup, "__init__", init)
    summary = run_batch([corpus], tmp_path / "p.db", progress=False)
    assert summary.n_ok == 20 and [g.commits for g in groups] == [3]  # 20 files + 3 failures: 8 + 8 + 7
    db = open_db(tmp_path / "p.db")
    assert db.execute("SELECT COUNT(*) FROM documents_fts_docsize").fetchone()[0] == db["documents"].count == 20
    assert len(search(db, "能耗下降", limit=50)) == 20
    db.close()
    again = run_batch([corpus], tmp_path / "p.db", progress=False)  # the no-op re-run writes nothing
    assert (again.n_skipped, again.n_ok) == (20, 0) and groups[-1].commits == 0
    (corpus / "good_3.txt").write_text("到2030年能耗下降9%，修订版。", encoding="utf-8")
    edited = run_batch([corpus], tmp_path / "p.db", progress=False)  # the old entry leaves the index
    assert edited.n_ok == 1
    db = open_db(tmp_path / "p.db")
    db.conn.execute("INSERT INTO documents_fts (documents_fts, rank) VALUES ('integrity-check', 1)")
    assert [h["title"] for h in search(db, "第3号文件")] == [] and len(search(db, "修订版")) == 1
    db.close()
