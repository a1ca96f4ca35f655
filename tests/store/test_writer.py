"""Writing Documents: every table filled, re-writes idempotent, one transaction per file
(several files per transaction inside a group: tests/store/test_group.py)."""

from __future__ import annotations

import copy
import json

import pytest

from extract.model import Document
from extract.store import FileInfo, record_failure, write_document, write_file_documents
from extract.store.writer import delete_document, document_rows, is_stored, one_line

EXPECTED_ROWS = {
    "documents": 1, "blocks": 15, "tables": 1, "cells": 7, "targets": 2, "target_departments": 2,
    "deadlines": 2, "responsibilities": 2, "scoring_tables": 1, "scoring_items": 1, "scoring_criteria": 1,
}


def table_counts(db) -> dict[str, int]:
    return {name: db[name].count for name in EXPECTED_ROWS}


def test_document_rows_cover_every_table(full_document: Document) -> None:
    rows = document_rows(full_document, "/data/a.txt")
    assert {name: len(r) for name, r in rows.items()} == EXPECTED_ROWS
    doc_row = rows["documents"][0]
    assert doc_row["n_pages"] == 2 and doc_row["file_path"] == "/data/a.txt"
    assert json.loads(doc_row["issuers"]) == ["临江市发展和改革委员会"]
    assert "\\u" not in doc_row["issuers"]  # Chinese stays readable in the database


def test_write_fills_tables_and_rewrite_is_idempotent(db, full_document: Document) -> None:
    write_document(db, full_document)
    assert table_counts(db) == EXPECTED_ROWS
    first = {name: list(db[name].rows) for name in EXPECTED_ROWS}
    write_document(db, copy.deepcopy(full_document))
    assert {name: list(db[name].rows) for name in EXPECTED_ROWS} == first


def test_stored_values_keep_spans_and_json(db, full_document: Document) -> None:
    write_document(db, full_document)
    target = db["targets"].get("t0000000000000001")
    text = db["documents"].get(full_document.id)["text"]
    assert text[target["span_start"]:target["span_end"]] == target["evidence"]
    assert target["value"] == 14.5 and target["baseline_year"] == 2020
    resp = db["responsibilities"].get("r0000000000000002")
    assert json.loads(resp["target_ids"]) == ["t0000000000000001"]
    item = next(db["scoring_items"].rows)
    assert json.loads(item["path"]) == ["强化目标管理", "节约能源资源目标管理"]
    cell = db["cells"].get((db["tables"].rows.__next__()["id"], 1, 0))
    assert cell["colspan"] == 3


def test_rewrite_with_fewer_records_leaves_no_orphans(db, full_document: Document) -> None:
    write_document(db, full_document)
    smaller = copy.deepcopy(full_document)
    smaller.targets = smaller.targets[1:]
    smaller.scoring_tables = []
    smaller.tables = []
    write_document(db, smaller)
    counts = table_counts(db)
    assert counts["targets"] == 1 and counts["target_departments"] == 0
    assert counts["scoring_items"] == 0 and counts["scoring_criteria"] == 0 and counts["cells"] == 0


def test_delete_document_removes_everything(db, full_document: Document) -> None:
    write_document(db, full_document)
    delete_document(db, full_document.id)
    assert set(table_counts(db).values()) == {0}


def test_failed_write_rolls_back_the_whole_document(db, full_document: Document, monkeypatch) -> None:
    def broken(db, doc):
        raise RuntimeError("departments store failed")

    monkeypatch.setattr("extract.store.writer.store_departments", broken)
    with pytest.raises(RuntimeError):
        write_document(db, full_document)
    assert set(table_counts(db).values()) == {0}


def test_records_without_ids_are_refused(db, full_document: Document) -> None:
    full_document.targets[0].id = ""
    with pytest.raises(ValueError, match="without id"):
        write_document(db, full_document)


def test_file_write_marks_ok_and_drops_stale_documents(db, full_document: Document) -> None:
    info = FileInfo(path="/corpus/records.jsonl", sha256="aa" * 32, size=10, mtime=1.0)
    other = copy.deepcopy(full_document)
    other.id = "b" * 64
    assert write_file_documents(db, info, [full_document, other], run_id=None) == 2
    assert is_stored(db, "aa" * 32)
    # the file changed: the new version holds only `other`
    info2 = FileInfo(path="/corpus/records.jsonl", sha256="cc" * 32, size=9, mtime=2.0)
    write_file_documents(db, info2, [other], run_id=None)
    assert [r["id"] for r in db["documents"].rows] == ["b" * 64]
    assert not is_stored(db, "aa" * 32) and is_stored(db, "cc" * 32)
    assert db["targets"].count == 2  # only other's targets remain


def test_record_failure_is_one_row_with_one_line(db) -> None:
    info = FileInfo(path="/corpus/bad.pdf", sha256="dd" * 32, size=3)
    record_failure(db, info, stage="ingest", reason="corrupt PDF:\n  unexpected EOF", run_id=None)
    [row] = list(db["failures"].rows)
    assert row["reason"] == "corrupt PDF: unexpected EOF" and row["stage"] == "ingest"
    assert db["files"].get("/corpus/bad.pdf")["status"] == "failed"
    assert not is_stored(db, "dd" * 32)


def test_failure_of_unreadable_file_has_no_files_row(db) -> None:
    record_failure(db, FileInfo(path="/nope.txt", sha256=None), stage="read", reason="no such file", run_id=None)
    assert db["failures"].count == 1 and db["files"].count == 0


@pytest.mark.parametrize(("raw", "expected"), [
    ("line one\nline two", "line one line two"),
    ("  padded\t", "padded"),
    ("", "unknown error"),
    ("长" * 600, "长" * 500),
])
def test_one_line(raw: str, expected: str) -> None:
    assert one_line(raw) == expected


def test_views_read_like_a_report(db, full_document: Document) -> None:
    write_document(db, full_document)
    rows = {r["id"]: r for r in db["targets_view"].rows}
    first = rows["t0000000000000001"]
    assert first["document_title"] == "临江市“十四五”节能减排实施方案"
    assert first["departments"] == "市发展改革委 (lead); 市工业和信息化局 (support)"
    [item] = list(db["scoring_items_view"].rows)
    assert item["scoring_table"] == "节约型机关评价标准" and "年度指标" in item["criteria"]


def test_rewrite_clears_department_mentions(db, full_document: Document) -> None:
    write_document(db, full_document)
    db.execute("INSERT OR IGNORE INTO department_mentions (doc_id, name, department_id) VALUES (?, ?, ?)",
               [full_document.id, "不再出现的部门", "dep-x"])
    write_document(db, full_document)  # foreign keys enforced: the old mention must go first
    names = [r[0] for r in db.execute("SELECT name FROM department_mentions WHERE doc_id = ?", [full_document.id])]
    assert "不再出现的部门" not in names
