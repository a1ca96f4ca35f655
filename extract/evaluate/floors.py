"""The floors gate: figures measured on the seeds may never fall below recorded floors.

Floors live in ``tests/eval_baseline.json`` together with the sha256 of the gold files
they were measured against: a floor means nothing for different gold.
"""

from __future__ import annotations

import hashlib
import json
import math
from pathlib import Path
from typing import Any

from .runner import gold_files

# Figures are compared with this slack so that float noise never fails the gate.
FLOOR_EPSILON = 1e-9
# Floors are stored rounded DOWN to this many decimals (readable, never above the figure).
FLOOR_DECIMALS = 6


def gold_digest(gold_dir: str | Path) -> str:
    """sha256 over every gold file's name and bytes, in name order."""
    h = hashlib.sha256()
    for path in gold_files(gold_dir):
        h.update(path.name.encode("utf-8") + b"\0")
        h.update(path.read_bytes())
        h.update(b"\0")
    return h.hexdigest()


def load_baseline(path: str | Path) -> dict[str, Any]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    data.setdefault("floors", {})
    data.setdefault("notes", [])
    return data


def save_baseline(path: str | Path, baseline: dict[str, Any]) -> None:
    Path(path).write_text(json.dumps(baseline, ensure_ascii=False, indent=2, sort_keys=False) + "\n",
                          encoding="utf-8")


def round_down(value: float) -> float:
    scale = 10**FLOOR_DECIMALS
    return math.floor(value * scale + FLOOR_EPSILON) / scale


def below_floor(figures: dict[str, float], floors: dict[str, float]) -> list[str]:
    """One message per floor the figures fall below (a figure that vanished counts 0)."""
    return [f"{name}: {figures.get(name, 0.0):.6f} < floor {floor:.6f}"
            for name, floor in sorted(floors.items())
            if figures.get(name, 0.0) < floor - FLOOR_EPSILON]


def raised_floors(figures: dict[str, float], floors: dict[str, float], *,
                  allow_lower: bool = False) -> dict[str, float]:
    """New floors: each raised to its current figure; lowered only with ``allow_lower``."""
    out = dict(floors)
    for name, value in figures.items():
        current = round_down(value)
        old = floors.get(name)
        out[name] = current if old is None or allow_lower else max(old, current)
    return dict(sorted(out.items()))
