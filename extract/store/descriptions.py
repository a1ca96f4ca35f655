"""Titles and descriptions of the database's tables, views and columns, in Chinese and English.

They live in ``extract/data/datasette.yaml`` with the rest of what Datasette is given, and are
shared by ``policy-extract serve`` (:mod:`extract.serve`) and the JSON Schemas of exported
tables (:mod:`extract.store.table_schemas`).
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=1)
def load_spec() -> dict[str, Any]:
    """``extract/data/datasette.yaml`` parsed (titles, descriptions, facets, canned queries)."""
    import yaml

    text = resources.files("extract").joinpath("data", "datasette.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)
