"""Batch runner: many files -> one SQLite database, incremental and failure-tolerant.

The per-file work is :func:`process_one`, a pure function of ``(path, bytes, settings)``
returning an :class:`Outcome`: supervised worker processes map it (or an :class:`Executor`
such as :class:`extract.cluster.DaskExecutor`), and ONE writer, the parent process, stores
the outcomes, whole files several to a transaction (:mod:`extract.store.group`).  Consequences:

- a bad file becomes one ``failures`` row with a one-line reason; the batch goes on;
- a file whose bytes (sha256) were already stored ok is skipped (incremental runs);
- an interrupted run keeps every file already written; the next run does the rest.
"""

from __future__ import annotations

import logging
import os
import re
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from . import pipeline
from .errors import ExtractError, StageError
from .ingest import sniff
from .model import Document
from .settings import Settings
from .walk import printable

LOGGER = logging.getLogger(__name__)

# Extensions picked up when walking a folder (every one the readers know: .shtml, .jsp and
# .aspx pages too); a file named explicitly is always tried.
SUPPORTED_EXTENSIONS = frozenset(
    {".pdf", ".docx"} | sniff.HTML_EXTENSIONS | sniff.MD_EXTENSIONS | sniff.JSON_EXTENSIONS
    | (sniff.TEXT_EXTENSIONS - {""}))
# Project files that live beside documents in a corpus folder (corpora/README.md) and are
# not policy documents: skipped when walking a folder (lower-case file stems).
NOT_DOCUMENTS = frozenset({"readme", "changelog", "license", "contributing"})
# Record types counted in a run summary (scoring items live inside scoring tables).
RECORD_TYPES = ("targets", "deadlines", "responsibilities", "scoring_tables", "scoring_items")


@dataclass(slots=True, kw_only=True)
class Outcome:
    """What processing one file gave: documents, or the stage and reason it failed."""

    path: str
    sha256: str
    documents: list[Document] = field(default_factory=list)
    stage: str | None = None
    reason: str | None = None
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.reason is None


@dataclass(slots=True, kw_only=True)
class RunSummary:
    """Totals of one batch run (also stored in the ``runs`` table)."""

    run_id: int
    db_path: str
    n_files: int = 0
    n_ok: int = 0
    n_failed: int = 0
    n_skipped: int = 0
    n_documents: int = 0
    records: dict[str, int] = field(default_factory=lambda: dict.fromkeys(RECORD_TYPES, 0))
    failures: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.n_failed == 0


# A file whose documents hold no Chinese character is recorded under this stage and counted
# as skipped (an English page, a data dump): not a failure, and not retried while unchanged.
SKIP_STAGE = "skip"
NO_CHINESE = "skipped: no Chinese text (not a Chinese policy document)"
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")


@dataclass(slots=True)
class _Job:
    source: str  # the path as found (what Document.source records)
    info: Any  # extract.store.FileInfo
    data: bytes


class Executor(Protocol):
    """Maps :func:`process_one` over the jobs somewhere else (:mod:`extract.cluster`)."""

    #: True when the workers read each file themselves (shared storage): the batch then
    #: only stats the files, and skips those whose path, size and mtime are stored ok.
    reads_files: bool

    def __call__(self, jobs: Iterator[_Job], settings: Settings) -> Iterator[tuple[_Job, Outcome]]: ...


# --------------------------------------------------------------------------- per file


def process_one(path: str, data: bytes, settings: Settings | None = None) -> Outcome:
    """Run the pipeline on one file's bytes; never raises for a bad document.

    ``ExtractError`` becomes its one-line reason; any other exception (a bug) becomes
    ``"internal error: TypeError: ..."`` so that it is recorded, not fatal.
    """
    started = time.perf_counter()
    outcome = Outcome(path=path, sha256=pipeline.sha256(data))
    try:
        docs = {d.id: d for d in pipeline.process_bytes(data, path, settings)}  # a record repeated in a JSONL is one row
        outcome.documents = [_slim(d) for d in docs.values()]
    except StageError as e:
        outcome.stage, outcome.reason = e.stage, str(e)
    except ExtractError as e:
        outcome.stage, outcome.reason = "ingest", str(e)
    except Exception as e:  # noqa: BLE001 - a bug in one document must not stop the batch
        LOGGER.debug("internal error on %s", path, exc_info=True)
        outcome.stage, outcome.reason = "internal", f"internal error: {type(e).__name__}: {e}"
    outcome.seconds = time.perf_counter() - started
    return outcome


def _slim(doc: Document) -> Document:
    """Drop what the store does not need before the document crosses processes."""
    doc.data = b""
    doc.raw_text = ""
    doc.offsets = []
    return doc


# --------------------------------------------------------------------------- inputs


def expand_paths(paths: Iterable[str | Path], exclude: Sequence[str] = ()) -> tuple[list[Path], list[str]]:
    """Files to process (folders walked recursively, sorted) and paths that do not exist.

    In a folder only :data:`SUPPORTED_EXTENSIONS` are taken; hidden entries and
    :data:`NOT_DOCUMENTS` (README.md...) are skipped; a file named explicitly is always taken (ingest decides if it can read it).
    A file whose name or path matches a glob of ``exclude`` (``*.pdf``, ``drafts/*``) is left out.
    Entries that are not regular files are left out (see :func:`extract.walk.walk_inputs`).
    """
    from .walk import walk_inputs

    files, _, missing = walk_inputs(paths, _is_document_name)
    return [f for f in files if not (exclude and _excluded(f, exclude))], missing


def _excluded(path: Path, globs: Sequence[str]) -> bool:
    from fnmatch import fnmatch

    return any(fnmatch(path.name, g) or fnmatch(str(path), g) or fnmatch(path.as_posix(), "*/" + g) for g in globs)


def _is_document_name(name: str) -> bool:
    p = Path(name)
    return (not name.startswith(".") and p.suffix.lower() in SUPPORTED_EXTENSIONS
            and p.stem.lower() not in NOT_DOCUMENTS)


# --------------------------------------------------------------------------- the run


def run_batch(
    paths: Sequence[str | Path],
    db_path: str | Path,
    workers: int = 1,
    settings: Settings | dict[str, Any] | None = None,
    progress: bool = True,
    retry_failed: bool = False,
    *,
    force: bool = False,
    exclude: Sequence[str] = (),
    executor: Executor | None = None,
) -> RunSummary:
    """Process every file under ``paths`` into the database at ``db_path``.

    The files are processed by ``workers`` worker processes that the batch replaces when
    a document passes ``settings.max_seconds_per_document`` (:mod:`extract.workers`);
    with no time limit, ``workers=1`` runs in this process; an ``executor``
    (``extract.cluster.DaskExecutor``) replaces both. ``force`` re-extracts files
    already stored; ``exclude`` globs leave files out.  A
    ``KeyboardInterrupt`` (or any error of the database itself) stops the run: files
    already written stay, the run is marked ``interrupted``, the exception propagates.
    A file that failed before is not retried while its bytes and the version are the
    same, unless ``retry_failed`` (see :mod:`extract.history`).
    """
    from tqdm import tqdm

    from .fingerprint import rules_version
    from .history import close_stale_runs
    from .store import FileInfo, open_db
    from .store.group import grouped_writes
    from .store.writer import finish_run, record_failure, start_run
    from .walk import walk_inputs

    settings = Settings.resolve(settings)
    workers = max(1, int(workers))
    started = time.perf_counter()
    db = open_db(db_path)
    files, unreadable, missing = walk_inputs(paths, _is_document_name)
    files = [f for f in files if not (exclude and _excluded(f, exclude))]
    close_stale_runs(db)
    run_id = start_run(db, version=rules_version(), args={
        "paths": [str(p) for p in paths], "db": str(db_path), "workers": workers,
        "settings": settings.to_dict(), **({"executor": str(executor)} if executor else {}),
    })
    summary = RunSummary(run_id=run_id, db_path=str(db_path),
                         n_files=len(files) + len(missing) + len(unreadable))
    bar = tqdm(total=summary.n_files, unit="file", file=sys.stderr, disable=not progress, desc="policy-extract")
    status = "interrupted"
    outcomes: Iterator[tuple[_Job, Outcome]] | None = None

    def fail(info: FileInfo, stage: str | None, reason: str, shown: str | None = None, known: bool = False) -> None:
        if not known:  # a known failure (unchanged bytes, see extract.history) is counted, not re-recorded
            record_failure(db, info, stage=stage, reason=reason, run_id=run_id)
        summary.n_failed += 1
        summary.failures.append((shown or info.path, reason))
        bar.update()

    try:
        for raw in missing:
            fail(FileInfo(path=str(Path(raw).resolve()), sha256=None), "read", "no such file or directory", raw)
        for entry in unreadable:
            _fail_unreadable(db, entry, fail)
        jobs = _read_jobs(db, files, settings, summary, bar, fail, None if retry_failed else rules_version(),
                          force=force, read=not (executor and executor.reads_files))
        if files and executor is None and (workers > 1 or settings.max_seconds_per_document):
            # load spaCy/the segmenter/OpenCC once here: the forked workers inherit them
            from .warmup import warm_up

            warm_up(settings, pdf=any(p.suffix.lower() == ".pdf" for p in files))
        outcomes = executor(jobs, settings) if executor else _outcomes(jobs, workers, settings)
        with grouped_writes(db):  # several files per transaction; leaving it commits the last ones
            for job, outcome in outcomes:
                job.info.sha256 = job.info.sha256 or outcome.sha256 or None  # read by a worker
                if not outcome.ok:
                    fail(job.info, outcome.stage, outcome.reason or "unknown error", job.source)
                    continue
                if outcome.documents and not any(HAN.search(d.text) for d in outcome.documents):
                    # nothing a Chinese policy extractor can read: recorded with its reason, not stored
                    record_failure(db, job.info, stage=SKIP_STAGE, reason=NO_CHINESE, run_id=run_id)
                    summary.n_skipped += 1
                    bar.update()
                    continue
                _store(db, job, outcome, summary, bar, run_id, fail)
        status = "completed"
    finally:
        if outcomes is not None:
            outcomes.close()  # stop the pool or cluster now, not when the generator is collected
        bar.close()
        summary.seconds = time.perf_counter() - started
        try:
            finish_run(db, run_id, status=status, n_files=summary.n_files, n_ok=summary.n_ok,
                       n_failed=summary.n_failed, n_skipped=summary.n_skipped,
                       n_documents=summary.n_documents)
        finally:
            db.close()
    return summary


def _store(db: Any, job: _Job, outcome: Outcome, summary: RunSummary, bar: Any, run_id: int, fail: Any) -> None:
    """Write one file's documents; a store bug is recorded like any other failure."""
    from .store import write_file_documents

    try:
        write_file_documents(db, job.info, outcome.documents, run_id)
    except Exception as e:  # noqa: BLE001 - recorded; a broken database raises again in fail()
        LOGGER.debug("store failed on %s", job.source, exc_info=True)
        fail(job.info, "store", f"internal error: store: {type(e).__name__}: {e}", job.source)
        return
    summary.n_ok += 1
    bar.update()
    summary.n_documents += len(outcome.documents)
    for doc in outcome.documents:
        for name in RECORD_TYPES[:-1]:
            summary.records[name] += len(getattr(doc, name))
        summary.records["scoring_items"] += sum(len(s.items) for s in doc.scoring_tables)


def _fail_unreadable(db: Any, entry: Any, fail: Any) -> None:
    """A walked entry that is not a regular file: one failures row (not repeated by re-runs)."""
    from .history import same_unreadable
    from .store import FileInfo

    absolute = printable(Path(entry.path).absolute())
    fail(FileInfo(path=absolute, sha256=None), "walk", entry.reason, entry.path,
         known=same_unreadable(db, absolute, entry.reason))


def _read_jobs(db: Any, files: list[Path], settings: Settings, summary: RunSummary, bar: Any, fail: Any,
               version: str | None = None, *, force: bool = False, read: bool = True) -> Iterator[_Job]:
    """Read each file, skipping those already stored ok (unless ``force``); read errors become failures.

    With ``version``, a file whose bytes already failed under that version is counted
    as failed again without being processed (:func:`extract.history.known_failure`).
    With ``read=False`` (workers read the files) a file is only stat-ed, and skipped
    when its path, size and mtime are those of a file stored ok.
    """
    from .fingerprint import rules_version
    from .history import failed_here, known_failure
    from .store import FileInfo
    from .store.writer import is_stored, is_stored_at

    for path in files:
        bar.set_postfix_str(printable(Path(path.name)), refresh=False)  # the progress line names the current file
        absolute = printable(path.resolve())  # one file reached by two paths is one files row
        shown = printable(path)
        try:
            stat = path.stat()
            if stat.st_size > settings.max_file_bytes:
                fail(FileInfo(path=absolute, sha256=None, size=stat.st_size), "read",
                     f"file too large: {stat.st_size} bytes > {settings.max_file_bytes}", shown)
                continue
            if not read:
                info = FileInfo(path=absolute, sha256=None, size=stat.st_size, mtime=stat.st_mtime)
                if not force and is_stored_at(db, info):
                    summary.n_skipped += 1
                    bar.update()
                else:
                    yield _Job(source=str(path), info=info, data=b"")
                continue
            data = _read_regular(path, settings)
        except OSError as e:
            fail(FileInfo(path=absolute, sha256=None), "read", f"cannot read: {e.strerror or e}", shown)
            continue
        info = FileInfo(path=absolute, sha256=pipeline.sha256(data), size=stat.st_size, mtime=stat.st_mtime)
        if not force and is_stored(db, info.sha256, rules_version()):
            _mark_skipped(db, info)
            summary.n_skipped += 1
            bar.update()
            continue
        known = known_failure(db, info.sha256, version) if version else None
        if known is not None and known[0] == SKIP_STAGE:  # skipped before for what it holds
            summary.n_skipped += 1
            bar.update()
            continue
        if known is not None:
            fail(info, known[0], known[1], shown, known=failed_here(db, info.path, info.sha256))
            continue
        yield _Job(source=shown, info=info, data=data)


def _read_regular(path: Path, settings: Settings) -> bytes:
    """The bytes of a regular file, never more than ``max_file_bytes`` + 1 (it may grow
    or be swapped for something else between the walk and this read)."""
    import stat as stat_module

    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    with os.fdopen(fd, "rb") as f:
        if not stat_module.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(0, "not a regular file")
        data = f.read(settings.max_file_bytes + 1)
    if len(data) > settings.max_file_bytes:
        raise OSError(0, f"file too large: more than {settings.max_file_bytes} bytes")
    return data


def _mark_skipped(db: Any, info: Any) -> None:
    """A copy of stored bytes under a new path gets its own ``files`` row."""
    from .fingerprint import rules_version
    from .store.writer import in_write_transaction

    if db.execute("SELECT 1 FROM files WHERE path = ? AND sha256 = ? AND status = 'ok'",
                  [info.path, info.sha256]).fetchone() is None:
        n = db.execute("SELECT n_documents FROM files WHERE sha256 = ? AND status = 'ok' LIMIT 1",
                       [info.sha256]).fetchone()[0]
        row = {"path": info.path, "sha256": info.sha256, "size": info.size, "mtime": info.mtime,
               "status": "ok", "reason": None, "n_documents": n, "version": rules_version()}
        in_write_transaction(db, lambda: db["files"].upsert(row, pk="path"))


def _outcomes(jobs: Iterator[_Job], workers: int, settings: Settings) -> Iterator[tuple[_Job, Outcome]]:
    """Map :func:`process_one` over the jobs: in this process when ``workers == 1`` and no
    time limit is set, else in worker processes that a time limit can replace
    (:mod:`extract.workers`)."""
    if workers == 1 and not settings.max_seconds_per_document:
        for job in jobs:
            yield job, process_one(job.source, job.data, settings)
        return
    from .workers import supervised_outcomes

    def failed(job: _Job, stage: str, reason: str) -> Outcome:
        return Outcome(path=job.source, sha256=job.info.sha256, stage=stage, reason=reason)

    yield from supervised_outcomes(jobs, workers, settings, process_one, failed)
