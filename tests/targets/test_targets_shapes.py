"""Targets in other shapes (issue 13): value statements without a verb, "N个A、M个B" and
"A、B…达到V" (one target per conjunct), verbs outside the first direction table (新建, 节约,
引进, 投运), "低于基期的N%以上", targets through the noun 目标, 拟 figures, bare counts after
推动/完成/安排, rates "按N%配建", and sizes of what is built.

Sentences are written in the style of municipal 十四五 plans, energy plans and
investment-promotion opinions; the last rows of each table must give nothing.
"""

from __future__ import annotations

import pytest


def _fields(targets: list[dict]) -> list[tuple]:
    return [(t["value"], t["unit"], t["direction"], t["qualifier"], t["deadline"]) for t in targets]


# fmt: off
# (sentence, [(value, unit, direction, qualifier, deadline)])
VERBLESS = [
    # a value statement coordinated after a verb-bearing target, or alone in a dated goal
    ("到2025年，新能源汽车保有量60万辆，力争达到80万辆。",
     [(60, "万辆", "reach", None, "2025"), (80, "万辆", "reach", None, "2025")]),
    ("到2025年，建成垃圾发电厂2座，浅层地温能利用项目10个。",
     [(2, "座", "reach", None, "2025"), (10, "个", "reach", None, "2025")]),
    ("到2025年，全市充（换）电站3000座、充电桩16万个以上。",
     [(3000, "座", "reach", None, "2025"), (16, "万个", "reach", "at_least", "2025")]),
    ("“十四五”期间，累计引进省外内资10000亿元，引进世界500强项目100个。",
     [(10000, "亿元", "reach", None, None), (100, "个", "reach", None, None)]),
    ("计划年度投资800亿元（同比增长5%）。", [(800, "亿元", "reach", None, None)]),
    # an expected-goals section dates its items through its lead "到2025年，"
    ("二、主要目标\n到2025年，绿色制造水平明显提升。\n——绿色制造体系日趋完善。绿色工业园区占比50%以上，创建绿色工厂200家以上。",
     [(50, "%", "reach", "at_least", "2025"), (200, "家", "reach", "at_least", "2025")]),
    # a measure noun, 约, its level: size and investment of a plan period (b573, b574, b561)
    ("到2025年，全区发电装机总规模约2.71亿千瓦。", [(2.71, "亿千瓦", "reach", "about", "2025")]),
    ("“十四五”期间，全区电力投资总规模约7000亿元。其中，煤电投资约1000亿元。",
     [(7000, "亿元", "reach", "about", None), (1000, "亿元", "reach", "about", None)]),
    # a level after a measure noun, also when a verb opens the phrase ("新增和更新…占比", b199)
    ("到2025年，新增和更新公交车辆新能源及清洁能源占比100%。", [(100, "%", "reach", None, "2025")]),
    # 及以上 closing a goal qualifies it; before a noun it sizes a class (b569)
    ("到2025年，森林覆盖率提高至57%及以上。", [(57, "%", "reach", "at_least", "2025")]),
    ("到2025年，淘汰65蒸吨/小时及以上燃煤锅炉。", []),
    # a rule's condition ("当…时") sets no target (b036)
    ("调整规则如下。即当重点排放单位配额缺口量占其经核查排放量比例超过20%时，予以调整。", []),
    # a duration is a target when the indicator measures time (b574, b016), not a time limit
    ("到2025年，农村地区用户年均停电时间不超过15小时。", [(15, "小时", "cap", "at_most", "2025")]),
    ("到2025年，跨省跨区直流输电通道平均利用小时数力争达到4500小时以上。",
     [(4500, "小时", "reach", "at_least", "2025")]),
    ("到2025年，落后产能淘汰时限不超过3年。", []),
    # nothing: undated descriptions, a grade after a non-goal verb, a project's own size
    ("全市现有充电桩3000个。", []),
    ("该项目总投资50亿元。", []),
    ("到2025年，省控断面基本消除劣Ⅴ类。", []),
]

CONJUNCTS = [
    ("到2025年，全市规划新建6个500千伏、25个220千伏输变电项目。",
     [(6, "个", "reach", None, "2025"), (25, "个", "reach", None, "2025")]),
    ("为未就业毕业生提供至少1次政策宣介、1次职业指导、3次岗位推荐及1次培训机会。",
     [(1, "次", "reach", "at_least", None), (1, "次", "reach", None, None),
      (3, "次", "reach", None, None), (1, "次", "reach", None, None)]),
    ("“十四五”期间力争建成10个国家级、100个省级农村产业融合示范园。",
     [(10, "个", "reach", None, None), (100, "个", "reach", None, None)]),
    ("实现配网10千伏线路联络率、标准接线率、线路转供率100%。",
     [(100, "%", "reach", None, None)] * 3),
    # nothing: a list size after 等 with no goal verb, a size class
    ("与交通银行等7家金融机构签订合作协议。", []),
    ("打造滨海3000兆瓦级新能源基地。", []),
]

VERBS = [
    ("新建200家国家和省级绿色工厂。", [(200, "家", "reach", None, None)]),
    ("到2025年，新建改造城镇燃气管道400公里。", [(400, "公里", "reach", None, "2025")]),
    ("到2025年，节约标准煤100万吨。", [(100, "万吨", "reach", None, "2025")]),
    ("2025年，全市投运分布式综合能源服务项目10个以上。", [(10, "个", "reach", "at_least", "2025")]),
    ("到2025年，单位产品能耗低于基期的10%以上。", [(10, "%", "decrease", "at_least", "2025")]),
    ("全县生产总值预期增长目标7%左右。", [(7, "%", "increase", "about", None)]),
    ("全县规上工业增加值增速高于全省6%的目标。", [(6, "%", "floor", "at_least", None)]),
    ("拟安排重大项目120个。", [(120, "个", "reach", None, None)]),
    ("推动100家企业开展清洁生产审核。", [(100, "家", "reach", None, None)]),
    ("全省“十四五”新增能耗总量不能突破3550万吨标煤。", [(3550, "万吨标煤", "cap", "at_most", None)]),
    ("规上工业增加值占全省比重超75%。", [(75, "%", "reach", "at_least", None)]),
    ("到2025年，电子信息产业规模过万亿。", [(1, "万亿", "reach", "at_least", "2025")]),
    ("到2025年，城市公共供水管网漏损率小于10%，CO2转化利用率≥90%。",
     [(10, "%", "cap", "at_most", "2025"), (90, "%", "floor", "at_least", "2025")]),
    ("完成建筑面积100万平方米以上。", [(100, "万平方米", "reach", "at_least", None)]),
    # a share of a population that gets, has or passes something (round 9: b422, b417, b514)
    ("到2025年，95%的行政村生活垃圾得到有效处理。", [(95, "%", "reach", None, "2025")]),
    ("到2025年，50%的居住社区具备充电条件。", [(50, "%", "reach", None, "2025")]),
    ("到2021年底，各区25%以上的城市社区创建达标。", [(25, "%", "reach", "at_least", "2021-12")]),
    # a dated count of what does something is a target, not a deadline (FORMAT v2: a numeric
    # goal is a target only; b086, b416, b446, b499) -- but not a count before another figure
    ("到2025年，100家企业完成清洁生产审核。", [(100, "家", "reach", None, "2025")]),
    ("到2025年，12条入海河流水质实现巩固提升。", [(12, "条", "reach", None, "2025")]),
    ("到2025年，12个盟市主城区公共交通出行率达到20%。", [(20, "%", "reach", None, "2025")]),
    ("全年共有100家企业完成清洁生产审核。", []),
    # 建成区 is a built-up area, no verb: the share of its area (b452, b464, b508)
    ("到2025年，城市建成区20%以上的面积达到海绵城市建设要求。", [(20, "%", "reach", "at_least", "2025")]),
    ("到2023年中心城市建成区50%以上面积达到海绵城市要求。", [(50, "%", "reach", "at_least", "2023")]),
    # units of mass ratio and square metres written m2 (b452)
    ("内河直达船舶使用硫含量不大于10毫克/千克。", [(10, "毫克/千克", "cap", "at_most", None)]),
    ("到2025年，中心城市建成区人均公园绿地面积不低于15m2。", [(15, "m2", "floor", "at_least", "2025")]),
    # nothing: a threshold needs 以上, nouns that start with a verb, a base that is no goal
    ("完成5万吨标准煤以上企业节能诊断。", []),
    # a measure with 以上/以下 before 的 names a class of what is built (round 9: b417, b422, b457)
    ("县级及以上城市建成区原则上不再新建35蒸吨/小时以下的燃煤锅炉。", []),
    ("新建、改建、扩建设计规模5万立方米/日以上的污水处理厂，要同步建设再生水设施。", []),
    ("新增年综合能耗超过5万吨标准煤“两高”项目须严格审批。", []),
    ("推进超低排放改造。", []),
]

# Counts (issue 13: "a bare count after 推动/完成/安排 is a target"): verbs of carrying out
# (推进/实施/开展/启动/加快/选择/取得) set a count right after them, never a size; lists of counts in
# different count units and value statements coordinated after a count keep every number.
COUNTS = [
    ("加快25个智慧物流园区建设。", [(25, "个", "reach", None, None)]),
    ("“十四五”时期，推进100个左右地级及以上城市开展“无废城市”建设。", [(100, "个", "reach", "about", None)]),
    ("到2025年，力争取得4项以上原创性成果。", [(4, "项", "reach", "at_least", "2025")]),
    ("每个街道启动2-3个社区试点。", [(2, "个", "reach", None, None)]),
    ("在火电、水泥等行业开展3-5个CCUS试点示范项目。", [(3, "个", "reach", None, None)]),
    ("力争引进30名以上绿色低碳技术领域高层次领军人才。", [(30, "名", "reach", "at_least", None)]),
    ("到2025年，培育和引进50名以上创新型企业家和20个以上领军型创新创业团队。",
     [(50, "名", "reach", "at_least", "2025"), (20, "个", "reach", "at_least", "2025")]),
    ("到2025年，建成30个左右智能制造示范工厂、50家左右智慧化工示范园区。",
     [(30, "个", "reach", "about", "2025"), (50, "家", "reach", "about", "2025")]),
    ("2023年完成太阳能热水项目100个以上，热泵项目100个以上。",
     [(100, "个", "reach", "at_least", "2023"), (100, "个", "reach", "at_least", "2023")]),
    ("到2025年，形成300艘LNG船舶应用规模。", [(300, "艘", "reach", None, "2025")]),
    # nothing: a voltage or capacity after a verb of carrying out, a count after the object,
    # a breakdown after the total, a rank
    ("加快推进1000千伏特高压交流工程建设。", []),
    ("强力推进100万千瓦风电基地建设。", []),
    ("推进环评审批和监督执法两个“正面清单”制度化。", []),
    ("排名第1名的地级以上市给予奖励。", []),
]

# Specifications and breakdowns (FORMAT v2): a voltage class or boiler size glued to what is
# built is no amount; "其中 + regions" breaks a total just stated down and is no separate
# target (a subcategory after 其中 stays one); a bound in brackets defines a class.
SPECS_AND_BREAKDOWNS = [
    ("建成哈密至重庆±800千伏直流、川渝1000千伏特高压交流输电工程。", []),
    ("科学有序增加220千伏变电站布点。", []),
    ("到2025年，基本淘汰65蒸吨燃煤锅炉。", []),
    ("规划建设一批500千伏输变电工程。", []),
    ("到2025年，全市110千伏及以上电网设施变电容量达到17760千伏安。", [(17760, "千伏安", "reach", None, "2025")]),
    ("到2025年，新能源汽车新车销量占比达到20%，其中广州和深圳市达到40%左右。", [(20, "%", "reach", None, "2025")]),
    # ... also after a bare "其中，", each region's part in its own clause (b220)
    ("“十四五”期间，全市建筑应用面积新增500万平方米，其中，主城都市区完成400万平方米，渝东北三峡库区城镇群完成75万平方米。",
     [(500, "万平方米", "increase", None, None)]),
    ("到2025年，需求响应能力达到最大负荷的3%，其中华东、华中、南方等地区达到最大负荷的5%左右。",
     [(3, "%", "reach", None, "2025")]),
    ("到2025年，装配式建筑占比达到30%，其中济南、青岛、烟台3市达到50%以上。", [(30, "%", "reach", None, "2025")]),
    ("到2025年，可再生能源装机达到5000万千瓦，其中分布式光伏新增装机超过500万千瓦。",
     [(5000, "万千瓦", "reach", None, "2025"), (500, "万千瓦", "reach", "at_least", "2025")]),
    ("完成一批重点企业（能耗5000吨标煤以上）碳账户建设。", []),
    ("到2025年，全市燃煤机组平均供电煤耗控制在300克标煤/千瓦时以内。", [(300, "克标煤/千瓦时", "cap", "at_most", "2025")]),
    ("到2025年，全国储气能力达到550亿～600亿立方米。", [(550, "亿立方米", "reach", None, "2025")]),
]

RATES_AND_SIZES = [
    ("新建建筑按15%—25%分类配建。", [(15, "%", "reach", None, None)]),
    ("既有机关及企事业单位按不低于20%配建。", [(20, "%", "floor", "at_least", None)]),
    ("住宅项目应按不低于项目总建筑面积2‰的标准配建养老服务设施。", [(2, "‰", "floor", "at_least", None)]),
    ("每个区要建有一所床位不低于300张的综合性社会福利中心。", [(300, "张", "floor", "at_least", None)]),
    ("在每个村建设100平方米左右的养老服务设施。", [(100, "平方米", "reach", "about", None)]),
    # nothing: a threshold population, a built-up area is no verb of building
    ("加快推进城市建成区生活垃圾日清运量超过300吨的地区垃圾焚烧设施建设。", []),
    ("对年综合能耗不低于5000吨标准煤的企业开展节能监察。", []),
]
# fmt: on


@pytest.mark.parametrize("text,expected", VERBLESS)
def test_targets_verbless_value_statements(text: str, expected: list, targets_of) -> None:
    assert _fields(targets_of(text)) == expected


@pytest.mark.parametrize("text,expected", CONJUNCTS)
def test_targets_one_per_conjunct(text: str, expected: list, targets_of) -> None:
    assert _fields(targets_of(text)) == expected


@pytest.mark.parametrize("text,expected", VERBS)
def test_targets_verbs_and_goal_nouns(text: str, expected: list, targets_of) -> None:
    assert _fields(targets_of(text)) == expected


@pytest.mark.parametrize("text,expected", COUNTS)
def test_targets_counts_after_verbs_and_in_lists(text: str, expected: list, targets_of) -> None:
    assert _fields(targets_of(text)) == expected


@pytest.mark.parametrize("text,expected", SPECS_AND_BREAKDOWNS)
def test_targets_specifications_and_breakdowns(text: str, expected: list, targets_of) -> None:
    assert _fields(targets_of(text)) == expected


@pytest.mark.parametrize("text,expected", RATES_AND_SIZES)
def test_targets_rates_and_built_sizes(text: str, expected: list, targets_of) -> None:
    assert _fields(targets_of(text)) == expected


def test_targets_regression_rule_restated_in_other_words_is_two(targets_of) -> None:
    """The same rate written in two sections with other wording gives two records; a word-for-word
    repeat (a news lead and its body) gives one."""
    restated = "新建建筑按15%—25%分类配建。\n加快充电设施布局，新建建筑按15—25%分类配建。"
    assert len(targets_of(restated)) == 2
    assert len(targets_of("新建建筑按15%—25%分类配建。\n新建建筑按15%—25%分类配建。")) == 1


def test_targets_regression_trigger_followed_by_low_is_still_a_verb(targets_of) -> None:
    """"培育低碳城市…各1—2个": 培育 before 低碳 stays a verb (超低 is the noun, not 低)."""
    got = targets_of("到2025年，培育低碳城市、海绵城市各1—2个示范试点。")
    assert [(t["indicator"], t["value"]) for t in got] == [("低碳城市示范试点", 1), ("海绵城市示范试点", 1)]


def test_targets_regression_comparison_trigger_before_a_noun(targets_of) -> None:
    """"不低于项目总建筑面积2‰": a comparison word is never read as a noun (项目 follows it)."""
    assert _fields(targets_of("应按套内建筑面积不低于项目总建筑面积2‰的标准配建。")) == [
        (2, "‰", "floor", "at_least", None)]


# fmt: off
# (sentence, [scope]) -- the region or population a target applies to
SCOPES = [
    ("到2022年底，力争70%的县级以上党政机关建成节约型机关，65%以上的城乡家庭达到绿色家庭创建要求。",
     ["县级以上党政机关", "城乡家庭"]),
    ("到2020年底，全市25%的党政机关要建成节约型机关；2021年底，50%的党政机关建成节约型机关。",
     ["全市", "全市"]),
    ("到2025年，中心城区绿色交通分担率达到70%。", ["中心城区"]),
    ("“十四五”期间，经济开发区规上亩均税收达到37万元以上。", ["经济开发区"]),
    ("在每个村建设100平方米左右的养老服务设施。", ["每个村"]),
    ("每个区（市、县）要建有一所床位不低于300张的综合性社会福利中心。", ["每个区（市、县）"]),
    # no scope: a share without 的 names no population, a plain indicator
    ("到2025年，力争80%以上党政机关创建为节约型机关。", [None]),
    ("到2025年，绿色工业园区占比50%以上。", [None]),
]
# fmt: on


@pytest.mark.parametrize("text,expected", SCOPES)
def test_targets_scope_region_or_population(text: str, expected: list, targets_of) -> None:
    assert [t["scope"] for t in targets_of(text)] == expected
