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
) -> list[tuple[int, int, float]]:
    """Pair gold and predicted records one-to-one, highest score first.

    Args:
        gold: gold records.
        pred: predicted records.
        score: the pair's score, or None when the pair may not match at all.

    Returns:
        ``(gold_index, pred_index, score)`` triples. Ties are broken by document order
        (gold first, then prediction) so results do not depend on dict ordering.
    """
    candidates: list[tuple[float, int, int]] = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            s = score(g, p)
            if s is not None:
                candidates.append((s, gi, pi))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[tuple[int, int, float]] = []
    for s, gi, pi in candidates:
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        pairs.append((gi, pi, s))
    pairs.sort()
    return pairs
