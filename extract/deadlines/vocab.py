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
def recurrence_rules() -> list[tuple[re.Pattern[str], str]]:
    return [(re.compile(r["pattern"]), r["recurrence"]) for r in deadline_rules()["recurrence"]]


