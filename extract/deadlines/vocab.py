"""Rule tables of the deadline extractor (``extract/data/deadline_rules.yaml``), read once."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ..language.data import load_yaml


@lru_cache(maxsize=1)
def deadline_rules() -> dict[str, Any]:
    return load_yaml("deadline_rules.yaml")


@lru_cache(maxsize=1)
def recurrence_rules() -> list[tuple[re.Pattern[str], str | None, tuple[str, ...]]]:
    """(pattern, recurrence, the verbs that make it a duty) in the file's order."""
    rules = deadline_rules()
    default = tuple(rules["duty_verbs"]) + tuple(rules["cycle_verbs"])
    return [(re.compile(r["pattern"]), r["recurrence"], tuple(r.get("verbs") or default))
            for r in rules["recurrence"]]


