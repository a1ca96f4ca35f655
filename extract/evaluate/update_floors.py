"""Raise the floors in tests/eval_baseline.json to the figures measured now.

    python -m extract.evaluate.update_floors [--gold ../shared/gold] [--docs corpora/seeds]
    python -m extract.evaluate.update_floors --allow-lower --reason "gold 003 re-annotated"

Floors only go up, so an improvement is locked in and a regression fails the gate.
Lowering a floor (or re-baselining on changed gold) needs ``--allow-lower`` and a reason,
which is appended to the file's ``notes``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import sys
from pathlib import Path

from .floors import below_floor, gold_digest, load_baseline, raised_floors, save_baseline
from .runner import evaluate_dirs

LOGGER = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_BASELINE = ROOT / "tests" / "eval_baseline.json"
# same override as tests/conftest.py, so the gate and this script read the same gold
DEFAULT_GOLD = Path(os.environ.get("POLICY_EXTRACT_SHARED", ROOT.parent / "shared")) / "gold"
DEFAULT_DOCS = ROOT / "corpora" / "seeds"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m extract.evaluate.update_floors", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--docs", type=Path, default=DEFAULT_DOCS)
    parser.add_argument("--baseline", type=Path, default=DEFAULT_BASELINE)
    parser.add_argument("--allow-lower", action="store_true", help="let floors go down (needs --reason)")
    parser.add_argument("--reason", default=None, help="why floors may go down; kept in the file's notes")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")

    if args.allow_lower and not (args.reason and args.reason.strip()):
        parser.error("--allow-lower needs --reason \"...\"")
    baseline = load_baseline(args.baseline) if args.baseline.is_file() else {"floors": {}, "notes": []}
    digest = gold_digest(args.gold)
    if baseline.get("gold_sha256") not in (None, digest) and not args.allow_lower:
        LOGGER.error("the gold files changed since the floors were set (sha256 %s, floors for %s); "
                     "re-baseline with --allow-lower --reason \"...\"", digest, baseline.get("gold_sha256"))
        return 2

    report = evaluate_dirs(args.gold, args.docs)
    figures = report.figures()
    old = dict(baseline["floors"])
    new = raised_floors(figures, old, allow_lower=args.allow_lower)
    for name in new:
        if new[name] != old.get(name):
            LOGGER.info("%-40s %s -> %.6f", name, old.get(name), new[name])
    if args.allow_lower:
        lowered = below_floor(figures, old)
        stamp = dt.date.today().isoformat()
        baseline["notes"].append(f"{stamp}: floors re-set to current figures ({len(lowered)} lowered): "
                                 f"{args.reason.strip()}")
    for note in report.notes:
        LOGGER.warning("note: %s", note)
    baseline["gold_sha256"] = digest
    baseline["floors"] = new
    save_baseline(args.baseline, {"gold_sha256": digest, "floors": new, "notes": baseline["notes"]})
    LOGGER.info("wrote %s", args.baseline)
    return 0


if __name__ == "__main__":
    sys.exit(main())
