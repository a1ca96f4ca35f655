"""Numeric targets: indicator, value, unit, direction, qualifier, baseline, deadline, scope.

:mod:`.extractor` reads them; :mod:`.vocab` holds its named regexes and rule tables.
"""

from .extractor import extract_targets

__all__ = ["extract_targets"]
