"""Link stage: who owns each target and deadline, and which records each responsibility covers.

Precedence for one target (or deadline), most specific first:

1. a body named in the target's own sentence ("各地要确保到2025年…下降13.5%");
2. the parenthetical of its section, plus "以下均需…负责落实" bodies carried into later
   sections;
3. the document's single overall lead ("市能源局牵头负责推进全市…"), when nothing above applies.

Ids: record ids are normally given by ``pipeline.finalize`` after this stage; targets and
deadlines get the very same id here (same arguments) so responsibilities can point at them.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from typing import TYPE_CHECKING

from ..model import Deadline, DepartmentRef, Document, Responsibility, Target, record_id
from ..settings import Settings
from .plan_index import PlanIndex

if TYPE_CHECKING:  # departments sit below link: imported lazily to keep import light
    from ..departments import Assignment

LOGGER = logging.getLogger(__name__)

__all__ = ["link", "owners_at", "target_id", "deadline_id"]

# Kind of an assignment made by a directive sentence (extract.departments.responsibilities.KIND_SENTENCE).
KIND_SENTENCE = "sentence"
# A body carried into a later section by 以下均需…负责落实 (extract.departments.responsibilities.KIND_CARRY).
KIND_CARRY = "carry"
SENTENCE_KINDS = (KIND_SENTENCE,)
# Subjects after these are agents inside a clause, not the topic later sentences continue.
NOT_TOPICAL_INTRODUCERS = ("由", "对于")
# The role word that makes a sentence-level lead the document's overall lead.
OVERALL_LEAD_CUE = "牵头"


def target_id(doc: Document, t: Target) -> str:
    """The id ``pipeline.finalize`` gives a target (same arguments)."""
    return t.id or record_id(doc.id, "target", t.span, t.indicator, t.value)


def deadline_id(doc: Document, d: Deadline) -> str:
    """The id ``pipeline.finalize`` gives a deadline (same arguments)."""
    return d.id or record_id(doc.id, "deadline", d.span, d.task, d.due)


def link(doc: Document, settings: Settings) -> Document:
    """Fill Target.departments, Deadline.responsible and Responsibility target/deadline ids."""
    from ..departments import assignment_plan

    plan: tuple[Assignment, ...] = assignment_plan(doc.text) if doc.text else ()
    by_key: dict[tuple[str, str, tuple[int, int], str], list[Responsibility]] = defaultdict(list)
    for r in doc.responsibilities:
        by_key[(r.department, r.role, tuple(r.span), r.task)].append(r)
    overall = overall_lead(doc.text, plan)
    index = PlanIndex(plan)  # owners_at / topic_subject without a scan of the plan per record

    for t in doc.targets:
        t.id = target_id(doc, t)
        owners = index.owners_at(t.span[0]) or _echo_owners(doc.text, index, t.evidence, t.span) or overall
        if owners and not t.departments:
            t.departments = _refs(owners)
        for a in owners:
            for r in by_key.get(_key(a), []):
                _append(r.target_ids, t.id)

    for d in doc.deadlines:
        d.id = deadline_id(doc, d)
        owners = (index.owners_at(d.span[0]) or _echo_owners(doc.text, index, d.evidence, d.span)
                  or index.topic_subject(doc.text, d.span[0]))
        if not d.responsible:
            d.responsible = [ref.name for ref in _refs(owners)]
        for a in owners:
            for r in by_key.get(_key(a), []):
                _append(r.deadline_ids, d.id)

    _unique_responsibility_ids(doc)
    return doc


def owners_at(plan: tuple[Assignment, ...], pos: int) -> list[Assignment]:
    """The assignments that own the text at ``pos`` (own sentence first, then its section)."""
    covering = [a for a in plan if a.scope[0] <= pos < a.scope[1]]
    own_sentence = [a for a in covering if a.kind in SENTENCE_KINDS]
    if own_sentence:
        return own_sentence
    # the section's own parenthetical first, then bodies carried in by 以下均需…
    return sorted((a for a in covering if a.kind not in SENTENCE_KINDS), key=lambda a: a.kind == KIND_CARRY)


def topic_subject(text: str, plan: tuple[Assignment, ...], pos: int) -> list[Assignment]:
    """A subjectless duty continues the last subject of its paragraph.

    "集团各二级单位要跟踪和监督…。…完成情况要每年度报告一次" -> 集团各二级单位.
    """
    para_start = text.rfind("\n", 0, pos) + 1
    before = [
        a for a in plan
        if a.kind in SENTENCE_KINDS and para_start <= a.evidence[0] < pos
        and a.intro not in NOT_TOPICAL_INTRODUCERS
    ]
    if not before:
        return []
    last = max(a.evidence[0] for a in before)
    return [a for a in before if a.evidence[0] == last]


def _echo_owners(text: str, index: PlanIndex, evidence: str, span: tuple[int, int]) -> list[Assignment]:
    """A news lead that quotes the body verbatim: the quoted sentence has the body's owners."""
    if not evidence:
        return []
    pos = text.find(evidence, span[1])
    while pos >= 0:
        owners = index.owners_at(pos)
        if owners:
            return owners
        pos = text.find(evidence, pos + 1)
    return []


def overall_lead(text: str, plan: tuple[Assignment, ...]) -> list[Assignment]:
    """The one body a directive sentence makes lead of the whole work ("…牵头负责推进全市…").

    Several different leads, or none, give no overall lead.
    """
    leads = [
        a for a in plan
        if a.kind == KIND_SENTENCE and a.role == "lead" and OVERALL_LEAD_CUE in text[a.evidence[0]:a.evidence[1]]
    ]
    names = {a.department for a in leads}
    return leads[:1] if len(names) == 1 else []


def _refs(owners: list[Assignment]) -> list[DepartmentRef]:
    """One DepartmentRef per name, first role wins (a section's lead stays lead)."""
    seen: set[str] = set()
    refs: list[DepartmentRef] = []
    for a in owners:
        if a.department not in seen:
            seen.add(a.department)
            refs.append(DepartmentRef(name=a.department, role=a.role))
    return refs


def _key(a: Assignment) -> tuple[str, str, tuple[int, int], str]:
    return (a.department, a.role, tuple(a.evidence), a.task)


def _append(ids: list[str], new: str) -> None:
    if new not in ids:
        ids.append(new)


def _unique_responsibility_ids(doc: Document) -> None:
    """"以下均需…" gives one record per section with the same evidence span: tell them apart
    by task, otherwise finalize's (span, department, role) id would merge them."""
    groups: dict[tuple[object, ...], list[Responsibility]] = defaultdict(list)
    for r in doc.responsibilities:
        groups[(tuple(r.span), r.department, r.role)].append(r)
    for group in groups.values():
        if len(group) > 1:
            for r in group:
                r.id = r.id or record_id(doc.id, "responsibility", r.span, r.department, r.role, r.task)
