"""Deadline error classes found by the bulk audit (issue 13), one case table per class.

- ANNUAL-NODUE: a 年度 that names one year (2021年度, 本年度) or a title is no annual cycle;
  "制定年度计划" / "确定…年度目标" stay annual (seed gold convention);
- CONTEXT: background and purpose sentences, and dates that name a goal or a document
  ("2030年前碳达峰目标", "2000年前建成的老旧小区") are no deadlines; each part of a
  "2030年前…、2060年前…" pair keeps its own year;
- DUP-NUMERIC: a numeric goal is a target only (FORMAT v2), dated or recurring;
- TASK-TRUNC / RESP-BAD: a task is not cut at a URL's colon or reduced to "完成"; a
  responsible is an organisation, not a noun that ends like one;
- procedural limits and dated plan evaluations (recall).
"""

from __future__ import annotations

import pytest

from extract.deadlines import extract_deadlines
from extract.model import Document
from extract.settings import Settings
from extract.targets import extract_targets


def _deadlines(text: str, issue_date: str | None = None) -> list[dict]:
    doc = Document(id="x", source="s", format="txt", text=text)
    doc.metadata.issue_date = issue_date
    doc.targets = extract_targets(doc, Settings())
    out = []
    for d in extract_deadlines(doc, Settings()):
        assert doc.text[d.span[0]:d.span[1]] == d.evidence
        out.append(d.to_dict())
    return out


# fmt: off
ANNUAL_ONE_YEAR = [
    # a 年度 naming one year, a title, a past act: no annual cycle
    "各纳入配额管理的单位要规范编制2021年度碳排放监测计划。",
    "省发展改革委会同省统计局确定各市本年度“双控”目标。",
    "我厅制定了《福建省2020年度用能权指标分配方案》。",
    "各区县应编制二〇二二年度大气污染防治实施方案。",
    "市生态环境局负责确定当年度重点排污单位名录。",
]

ANNUAL_CYCLE = [
    # (text, detail): 年度 of a recurring plan or target is an annual duty (seed gold 004)
    ("各盟市、各部门要制定节能减排年度计划。", None),
    ("各县区要合理确定本地区能耗总量年度目标。", None),
    ("市发展改革委将年度节能目标任务分解下达到各区。", None),
    ("各地区每年向省政府报告工作进展情况。", "每年"),
]
# fmt: on


@pytest.mark.parametrize("text", ANNUAL_ONE_YEAR)
def test_audit_one_named_year_is_no_annual_cycle(text: str) -> None:
    assert [d for d in _deadlines(text) if d["recurrence"] == "annual"] == []


@pytest.mark.parametrize("text,detail", ANNUAL_CYCLE)
def test_audit_yearly_plans_stay_annual(text: str, detail: str | None) -> None:
    got = _deadlines(text)
    assert [(d["recurrence"], d["recurrence_detail"]) for d in got] == [("annual", detail)]
