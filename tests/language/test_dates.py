"""Date expressions and masking: no year guessed, 文号 and phones never read as numbers."""

from __future__ import annotations

import pytest

from extract.language.dates import find_dates, find_due_dates, mask_dates, mask_noise

# fmt: off
DUES = [
    ("于2012年3月10日前", "2012-03-10"),
    ("2021年底", "2021-12"),
    ("到2025年", "2025"),
    ("2022年6月底前", "2022-06"),
    ("二〇一二年二月十四日", "2012-02-14"),
    ("6月底前", None),
    ("8月份", None),
    ("11月5日前", None),
]
# fmt: on


@pytest.mark.parametrize("text,due", DUES)
def test_dates_due(text: str, due: str | None) -> None:
    [d] = find_dates(text)
    assert d.text_due == due


@pytest.mark.parametrize("text", ["20*年度", "十四五", "3年内", "12个盟市"])
def test_dates_no_date(text: str) -> None:
    assert find_dates(text) == []


# fmt: off
MASKED = [
    ("高能源发〔2020〕42号", "高能源发"),
    ("发改环资〔2019〕1696号文件", "发改环资"),
    ("联系电话：010-88416688-6527、6526", "联系电话："),
    ("邮箱lzs@cnbm.com.cn", "邮箱"),
]
# fmt: on


@pytest.mark.parametrize("text,kept", MASKED)
def test_dates_mask_noise_keeps_length(text: str, kept: str) -> None:
    masked = mask_noise(text)
    assert len(masked) == len(text)
    assert masked.startswith(kept + "#")
    assert not any(ch.isdigit() for ch in masked)


def test_dates_mask_dates_hides_years_not_quantities() -> None:
    assert mask_dates("到2025年，下降15%") == "到#####，下降15%"


# fmt: off
DUE_FORMS = [
    ("2022年第三季度前", [("2022-09", 9)]),
    ("第四季度末前", [(None, 12)]),
    ("2023年，年底前完成", [("2023", None), (None, 12)]),
    ("2023年底前", [("2023-12", None)]),
    ("每季度报告一次", []),
    ("下季度月初", []),
]
# fmt: on


@pytest.mark.parametrize("text,expected", DUE_FORMS)
def test_find_due_dates_reads_quarters_and_bare_year_ends(text: str, expected: list) -> None:
    assert [(d.text_due, d.month) for d in find_due_dates(text)] == expected


def test_find_dates_itself_keeps_quarters_out() -> None:
    assert [d.text_due for d in find_dates("2022年第三季度")] == ["2022"]
