"""Removing page furniture from PDF pages: page numbers, running headers, print artefacts.

A naive reader folds "— 3 —" or a bare "7" into the sentence that continues on the next
page. Furniture is recognised only at a page's edges: by pattern
(``extract/data/ingest_pdf.yaml``) and by repetition (the same short line, digits masked,
at the top or bottom of many pages).
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .vocab import load_yaml

_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")
# How many lines at each edge are compared across pages for running headers/footers.
REPEAT_EDGE_LINES = 2


@dataclass(slots=True, frozen=True)
class FurnitureRules:
    edge: tuple[re.Pattern[str], ...]
    web_print: tuple[re.Pattern[str], ...]
    web_print_zone: int
    max_edge_lines: int
    repeat_share: float
    min_repeat_pages: int
    max_furniture_chars: int


@functools.lru_cache(maxsize=1)
def rules() -> FurnitureRules:
    raw = load_yaml("ingest_pdf.yaml")
    return FurnitureRules(
        edge=tuple(re.compile(p) for p in raw["edge_patterns"]),
        web_print=tuple(re.compile(p) for p in raw["web_print_patterns"]),
        web_print_zone=int(raw["web_print_zone"]),
        max_edge_lines=int(raw["max_edge_lines"]),
        repeat_share=float(raw["repeat_share"]),
        min_repeat_pages=int(raw["min_repeat_pages"]),
        max_furniture_chars=int(raw["max_furniture_chars"]),
    )


def line_key(line: str) -> str:
    """Comparison key for running headers: whitespace dropped, digits masked."""
    return _DIGITS.sub("#", _SPACES.sub("", line))


@dataclass(slots=True)
class FurnitureReport:
    removed: int = 0
    front_matter: dict[str, Any] = field(default_factory=dict)


def repeated_edge_keys(pages: list[list[str]]) -> set[str]:
    """Keys of short lines that open or close many pages (running headers/footers)."""
    r = rules()
    counts: Counter[str] = Counter()
    for lines in pages:
        edge = lines[:REPEAT_EDGE_LINES] + lines[-REPEAT_EDGE_LINES:]
        counts.update({line_key(x) for x in edge if 0 < len(x.strip()) <= r.max_furniture_chars})
    n_pages = sum(1 for lines in pages if lines)
    needed = max(r.min_repeat_pages, r.repeat_share * n_pages)
    return {key for key, n in counts.items() if n >= needed}


def is_edge_furniture(line: str, repeated: set[str]) -> bool:
    text = line.strip()
    if not text:
        return True
    return line_key(text) in repeated or any(p.match(text) for p in rules().edge)


def strip_page_edges(lines: list[str], repeated: set[str], *, top: bool, bottom: bool,
                     report: FurnitureReport) -> list[str]:
    """Lines of one page without furniture at its top (if ``top``) and bottom (if ``bottom``).

    ``top``/``bottom`` are False when a table, not text, is at that edge of the page.
    """
    r = rules()
    lines = list(lines)
    if bottom:
        for _ in range(r.max_edge_lines):
            if lines and is_edge_furniture(lines[-1], repeated):
                lines.pop()
                report.removed += 1
    if top:
        for _ in range(r.max_edge_lines):
            if lines and is_edge_furniture(lines[0], repeated):
                lines.pop(0)
                report.removed += 1
        lines = _strip_web_print(lines, report)
    return lines


def _strip_web_print(lines: list[str], report: FurnitureReport) -> list[str]:
    r = rules()
    kept: list[str] = []
    for i, line in enumerate(lines):
        match = next((m for p in r.web_print if (m := p.match(line.strip()))), None) if i < r.web_print_zone else None
        if match is None:
            kept.append(line)
            continue
        report.removed += 1
        for key, value in match.groupdict().items():
            if value:
                report.front_matter.setdefault(key, value.strip())
    return kept
