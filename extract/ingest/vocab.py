"""Loading the ingest rule vocabularies kept as data in ``extract/data/ingest_*.yaml``."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


@functools.cache
def load_yaml(name: str) -> Any:
    """Parse one packaged data file once (``name`` like ``"ingest_html.yaml"``)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when built with it: same objects
    return yaml.load((DATA_DIR / name).read_text(encoding="utf-8"), Loader=loader)
