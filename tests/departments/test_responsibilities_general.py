"""Generalization of responsibilities to unseen notices: the classes of errors seen on real PDFs.

Each case is notice wording of a national / provincial / city / county body (several
wordings per class) and sentences that must yield nothing.
"""

from __future__ import annotations

import pytest

from extract.departments.annexes import technical_annexes
from extract.departments.names import split_level_run
from extract.departments.responsibilities import extract_responsibilities
from extract.model import Document, Metadata
from extract.settings import Settings


def _records(text: str, issuers: list[str] | None = None) -> list[tuple[str, str, str]]:
    doc = Document(id="x", source="s", format="txt", text=text, metadata=Metadata(issuers=issuers or []))
    return [(r.department, r.role, r.task) for r in extract_responsibilities(doc, Settings())]


def _pairs(text: str, issuers: list[str] | None = None) -> list[tuple[str, str]]:
    return [(d, r) for d, r, _ in _records(text, issuers)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # outline markers are not part of the subject
        ("（四）控排企业应于6月20日前完成配额清缴。", [("控排企业", "implement")]),
        ("（一）各地级以上市生态环境局要做好核查工作的组织协调。", [("各地级以上市生态环境局", "implement")]),
        ("2.县直各单位要加强节能宣传。", [("县直各单位", "implement")]),
        ("三、各区人民政府要落实属地责任。", [("各区人民政府", "implement")]),
        # clause openers are not part of the subject
        ("但重点排放单位应当按时报送排放报告。", [("重点排放单位", "implement")]),
        ("同时，市财政局要给予必要的资金保障。", [("市财政局", "support")]),
        ("此外各乡镇人民政府要做好宣传动员。", [("各乡镇人民政府", "implement")]),
        # generic heads alone name nobody
        ("但企业应当建立能源计量制度。", []),
        # ... but 相关企业, like 有关企业, names the enterprises concerned (b496 and r09's gold)
        ("（二）相关企业应配合开展核查。", [("相关企业", "support")]),
        ("企业应按照附录A的格式编制报告。", []),
    ],
)
def test_markers_openers_and_generic_subjects(text: str, expected: list[tuple[str, str]]) -> None:
    assert _pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 由…组成: who a group consists of, not who does what
        ("二级：能源管理负责人负责，由生产、设备、能源、财务、仓储、统计等职能部门组成，负责对报告进行核查。", []),
        ("领导小组由市发展改革委、市财政局、市统计局组成。", []),
        ("工作专班由县发改局、县财政局等单位共同组成。", []),
        # 由 + duty still assigns
        ("由市住房城乡建设局负责组织实施。", [("市住房城乡建设局", "lead")]),
        # a single body that 组织 the work leads it (FORMAT v2)
        ("由县农业农村局组织开展秸秆综合利用试点。", [("县农业农村局", "lead")]),
        # 或 joins alternative bodies
        ("由街道办事处或镇政府作为申报主体提出创建申请。", [("街道办事处", "implement"), ("镇政府", "implement")]),
        # 由 X 会同 Y: X leads, Y supports; 协同推进 is support
        ("由市生态环境局会同市发展改革委统筹协调实施，市工业和信息化局、市教育局等有关部门协同推进。",
         [("市生态环境局", "lead"), ("市发展改革委", "support"), ("市工业和信息化局", "support"),
          ("市教育局", "support")]),
    ],
)
def test_composition_and_joint_work(text: str, expected: list[tuple[str, str]]) -> None:
    assert _pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verb before the body: the body is the object, not the subject
        ("请通知辖区内重点排放单位及时登录系统进行确认。", []),
        ("请督促各重点排放单位按时完成履约。", []),
        ("请各地级以上市生态环境局于5月31日前报送核查结果。", [("各地级以上市生态环境局", "implement")]),
        # a modal or a preposition ends the subject
        ("项目申报单位可自行或委托专业机构按照要求编制创建方案。", []),
        ("由重点排放单位向自治区生态环境厅依法提供证明材料。", [("重点排放单位", "implement")]),
    ],
)
def test_verbs_and_modals_end_subjects(text: str, expected: list[tuple[str, str]]) -> None:
    assert _pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "issuers", "expected"),
    [
        # 我厅 / 本局 stay as written (FORMAT v2; `canonical` names the issuer); the task is
        # the verb phrase after the modal
        ("（三）我厅将组织核查机构对控排企业碳排放信息报告进行核查。", ["广东省生态环境厅"],
         [("我厅", "lead", "组织核查机构对控排企业碳排放信息报告进行核查")]),
        ("本局将适时组织开展监督检查。", ["高平市能源局"], [("本局", "implement", "适时组织开展监督检查")]),
        ("我厅将根据相关规定核定配额。", [], [("我厅", "implement", "根据相关规定核定配额")]),
        # a PDF line wrap inside the sentence does not cut the task to its preposition
        ("（一）对按基准线法分配配额的控排企业，我厅将根据\n2020年度企业产品产量及相关数据资料计算核定配额。",
         ["广东省生态环境厅"],
         [("我厅", "implement", "根据\n2020年度企业产品产量及相关数据资料计算核定配额")]),
        # 按照 stays in the task
        ("人民银行按照贷款本金的60%向金融机构提供资金。", [],
         [("人民银行", "implement", "按照贷款本金的60%向金融机构提供资金")]),
    ],
)
def test_self_references_and_tasks(text: str, issuers: list[str], expected: list[tuple[str, str, str]]) -> None:
    assert _records(text, issuers) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 牵头人 is a person, not a role
        ("请各市发展改革委明确一名分管负责同志为牵头人。", [("各市发展改革委", "implement")]),
        ("各级发展改革部门要主动牵头，挖掘重点项目。", [("各级发展改革部门", "lead")]),
        # gazetteer names without a standard suffix are bodies of a parenthetical
        ("（一）遏制两高项目。（国家发展改革委牵头，人民银行、银保监会、国家能源局等按职责分工负责）",
         [("国家发展改革委", "lead"), ("人民银行", "support"), ("银保监会", "support"), ("国家能源局", "support")]),
    ],
)
def test_known_names_and_lead_words(text: str, expected: list[tuple[str, str]]) -> None:
    assert _pairs(text) == expected


NOTICE_WITH_GUIDELINE = (
    "一、工作安排\n"
    "（一）各地级以上市生态环境局要做好核查工作的组织协调。\n"
    "附件：1.广东省企业二氧化碳排放信息报告指南.pdf\n"
    "2.控排企业名单.xlsx\n"
    "广东省企业二氧化碳排放信息报告指南\n"
    "企业应建立碳排放监测计划。控排企业应按本指南要求核算排放量。核查机构应独立公正地开展核查。\n"
    "省级生态环境主管部门应组织专家对核查报告进行抽查。\n"
)


def test_technical_annex_sentences_are_not_duties() -> None:
    spans = technical_annexes(NOTICE_WITH_GUIDELINE)
    assert len(spans) == 1 and NOTICE_WITH_GUIDELINE[spans[0][0]:].startswith("附件：1.")
    assert _pairs(NOTICE_WITH_GUIDELINE) == [("各地级以上市生态环境局", "implement"),
                                             ("省级生态环境主管部门", "lead")]


@pytest.mark.parametrize(
    "text",
    [
        "附件：1.项目申报表\n2.联系人名单\n各县区发改局要认真组织申报。\n",  # forms, not a guideline
        "附件\n节能工作责任分工\n市能源局要牵头做好统筹协调。\n",
        # the annex's first sentence names 规范 / 标准, its title does not
        "附件2\n碳排放配额分配方案\n为规范有序开展配额分配和管理，特制定本方案。\n纳管企业应按时提交配额。\n",
        "附件\n重点项目清单\n各地要对标准化建设项目加强调度。\n",
    ],
)
def test_non_technical_annexes_keep_their_duties(text: str) -> None:
    assert technical_annexes(text) == []
    assert _records(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # X会同Y、Z…: X leads, the bodies after 会同 support (national, provincial, city wording)
        ("国家能源局会同国家发展改革委制定可再生能源发展规划。",
         [("国家能源局", "lead"), ("国家发展改革委", "support")]),
        ("省生态环境厅会同省工业和信息化厅、省住房城乡建设厅做好监督检查工作。",
         [("省生态环境厅", "lead"), ("省工业和信息化厅", "support"), ("省住房城乡建设厅", "support")]),
        ("市工业和信息化局会同市发展改革委、市生态环境局等部门研究制定钢铁行业节能降碳实施方案。",
         [("市工业和信息化局", "lead"), ("市发展改革委", "support"), ("市生态环境局", "support")]),
        ("县发改局将会同县财政局，对项目实施情况开展核查。", [("县发改局", "lead"), ("县财政局", "support")]),
        # 要会同有关部门: the generic partner supports, as a generic subject implements
        ("国家发展改革委要会同有关部门加强统筹协调，及时研究解决重大问题。",
         [("国家发展改革委", "lead"), ("有关部门", "support")]),
        ("市能源局要会同相关部门抓好落实。", [("市能源局", "lead"), ("相关部门", "support")]),
        ("省商务厅应会同各有关单位做好政策宣传。", [("省商务厅", "lead"), ("各有关单位", "support")]),
        ("市生态环境局会同相关部门，围绕规划目标、重点任务落实情况进行调度。",
         [("市生态环境局", "lead"), ("相关部门", "support")]),
        # ... but 有关方面 / 各方 name no body, and 等有关部门 only closes a list
        ("市商务局要会同有关方面做好政策宣传。", [("市商务局", "lead")]),
        ("市发展改革委要会同市财政局等有关部门制定办法。", [("市发展改革委", "lead"), ("市财政局", "support")]),
        # 会同 opening a later clause of the lead's duty
        ("市发展改革委牵头，会同市财政局制定考核办法。", [("市发展改革委", "lead"), ("市财政局", "support")]),
        ("省能源局要加强统筹，并会同省统计局做好数据核实。", [("省能源局", "lead"), ("省统计局", "support")]),
        # 会同 inside a clause, after other words, is not an opening: no partner is guessed
        ("市住建局牵头推进既有建筑改造，重点会同街道开展。", [("市住建局", "lead")]),
    ],
)
def test_joint_work_in_sentences(text: str, expected: list[tuple[str, str]]) -> None:
    assert _pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("省级人民政府要对本地区节能减排工作负总责。", [("省级人民政府", "lead")]),
        ("地方各级人民政府要加强组织领导。", [("地方各级人民政府", "implement")]),
        ("国务院有关部门要加强协调配合。", [("国务院有关部门", "support")]),
        ("各省（自治区、直辖市）要制定具体实施方案。", [("各省（自治区、直辖市）", "implement")]),
        ("各省（区、市）应于每年3月底前报送上年度工作总结。", [("各省（区、市）", "implement")]),
        ("各省、自治区、直辖市人民政府要高度重视。", [("各省、自治区、直辖市人民政府", "implement")]),
        ("各市、县（市、区）人民政府要落实属地管理责任。", [("各市、县（市、区）人民政府", "implement")]),
        # 各地区各部门 is two bodies, with or without 、
        ("各地区各部门要切实抓好落实。", [("各地区", "implement"), ("各部门", "implement")]),
        ("各地区、各部门要充分认识做好节能减排工作的重要性。", [("各地区", "implement"), ("各部门", "implement")]),
        ("中央企业要带头落实节能减排目标责任。", [("中央企业", "implement")]),
        # a bare class of places shares the department of the list's last item
        ("各市及宁东管委会生态环境局要高度重视。",
         [("各市生态环境局", "implement"), ("宁东管委会生态环境局", "implement")]),
        ("各县区、开发区管委会住房城乡建设局要加强监管。",
         [("各县区住房城乡建设局", "implement"), ("开发区管委会住房城乡建设局", "implement")]),
        ("各市、各金融机构要及时总结报送典型经验。", [("各市", "implement"), ("各金融机构", "implement")]),
        ("各级节能主管部门要加强节能监察。", [("各级节能主管部门", "implement")]),
        # generic bodies are recorded when they are the subject of a duty
        ("各有关部门要按照职责分工抓好落实。", [("各有关部门", "support")]),
        # one body with 各 inside its name stays one
        ("市直各有关部门要做好自查工作。", [("市直各有关部门", "implement")]),
        ("人民银行各市中心支行要加强窗口指导。", [("人民银行各市中心支行", "implement")]),
    ],
)
def test_collective_and_level_subjects(text: str, expected: list[tuple[str, str]]) -> None:
    assert _pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # X负责…: lead when X is the only body named, implement when several share the duty
        ("市统计局负责能耗数据的统计和发布工作。", [("市统计局", "lead")]),
        ("省机关事务管理局负责全省公共机构节能工作的指导。", [("省机关事务管理局", "lead")]),
        ("由市生态环境局负责本方案的解释工作。", [("市生态环境局", "lead")]),
        ("县发改局、县财政局负责项目资金的审核拨付。", [("县发改局", "implement"), ("县财政局", "implement")]),
        # a body that provides data to the lead serves it
        ("市统计局负责提供能耗统计数据。", [("市统计局", "support")]),
        # 负责人 / 负责同志 / 负责制 are no duty of a body
        ("各单位主要负责人为第一责任人。", []),
        ("各县区发改局负责同志参加会议。", []),
        ("实行节能目标责任制和问责制。", []),
        # 由 introduces the body; it is never part of its name
        ("本方案由市发展改革委负责解释。", [("市发展改革委", "lead")]),  # FORMAT v2: the agent of 由X负责 (devset pingtan)
    ],
)
def test_sole_owner_duties(text: str, expected: list[tuple[str, str]]) -> None:
    assert _pairs(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # data sources, cited issuers and bodies that receive a report are not responsible
        "依据市统计局统计数据进行考核。",
        "以省统计局公布的数据为准。",
        "按照国家发展改革委《关于做好节能工作的通知》要求执行。",
        "根据生态环境部《企业温室气体排放报告核查指南》开展核查。",
        "自查报告报市发展改革委备案。",
        "有关材料报送省生态环境厅。",
        "经市政府同意，现将有关事项通知如下。",
    ],
)
def test_sources_issuers_and_recipients_yield_nothing(text: str) -> None:
    assert _pairs(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the body receiving a report is not a second subject of the sender's duty
        ("各单位要于3月底前将自查报告报市发展改革委备案。", [("各单位", "implement")]),
        ("各区要将实施方案报送市生态环境局。", [("各区", "implement")]),
    ],
)
def test_report_recipients_are_objects(text: str, expected: list[tuple[str, str]]) -> None:
    assert _pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 相关部门 is a body as 有关部门 is (b446, b434, b133, b156)
        ("相关部门要各司其职、密切配合，形成合力推进规划各项任务落实。", [("相关部门", "support")]),
        ("有关部门要各司其职、密切配合。", [("有关部门", "support")]),
        ("各级政府和相关部门要加大简政放权力度。", [("各级政府", "implement"), ("相关部门", "implement")]),
        # a bare generic head still names nobody
        ("企业应建立能源管理体系。", []),
    ],
)
def test_generic_bodies_as_subjects(text: str, expected: list[tuple[str, str]]) -> None:
    assert _pairs(text) == expected



@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a leading group named as the body that leads the plan's work (devset d2-b382; 8 bulk PDFs)
        ("充分发挥市应对气候变化领导小组的组织领导作用，统筹推进各项工作。", [("市应对气候变化领导小组", "lead")]),
        ("发挥市能源与经济运行调节领导小组办公室统筹协调作用，组建市城市管理委。",
         [("市能源与经济运行调节领导小组办公室", "lead")]),
        ("在省应对气候变化及节能减排工作领导小组和碳达峰碳中和工作领导小组的领导下，建立部门协调机制。",
         [("省应对气候变化及节能减排工作领导小组", "lead"), ("省碳达峰碳中和工作领导小组", "lead")]),
        ("强化省碳达峰碳中和工作领导小组对能耗双控和煤炭消费压减任务的领导。", [("省碳达峰碳中和工作领导小组", "lead")]),
        # a joint-meeting system or a residents' committee is no leading group
        ("充分发挥完善促进消费体制机制厅际联席会议制度作用，及时研究解决重大问题。", []),
        ("充分发挥社区居民委员会主体作用。", []),
    ],
)
def test_leading_groups_named_as_leading_the_work(text: str, expected: list[tuple[str, str]]) -> None:
    assert _pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # fields sharing a head summed up by 等有关 / 等相关: each field takes the bare head
        ("统计、金融、财政、发展改革等相关部门按照各自职责，配合做好碳排放权交易相关工作。",
         [("统计部门", "support"), ("金融部门", "support"), ("财政部门", "support"), ("发展改革部门", "support")]),
        ("林草、农业农村、水利等有关部门(单位)按职责参与其规划、作业设计等全过程监管。",
         [("林草部门", "support"), ("农业农村部门", "support"), ("水利部门", "support")]),
        # a body among the fields keeps its own name
        ("发展改革、经济信息、人民银行、证券监督管理等部门根据自身职责加强监督。",
         [("发展改革部门", "support"), ("经济信息部门", "support"), ("人民银行", "support"),
          ("证券监督管理部门", "support")]),
        # ... but a list of bodies only is no list of fields
        ("市发改委、市财政局等部门要加强监督。", [("市发改委", "implement"), ("市财政局", "implement")]),
        # 各 and a kind of place on the first field flows to every field (b349), and so does a
        # class of places
        ("各地级以上市生态环境、财政部门要统筹谋划大气污染治理。",
         [("各地级以上市生态环境部门", "implement"), ("各地级以上市财政部门", "implement")]),
        ("各省（区、市）住房和城乡建设、发展改革部门要加强指导。",
         [("各省（区、市）住房和城乡建设部门", "implement"), ("各省（区、市）发展改革部门", "implement")]),
        ("各市场监管、税务部门要加强监管。", [("各市场监管部门", "implement"), ("税务部门", "implement")]),
        ("各省级生态环境、财政部门要加强指导。", [("各省级生态环境部门", "implement"), ("各省级财政部门", "implement")]),
        # a long list of partner fields after 会同 (16 fields in b352)
        ("住房城乡建设部门要会同发展改革、经济和信息化、科技、民政、生态环境、交通运输、水利、文化和旅游、应急、"
         "市场监管、体育、乡村振兴、林草、能源、文物、消防救援等有关部门细化工作方案。",
         [("住房城乡建设部门", "lead")] + [(f"{f}部门", "support") for f in (
             "发展改革", "经济和信息化", "科技", "民政", "生态环境", "交通运输", "水利", "文化和旅游", "应急",
             "市场监管", "体育", "乡村振兴", "林草", "能源", "文物", "消防救援")]),
    ],
)
def test_fields_of_a_shared_head(text: str, expected: list[tuple[str, str]]) -> None:
    assert _pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # by its own duties, with or without a modal, a body supports (FORMAT v2: 按职责分工负责 / 参与)
        ("省直有关部门按各自职责做好相关工作。", [("省直有关部门", "support")]),
        ("地方政府能源管理部门和电力运行管理部门按职责组织指导开展电力设施保护工作。",
         [("地方政府能源管理部门", "support"), ("电力运行管理部门", "support")]),
        ("省高级人民法院、省生态环境厅应当依据自身职责督促企业及时披露重要环境信息。",
         [("省高级人民法院", "support"), ("省生态环境厅", "support")]),
        # a bracketed alternative belongs to the name it follows
        ("两省市有关部门（单位）按照职责分工，逐条逐项细化落实任务举措。", [("两省市有关部门（单位）", "support")]),
        ("各有关部门（单位）要加强监管。", [("各有关部门（单位）", "implement")]),
        ("各级党校（行政学院）要把碳达峰、碳中和相关内容列入教学计划。", [("各级党校（行政学院）", "implement")]),
        # ... but not to a bare generic head
        ("企业（单位）要加强监管。", []),
        # a short form given after the name is no part of it
        ("全国碳排放权注册登记机构（以下简称注册登记机构）应当遵守本规则。", [("全国碳排放权注册登记机构", "implement")]),
        # a place's 财政 is its finance body; funds it gives serve the lead body's work (devset d4-dalian)
        ("省财政将依据挂钩标的和调节因子收取统筹资金。", [("省财政", "implement")]),
        ("市财政对敬老院维修改造给予补助。", [("市财政", "support")]),
        ("由省级人力资源社会保障、财政等部门会同有关行业主管部门研究提出意见。",
         [("省级人力资源社会保障部门", "lead"), ("省级财政部门", "lead"), ("有关行业主管部门", "support")]),
        # 按 of a time or a standard is no duty cue
        ("市发改委按季度调度项目进展。", []),
    ],
)
def test_duties_by_own_remit(text: str, expected: list[tuple[str, str]]) -> None:
    assert _pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the main body of a plan's implementation leads it (FORMAT v2; b076, b389, b420, b422, b434)
        ("各级人民政府是规划实施的责任主体，要加强组织领导和统筹协调。",
         [("各级人民政府", "lead", "要加强组织领导和统筹协调")]),
        ("各级政府是实施本规划的主体，应当加强统一领导。", [("各级政府", "lead", "应当加强统一领导")]),
        ("攀枝花市人民政府是规划实施的责任主体。", [("攀枝花市人民政府", "lead", "规划实施的责任主体")]),
        # the 责任主体 of other work implements it
        ("县级林业主管部门是试点建设管理的责任主体。", [("县级林业主管部门", "implement", "试点建设管理的责任主体")]),
    ],
)
def test_main_body_of_a_plan(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _records(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a leading group at its clause's head that steers the work leads it, with or without a modal
        ("（一）加强领导。省碳达峰碳中和工作领导小组指导和统筹做好碳达峰、碳中和工作。",
         [("省碳达峰碳中和工作领导小组", "lead")]),
        ("自治区碳达峰碳中和工作领导小组要指导和统筹做好碳达峰、碳中和工作。",
         [("自治区碳达峰碳中和工作领导小组", "lead")]),
        ("四川省林草碳汇工作领导小组，统筹协调推进全省林草碳汇工作。", [("四川省林草碳汇工作领导小组", "lead")]),
        ("碳达峰碳中和工作领导小组对碳达峰相关工作进行整体部署和系统推进。", [("碳达峰碳中和工作领导小组", "lead")]),
        # a group inside a clause is no subject: the body that set it up acts
        ("国资委成立碳达峰、碳中和工作领导小组，全面统筹推进中央企业碳达峰工作。", [("国资委", "implement")]),
        # a group reviewed by is no actor of this frame
        ("各地区行动方案经碳达峰碳中和工作领导小组综合平衡后印发实施。", []),
    ],
)
def test_leading_groups_that_steer(text: str, expected: list[tuple[str, str]]) -> None:
    assert _pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a level with its variants in brackets is a class of places, alone or before a body
        ("各县（区）要建成医疗废物收集转运处置体系。", [("各县（区）", "implement")]),
        ("各市（区）政府要明确主体责任。", [("各市（区）政府", "implement")]),
        ("县（区）党委、政府要承担属地环境治理具体责任。", [("县（区）党委", "implement"), ("县（区）政府", "implement")]),
        # under 各 a run of levels is one class (b059, b086 gold) ...
        ("各市、县（市、区）党委和政府要压实责任。",
         [("各市、县（市、区）党委", "implement"), ("各市、县（市、区）政府", "implement")]),
        ("各市、县（区）党委和政府及有关部门要认真落实党政同责。",
         [("各市、县（区）党委", "implement"), ("各市、县（区）政府", "implement"), ("有关部门", "implement")]),
        # ... without it each level has its own body (devset d4-dalian, b221, b468, b317 gold)
        ("市、区（市、县）民政部门设立居家养老服务指导机构。",
         [("市民政部门", "implement"), ("区（市、县）民政部门", "implement")]),
        ("市、县（区）政府要建立环境保护目标责任制。", [("市政府", "implement"), ("县（区）政府", "implement")]),
        ("州（市）、县（市、区）具体负责。", [("州（市）", "implement"), ("县（市、区）", "implement")]),
        ("补助经费由市、区（市、县）两级财政按比例承担。", [("市财政", "support"), ("区（市、县）财政", "support")]),
        # ... read from the agent's own clause, never from a later body's ("市财政局给予补助")
        ("具体工作由市发改委实施，市财政局给予补助。", [("市发改委", "implement"), ("市财政局", "support")]),
        # a list after the class is no department of it; a level's head (县长) is a person
        ("各县（市、区）人民政府、市直各有关部门要加强领导。",
         [("各县（市、区）人民政府", "implement"), ("市直各有关部门", "implement")]),
        ("由县（区）长担任第一河长。", []),
        # a body of its own place in brackets names who hosts the one before it
        ("由拉萨南北山绿化指挥部办公室（自治区林草局）负责解释。", [("拉萨南北山绿化指挥部办公室", "lead")]),
    ],
)
def test_classes_of_places(text: str, expected: list[tuple[str, str]]) -> None:
    assert _pairs(text) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("市、区（市、县）民政部门", ["市民政部门", "区（市、县）民政部门"]),
        ("市、县（区）政府", ["市政府", "县（区）政府"]),
        # a level word inside a place word opens no run (never 市区城生态环境部门 + 县城生态环境部门)
        ("市区、县城生态环境部门", None),
        ("各市、县（市、区）政府", None),  # under 各: one class
    ],
)
def test_runs_of_levels(name: str, expected: list[str] | None) -> None:
    assert split_level_run(name) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verb opening a relative clause that 的 ends on a body's head names a population of
        # bodies (FORMAT v2: a population defined by a condition acts; b036, b407, b480, b501, b553)
        ("纳入配额管理的重点排放单位应在规定期限内清缴配额。", [("纳入配额管理的重点排放单位", "implement")]),
        ("纳入试点的各用能单位应在2021年6月30日前完成指标清缴义务。", [("纳入试点的各用能单位", "implement")]),
        ("提交碳排放报告的单位应当对所报数据的真实性负责。", [("提交碳排放报告的单位", "implement")]),
        ("受委托的第三方核查机构应当按照要求开展核查工作。", [("受委托的第三方核查机构", "implement")]),
        # ... but a verb acting on the body right after it is no relative clause
        ("纳入企业要加快转型。", []),
        ("优先支持符合条件的绿色认证企业参与绿色工厂创建。", []),
        # 对 introduces the object, never part of the agent's name (b377)
        ("由市生态环境局对核查机构提供的核查服务进行评价。", [("市生态环境局", "implement")]),
        ("由组织核查的生态环境主管部门对核查机构提供的核查服务进行评价。",
         [("组织核查的生态环境主管部门", "implement")]),
        # 驻厅 (stationed in the department) is no body (b280)
        ("省科技厅将会同驻厅纪检监察组对推荐情况进行抽查。", [("省科技厅", "lead")]),
    ],
)
def test_populations_named_by_a_relative_clause(text: str, expected: list[tuple[str, str]]) -> None:
    assert _pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 特别是 / 尤其是 singles out a body of the list; both act (b002, r04)
        ("重点领域国有企业特别是中央企业要制定实施企业碳达峰行动方案。",
         [("重点领域国有企业", "implement", "制定实施企业碳达峰行动方案"),
          ("中央企业", "implement", "制定实施企业碳达峰行动方案")]),
        ("重点行业龙头企业，特别是国有企业，要制定实施企业碳达峰实施方案。",
         [("重点行业龙头企业", "implement", "制定实施企业碳达峰实施方案"),
          ("国有企业", "implement", "制定实施企业碳达峰实施方案")]),
        ("尤其是各重点用能单位要加强能源计量。", [("各重点用能单位", "implement", "加强能源计量")]),
        # ... never inside the object of the duty
        ("各省（自治区、直辖市）要切实加强对能耗量较大特别是化石能源消费量大的项目的节能审查。",
         [("各省（自治区、直辖市）", "implement", "加强对能耗量较大特别是化石能源消费量大的项目的节能审查")]),
    ],
)
def test_bodies_singled_out(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _records(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 有关 / 相关 flows to a bare body after 和 (FORMAT v2: a prefix flows forward; b002, b012, r04)
        ("有关部门和高校要深刻认识人才培养工作的重要性。", [("有关部门", "implement"), ("有关高校", "implement")]),
        ("相关上市公司和发债企业要定期公布企业碳排放信息。", [("相关上市公司", "implement"), ("相关发债企业", "implement")]),
        # ... never to a body with its own place, nor 各级 to a unit (b502)
        ("有关部门和市财政局要加强监督。", [("有关部门", "implement"), ("市财政局", "implement")]),
        ("各级发展改革部门和项目单位应当自觉接受监督检查。", [("各级发展改革部门", "implement"), ("项目单位", "implement")]),
    ],
)
def test_determiners_flow_through_and(text: str, expected: list[tuple[str, str]]) -> None:
    assert _pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a body the subject's duty commissions implements it (FORMAT v2; b339, b422, b502)
        ("我局将委托第三方机构对上述重点排放单位2021年度排放报告进行核查。",
         [("我局", "implement", "委托第三方机构对上述重点排放单位2021年度排放报告进行核查"),
          ("第三方机构", "implement", "对上述重点排放单位2021年度排放报告进行核查")]),
        ("工程完工后，责任单位要委托第三方机构对治理与修复效果进行评估。",
         [("第三方机构", "implement", "对治理与修复效果进行评估")]),
        # ... never an option of the applicant
        ("项目申报单位可自行或委托有技术实力的专业机构按照要求编制创建方案。", []),
    ],
)
def test_commissioned_bodies_in_a_duty(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _records(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # supply and marketing cooperatives are bodies: a list holding one is read (b089, b355, r04)
        ("打造智能绿色物流。（省交通运输厅、省邮政管理局、省供销联社、南昌铁路局等按职责分工负责）",
         [("省交通运输厅", "support"), ("省邮政管理局", "support"), ("省供销联社", "support"), ("南昌铁路局", "support")]),
        ("加强再生资源回收利用。（市商务局、市供销社按职责分工负责）", [("市商务局", "support"), ("市供销社", "support")]),
        ("加快建设物流体系。（省供销合作社联合社、省商务厅等按职责分工负责）",
         [("省供销合作社联合社", "support"), ("省商务厅", "support")]),
    ],
)
def test_cooperatives_in_lists(text: str, expected: list[tuple[str, str]]) -> None:
    assert _pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # mass organisations (人民团体, 社会团体) are bodies: the list holding one is read (b002)
        ("各相关单位、人民团体、社会组织要按照国家有关部署，积极发挥自身作用。",
         [("各相关单位", "implement"), ("人民团体", "implement"), ("社会组织", "implement")]),
        # ... but never the object of 调动 (b452)
        ("调动社会团体参与生态环境保护，畅通沟通渠道。", []),
    ],
)
def test_mass_organisations(text: str, expected: list[tuple[str, str]]) -> None:
    assert _pairs(text) == expected
