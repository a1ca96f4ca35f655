"""Cost against document size: ``python -m benchmarks.scaling [--sizes 0.1 1 2 5 10]``.

One synthetic document per size, built by concatenating varied copies of the seed
documents (:func:`benchmarks.bench.vary_text`) until it has that many megabytes, goes
through the pipeline (no store) in a fresh process of its own, so that its peak memory
is its own.  Prints CPU seconds and peak memory per size, the growth exponent between
consecutive sizes (log time ratio / log size ratio: 1.0 is linear), and the CPU seconds
of every stage, so that a super-linear stage shows itself.
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import subprocess
import sys
import time
from pathlib import Path

from .bench import MB, ROOT, vary_text
from .compare import SEEDS


def synthetic_document(size_mb: float, seeds: Path = SEEDS) -> bytes:
    """Varied seed texts, one after another, until ``size_mb`` megabytes (UTF-8)."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))]
    pieces: list[str] = []
    total, copy = 0, 0
    while total < size_mb * MB:
        for text in texts:
            piece = (vary_text(text, copy) if copy else text) + "\n"
            pieces.append(piece)
            total += len(piece.encode("utf-8"))
            if total >= size_mb * MB:
                break
        copy += 1
    return "".join(pieces).encode("utf-8")


def measure_one(size_mb: float) -> dict[str, object]:
    """Pipeline CPU seconds per stage on one synthetic document (run in its own process)."""
    from extract.ingest import ingest
    from extract.pipeline import STAGES
    from extract.settings import Settings
    from extract.warmup import warm_up

    warm_up()  # start-up is not what this measures
    data = synthetic_document(size_mb)
    # the 10 MB document passes the default character limit (a guard for real runs)
    settings = Settings(max_document_chars=max(len(data), Settings().max_document_chars))
    stages: dict[str, float] = {}
    t0 = time.process_time()
    docs = ingest(data, "synthetic.txt", settings)
    stages["ingest"] = time.process_time() - t0
    for doc in docs:
        for name, stage in STAGES:
            t = time.process_time()
            doc = stage(doc, settings)
            stages[name] = stages.get(name, 0.0) + time.process_time() - t
    return {"size_mb": len(data) / MB, "cpu": sum(stages.values()), "stages": stages,
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "targets": sum(len(d.targets) for d in docs),
            "responsibilities": sum(len(d.responsibilities) for d in docs)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.scaling", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[0.1, 1.0, 2.0, 5.0, 10.0], help="MB (default 0.1 1 2 5 10)")
    parser.add_argument("--one", type=float, help=argparse.SUPPRESS)  # internal: measure one size, print JSON
    parser.add_argument("--timeout", type=float, default=1800, help="seconds per size (default 1800)")
    args = parser.parse_args(argv)
    if args.one is not None:
        print(json.dumps(measure_one(args.one)))
        return 0

    rows: list[dict[str, object]] = []
    for size in args.sizes:
        try:
            out = subprocess.run([sys.executable, "-m", "benchmarks.scaling", "--one", str(size)], cwd=ROOT,
                                 capture_output=True, text=True, timeout=args.timeout, check=True)
        except subprocess.TimeoutExpired:
            print(f"{size} MB: over {args.timeout:.0f} s, stopped")
            break
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
        r = rows[-1]
        print(f"{r['size_mb']:>6.2f} MB  cpu {r['cpu']:>8.2f} s  peak {r['peak_mb']:>6.0f} MB  "
              f"targets {r['targets']}  responsibilities {r['responsibilities']}", flush=True)
    if not rows:
        return 1
    names = list(rows[0]["stages"])  # type: ignore[arg-type]
    print(f"\n{'stage':<17}" + "".join(f"{r['size_mb']:>9.2f}MB" for r in rows)
          + "".join(f"{'exp':>7}" for _ in rows[1:]))
    for name in [*names, "all"]:
        cpu = [r["cpu"] if name == "all" else r["stages"][name] for r in rows]  # type: ignore[index]
        exps = [_exponent(rows[i - 1]["size_mb"], rows[i]["size_mb"], cpu[i - 1], cpu[i])  # type: ignore[arg-type]
                for i in range(1, len(rows))]
        print(f"{name:<17}" + "".join(f"{c:>10.2f}s" for c in cpu) + "".join(f"{e:>7.2f}" for e in exps))
    print("(CPU seconds of the pipeline without start-up; exp = growth exponent from the previous size, 1 = linear)")
    one = next((r for r in rows if abs(r["size_mb"] - 1.0) < 0.05), None)  # type: ignore[operator]
    if one is not None and rows[-1] is not one:
        last = rows[-1]
        print(f"{last['size_mb']:.0f} MB / 1 MB: {last['cpu'] / one['cpu']:.1f}x the CPU "  # type: ignore[operator]
              f"(issue 9 asks at most 12x), peak {last['peak_mb']:.0f} MB (at most 400)")
    return 0


def _exponent(s1: float, s2: float, t1: float, t2: float) -> float:
    if t1 <= 0 or t2 <= 0 or s1 == s2:
        return float("nan")
    return math.log(t2 / t1) / math.log(s2 / s1)


if __name__ == "__main__":
    raise SystemExit(main())
