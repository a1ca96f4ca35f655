"""The bulk probe's judgements: text quality, fragment names, coverage."""

from __future__ import annotations

import pytest

from extract.evaluate.probe import (
    FURNITURE_LINE,
    _inside_longer_name,
    count_broken_lines,
    count_space_runs,
    coverage_of,
    format_report,
    fragment_reason,
    probe_document,
    totals,
)
from extract.model import Document, Responsibility

# fmt: off
BROKEN_CASES = [
    ("各地区要按照本方案的要求结合实际制定具体实施\n方案，明确责任分工。", 1),
    ("各地区要按照本方案的要求结合实际制定具体实施方案。\n明确责任分工。", 0),
    ("一、总体要求\n坚持节约优先。", 0),                          # a short heading line
    ("各地区要按照本方案的要求结合实际制定具体实施\n（一）加强组织领导。", 0),  # next line is a heading
    ("各地区要按照本方案的要求结合实际制定具体实施\n2025年底前完成。", 0),     # next line opens with a digit
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), BROKEN_CASES)
def test_probe_counts_lines_broken_mid_sentence(text: str, expected: int) -> None:
    assert count_broken_lines(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("推进 绿色发展", 1), ("推进\u3000绿色", 1), ("推进\t绿色发展", 1), ("推进绿色发展", 0), ("2025 年", 0),
    ("GDP 增长", 0), ("碳库\t是否选择\t理由或解释", 0),  # a table row: tabs are cell boundaries
])
def test_probe_finds_whitespace_runs_inside_chinese(text: str, expected: int) -> None:
    assert count_space_runs(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("正文\n— 3 —\n正文", 1), ("正文\n- 12 -\n", 1), ("第 2 页 共 9 页", 1), ("3/9", 1),
    ("到2025年下降3%", 0), ("（3）加强监管", 0),
])
def test_probe_finds_page_furniture_left_in_the_body(text: str, expected: int) -> None:
    assert len(FURNITURE_LINE.findall(text)) == expected


# fmt: off
FRAGMENT_CASES = [
    # (text, name, is a fragment)
    ("省住房和城乡建设厅负责组织实施。", "设厅", True),
    ("省住房和城乡建设厅负责组织实施。", "乡建设厅", True),
    ("省住房和城乡建设厅负责组织实施。", "省住房和城乡建设厅", False),
    ("各地区各有关部门要强化责任落实。", "各有关部门", False),         # a determiner starts a name
    ("相关上市公司和发债企业要披露信息。", "发债企业", False),         # joined by 和, not cut
    ("由市财政局会同市发展改革委负责。", "和市财政局", True),          # opens with a function word
    ("市政府成立了节能工作领导小组。", "节能工作领导小组", False),     # a particle ends the phrase before
    ("本办法由生态环境部负责解释。", "生态环境部", False),            # a preposition before the name
    ("第四条广东省生态环境厅负责监督。", "广东省生态环境厅", False),   # an article number before it
    ("请四川省财政厅、四川省科技厅配合。", "省财政厅", True),          # the place cut off its name
    # a verb that sets a body up, or 或者, ends the phrase before the name
    ("省国资委成立省国资系统碳达峰碳中和工作领导小组，加强统筹。", "省国资系统碳达峰碳中和工作领导小组", False),
    # a verb naming the group's role ends the phrase before it (session 7: leading-group frames)
    ("充分发挥市应对气候变化领导小组的组织领导作用。", "市应对气候变化领导小组", False),
    ("强化省碳达峰碳中和工作领导小组对能耗双控任务的领导。", "省碳达峰碳中和工作领导小组", False),
    ("市政府设立市节能监察中心，负责监察。", "市节能监察中心", False),
    ("其权利义务由合并后存续单位或者新设单位承继。", "新设单位", False),
    ("省国资委成立省国资系统碳达峰碳中和工作领导小组，加强统筹。", "资系统碳达峰碳中和工作领导小组", True),
]
# fmt: on


@pytest.mark.parametrize(("text", "name", "fragment"), FRAGMENT_CASES)
def test_probe_fragment_names(text: str, name: str, fragment: bool) -> None:
    reason = fragment_reason(name, text, _inside_longer_name(text))
    assert (reason is not None) == fragment, reason


def _doc(text: str, spans: list[tuple[int, int]]) -> Document:
    doc = Document(id="x", source="x.txt", format="txt", text=text)
    doc.responsibilities = [Responsibility(department="市财政局", role="lead", task="t",
                                           evidence=text[s:e], span=(s, e)) for s, e in spans]
    return doc


def test_probe_coverage_counts_parentheticals_and_clauses() -> None:
    text = "（一）加快转型（市发展改革委牵头，市财政局配合）。由市生态环境局负责监督。各地要落实。"
    paren = text.index("（市")
    found = coverage_of(_doc(text, [(paren, paren + 5)]))["responsibilities"]
    assert (found.found, found.expected) == (1, 2)
    assert found.misses == ["由市生态环境局负责"]
    none = coverage_of(_doc(text, []))["responsibilities"]
    assert (none.found, none.expected) == (0, 2)


@pytest.mark.parametrize(("text", "expected"), [
    ("到2025年，单位GDP能耗下降13.5%。", 1),
    ("到2025年，基本形成绿色低碳循环发展的经济体系。", 0),    # no number: no target expected
    ("2020年单位GDP能耗下降5%。", 0),                       # no 到20XX年: a result, not probed
])
def test_probe_target_clauses_expected(text: str, expected: int) -> None:
    assert coverage_of(_doc(text, []))["targets"].expected == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("请于2024年3月31日前报送工作总结。", 1), ("6月底前完成验收。", 1), ("提前完成任务。", 0),
])
def test_probe_deadline_clauses_expected(text: str, expected: int) -> None:
    assert coverage_of(_doc(text, []))["deadlines"].expected == expected


def test_probe_report_on_processed_seeds(processed_seeds: dict) -> None:
    probes = [probe_document(d) for d in processed_seeds.values()]
    t = totals(probes)
    assert t["documents"] == 5 and t["failures"] == 0
    assert t["fragments"] == 0, [p.fragments for p in probes]
    report = format_report(probes)
    assert report.startswith("# Bulk probe") and "## Per document" in report


@pytest.mark.parametrize(("text", "expected"), [
    ("由市生态环境局负责监督。", 1),
    ("（市发展改革委牵头，市财政局配合）", 1),
    ("鼓励龙头企业牵头组建创新联合体。", 0),      # FORMAT v2: encouraged bodies hold no duty
    ("支持企业牵头承担国家科技项目。", 0),
    ("项目负责人不得牵头申报两个项目。", 0),       # a prohibition is no duty
    # 牵头单位 / 负责人 are nouns: a column header or a list item, a person
    ("明确具体任务、工作措施、牵头单位、责任分工等事项。", 0),
    ("\t重点任务\t完成时限\t牵头单位\n", 0),
    ("（组织机构指：明确管理层职责，指定一名高级管理人员作为核查工作负责人）", 0),
    ("市住房城乡建设局牵头单位名单另行公布，由市财政局负责审核。", 1),
])
def test_probe_responsibility_clauses_expected(text: str, expected: int) -> None:
    assert coverage_of(_doc(text, []))["responsibilities"].expected == expected


def test_probe_judges_only_names_written_in_their_evidence() -> None:
    from extract.evaluate.probe import record_names

    text = "（责任单位：四川省经济和信息化厅、省发展改革委、科技厅）"
    doc = _doc(text, [(0, len(text))])
    doc.responsibilities[0].department = "省科技厅"      # built by the forward prefix rule
    assert record_names(doc) == set()
    doc.responsibilities[0].department = "省发展改革委"  # written as such
    assert record_names(doc) == {"省发展改革委"}
