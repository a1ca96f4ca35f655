"""Tables recovered from text layout (tab-separated rows, one-cell-per-line dumps).

PLACEHOLDER owned by the scoring-table work: returns no tables until it lands.
"""

from __future__ import annotations

from ..model import Document, Table
from ..settings import Settings


def recover_text_tables(doc: Document, settings: Settings) -> list[Table]:
    return []
