"""``policy-extract`` (also ``python -m extract``): thin commands over the library.

Every command parses its arguments, calls one library function and prints; library
errors become a one-line ``Error: ...`` on stderr (``click.ClickException``).  To add a
command, decorate a function with ``@cli.command()`` below (lazy imports inside it, so
``--help`` stays instant).
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

import click

from . import __version__

if TYPE_CHECKING:
    from .batch import RunSummary
    from .model import Document

LOGGER = logging.getLogger(__name__)

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
DEFAULT_DB = "outputs/policy.db"


@click.group(context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, "--version", prog_name="policy-extract")
@click.option("-v", "--verbose", count=True, help="More logging on stderr (-v info, -vv debug).")
def cli(verbose: int) -> None:
    """Chinese policy documents -> numeric targets, deadlines, responsible departments,
    metadata and scoring tables, each with verbatim evidence, in SQLite or JSON."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


def _internal(e: Exception) -> click.ClickException:
    LOGGER.debug("internal error", exc_info=True)
    return click.ClickException(f"internal error: {type(e).__name__}: {e}")


# --------------------------------------------------------------------------- run


def _process_one_file(path: Path) -> list[Document]:
    """process_file with every failure turned into a one-line ClickException."""
    from .errors import ExtractError
    from .pipeline import process_file

    try:
        return process_file(path)
    except ExtractError as e:
        raise click.ClickException(str(e)) from e
    except OSError as e:
        raise click.ClickException(f"{path}: cannot read: {e.strerror or e}") from e
    except Exception as e:  # noqa: BLE001 - one line for the user, traceback with -vv
        raise _internal(e) from e


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, type=click.Path(path_type=Path),
              help="SQLite database to create or update.")
@click.option("--workers", "-j", default=1, show_default=True, type=click.IntRange(min=0),
              help="Worker processes; 0 = one per CPU core.")
@click.option("--scheduler", metavar="ADDRESS",
              help="Run on Dask: tcp://HOST:8786 (a running scheduler) or local:N (N worker processes here).")
@click.option("--worker-paths", is_flag=True,
              help="With --scheduler: workers read the files themselves (shared storage), not sent bytes.")
@click.option("--no-progress", is_flag=True, help="No progress bar on stderr.")
def run(paths: tuple[Path, ...], db_path: Path, workers: int, scheduler: str | None, worker_paths: bool,
        no_progress: bool) -> None:
    """Process every supported file under PATHS into the database.

    Folders are walked recursively (.txt .htm .html .md .pdf .docx .json .jsonl);
    files already stored with the same bytes are skipped; a file that cannot be read
    is recorded with its reason and the rest goes on.

    With --scheduler the files are processed on Dask workers (README: cluster mode) and
    written here, as with --workers.

    Exit status: 0 when every file was stored (or skipped), 1 when any file failed.
    """
    from .batch import run_batch

    if worker_paths and not scheduler:
        raise click.UsageError("--worker-paths needs --scheduler")
    try:
        executor = _dask_executor(scheduler, worker_paths) if scheduler else None
        summary = run_batch(list(paths), db_path, workers=workers or (os.cpu_count() or 1),
                            progress=not no_progress, executor=executor)
    except (OSError, ValueError) as e:
        raise click.ClickException(str(e)) from e
    click.echo(format_summary(summary))
    if not summary.ok:
        raise SystemExit(1)


def _dask_executor(scheduler: str, worker_paths: bool):  # noqa: ANN202 - extract.cluster.DaskExecutor
    try:
        from .cluster import DaskExecutor
    except ImportError as e:
        raise click.ClickException(f"--scheduler needs Dask: pip install distributed ({e})") from e
    return DaskExecutor(scheduler=scheduler, worker_paths=worker_paths)


def format_summary(summary: RunSummary) -> str:
    """The end-of-run table: files, records per type, one line per failure."""
    s = summary
    lines = [
        f"files           {s.n_files:>7}   ({s.n_ok} stored, {s.n_skipped} unchanged, {s.n_failed} failed)",
        f"documents       {s.n_documents:>7}",
        *(f"{name.replace('_', ' '):<16}{n:>7}" for name, n in s.records.items()),
        f"database        {s.db_path}   (run {s.run_id}, {s.seconds:.1f} s)",
    ]
    if s.failures:
        lines.append(f"failures ({len(s.failures)}):")
        lines.extend(f"  {path}: {reason}" for path, reason in s.failures)
    return "\n".join(lines)


# --------------------------------------------------------------------------- extract


@cli.command()
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--text", "with_text", is_flag=True, help="Include the normalized text in document.text.")
def extract(file: Path, with_text: bool) -> None:
    """Process one FILE and print its JSON (one object per line for a JSONL of records).

    The JSON is described by schemas/document.schema.json.  Exits non-zero with a
    one-line reason when the file cannot be read.
    """
    for doc in _process_one_file(file):
        click.echo(json.dumps(doc.to_dict(with_text=with_text), ensure_ascii=False))


@cli.command()
@click.argument("doc_path", metavar="DOC", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--format", "fmt", default="tree", show_default=True, type=click.Choice(["tree", "csv", "json"]),
              help="A readable points tree, one CSV row per criterion, or the contract JSON.")
def rubric(doc_path: Path, fmt: str) -> None:
    """Print the scoring tables (assessment rubrics) of DOC and where they do not add up."""
    from .rules.scoring_render import render_rubric

    docs = _process_one_file(doc_path)
    click.echo(render_rubric([t for doc in docs for t in doc.scoring_tables], fmt), nl=False)


# --------------------------------------------------------------------------- export


@cli.command()
@click.option("--db", "db_path", required=True, type=click.Path(path_type=Path, exists=True, dir_okay=False),
              help="Database written by `run`.")
@click.option("--format", "fmt", required=True, type=click.Choice(["jsonl", "csv", "parquet"]),
              help="Output format.")
@click.option("--table", "tables", multiple=True,
              help="Table or view to export (repeatable). Default: targets, deadlines, "
                   "responsibilities, scoring_items, documents.")
@click.option("-o", "--out", required=True, type=click.Path(path_type=Path),
              help="With one --table: the output FILE. Otherwise a DIRECTORY receiving <table>.<format>.")
def export(db_path: Path, fmt: str, tables: tuple[str, ...], out: Path) -> None:
    """Export database records for other tools (JSONL, CSV or Parquet)."""
    from .store import ExportError, open_db
    from .store import export as export_tables

    db = open_db(db_path)
    try:
        written = export_tables(db, fmt, out, tables)
    except ExportError as e:
        raise click.ClickException(str(e)) from e
    finally:
        db.close()
    for table, path in written.items():
        click.echo(f"{table} -> {path}")


# --------------------------------------------------------------------------- search


@cli.command()
@click.argument("query")
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True,
              type=click.Path(path_type=Path, exists=True, dir_okay=False), help="Database written by `run`.")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(min=1), help="At most this many documents.")
def search(query: str, db_path: Path, limit: int) -> None:
    """Full-text search of document titles and text (any Chinese substring)."""
    from .store import open_db
    from .store import search as search_db

    db = open_db(db_path)
    try:
        hits = search_db(db, query, limit=limit)
    finally:
        db.close()
    for hit in hits:
        click.echo(f"{hit['source']}\t{hit['title'] or ''}\t{hit['snippet']}")


# --------------------------------------------------------------------------- owners


@cli.command()
@click.option("--department", help="A body in any spelling (发改委, 自治区发展改革委); aliases are matched.")
@click.option("--indicator", help="Text the target indicator or task must contain.")
@click.option("--due-before", type=int, help="Only rows whose deadline year is before this year.")
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True,
              type=click.Path(path_type=Path, exists=True, dir_okay=False), help="Database written by `run`.")
@click.option("--format", "fmt", default="table", show_default=True, type=click.Choice(["table", "json", "csv"]))
def owners(department: str | None, indicator: str | None, due_before: int | None, db_path: Path, fmt: str) -> None:
    """Who owns what: department, role, target/task, value, deadline, document."""
    from .store import open_db
    from .store.queries import format_owners
    from .store.queries import owners as query_owners

    db = open_db(db_path)
    try:
        rows = query_owners(db, department=department, indicator=indicator, due_before=due_before)
    finally:
        db.close()
    click.echo(format_owners(rows, fmt))


# --------------------------------------------------------------------------- eval


@cli.command("eval")
@click.option("--gold", "gold_dir", required=True, type=click.Path(path_type=Path, exists=True, file_okay=False),
              help="Folder of gold <document>.json files.")
@click.option("--docs", "docs_dir", required=True, type=click.Path(path_type=Path, exists=True, file_okay=False),
              help="Folder holding the documents the gold files name.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--diff", is_flag=True, help="Also list every missed and spurious record.")
def evaluate(gold_dir: Path, docs_dir: Path, as_json: bool, diff: bool) -> None:
    """Precision / recall / F1 per record type against gold annotations."""
    from .evaluate import evaluate_dirs

    try:
        report = evaluate_dirs(gold_dir, docs_dir)
    except (OSError, ValueError) as e:
        raise click.ClickException(str(e)) from e
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
        return
    click.echo(report.format_table())
    if diff:
        click.echo(report.format_diff())


def main() -> None:
    cli(prog_name="policy-extract")
