"""The pipeline: bytes -> Documents, one ordered list of stages run by one loop.

Order and what each stage reads / writes:

1. ``ingest``     bytes, source name      -> format, encoding, raw_text, raw_page_starts,
                                             tables (raw spans), front_matter  (may yield
                                             several documents: JSON/JSONL crawler records)
2. ``normalize``  raw_text                -> text, offsets, script (OpenCC, pinyin, widths,
                                             whitespace, broken lines, web boilerplate)
3. ``structure``  text, tables            -> blocks with outline levels, table spans, tables
                                             recovered from text layout
4. extract        the model               -> metadata, targets, deadlines, responsibilities,
                                             scoring_tables (pure functions, no I/O)
5. ``link``       records                 -> departments on targets, responsible on
                                             deadlines, target_ids / deadline_ids
6. ``finalize``   records                 -> deterministic ids and PDF pages

Storing is not a stage: :mod:`extract.store` writes finished Documents, so that the
per-document work stays a pure function of the file's bytes (and can run on any worker).
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .errors import ExtractError, StageError
from .model import Document, record_id
from .settings import Settings

LOGGER = logging.getLogger(__name__)

Stage = Callable[[Document, Settings], Document]


def _normalize(doc: Document, settings: Settings) -> Document:
    from .normalize import normalize

    return normalize(doc, settings)


def _structure(doc: Document, settings: Settings) -> Document:
    from .structure import structure

    return structure(doc, settings)


def _metadata(doc: Document, settings: Settings) -> Document:
    from .metadata import extract_metadata

    doc.metadata = extract_metadata(doc, settings)
    return doc


def _targets(doc: Document, settings: Settings) -> Document:
    if settings.extract_targets:
        from .targets import extract_targets

        doc.targets = extract_targets(doc, settings)
    return doc


def _deadlines(doc: Document, settings: Settings) -> Document:
    if settings.extract_deadlines:
        from .deadlines import extract_deadlines

        doc.deadlines = extract_deadlines(doc, settings)
    return doc


def _responsibilities(doc: Document, settings: Settings) -> Document:
    if settings.extract_responsibilities:
        from .departments import extract_responsibilities

        doc.responsibilities = extract_responsibilities(doc, settings)
    return doc


def _scoring(doc: Document, settings: Settings) -> Document:
    if settings.extract_scoring:
        from .scoring import extract_scoring_tables

        doc.scoring_tables = extract_scoring_tables(doc, settings)
    return doc


def _link(doc: Document, settings: Settings) -> Document:
    from .link import link

    return link(doc, settings)


def _canonical(doc: Document, settings: Settings) -> Document:
    """`canonical` on every department a record names (region resolved from the document)."""
    from .departments import assign_canonical

    return assign_canonical(doc)


def finalize(doc: Document, settings: Settings) -> Document:
    """Give every record a deterministic id and its PDF page."""
    for t in doc.targets:
        t.id = t.id or record_id(doc.id, "target", t.span, t.indicator, t.value)
        t.page = doc.page_of(t.span[0])
    for d in doc.deadlines:
        d.id = d.id or record_id(doc.id, "deadline", d.span, d.task, d.due)
        d.page = doc.page_of(d.span[0])
    for s in doc.scoring_tables:
        s.id = s.id or record_id(doc.id, "scoring_table", s.span, s.title)
        s.page = doc.page_of(s.span[0]) if s.span else None
        for item in s.items:
            item.page = doc.page_of(item.span[0]) if item.span else None
    # responsibilities last: the link stage already pointed them at target/deadline ids
    for r in doc.responsibilities:
        r.id = r.id or record_id(doc.id, "responsibility", r.span, r.department, r.role)
        r.page = doc.page_of(r.span[0])
    return doc


STAGES: list[tuple[str, Stage]] = [
    ("normalize", _normalize),
    ("structure", _structure),
    ("metadata", _metadata),
    ("targets", _targets),
    ("deadlines", _deadlines),
    ("responsibilities", _responsibilities),
    ("scoring", _scoring),
    ("link", _link),
    ("canonical", _canonical),
    ("finalize", finalize),
]


def run_stages(doc: Document, settings: Settings, stages: list[tuple[str, Stage]] | None = None) -> Document:
    """Run every stage in order; a stage that raises is reported under its name."""
    for name, stage in stages or STAGES:
        try:
            out = stage(doc, settings)
        except ExtractError:
            raise
        except Exception as e:  # noqa: BLE001 - any bug becomes a recorded, named failure
            LOGGER.debug("stage %s failed on %s", name, doc.source, exc_info=True)
            raise StageError(name, f"{type(e).__name__}: {e}") from e
        if not isinstance(out, Document):
            raise StageError(name, f"returned {type(out).__name__}, not Document")
        doc = out
    return doc


def process_bytes(data: bytes, source: str, settings: Settings | dict[str, Any] | None = None) -> list[Document]:
    """The per-document work: a pure function of the file's bytes (and its name).

    Returns one Document per document in the file (several for a JSONL of records).
    Raises :class:`extract.errors.ExtractError` with a one-line reason for bad input.
    """
    from .ingest import ingest

    settings = Settings.resolve(settings)
    docs = ingest(data, source, settings)
    return [run_stages(doc, settings) for doc in docs]


def process_file(path: str | Path, settings: Settings | dict[str, Any] | None = None) -> list[Document]:
    """Read a file and process it (see :func:`process_bytes`)."""
    from .ingest import read_path
    from .walk import printable

    data = read_path(Path(path), Settings.resolve(settings))
    return process_bytes(data, printable(path), settings)  # a name that is not UTF-8 shows as \xNN


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
