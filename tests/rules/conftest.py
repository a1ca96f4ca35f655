"""Fixtures of the extractor tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from extract.model import Document, Metadata
from extract.rules.targets import extract_targets
from extract.settings import Settings


@pytest.fixture(scope="session")
def targets_of() -> Callable[..., list[dict[str, Any]]]:
    """``targets_of(text, issue_date=None)``: the targets of one text as CONTRACT dicts.

    Also checks the invariant every extractor keeps: evidence is the text at its span.
    """

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
    from extract.rules.deadlines import extract_deadlines

    def run(text: str) -> list[dict[str, Any]]:
        doc = Document(id="x", source="s", format="txt", text=text)
        doc.targets = extract_targets(doc, Settings())
        out = []
        for d in extract_deadlines(doc, Settings()):
            assert doc.text[d.span[0] : d.span[1]] == d.evidence
            out.append(d.to_dict())
        return out

    return run
