"""Typical text-column width of each PDF page, the yardstick for "this line is full".

One document-wide width fails on bound documents: a notice set in a narrow column
(~36 units) followed by a wide annex (~40-78 units) gets the annex's width, so none of
the notice's full lines look full and its broken sentences stay broken.  Each page is
therefore measured on its own; a page with too few body-like lines to measure (a cover,
a signature page, a page of formulas) borrows the width of its neighbour.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import Protocol

from .line_patterns import ends_sentence

# Display width of ASCII digits, small letters and punctuation, in ems (one CJK character).
ASCII_WIDTH = 0.5
# Latin capitals in the Latin fonts of Chinese PDFs (Times New Roman, Arial) take ~0.65 em.
CAPITAL_WIDTH = 0.65
# Lines narrower than this (display width) do not vote: titles, list items, signatures.
MIN_WIDTH_SAMPLE = 12
# Percentile of a page's voting widths taken as its column width: most body lines are full.
WIDTH_PERCENTILE = 0.75
# A page with fewer voting lines than this borrows its neighbour's width (its own is noise).
MIN_PAGE_SAMPLES = 3
# Table-of-contents or numbered-formula line with leaders: "5.1报告年份......3", "一、总体要求……3", "E=AD×EF……(C.2)".
TOC_LINE = re.compile(r"(?:\.{4,}|…{2,}|·{4,}|-{4,})\s*[(（]?[\dIVXivxA-Z.]{0,6}[)）]?\s*$")


class LineLike(Protocol):
    start: int
    text: str


def display_width(s: str) -> float:
    """CJK characters are one unit (em) wide, ASCII ones about half, capitals a bit more.

    Capitals matter: "CCER和PHCER" set in a Latin font is nearly as wide as six CJK
    characters, and a line full of them would otherwise look short.
    """
    width = 0.0
    for ch in s:
        if ord(ch) >= 0x80:
            width += 1.0
        elif "A" <= ch <= "Z":
            width += CAPITAL_WIDTH
        else:
            width += ASCII_WIDTH
    return width


def is_toc_line(text: str) -> bool:
    return bool(TOC_LINE.search(text))


def votes(text: str) -> bool:
    """Does this line show the column width?  Only lines that broke mid-sentence do.

    A paragraph's last line (ending in 。；) is as wide as its text happens to be, and
    with squeezed punctuation it may even overhang the column; table rows and TOC lines
    follow other rules.
    """
    return (
        "\t" not in text
        and not ends_sentence(text)
        and not is_toc_line(text)
        and display_width(text) >= MIN_WIDTH_SAMPLE
    )


def percentile_width(widths: Sequence[float]) -> float:
    if not widths:
        return 0.0
    ordered = sorted(widths)
    return ordered[min(len(ordered) - 1, int(len(ordered) * WIDTH_PERCENTILE))]


def page_index(pos: int, page_starts: Sequence[int]) -> int:
    """0-based page holding normalized position ``pos`` (0 when there are no pages)."""
    return max(0, bisect.bisect_right(page_starts, pos) - 1)


def typical_width(lines: Sequence[LineLike]) -> float:
    """Column width of a run of lines measured as one (flowing text, or a whole document)."""
    return percentile_width([display_width(ln.text) for ln in lines if votes(ln.text)])


def page_widths(lines: Sequence[LineLike], page_starts: Sequence[int]) -> list[float]:
    """Column width of each page, never wider than the document's.

    A sparse page takes the wider of its own and a neighbour's width: a too-narrow
    yardstick joins short lines that really end (list items, signatures), a too-wide
    one merely leaves a break in place.  The document's width caps every page because a
    page can mix small-font notes (a wider column) with body text: its percentile then
    sits above the body's full lines, which the document-wide width still recognises.
    """
    n_pages = max(1, len(page_starts))
    samples: list[list[float]] = [[] for _ in range(n_pages)]
    for ln in lines:
        if votes(ln.text):
            samples[page_index(ln.start, page_starts)].append(display_width(ln.text))
    measured = [percentile_width(s) if len(s) >= MIN_PAGE_SAMPLES else None for s in samples]
    fallback = percentile_width([w for s in samples for w in s])
    widths: list[float] = []
    for i, own in enumerate(measured):
        if own is not None:
            widths.append(own)
            continue
        before = next((w for w in reversed(measured[:i]) if w is not None), None)
        after = next((w for w in measured[i + 1:] if w is not None), None)
        neighbour = before if before is not None else after if after is not None else fallback
        widths.append(max(neighbour, percentile_width(samples[i])))
    return [min(w, fallback) for w in widths] if fallback else widths
