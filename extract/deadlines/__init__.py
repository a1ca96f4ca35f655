"""Deadlines: due dates, recurring duties and reporting windows.

:mod:`.extractor` reads them; :mod:`.vocab` loads ``deadline_rules.yaml``.
"""

from .extractor import extract_deadlines

__all__ = ["extract_deadlines"]
