"""Fixtures shared by every test folder.

Tests that read ``../shared`` (gold, real PDFs) use the ``shared_dir`` fixture, which
skips cleanly on a user's fresh clone where that folder does not exist.
"""

from __future__ import annotations

import os
from pathlib import Path

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


@pytest.fixture(scope="session")
def gold_dir(shared_dir: Path) -> Path:
    path = shared_dir / "gold"
    if not path.is_dir():
        pytest.skip(f"{path} is absent")
    return path


@pytest.fixture(scope="session")
def real_pdf_dir(shared_dir: Path) -> Path:
    path = shared_dir / "corpora" / "real"
    if not path.is_dir():
        pytest.skip(f"{path} is absent")
    return path


@pytest.fixture(scope="session")
def processed_seeds() -> dict[str, object]:
    """Every seed run through the whole pipeline once per test session: name -> Document."""
    from extract import process_file

    return {p.name: process_file(p)[0] for p in sorted(SEEDS.glob("*.txt"))}
