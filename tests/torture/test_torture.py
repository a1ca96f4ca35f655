"""Issue 14: one batch over the torture corpus (tests/torture/conftest.py).

Every input ends with a documents row or a one-line failure reason, nothing escapes as
a traceback, the exit status is 1, the database passes its integrity checks, documents
stored before are still there, a re-run is a no-op, and no worker passed 1 GiB.
"""

from __future__ import annotations

import re
import shutil

import pytest
from click.testing import CliRunner

from extract import pipeline
from extract.cli import cli
from extract.store import open_db
from extract.walk import printable
from extract.workers import peak_worker_rss_bytes

PEAK_WORKER_BYTES = 1024 * 1024 * 1024
# Failures whose stage is a pipeline stage, or "internal", are bugs, not bad input.
BUG_STAGES = {"internal", *(name for name, _ in pipeline.STAGES)}


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["run", *args, "--no-progress"], catch_exceptions=False)
    return result.exit_code, result.output


@pytest.fixture(scope="module")
def torture_run(torture_corpus, tmp_path_factory):
    root, expected = torture_corpus
    db_path = tmp_path_factory.mktemp("torture_db") / "policy.db"
    seeds_only = tmp_path_factory.mktemp("seeds")
    for seed in sorted((root / "seeds").iterdir()):
        shutil.copy(seed, seeds_only / seed.name)
    code, _ = _run(str(seeds_only), "--db", str(db_path))
    assert code == 0
    db = open_db(db_path)
    seeded = {r["id"]: r["text"] for r in db["documents"].rows}
    db.close()
    code, output = _run(str(root), "--db", str(db_path), "--workers", "2", "--max-seconds", "120")
    return root, expected, db_path, seeded, code, output


def test_torture_exit_status_and_no_traceback(torture_run) -> None:
    *_, code, output = torture_run
    assert code == 1, output
    assert "Traceback" not in output


def test_torture_every_input_has_a_document_or_a_reason(torture_run) -> None:
    root, expected, db_path, *_ = torture_run
    db = open_db(db_path)
    files = {r["path"]: r for r in db["files"].rows}
    docs_of = {}
    for r in db.execute("SELECT file_path, count(*) FROM documents GROUP BY file_path").fetchall():
        docs_of[r[0]] = r[1]
    failures = {}
    for r in db["failures"].rows:
        failures[r["path"]] = r
    db.close()
    problems = []
    for name, expect in sorted(expected.items()):
        path = printable(root.absolute()) + "/" + name
        if expect == "ok":
            row = files.get(path)
            # a copy of bytes stored before under another path has a files row and no documents of its own
            if row is None or row["status"] != "ok" or not (docs_of.get(path) or row["n_documents"]):
                problems.append(f"{name}: expected documents, got {row and row['reason'] or failures.get(path)}")
            continue
        failure = failures.get(path)
        if failure is None:
            problems.append(f"{name}: expected a failure matching {expect!r}, got none")
            continue
        reason = failure["reason"]
        if "\n" in reason or not re.search(expect, reason):
            problems.append(f"{name}: reason {reason!r} does not match {expect!r}")
        if failure["stage"] in BUG_STAGES or reason.startswith("internal error"):
            problems.append(f"{name}: a bug, not a refusal: {failure['stage']}: {reason}")
    assert not problems, "\n".join(problems)


def test_torture_integrity_and_seeded_documents(torture_run) -> None:
    _, _, db_path, seeded, *_ = torture_run
    db = open_db(db_path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    now = {r["id"]: r["text"] for r in db["documents"].rows}
    assert all(now.get(doc_id) == text for doc_id, text in seeded.items())
    # counts match the rows stored (a JSONL with a repeated record counts it once)
    for path, n in db.execute("SELECT path, n_documents FROM files WHERE status = 'ok'").fetchall():
        stored = db.execute("SELECT count(*) FROM documents WHERE file_path = ?", [path]).fetchone()[0]
        assert n == stored or stored == 0, path  # 0: a copy of bytes stored under another path
    assert db.execute("SELECT count(*) FROM runs WHERE status = 'running'").fetchone()[0] == 0
    db.close()


def test_torture_evidence_equals_span(torture_run) -> None:
    _, _, db_path, *_ = torture_run
    db = open_db(db_path)
    for table in ("targets", "deadlines", "responsibilities"):
        rows = db.execute(f"SELECT t.evidence, t.span_start, t.span_end, d.text FROM {table} t "
                          "JOIN documents d ON d.id = t.doc_id").fetchall()
        for evidence, start, end, text in rows:
            assert text[start:end] == evidence
    db.close()


def test_torture_peak_worker_memory(torture_run) -> None:
    assert peak_worker_rss_bytes() <= PEAK_WORKER_BYTES


def test_torture_rerun_is_a_no_op(torture_run) -> None:
    root, _, db_path, *_ = torture_run
    db = open_db(db_path)
    before = {t: db[t].count for t in ("files", "documents", "failures", "targets")}
    db.close()
    code, output = _run(str(root), "--db", str(db_path), "--workers", "2")
    assert code == 1 and "Traceback" not in output
    assert re.search(r"\(0 stored, \d+ unchanged, \d+ failed\)", output), output
    db = open_db(db_path)
    assert {t: db[t].count for t in before} == before
    [last] = db.execute("SELECT n_ok, status FROM runs ORDER BY id DESC LIMIT 1").fetchall()
    assert last == (0, "completed")
    db.close()
