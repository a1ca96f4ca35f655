"""Scoring tables rebuilt as rubrics with their sums checked.

:mod:`.tables` reads tables into rubrics, :mod:`.points` is the points grammar (得N分, 扣N分,
满分…), :mod:`.checks` finds sums that do not add up and :mod:`.render` prints a rubric.
"""

from .render import render_rubric
from .tables import extract_scoring_tables

__all__ = ["extract_scoring_tables", "render_rubric"]
