"""Throughput benchmark: ``python -m benchmarks.bench`` (``make bench``).

End to end (read, pipeline, SQLite store) on a corpus built by repeating the text files
of ``corpora/`` to ``--size-mb`` megabytes, each copy with a different suffix so its
sha256 differs (the incremental skip would otherwise make copies free).  Measured once
in one process and once with a process pool; reported as MB/s of input bytes (wall
clock and per CPU second: the machine may be shared), documents/s and peak resident
memory.  ``--vary`` makes every copy different text (sentences shuffled inside their
paragraph, quantities renumbered) so that per-sentence caches do not flatter the figure;
``--pipeline-only`` leaves the store out.  ``--stage`` instead times every pipeline stage
separately on the seed documents (the goal is >= 2 MB/s per core end to end).

The cluster row runs the same corpus through ``--scheduler local:N`` (a LocalCluster of
``--cluster-workers`` processes, 2 by default; its start and worker warm-up are inside the
timing, as a user sees them), and the per-task overhead is the wall time per near-empty
task (an empty file, refused at once by ingest) through the process pool and through a
started LocalCluster.  ``--no-cluster`` leaves both out.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT / "corpora"
# Formats where appending a line keeps the file valid (PDF/DOCX copies would be corrupt).
REPEATABLE_SUFFIXES = {".txt", ".md", ".htm", ".html"}
MB = 1024 * 1024
# A digit run touching a CJK character (a quantity in prose, not an HTML attribute or a
# YAML date); years (19xx/20xx) stay so that deadlines still parse.
_PROSE_NUMBER = re.compile(r"(?<=[^\x00-\x7f])\d+|\d+(?=[^\x00-\x7f])")
_YEAR = re.compile(r"(?:19|20)\d\d")
# A sentence with its closing 。 (the last piece of a line may have none).
_SENTENCE = re.compile(r"[^。]*。|[^。]+$")
_TAG = re.compile(r"(<[^<>]*>)")


def vary_text(text: str, copy: int) -> str:
    """A different but equally realistic document: what copy ``copy`` of a seed reads.

    Sentences are shuffled inside their paragraph (the text between HTML tags; lines of
    tab cells stay) and quantities get other digits, so no sentence repeats verbatim across copies while
    the outline, the tables and the dates stay the same.
    """
    rng = random.Random(copy)

    def renumber(m: re.Match[str]) -> str:
        digits = m.group(0)
        if _YEAR.fullmatch(digits):
            return digits
        first = str(rng.randint(1, 9)) if len(digits) > 1 else str(rng.randint(0, 9))
        return first + "".join(str(rng.randint(0, 9)) for _ in digits[1:])

    def shuffle(run: str) -> str:
        if run.count("。") < 2:
            return run
        pieces = _SENTENCE.findall(run)
        tail = [pieces.pop()] if not pieces[-1].endswith("。") else []
        rng.shuffle(pieces)
        return "".join(pieces + tail)

    lines = []
    for line in text.split("\n"):
        if "\t" not in line:
            line = "".join(part if i % 2 else shuffle(part) for i, part in enumerate(_TAG.split(line)))
        lines.append(_PROSE_NUMBER.sub(renumber, line))
    return "\n".join(lines)


def build_corpus(source: Path, target: Path, size_mb: float, vary: bool = False) -> tuple[int, int]:
    """Copy text documents of ``source`` into ``target`` until ``size_mb``; (files, bytes).

    With ``vary`` every copy is :func:`vary_text` of its original (UTF-8 originals only).
    """
    from extract.batch import expand_paths

    files, _ = expand_paths([source])
    originals = [(p, p.read_bytes()) for p in files if p.suffix.lower() in REPEATABLE_SUFFIXES]
    if not originals:
        raise SystemExit(f"no text documents under {source}")
    target.mkdir(parents=True, exist_ok=True)
    total, n, copy = 0, 0, 0
    while total < size_mb * MB:
        for path, data in originals:
            out = target / f"{copy:05d}_{path.name}"
            if vary and copy:
                try:
                    data = vary_text(data.decode("utf-8"), copy).encode("utf-8")
                except UnicodeDecodeError:
                    pass  # a GBK/Big5 original is repeated as it is
            blob = data + f"\n（副本{copy}）\n".encode()
            out.write_bytes(blob)
            total += len(blob)
            n += 1
            if total >= size_mb * MB:
                break
        copy += 1
    return n, total


def peak_rss_mb() -> tuple[float, float]:
    """Peak resident memory of this process and of its (finished) children, in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def _cpu_seconds() -> float:
    """CPU seconds of this process and its reaped children (pool workers once shut down)."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _result(workers: int, total_bytes: int, seconds: float, cpu: float, **counts: int) -> dict[str, float]:
    own, children = peak_rss_mb()
    return {
        "workers": workers, **counts, "seconds": seconds, "cpu_seconds": cpu,
        "mb_per_s": total_bytes / MB / seconds, "mb_per_cpu_s": total_bytes / MB / cpu if cpu else 0.0,
        "docs_per_s": counts["documents"] / seconds, "rss_mb": own, "children_rss_mb": children,
    }


def bench_end_to_end(corpus: Path, total_bytes: int, workers: int, tmp: Path,
                     cluster: bool = False) -> dict[str, float]:
    """One ``run_batch`` of the corpus: in one process, a pool, or a ``local:N`` Dask cluster."""
    from extract.batch import run_batch

    executor = None
    if cluster:
        from extract.cluster import DaskExecutor

        executor = DaskExecutor(scheduler=f"local:{workers}")
    db_path = tmp / f"bench_{'dask' if cluster else 'pool'}_{workers}.db"
    cpu0, started = _cpu_seconds(), time.perf_counter()
    summary = run_batch([corpus], db_path, workers=workers, progress=False, executor=executor)
    seconds, cpu = time.perf_counter() - started, _cpu_seconds() - cpu0
    result = _result(workers, total_bytes, seconds, cpu, files=summary.n_files, failed=summary.n_failed,
                     documents=summary.n_documents, targets=summary.records["targets"])
    result["mode"] = f"dask local:{workers}" if cluster else ("1 process" if workers == 1 else f"pool {workers}")
    return result


def bench_task_overhead(n_tasks: int, workers: int) -> dict[str, float]:
    """Milliseconds of wall time per near-empty task, through the pool and through Dask.

    Each task is an empty file (ingest refuses it at once), so the time is the executor's
    own: submission, pickling, scheduling, the result's way back to the writer loop.  The
    Dask figure excludes the cluster's start (timed separately as ``dask_start_s``).
    """
    from distributed import Client

    from extract.batch import _Job, _outcomes
    from extract.cluster import DEFAULT_ALLOWED_FAILURES, DaskExecutor, _local_cluster
    from extract.settings import Settings
    from extract.store import FileInfo

    settings = Settings()

    def jobs(n: int):
        for i in range(n):
            yield _Job(source=f"{i}.txt", info=FileInfo(path=f"/overhead/{i}.txt", sha256=None), data=b"")

    started = time.perf_counter()
    assert all(not o.ok for _, o in _outcomes(jobs(n_tasks), workers, settings))
    pool_ms = (time.perf_counter() - started) * 1000 / n_tasks
    started = time.perf_counter()
    with _local_cluster(workers, DEFAULT_ALLOWED_FAILURES) as cluster, Client(cluster) as client:
        executor = DaskExecutor(client=client)
        list(executor(jobs(workers), settings))  # registers the warm-up plugin: part of the start
        start_s = time.perf_counter() - started
        started = time.perf_counter()
        assert all(not o.ok for _, o in executor(jobs(n_tasks), settings))
        dask_ms = (time.perf_counter() - started) * 1000 / n_tasks
    return {"tasks": n_tasks, "workers": workers, "pool_ms": pool_ms, "dask_ms": dask_ms, "dask_start_s": start_s}


def bench_pipeline(corpus: Path, total_bytes: int, workers: int) -> dict[str, float]:
    """The per-file work alone (read + :func:`extract.batch.process_one`), no database."""
    from concurrent.futures import ProcessPoolExecutor

    from extract.batch import expand_paths, process_one

    files, _ = expand_paths([corpus])
    cpu0, started = _cpu_seconds(), time.perf_counter()
    jobs = ((str(p), p.read_bytes()) for p in files)
    if workers == 1:
        outcomes = [process_one(path, data) for path, data in jobs]
    else:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            paths, blobs = zip(*jobs, strict=True)
            outcomes = list(pool.map(process_one, paths, blobs, chunksize=4))
    seconds, cpu = time.perf_counter() - started, _cpu_seconds() - cpu0
    return _result(workers, total_bytes, seconds, cpu, files=len(files),
                   failed=sum(not o.ok for o in outcomes),
                   documents=sum(len(o.documents) for o in outcomes),
                   targets=sum(len(d.targets) for o in outcomes for d in o.documents))


def bench_stages(seeds: Path, repeat: int, vary: bool = False) -> list[tuple[str, float, float]]:
    """(stage, seconds, MB/s) per stage over ``repeat`` passes of the seed files.

    Times are CPU seconds of this process (the machine may be shared).
    """
    from extract.ingest import ingest
    from extract.pipeline import STAGES
    from extract.settings import Settings

    settings = Settings()
    blobs = [(str(p), p.read_bytes()) for p in sorted(seeds.glob("*.txt"))]
    size = sum(len(b) for _, b in blobs)
    timings: dict[str, float] = {"ingest": 0.0, **{name: 0.0 for name, _ in STAGES}}
    # The first pass loads jieba/OpenCC and is not timed.  Every pass appends its own
    # suffix: stages may cache per text, and a cache hit is not throughput.
    for n_pass, warm in enumerate((True, *([False] * repeat))):
        for source, data in blobs:
            if vary and n_pass:
                data = vary_text(data.decode("utf-8"), n_pass).encode("utf-8")
            data = data + f"\n（副本{n_pass}）\n".encode()
            t0 = time.process_time()
            docs = ingest(data, source, settings)
            if not warm:
                timings["ingest"] += time.process_time() - t0
            for doc in docs:
                for name, stage in STAGES:
                    t0 = time.process_time()
                    doc = stage(doc, settings)
                    if not warm:
                        timings[name] += time.process_time() - t0
    return [(name, s, (size * repeat / MB) / s if s else float("inf")) for name, s in timings.items()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--size-mb", type=float, default=20.0, help="corpus size to build (default 20)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                        help="pool size of the parallel run (default: all cores)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="documents to repeat")
    parser.add_argument("--vary", action="store_true",
                        help="make every copy different text (defeats per-sentence caches)")
    parser.add_argument("--pipeline-only", action="store_true", help="leave the SQLite store out")
    parser.add_argument("--stage", action="store_true", help="time each pipeline stage on the seeds instead")
    parser.add_argument("--repeat", type=int, default=3, help="passes over the seeds for --stage (default 3)")
    parser.add_argument("--cluster-workers", type=int, default=2,
                        help="worker processes of the Dask LocalCluster row (default 2)")
    parser.add_argument("--overhead-tasks", type=int, default=2000,
                        help="near-empty tasks timed for the per-task overhead (default 2000)")
    parser.add_argument("--no-cluster", action="store_true", help="leave the Dask rows out")
    args = parser.parse_args(argv)

    if args.stage:
        rows = bench_stages(args.corpus / "seeds" if (args.corpus / "seeds").is_dir() else args.corpus, args.repeat,
                            vary=args.vary)
        total = sum(s for _, s, _ in rows)
        print(f"{'stage':<18}{'seconds':>10}{'MB/s':>10}{'share':>8}")
        for name, seconds, rate in rows:
            print(f"{name:<18}{seconds:>10.3f}{rate:>10.2f}{seconds / total:>8.0%}")
        print(f"{'all':<18}{total:>10.3f}")
        return 0

    # Warm up once (jieba dictionary, spaCy, OpenCC): a long batch pays this once per process.
    from extract.pipeline import process_bytes

    for path in sorted((args.corpus / "seeds").glob("*.txt"))[:1] or sorted(args.corpus.glob("*.txt"))[:1]:
        process_bytes(path.read_bytes(), str(path))
    bench = bench_pipeline if args.pipeline_only else None
    tmp = Path(tempfile.mkdtemp(prefix="policy-bench-"))
    try:
        corpus = tmp / "corpus"
        n_files, total_bytes = build_corpus(args.corpus, corpus, args.size_mb, vary=args.vary)
        print(f"corpus: {n_files} files, {total_bytes / MB:.1f} MB in {corpus}"
              f"{' (varied copies)' if args.vary else ''}{' pipeline only' if bench else ''}", file=sys.stderr)
        results = []
        cluster = not (bench or args.no_cluster)
        pool_sizes = {1, args.workers} | ({args.cluster_workers} if cluster else set())
        for workers in sorted(pool_sizes):
            results.append(bench(corpus, total_bytes, workers) if bench
                           else bench_end_to_end(corpus, total_bytes, workers, tmp))
        if cluster:
            results.append(bench_end_to_end(corpus, total_bytes, args.cluster_workers, tmp, cluster=True))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"{'mode':<15}{'workers':>7}{'files':>7}{'failed':>7}{'docs':>7}{'seconds':>9}{'MB/s':>8}{'docs/s':>8}"
          f"{'MB/s/core':>10}{'MB/cpu-s':>9}{'targets':>8}{'rss MB':>8}{'child MB':>9}")
    for r in results:
        mode = r.get("mode") or ("1 process" if r["workers"] == 1 else f"pool {r['workers']}")
        print(f"{mode:<15}{r['workers']:>7}{r['files']:>7}{r['failed']:>7}{r['documents']:>7}{r['seconds']:>9.1f}"
              f"{r['mb_per_s']:>8.2f}{r['docs_per_s']:>8.1f}{r['mb_per_s'] / r['workers']:>10.2f}"
              f"{r['mb_per_cpu_s']:>9.2f}{r['targets']:>8}{r['rss_mb']:>8.0f}{r['children_rss_mb']:>9.0f}")
    if cluster:
        o = bench_task_overhead(args.overhead_tasks, args.cluster_workers)
        print(f"per-task overhead ({o['tasks']} near-empty tasks, {o['workers']} workers): "
              f"pool {o['pool_ms']:.2f} ms/task, dask {o['dask_ms']:.2f} ms/task "
              f"(dask local:{o['workers']} start with warm-up {o['dask_start_s']:.1f} s)")
    if any(r["failed"] for r in results):
        print("note: some files failed; their time is not representative", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
