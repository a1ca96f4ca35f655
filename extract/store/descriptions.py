"""Titles and descriptions of the database's tables, views and columns, in Chinese and English.

They live in ``extract/data/datasette.yaml`` with the rest of what Datasette is given, and are
shared by ``policy-extract serve`` (:mod:`extract.serve`) and the JSON Schemas of exported
tables (:mod:`extract.store.table_schemas`).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def load_spec() -> dict[str, Any]:
    """``extract/data/datasette.yaml`` parsed (titles, descriptions, facets, canned queries)."""
    from ..language.data import load_yaml

    return load_yaml("datasette.yaml")
