"""Dated tasks written inside table cells (FORMAT v2): placeholder."""

from __future__ import annotations

from ..model import Deadline, Document
from .base import Context


def table_deadlines(doc: Document, ctx: Context) -> list[Deadline]:
    return []
