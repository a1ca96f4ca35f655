"""Exporting database tables as JSONL, CSV or Parquet for other tools.

Output location rule (also in ``policy-extract export --help``): exporting ONE table
writes the file ``out``; exporting several tables writes ``out/<table>.<ext>`` (the
directory is created).  JSON columns (``issuers``, ``path``...) are decoded into real
lists in JSONL; CSV and Parquet keep them as JSON text so every column has one type.
"""

from __future__ import annotations

import csv
import json
import logging
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from .migrations import JSON_COLUMNS

LOGGER = logging.getLogger(__name__)

FORMATS = ("jsonl", "csv", "parquet")
DEFAULT_TABLES = ("targets", "deadlines", "responsibilities", "scoring_items", "documents")

# Rows per Parquet record batch: bounds memory on large databases.
PARQUET_BATCH_ROWS = 10_000


class ExportError(ValueError):
    """An export that cannot be done (unknown table or format); str() is the reason."""


def exportable_tables(db: Database) -> list[str]:
    """Tables and views a user may export (not FTS shadow tables or bookkeeping)."""
    names = db.table_names() + db.view_names()
    return sorted(n for n in names if not n.startswith(("_", "documents_fts", "sqlite_")))


def export(db: Database, fmt: str, out: str | Path, tables: Sequence[str] = ()) -> dict[str, Path]:
    """Write ``tables`` (default :data:`DEFAULT_TABLES`) in ``fmt``; returns table -> file."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    tables = list(tables) or list(DEFAULT_TABLES)
    known = exportable_tables(db)
    unknown = [t for t in tables if t not in known]
    if unknown:
        raise ExportError(f"unknown table {', '.join(unknown)} (choose from {', '.join(known)})")
    out = Path(out)
    if len(tables) == 1:
        targets = {tables[0]: out}
        out.parent.mkdir(parents=True, exist_ok=True)
    else:
        if out.exists() and not out.is_dir():
            raise ExportError(f"{out} is a file: exporting several tables needs a directory")
        out.mkdir(parents=True, exist_ok=True)
        targets = {t: out / f"{t}.{fmt}" for t in tables}
    writer = {"jsonl": write_jsonl, "csv": write_csv, "parquet": write_parquet}[fmt]
    for table, path in targets.items():
        n = writer(db, table, path)
        LOGGER.info("exported %d rows of %s to %s", n, table, path)
    return targets


def _rows(db: Database, table: str) -> tuple[list[str], Iterator[tuple[Any, ...]]]:
    cursor = db.execute(f"SELECT * FROM [{table}]")
    return [d[0] for d in cursor.description], iter(cursor)


def write_jsonl(db: Database, table: str, path: Path) -> int:
    columns, rows = _rows(db, table)
    json_cols = set(JSON_COLUMNS.get(table, ()))
    n = 0
    with path.open("w", encoding="utf-8") as f:
        for row in rows:
            record = {c: (json.loads(v) if c in json_cols and isinstance(v, str) else v)
                      for c, v in zip(columns, row)}
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
            n += 1
    return n


def write_csv(db: Database, table: str, path: Path) -> int:
    columns, rows = _rows(db, table)
    n = 0
    # utf-8-sig: spreadsheet programs then open Chinese text correctly
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(columns)
        for row in rows:
            w.writerow(row)
            n += 1
    return n


def write_parquet(db: Database, table: str, path: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(name, _arrow_type(pa, decl)) for name, decl in _declared_types(db, table)])
    columns, rows = _rows(db, table)
    n = 0
    with pq.ParquetWriter(path, schema) as w:
        while True:
            batch = [r for _, r in zip(range(PARQUET_BATCH_ROWS), rows)]
            if not batch and n:
                break
            w.write_table(pa.Table.from_pylist([dict(zip(columns, r)) for r in batch], schema=schema))
            n += len(batch)
            if len(batch) < PARQUET_BATCH_ROWS:
                break
    return n


def _declared_types(db: Database, table: str) -> list[tuple[str, str]]:
    cursor = db.execute(f"SELECT * FROM [{table}] LIMIT 0")
    names = [d[0] for d in cursor.description]
    declared = {r[1]: (r[2] or "").upper() for r in db.execute(f"PRAGMA table_info([{table}])")}
    return [(n, declared.get(n, "")) for n in names]


def _arrow_type(pa: Any, declared: str) -> Any:
    """SQLite declared type -> Arrow type (views' computed columns become strings)."""
    if "INT" in declared:
        return pa.int64()
    if "REAL" in declared or "FLOA" in declared or "DOUB" in declared:
        return pa.float64()
    return pa.string()
