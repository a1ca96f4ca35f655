"""PlanIndex answers exactly as owners_at / topic_subject, without a plan scan per record."""

from __future__ import annotations

import random

import pytest

from extract.departments import Assignment
from extract.link import KIND_CARRY, KIND_SENTENCE, owners_at, topic_subject
from extract.link.plan_index import PlanIndex

KINDS = (KIND_SENTENCE, KIND_CARRY, "parenthetical")


def _random_plan(rng: random.Random, n: int, length: int) -> tuple[Assignment, ...]:
    plan = []
    for i in range(n):
        start = rng.randrange(length)
        end = start + rng.choice((0, 1, 3, 10, 40, length))
        ev = rng.randrange(length)
        plan.append(Assignment(f"部门{i % 7}", rng.choice(("lead", "support")), f"任务{i}", (ev, ev + 3),
                               (start, min(end, length)), rng.choice(KINDS), "", rng.choice(("", "由", "请"))))
    return tuple(plan)


@pytest.mark.parametrize("seed", range(30))
def test_plan_index_answers_as_the_plan_scan(seed: int) -> None:
    rng = random.Random(seed)
    length = 120
    text = "".join(rng.choice("甲乙丙。\n") for _ in range(length))
    plan = _random_plan(rng, rng.randint(0, 25), length)
    index = PlanIndex(plan)
    for pos in range(-1, length + 2):
        assert index.owners_at(pos) == owners_at(plan, pos)
        assert index.topic_subject(text, pos) == topic_subject(text, plan, pos)


def test_link_queries_do_not_scan_the_plan_per_target(monkeypatch) -> None:
    """Many sections with carried bodies: the work grows with the records, not records x plan."""
    from extract import link as link_module
    from extract.model import Document, Target
    from extract.settings import Settings

    sections = "".join(f"（{'一二三四五六七八九十'[i % 10]}）第{i}项工作。到2025年，指标{i}达到{i}%。\n" for i in range(200))
    text = "一、重点任务\n以下均需各区县人民政府负责落实，不再列出。\n" + sections
    doc = Document(id="d", source="s", format="txt", raw_text=text)
    doc.text = text
    doc.targets = [Target(indicator=f"指标{i}", value=float(i), unit="%", direction="reach", evidence=f"指标{i}达到{i}%",
                          span=(text.index(f"指标{i}达到"), text.index(f"指标{i}达到") + 5)) for i in range(200)]
    calls = {"n": 0}
    real = link_module.owners_at

    def counting(plan, pos):
        calls["n"] += 1
        return real(plan, pos)

    monkeypatch.setattr(link_module, "owners_at", counting)
    link_module.link(doc, Settings())
    assert calls["n"] == 0  # every lookup went through the index


def _random_sections(rng: random.Random, outline: bool):
    from extract.language.sections import Section

    if outline:
        lines = []
        for _ in range(rng.randint(0, 30)):
            level = rng.randint(1, 4)
            marker = {1: "一、", 2: "（一）", 3: "1.", 4: "（1）"}[level]
            lines.append(f"{marker}标题{rng.randint(0, 9)}\n" + "正文。" * rng.randint(0, 3) + "\n")
        from extract.language.sections import split_sections

        text = "".join(lines)
        return split_sections(text), len(text)
    out, length = [], 200
    for _ in range(rng.randint(0, 12)):
        start = rng.randrange(length)
        out.append(Section(level=rng.randint(1, 4), start=start, end=start + rng.randint(0, 80), title="t"))
    return tuple(sorted(out, key=lambda s: s.start)), length


@pytest.mark.parametrize("seed", range(40))
def test_sections_innermost_as_the_scan(seed: int) -> None:
    from extract.language.sections import _innermost_by_scan, innermost

    rng = random.Random(seed)
    sections, length = _random_sections(rng, outline=seed % 2 == 0)
    for pos in range(-1, length + 2):
        assert innermost(sections, pos) == _innermost_by_scan(sections, pos)
