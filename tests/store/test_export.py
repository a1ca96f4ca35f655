"""Exports: JSONL (JSON columns decoded), CSV (UTF-8 with BOM), Parquet (typed columns)."""

from __future__ import annotations

import csv
import json

import pytest

from extract.model import Document
from extract.store import DEFAULT_TABLES, ExportError, export, write_document


@pytest.fixture()
def filled(db, full_document: Document):
    write_document(db, full_document)
    return db


def test_jsonl_single_table_to_a_file(filled, tmp_path) -> None:
    out = tmp_path / "targets.jsonl"
    assert export(filled, "jsonl", out, ["targets"]) == {"targets": out}
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["indicator"] for r in rows] == ["单位地区生产总值能源消耗", "可再生能源装机容量"]


def test_jsonl_decodes_json_columns(filled, tmp_path) -> None:
    out = tmp_path / "docs.jsonl"
    export(filled, "jsonl", out, ["documents"])
    [row] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert row["recipients"] == ["各区人民政府", "市直各部门"]
    assert row["contacts"][0]["name"] == "王明"


def test_default_tables_go_to_a_directory(filled, tmp_path) -> None:
    written = export(filled, "csv", tmp_path / "out", [])
    assert list(written) == list(DEFAULT_TABLES)
    with written["deadlines"].open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["due"] for r in rows] == ["2022-06-30", ""]
    assert json.loads(rows[0]["responsible"]) == ["各单位"]


def test_parquet_round_trip(filled, tmp_path) -> None:
    import pyarrow.parquet as pq

    written = export(filled, "parquet", tmp_path / "pq", ["targets", "targets_view", "scoring_items"])
    targets = pq.read_table(written["targets"])
    assert targets.num_rows == 2
    assert str(targets.schema.field("value").type) == "double"
    assert str(targets.schema.field("span_start").type) == "int64"
    assert targets.column("unit").to_pylist() == ["%", "万千瓦"]
    view = pq.read_table(written["targets_view"])
    assert "document_title" in view.column_names


def test_parquet_of_an_empty_table(db, tmp_path) -> None:
    import pyarrow.parquet as pq

    export(db, "parquet", tmp_path / "t.parquet", ["targets"])
    assert pq.read_table(tmp_path / "t.parquet").num_rows == 0


@pytest.mark.parametrize(("fmt", "tables", "message"), [
    ("xml", ["targets"], "unknown format"),
    ("jsonl", ["no_such_table"], "unknown table no_such_table"),
    ("csv", ["documents_fts_data"], "unknown table"),
])
def test_bad_exports_are_refused(db, tmp_path, fmt: str, tables: list[str], message: str) -> None:
    with pytest.raises(ExportError, match=message):
        export(db, fmt, tmp_path / "x", tables)


def test_several_tables_into_an_existing_file_is_refused(db, tmp_path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(ExportError, match="needs a directory"):
        export(db, "jsonl", tmp_path / "file", ["targets", "deadlines"])
