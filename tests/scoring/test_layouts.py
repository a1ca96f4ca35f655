"""Scoring tables in other layouts (issue 13): one case table per class, with negatives.

Classes: three-column tables (category | item | points); weighted multi-level tables (权重 at
each level on its own 100 scale); transposed summaries (labels in one row, points in the
next); prose rubrics with 总分; deduction-only items; a label column plus a description
column (label in ``path``, description in ``content``); subtotal rows; blank points; paths
that never repeat an element.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies

from extract.model import Cell, Document, Table
from extract.scoring.tables import extract_scoring_tables
from extract.settings import Settings

Row = list["str | tuple[str, int, int] | None"]


def _table(rows: list[Row]) -> Table:
    """Cells as text, (text, rowspan, colspan) for a merged anchor, None where covered."""
    cells = []
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            if v is None:
                continue
            text, rs, cs = v if isinstance(v, tuple) else (v, 1, 1)
            cells.append(Cell(row=r, col=c, text=text, rowspan=rs, colspan=cs))
    return Table(cells=cells)


def _items(rows: list[Row], title: str | None = None) -> list[tuple[list[str], float | None]]:
    table = _table(rows)
    table.title = title
    doc = Document(id="x", source="s", format="html", text="", tables=[table])
    return [(i.path, i.points) for st in extract_scoring_tables(doc, Settings()) for i in st.items]


def _tables(rows: list[Row], title: str | None = None):
    table = _table(rows)
    table.title = title
    return extract_scoring_tables(Document(id="x", source="s", format="html", text="", tables=[table]), Settings())


# fmt: off
THREE_COLUMN = [
    # category | item | points, no criteria column
    ([["考核类别", "考核项目", "分值"],
      [("组织保障", 2, 1), "成立工作专班", "10"],
      [None, "制定年度计划", "5"],
      [("工作成效", 1, 1), "完成年度目标任务", "20"]],
     [(["组织保障", "成立工作专班"], 10), (["组织保障", "制定年度计划"], 5), (["工作成效", "完成年度目标任务"], 20)]),
    ([["指标类别", "指标名称", "标准分"],
      [("基础管理", 2, 1), "台账完整", "6"],
      [None, "制度健全", "4"],
      [("创新工作", 1, 1), "形成可复制经验", "10"]],
     [(["基础管理", "台账完整"], 6), (["基础管理", "制度健全"], 4), (["创新工作", "形成可复制经验"], 10)]),
    # a plan's indicator table: years and target values, no points header -> nothing
    ([["指标", "2020年", "2025年目标值", "属性"],
      ["森林覆盖率（%）", "58.3", "60", "约束性"],
      ["单位GDP能耗下降（%）", "—", "13.5", "约束性"],
      ["可再生能源装机（万千瓦）", "320", "800", "预期性"]],
     []),
    ([["序号", "项目名称", "总投资（亿元）"],
      ["1", "城区污水管网改造", "3.5"],
      ["2", "垃圾焚烧发电厂", "6.2"],
      ["3", "农村供水保障工程", "2.1"]],
     []),
]
# fmt: on


@pytest.mark.parametrize(("rows", "expected"), THREE_COLUMN)
def test_layouts_three_column_tables(rows: list[Row], expected: list) -> None:
    assert _items(rows) == expected


# fmt: off
WEIGHTED = [
    ([["一级指标", "权重", "二级指标", "分值", "三级指标", "计量单位", "目标值(标准)", "分值"],
      [("项目决策", 2, 1), ("30", 2, 1), ("项目立项", 1, 1), ("40", 1, 1), "立项依据充分性", "是/否", "是", "40"],
      [None, None, ("绩效目标", 1, 1), ("60", 1, 1), "绩效目标合理性", "是/否", "是", "60"],
      [("项目效益", 1, 1), ("70", 1, 1), ("社会效益", 1, 1), ("100", 1, 1), "群众满意度", "%", "90%", "100"],
      ["总分", "100", None, None, None, None, None, None]],
     [(["项目决策", "项目立项", "立项依据充分性"], 40), (["项目决策", "绩效目标", "绩效目标合理性"], 60),
      (["项目效益", "社会效益", "群众满意度"], 100)],
     []),
    # sub-categories of a weighted level that do not reach its own 100: said so
    ([["一级指标", "权重", "二级指标", "分值", "三级指标", "分值"],
      [("产出", 2, 1), ("60", 2, 1), ("产出数量", 1, 1), ("50", 1, 1), "完成率", "50"],
      [None, None, ("产出质量", 1, 1), ("30", 1, 1), "合格率", "30"],
      [("效益", 1, 1), ("40", 1, 1), ("社会效益", 1, 1), ("100", 1, 1), "满意度", "100"]],
     [(["产出", "产出数量", "完成率"], 50), (["产出", "产出质量", "合格率"], 30), (["效益", "社会效益", "满意度"], 100)],
     ["产出: weight 60 is over its own scale of 100, sub-categories sum to 80"]),
]
# fmt: on


@pytest.mark.parametrize(("rows", "expected", "notes"), WEIGHTED)
def test_layouts_weighted_levels_on_their_own_scale(rows: list[Row], expected: list, notes: list[str]) -> None:
    (st,) = _tables(rows)
    assert [(i.path, i.points) for i in st.items] == expected
    assert st.inconsistencies == notes


def test_layouts_target_value_is_the_criterion_of_a_performance_row() -> None:
    (st,) = _tables(WEIGHTED[0][0])
    assert [(c.text, c.points) for c in st.items[2].criteria] == [("90%", 100)]


# fmt: off
TRANSPOSED = [
    ([[("某中学班级考核细则", 1, 4), None, None, None],
      ["1组织建设", "2活动开展", "3志愿服务", "合计"],
      ["20", "50", "30", "100"],
      ["1（满分20分）", ("按时召开班会的得5分，未开展的0分", 1, 3), None, None]],
     [(["组织建设"], 20), (["活动开展"], 50), (["志愿服务"], 30)]),
    ([["考核评分表", None, None, None],
      ["安全生产", "环境保护", "信访维稳", "总分"],
      ["40", "35", "25", "100"]],
     [(["安全生产"], 40), (["环境保护"], 35), (["信访维稳"], 25)]),
    # an allocation table has the same shape but never says it scores -> nothing
    ([["各县任务分配", None, None, None],
      ["甲县", "乙县", "丙县", "合计"],
      ["40", "35", "25", "100"]],
     []),
    # a scoring word but numbers that do not add up to the total and no 满分 detail -> nothing
    ([["评分汇总", None, None, None],
      ["一季度", "二季度", "三季度", "合计"],
      ["40", "35", "25", "120"]],
     []),
]
# fmt: on


@pytest.mark.parametrize(("rows", "expected"), TRANSPOSED)
def test_layouts_transposed_summaries(rows: list[Row], expected: list) -> None:
    assert _items(rows) == expected


def test_layouts_transposed_detail_row_gives_criteria() -> None:
    (st,) = _tables(TRANSPOSED[0][0])
    assert st.total_points == 100
    assert [(c.text, c.points) for c in st.items[0].criteria] == [("按时召开班会的", 5), ("未开展的", 0)]


def _prose(text: str) -> list[tuple[list[str], float | None]]:
    doc = Document(id="x", source="s", format="txt", text=text)
    return [(i.path, i.points) for st in extract_scoring_tables(doc, Settings()) for i in st.items]


# fmt: off
PROSE = [
    ("（一）年度考核评分办法总分为100分。1.组织领导，成立领导小组的得10分，制定方案的得10分。"
     "2.工作推进，按期完成任务的得30分。3.创新成效，获省级表彰的加20分，获市级表彰的加10分。（二）结果运用。",
     [(["年度考核评分办法", "组织领导"], 20), (["年度考核评分办法", "工作推进"], 30),
      (["年度考核评分办法", "创新成效"], 20)]),
    ("二、考核细则满分为50分\n1.信息报送，每迟报一次扣2分。\n2.资金管理，完成当年目标的得基本分30分，超额10%的加5分，超额20%的加10分。\n",
     [(["考核细则", "信息报送"], None), (["考核细则", "资金管理"], 40)]),
    # 总分 named, but the numbered paragraphs carry no points -> nothing
    ("考核总分为100分，具体办法另行制定。1.各单位要高度重视。2.各单位要加强协调。", []),
    # points without a stated 总分 -> nothing (left to tables)
    ("1.成立领导小组的得10分。2.制定方案的得10分。", []),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), PROSE)
def test_layouts_prose_rubrics_with_a_total(text: str, expected: list) -> None:
    assert _prose(text) == expected



# fmt: off
DEDUCTIONS = [
    # deductions only: no maximum stated -> null; criteria keep their magnitude, kind deduction
    ("未按时报送统计报表的，每次扣2分。", None, [(2, "deduction")]),
    ("无故迟到、早退，每次扣5分。经查确有教学事故者扣5分。", None, [(5, "deduction"), (5, "deduction")]),
    ("其他违规事件经评定，其扣分上限20分。", None, [(20, "deduction")]),
    # bonuses under a stated limit -> the limit
    ("获国际性奖加30分，全国性奖加25分，入围者加5分，最高上限30分。", 30, [(30, "bonus"), (25, "bonus"), (5, "bonus")]),
    # per-unit bonus without a limit -> null
    ("经系所推荐者，每次加1分。", None, [(1, "bonus")]),
    ("国际证照加40分/人，乙级加10分/人。", None, [(40, "bonus"), (10, "bonus")]),
    # exclusive bonuses -> the top one
    ("获选优秀教师者加10分，入围而未获选者加5分。", 10, [(10, "bonus"), (5, "bonus")]),
    # plain awards -> their sum
    ("建立制度的得3分，设置岗位的得2分。", 5, [(3, None), (2, None)]),
]
# fmt: on


@pytest.mark.parametrize(("criteria_text", "points", "criteria"), DEDUCTIONS)
def test_layouts_item_points_as_its_text_states(criteria_text: str, points: float | None, criteria: list) -> None:
    rows: list[Row] = [["评鉴项目", "评分细项及标准"], ["教学规范", criteria_text], ["教学成果", "获奖的得5分。"]]
    (st,) = _tables(rows, title="教师教学评分标准")
    item = st.items[0]
    assert item.points == points
    assert [(c.points, c.kind) for c in item.criteria] == criteria


# fmt: off
CONTENT = [
    ([["考核项目", "考核内容", "分值"],
      ["组织机构", "成立由主要负责同志任组长的工作领导小组，明确分管领导和专职工作人员", "10"],
      ["制度建设", "制定年度工作计划和考核办法，建立工作台账并按季度报送工作进展情况", "10"]],
     [(["组织机构"], "成立由主要负责同志任组长的工作领导小组，明确分管领导和专职工作人员"),
      (["制度建设"], "制定年度工作计划和考核办法，建立工作台账并按季度报送工作进展情况")]),
    # two short label columns: both stay in the path, no content
    ([["考核类别", "考核内容", "评分标准", "分值"],
      [("基础工作", 2, 1), "能源计量", "配备计量器具的得2分。", "2"],
      [None, "统计报送", "按时报送的得3分。", "3"]],
     [(["基础工作", "能源计量"], None), (["基础工作", "统计报送"], None)]),
]
# fmt: on


@pytest.mark.parametrize(("rows", "expected"), CONTENT)
def test_layouts_label_in_path_description_in_content(rows: list[Row], expected: list) -> None:
    (st,) = _tables(rows, title="考核评分表")
    assert [(i.path, i.content) for i in st.items] == expected


# fmt: off
SUBTOTAL_AND_BLANK = [
    # a 小计 row is not an item
    ([["考核指标", "考核内容", "分值"],
      [("组织领导", 3, 1), "成立领导小组", "5"],
      [None, "制定实施方案", "5"],
      [None, "小计", "10"],
      [("宣传教育", 1, 1), "开展宣传活动", "6"]],
     [(["组织领导", "成立领导小组"], 5), (["组织领导", "制定实施方案"], 5), (["宣传教育", "开展宣传活动"], 6)], []),
    # a blank points cell: null and a note, never the category's 20 nor a guess from criteria
    ([["考核指标", "考核内容", "评分标准", "分值"],
      [("组织领导（20分）", 2, 1), "成立领导小组", "成立的得10分。", "10"],
      [None, "制定实施方案", "制定的得10分。", ""],
      [("宣传教育（6分）", 1, 1), "开展宣传活动", "开展的得6分。", "6"]],
     [(["组织领导", "成立领导小组"], 10), (["组织领导", "制定实施方案"], None), (["宣传教育", "开展宣传活动"], 6)],
     ["组织领导>制定实施方案: points cell is blank"]),
    # a points cell merged over two items belongs to neither
    ([["考核指标", "考核内容", "评分标准", "分值"],
      [("组织领导", 2, 1), "成立领导小组", "成立的得5分。", ("10", 2, 1)],
      [None, "制定实施方案", "制定的得5分。", None],
      [("宣传教育", 1, 1), "开展宣传活动", "开展的得6分。", "6"]],
     [(["组织领导", "成立领导小组"], 10), (["组织领导", "制定实施方案"], None), (["宣传教育", "开展宣传活动"], 6)],
     ["组织领导>制定实施方案: points cell is blank"]),
]
# fmt: on


@pytest.mark.parametrize(("rows", "expected", "notes"), SUBTOTAL_AND_BLANK)
def test_layouts_subtotal_rows_and_blank_points(rows: list[Row], expected: list, notes: list[str]) -> None:
    (st,) = _tables(rows)
    assert [(i.path, i.points) for i in st.items] == expected
    assert [n for n in st.inconsistencies if "blank" in n] == notes


# fmt: off
NO_REPEAT = [
    # a cell spanning the two path columns names one level
    ([["考核指标", "考核内容", "评分标准", "分值"],
      [("加分项目", 1, 2), None, "获国家级表彰的得5分。", "5"],
      ["基础工作", "台账管理", "台账完整的得3分。", "3"]],
     [["加分项目"], ["基础工作", "台账管理"]]),
    ([["评价单元", "评价项目", "评价标准", "分值"],
      [("否决项", 1, 2), None, "发生重大安全事故的得0分。", "0"],
      ["节能管理", "能源审计", "开展能源审计的得2分。", "2"],
      ["节能管理", "节能改造", "实施节能改造的得2分。", "2"]],
     [["否决项"], ["节能管理", "能源审计"], ["节能管理", "节能改造"]]),
]
# fmt: on


@pytest.mark.parametrize(("rows", "paths"), NO_REPEAT)
def test_layouts_paths_never_repeat_an_element(rows: list[Row], paths: list) -> None:
    (st,) = _tables(rows)
    assert [i.path for i in st.items] == paths


# fmt: off
TOTAL_STATEMENTS = [
    ("（一）绩效考评具体考评方式总分为100分", ("绩效考评具体考评方式", "100")),
    ("二、加分项总分为15分", ("加分项", "15")),
    ("考核内容 总分 100分", ("考核内容", "100")),
    ("指标" + "\t" * 3000 + "分值", None),   # a row of table tabs: no statement, and no minutes spent
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), TOTAL_STATEMENTS)
def test_prose_total_statement_is_linear_on_tab_runs(text: str, expected: tuple[str, str] | None) -> None:
    import time

    from extract.scoring.prose import TOTAL_STATEMENT

    start = time.perf_counter()
    m = TOTAL_STATEMENT.search(text)
    assert (m.groups() if m else None) == expected
    assert time.perf_counter() - start < 1.0  # it took minutes on a 2000-tab row (torture gridspan_huge)


_STATEMENT_PIECES = ["（一）", "二、", "十一、", "考核", "评分办法", "总分", "满分", "值", "为", "是", " ", "\t", "\n",
                     "100", "15.5", "分", "，", "。", "（", "得10分", "1.", "甲" * 29]


@settings(max_examples=300, deadline=None)
@given(strategies.lists(strategies.sampled_from(_STATEMENT_PIECES), max_size=40))
def test_prose_total_statements_only_near_a_keyword_equal_finditer(pieces: list[str]) -> None:
    """Trying starts only within reach of 总分/满分 finds exactly what the full scan finds."""
    from extract.scoring.prose import TOTAL_STATEMENT, _total_statements

    text = "".join(pieces)
    assert [(m.span(), m.groups()) for m in _total_statements(text)] == \
        [(m.span(), m.groups()) for m in TOTAL_STATEMENT.finditer(text)]
