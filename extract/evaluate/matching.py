"""One-to-one greedy matching: the best-scoring candidate pair is taken first."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

G = TypeVar("G")
P = TypeVar("P")


def greedy_match(
    gold: Sequence[G],
    pred: Sequence[P],
    score: Callable[[G, P], float | None],
    tie_break: Callable[[G, P], float] | None = None,
) -> list[tuple[int, int, float]]:
    """Pair gold and predicted records one-to-one, highest score first.

    Args:
        gold: gold records.
        pred: predicted records.
        score: the pair's score, or None when the pair may not match at all.
        tie_break: among equal scores, the higher value pairs first (records sharing one
            evidence clause, e.g. "化肥、农药利用率均达到43%", pair by their other fields).

    Returns:
        ``(gold_index, pred_index, score)`` triples sorted by gold index. Remaining ties
        go by document order (gold, then prediction), so results are deterministic.
    """
    candidates: list[tuple[float, float, int, int]] = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            s = score(g, p)
            if s is not None:
                candidates.append((s, tie_break(g, p) if tie_break else 0.0, gi, pi))
    candidates.sort(key=lambda c: (-c[0], -c[1], c[2], c[3]))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[tuple[int, int, float]] = []
    for s, _, gi, pi in candidates:
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        pairs.append((gi, pi, s))
    pairs.sort()
    return pairs
