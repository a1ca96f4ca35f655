"""Store time per file as the database fills: ``python -m benchmarks.store_growth``.

The seed documents go through the pipeline once; then ``--docs`` documents are written
into one fresh file database, each a copy of a seed under a new document id (and new
record ids derived from it by :func:`extract.model.record_id`, as the pipeline does), in groups of files per transaction as ``run`` writes them
(:mod:`extract.store.group`; each commit's cost lands on the file that triggers it).  Prints
the store time per file (CPU of this process) for the first and the last ``--window``
documents and their ratio: a writer whose work grows with the database (a missing
index, deletes for documents that cannot exist yet) shows a ratio well above 1.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import shutil
import tempfile
import time
from pathlib import Path

from extract.model import record_id

from .compare import SEEDS


def _clone(doc, n: int):  # noqa: ANN001, ANN202 - extract.model.Document
    """``doc`` as another document: new id, every record id re-derived from it."""
    out = copy.deepcopy(doc)
    out.id = hashlib.sha256(f"{doc.id}:{n}".encode()).hexdigest()

    def new(old: str) -> str:
        return record_id(out.id, old)

    for records in (out.targets, out.deadlines, out.responsibilities, out.scoring_tables):
        for r in records:
            r.id = new(r.id)
    for r in out.responsibilities:
        r.target_ids = [new(i) for i in r.target_ids]
        r.deadline_ids = [new(i) for i in r.deadline_ids]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.store_growth", description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=10_000, help="documents to write (default 10000)")
    parser.add_argument("--window", type=int, default=1_000, help="first/last documents compared (default 1000)")
    parser.add_argument("--seeds", type=Path, default=SEEDS)
    args = parser.parse_args(argv)

    from extract.batch import process_one
    from extract.store import FileInfo, open_db, write_file_documents
    from extract.store.group import grouped_writes

    seeds = [d for p in sorted(args.seeds.glob("*.txt")) for d in process_one(str(p), p.read_bytes()).documents]
    tmp = Path(tempfile.mkdtemp(prefix="policy-store-growth-"))
    try:
        db = open_db(tmp / "growth.db")
        times: list[float] = []
        with grouped_writes(db):
            for n in range(args.docs):
                doc = _clone(seeds[n % len(seeds)], n)
                info = FileInfo(path=f"/bench/{n:06d}.txt", sha256=doc.id, size=len(doc.text), mtime=0.0)
                t0 = time.process_time()
                write_file_documents(db, info, [doc], None)
                times.append(time.process_time() - t0)
            t0 = time.process_time()
        times[-1] += time.process_time() - t0  # the last group's commit
        db.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    w = min(args.window, len(times) // 2) or 1
    first, last = sum(times[:w]) / w * 1000, sum(times[-w:]) / w * 1000
    print(f"store per file: first {w} docs {first:.2f} ms, last {w} docs {last:.2f} ms "
          f"(last/first {last / first:.2f}; {args.docs} documents, CPU time)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
