"""Prefix answers from one scan of a sentence are what a scan of each prefix finds."""

from __future__ import annotations

import random
import re

import pytest

from extract.language.patterns import contains_any
from extract.targets import filters
from extract.targets.prefix_scan import NOT_FOUND, PrefixMatches, _window, first_end
from extract.targets.vocab import BASELINE_BASE, PERIOD, THIS_YEAR

PATTERNS = [
    PERIOD, THIS_YEAR, BASELINE_BASE,
    re.compile(r"(?<=[。；])到\d{2}年?"),  # a lookbehind reads before the attempt: shared
    re.compile(r"a[^，]{0,5}?b"),  # lazy, bounded
    re.compile(r"年内|年"),
]
ALPHABET = ["十四五", "“", "”", "期末", "末", "时期", "规划期内", "年内", "今年底", "本年度", "以", "2020", "年",
            "为基数", "的基础上", "在", "，", "。", "；", "到", "25", "a", "b", "x"]


@pytest.mark.parametrize("seed", range(60))
def test_prefix_matches_as_a_scan_of_each_prefix(seed: int) -> None:
    rng = random.Random(seed)
    text = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 40)))
    start = rng.randint(0, min(3, len(text)))
    end = rng.randint(start, len(text))
    for pattern in PATTERNS:
        scans = PrefixMatches(pattern, text, start, end)
        for pos in range(start - 1, end + 2):
            got = [(m.span(), m.groups()) for m in scans.upto(pos)]
            assert got == [(m.span(), m.groups()) for m in pattern.finditer(text, start, pos)], (pattern.pattern, pos)


@pytest.mark.parametrize("pattern", [r"ab(?=c)", r"ab\b", r"a(?!b)", r"^ab", r"ab$", r"a+", r"a*", r"(a)(?(1)b|c)"])
def test_patterns_that_read_past_a_match_are_scanned_plainly(pattern: str) -> None:
    assert _window(re.compile(pattern)) is None


@pytest.mark.parametrize("seed", range(60))
def test_first_end_answers_has_future_for_every_prefix(seed: int) -> None:
    rng = random.Random(seed)
    pieces = ["到", "2025", "19", "“", "十四五", "十三", "五", "将", "要", "力争", "确保", "从无到有", "，", "完成", "x"]
    text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
    future = first_end(text, 0, len(text), filters.FUTURE_TO, filters._future_words())
    committed = first_end(text, 0, len(text), None, filters._committed_words())
    for e in range(len(text) + 1):
        assert (future <= e) == filters._has_future(text[:e])
        assert (committed <= e) == contains_any(text[:e], filters._committed_words())
    assert first_end("", 0, 0, None, ("x",)) == NOT_FOUND


LEAD_PIECES = ["。", "；", ";", "！", " ", "\u3000", "—", "力争", "争取", "到", "至", "预计到", "2025", "二〇二五", "年",
               "底", "末", "前", "，", "：", "“", "”", "十四五", "时期", "期末", "A", "\n"]


@pytest.mark.parametrize("seed", range(80))
def test_frames_last_lead_as_a_scan_of_each_line_prefix(seed: int) -> None:
    from extract.targets.frame import SENTENCE_LEAD, read_frames

    rng = random.Random(seed)
    text = "".join(rng.choice(LEAD_PIECES) for _ in range(rng.randint(0, 60)))
    frames = read_frames(text, None, 2021)
    for i, start in enumerate(frames.para_starts):
        end = frames.para_starts[i + 1] if i + 1 < len(frames.para_starts) else len(text)
        for pos in range(start, end + 1):
            leads = list(SENTENCE_LEAD.finditer(text, start, pos))
            got = frames._last_lead(i, pos)
            assert (got.span() if got else None) == (leads[-1].span() if leads else None)
