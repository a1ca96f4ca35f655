"""Deadlines on varied notice wording: recurrences, date forms, dated goals vs vague aims, subjects.

Decisions (also in extract/data/deadline_rules.yaml and extract/language/dates.py):
- a semiannual duty ("每半年上报…") is recorded with recurrence null and its wording in
  recurrence_detail: the contract's enum is annual | quarterly | monthly;
- a quarter is due at its last month ("2022年第三季度前" -> "2022-09");
- "年底前" takes the year its sentence writes, never a guessed one;
- "定期" alone, effective dates ("自…起施行"), data cut-offs ("截至2021年底") and quoted
  slogans ("“确保2030年前实现碳达峰”目标") are not deadlines.
"""

from __future__ import annotations

import pytest

# fmt: off
RECURRING = [
    # (text, recurrence, recurrence_detail)
    ("各重点用能单位每年3月底前报送上年度能源利用状况报告。", "annual", "每年3月底前"),
    ("各区于每季度结束后15日内将能耗统计数据报市统计局。", "quarterly", "每季度结束后15日内"),
    ("从2022年4月起在每月结束后的40日内，通过检验检测机构开展煤质检测。", "monthly", "每月结束后的40日内"),
    ("各市发展改革委按月报送重点项目进展情况。", "monthly", "按月"),
    ("省发展改革委将通过融资服务平台等渠道，按季度向金融机构推送项目。", "quarterly", "按季度"),
    ("各县（市、区）要逐年分解下达节能目标。", "annual", "逐年"),
    ("各地要将年度节能目标任务分解下达到重点用能单位。", "annual", None),
    ("各区要确定年度能源消费总量目标并报市发展改革委备案。", "annual", None),
    # semiannual: a duty, but no enum value -> recurrence null, wording kept
    ("分析项目落地存在的共性问题，每半年上报省发展改革委。", None, "每半年"),
    ("监测设备应每年进行检测和校准。", "annual", "每年"),
]

NOT_RECURRING = [
    "各区要定期报送工作进展情况。",                       # 定期 names no period
    "全市单位地区生产总值能耗逐年降低。",                  # a trend, no duty
    "填写低定量产品克重及每月的产品产量。",                # 每月的: a quantity, not a cycle
    "组织相关低碳培训，每年次数不少于4次。",                # a count, no duty verb
    "各盟市根据自治区下达的能耗强度降低年度目标开展工作。",  # 下达的: describes the target
]

DATED = [
    # (text, due)
    ("各地要于2022年6月底前完成燃煤锅炉排查。", "2022-06"),
    ("各地要在2022年第三季度前完成摸底调查。", "2022-09"),
    ("2023年，各地要加快项目建设，年底前完成项目备案。", "2023-12"),
    ("6月30日前，各区完成自查。", None),                                     # no year written
    ("到2025年，基本建立绿色低碳循环发展的生产体系。", "2025"),
    ("到2030年，省级以上园区全部实施循环化改造。", "2030"),
    ("到2025年底，城镇新建建筑全面执行绿色建筑标准。", "2025-12"),
    # 年年底 is 年底 (FORMAT: "2020-12" for 2020年底)
    ("到2022年年底，完成所有入河排污口整治。", "2022-12"),
    ("力争到2025年年末，基本完成燃煤设施清洁能源替代。", "2025-12"),
    ("2023年年底前，全面完成集中式饮用水水源地规范化建设。", "2023-12"),
    # a goal date with its month is due in that month (b464)
    ("到2022年6月底，实现每个旗县市区建成医疗废物收集转运处置体系。", "2022-06"),
    ("力争到2023年10月，全面完成燃煤锅炉淘汰。", "2023-10"),
    ("2025年前，全面完成城市建成区燃煤锅炉淘汰。", "2025"),
]

NOT_DATED = [
    "本办法自2023年1月1日起施行。",
    "本办法将于2023年1月1日起施行。",
    "截至2021年底，全市基本淘汰黄标车。",
    "截至2021年底，全市已建成充电桩1万个。",
    "到2035年，节能减排政策体系更加成熟和定型。",
    "到2025年，园区节能环保水平显著提升。",
    "到2025年，能源资源配置进一步完善。",
    "到2025年，为实现碳达峰奠定坚实基础。",
    "聚焦“确保2030年前实现碳达峰”目标，加快推进绿色转型。",
    "到2020年，全市已经基本淘汰燃煤小锅炉。",
]

SUBJECTS = [
    ("新列入名录的重点排放单位，应于9月30日前向注册登记机构报送开户申请材料。",
     ["新列入名录的重点排放单位"]),
    ("各重点排放单位须按照指南要求，在2022年3月31日前，通过环境信息平台更新数据质量控制计划。",
     ["各重点排放单位"]),
    ("省发展改革委、人民银行济南分行、省地方金融监管局将按季度向金融机构推送项目。",
     ["省发展改革委", "人民银行济南分行", "省地方金融监管局"]),
    ("市发展改革委和市统计局每月通报各区能耗情况。", ["市发展改革委", "市统计局"]),
    ("金融机构按季度公开披露碳减排贷款相关信息。", ["金融机构"]),
    ("各区于每季度结束后15日内将统计数据报市统计局。", ["各区"]),
    # no organisation opens the clause: left to the link stage
    ("要按规定于2022年5月底前完成整改。", []),
    ("充分调动社会各方面积极性，于2022年5月底前完成整改。", []),
    # a clause opened by 并 or by a verb that acts on the body after it names no subject
    # (FORMAT v2): the subject is the earlier clause's, or nobody
    ("第二十一条省级发展改革部门要会同有关行业管理部门加强项目实施监管，并组织项目单位于每月10日前将项目信息通过在线平台填报。",
     ["省级发展改革部门"]),
    ("实施科技型中小企业创新能力提升工程，每年支持一批科技型中小企业牵头实施技术创新项目。", []),
    ("每年鼓励一批重点用能企业于6月底前开展能源审计。", []),
    ("市委组织部于2023年6月底前报送考核结果。", ["市委组织部"]),   # 组织部 is a name
]
# fmt: on


@pytest.mark.parametrize("text,recurrence,detail", RECURRING)
def test_recurring_duty_wordings(text: str, recurrence: str | None, detail: str | None, deadlines_of) -> None:
    [d] = deadlines_of(text)
    assert (d["due"], d["recurrence"], d["recurrence_detail"]) == (None, recurrence, detail)


@pytest.mark.parametrize("text", NOT_RECURRING)
def test_not_a_recurring_duty(text: str, deadlines_of) -> None:
    assert deadlines_of(text) == []


@pytest.mark.parametrize("text,due", DATED)
def test_date_forms_and_dated_goals(text: str, due: str | None, deadlines_of) -> None:
    [d] = deadlines_of(text)
    assert (d["due"], d["recurrence"]) == (due, None)


@pytest.mark.parametrize("text", NOT_DATED)
def test_not_a_deadline_date_or_vague_aim(text: str, deadlines_of) -> None:
    assert deadlines_of(text) == []


@pytest.mark.parametrize("text,expected", SUBJECTS)
def test_responsible_is_the_named_subject(text: str, expected: list[str], deadlines_of) -> None:
    [d] = deadlines_of(text)
    assert d["responsible"] == expected


def test_goal_and_its_dated_clause_are_one_deadline(deadlines_of) -> None:
    got = deadlines_of("到2030年，非化石能源消费比重达到国家确定的目标值，顺利实现2030年前碳达峰目标。")
    assert [(d["due"], d["evidence"]) for d in got] == [("2030", "顺利实现2030年前碳达峰目标")]


def test_task_drops_subject_and_time_words(deadlines_of) -> None:
    [d] = deadlines_of("市发展改革委和市统计局每月通报各区能耗情况。")
    assert d["task"] == "通报各区能耗情况"
