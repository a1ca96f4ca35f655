"""schemas/export-<table>.schema.json: generated from the migrated schema, and valid for real exports."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from extract.store import DEFAULT_TABLES, export, open_db, write_document
from extract.store.table_schemas import schema_file_name, table_schema

SCHEMAS = Path(__file__).resolve().parent.parent.parent / "schemas"


@pytest.mark.parametrize("table", DEFAULT_TABLES)
def test_table_schema_file_matches_the_database(table: str) -> None:
    expected = json.dumps(table_schema(open_db(None), table), ensure_ascii=False, indent=2) + "\n"
    path = SCHEMAS / schema_file_name(table)
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_text(expected, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == expected, "run with UPDATE_GOLDEN=1 to regenerate"


@pytest.mark.parametrize("table", DEFAULT_TABLES)
def test_exported_records_validate(db, full_document, tmp_path: Path, table: str) -> None:
    import jsonschema

    write_document(db, full_document)
    out = tmp_path / f"{table}.jsonl"
    export(db, "jsonl", out, [table])
    schema = json.loads((SCHEMAS / schema_file_name(table)).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert records
    for record in records:
        validator.validate(record)
