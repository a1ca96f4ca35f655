"""The development set: every annotated set scored on its own, then all of them together.

A change that helps one document and hurts three must show, so ``make eval`` prints one table
per set (the five seeds, the sixteen devset documents), the union of all documents (scored as
one micro-average, not an average of averages), and one line per document with matched / gold /
predicted counts per record type.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..settings import Settings
from .report import RECORD_TYPES, EvalReport
from .runner import scored_pairs
from .scorer import evaluate_predictions

ROOT = Path(__file__).resolve().parents[2]
# The same override as tests/conftest.py, so the gate, `make eval` and `make floors` agree.
SHARED = Path(os.environ.get("POLICY_EXTRACT_SHARED", ROOT.parent / "shared"))
UNION = "all"


@dataclass(frozen=True, slots=True)
class EvalSet:
    """One annotated set: its gold folder, the folder of its documents and its floors file."""

    name: str
    gold: Path
    docs: Path
    baseline: Path


def development_sets(shared: Path = SHARED) -> list[EvalSet]:
    """The sets of the development set (seeds and devset), whether or not they exist here."""
    return [
        EvalSet("seeds", shared / "gold", ROOT / "corpora" / "seeds", ROOT / "tests" / "eval_baseline.json"),
        EvalSet("devset", shared / "devset" / "gold", shared / "devset" / "docs",
                ROOT / "tests" / "eval_baseline_devset.json"),
    ]


def evaluate_sets(sets: list[EvalSet], settings: Settings | dict[str, Any] | None = None,
                  ) -> dict[str, EvalReport]:
    """One report per set plus ``"all"``, the union of their documents scored together."""
    reports: dict[str, EvalReport] = {}
    every_pair: list[tuple[dict[str, Any], dict[str, Any]]] = []
    every_note: list[str] = []
    for s in sets:
        pairs, notes = scored_pairs(s.gold, s.docs, settings)
        reports[s.name] = evaluate_predictions(pairs)
        reports[s.name].notes.extend(notes)
        every_pair += pairs
        every_note += [f"{s.name}: {n}" for n in notes]
    if len(sets) > 1:
        reports[UNION] = evaluate_predictions(every_pair)
        reports[UNION].notes.extend(every_note)
    return reports


def format_sets(reports: dict[str, EvalReport]) -> str:
    """Each set's table, then the per-document counts of every set."""
    out: list[str] = []
    for name, report in reports.items():
        n = len(report.per_document)
        out += [f"== {name} ({n} document{'s' * (n != 1)})", report.format_table(), ""]
    out.append(format_documents({k: v for k, v in reports.items() if k != UNION}))
    return "\n".join(out)


def format_documents(reports: dict[str, EvalReport]) -> str:
    """One line per document: matched/gold/predicted for each record type."""
    short = {"targets": "targets", "target_owners": "owners", "deadlines": "deadlines",
             "responsibilities": "resp", "scoring_items": "scoring", "metadata": "metadata"}
    width = max((len(d) for r in reports.values() for d in r.per_document), default=8)
    head = f"{'document (matched/gold/pred)':<{width + 8}}" + "".join(f"{short[t]:>13}" for t in RECORD_TYPES)
    lines = [head]
    for name, report in reports.items():
        for doc, counts in sorted(report.per_document.items()):
            cells = []
            for t in RECORD_TYPES:
                c = counts.get(t)
                cells.append(f"{c['matched']}/{c['gold']}/{c['predicted']}" if c else "-")
            lines.append(f"{name:<7} {doc:<{width}}" + "".join(f"{cell:>13}" for cell in cells))
    return "\n".join(lines)
