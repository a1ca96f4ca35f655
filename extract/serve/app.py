"""Datasette configuration built from ``extract/data/datasette.yaml``, for Datasette 0.65 and 1.0.

Datasette 0.65 reads titles, descriptions, table options and canned queries from one metadata
document; 1.0 splits them into metadata (titles, descriptions, column descriptions) and
configuration (``datasette.yaml``: canned queries and table options such as facets).
:func:`build_configuration` returns both halves and :func:`make_datasette` passes them the way
the installed version expects.  The database is opened immutable: Datasette never writes it.
"""

from __future__ import annotations

import asyncio
import copy
import logging
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..store.descriptions import load_spec

LOGGER = logging.getLogger(__name__)

# Characters of document text shown on each side of a record's evidence (record_in_context).
CONTEXT_CHARS = 150
# Characters of a long cell (a document's text) shown in table pages before "...".
TRUNCATE_CELLS_HTML = 300
DEFAULT_PORT = 8001


class DatasetteMissing(RuntimeError):
    """Datasette is not installed; str() says how to install it."""


def require_datasette() -> None:
    """Raise :class:`DatasetteMissing` (with how to install it) unless Datasette can be imported."""
    _import_datasette()


def _import_datasette() -> Any:
    try:
        import datasette.app
    except ImportError as e:
        raise DatasetteMissing(
            "Datasette is not installed: pip install 'policy-extract[serve]' (make demo installs it)") from e
    return datasette.app


def splits_configuration() -> bool:
    """True for Datasette 1.0, whose ``Datasette(config=...)`` holds queries and table options.

    Read from the version: Datasette 1.0's pytest plugin wraps ``Datasette.__init__``, so
    its signature says nothing under a test run.
    """
    _import_datasette()
    from datasette.version import __version__

    return int(__version__.split(".")[0]) >= 1


def query_sql(sql: str) -> str:
    """A canned query's SQL with the owners query and the synonym rows filled in."""
    from ..store.queries import indicator_synonyms, owners_sql

    pairs = [(a, b) for group in indicator_synonyms() for a in group for b in group]
    synonym_rows = "".join(", ('{}', '{}')".format(a.replace("'", "''"), b.replace("'", "''")) for a, b in pairs)
    alias_rows = "".join(", ('{}', '{}')".format(a.replace("'", "''"), b.replace("'", "''"))
                         for a, b in department_alias_cores())
    return (sql.replace("{owners_sql}", owners_sql().strip())
               .replace("{indicator_synonyms}", synonym_rows)
               .replace("{department_aliases}", alias_rows)
               .replace("{context}", str(CONTEXT_CHARS)))


@lru_cache(maxsize=1)
def department_alias_cores() -> list[tuple[str, str]]:
    """(alias core, canonical core) pairs of ``extract/data/department_aliases.tsv`` (发改委 -> 发展改革委)."""
    text = resources.files("extract").joinpath("data", "department_aliases.tsv").read_text(encoding="utf-8")
    pairs = []
    for line in text.splitlines():
        cols = line.split("#", 1)[0].split("\t")
        if len(cols) >= 2 and cols[0].strip() and cols[1].strip():
            pairs.append((cols[0].strip(), cols[1].strip()))
    return pairs


def build_configuration(db_name: str, columns: dict[str, list[str]]) -> tuple[dict[str, Any], dict[str, Any]]:
    """(metadata, configuration) for a database named ``db_name`` with these tables' columns.

    Every table and view in ``columns`` gets a title, a description and a description of each
    of its columns (the table's own entry, else the shared one or another table's, else the
    column name).
    """
    spec = load_spec()
    # A view's column means what the same column of a table means (targets_view.indicator).
    shared = dict(spec["common_columns"])
    for entry in spec["tables"].values():
        for c, text in entry.get("columns", {}).items():
            shared.setdefault(c, text)
    tables_meta: dict[str, Any] = {}
    for table, names in columns.items():
        entry = copy.deepcopy(spec["tables"].get(table, {}))
        entry.setdefault("title", table)
        entry.setdefault("description", table)
        own = entry.get("columns", {})
        entry["columns"] = {c: own.get(c) or shared.get(c) or c for c in names}
        tables_meta[table] = entry
    metadata = {
        "title": spec["title"],
        "description": spec["description"],
        "databases": {db_name: {"description": spec["database"]["description"], "tables": tables_meta}},
    }
    queries = {name: {**q, "sql": query_sql(q["sql"])} for name, q in spec["queries"].items()}
    options = {t: copy.deepcopy(o) for t, o in spec["table_options"].items() if t in columns}
    config = {"databases": {db_name: {"queries": queries, "tables": options}}}
    return metadata, config


def _table_columns(db_path: Path) -> dict[str, list[str]]:
    from ..store.readonly import open_readonly

    db = open_readonly(db_path)
    try:
        names = [n for n in db.table_names() + db.view_names() if not n.startswith(("documents_fts", "sqlite_"))]
        return {n: [r[1] for r in db.execute(f"PRAGMA table_info([{n}])")] for n in names}
    finally:
        db.close()


def _register_plugin() -> None:
    from datasette.plugins import pm

    from . import plugin

    if not pm.is_registered(plugin):
        pm.register(plugin, name="policy_extract")


def make_datasette(db_path: str | Path) -> Any:
    """A ``datasette.app.Datasette`` serving ``db_path`` immutable with the project's configuration.

    Raises:
        DatasetteMissing: Datasette is not installed.
        extract.store.readonly.DatabaseOpenError: not a policy-extract database.
    """
    app = _import_datasette()
    db_path = Path(db_path)
    metadata, config = build_configuration(db_path.stem, _table_columns(db_path))
    _register_plugin()
    settings = {"truncate_cells_html": TRUNCATE_CELLS_HTML}
    if splits_configuration():
        return app.Datasette(immutables=[str(db_path)], metadata=metadata, config=config, settings=settings)
    merged = copy.deepcopy(metadata)
    db_meta = merged["databases"][db_path.stem]
    db_meta["queries"] = config["databases"][db_path.stem]["queries"]
    for table, options in config["databases"][db_path.stem]["tables"].items():
        db_meta["tables"].setdefault(table, {}).update(options)
    return app.Datasette(immutables=[str(db_path)], metadata=merged, settings=settings)


def serve(db_path: str | Path, *, host: str = "127.0.0.1", port: int = DEFAULT_PORT) -> None:
    """Run Datasette on ``host:port`` until interrupted (Ctrl-C)."""
    ds = make_datasette(db_path)
    import uvicorn

    asyncio.run(ds.invoke_startup())
    LOGGER.info("serving %s on http://%s:%d/", db_path, host, port)
    uvicorn.run(ds.app(), host=host, port=port, log_level="warning")
