"""Which year a month date takes: its own, its sentence's, the nearest full date's before it
in the text (FORMAT v2), the document's date, or none.

"2021年3月20日前…并于4月30日前…" gives 2021-04-30; a month date with no full date before it and
no document date keeps ``due`` null: no year is ever guessed.
"""

from __future__ import annotations

import pytest

from extract.deadlines.extractor import extract_deadlines
from extract.language.clauses import split_sentences
from extract.model import Document
from extract.settings import Settings
from extract.targets.extractor import extract_targets


def _dues(text: str) -> list[tuple[str | None, str | None]]:
    doc = Document(id="x", source="s", format="txt", text=text)
    doc.targets = extract_targets(doc, Settings())
    out = []
    for d in extract_deadlines(doc, Settings()):
        assert doc.text[d.span[0]:d.span[1]] == d.evidence
        out.append((d.due, d.recurrence))
    return out


# fmt: off
CARRIED = [
    # the section's last full date gives the year to later month dates of the same section
    ("一、企业碳排放报告与核查\n（二）报告企业应于2021年3月20日前提交年度排放报告。\n"
     "（三）核查机构应于4月30日前通过报告系统提交核查报告。\n"
     "（四）控排企业应于5月20日前将书面核查报告报送所在地市生态环境部门。",
     [("2021-03-20", None), ("2021-04-30", None), ("2021-05-20", None)]),
    ("请各区于2022年9月15日前完成自查，并于9月30日前将自查报告报送市发展改革委。",
     [("2022-09-15", None), ("2022-09-30", None)]),
    ("各重点排放单位须于2022年3月31日前完成排放报告编制。\n"
     "省级生态环境主管部门应于6月30日前完成核查工作。",
     [("2022-03-31", None), ("2022-06-30", None)]),
    # FORMAT v2: the nearest full date before in the text, across sections
    ("一、报告与核查\n请各地于2021年3月20日前提交排放报告。\n"
     "二、配额清缴\n控排企业应于6月20日前完成配额清缴。",
     [("2021-03-20", None), ("2021-06-20", None)]),
]

NOT_CARRIED = [
    # a month before the anchor may belong to the next year: not guessed
    ("请各地于2021年11月30日前完成初审，并于1月15日前报送审核结果。",
     [("2021-11-30", None), (None, None)]),
    # a reporting year (2020年度) is not the year of the due date
    ("核定的2020年度碳排放配额将于10月20日前发放至各单位账户。",
     [(None, None)]),
    # no full date at all
    ("各地级以上市生态环境部门于6月10日前统一报我厅。",
     [(None, None)]),
]
# fmt: on


@pytest.mark.parametrize("text,expected", CARRIED)
def test_month_date_takes_the_sections_year(text: str, expected: list) -> None:
    assert _dues(text) == expected


@pytest.mark.parametrize("text,expected", NOT_CARRIED)
def test_no_year_is_guessed(text: str, expected: list) -> None:
    assert _dues(text) == expected


def test_annual_duty_still_wins_over_a_carried_year() -> None:
    """The month date after an annual duty is annual, even with a full date earlier on."""
    text = ("请各单位于2020年8月15日前报送实施方案。每年10月底前，各单位开展自评。"
            "11月5日前，市能源局将组织核查。")
    assert _dues(text) == [("2020-08-15", None), (None, "annual"), (None, "annual")]


@pytest.mark.parametrize("text,expected", [
    ("控排企业应于5月20日前将书面核查报告（一式三\n份）报所在地级以上市生态环境部门。",
     "控排企业应于5月20日前将书面核查报告（一式三\n份）报所在地级以上市生态环境部门"),
    ("报告企业应于2021年3月20日前通过报告系统提交2020\n年度碳排放信息报告。",
     "报告企业应于2021年3月20日前通过报告系统提交2020\n年度碳排放信息报告"),
])
def test_layout_line_break_does_not_cut_the_clause(text: str, expected: str) -> None:
    clauses = [text[c.start:c.end] for s in split_sentences(text) for c in s.clauses]
    assert clauses == [expected]


def test_heading_line_break_still_ends_a_sentence() -> None:
    text = "一、总体要求（2021\n本省控排企业可以使用CCER。"
    assert len(split_sentences(text)) == 2


def test_monthly_task_drops_month_end_words() -> None:
    doc = Document(id="x", source="s", format="txt", text="每月末把监测数据进行电子归档。")
    (d,) = extract_deadlines(doc, Settings())
    assert (d.recurrence, d.task) == ("monthly", "把监测数据进行电子归档")
