"""Throughput benchmark: ``python -m benchmarks.bench`` (``make bench``).

End to end (read, pipeline, SQLite store) on a corpus built by repeating the text files
of ``corpora/`` to ``--size-mb`` megabytes, each copy with a different suffix so its
sha256 differs (the incremental skip would otherwise make copies free).  Measured once
in one process and once with a process pool; reported as MB/s of input bytes,
documents/s and peak resident memory.  ``--stage`` instead times every pipeline stage
separately on the seed documents (the goal is >= 2 MB/s per core end to end).
"""

from __future__ import annotations

import argparse
import os
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


def build_corpus(source: Path, target: Path, size_mb: float) -> tuple[int, int]:
    """Copy text documents of ``source`` into ``target`` until ``size_mb``; (files, bytes)."""
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


def bench_end_to_end(corpus: Path, total_bytes: int, workers: int, tmp: Path) -> dict[str, float]:
    from extract.batch import run_batch

    db_path = tmp / f"bench_{workers}.db"
    started = time.perf_counter()
    summary = run_batch([corpus], db_path, workers=workers, progress=False)
    seconds = time.perf_counter() - started
    own, children = peak_rss_mb()
    return {
        "workers": workers, "files": summary.n_files, "failed": summary.n_failed,
        "documents": summary.n_documents, "seconds": seconds,
        "mb_per_s": total_bytes / MB / seconds, "docs_per_s": summary.n_documents / seconds,
        "targets": summary.records["targets"], "rss_mb": own, "children_rss_mb": children,
    }


def bench_stages(seeds: Path, repeat: int) -> list[tuple[str, float, float]]:
    """(stage, seconds, MB/s) per stage over ``repeat`` passes of the seed files."""
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
            data = data + f"\n（副本{n_pass}）\n".encode()
            t0 = time.perf_counter()
            docs = ingest(data, source, settings)
            if not warm:
                timings["ingest"] += time.perf_counter() - t0
            for doc in docs:
                for name, stage in STAGES:
                    t0 = time.perf_counter()
                    doc = stage(doc, settings)
                    if not warm:
                        timings[name] += time.perf_counter() - t0
    return [(name, s, (size * repeat / MB) / s if s else float("inf")) for name, s in timings.items()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--size-mb", type=float, default=20.0, help="corpus size to build (default 20)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                        help="pool size of the parallel run (default: all cores)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="documents to repeat")
    parser.add_argument("--stage", action="store_true", help="time each pipeline stage on the seeds instead")
    parser.add_argument("--repeat", type=int, default=3, help="passes over the seeds for --stage (default 3)")
    args = parser.parse_args(argv)

    if args.stage:
        rows = bench_stages(args.corpus / "seeds" if (args.corpus / "seeds").is_dir() else args.corpus, args.repeat)
        total = sum(s for _, s, _ in rows)
        print(f"{'stage':<18}{'seconds':>10}{'MB/s':>10}{'share':>8}")
        for name, seconds, rate in rows:
            print(f"{name:<18}{seconds:>10.3f}{rate:>10.2f}{seconds / total:>8.0%}")
        print(f"{'all':<18}{total:>10.3f}")
        return 0

    tmp = Path(tempfile.mkdtemp(prefix="policy-bench-"))
    try:
        corpus = tmp / "corpus"
        n_files, total_bytes = build_corpus(args.corpus, corpus, args.size_mb)
        print(f"corpus: {n_files} files, {total_bytes / MB:.1f} MB in {corpus}", file=sys.stderr)
        results = [bench_end_to_end(corpus, total_bytes, 1, tmp)]
        if args.workers > 1:
            results.append(bench_end_to_end(corpus, total_bytes, args.workers, tmp))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"{'workers':>7}{'files':>7}{'failed':>7}{'docs':>7}{'seconds':>9}{'MB/s':>8}{'docs/s':>8}"
          f"{'MB/s/core':>10}{'targets':>8}{'rss MB':>8}{'child MB':>9}")
    for r in results:
        print(f"{r['workers']:>7}{r['files']:>7}{r['failed']:>7}{r['documents']:>7}{r['seconds']:>9.1f}"
              f"{r['mb_per_s']:>8.2f}{r['docs_per_s']:>8.1f}{r['mb_per_s'] / r['workers']:>10.2f}"
              f"{r['targets']:>8}{r['rss_mb']:>8.0f}{r['children_rss_mb']:>9.0f}")
    if any(r["failed"] for r in results):
        print("note: some files failed; their time is not representative", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
