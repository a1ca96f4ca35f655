"""Work that grows with a document's size, not with its square (#9, point 3).

Each test checks an algorithmic fix by the work done (reads, calls, bytes allocated per
character) or by its result on a large input against the plain scan it replaced; none reads
the clock.
"""

from __future__ import annotations

import random
import re
import tracemalloc

import pytest

from extract.deadlines.base import TargetClauses
from extract.deadlines.extractor import _disjoint
from extract.departments import responsibilities as resp
from extract.language.clauses import Clause
from extract.language.dates import mask_dates
from extract.language.sections import Section, enclosing, split_sections
from extract.model import Cell, Document, Table, Target
from extract.scoring.tables import _lines_before
from extract.settings import Settings
from extract.structure import _last_lines, structure
from extract.targets import extract_targets
from extract.targets import frame as frame_module
from extract.targets.frame import read_frames

NUMERALS = "一二三四五六七八九十"


def _many_sections(n: int) -> str:
    """n top-level sections, each with a 以下均需… carry clause and two subsections."""
    parts = []
    for i in range(n):
        parts.append(f"{NUMERALS[i % 10]}、第{i}部分工作\n")
        parts.append("以下均需各区县人民政府负责落实，不再列出。\n")
        parts.append(f"（一）第{i}项任务。到2025年，指标{i}达到{i}%。（市发展改革委牵头，市财政局配合）\n")
        parts.append(f"（二）第{i}项保障。（市统计局牵头）\n")
    return "".join(parts)


class CountingTuple(tuple):  # type: ignore[type-arg]
    """A tuple that counts the items its iterations hand out."""

    reads = 0

    def __iter__(self):  # type: ignore[no-untyped-def]
        for item in tuple.__iter__(self):
            CountingTuple.reads += 1
            yield item


def _reference_parenthetical_assignments(text, sections, parens):  # type: ignore[no-untyped-def]
    """The plain scans the restructured code replaced (same results, quadratic and cubic)."""
    plan = []
    for i, p in enumerate(parens):
        sec = resp.innermost(sections, p.span[0])
        sec_start, sec_end = (sec.start, sec.end) if sec else (0, len(text))
        prev_end = max([q.span[1] for q in parens[:i] if sec_start <= q.span[0] < p.span[0]] or [sec_start])
        is_last = not any(sec_start <= q.span[0] < sec_end for q in parens[i + 1:])
        scope = (prev_end, sec_end if is_last else p.span[1])
        task = sec.title if sec else resp._sentence_before(text, p.span[0] - 1)
        named = {(n, r) for n, r, _, carry, _ in p.items if not carry}
        for name, role, ev, carry, cue in p.items:
            if carry and sec is not None:
                if (name, role) not in named:
                    plan.append(resp.Assignment(name, role, task, ev, scope, resp.KIND_SECTION, cue))
                later = [s for s in sections if s.start >= sec.end]
                plan.extend(resp.Assignment(name, role, s.title, ev, (s.start, s.end), resp.KIND_CARRY, cue)
                            for s in later if not any(c.level > s.level and s.contains(c.start) for c in later))
            elif carry:
                if (name, role) not in named:
                    plan.append(resp.Assignment(name, role, task, ev, scope, resp.KIND_SECTION, cue))
                plan.append(resp.Assignment(name, role, "", ev, (ev[1], len(text)), resp.KIND_CARRY, cue))
            else:
                plan.append(resp.Assignment(name, role, task, ev, scope, resp.KIND_SECTION, cue))
    return plan


def test_responsibilities_carried_sections_same_as_the_scan() -> None:
    text = _many_sections(60)
    sections = split_sections(text)
    parens = resp.find_parentheticals(text)
    got = resp._parenthetical_assignments(text, sections, parens)
    assert sum(a.kind == resp.KIND_CARRY for a in got) > 1000
    assert got == _reference_parenthetical_assignments(text, sections, parens)


def test_responsibilities_carried_reads_the_outline_once_not_once_per_carry() -> None:
    """以下均需… in each of 300 sections: the outline is read a few times in all, not per carry."""
    text = _many_sections(300)
    sections = CountingTuple(split_sections(text))
    parens = resp.find_parentheticals(text)
    CountingTuple.reads = 0
    plan = resp._parenthetical_assignments(text, sections, parens)
    assert sum(a.kind == resp.KIND_CARRY for a in plan) > 40_000
    assert CountingTuple.reads <= 3 * len(sections)  # was one pass per carried body: 300 x 900


@pytest.mark.parametrize("seed", range(20))
def test_responsibilities_parentheticals_in_one_section_same_as_the_scan(seed: int) -> None:
    """Many parentheticals, some in one section: scopes as the pairwise scan gave them."""
    rng = random.Random(seed)
    lines = []
    for i in range(rng.randint(1, 120)):
        if rng.random() < 0.2:
            lines.append(f"{NUMERALS[i % 10]}、第{i}部分\n")
        lines.append(f"第{i}项工作要落实。（市发展改革委牵头，市财政局配合）\n" if rng.random() < 0.7
                     else f"推进第{i}项。以下均需各区县人民政府负责落实，不再列出。\n")
    text = "".join(lines)
    sections, parens = split_sections(text), resp.find_parentheticals(text)
    assert resp._parenthetical_assignments(text, sections, parens) == \
        _reference_parenthetical_assignments(text, sections, parens)


@pytest.mark.parametrize("seed", range(30))
def test_sections_ends_and_enclosing_same_as_the_scan(seed: int) -> None:
    rng = random.Random(seed)
    markers = ("一、", "（一）", "1.", "（1）")
    lines = [rng.choice(markers) + f"标题{i}\n" if rng.random() < 0.6 else f"正文{i}。\n" for i in range(80)]
    text = "".join(lines)
    sections = split_sections(text)
    for k, s in enumerate(sections):  # a section ends where one of the same or a higher level starts
        assert s.end == next((t.start for t in sections[k + 1:] if t.level <= s.level), len(text))
    for pos in range(0, len(text) + 1, 3):
        assert enclosing(sections, pos) == [s for s in sections if s.contains(pos)]


def test_frames_look_up_enclosing_sections_only(monkeypatch) -> None:
    """A frame lookup walks up the outline from its position; it does not test every section."""
    text = "".join(f"{NUMERALS[i % 10]}、第{i}部分\n（一）到2025年，指标{i}达到{i}%。\n" for i in range(400))
    frames = read_frames(text, None, 2021)
    calls = {"n": 0}
    real = Section.contains

    def counting(self, pos):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        return real(self, pos)

    monkeypatch.setattr(Section, "contains", counting)
    positions = [text.index(f"指标{i}达到") for i in range(400)]
    for pos in positions:
        frames.at(pos)
    assert calls["n"] <= 4 * len(positions)  # was every section before pos: 400 x 800 / 2


def test_deadlines_target_clauses_same_as_endswith_scan() -> None:
    """5,000 target evidences: holds() answers exactly as one endswith per evidence."""
    rng = random.Random(9)
    alphabet = "节能降耗指标达到以上。%12"
    targets = [Target(indicator="x", value=1.0, unit="%", direction="reach", evidence="".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30))),
                      span=(0, rng.randint(1, 10**6))) for _ in range(5000)]
    doc = Document(id="d", source="s", format="txt", text="")
    doc.targets = targets
    clauses = TargetClauses(doc, Settings())
    evidences = {t.evidence for t in targets}
    text = "".join(rng.choice(alphabet) for _ in range(3000))
    for _ in range(3000):
        start = rng.randrange(len(text))
        clause = Clause(start, min(len(text), start + rng.randint(0, 14)), 0)
        piece = text[clause.start:clause.end]
        expected = clause.end in clauses.ends or any(e.endswith(piece) for e in evidences)
        assert clauses.holds(text, clause) == expected


@pytest.mark.parametrize("seed", range(20))
def test_deadlines_table_spans_as_disjoint_spans(seed: int) -> None:
    rng = random.Random(seed)
    spans = [(a, a + rng.randint(-2, 30)) for a in (rng.randrange(200) for _ in range(rng.randint(0, 12)))]
    merged = _disjoint(spans)
    assert all(a < b < c for (a, b), (c, _) in zip(merged, merged[1:]))
    for pos in range(-1, 240):
        assert any(a <= pos < b for a, b in merged) == any(a <= pos < b for a, b in spans)


@pytest.mark.parametrize("seed", range(20))
def test_scoring_lines_before_same_as_splitting_the_prefix(seed: int) -> None:
    rng = random.Random(seed)
    text = "".join(rng.choice(["附件1", "标题", " ", "\n", "\n\n", "表\t格", "　"]) for _ in range(60))
    doc = Document(id="d", source="s", format="txt", text=text)
    for pos in range(len(text) + 1):
        lines = [ln.strip() for ln in text[:pos].split("\n")]
        assert _lines_before(doc, (pos, pos)) == [ln for ln in lines if ln][-4:]


def test_table_grid_counts_columns_once(monkeypatch) -> None:
    calls = {"n": 0}
    real = Table.n_cols

    def counting(self):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        return real.fget(self)

    monkeypatch.setattr(Table, "n_cols", property(counting))
    table = Table(cells=[Cell(row=r, col=c, text="x") for r in range(500) for c in range(4)])
    assert len(table.grid()) == 500
    assert calls["n"] == 1


@pytest.mark.parametrize("seed", range(10))
def test_responsibilities_sentence_before_same_as_scanning_from_the_top(seed: int) -> None:
    rng = random.Random(seed)
    text = "".join(rng.choice(["各单位", "。", "；", "\n", "落实", "要求" * 40]) for _ in range(200))
    for pos in range(-1, len(text) + 1, 7):
        end = pos  # the sentence a parenthetical at pos closes: its own end is skipped
        while end > 0 and text[end - 1] in resp.CLOSED_SENTENCE_END:
            end -= 1
        start = max((m.end() for m in resp.SENTENCE_END.finditer(text, 0, max(end, 0))), default=0)
        assert resp._sentence_before(text, pos) == text[start:end].strip()[:resp.MAX_TASK_CHARS]


def _as_planned(plan):  # type: ignore[no-untyped-def]
    """What assignment_plan keeps: sorted by scope and evidence, the first of each key."""
    seen, out = set(), []
    for a in sorted(plan, key=lambda a: (a.scope[0], a.evidence[0])):
        if (a.department, a.role, a.evidence, a.task) not in seen:
            seen.add((a.department, a.role, a.evidence, a.task))
            out.append(a)
    return out


def test_responsibilities_carried_repeated_titles_planned_as_before() -> None:
    """Copies of one plan (titles repeat): a carry builds one record per title, the same the plan kept."""
    text = _many_sections(5) * 40
    sections, parens = split_sections(text), resp.find_parentheticals(text)
    got = resp._parenthetical_assignments(text, sections, parens)
    reference = _reference_parenthetical_assignments(text, sections, parens)
    assert len(got) < len(reference) / 5
    assert _as_planned(got) == _as_planned(reference)


# --------------------------------------------------------------------------- memory


def _peak_bytes_per_char(fn, text: str) -> float:  # type: ignore[no-untyped-def]
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        fn(text)
        return (tracemalloc.get_traced_memory()[1] - base) / len(text)
    finally:
        tracemalloc.stop()


def test_mask_dates_memory_per_character() -> None:
    """Dates masked by joining slices: a list of the characters took ~66 bytes a character
    here (two dates in every 35 characters: their matches are most of the ~20 now)."""
    text = "到2025年底，全市单位地区生产总值能耗比2020年下降13.5%。\n" * 30_000 + "x"
    mask_dates.cache_clear()
    assert _peak_bytes_per_char(mask_dates, text) <= 30
    mask_dates.cache_clear()


def test_responsibilities_mask_memory_per_character() -> None:
    text = "按照《节能减排方案》要求，推进节能改造。（市发展改革委牵头，市财政局配合）\n" * 30_000
    spans = [(m.start(), m.end()) for m in re.finditer(r"（[^）]*）", text)]
    assert _peak_bytes_per_char(lambda t: resp._mask(t, spans), text) <= 30  # was ~82


# --------------------------------------------------------------------------- targets, structure


class CountingStr(str):
    """A document text that counts the characters its slices copy."""

    copied = 0

    def __getitem__(self, key):  # type: ignore[no-untyped-def]
        piece = str.__getitem__(self, key)
        if isinstance(key, slice):
            CountingStr.copied += len(piece)
        return piece


def test_targets_copy_a_bounded_share_of_the_text_per_number() -> None:
    """"50%以上的…" in 1,200 sentences: each share test reads after its number in place (it
    sliced the text from the number to the end: 600 texts' worth of characters here)."""
    text = "".join(f"到2025年，推动{i % 90 + 5}%以上的第{i}批公共机构建成节约型机关。\n" for i in range(1200))
    doc = Document(id="d", source="s", format="txt", text=CountingStr(text))
    CountingStr.copied = 0
    targets = extract_targets(doc, Settings())
    assert len(targets) >= 1000
    assert CountingStr.copied <= 20 * len(text)


def test_structure_copies_a_bounded_share_of_the_text_per_table() -> None:
    """A title above each of 400 tables: found from the last lines (it split the whole prefix)."""
    text = "".join(f"第{i}张考核表\n序号\t指标\t分值\n1\t节能{i}\t10\n2\t降耗{i}\t20\n\n正文{i}。\n" for i in range(400))
    doc = Document(id="d", source="s", format="txt", text=CountingStr(text))
    CountingStr.copied = 0
    out = structure(doc, Settings())
    assert sum(t.title is not None for t in out.tables) >= 400
    assert CountingStr.copied <= 20 * len(text)


@pytest.mark.parametrize("seed", range(30))
def test_structure_last_lines_same_as_splitting_the_prefix(seed: int) -> None:
    rng = random.Random(seed)
    text = "".join(rng.choice(["标题", "\n", "\n\n", "表\t格", " "]) for _ in range(rng.randint(0, 40)))
    for end in range(len(text) + 1):
        for n in (1, 3, 7):
            assert _last_lines(text, end, n) == text[:end].split("\n")[-n:]


class CountingSections(tuple):  # type: ignore[type-arg]
    """An outline that counts the sections its reads hand out (slices included)."""

    reads = 0

    def __getitem__(self, key):  # type: ignore[no-untyped-def]
        item = tuple.__getitem__(self, key)
        CountingSections.reads += len(item) if isinstance(key, slice) else 1
        return item


def _reference_review_ends(sections, frames):  # type: ignore[no-untyped-def]
    out = {}
    for i, s in enumerate(sections):
        if frames[s.start].past:
            later = (t.start for t in sections[i + 1:] if t.start < s.end and frames[t.start].plan)
            out[s.start] = next(later, s.end)
    return out


def _random_outline(seed: int, headings: tuple[str, ...], least: int, most: int) -> str:
    """A text of numbered headings drawn at random, each over one line of body text."""
    rng = random.Random(seed)
    return "".join(rng.choice(headings) + f"{i}\n正文{i}。\n" for i in range(rng.randint(least, most)))


@pytest.mark.parametrize("seed", range(30))
def test_frames_review_ends_same_as_the_scan(seed: int) -> None:
    headings = ("一、工作回顾", "一、主要目标", "（一）上年完成情况", "（二）重点任务", "1.过去五年成绩", "第一章 总体要求")
    text = _random_outline(seed, headings, 1, 60)
    sections = frame_module._with_chapters(text, split_sections(text))
    frames = {s.start: frame_module._section_frame(text, s, 2021) for s in sections}
    assert frame_module._review_ends(sections, frames) == _reference_review_ends(sections, frames)


def test_frames_review_ends_read_each_section_a_few_times() -> None:
    text = "".join(f"{NUMERALS[i % 10]}、上年工作回顾{i}\n（一）完成情况{i}\n" for i in range(500))
    sections = CountingSections(split_sections(text))
    frames = {s.start: frame_module._section_frame(text, s, 2021) for s in sections}
    CountingSections.reads = 0
    frame_module._review_ends(sections, frames)
    assert CountingSections.reads <= 3 * len(sections)  # the scan read every later section: 1000 x 500


@pytest.mark.parametrize("seed", range(30))
def test_frames_chapter_ends_same_as_the_scan(seed: int) -> None:
    heads = ("第一章 总则", "第二节 目标", "第三部分 任务", "第四篇 保障", "一、要求", "（一）措施")
    text = _random_outline(seed, heads, 0, 50)
    got = frame_module._with_chapters(text, split_sections(text))
    chapters = [(m.start(), frame_module.CHAPTER_LEVELS[m.group("kind")]) for m in frame_module.CHAPTER.finditer(text)]
    for k, (start, level) in enumerate(chapters):
        end = next((s for s, lv in chapters[k + 1:] if lv <= level), len(text))
        assert any(s.start == start and s.level == level and s.end == end for s in got)


class CountingPattern:
    """A compiled pattern that counts the characters its scans cover."""

    scanned = 0

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self._pattern, self.pattern, self.flags = pattern, pattern.pattern, pattern.flags

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):  # type: ignore[no-untyped-def]
        endpos = len(text) if endpos is None else endpos
        CountingPattern.scanned += max(0, endpos - pos)
        return self._pattern.finditer(text, pos, endpos)

    def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
        return getattr(self._pattern, name)  # sub, search ... on short pieces: not counted


def _many_clause_sentence(n: int) -> str:
    """One sentence of n clauses, a number in each: "到2025年，第0类…达到10万千瓦，第1类…"."""
    return "到2025年，" + "，".join(f"第{i}类设施节能改造达到{i + 10}万千瓦" for i in range(n)) + "。\n"


def test_targets_many_numbers_in_one_sentence_read_it_a_few_times(monkeypatch) -> None:
    """1,600 clauses with a number each: the period, base-year, sentence-lead and past-word
    rules read the sentence once, not once per number (they sliced or scanned its prefix per
    number)."""
    from extract.targets import extractor

    monkeypatch.setattr(extractor, "PERIOD", CountingPattern(extractor.PERIOD))
    monkeypatch.setattr(extractor, "BASELINE_BASE", CountingPattern(extractor.BASELINE_BASE))
    monkeypatch.setattr(frame_module, "SENTENCE_LEAD", CountingPattern(frame_module.SENTENCE_LEAD))
    text = _many_clause_sentence(1600)
    doc = Document(id="d", source="s", format="txt", text=CountingStr(text))
    CountingStr.copied = CountingPattern.scanned = 0
    targets = extract_targets(doc, Settings())
    assert len(targets) == 1600
    assert CountingStr.copied <= 20 * len(text)  # was ~2,400 texts' worth (is_past's prefixes)
    assert CountingPattern.scanned <= 20 * len(text)  # was ~2,400 (a scan of the prefix per number)
