"""Worker processes the batch can time out and replace, one file at a time each.

Why not ``ProcessPoolExecutor``: it cannot stop one task.  A document that holds a worker
past ``Settings.max_seconds_per_document`` (a regex on a pathological line, a parser on a
huge tree) would hold the run with it, and a worker killed by the OS breaks the whole
pool, failing every file in flight.  Here each worker is a process with its own pipe and
exactly one file at a time, so the parent knows which file each worker holds and since
when: a worker past the limit is killed and replaced and only its file is recorded
("took longer than N s"); a worker that dies fails only its own file.

Workers are forked where the platform allows it (they start instantly and share the
parent's loaded modules); each ignores Ctrl-C, which the parent handles by killing them.
"""

from __future__ import annotations

import logging
import multiprocessing as mp
import os
import resource
import signal
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import wait
from typing import Any

from .settings import Settings

LOGGER = logging.getLogger(__name__)

# How long a replaced worker may take to exit after SIGKILL before we stop waiting.
KILL_JOIN_SECONDS = 5.0
DIED = "internal error: worker process died (crash or out of memory)"
# prctl(2) option: the signal a process gets when its parent dies (linux/prctl.h)
PR_SET_PDEATHSIG = 1


def took_longer(limit: float) -> str:
    """The recorded reason for a document stopped by the time limit."""
    return f"took longer than {limit:g} s (max_seconds_per_document); worker replaced"


@dataclass(slots=True)
class _Worker:
    process: Any
    conn: Any
    job: Any = None
    started: float = 0.0


def _context() -> Any:
    return mp.get_context("fork" if "fork" in mp.get_all_start_methods() else None)


def _die_with_parent(parent_pid: int) -> None:
    """Ask the kernel to kill this worker when the batch process dies (Linux).

    Without it a batch killed by SIGKILL (or the OOM killer) leaves its workers running on:
    a worker busy with a document never reads the closed pipe, and an idle one still holds
    the parent's end of the pipe (inherited at fork), so it never sees EOF either.
    """
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # not Linux: the worker ends at its next message
        return
    if os.getppid() != parent_pid:  # the parent died before prctl took effect
        os._exit(1)


def _serve(conn: Any, process_one: Callable[..., Any], settings: Settings, parent_pid: int = 0) -> None:
    """A worker's loop: receive ``(source, data)``, send back the Outcome; None ends it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if parent_pid:
        _die_with_parent(parent_pid)
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        source, data = message
        conn.send(process_one(source, data, settings))


def _start(process_one: Callable[..., Any], settings: Settings) -> _Worker:
    ctx = _context()
    parent, child = ctx.Pipe(duplex=True)
    process = ctx.Process(target=_serve, args=(child, process_one, settings, os.getpid()), daemon=True,
                          name="policy-extract-worker")
    process.start()
    child.close()
    return _Worker(process=process, conn=parent)


def _stop(worker: _Worker, *, kill: bool) -> None:
    if kill:
        worker.process.kill()
    else:
        try:
            worker.conn.send(None)
        except OSError:
            worker.process.kill()
    worker.process.join(KILL_JOIN_SECONDS)
    if worker.process.is_alive():
        worker.process.kill()
        worker.process.join(KILL_JOIN_SECONDS)
    worker.conn.close()


def supervised_outcomes(
    jobs: Iterator[Any],
    workers: int,
    settings: Settings,
    process_one: Callable[..., Any],
    failed: Callable[[Any, str, str], Any],
) -> Iterator[tuple[Any, Any]]:
    """``(job, outcome)`` for every job, as workers finish them (not in job order).

    Args:
        jobs: objects with ``source`` and ``data`` attributes, read lazily (one per idle worker).
        process_one: ``(source, data, settings) -> Outcome``, run in the worker.
        failed: ``(job, stage, reason) -> Outcome`` for a job whose worker timed out or died.
    """
    limit = settings.max_seconds_per_document
    pool = [_start(process_one, settings) for _ in range(max(1, workers))]
    exhausted = False

    def dispatch() -> None:
        """Give every idle worker its next file."""
        nonlocal exhausted
        for i, worker in enumerate(pool):
            if worker.job is not None or exhausted:
                continue
            job = next(jobs, None)
            if job is None:
                exhausted = True
                return
            try:
                worker.conn.send((job.source, job.data))
            except OSError:  # the idle worker is gone: replace it, give the job to the new one
                _stop(worker, kill=True)
                pool[i] = worker = _start(process_one, settings)
                worker.conn.send((job.source, job.data))
            worker.job, worker.started = job, time.monotonic()

    try:
        while True:
            dispatch()
            busy = [w for w in pool if w.job is not None]
            if not busy:
                return
            timeout = None
            if limit:
                timeout = max(0.0, min(w.started + limit for w in busy) - time.monotonic())
            ready = wait([w.conn for w in busy], timeout)
            now = time.monotonic()
            finished: list[tuple[Any, Any]] = []
            for worker in busy:
                i = pool.index(worker)
                job = worker.job
                if worker.conn in ready:
                    try:
                        outcome = worker.conn.recv()
                    except (EOFError, OSError):
                        LOGGER.warning("worker died on %s; starting a new one", job.source)
                        _stop(worker, kill=True)
                        pool[i] = _start(process_one, settings)
                        finished.append((job, failed(job, "internal", DIED)))
                        continue
                    worker.job = None
                    finished.append((job, outcome))
                elif limit and now - worker.started >= limit:
                    LOGGER.warning("%s took longer than %g s; replacing its worker", job.source, limit)
                    _stop(worker, kill=True)
                    pool[i] = _start(process_one, settings)
                    finished.append((job, failed(job, "timeout", took_longer(limit))))
            # the workers start on their next files before the caller stores these: the
            # store (one writer, in this process) overlaps extraction instead of idling them
            dispatch()
            yield from finished
    finally:
        for worker in pool:
            _stop(worker, kill=worker.job is not None)


def peak_worker_rss_bytes() -> int:
    """Largest resident memory any finished child process of this process reached."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
