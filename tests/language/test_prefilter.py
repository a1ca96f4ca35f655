"""extract.language.prefilter: the literal test must never reject a text the regex matches."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.deadlines.vocab import deadline_rules, recurrence_rules, relative_patterns
from extract.language.prefilter import Prefiltered, required_literals


@pytest.mark.parametrize(("pattern", "expected"), [
    ("之日起", ("之日起",)),
    ("a?b", ("b",)),                      # an optional element guarantees nothing
    ("(?:x|y)z+", ("x", "y")),
    ("(?:后|完成|结束)的?\\d+", ("后", "完成", "结束")),
    ("[ab]c", ("a", "b")),
    ("[a-z]q", ("q",)),                   # a range is not a literal set
    ("(?:ab)*c", ("c",)),                 # zero repeats allowed: the body is not required
    ("每(?:周|日)", ("每",)),
    ("x(?=yz)", ("x",)),                  # a lookaround is not part of the match
    (".*", None),
    ("x|", None),                         # one alternative needs nothing
    ("(?i)abc", None),                    # case-insensitive: a literal test would be wrong
    ("[^，。]{2,25}?", None),
])
def test_required_literals(pattern: str, expected: tuple[str, ...] | None) -> None:
    assert required_literals(pattern) == expected


def test_every_relative_limit_rule_has_a_prefilter() -> None:
    """The lazy-run rules are the costly ones; a new rule the prefilter cannot read shows here."""
    rules = relative_patterns()
    assert len(rules) == len(deadline_rules()["relative_limits"])
    assert all(rule.literals for rule in rules), [r for r in rules if not r.literals]


PATTERNS = [p.pattern.pattern for p in relative_patterns()] + [p.pattern for p, _, _ in recurrence_rules()] + [
    "(?:ab)*c", "a?b", "x|y|zz", "[ab]c(?=d)", "(?<!q)每个?月",
]
# the characters the rules are written in, so random texts do match now and then
ALPHABET = sorted(set("".join(PATTERNS) + "0123456789，。；之日起后完成结束期满应于在工作日交易日内前每年月季度按下达制定"))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(ALPHABET), max_size=40).map("".join))
def test_prefiltered_search_equals_the_plain_search(text: str) -> None:
    for pattern in PATTERNS:
        plain = re.compile(pattern).search(text)
        fast = Prefiltered(pattern).search(text)
        assert (plain and plain.span()) == (fast and fast.span()), (pattern, text)


def test_prefiltered_rejects_without_searching_when_no_literal_is_there() -> None:
    rule = Prefiltered(r"[^，。；]{1,25}?之日起[^，。；]{0,4}?\d+个?工作日内")
    assert not rule.possible("各地要加强组织领导，确保按期完成")
    assert rule.possible("自收到通知之日起5个工作日内")
    assert rule.search("自收到通知之日起5个工作日内").group(0) == "自收到通知之日起5个工作日内"


NOISE_TEXT = st.lists(st.sampled_from(list("0123456789()-－、，,.@wht:/〔〕[]号第年 abcAZ_+1３４市局电话联系")),
                      max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(NOISE_TEXT)
def test_noise_patterns_lookahead_changes_no_match(text: str) -> None:
    """DOC_NUMBER / PHONE / URL_OR_EMAIL open with a first-character lookahead for speed:
    without it they find exactly the same matches."""
    from extract.language import patterns

    for pattern in (patterns.DOC_NUMBER, patterns.PHONE, patterns.URL_OR_EMAIL):
        bare = re.compile(re.sub(r"^\(\?=\[[^\]]*\]\)", "", pattern.pattern))
        assert bare.pattern != pattern.pattern
        assert [m.span() for m in bare.finditer(text)] == [m.span() for m in pattern.finditer(text)], text
