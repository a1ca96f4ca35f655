"""A hand-built, fully populated Document (records AND layout) and a fresh database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.model import Block, Cell, Document, Table
from extract.store import open_db

FULL = Path(__file__).resolve().parent.parent / "golden" / "documents" / "full_document.json"


def build_document() -> Document:
    """The golden CONTRACT document plus blocks, one table and two PDF pages."""
    doc = Document.from_dict(json.loads(FULL.read_text(encoding="utf-8")))
    text = doc.text
    lines, pos = [], 0
    for line in text.split("\n"):
        lines.append((line, pos))
        pos += len(line) + 1
    heading = None
    for idx, (line, start) in enumerate(x for x in lines if x[0]):
        is_heading = line[:2] in ("一、", "二、")
        doc.blocks.append(Block(kind="heading" if is_heading else "paragraph", text=line,
                                span=(start, start + len(line)), level=1 if is_heading else None,
                                heading=None if is_heading else heading, page=1))
        if is_heading:
            heading = idx
    table_start = text.index("评价内容")
    table_end = text.index("临江市发展和改革委员会")
    doc.tables.append(Table(title="节约型机关评价标准", page=2, span=(table_start, table_end), source="text", cells=[
        Cell(row=0, col=0, text="评价内容"), Cell(row=0, col=1, text="分值"), Cell(row=0, col=2, text="评分标准"),
        Cell(row=1, col=0, text="强化目标管理（20分）", colspan=3),
        Cell(row=2, col=0, text="节约能源资源目标管理"), Cell(row=2, col=1, text="9"),
        Cell(row=2, col=2, text="完成上级主管部门下达的年度指标得9分", span=(0, 3)),
    ]))
    doc.raw_page_starts = [0, table_start]
    return doc


@pytest.fixture()
def full_document() -> Document:
    return build_document()


@pytest.fixture()
def db():
    database = open_db()
    yield database
    database.close()
