"""Which rules wrote a record: the package version plus a hash of its code and data.

A database keeps, per file, the rules version that extracted it; ``run`` re-extracts a file
stored by other rules (an upgrade, or a changed vocabulary in ``extract/data``), so
upgrading and re-running updates a database.  The same version decides when a failed file
is tried again (:mod:`extract.history`).
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

# What counts as the rules: the package's code and its data tables.
RULE_SUFFIXES = (".py", ".yaml", ".yml", ".tsv", ".txt", ".json")


@lru_cache(maxsize=1)
def rules_version() -> str:
    """``0.1.0+<12 hex>``: the package version and a hash of every rule file (read once)."""
    from . import __version__

    root = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.suffix in RULE_SUFFIXES and path.is_file() and "__pycache__" not in path.parts:
            h.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
            h.update(path.read_bytes())
    return f"{__version__}+{h.hexdigest()[:12]}"
