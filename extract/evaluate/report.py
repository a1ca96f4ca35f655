"""The evaluation report: counts per record type, attribute accuracies, a readable diff."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Order of the record types in tables and in figures (the floors file follows it too).
RECORD_TYPES = ("targets", "target_owners", "deadlines", "responsibilities", "scoring_items", "metadata")
# Types scored as one presence-style item each (matched target, metadata field), not as records.
PRESENCE_TYPES = ("target_owners", "metadata")

# Longest evidence shown per line of the diff: enough to find the clause in the source.
DIFF_EVIDENCE_CHARS = 90


def _ratio(num: int, den: int, *, vacuous: float) -> float:
    return num / den if den else vacuous


@dataclass(slots=True)
class PRF:
    """Precision / recall counts; precision and recall may count different hits.

    For record types both hit counts are the matched pairs. For presence-style items
    (target owners, metadata fields; ``items`` is their number, None for record types)
    precision credits a correct null while recall only counts stated facts recovered
    (see :mod:`extract.evaluate.scorer`). With no item judged, the figures are 1.0 only if
    nothing was left unjudged either (``unjudged``: gold targets nobody matched), so that a
    run that finds no target never passes as perfect owners.
    """

    p_hits: int = 0
    predicted: int = 0
    r_hits: int = 0
    gold: int = 0
    items: int | None = None
    unjudged: int = 0

    def add(self, other: PRF) -> None:
        self.p_hits += other.p_hits
        self.predicted += other.predicted
        self.r_hits += other.r_hits
        self.gold += other.gold
        if other.items is not None:
            self.items = (self.items or 0) + other.items
        self.unjudged += other.unjudged

    @property
    def precision(self) -> float:
        if self.items is not None:  # no claim: every item was an abstention, or none was judged
            return _ratio(self.p_hits, self.predicted, vacuous=float(self.items == 0 and not self.unjudged))
        # nothing claimed: perfect only if there was also nothing to find
        return _ratio(self.p_hits, self.predicted, vacuous=float(self.gold == 0))

    @property
    def recall(self) -> float:
        if self.items is not None:  # no stated fact: nothing could be missed
            return _ratio(self.r_hits, self.gold, vacuous=float(self.items > 0 or not self.unjudged))
        return _ratio(self.r_hits, self.gold, vacuous=float(self.predicted == 0))

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "items": self.items, "unjudged": self.unjudged, "gold": self.gold, "predicted": self.predicted, "matched": self.r_hits,
            "precision_hits": self.p_hits, "precision": round(self.precision, 6),
            "recall": round(self.recall, 6), "f1": round(self.f1, 6),
        }


@dataclass(slots=True)
class Accuracy:
    """Share of correct items; None when there was nothing to judge."""

    correct: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.correct += int(ok)

    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None

    def to_dict(self) -> dict[str, Any]:
        v = self.value
        return {"correct": self.correct, "total": self.total,
                "accuracy": None if v is None else round(v, 6)}


@dataclass(slots=True)
class DiffEntry:
    """One record the developer should look at: missed, spurious, or matched but wrong."""

    document: str
    record_type: str
    kind: str  # missed | spurious | wrong
    fields: dict[str, Any]
    evidence: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"document": self.document, "record_type": self.record_type, "kind": self.kind,
                "fields": self.fields, "evidence": self.evidence}


@dataclass(slots=True)
class EvalReport:
    """Micro-averaged scores over every evaluated document."""

    prf: dict[str, PRF] = field(default_factory=lambda: {
        t: PRF(items=0 if t in PRESENCE_TYPES else None) for t in RECORD_TYPES})
    attributes: dict[str, Accuracy] = field(default_factory=dict)
    metadata_fields: dict[str, Accuracy] = field(default_factory=dict)
    informational: dict[str, Accuracy] = field(default_factory=dict)
    per_document: dict[str, dict[str, dict[str, int]]] = field(default_factory=dict)
    diffs: list[DiffEntry] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    # ---- figures the floors gate compares

    def figures(self) -> dict[str, float]:
        """Flat name -> value map of every gated figure (an undefined accuracy counts 0)."""
        out = {f"{t}.f1": self.prf[t].f1 for t in RECORD_TYPES}
        metadata_all = Accuracy(sum(a.correct for a in self.metadata_fields.values()),
                                sum(a.total for a in self.metadata_fields.values()))
        out["metadata.accuracy"] = metadata_all.value or 0.0
        for name, acc in self.metadata_fields.items():
            out[f"metadata.{name}.accuracy"] = acc.value or 0.0
        for name, acc in self.attributes.items():
            out[f"attr.{name}"] = acc.value or 0.0
        return out

    # ---- serialisation

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": sorted(self.per_document),
            "scores": {t: self.prf[t].to_dict() for t in RECORD_TYPES},
            "attributes": {k: v.to_dict() for k, v in self.attributes.items()},
            "metadata_fields": {k: v.to_dict() for k, v in self.metadata_fields.items()},
            "informational": {k: v.to_dict() for k, v in self.informational.items()},
            "figures": {k: round(v, 6) for k, v in self.figures().items()},
            "per_document": self.per_document,
            "diff": [d.to_dict() for d in self.diffs],
            "notes": list(self.notes),
        }

    def format_table(self) -> str:
        """Plain-text table: P/R/F1 per record type, then attribute accuracies."""
        lines = [f"{'type':<18}{'gold':>6}{'pred':>6}{'match':>7}{'P':>8}{'R':>8}{'F1':>8}"]
        for t in RECORD_TYPES:
            s = self.prf[t]
            lines.append(f"{t:<18}{s.gold:>6}{s.predicted:>6}{s.r_hits:>7}"
                         f"{s.precision:>8.3f}{s.recall:>8.3f}{s.f1:>8.3f}")
        lines.append("(target_owners / metadata: gold = stated facts, pred = claims, "
                     "match = stated facts recovered)")
        lines.append("")
        lines.append(f"{'attribute (on matched pairs)':<34}{'correct':>8}{'total':>7}{'acc':>8}")
        groups = [("", self.attributes), ("metadata.", self.metadata_fields),
                  ("info: ", self.informational)]
        for prefix, table in groups:
            for name, acc in table.items():
                v = acc.value
                shown = "-" if v is None else f"{v:.3f}"
                lines.append(f"{prefix + name:<34}{acc.correct:>8}{acc.total:>7}{shown:>8}")
        if self.notes:
            lines.append("")
            lines.extend(f"note: {n}" for n in self.notes)
        return "\n".join(lines)

    def format_diff(self) -> str:
        """Every missed, spurious and wrongly-attributed record, grouped by document."""
        if not self.diffs:
            return "no differences"
        lines: list[str] = []
        current: tuple[str, str] | None = None
        for d in sorted(self.diffs, key=lambda d: (d.document, RECORD_TYPES.index(d.record_type)
                                                   if d.record_type in RECORD_TYPES else 99)):
            if (d.document, d.record_type) != current:
                current = (d.document, d.record_type)
                lines.append(f"== {d.document} :: {d.record_type}")
            key = ", ".join(f"{k}={_short(v)}" for k, v in d.fields.items())
            lines.append(f"  {d.kind:<8} {key}")
            if d.evidence:
                ev = d.evidence if len(d.evidence) <= DIFF_EVIDENCE_CHARS \
                    else d.evidence[:DIFF_EVIDENCE_CHARS] + "…"
                lines.append(f"           「{ev}」")
        return "\n".join(lines)


def _short(value: Any) -> str:
    if isinstance(value, list | tuple | set | frozenset):
        return "[" + ", ".join(_short(v) for v in value) + "]"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
