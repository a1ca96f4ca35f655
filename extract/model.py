"""The one document model that flows through every stage.

A :class:`Document` is created by ingest from a file's bytes, filled in by each
stage in turn (see :mod:`extract.pipeline`), and serialised by :meth:`Document.to_dict`
into exactly the JSON of ``spec/CONTRACT.md`` (``schemas/document.schema.json``).

Offsets: ingest produces ``raw_text`` (the decoded source: plain text, the visible text
of a page, PDF text page by page, tables rendered as tab-separated rows).  Normalize
produces ``text`` and ``offsets`` where ``offsets[i]`` is the index in ``raw_text`` of
the source character that normalized character ``i`` came from (``len(offsets) ==
len(text) + 1``; the last entry is ``len(raw_text)``; normalize stores it as runs, an
``OffsetMap`` that reads like a list).  Every record's ``span`` is
``[start, end)`` into ``text``; ``page_of(span[0])`` gives its 1-based PDF page.
"""

from __future__ import annotations

import bisect
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from typing import Any

SCHEMA_VERSION = "1"

Span = tuple[int, int]


def strip_span(text: str, span: Span) -> Span:
    """``span`` narrowed so that it neither starts nor ends on whitespace of ``text``."""
    s, e = span
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return (s, e)


def content_id(*parts: object) -> str:
    """Deterministic 16-hex id from stable fields, for keys no single document owns."""
    blob = json.dumps(parts, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


def record_id(owner: str, *parts: object) -> str:
    """Deterministic id of a record: its owner's first 8 hex, then 16 hex of a hash of all fields.

    ``owner`` is the document's id (or the id of the record that holds this one, which
    starts with the same 8 hex).  Ids of one document share a prefix, so its rows sit
    side by side in every id index and a commit touches a page per document rather
    than a random page per record: store time stays flat as the database fills.
    """
    return owner[:8] + content_id(owner, *parts)


# --------------------------------------------------------------------------- layout


@dataclass(slots=True, kw_only=True)
class Cell:
    """One table cell; a merged cell is ONE Cell with rowspan/colspan > 1.

    ``raw_span`` points into ``Document.raw_text`` (set by ingest), ``span`` into the
    normalized ``Document.text`` (set by normalize/structure), ``text`` is normalized
    once normalize has run.
    """

    row: int
    col: int
    text: str
    rowspan: int = 1
    colspan: int = 1
    raw_span: Span | None = None
    span: Span | None = None


@dataclass(slots=True, kw_only=True)
class Table:
    """A table as a list of anchor cells; :meth:`grid` expands merges by identity."""

    cells: list[Cell] = field(default_factory=list)
    page: int | None = None
    title: str | None = None
    raw_span: Span | None = None
    span: Span | None = None
    source: str = "native"  # native (html/pdf/docx grid) | text (recovered from text layout)

    @property
    def n_rows(self) -> int:
        return max((c.row + c.rowspan for c in self.cells), default=0)

    @property
    def n_cols(self) -> int:
        return max((c.col + c.colspan for c in self.cells), default=0)

    def grid(self) -> list[list[Cell | None]]:
        """Rows x cols; every slot covered by a merged cell holds that same Cell object."""
        n_cols = self.n_cols  # once: the property scans every cell
        grid: list[list[Cell | None]] = [[None] * n_cols for _ in range(self.n_rows)]
        for cell in self.cells:
            for r in range(cell.row, cell.row + cell.rowspan):
                for c in range(cell.col, cell.col + cell.colspan):
                    grid[r][c] = cell
        return grid

    def to_dict(self) -> dict[str, Any]:
        return {
            "page": self.page,
            "title": self.title,
            "span": list(self.span) if self.span else None,
            "source": self.source,
            "cells": [
                {"row": c.row, "col": c.col, "rowspan": c.rowspan, "colspan": c.colspan,
                 "text": c.text, "span": list(c.span) if c.span else None}
                for c in self.cells
            ],
        }


@dataclass(slots=True, kw_only=True)
class Block:
    """A paragraph, heading or table in reading order, with its outline level.

    ``level``: 1 for 一、 headings, 2 for （一）, 3 for 1. / 1、, 4 for （1）; None for body text.
    ``heading``: index in ``Document.blocks`` of the nearest enclosing heading block.
    """

    kind: str  # "heading" | "paragraph" | "table"
    text: str
    span: Span
    level: int | None = None
    page: int | None = None
    heading: int | None = None
    table: int | None = None  # index into Document.tables when kind == "table"


# --------------------------------------------------------------------------- records


@dataclass(slots=True, kw_only=True)
class DepartmentRef:
    name: str
    role: str  # lead | support | implement
    canonical: str | None = None  # full name, region resolved (CONTRACT.md)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "role": self.role, "canonical": self.canonical}


@dataclass(slots=True, kw_only=True)
class Target:
    indicator: str
    value: float
    unit: str | None
    direction: str  # decrease | increase | reach | cap | floor
    evidence: str
    span: Span
    scope: str | None = None
    value_max: float | None = None
    qualifier: str | None = None  # at_least | at_most | about
    baseline_year: int | None = None
    deadline: str | None = None  # YYYY | YYYY-MM | YYYY-MM-DD
    period: str | None = None  # 十四五 ...
    departments: list[DepartmentRef] = field(default_factory=list)
    page: int | None = None
    id: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "indicator": self.indicator, "scope": self.scope,
            "direction": self.direction, "value": _num(self.value),
            "value_max": _num(self.value_max), "unit": self.unit,
            "qualifier": self.qualifier, "baseline_year": self.baseline_year,
            "deadline": self.deadline, "period": self.period,
            "departments": [d.to_dict() for d in self.departments],
            "evidence": self.evidence, "span": list(self.span), "page": self.page,
        }


@dataclass(slots=True, kw_only=True)
class Deadline:
    task: str
    evidence: str
    span: Span
    due: str | None = None  # YYYY | YYYY-MM | YYYY-MM-DD | None for purely recurring
    recurrence: str | None = None  # annual | quarterly | monthly
    recurrence_detail: str | None = None
    # a time limit counted from an event, as written ("收到通知之日起5个工作日内"); due is null
    relative_due: str | None = None
    responsible: list[str] = field(default_factory=list)
    responsible_canonical: list[str] = field(default_factory=list)  # `canonical` of each responsible
    page: int | None = None
    id: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "task": self.task, "due": self.due,
            "recurrence": self.recurrence, "recurrence_detail": self.recurrence_detail,
            "relative_due": self.relative_due,
            "responsible": list(self.responsible),
            "responsible_canonical": list(self.responsible_canonical), "evidence": self.evidence,
            "span": list(self.span), "page": self.page,
        }


@dataclass(slots=True, kw_only=True)
class Responsibility:
    department: str
    role: str  # lead | support | implement
    task: str
    evidence: str
    span: Span
    canonical: str | None = None  # full name, region resolved (CONTRACT.md)
    target_ids: list[str] = field(default_factory=list)
    deadline_ids: list[str] = field(default_factory=list)
    page: int | None = None
    id: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "department": self.department, "canonical": self.canonical, "role": self.role,
            "task": self.task, "evidence": self.evidence,
            "target_ids": list(self.target_ids), "deadline_ids": list(self.deadline_ids),
            "span": list(self.span), "page": self.page,
        }


@dataclass(slots=True, kw_only=True)
class Criterion:
    text: str
    points: float | None
    method: str | None = None
    span: Span | None = None
    # None for an award; "bonus" (加N分 on top of the row) or "deduction" (扣N分: points keep
    # their magnitude, the kind says they are taken off)
    kind: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"text": self.text, "points": _num(self.points)}
        if self.method is not None:
            out["method"] = self.method
        if self.kind is not None:
            out["kind"] = self.kind
        out["span"] = list(self.span) if self.span else None
        return out


@dataclass(slots=True, kw_only=True)
class ScoringItem:
    path: list[str]
    points: float | None
    criteria: list[Criterion] = field(default_factory=list)
    span: Span | None = None
    page: int | None = None
    content: str | None = None  # the cell describing what is assessed (考核内容), FORMAT v2

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": list(self.path), "points": _num(self.points), "content": self.content,
            "criteria": [c.to_dict() for c in self.criteria],
            "span": list(self.span) if self.span else None, "page": self.page,
        }


@dataclass(slots=True, kw_only=True)
class ScoringTable:
    title: str | None
    total_points: float | None
    items: list[ScoringItem] = field(default_factory=list)
    inconsistencies: list[str] = field(default_factory=list)
    categories: list[dict[str, Any]] = field(default_factory=list)  # [{"name", "points"}]
    span: Span | None = None
    page: int | None = None
    id: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "title": self.title, "total_points": _num(self.total_points),
            "categories": list(self.categories),
            "items": [i.to_dict() for i in self.items],
            "inconsistencies": list(self.inconsistencies),
            "span": list(self.span) if self.span else None, "page": self.page,
        }


@dataclass(slots=True, kw_only=True)
class Metadata:
    title: str | None = None
    doc_number: str | None = None
    issuers: list[str] = field(default_factory=list)
    issue_date: str | None = None
    recipients: list[str] = field(default_factory=list)
    valid_from: str | None = None  # 自…起施行: YYYY-MM-DD (FORMAT v2: validity is metadata, not a deadline)
    valid_until: str | None = None  # 有效期至…
    cited_documents: list[dict[str, Any]] = field(default_factory=list)  # {"title", "doc_number"}
    attachments: list[str] = field(default_factory=list)
    contacts: list[dict[str, Any]] = field(default_factory=list)  # {"name", "phone", "email"}

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


# --------------------------------------------------------------------------- document


@dataclass(slots=True, kw_only=True)
class Document:
    """Everything known about one document; stages fill it in order."""

    id: str  # sha256 of the bytes (for records of a JSON/JSONL file: of the record)
    source: str
    format: str  # txt | html | md | pdf | docx | json
    data: bytes = b""  # the file's bytes; dropped after ingest
    encoding: str | None = None
    script: str | None = None  # simplified | traditional | mixed
    # ingest
    raw_text: str = ""
    raw_page_starts: list[int] = field(default_factory=list)  # raw offset where each page starts
    front_matter: dict[str, Any] = field(default_factory=dict)
    unreadable_pages: list[int] = field(default_factory=list)
    # normalize
    text: str = ""
    offsets: Sequence[int] = field(default_factory=list)  # normalize sets an OffsetMap (runs)
    # structure
    blocks: list[Block] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    # extract + link
    metadata: Metadata = field(default_factory=Metadata)
    targets: list[Target] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    responsibilities: list[Responsibility] = field(default_factory=list)
    scoring_tables: list[ScoringTable] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    # ---- provenance helpers

    def raw_offset(self, i: int) -> int:
        """Source (raw_text) index of normalized index ``i``."""
        if not self.offsets:
            return i
        return self.offsets[max(0, min(i, len(self.offsets) - 1))]

    def page_of(self, i: int) -> int | None:
        """1-based PDF page of normalized index ``i``; None for formats without pages."""
        if not self.raw_page_starts:
            return None
        return bisect.bisect_right(self.raw_page_starts, self.raw_offset(i))

    def evidence(self, span: Span) -> str:
        return self.text[span[0] : span[1]]

    # ---- serialisation (exactly the CONTRACT JSON)

    def to_dict(self, *, with_text: bool = False) -> dict[str, Any]:
        meta = self.metadata.to_dict()
        document: dict[str, Any] = {
            "id": self.id, "source": self.source, "format": self.format,
            "encoding": self.encoding, "script": self.script, **meta,
            "warnings": list(self.warnings),
        }
        if with_text:
            document["text"] = self.text
        return {
            "schema_version": SCHEMA_VERSION,
            "document": document,
            "targets": [t.to_dict() for t in self.targets],
            "deadlines": [d.to_dict() for d in self.deadlines],
            "responsibilities": [r.to_dict() for r in self.responsibilities],
            "scoring_tables": [s.to_dict() for s in self.scoring_tables],
        }

    @classmethod
    def from_dict(cls, obj: dict[str, Any]) -> Document:
        """Rebuild a Document from its CONTRACT JSON (layout fields are not carried)."""
        d = obj["document"]
        meta = Metadata(**{f.name: d.get(f.name, Metadata().__getattribute__(f.name))
                           for f in fields(Metadata)})
        doc = cls(id=d["id"], source=d["source"], format=d["format"],
                  encoding=d.get("encoding"), script=d.get("script"),
                  text=d.get("text", ""), metadata=meta, warnings=list(d.get("warnings", [])))
        doc.targets = [_target_from(t) for t in obj.get("targets", [])]
        doc.deadlines = [_deadline_from(x) for x in obj.get("deadlines", [])]
        doc.responsibilities = [_resp_from(x) for x in obj.get("responsibilities", [])]
        doc.scoring_tables = [_table_from(x) for x in obj.get("scoring_tables", [])]
        return doc


# --------------------------------------------------------------------------- helpers


def _num(v: float | None) -> float | int | None:
    """15.0 -> 15 so that JSON shows numbers as written."""
    if v is None:
        return None
    return int(v) if float(v).is_integer() else v


def _span(v: Any) -> Span:
    return (int(v[0]), int(v[1]))


def _target_from(t: dict[str, Any]) -> Target:
    return Target(
        id=t.get("id", ""), indicator=t["indicator"], value=t["value"], unit=t.get("unit"),
        direction=t["direction"], evidence=t["evidence"], span=_span(t["span"]),
        scope=t.get("scope"), value_max=t.get("value_max"), qualifier=t.get("qualifier"),
        baseline_year=t.get("baseline_year"), deadline=t.get("deadline"),
        period=t.get("period"), page=t.get("page"),
        departments=[DepartmentRef(**d) for d in t.get("departments", [])],
    )


def _deadline_from(x: dict[str, Any]) -> Deadline:
    return Deadline(
        id=x.get("id", ""), task=x["task"], evidence=x["evidence"], span=_span(x["span"]),
        due=x.get("due"), recurrence=x.get("recurrence"),
        recurrence_detail=x.get("recurrence_detail"), relative_due=x.get("relative_due"),
        responsible=list(x.get("responsible", [])),
        responsible_canonical=list(x.get("responsible_canonical", [])), page=x.get("page"),
    )


def _resp_from(x: dict[str, Any]) -> Responsibility:
    return Responsibility(
        id=x.get("id", ""), department=x["department"], canonical=x.get("canonical"), role=x["role"],
        task=x["task"],
        evidence=x["evidence"], span=_span(x["span"]),
        target_ids=list(x.get("target_ids", [])), deadline_ids=list(x.get("deadline_ids", [])),
        page=x.get("page"),
    )


def _table_from(x: dict[str, Any]) -> ScoringTable:
    items = [
        ScoringItem(
            path=list(i["path"]), points=i.get("points"), page=i.get("page"), content=i.get("content"),
            span=_span(i["span"]) if i.get("span") else None,
            criteria=[Criterion(text=c["text"], points=c.get("points"), method=c.get("method"),
                                span=_span(c["span"]) if c.get("span") else None, kind=c.get("kind"))
                      for c in i.get("criteria", [])],
        )
        for i in x.get("items", [])
    ]
    return ScoringTable(
        id=x.get("id", ""), title=x.get("title"), total_points=x.get("total_points"),
        items=items, inconsistencies=list(x.get("inconsistencies", [])),
        categories=list(x.get("categories", [])),
        span=_span(x["span"]) if x.get("span") else None, page=x.get("page"),
    )
