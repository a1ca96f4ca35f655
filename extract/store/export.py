"""Exporting database tables as JSONL, CSV or Parquet for other tools.

Output location rule (also in ``policy-extract export --help``): exporting ONE table
writes the file ``out`` (``-``: standard output); exporting several tables writes
``out/<table>.<ext>`` (the directory is created).  JSON columns (``issuers``, ``path``...)
are decoded into real lists in JSONL and typed Arrow lists in Parquet; CSV keeps them as
JSON text.  A documents CSV leaves out ``text`` unless asked (``with_text``): spreadsheet
programs cut a cell at 32,767 characters and a long document is longer.
"""

from __future__ import annotations

import contextlib
import csv
import json
import logging
import sys
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
# The largest cell Excel keeps whole (its documented limit): documents.text often exceeds it.
SPREADSHEET_MAX_CELL_CHARS = 32_767
# ``out`` meaning standard output.
STDOUT = "-"


class ExportError(ValueError):
    """An export that cannot be done (unknown table or format); str() is the reason."""


def exportable_tables(db: Database) -> list[str]:
    """Tables and views a user may export (not FTS shadow tables or bookkeeping)."""
    names = db.table_names() + db.view_names()
    return sorted(n for n in names if not n.startswith(("_", "documents_fts", "sqlite_")))


def export(db: Database, fmt: str, out: str | Path, tables: Sequence[str] = (), *,
           with_text: bool = False) -> dict[str, Path]:
    """Write ``tables`` (default :data:`DEFAULT_TABLES`) in ``fmt``; returns table -> file.

    ``out`` is ``-`` for standard output (one table only).  ``with_text``: keep
    ``documents.text`` in CSV (left out by default, see the module docstring).
    """
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    tables = list(tables) or list(DEFAULT_TABLES)
    known = exportable_tables(db)
    unknown = [t for t in tables if t not in known]
    if unknown:
        raise ExportError(f"unknown table {', '.join(unknown)} (choose from {', '.join(known)})")
    out = Path(out)
    if str(out) == STDOUT:
        if len(tables) != 1:
            raise ExportError("standard output (-o -) takes one table: name it with --table")
        targets = {tables[0]: out}
    elif len(tables) == 1:
        targets = {tables[0]: out}
        out.parent.mkdir(parents=True, exist_ok=True)
    else:
        if out.exists() and not out.is_dir():
            raise ExportError(f"{out} is a file: exporting several tables needs a directory")
        out.mkdir(parents=True, exist_ok=True)
        targets = {t: out / f"{t}.{fmt}" for t in tables}
    for table, path in targets.items():
        if fmt == "csv":
            n = write_csv(db, table, path, with_text=with_text)
        else:
            n = {"jsonl": write_jsonl, "parquet": write_parquet}[fmt](db, table, path)
        LOGGER.info("exported %d rows of %s to %s", n, table, path)
    return targets


@contextlib.contextmanager
def _open_out(path: Path, mode: str, **kwargs: Any) -> Iterator[Any]:
    """``path`` opened for writing, or standard output for ``-`` (left open)."""
    if str(path) != STDOUT:
        with path.open(mode, **kwargs) as f:
            yield f
        return
    if "b" in mode:
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
    else:
        yield sys.stdout
        sys.stdout.flush()


def _rows(db: Database, table: str) -> tuple[list[str], Iterator[tuple[Any, ...]]]:
    cursor = db.execute(f"SELECT * FROM [{table}]")
    return [d[0] for d in cursor.description], iter(cursor)


def write_jsonl(db: Database, table: str, path: Path) -> int:
    columns, rows = _rows(db, table)
    json_cols = set(JSON_COLUMNS.get(table, ()))
    n = 0
    with _open_out(path, "w", encoding="utf-8") as f:
        for row in rows:
            record = {c: (json.loads(v) if c in json_cols and isinstance(v, str) else v)
                      for c, v in zip(columns, row)}
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
            n += 1
    return n


def write_csv(db: Database, table: str, path: Path, *, with_text: bool = False) -> int:
    columns, rows = _rows(db, table)
    drop = {"text"} if table == "documents" and not with_text else set()
    keep = [i for i, c in enumerate(columns) if c not in drop]
    n = 0
    # utf-8-sig: spreadsheet programs then open Chinese text correctly (not on standard output)
    encoding = "utf-8" if str(path) == STDOUT else "utf-8-sig"
    with _open_out(path, "w", encoding=encoding, newline="") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow([columns[i] for i in keep])
        for row in rows:
            w.writerow([row[i] for i in keep])
            n += 1
    return n


def write_parquet(db: Database, table: str, path: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    json_cols = set(JSON_COLUMNS.get(table, ()))
    fields = [(name, _json_arrow_type(pa, name) if name in json_cols else _arrow_type(pa, decl))
              for name, decl in _declared_types(db, table)]
    schema = pa.schema(fields)
    decode = {name for name, t in fields if name in json_cols and not pa.types.is_string(t)}
    columns, rows = _rows(db, table)
    n = 0
    with _open_out(path, "wb") as f, pq.ParquetWriter(f, schema) as w:
        while True:
            batch = [r for _, r in zip(range(PARQUET_BATCH_ROWS), rows)]
            if not batch and n:
                break
            records = [{c: (json.loads(v) if c in decode and isinstance(v, str) else v) for c, v in zip(columns, r)}
                       for r in batch]
            w.write_table(pa.Table.from_pylist(records, schema=schema))
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


def _json_arrow_type(pa: Any, column: str) -> Any:
    """Arrow type of a JSON column: lists stay lists (of strings or of structs); objects stay JSON text."""
    strings = pa.list_(pa.string())
    structs = {
        "cited_documents": pa.list_(pa.struct([("title", pa.string()), ("doc_number", pa.string())])),
        "contacts": pa.list_(pa.struct([("name", pa.string()), ("phone", pa.string()), ("email", pa.string())])),
        "categories": pa.list_(pa.struct([("name", pa.string()), ("points", pa.float64()), ("path", strings)])),
        "args": pa.string(),  # runs.args is an object of options, not a list
    }
    return structs.get(column, strings)
