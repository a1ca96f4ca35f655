"""Fixtures shared by every test folder.

Tests that read ``../shared`` (gold, real PDFs) use the ``shared_dir`` fixture, which
skips cleanly on a user's fresh clone where that folder does not exist.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "corpora" / "seeds"
SHARED = Path(os.environ.get("POLICY_EXTRACT_SHARED", ROOT.parent / "shared"))


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent (a fresh clone has no ../shared)")
    return SHARED


def _shared_part(shared_dir: Path, *parts: str) -> Path:
    """A folder of ../shared, or a skip when this checkout's ../shared lacks it."""
    path = shared_dir.joinpath(*parts)
    if not path.is_dir():
        pytest.skip(f"{path} is absent")
    return path


@pytest.fixture(scope="session")
def gold_dir(shared_dir: Path) -> Path:
    return _shared_part(shared_dir, "gold")


@pytest.fixture(scope="session")
def real_pdf_dir(shared_dir: Path) -> Path:
    return _shared_part(shared_dir, "corpora", "real")


@pytest.fixture(scope="session")
def bulk_pdf_dir(shared_dir: Path) -> Path:
    return _shared_part(shared_dir, "corpora", "bulk")


@pytest.fixture(scope="session")
def processed_seeds() -> dict[str, object]:
    """Every seed run through the whole pipeline once per test session: name -> Document."""
    from extract import process_file

    return {p.name: process_file(p)[0] for p in sorted(SEEDS.glob("*.txt"))}


# ---------------------------------------------------------------- extractor fixtures

@pytest.fixture(scope="session")
def targets_of() -> Callable[..., list[dict[str, Any]]]:
    """``targets_of(text, issue_date=None)``: the targets of one text as CONTRACT dicts.

    Also checks the invariant every extractor keeps: evidence is the text at its span.
    """

    from extract.model import Document, Metadata
    from extract.settings import Settings
    from extract.targets import extract_targets

    def run(text: str, issue_date: str | None = None) -> list[dict[str, Any]]:
        doc = Document(id="x", source="s", format="txt", text=text, metadata=Metadata(issue_date=issue_date))
        out = []
        for t in extract_targets(doc, Settings()):
            assert doc.text[t.span[0] : t.span[1]] == t.evidence
            out.append(t.to_dict())
        return out

    return run


@pytest.fixture(scope="session")
def deadlines_of() -> Callable[[str], list[dict[str, Any]]]:
    """``deadlines_of(text)``: the deadlines of one text (targets found first, as the pipeline does)."""
    from extract.deadlines import extract_deadlines
    from extract.model import Document, Metadata
    from extract.settings import Settings
    from extract.targets import extract_targets

    def run(text: str, issue_date: str | None = None) -> list[dict[str, Any]]:
        doc = Document(id="x", source="s", format="txt", text=text, metadata=Metadata(issue_date=issue_date))
        doc.targets = extract_targets(doc, Settings())
        out = []
        for d in extract_deadlines(doc, Settings()):
            assert doc.text[d.span[0] : d.span[1]] == d.evidence
            out.append(d.to_dict())
        return out

    return run
