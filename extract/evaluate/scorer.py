"""Pure scorer: (gold, prediction) dict pairs -> :class:`EvalReport`.

Matching rules (whitespace is removed before every string comparison):

* **targets**: equal ``value`` (within :data:`VALUE_TOLERANCE`) and equal ``unit``, and the
  evidence overlap (longest common substring / shorter string) is at least
  :data:`TARGET_EVIDENCE_OVERLAP`; one-to-one, highest overlap first.
* **target owners**: one item per matched target pair, comparing the department NAME sets
  (roles ignored). With TP = equal non-empty sets, TN = both empty, FP = prediction
  non-empty and different, FN = gold non-empty and different:
  precision = (TP + TN) / (TP + TN + FP) (a correct "nobody" is a correct answer, an
  empty prediction against named owners is an abstention, not a wrong claim),
  recall = TP / (TP + FN) (share of stated owners recovered). A perfect prediction gives
  1.0, a prediction naming no department gives recall 0. With no matched target at all,
  owners score 1.0 only when the gold has no target either (else 0).
* **deadlines**: equal ``due`` (equal ``recurrence`` when gold ``due`` is null) and evidence
  overlap >= :data:`DEADLINE_EVIDENCE_OVERLAP`; one-to-one, best overlap first.
* **responsibilities**: sets of (department, role) per document.
* **scoring items**: all tables of a document pooled; equal ``points`` and character F1 of
  the last path element >= :data:`SCORING_NAME_CHAR_F1`; one-to-one, best F1 first.
  Criteria points are compared as a MULTISET (order-free: tiers are listed best-first in
  some tables and worst-first in others, the points promised are what matters).
* **metadata**: title, doc_number, issue_date exact; issuers, recipients as sets. Each
  field of each document is an item scored like target owners (TP/TN/FP/FN above).

Attribute accuracies are computed on matched pairs only; ``indicator`` counts as correct
when its character F1 with gold is >= :data:`INDICATOR_CHAR_F1`; a deadline's
``relative_due`` and an item's ``content`` (counted where gold or prediction has one) when
both are null or their character F1 is >= :data:`PHRASE_CHAR_F1`. Everything is
micro-averaged over documents.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import PurePath
from typing import Any

from .matching import greedy_match
from .report import PRF, Accuracy, DiffEntry, EvalReport
from .text import char_f1, evidence_overlap, squash

LOGGER = logging.getLogger(__name__)

# Values are floats after JSON; 1e-6 absorbs 0.1+0.2 style noise, never a real difference.
VALUE_TOLERANCE = 1e-6
# A target's evidence is the same clause when half of the shorter string is shared verbatim.
TARGET_EVIDENCE_OVERLAP = 0.5
# Deadline clauses are often quoted with more or less context than the gold: a looser bar.
DEADLINE_EVIDENCE_OVERLAP = 0.4
# Item names differ by a word or an enumerator ("6.落实…" vs "落实…"): 0.6 keeps those.
SCORING_NAME_CHAR_F1 = 0.6
# Indicator names are paraphrase-prone ("…能耗" vs "…能源消耗"): char F1 >= 0.6 is correct.
INDICATOR_CHAR_F1 = 0.6
# Inconsistency notes are free text: the named category/item counts as found at this F1.
INCONSISTENCY_NAME_CHAR_F1 = 0.6
# Free-text fields (a relative limit "收到通知之日起5个工作日内", an item's assessed content) are
# quoted with more or less context than the gold: right at this character F1.
PHRASE_CHAR_F1 = 0.6

TARGET_ATTRIBUTES = ("direction", "qualifier", "baseline_year", "deadline", "period", "scope", "indicator")
METADATA_SCALARS = ("title", "doc_number", "issue_date")
METADATA_SETS = ("issuers", "recipients")

# "节能措施>节能基础管理工作>6.落实…: row 分值 says 2" -> the item name before the colon
_NOTE_NAME = re.compile(r"^([^:：]+)[:：]")
# a leading enumerator of an item name: 6.  6、  （一）  (1)
_ENUMERATOR = re.compile(r"^(?:\d+[.、．]|[（(][\d一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、)")


def evaluate_predictions(pairs: list[tuple[dict[str, Any], dict[str, Any]]]) -> EvalReport:
    """Score predicted CONTRACT dicts against gold dicts (see the module docstring)."""
    report = EvalReport()
    attr_names = [f"targets.{a}" for a in TARGET_ATTRIBUTES] + [
        "target_owners.accuracy", "deadlines.recurrence", "deadlines.relative_due",
        "scoring_items.criteria_points", "scoring_items.content"]
    report.attributes = {name: Accuracy() for name in attr_names}
    report.metadata_fields = {name: Accuracy() for name in (*METADATA_SCALARS, *METADATA_SETS)}
    report.informational = {"inconsistencies.recall": Accuracy()}
    for i, (gold, pred) in enumerate(pairs):
        name = _document_name(gold, pred or {}, i)
        per_doc: dict[str, dict[str, int]] = {}
        for scorer in _SCORERS:
            for record_type, prf in scorer(name, gold, pred or {}, report).items():
                report.prf[record_type].add(prf)
                per_doc[record_type] = {"gold": prf.gold, "predicted": prf.predicted,
                                        "matched": prf.r_hits}
        report.per_document[name] = {t: per_doc[t] for t in report.prf if t in per_doc}
    return report


def _document_name(gold: dict[str, Any], pred: dict[str, Any], i: int) -> str:
    if gold.get("document"):
        return str(gold["document"])
    source = (pred.get("document") or {}).get("source")
    return PurePath(source).name if source else f"document-{i}"


# --------------------------------------------------------------------------- helpers


def _same_number(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    try:
        return abs(float(a) - float(b)) <= VALUE_TOLERANCE
    except (TypeError, ValueError):
        return False


def _same_scalar(a: Any, b: Any) -> bool:
    """Equal after whitespace removal; None and "" are the same (an unknown fact)."""
    return squash(None if a is None else str(a)) == squash(None if b is None else str(b))


def _name_set(values: Iterable[Any] | None) -> frozenset[str]:
    return frozenset(s for s in (squash(str(v)) for v in values or [] if v is not None) if s)


def _owner_names(target: dict[str, Any]) -> frozenset[str]:
    """Department names of a target ({"name", "role"} dicts; bare strings tolerated)."""
    deps = target.get("departments") or []
    return _name_set(d.get("name") if isinstance(d, dict) else d for d in deps)


def _presence(gold_value: Any, pred_value: Any, same: bool) -> PRF:
    """One presence-style item (owners, metadata field) as TP/TN/FP/FN counts."""
    gold_stated, pred_stated = bool(gold_value), bool(pred_value)
    tp = int(same and gold_stated)
    tn = int(same and not gold_stated)
    fp = int(pred_stated and not same)
    fn = int(gold_stated and not same)
    return PRF(p_hits=tp + tn, predicted=tp + tn + fp, r_hits=tp, gold=tp + fn, items=1)


def _matched(pairs: list[tuple[int, int, float]], pred: list[Any], gold: list[Any]) -> PRF:
    return PRF(p_hits=len(pairs), predicted=len(pred), r_hits=len(pairs), gold=len(gold))


def _records(obj: dict[str, Any], key: str) -> list[dict[str, Any]]:
    return [r for r in obj.get(key) or [] if isinstance(r, dict)]


def _add_unmatched(report: EvalReport, name: str, record_type: str, records: list[dict[str, Any]],
                   matched: set[int], kind: str, keys: Callable[[dict[str, Any]], dict[str, Any]]) -> None:
    for i, r in enumerate(records):
        if i not in matched:
            report.diffs.append(DiffEntry(name, record_type, kind, keys(r), squash(r.get("evidence"))))


# --------------------------------------------------------------------------- targets


def _target_score(g: dict[str, Any], p: dict[str, Any]) -> float | None:
    if not _same_number(g.get("value"), p.get("value")) or not _same_scalar(g.get("unit"), p.get("unit")):
        return None
    overlap = evidence_overlap(g.get("evidence"), p.get("evidence"))
    return overlap if overlap >= TARGET_EVIDENCE_OVERLAP else None


def _target_tie_break(g: dict[str, Any], p: dict[str, Any]) -> float:
    """Targets sharing one clause (and value) pair by indicator name, then owners."""
    return char_f1(g.get("indicator"), p.get("indicator")) + 0.5 * (_owner_names(g) == _owner_names(p))


def _target_keys(r: dict[str, Any]) -> dict[str, Any]:
    return {"indicator": r.get("indicator"), "value": r.get("value"), "unit": r.get("unit"),
            "direction": r.get("direction"), "deadline": r.get("deadline")}


def _target_attribute_ok(attr: str, g: dict[str, Any], p: dict[str, Any]) -> bool:
    if attr == "indicator":
        return char_f1(g.get("indicator"), p.get("indicator")) >= INDICATOR_CHAR_F1
    return _same_scalar(g.get(attr), p.get(attr))


def _score_targets(name: str, gold: dict[str, Any], pred: dict[str, Any], report: EvalReport) -> dict[str, PRF]:
    gs, ps = _records(gold, "targets"), _records(pred, "targets")
    pairs = greedy_match(gs, ps, _target_score, _target_tie_break)
    owners = PRF(items=0)
    for gi, pi, _ in pairs:
        g, p = gs[gi], ps[pi]
        wrong: dict[str, Any] = {}
        for attr in TARGET_ATTRIBUTES:
            ok = _target_attribute_ok(attr, g, p)
            report.attributes[f"targets.{attr}"].add(ok)
            if not ok:
                wrong[attr] = f"{g.get(attr)} -> {p.get(attr)}"
        g_names, p_names = _owner_names(g), _owner_names(p)
        owners.add(_presence(g_names, p_names, g_names == p_names))
        report.attributes["target_owners.accuracy"].add(g_names == p_names)
        if g_names != p_names:
            report.diffs.append(DiffEntry(name, "target_owners", "wrong", {
                "indicator": g.get("indicator"), "value": g.get("value"),
                "missing": sorted(g_names - p_names), "extra": sorted(p_names - g_names)},
                squash(g.get("evidence"))))
        if wrong:
            report.diffs.append(DiffEntry(name, "targets", "wrong",
                                          {"indicator": g.get("indicator"), "value": g.get("value"), **wrong},
                                          squash(g.get("evidence"))))
    _add_unmatched(report, name, "targets", gs, {gi for gi, _, _ in pairs}, "missed", _target_keys)
    _add_unmatched(report, name, "targets", ps, {pi for _, pi, _ in pairs}, "spurious", _target_keys)
    owners.unjudged = len(gs) - len(pairs)
    return {"targets": _matched(pairs, ps, gs), "target_owners": owners}


# --------------------------------------------------------------------------- deadlines


def _deadline_score(g: dict[str, Any], p: dict[str, Any]) -> float | None:
    if g.get("due") is not None:
        if not _same_scalar(g.get("due"), p.get("due")):
            return None
    elif not _same_scalar(g.get("recurrence"), p.get("recurrence")):
        return None
    overlap = evidence_overlap(g.get("evidence"), p.get("evidence"))
    return overlap if overlap >= DEADLINE_EVIDENCE_OVERLAP else None


def _same_phrase(g: Any, p: Any) -> bool:
    """Both absent, or the same free-text phrase give or take some context."""
    if not g or not p:
        return not g and not p
    return char_f1(g, p) >= PHRASE_CHAR_F1


def _phrase_attribute(report: EvalReport, name: str, record_type: str, attr: str,
                      g: dict[str, Any], p: dict[str, Any], keys: dict[str, Any]) -> None:
    """Score a free-text field of a matched pair when either side states it (and the gold
    annotates the field at all: a gold written before the field existed says nothing)."""
    if attr not in g or (not g.get(attr) and not p.get(attr)):
        return
    ok = _same_phrase(g.get(attr), p.get(attr))
    report.attributes[f"{record_type}.{attr}"].add(ok)
    if not ok:
        report.diffs.append(DiffEntry(name, record_type, "wrong",
                                      {**keys, attr: f"{g.get(attr)} -> {p.get(attr)}"},
                                      squash(g.get("evidence"))))


def _deadline_keys(r: dict[str, Any]) -> dict[str, Any]:
    return {"due": r.get("due"), "recurrence": r.get("recurrence"), "task": r.get("task"),
            "responsible": r.get("responsible") or []}


def _score_deadlines(name: str, gold: dict[str, Any], pred: dict[str, Any], report: EvalReport) -> dict[str, PRF]:
    gs, ps = _records(gold, "deadlines"), _records(pred, "deadlines")
    pairs = greedy_match(gs, ps, _deadline_score, lambda g, p: char_f1(g.get("task"), p.get("task")))
    for gi, pi, _ in pairs:
        g, p = gs[gi], ps[pi]
        ok = _same_scalar(g.get("recurrence"), p.get("recurrence"))
        report.attributes["deadlines.recurrence"].add(ok)
        if not ok:
            report.diffs.append(DiffEntry(name, "deadlines", "wrong", {
                "due": g.get("due"), "recurrence": f"{g.get('recurrence')} -> {p.get('recurrence')}"},
                squash(g.get("evidence"))))
        _phrase_attribute(report, name, "deadlines", "relative_due", g, p, {"due": g.get("due")})
    _add_unmatched(report, name, "deadlines", gs, {gi for gi, _, _ in pairs}, "missed", _deadline_keys)
    _add_unmatched(report, name, "deadlines", ps, {pi for _, pi, _ in pairs}, "spurious", _deadline_keys)
    return {"deadlines": _matched(pairs, ps, gs)}


# --------------------------------------------------------------------------- responsibilities


def _responsibility_index(records: list[dict[str, Any]]) -> dict[tuple[str, str], dict[str, Any]]:
    """(department, role) -> the first record stating it (its evidence goes in the diff)."""
    index: dict[tuple[str, str], dict[str, Any]] = {}
    for r in records:
        key = (squash(r.get("department")), squash(r.get("role")))
        if key[0]:
            index.setdefault(key, r)
    return index


def _score_responsibilities(name: str, gold: dict[str, Any], pred: dict[str, Any],
                            report: EvalReport) -> dict[str, PRF]:
    g_index = _responsibility_index(_records(gold, "responsibilities"))
    p_index = _responsibility_index(_records(pred, "responsibilities"))
    common = g_index.keys() & p_index.keys()
    for kind, index, other in (("missed", g_index, p_index), ("spurious", p_index, g_index)):
        for key in sorted(index.keys() - other.keys()):
            r = index[key]
            report.diffs.append(DiffEntry(name, "responsibilities", kind,
                                          {"department": key[0], "role": key[1], "task": r.get("task")},
                                          squash(r.get("evidence"))))
    return {"responsibilities": PRF(p_hits=len(common), predicted=len(p_index), r_hits=len(common),
                                    gold=len(g_index))}


# --------------------------------------------------------------------------- scoring tables


def _items(obj: dict[str, Any]) -> list[dict[str, Any]]:
    return [i for t in _records(obj, "scoring_tables") for i in t.get("items") or [] if isinstance(i, dict)]


def _last_path(item: dict[str, Any]) -> str:
    path = item.get("path") or [""]
    return str(path[-1] or "")


def _item_score(g: dict[str, Any], p: dict[str, Any]) -> float | None:
    if not _same_number(g.get("points"), p.get("points")):
        return None
    f1 = char_f1(_last_path(g), _last_path(p))
    return f1 if f1 >= SCORING_NAME_CHAR_F1 else None


def _item_tie_break(g: dict[str, Any], p: dict[str, Any]) -> float:
    """Same-named items under different categories (two "能源总量控制目标") pair by full path."""
    return char_f1("".join(map(str, g.get("path") or [])), "".join(map(str, p.get("path") or [])))


def _criteria_points(item: dict[str, Any]) -> Counter[float | None]:
    def norm(v: Any) -> float | None:
        try:
            return None if v is None else round(float(v), 6)
        except (TypeError, ValueError):
            return None

    return Counter(norm(c.get("points")) for c in item.get("criteria") or [] if isinstance(c, dict))


def _item_keys(r: dict[str, Any]) -> dict[str, Any]:
    return {"path": r.get("path") or [], "points": r.get("points"),
            "criteria_points": [c.get("points") for c in r.get("criteria") or [] if isinstance(c, dict)]}


def _inconsistency_name(note: str) -> str:
    m = _NOTE_NAME.match(squash(note))
    head = m.group(1) if m else squash(note)
    return _ENUMERATOR.sub("", head.split(">")[-1])


def _inconsistency_score(g: str, p: str) -> float | None:
    g_name = _inconsistency_name(g)
    if g_name and g_name in squash(p):
        return 1.0
    f1 = char_f1(g_name, _inconsistency_name(p))
    return f1 if f1 >= INCONSISTENCY_NAME_CHAR_F1 else None


def _score_scoring_items(name: str, gold: dict[str, Any], pred: dict[str, Any], report: EvalReport) -> dict[str, PRF]:
    gs, ps = _items(gold), _items(pred)
    pairs = greedy_match(gs, ps, _item_score, _item_tie_break)
    for gi, pi, _ in pairs:
        g, p = gs[gi], ps[pi]
        ok = _criteria_points(g) == _criteria_points(p)
        report.attributes["scoring_items.criteria_points"].add(ok)
        if not ok:
            report.diffs.append(DiffEntry(name, "scoring_items", "wrong", {
                "path": g.get("path") or [],
                "criteria_points": f"{_item_keys(g)['criteria_points']} -> {_item_keys(p)['criteria_points']}"}))
        _phrase_attribute(report, name, "scoring_items", "content", g, p, {"path": g.get("path") or []})
    _add_unmatched(report, name, "scoring_items", gs, {gi for gi, _, _ in pairs}, "missed", _item_keys)
    _add_unmatched(report, name, "scoring_items", ps, {pi for _, pi, _ in pairs}, "spurious", _item_keys)

    g_notes = [str(n) for t in _records(gold, "scoring_tables") for n in t.get("inconsistencies") or []]
    p_notes = [str(n) for t in _records(pred, "scoring_tables") for n in t.get("inconsistencies") or []]
    found = {gi for gi, _, _ in greedy_match(g_notes, p_notes, _inconsistency_score)}
    info = report.informational["inconsistencies.recall"]
    for gi, note in enumerate(g_notes):
        info.add(gi in found)
        if gi not in found:
            report.diffs.append(DiffEntry(name, "scoring_items", "missed", {"inconsistency": note}))
    return {"scoring_items": _matched(pairs, ps, gs)}


# --------------------------------------------------------------------------- metadata


def _score_metadata(name: str, gold: dict[str, Any], pred: dict[str, Any], report: EvalReport) -> dict[str, PRF]:
    g_meta = gold.get("metadata") or {}
    p_meta = pred.get("document") or {}
    total = PRF(items=0)
    for field in (*METADATA_SCALARS, *METADATA_SETS):
        if field in METADATA_SETS:
            g_val: Any = _name_set(g_meta.get(field))
            p_val: Any = _name_set(p_meta.get(field))
        else:
            g_val = squash(None if g_meta.get(field) is None else str(g_meta.get(field)))
            p_val = squash(None if p_meta.get(field) is None else str(p_meta.get(field)))
        same = g_val == p_val
        total.add(_presence(g_val, p_val, same))
        report.metadata_fields[field].add(same)
        if not same:
            report.diffs.append(DiffEntry(name, "metadata", "wrong", {
                "field": field,
                "gold": sorted(g_val) if isinstance(g_val, frozenset) else g_val or None,
                "predicted": sorted(p_val) if isinstance(p_val, frozenset) else p_val or None}))
    return {"metadata": total}


# Each scorer returns the PRF of the record types it scores (targets also score their owners).
_SCORERS: list[Callable[[str, dict[str, Any], dict[str, Any], EvalReport], dict[str, PRF]]] = [
    _score_targets, _score_deadlines, _score_responsibilities, _score_scoring_items, _score_metadata,
]
