"""Deadlines (stub, being written)."""
from __future__ import annotations

from ..model import Deadline, Document
from ..settings import Settings


def extract_deadlines(doc: Document, settings: Settings) -> list[Deadline]:
    return []
