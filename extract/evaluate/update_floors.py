"""Raise the floors in tests/eval_baseline.json to the figures measured now.

    python -m extract.evaluate.update_floors                    # every set of the development set
    python -m extract.evaluate.update_floors --set devset
    python -m extract.evaluate.update_floors --set seeds --allow-lower --reason "gold 003 re-annotated"

Each set (seeds, devset) keeps its floors and its gold pin in its own file under ``tests/``.

Floors only go up, so an improvement is locked in and a regression fails the gate.
Lowering a floor (or re-baselining on changed gold) needs ``--allow-lower`` and a reason,
which is appended to the file's ``notes``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import sys
from pathlib import Path

from .devset import SHARED, EvalSet, development_sets
from .floors import below_floor, gold_digest, load_baseline, raised_floors, save_baseline
from .runner import evaluate_dirs

LOGGER = logging.getLogger(__name__)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m extract.evaluate.update_floors", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", dest="sets", action="append", default=None,
                        help="a set of the development set (seeds, devset); default: every set found")
    parser.add_argument("--shared", type=Path, default=SHARED, help="the folder holding gold/ and devset/")
    parser.add_argument("--gold", type=Path, help="one other set: its gold folder (with --docs, --baseline)")
    parser.add_argument("--docs", type=Path, help="one other set: its documents")
    parser.add_argument("--baseline", type=Path, help="one other set: its floors file")
    parser.add_argument("--allow-lower", action="store_true", help="let floors go down (needs --reason)")
    parser.add_argument("--reason", default=None, help="why floors may go down; kept in the file's notes")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")

    if args.allow_lower and not (args.reason and args.reason.strip()):
        parser.error("--allow-lower needs --reason \"...\"")
    if args.gold or args.docs or args.baseline:
        if not (args.gold and args.docs and args.baseline):
            parser.error("--gold, --docs and --baseline go together")
        return _update(EvalSet("custom", args.gold, args.docs, args.baseline), args.allow_lower, args.reason)
    known = development_sets(args.shared)
    unknown = set(args.sets or ()) - {s.name for s in known}
    if unknown:
        parser.error(f"unknown set {sorted(unknown)}; sets: {[s.name for s in known]}")
    chosen = [s for s in known if (args.sets is None or s.name in args.sets) and s.gold.is_dir() and s.docs.is_dir()]
    if not chosen:
        LOGGER.error("no development set found under %s", args.shared)
        return 2
    return max(_update(s, args.allow_lower, args.reason) for s in chosen)


def _update(s: EvalSet, allow_lower: bool, reason: str | None) -> int:
    """Raise one set's floors to today's figures (lower them only when allowed)."""
    baseline = load_baseline(s.baseline) if s.baseline.is_file() else {"floors": {}, "notes": []}
    digest = gold_digest(s.gold)
    if baseline.get("gold_sha256") not in (None, digest) and not allow_lower:
        LOGGER.error("%s: the gold files changed since the floors were set (sha256 %s, floors for %s); "
                     "re-baseline with --allow-lower --reason \"...\"", s.name, digest, baseline.get("gold_sha256"))
        return 2
    report = evaluate_dirs(s.gold, s.docs)
    figures = report.figures()
    old = dict(baseline["floors"])
    new = raised_floors(figures, old, allow_lower=allow_lower)
    for name in new:
        if new[name] != old.get(name):
            LOGGER.info("%s %-40s %s -> %.6f", s.name, name, old.get(name), new[name])
    if allow_lower and reason:
        lowered = below_floor(figures, old)
        stamp = dt.date.today().isoformat()
        baseline["notes"].append(f"{stamp}: floors re-set to current figures ({len(lowered)} lowered): "
                                 f"{reason.strip()}")
    for note in report.notes:
        LOGGER.warning("%s note: %s", s.name, note)
    save_baseline(s.baseline, {"gold_sha256": digest, "floors": new, "notes": baseline["notes"]})
    LOGGER.info("wrote %s", s.baseline)
    return 0

if __name__ == "__main__":
    sys.exit(main())
