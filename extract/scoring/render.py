"""Rubrics for people: a points tree, a flat CSV, or the contract JSON.

The tree groups items under their category path, so a reader sees the rubric the way
the notice prints it, with "!" lines where it does not add up.
"""

from __future__ import annotations

import csv
import io
import json

from ..model import ScoringTable
from .checks import fmt

FORMATS = ("tree", "csv", "json")
CSV_FIELDS = ("table", "path", "item_points", "criterion", "criterion_points", "method")


def render_rubric(tables: list[ScoringTable], fmt_name: str = "tree") -> str:
    """Render scoring tables as ``tree`` (indented text), ``csv`` or ``json``."""
    if fmt_name == "json":
        return json.dumps([t.to_dict() for t in tables], ensure_ascii=False, indent=2)
    if fmt_name == "csv":
        return _csv(tables)
    if fmt_name == "tree":
        return _tree(tables)
    raise ValueError(f"format must be one of {FORMATS}, not {fmt_name!r}")


def _pts(v: float | None) -> str:
    return f"（{fmt(v)}分）" if v is not None else ""


def _tree(tables: list[ScoringTable]) -> str:
    if not tables:
        return "(no scoring table found)\n"
    lines: list[str] = []
    for t in tables:
        lines.append(f"{t.title or '(untitled rubric)'}{_pts(t.total_points)}")
        stated = {tuple(c.get("path") or [c["name"]]): c.get("points") for c in t.categories}
        shown: tuple[str, ...] = ()
        for item in t.items:
            cats = tuple(item.path[:-1])
            for depth in range(len(cats)):
                prefix = cats[: depth + 1]
                if shown[: depth + 1] != prefix:
                    lines.append(f"{'  ' * (depth + 1)}{prefix[-1]}{_pts(stated.get(prefix))}")
            shown = cats
            indent = "  " * (len(cats) + 1)
            lines.append(f"{indent}{item.path[-1] if item.path else '?'}{_pts(item.points)}")
            for c in item.criteria:
                tag = {"bonus": " [附加]", "deduction": " [扣分]"}.get(c.kind or "", "")
                lines.append(f"{indent}  - {c.text}{_pts(c.points)}{tag}")
                if c.method:
                    lines.append(f"{indent}      核查: {c.method}")
        for note in t.inconsistencies:
            lines.append(f"  ! {note}")
        lines.append("")
    return "\n".join(lines)


def _csv(tables: list[ScoringTable]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    for t in tables:
        for item in t.items:
            rows = item.criteria or [None]
            for c in rows:
                writer.writerow([
                    t.title or "", ">".join(item.path), fmt(item.points) if item.points is not None else "",
                    c.text if c else "", fmt(c.points) if c and c.points is not None else "",
                    (c.method or "") if c else "",
                ])
    return buf.getvalue()
