"""Faster forms of normalize steps give exactly the results of the plain forms."""

from __future__ import annotations

import random

import pytest

from extract import normalize as norm
from extract.normalize import whitespace
from extract.normalize.script import count_changed

# fmt: off
SPACE_CASES = [
    "15 %", "3 .5", "3. 5", "5. 3 %", "1 1 %", "1 .2 .3", "2025 年", "a 5", "无数字", "１５ ％", "12\u3000%",
    "9 .x", "9. x", "", " %", "7 \t%",
]
# fmt: on


@pytest.mark.parametrize("text", SPACE_CASES)
def test_whitespace_spaces_in_numbers_as_the_lookbehind_pattern(text: str) -> None:
    assert whitespace._spaces_in_numbers(text) == [m.span() for m in whitespace.SPACE_IN_NUMBER.finditer(text)]


def test_whitespace_spaces_in_numbers_on_random_text() -> None:
    rng = random.Random(9)
    alphabet = "12 .%年\u3000\u00a0a5.\t"
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 16)))
        assert whitespace._spaces_in_numbers(text) == [m.span() for m in whitespace.SPACE_IN_NUMBER.finditer(text)]


@pytest.mark.parametrize("a,b,expected", [
    ("", "", 0), ("节能", "节能", 0), ("節能", "节能", 1), ("著" * 600 + "節", "著" * 600 + "节", 1),
    ("與" * 700, "与" * 700, 700),
])
def test_script_count_changed(a: str, b: str, expected: int) -> None:
    assert count_changed(a, b) == expected


def test_normalize_text_normalizes_a_repeated_name_once(monkeypatch) -> None:
    norm._normalize_short.cache_clear()
    calls: list[str] = []
    real = norm.normalize

    def counting(doc, settings):
        calls.append(doc.raw_text)
        return real(doc, settings)

    monkeypatch.setattr(norm, "normalize", counting)
    for _ in range(5):
        assert norm.normalize_text("福 建 省 發展和改革委員會") == "福建省发展和改革委员会"
    assert len(calls) == 1
    norm._normalize_short.cache_clear()
