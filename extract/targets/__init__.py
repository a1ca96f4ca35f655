"""Numeric targets: indicator, value, unit, direction, qualifier, baseline, deadline, scope.

:mod:`.extractor` reads them; :mod:`.filters` holds the named rules that drop a number
(``drop_reasons`` says why), :mod:`.frame` the time frame of sections and paragraphs
(review vs plan), :mod:`.vocab` the named regexes and rule tables.
"""

from .extractor import drop_reasons, extract_targets
from .tables import GoalRow, table_goal_rows

__all__ = ["GoalRow", "drop_reasons", "extract_targets", "table_goal_rows"]
