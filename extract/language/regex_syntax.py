"""The standard library's regex parser, for rules that read their own patterns.

:mod:`.prefilter` reads the literals every match must hold and
:mod:`extract.targets.prefix_scan` the most characters a match attempt reads; both walk
the parse tree of ``re`` (``re._parser`` since Python 3.11, ``sre_parse`` before), which
also carries the opcode names (``LITERAL``, ``BRANCH``, ``MAX_REPEAT`` …).
"""

from __future__ import annotations

try:
    from re import _parser as parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_parse as parser  # type: ignore[no-redef]

__all__ = ["parser"]
