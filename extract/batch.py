"""Batch runner: many files -> one SQLite database, incremental and failure-tolerant.

The per-file work is :func:`process_one`, a pure function of ``(path, bytes, settings)``
returning an :class:`Outcome`: a process pool maps it (or an :class:`Executor` such as
:class:`extract.cluster.DaskExecutor`), and ONE writer, the parent process, stores each
outcome in its own transaction.  Consequences:

- a bad file becomes one ``failures`` row with a one-line reason; the batch goes on;
- a file whose bytes (sha256) were already stored ok is skipped (incremental runs);
- an interrupted run keeps every file already written; the next run does the rest.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from . import pipeline
from .errors import ExtractError, StageError
from .model import Document
from .settings import Settings

LOGGER = logging.getLogger(__name__)

# Extensions picked up when walking a folder; a file named explicitly is always tried.
SUPPORTED_EXTENSIONS = frozenset({".txt", ".htm", ".html", ".md", ".pdf", ".docx", ".json", ".jsonl"})
# Project files that live beside documents in a corpus folder (corpora/README.md) and are
# not policy documents: skipped when walking a folder (lower-case file stems).
NOT_DOCUMENTS = frozenset({"readme", "changelog", "license", "contributing"})
# Files submitted to the pool ahead of the writer, per worker: keeps every core busy
# while bounding the bytes held in memory.
IN_FLIGHT_PER_WORKER = 4
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
        outcome.documents = [_slim(d) for d in pipeline.process_bytes(data, path, settings)]
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


def expand_paths(paths: Iterable[str | Path]) -> tuple[list[Path], list[str]]:
    """Files to process (folders walked recursively, sorted) and paths that do not exist.

    In a folder only :data:`SUPPORTED_EXTENSIONS` are taken; hidden entries and
    :data:`NOT_DOCUMENTS` (README.md...) are skipped; a file named explicitly is always taken (ingest decides if it can read it).
    """
    files: list[Path] = []
    missing: list[str] = []
    seen: set[Path] = set()

    def add(p: Path) -> None:
        key = p.resolve()
        if key not in seen:
            seen.add(key)
            files.append(p)

    for raw in paths:
        p = Path(raw)
        if p.is_file():
            add(p)
        elif p.is_dir():
            for root, dirs, names in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(names):
                    if _is_document_name(name):
                        add(Path(root) / name)
        else:
            missing.append(str(raw))
    return files, missing


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
    executor: Executor | None = None,
) -> RunSummary:
    """Process every file under ``paths`` into the database at ``db_path``.

    ``workers=1`` runs in this process; more uses a process pool of that size; an
    ``executor`` (``extract.cluster.DaskExecutor``) replaces both.  A
    ``KeyboardInterrupt`` (or any error of the database itself) stops the run: files
    already written stay, the run is marked ``interrupted``, the exception propagates.
    """
    from tqdm import tqdm

    from . import __version__
    from .store import FileInfo, open_db
    from .store.writer import finish_run, record_failure, start_run

    settings = Settings.resolve(settings)
    workers = max(1, int(workers))
    started = time.perf_counter()
    db = open_db(db_path)
    files, missing = expand_paths(paths)
    run_id = start_run(db, version=__version__, args={
        "paths": [str(p) for p in paths], "db": str(db_path), "workers": workers,
        "settings": settings.to_dict(), **({"executor": str(executor)} if executor else {}),
    })
    summary = RunSummary(run_id=run_id, db_path=str(db_path), n_files=len(files) + len(missing))
    bar = tqdm(total=summary.n_files, unit="file", file=sys.stderr, disable=not progress, desc="policy-extract")
    status = "interrupted"
    outcomes: Iterator[tuple[_Job, Outcome]] | None = None

    def fail(info: FileInfo, stage: str | None, reason: str, shown: str | None = None) -> None:
        record_failure(db, info, stage=stage, reason=reason, run_id=run_id)
        summary.n_failed += 1
        summary.failures.append((shown or info.path, reason))
        bar.update()

    try:
        for raw in missing:
            fail(FileInfo(path=str(Path(raw).absolute()), sha256=None), "read", "no such file or directory", raw)
        jobs = _read_jobs(db, files, settings, summary, bar, fail, read=not (executor and executor.reads_files))
        outcomes = executor(jobs, settings) if executor else _outcomes(jobs, workers, settings)
        for job, outcome in outcomes:
            job.info.sha256 = job.info.sha256 or outcome.sha256 or None  # read by a worker
            if not outcome.ok:
                fail(job.info, outcome.stage, outcome.reason or "unknown error", job.source)
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


def _read_jobs(db: Any, files: list[Path], settings: Settings, summary: RunSummary, bar: Any, fail: Any,
               read: bool = True) -> Iterator[_Job]:
    """Read each file, skipping those already stored ok; read errors become failures.

    With ``read=False`` (workers read the files) a file is only stat-ed, and skipped
    when its path, size and mtime are those of a file stored ok.
    """
    from .store import FileInfo
    from .store.writer import is_stored, is_stored_at

    for path in files:
        absolute = str(path.absolute())
        try:
            stat = path.stat()
            if stat.st_size > settings.max_file_bytes:
                fail(FileInfo(path=absolute, sha256=None, size=stat.st_size), "read",
                     f"file too large: {stat.st_size} bytes > {settings.max_file_bytes}", str(path))
                continue
            if not read:
                info = FileInfo(path=absolute, sha256=None, size=stat.st_size, mtime=stat.st_mtime)
                if is_stored_at(db, info):
                    summary.n_skipped += 1
                    bar.update()
                else:
                    yield _Job(source=str(path), info=info, data=b"")
                continue
            data = path.read_bytes()
        except OSError as e:
            fail(FileInfo(path=absolute, sha256=None), "read", f"cannot read: {e.strerror or e}", str(path))
            continue
        info = FileInfo(path=absolute, sha256=pipeline.sha256(data), size=stat.st_size, mtime=stat.st_mtime)
        if is_stored(db, info.sha256):
            _mark_skipped(db, info)
            summary.n_skipped += 1
            bar.update()
            continue
        yield _Job(source=str(path), info=info, data=data)


def _mark_skipped(db: Any, info: Any) -> None:
    """A copy of stored bytes under a new path gets its own ``files`` row."""
    if db.execute("SELECT 1 FROM files WHERE path = ? AND sha256 = ? AND status = 'ok'",
                  [info.path, info.sha256]).fetchone() is None:
        n = db.execute("SELECT n_documents FROM files WHERE sha256 = ? AND status = 'ok' LIMIT 1",
                       [info.sha256]).fetchone()[0]
        with db.atomic():
            db["files"].upsert({"path": info.path, "sha256": info.sha256, "size": info.size,
                                "mtime": info.mtime, "status": "ok", "reason": None,
                                "n_documents": n}, pk="path")


def _outcomes(jobs: Iterator[_Job], workers: int, settings: Settings) -> Iterator[tuple[_Job, Outcome]]:
    """Map :func:`process_one` over the jobs, in this process or in a pool."""
    if workers == 1:
        for job in jobs:
            yield job, process_one(job.source, job.data, settings)
        return
    yield from _pool_outcomes(jobs, workers, settings)


def _pool_outcomes(jobs: Iterator[_Job], workers: int, settings: Settings) -> Iterator[tuple[_Job, Outcome]]:
    """Bounded submission to a process pool; a crashed worker fails its files, not the run."""
    pool = ProcessPoolExecutor(max_workers=workers)
    pending: dict[Future[Outcome], _Job] = {}
    limit = workers * IN_FLIGHT_PER_WORKER
    try:
        exhausted = False
        while pending or not exhausted:
            while not exhausted and len(pending) < limit:
                job = next(jobs, None)
                if job is None:
                    exhausted = True
                    break
                pending[pool.submit(process_one, job.source, job.data, settings)] = job
            if not pending:
                break
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            broken = False
            for future in done:
                job = pending.pop(future)
                try:
                    outcome = future.result()
                except BrokenProcessPool:
                    broken = True
                    outcome = Outcome(path=job.source, sha256=job.info.sha256, stage="internal",
                                      reason="internal error: worker process died (crash or out of memory)")
                yield job, outcome
            if broken:
                LOGGER.warning("process pool broke; starting a new one")
                pool.shutdown(wait=False, cancel_futures=True)
                pool = ProcessPoolExecutor(max_workers=workers)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
