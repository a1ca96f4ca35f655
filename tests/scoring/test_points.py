"""Points grammar on real rubric wording."""

from __future__ import annotations

import pytest

from extract.scoring import points as P


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“十三五”节能目标(20分）", ("“十三五”节能目标", 20)),
        ("一、低碳组织管理（20分）", ("低碳组织管理", 20)),
        ("强化目标管理 (9分)", ("强化目标管理", 9)),
        ("1.建立低碳社区推进工作小组，有专职工作人员负责（5分）", ("建立低碳社区推进工作小组，有专职工作人员负责", 5)),
        ("节能工作运行机制", ("节能工作运行机制", None)),
    ],
)
def test_heading_points(text: str, expected: tuple[str, float | None]) -> None:
    assert P.heading_points(text) == expected


@pytest.mark.parametrize(
    ("text", "points"),
    [
        # additive clauses
        ("1. 明确负责推进节约型机关建设的组织机构，得1分 2. 明确节约能源资源工作的管理机构和工作职责，得2分", [1, 2]),
        ("制定节约型机关创建实施方案，得 2 分；制定节约能源资源实施方案，并明确年度节约能源资源目标，得 2 分。", [2, 2]),
        # per-unit award with a cap: the cap is the clause's points
        ("制定落实能源资源消费统计等节约能源资源管理制度，每项得 1 分，最高得 5 分。", [5]),
        ("组织开展形式多样的宣传实践活动,开展1项活动得2分,累计最高得4分。", [4]),
        ("组织实施合同能源管理项目，每项得1分（最高4分）。", [4]),
        ("每个单项得0.5分，（满分1.5分）；", [1.5]),
        # tiers
        ("建立工作小组，且岗位分工合理的得5分；建立工作小组，但未进行岗位分工的得2.5分；未建工作小组的得0分；", [5, 2.5, 0]),
        ("所占比例较上年增加，得2分；持平的，得1分；下降的，不得分。", [2, 1, 0]),
        # points in parentheses, bonus and deduction
        ("节能管理机构配备到位，（2分）；节能专职管理人员配备到位，（2分）；", [2, 2]),
        ("提供能源审计开展计划的，得3分。已自我组织开展能源审计的，附加2分。", [3, 2]),
        ("发现一处问题扣1分，扣完为止。", [1, None]),  # the unscored tail stays a clause
        # nothing scored: one unscored clause
        ("完成上级主管部门下达的年度指标，或者能耗指标参照《党政机关能耗定额》执行。", [None]),
        ("会议时间为10分钟。", [None]),
    ],
)
def test_scored_clauses(text: str, points: list[float | None]) -> None:
    assert [c.points for c in P.scored_clauses(text)] == points


def test_clause_kinds() -> None:
    kinds = [c.kind for c in P.scored_clauses("提供计划的，得3分；已自我组织开展能源审计的，附加2分；发现问题扣1分。")]
    assert kinds == ["award", "bonus", "deduct"]


@pytest.mark.parametrize(
    ("raw", "kind", "expected"),
    [
        ("1. 制定节约型机关创建实施方案，得 2 分；", "award", "制定节约型机关创建实施方案"),
        ("2.更新公务用车优先采购新能源汽车，得3分。", "award", "更新公务用车优先采购新能源汽车"),
        ("3. 在新闻媒体报道经验做法,每次得1分,最高得2分。", "capped", "在新闻媒体报道经验做法,每次得1分,最高得2分"),
        ("（1）下降的，不得分。", "award", "下降的"),
    ],
)
def test_criterion_text(raw: str, kind: str, expected: str) -> None:
    assert P.criterion_text(raw, kind) == expected


@pytest.mark.parametrize(
    ("method", "best", "bonus"),
    [
        ("落实节能审查或能评报告意见要求100%，得4分；所属企业经责令整改的，得2分；拒不配合的，不得分。", 4, 0),
        ("提供能源审计开展计划的，得3分；提供节能规划工作的，得2分。已自我组织开展能源审计的，附加2分。", 3, 2),
        ("核查相关文件及资料。", None, 0),
    ],
)
def test_max_promise(method: str, best: float | None, bonus: float) -> None:
    assert P.max_promise(method) == (best, bonus)


def test_strip_tags_keeps_paragraphs() -> None:
    assert P.strip_tags("<p>1. 甲，得2分。</p> <p>2. 乙，得1分。</p>") == "1. 甲，得2分。\n2. 乙，得1分。"


@pytest.mark.parametrize(("text", "value"), [("10", 10), (" 2.5 ", 2.5), ("5分", 5), ("总分", None), ("", None)])
def test_number(text: str, value: float | None) -> None:
    assert P.number(text) == value


@pytest.mark.parametrize(
    ("text", "method", "rest"),
    [
        # a PDF 评价方法 cell: how it is checked, then (no punctuation) what earns points
        ("查阅相关文件材料建立工作小组，且岗位分工合理的得5分；", "查阅相关文件材料", "建立工作小组，且岗位分工合理的得5分；"),
        ("查阅相关文件材料，现场检查，交流访谈已成立“低碳志愿者”队伍的，得4分；",
         "查阅相关文件材料，现场检查，交流访谈", "已成立“低碳志愿者”队伍的，得4分；"),
        ("现场检查查阅相关培训记录社区内建有长期性低碳活动基地", "现场检查查阅相关培训记录", "社区内建有长期性低碳活动基地"),
        ("现场访谈查阅文件社区内有低碳交通工具", "现场访谈查阅文件", "社区内有低碳交通工具"),
        ("查阅相关文件材料低碳社区档案齐全的，得5分", "查阅相关文件材料", "低碳社区档案齐全的，得5分"),
        # criteria that merely start with a checking word keep it
        ("检查发现问题的，扣1分", None, "检查发现问题的，扣1分"),
        ("座谈会召开的，得2分", None, "座谈会召开的，得2分"),
        ("访谈记录齐全的，得2分", None, "访谈记录齐全的，得2分"),
        ("抽查合格率达到90%的，得2分", None, "抽查合格率达到90%的，得2分"),
        ("完成年度节能目标的，得10分", None, "完成年度节能目标的，得10分"),
        ("现场检查", None, "现场检查"),  # nothing follows: it is the criterion
    ],
)
def test_check_method_prefix(text: str, method: str | None, rest: str) -> None:
    found, cut = P.check_method_prefix(text)
    assert (found, text[cut:]) == (method, rest)


def test_deduction_kind_keeps_magnitude() -> None:
    """points.py reports the magnitude; scoring.py turns a deduct clause into a negative criterion."""
    (award, deduct, tail) = P.scored_clauses("按时报送的，得3分；每迟报一次扣1分；扣完为止。")
    assert (award.kind, award.points) == ("award", 3)
    assert (deduct.kind, deduct.points) == ("deduct", 1)
    assert tail.points is None


# fmt: off
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # row limits: 最高上限 / 加分上限 / 扣分上限 / per-unit 之上限
        ("获国际性奖加30分，入围者加5分，最高上限30分。", [(30, "bonus"), (5, "bonus"), (30, "limit")]),
        ("经校教评会评定，其扣分上限20分。", [(20, "limit")]),
        ("研议给分，每个子计划之上限为30分。", [(30, "limit")]),
        # bonuses and deductions written with signs and per-unit suffixes
        ("一等奖+1分/次，二等奖+0.7分/次", [(1, "bonus"), (0.7, "bonus")]),
        ("受到通报批评的-1分/人次，每严重一级再-1分/人次", [(1, "deduct"), (1, "deduct")]),
        ("国际证照加40分/人，乙级加10分/人。", [(40, "bonus"), (10, "bonus")]),
        # tiers: the clause is worth its top tier
        ("每项根据表现按梯度分别赋分1.5、2、2.5、3分，未开展工作的0分", [(3, "award"), (0, "award")]),
        ("其他社会实践视具体情况赋分0、1、2、3分", [(3, "award")]),
        # a base award
        ("完成当年目标数的部门得基本分80分，超额10%的加5分。", [(80, "award"), (5, "bonus")]),
        # explicit zeros of a deduction row
        ("每科目扣1分，已按规定缴交者不予扣分。", [(1, "deduct"), (0, "award")]),
        ("每缺1天扣2分。公务需求以系主任同意者不扣分。", [(2, "deduct"), (0, "award")]),
        # not points phrases: 增加2分 is a rise of an evaluation score, -0% a target value
        ("评量成绩平均每增加2分者加1分。", [(1, "bonus")]),
        ("结转结余资金率-0%", [(None, "none")]),
    ],
)
# fmt: on
def test_points_limits_signs_tiers_and_base(text: str, expected: list) -> None:
    assert [(c.points, c.kind) for c in P.scored_clauses(text)] == expected


@pytest.mark.parametrize(
    ("text", "per_unit"),
    [("当年度每案加5分", True), ("国际证照加40分/人", True), ("每名加3分", True),
     ("获选杰出教学教师者加10分", False), ("每项得1分，最高得5分", False)],
)
def test_points_per_unit(text: str, per_unit: bool) -> None:
    assert bool(P.PER_UNIT.search(text)) is per_unit


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("80.21%", "80.21%"), ("1.建立工作机制", "建立工作机制"), ("12.5人/10万人", "12.5人/10万人")],
)
def test_points_enumerator_is_not_a_decimal(raw: str, expected: str) -> None:
    """Regression: "80.21%" lost "80." as if it were the enumerator "80."."""
    assert P.criterion_text(raw, "none") == expected
