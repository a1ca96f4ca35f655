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
import sys
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
@click.option("--exclude", "excludes", multiple=True, metavar="GLOB",
              help="Leave out files whose name or path matches GLOB (repeatable): --exclude '*.pdf'.")
@click.option("--force", is_flag=True, help="Re-extract files already stored with the same bytes.")
@click.option("--scheduler", metavar="ADDRESS",
              help="Run on Dask: tcp://HOST:8786 (a running scheduler) or local:N (N worker processes here).")
@click.option("--worker-paths", is_flag=True,
              help="With --scheduler: workers read the files themselves (shared storage), not sent bytes.")
@click.option("--no-progress", is_flag=True, help="No progress bar on stderr.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary; failures and exit status only.")
@click.option("--retry-failed", is_flag=True,
              help="Process again files that failed before with the same bytes and version.")
@click.option("--max-seconds", type=click.FloatRange(min=0), default=None,
              help="Per-document time limit (0 = none; default: Settings.max_seconds_per_document).")
def run(paths: tuple[Path, ...], db_path: Path, workers: int, excludes: tuple[str, ...], force: bool,
        scheduler: str | None, worker_paths: bool, no_progress: bool, quiet: bool, retry_failed: bool,
        max_seconds: float | None) -> None:
    """Process every supported file under PATHS into the database.

    Folders are walked recursively (.txt .md .htm .html .shtml .jsp .aspx .php .pdf .docx
    .json .jsonl ...); files already stored with the same bytes are skipped (--force
    re-extracts them); a file that cannot be read is recorded with its reason and the rest
    goes on.  The progress bar (on a terminal only) names the current file.  Ctrl-C stops
    the run: what was stored stays, and the same command resumes it.

    Entries that are not regular files (FIFOs, devices, symlink loops) are recorded as
    skipped, never opened; a file that failed before is not retried until its bytes or
    the version change (--retry-failed forces it).  With --scheduler the files are
    processed on Dask workers (README: cluster mode) and written here, as with --workers.

    Exit status: 0 when every file was stored (or skipped), 1 when any file failed,
    130 when interrupted.
    """
    from .batch import run_batch

    if worker_paths and not scheduler:
        raise click.UsageError("--worker-paths needs --scheduler")
    progress = not (no_progress or quiet) and sys.stderr.isatty()  # no \r frames in a log file
    settings = {} if max_seconds is None else {"max_seconds_per_document": max_seconds}
    try:
        executor = _dask_executor(scheduler, worker_paths) if scheduler else None
        summary = run_batch(list(paths), db_path, workers=workers or (os.cpu_count() or 1),
                            progress=progress, retry_failed=retry_failed, settings=settings,
                            force=force, exclude=excludes, executor=executor)
    except KeyboardInterrupt:
        click.echo(f"interrupted: files already stored stay in {db_path}; run the same command again to resume",
                   err=True)
        raise SystemExit(130) from None
    except (OSError, ValueError) as e:
        raise click.ClickException(str(e)) from e
    if quiet:
        for path, reason in summary.failures:
            click.echo(f"{path}: {reason}", err=True)
    else:
        click.echo(format_summary(summary))
        if summary.n_files == 0:
            click.echo("nothing to do: no supported file under " + " ".join(map(str, paths)), err=True)
        elif summary.n_skipped == summary.n_files:
            click.echo(f"nothing to do: all {summary.n_files} files are already stored (--force re-extracts them)",
                       err=True)
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
    from .scoring.render import render_rubric

    docs = _process_one_file(doc_path)
    click.echo(render_rubric([t for doc in docs for t in doc.scoring_tables], fmt), nl=False)


# --------------------------------------------------------------------------- read commands

DB_OPTION_HELP = "Database written by `run` (opened read-only; never changed)."


def _open_readonly(db_path: Path):  # noqa: ANN202 - sqlite_utils.Database, imported lazily
    """The database for a read command, or a one-line error for a file that is not ours."""
    from .store.readonly import DatabaseOpenError, open_readonly

    try:
        return open_readonly(db_path)
    except DatabaseOpenError as e:
        raise click.ClickException(str(e)) from e


# --------------------------------------------------------------------------- export


@cli.command()
@click.option("--db", "db_path", required=True, type=click.Path(path_type=Path, dir_okay=False),
              help=DB_OPTION_HELP)
@click.option("--format", "fmt", required=True, type=click.Choice(["jsonl", "csv", "parquet"]),
              help="Output format.")
@click.option("--table", "tables", multiple=True,
              help="Table or view to export (repeatable). Default: targets, deadlines, "
                   "responsibilities, scoring_items, documents.")
@click.option("-o", "--out", required=True, type=click.Path(path_type=Path),
              help="With one --table: the output FILE (- for standard output). "
                   "Otherwise a DIRECTORY receiving <table>.<format>.")
@click.option("--text", "with_text", is_flag=True,
              help="Include documents.text in a CSV (left out by default: spreadsheets cut cells at 32,767 characters).")
def export(db_path: Path, fmt: str, tables: tuple[str, ...], out: Path, with_text: bool) -> None:
    """Export database records for other tools (JSONL, CSV or Parquet).

    `-o -` writes one table to standard output; the files written are listed on stderr.
    """
    from .store import ExportError
    from .store import export as export_tables

    db = _open_readonly(db_path)
    try:
        written = export_tables(db, fmt, out, tables, with_text=with_text)
    except ExportError as e:
        raise click.ClickException(str(e)) from e
    finally:
        db.close()
    for table, path in written.items():
        if str(path) != "-":
            click.echo(f"{table} -> {path}", err=True)


# --------------------------------------------------------------------------- search


@cli.command()
@click.argument("query")
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True,
              type=click.Path(path_type=Path, dir_okay=False), help=DB_OPTION_HELP)
@click.option("--limit", default=20, show_default=True, type=click.IntRange(min=1), help="At most this many documents.")
def search(query: str, db_path: Path, limit: int) -> None:
    """Full-text search of document titles and text (any Chinese substring).

    Several terms separated by spaces must all occur ('节能减排 碳达峰'). Traditional script
    is converted as documents are ('節能' finds '节能'). One line per document on stdout:
    source, title and a snippet with the terms in [brackets]; when nothing matches, a
    line on stderr says so (exit status 0).
    """
    from .store import search as search_db

    db = _open_readonly(db_path)
    try:
        hits = search_db(db, query, limit=limit)
    finally:
        db.close()
    for hit in hits:
        title = " ".join((hit["title"] or "").split())
        click.echo(f"{hit['source']}\t{title}\t{hit['snippet']}")
    if not hits:
        click.echo(f"no document matches {query!r}", err=True)


# --------------------------------------------------------------------------- owners


@cli.command()
@click.option("--department", help="A body in any spelling or script (发改委, 自治区发展改革委, 發改委); aliases are matched.")
@click.option("--indicator", help="Text the target indicator or task must contain; synonyms are matched (能耗 = 能源消耗).")
@click.option("--due-before", type=int,
              help="Only rows due before this year: the deadline's year, else the plan period's last (十四五 = 2025).")
@click.option("--owned", "owned_only", is_flag=True, help="Leave out targets that name no department.")
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True,
              type=click.Path(path_type=Path, dir_okay=False), help=DB_OPTION_HELP)
@click.option("--format", "fmt", default="table", show_default=True, type=click.Choice(["table", "json", "csv"]),
              help="table: columns aligned for reading (long cells cut with …); json / csv: every field, uncut.")
def owners(department: str | None, indicator: str | None, due_before: int | None, owned_only: bool,
           db_path: Path, fmt: str) -> None:
    """Who owns what: department, role, target or task, direction, scope, value, due date, document, evidence.

    Targets that name no department are listed too, with an empty department (--owned
    leaves them out). The department shown is the canonical body (发改委 of a Jiangxi plan
    -> 江西省发展改革委); json and csv also carry the name as written.
    """
    from .store.queries import format_owners
    from .store.queries import owners as query_owners

    db = _open_readonly(db_path)
    try:
        rows = query_owners(db, department=department, indicator=indicator, due_before=due_before,
                            owned_only=owned_only)
    finally:
        db.close()
    if rows or fmt != "table":
        click.echo(format_owners(rows, fmt))
    if not rows:
        click.echo("no row matches", err=True)


# --------------------------------------------------------------------------- serve


@cli.command()
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True,
              type=click.Path(path_type=Path, dir_okay=False), help=DB_OPTION_HELP)
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to listen on (127.0.0.1: this machine only).")
@click.option("-p", "--port", default=8001, show_default=True, type=click.IntRange(1, 65535), help="Port.")
def serve(db_path: Path, host: str, port: int) -> None:
    """Browse and query the database in Datasette (read-only), at http://127.0.0.1:8001/.

    Tables, views and columns carry titles and descriptions in Chinese and English; canned
    queries answer who owns what, targets by indicator and region, deadlines in a date
    range, rubrics that do not add up, the last run's failures and 1-2 character searches.
    Click a record's evidence to see it in its text.  Needs Datasette:
    pip install 'policy-extract[serve]' (make demo installs it).  Ctrl-C stops it.
    """
    from .serve import DatasetteMissing, require_datasette
    from .serve import serve as run_server
    from .store.readonly import DatabaseOpenError, check_policy_database

    try:
        check_policy_database(db_path)
        require_datasette()
        click.echo(f"serving {db_path} read-only at http://{host}:{port}/ (Ctrl-C stops)", err=True)
        run_server(db_path, host=host, port=port)
    except (DatabaseOpenError, DatasetteMissing) as e:
        raise click.ClickException(str(e)) from e


# --------------------------------------------------------------------------- eval


@cli.command("eval")
@click.option("--gold", "gold_dir", type=click.Path(path_type=Path, exists=True, file_okay=False),
              help="Folder of gold <document>.json files (default: the whole development set).")
@click.option("--docs", "docs_dir", type=click.Path(path_type=Path, exists=True, file_okay=False),
              help="Folder holding the documents the gold files name.")
@click.option("--shared", "shared_dir", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Without --gold/--docs: the shared folder holding gold/ and devset/ (default ../shared).")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--diff", is_flag=True, help="Also list every missed and spurious record.")
def evaluate(gold_dir: Path | None, docs_dir: Path | None, shared_dir: Path | None,
             as_json: bool, diff: bool) -> None:
    """Precision / recall / F1 per record type against gold annotations.

    With --gold and --docs, one folder of gold files is scored. Without them, every set of the
    development set (the seeds and the devset) is scored on its own and together, with one
    line per document.
    """
    from .evaluate import evaluate_dirs
    from .evaluate.devset import SHARED, development_sets, evaluate_sets, format_sets

    if (gold_dir is None) != (docs_dir is None):
        raise click.UsageError("give both --gold and --docs, or neither (the whole development set)")
    try:
        if gold_dir is not None and docs_dir is not None:
            reports = {"": evaluate_dirs(gold_dir, docs_dir)}
        else:
            sets = [s for s in development_sets(shared_dir or SHARED) if s.gold.is_dir() and s.docs.is_dir()]
            if not sets:
                raise click.ClickException(f"no development set under {shared_dir or SHARED}")
            reports = evaluate_sets(sets)
    except (OSError, ValueError) as e:
        raise click.ClickException(str(e)) from e
    if as_json:
        payload = reports[""].to_dict() if "" in reports else {k: r.to_dict() for k, r in reports.items()}
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    click.echo(reports[""].format_table() if "" in reports else format_sets(reports))
    if diff:
        for report in reports.values() if "" in reports else [reports["all"] if "all" in reports
                                                               else next(iter(reports.values()))]:
            click.echo(report.format_diff())


@cli.command("probe")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path, exists=True))
@click.option("-o", "--output", default="-", type=click.Path(path_type=Path, allow_dash=True),
              help="Where the Markdown report goes (- for stdout).")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1), help="Processes.")
@click.option("--json", "as_json", is_flag=True, help="Print the totals as JSON instead of the report.")
def probe(paths: tuple[Path, ...], output: Path, workers: int, as_json: bool) -> None:
    """Judge documents without gold: failures, text quality, fragment names, coverage."""
    from .batch import expand_paths
    from .evaluate.probe import format_report, probe_files, totals

    files, _ = expand_paths(paths)
    probes = probe_files(files, workers=workers)
    text = json.dumps(totals(probes), ensure_ascii=False, indent=2) if as_json else format_report(probes)
    if str(output) == "-":
        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
        t = totals(probes)
        click.echo(f"{t['documents']} documents, {t['failures']} failed, {t['fragments']} fragment names; "
                   + ", ".join(f"{k} {v['found']}/{v['expected']}" for k, v in t["coverage"].items())
                   + f" -> {output}", err=True)


def main() -> None:
    cli(prog_name="policy-extract")
