"""JSON Schemas of the exported tables (``schemas/export-<table>.schema.json``).

One schema per table that ``policy-extract export`` writes by default, describing one JSONL
record: SQLite's declared types become JSON types, columns that may be NULL accept ``null``,
JSON columns are arrays (of strings or objects), and each column carries the description
Datasette shows (``extract/data/datasette.yaml``).  The files are generated from the migrated
schema; ``tests/store/test_table_schemas.py`` checks that they agree.
"""

from __future__ import annotations

import logging
from typing import Any

from sqlite_utils import Database

from .descriptions import load_spec
from .migrations import JSON_COLUMNS

LOGGER = logging.getLogger(__name__)

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
# JSON columns whose items are objects (the others are lists of strings; runs.args is an object).
OBJECT_ITEMS = {
    "cited_documents": {"title", "doc_number"},
    "contacts": {"name", "phone", "email"},
    "categories": {"name", "points", "path"},
}


def schema_file_name(table: str) -> str:
    return f"export-{table}.schema.json"


def table_schema(db: Database, table: str) -> dict[str, Any]:
    """The JSON Schema of one exported JSONL record of ``table``."""
    spec = load_spec()
    descriptions = {**spec["common_columns"], **spec["tables"].get(table, {}).get("columns", {})}
    json_cols = set(JSON_COLUMNS.get(table, ()))
    properties: dict[str, Any] = {}
    required = []
    for _, name, declared, notnull, _, pk in db.execute(f"PRAGMA table_info([{table}])").fetchall():
        prop = _json_column(name) if name in json_cols else {"type": _json_type(declared)}
        if not (notnull or pk):
            prop["type"] = [prop["type"], "null"]
        if name in descriptions:
            prop["description"] = descriptions[name]
        properties[name] = prop
        required.append(name)
    return {
        "$schema": JSON_SCHEMA_DIALECT,
        "$id": schema_file_name(table),
        "title": spec["tables"].get(table, {}).get("title", table),
        "description": "One record of `policy-extract export --format jsonl --table " + table + "`. "
                       + spec["tables"].get(table, {}).get("description", ""),
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


def _json_type(declared: str) -> str:
    declared = (declared or "").upper()
    if "INT" in declared:
        return "integer"
    if any(t in declared for t in ("REAL", "FLOA", "DOUB")):
        return "number"
    return "string"


def _json_column(name: str) -> dict[str, Any]:
    if name == "args":
        return {"type": "object"}
    if name in OBJECT_ITEMS:
        return {"type": "array", "items": {"type": "object", "properties": {k: {} for k in sorted(OBJECT_ITEMS[name])}}}
    return {"type": "array", "items": {"type": "string"}}
