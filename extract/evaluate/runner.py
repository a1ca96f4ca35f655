"""Run the pipeline on every gold-annotated document and score it.

A missing document or a pipeline failure is an empty prediction plus a note: the other
stages are written in parallel, and ``make eval`` must still print figures.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from ..settings import Settings
from .report import EvalReport
from .scorer import evaluate_predictions

LOGGER = logging.getLogger(__name__)

GOLD_SUFFIX = ".json"


def empty_prediction(source: str) -> dict[str, Any]:
    """The CONTRACT dict of a document where nothing was found."""
    return {"schema_version": "1", "document": {"source": source, "issuers": [], "recipients": []},
            "targets": [], "deadlines": [], "responsibilities": [], "scoring_tables": []}


def gold_files(gold_dir: str | Path) -> list[Path]:
    """Every gold annotation file (``<document name>.json``), in name order.

    A gold file names a document, which has an extension of its own (``x.pdf.json``,
    ``x.txt.json``); other JSON beside the gold (``baseline.json``) is not a document.
    """
    return sorted(
        p for p in Path(gold_dir).glob(f"*{GOLD_SUFFIX}") if p.is_file() and Path(p.stem).suffix
    )


def predict(path: Path, settings: Settings | dict[str, Any] | None) -> tuple[dict[str, Any], str | None]:
    """The pipeline's CONTRACT dict for ``path``, or an empty one and the reason it failed."""
    from ..pipeline import process_file

    if not path.is_file():
        return empty_prediction(str(path)), f"{path.name}: document missing from the docs directory"
    try:
        docs = process_file(path, settings)
        if not docs:
            return empty_prediction(str(path)), f"{path.name}: the pipeline returned no document"
        note = None if len(docs) == 1 else f"{path.name}: {len(docs)} documents, only the first scored"
        return docs[0].to_dict(), note
    except Exception as e:  # noqa: BLE001 - any failure is scored as an empty prediction
        LOGGER.debug("pipeline failed on %s", path, exc_info=True)
        return empty_prediction(str(path)), f"{path.name}: pipeline failed: {type(e).__name__}: {e}"


def scored_pairs(gold_dir: str | Path, docs_dir: str | Path,
                 settings: Settings | dict[str, Any] | None = None,
                 ) -> tuple[list[tuple[dict[str, Any], dict[str, Any]]], list[str]]:
    """(gold, prediction) for every gold file of ``gold_dir``, and the notes on failures.

    Raises:
        FileNotFoundError: ``gold_dir`` holds no gold file (nothing could be measured).
    """
    files = gold_files(gold_dir)
    if not files:
        raise FileNotFoundError(f"no gold *{GOLD_SUFFIX} files in {gold_dir}")
    pairs: list[tuple[dict[str, Any], dict[str, Any]]] = []
    notes: list[str] = []
    for gold_path in files:
        try:
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            notes.append(f"{gold_path.name}: unreadable gold file skipped: {e}")
            continue
        name = gold.get("document") or gold_path.name[: -len(GOLD_SUFFIX)]
        gold.setdefault("document", name)
        prediction, note = predict(Path(docs_dir) / name, settings)
        if note:
            LOGGER.info("%s", note)
            notes.append(note)
        pairs.append((gold, prediction))
    return pairs, notes


def evaluate_dirs(gold_dir: str | Path, docs_dir: str | Path,
                  settings: Settings | dict[str, Any] | None = None) -> EvalReport:
    """Score the pipeline on every document of ``docs_dir`` that has a gold file in ``gold_dir``.

    Raises:
        FileNotFoundError: ``gold_dir`` holds no gold file (nothing could be measured).
    """
    pairs, notes = scored_pairs(gold_dir, docs_dir, settings)
    report = evaluate_predictions(pairs)
    report.notes.extend(notes)
    return report
