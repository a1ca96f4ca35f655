"""The string measures every matcher relies on."""

from __future__ import annotations

import pytest

from extract.evaluate.text import char_f1, evidence_overlap, longest_common_substring, squash


@pytest.mark.parametrize(("text", "expected"), [
    ("到 2025 年，全区\n单位\t地区生产总值", "到2025年，全区单位地区生产总值"),
    ("市能源局\u3000牵头", "市能源局牵头"),     # ideographic space
    ("", ""),
    (None, ""),
])
def test_squash_removes_every_whitespace(text: str | None, expected: str) -> None:
    assert squash(text) == expected


@pytest.mark.parametrize(("a", "b", "expected"), [
    ("比2020年下降15%", "全区单位地区生产总值能源消耗比2020年下降15%", 1.0),   # contained
    ("下降15%", "下降13%", 3 / 5),                                              # "下降1" shared
    ("能源消耗", "用水量", 0.0),
    ("", "下降15%", 0.0),
    ("比 2020 年下降15%", "比2020年下降15%", 1.0),
])
def test_evidence_overlap_is_lcs_over_shorter(a: str, b: str, expected: float) -> None:
    assert evidence_overlap(a, b) == pytest.approx(expected)


def test_longest_common_substring_is_contiguous() -> None:
    # 化肥 and 农药 are shared but not next to each other: the longest run is 2 characters
    assert longest_common_substring("化肥农药", "化肥、农药") == 2
    # long strings with frequent characters: autojunk must not hide the match
    a = "，".join(["的"] * 150) + "单位地区生产总值能源消耗"
    assert longest_common_substring(a, "单位地区生产总值能源消耗") == 12


@pytest.mark.parametrize(("a", "b", "expected"), [
    ("分类收运", "分类收运", 1.0),
    ("分类收运", "垃圾分类运输", 0.6),
    ("分类收运", "垃圾分类处置", 0.4),
    ("甲甲乙", "甲乙乙", 2 * 2 / 6),     # multiset, not set
    ("", "", 1.0),
    ("", "分类", 0.0),
])
def test_char_f1_counts_a_character_multiset(a: str, b: str, expected: float) -> None:
    assert char_f1(a, b) == pytest.approx(expected)
