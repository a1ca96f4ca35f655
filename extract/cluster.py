"""Cluster mode: the batch's per-file work on Dask distributed workers.

:class:`DaskExecutor` is the executor :func:`extract.batch.run_batch` hands its jobs to
when ``policy-extract run --scheduler ...`` is given.  Everything else stays as with the
process pool: files are read (or, with ``worker_paths``, only stat-ed) and skipped when
unchanged *before* submission; ONE writer, the client process, stores each outcome in its
own transaction.  What this module adds:

- **Where**: ``tcp://HOST:8786`` connects to a running scheduler; ``local:N`` starts a
  :class:`distributed.LocalCluster` of N single-threaded worker processes on loopback.
- **Bytes or paths**: by default the client sends each file's bytes with its task (large
  files are scattered first); with ``worker_paths`` a worker reads the file itself
  (shared storage), so the client never holds the bytes.
- **Streaming**: at most ``in_flight`` tasks are submitted ahead of the writer and results
  come back through :class:`distributed.as_completed` as they finish, so client memory
  stays flat on a corpus of any size.
- **Dead workers**: Dask reschedules the task of a worker that died; a document that
  kills ``allowed_failures + 1`` workers comes back as
  :class:`distributed.KilledWorker` and is recorded as the failure "worker died N
  times", never retried forever.
- **Warm workers**: :class:`PipelineWarmup`, a worker plugin, runs the pipeline once on a
  small built-in document when a worker starts (and again when a nanny restarts it), so
  OpenCC, the segmenter and spaCy load once per worker process, not per task.

Only this module imports ``distributed`` (the CLI imports it for ``--scheduler`` only), so
``import extract`` and the process pool do not pay for Dask.
"""

from __future__ import annotations

import asyncio
import logging
import socket
import time
import uuid
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from distributed import Client, KilledWorker, LocalCluster, as_completed
from distributed.diagnostics.plugin import WorkerPlugin

from .batch import Outcome, _Job, process_one
from .settings import Settings

LOGGER = logging.getLogger(__name__)

LOCAL_PREFIX = "local:"
# Tasks submitted ahead of the writer per worker thread: enough to keep every worker busy
# while the writer stores, few enough that client memory does not grow with the corpus.
IN_FLIGHT_PER_THREAD = 4
# Floor of the in-flight bound: a remote scheduler may have no worker yet when we connect.
MIN_IN_FLIGHT = 8
# Files above this many bytes are scattered to a worker before their task is submitted:
# inlined in the task, they would travel through the scheduler (and Dask warns about
# graphs above 10 MB).
SCATTER_MIN_BYTES = 1024 * 1024
# A local cluster's scheduler gives each worker only the tasks it can run (1.0 x threads,
# Dask's default is 1.1): a worker that dies then takes only the document it was running
# with it, and innocent documents queued behind a killer are not blamed for its deaths.
LOCAL_WORKER_SATURATION = 1.0
# Workers a document may kill before it is recorded as a failure is this + 1 (Dask's
# ``distributed.scheduler.allowed-failures``; a remote scheduler uses its own setting).
DEFAULT_ALLOWED_FAILURES = 3
# How long to wait for a remote scheduler before giving up with a one-line error.
CONNECT_TIMEOUT_S = 30.0

# A small traditional-script notice with a target, its lead department and a deadline:
# processing it loads OpenCC (t2s detection and conversion), the segmenter with the policy
# dictionaries and spaCy (the department recognizer), i.e. everything a worker would otherwise load on
# its first real task.
WARMUP_TEXT = (
    "關於印發節能減排工作方案的通知\n"
    "各區人民政府，市政府各部門：\n"
    "一、主要目標\n"
    "到2025年，全市單位地區生產總值能耗比2020年下降13.5%以上，"
    "由市發展改革委牽頭，市生態環境局配合。\n"
    "二、工作要求\n"
    "各單位於每年12月底前報送工作進展情況。\n"
)


def warm_pipeline(settings: Settings | None = None) -> float:
    """Run the pipeline once on :data:`WARMUP_TEXT`; seconds it took (the loads)."""
    from .pipeline import process_bytes

    started = time.perf_counter()
    process_bytes(WARMUP_TEXT.encode("utf-8"), "warmup.txt", settings)
    return time.perf_counter() - started


class PipelineWarmup(WorkerPlugin):
    """Worker plugin: load the heavy resources once per worker process, before any task.

    Dask runs ``setup`` on every worker present at registration and on every worker that
    joins later (including one a nanny restarted after a crash).
    """

    name = "policy-extract-warmup"

    def __init__(self, settings: Settings) -> None:
        from . import __version__

        self.settings = settings
        self.client_version = __version__

    def setup(self, worker: Any) -> Awaitable[None]:
        from . import __version__

        if __version__ != self.client_version:
            LOGGER.warning("worker %s runs policy-extract %s, the client %s: records may differ",
                           worker.address, __version__, self.client_version)
        # On the thread that runs the tasks, not the event loop: the worker keeps answering
        # heartbeats during the loads, and no task starts before they are done.
        return asyncio.get_running_loop().run_in_executor(worker.executor, self._warm, worker.address)

    def _warm(self, address: str) -> None:
        try:
            seconds = warm_pipeline(self.settings)
        except Exception:  # noqa: BLE001 - a task on this worker will record the real error
            LOGGER.warning("worker %s: pipeline warm-up failed", address, exc_info=True)
            return
        LOGGER.info("worker %s: pipeline warmed in %.2f s", address, seconds)


# --------------------------------------------------------------------------- worker side


Task = Callable[[str, bytes, Settings], Outcome]


def process_path(source: str, path: str, settings: Settings, task: Task = process_one) -> Outcome:
    """Worker side of ``worker_paths``: read ``path`` here, then run ``task`` on its bytes.

    A file this worker cannot read becomes a ``read`` failure naming the host, since the
    client may see a storage the worker does not.
    """
    try:
        size = Path(path).stat().st_size
        if size > settings.max_file_bytes:
            return Outcome(path=source, sha256="", stage="read",
                           reason=f"file too large: {size} bytes > {settings.max_file_bytes}")
        data = Path(path).read_bytes()
    except OSError as e:
        return Outcome(path=source, sha256="", stage="read",
                       reason=f"cannot read on worker {socket.gethostname()}: {e.strerror or e}")
    return task(source, data, settings)


# --------------------------------------------------------------------------- client side


def parse_scheduler(value: str) -> tuple[str, int]:
    """``("local", n)`` for ``local:N``, ``(address, 0)`` for a scheduler address.

    Raises:
        ValueError: for ``local:`` without a positive worker count, or an empty value.
    """
    value = value.strip()
    if value.startswith(LOCAL_PREFIX):
        count = value[len(LOCAL_PREFIX):]
        if not count.isdigit() or int(count) < 1:
            raise ValueError(f"--scheduler {value}: expected local:N with N >= 1 worker processes")
        return "local", int(count)
    if not value:
        raise ValueError("--scheduler: expected tcp://HOST:PORT or local:N")
    return value, 0


@dataclass(kw_only=True)
class DaskExecutor:
    """Maps :func:`extract.batch.process_one` over a batch's jobs on a Dask cluster.

    Give one of ``scheduler`` (``tcp://HOST:8786`` or ``local:N``) or ``client`` (an open
    :class:`distributed.Client`, left open afterwards).  ``task`` replaces the per-file
    function (tests make it kill its worker); it must be picklable.
    """

    scheduler: str | None = None
    client: Client | None = None
    worker_paths: bool = False
    in_flight: int | None = None
    allowed_failures: int = DEFAULT_ALLOWED_FAILURES
    task: Task = process_one
    # Filled by a run: tasks submitted, scattered, and worker deaths that failed a file.
    stats: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if (self.scheduler is None) == (self.client is None):
            raise ValueError("DaskExecutor needs exactly one of scheduler= or client=")
        if self.scheduler is not None:
            parse_scheduler(self.scheduler)  # fail before any file is read
        if self.in_flight is not None and self.in_flight < 1:
            raise ValueError("in_flight must be >= 1")

    @property
    def reads_files(self) -> bool:
        """True when workers read the files: the batch then only stats them."""
        return self.worker_paths

    def __str__(self) -> str:
        where = self.scheduler or getattr(getattr(self.client, "scheduler", None), "address", "client")
        return f"dask {where}{' (worker paths)' if self.worker_paths else ''}"

    def __call__(self, jobs: Iterator[_Job], settings: Settings) -> Iterator[tuple[_Job, Outcome]]:
        """Submit the jobs, bounded, and yield ``(job, outcome)`` as tasks finish."""
        with self._connect() as client:
            client.register_plugin(PipelineWarmup(settings))
            yield from self._stream(client, jobs, settings)

    # ------------------------------------------------------------------ connection

    @contextmanager
    def _connect(self) -> Iterator[Client]:
        if self.client is not None:
            yield self.client
            return
        address, n_workers = parse_scheduler(self.scheduler or "")
        if address != "local":
            with Client(address, timeout=CONNECT_TIMEOUT_S) as client:
                yield client
            return
        with _local_cluster(n_workers, self.allowed_failures) as cluster, Client(cluster) as client:
            yield client

    # ------------------------------------------------------------------ streaming

    def _stream(self, client: Client, jobs: Iterator[_Job], settings: Settings) -> Iterator[tuple[_Job, Outcome]]:
        limit = self.in_flight or max(MIN_IN_FLIGHT, IN_FLIGHT_PER_THREAD * sum(client.nthreads().values()))
        self.stats = {"submitted": 0, "scattered": 0, "killed": 0, "in_flight_limit": limit}
        results = as_completed(loop=client.loop, with_results=True, raise_errors=False)
        pending: dict[str, tuple[Any, _Job]] = {}  # key -> (future, job), until handed to the writer

        def fill() -> None:
            while len(pending) < limit:
                job = next(jobs, None)
                if job is None:
                    return
                future = self._submit(client, job, settings)
                pending[future.key] = (future, job)
                results.add(future)

        try:
            fill()
            for future, result in results:
                _, job = pending.pop(future.key)
                outcome = self._outcome(future, result, job)
                future.release()
                fill()  # keep the workers busy while the writer stores this one
                yield job, outcome
        finally:
            if pending:  # interrupted: the cluster need not finish what nobody will store
                try:
                    client.cancel([f for f, _ in pending.values()], force=True)
                except Exception:  # noqa: BLE001 - never hide the interruption behind a lost scheduler
                    LOGGER.warning("could not cancel %d pending tasks", len(pending), exc_info=True)

    def _submit(self, client: Client, job: _Job, settings: Settings) -> Any:
        key = f"policy-extract-{uuid.uuid4().hex}"
        self.stats["submitted"] += 1
        if self.worker_paths:
            return client.submit(process_path, job.source, job.info.path, settings, self.task, key=key, pure=False)
        data: Any = job.data
        if len(job.data) >= SCATTER_MIN_BYTES:
            data = client.scatter(job.data, hash=False)
            self.stats["scattered"] += 1
        job.data = b""  # the bytes travel with the task now: do not keep a second copy
        return client.submit(self.task, job.source, data, settings, key=key, pure=False)

    def _outcome(self, future: Any, result: Any, job: _Job) -> Outcome:
        """The task's Outcome, or a failure Outcome saying what happened to the task."""
        if future.status == "finished":
            return result
        if future.status == "error":
            _, exc, _ = result
            if isinstance(exc, KilledWorker):
                self.stats["killed"] += 1
                reason = (f"internal error: worker died {exc.allowed_failures + 1} times while processing "
                          "this file (crash or out of memory)")
            else:
                reason = f"internal error: {type(exc).__name__}: {exc}"
        else:
            reason = f"internal error: task {future.status} by the cluster"
        return Outcome(path=job.source, sha256=job.info.sha256 or "", stage="internal", reason=reason)


@contextmanager
def _local_cluster(n_workers: int, allowed_failures: int) -> Iterator[Any]:
    """A LocalCluster of single-threaded worker processes on loopback, no dashboard."""
    import dask

    with dask.config.set({"distributed.scheduler.worker-saturation": LOCAL_WORKER_SATURATION}):
        cluster = LocalCluster(
            n_workers=n_workers, threads_per_worker=1, processes=True, host="127.0.0.1",
            dashboard_address=None, silence_logs=logging.WARNING if LOGGER.isEnabledFor(logging.INFO) else logging.ERROR,
            scheduler_kwargs={"allowed_failures": allowed_failures},
        )
    try:
        yield cluster
    finally:
        cluster.close()
