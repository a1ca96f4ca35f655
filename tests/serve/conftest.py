"""The demo database (``make demo``: the seeds through the whole pipeline), built once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parent.parent.parent / "corpora" / "seeds"


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from extract.batch import run_batch

    path = tmp_path_factory.mktemp("demo") / "policy.db"
    summary = run_batch([SEEDS], path, workers=1, progress=False)
    assert summary.ok and summary.n_documents == 5
    return path
