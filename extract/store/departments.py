"""Canonical department rows and their aliases.

PLACEHOLDER owned by the departments work: stores nothing until it lands.
"""

from __future__ import annotations

from typing import Any

from ..model import Document


def store_departments(db: Any, doc: Document) -> None:
    """Upsert the departments named in ``doc`` (called inside the document's transaction)."""
    return None
