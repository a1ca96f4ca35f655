"""Side by side with the naive reference: ``python -m benchmarks.compare`` (``make bench``).

Builds one corpus of ``--copies`` unique copies of the seed documents (every copy other
text: :func:`benchmarks.bench.vary_text`, so neither the incremental skip nor a sentence
cache makes a copy free), then runs, in turn and ``--rounds`` times (A B C A B C ...,
so that drift of a shared machine hits every command alike):

* the naive reference, :mod:`benchmarks.naive` (OpenCC + spaCy/jieba over every character,
  candidate sentences into SQLite);
* ``policy-extract run --workers 1`` and ``--workers 2`` into a fresh database.

Each command is a whole process timed from outside (wall clock, and user + system CPU
of the process and its children from ``wait4``), as ``/usr/bin/time -v`` would.  Prints
the medians, MB/s, and run/naive throughput ratios computed round by round.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from .bench import MB, ROOT, vary_text

SEEDS = ROOT / "corpora" / "seeds"


@dataclass(slots=True)
class Timing:
    wall: float
    cpu: float
    rss_mb: float
    status: int


def build_copies(source: Path, target: Path, copies: int) -> tuple[int, int]:
    """``copies`` varied copies of every text file in ``source``; (files, bytes)."""
    originals = sorted(p for p in source.iterdir() if p.suffix in {".txt", ".md", ".htm", ".html"})
    target.mkdir(parents=True, exist_ok=True)
    n = total = 0
    for copy in range(copies):
        for path in originals:
            data = path.read_bytes()
            try:
                text = data.decode("utf-8")
                data = (vary_text(text, copy) if copy else text).encode("utf-8")
            except UnicodeDecodeError:
                pass  # a GBK/Big5 original: the suffix below still makes its bytes unique
            blob = data + f"\n（副本{copy}）\n".encode()
            (target / f"{copy:04d}_{path.name}").write_bytes(blob)
            n += 1
            total += len(blob)
    return n, total


def time_command(argv: list[str], cwd: Path) -> Timing:
    """Wall clock and CPU (self + reaped children, as wait4 reports them) of one process."""
    started = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - started
    if proc.returncode not in (0, 1):  # 1: some file failed, still a finished run
        sys.stderr.write(err.decode("utf-8", "replace")[-2000:])
    return Timing(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, proc.returncode)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.compare", description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=40, help="varied copies of the seeds (default 40)")
    parser.add_argument("--rounds", type=int, default=3, help="runs of each command (default 3)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="run's pool sizes (default 1 2)")
    parser.add_argument("--seeds", type=Path, default=SEEDS, help="documents to copy")
    args = parser.parse_args(argv)

    tmp = Path(tempfile.mkdtemp(prefix="policy-compare-"))
    try:
        corpus = tmp / "corpus"
        n_files, n_bytes = build_copies(args.seeds, corpus, args.copies)
        print(f"corpus: {n_files} files, {n_bytes / MB:.2f} MB ({args.copies} varied copies of {args.seeds.name})")
        db = tmp / "out.db"
        commands = {"naive": [sys.executable, "-m", "benchmarks.naive", str(corpus), "--db", str(db)]}
        for w in args.workers:
            commands[f"run -j{w}"] = [sys.executable, "-m", "extract", "run", str(corpus), "--db", str(db),
                                      "--workers", str(w), "--no-progress"]
        results: dict[str, list[Timing]] = {name: [] for name in commands}
        for _ in range(args.rounds):
            for name, cmd in commands.items():
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{db}{suffix}").unlink(missing_ok=True)
                results[name].append(time_command(cmd, ROOT))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    print(f"{'command':<10}{'wall s':>9}{'cpu s':>9}{'MB/s':>8}{'MB/cpu-s':>10}{'peak MB':>9}"
          f"{'x naive (wall)':>16}{'x naive (cpu)':>15}")
    naive = results["naive"]
    for name, timings in results.items():
        wall = statistics.median(t.wall for t in timings)
        cpu = statistics.median(t.cpu for t in timings)
        rss = max(t.rss_mb for t in timings)
        # throughput ratio round by round (naive time / this time), then the median
        x_wall = statistics.median(n.wall / t.wall for n, t in zip(naive, timings))
        x_cpu = statistics.median(n.cpu / t.cpu for n, t in zip(naive, timings))
        failed = " (non-zero exit)" if any(t.status not in (0,) for t in timings) else ""
        print(f"{name:<10}{wall:>9.2f}{cpu:>9.2f}{n_bytes / MB / wall:>8.2f}{n_bytes / MB / cpu:>10.2f}"
              f"{rss:>9.0f}{x_wall:>16.2f}{x_cpu:>15.2f}{failed}")
    print(f"(medians of {args.rounds} rounds; 'x naive' = naive time / command time, i.e. throughput ratio)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
