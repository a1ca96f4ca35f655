"""Generalization of responsibilities to unseen notices: the classes of errors seen on real PDFs.

Each case is notice wording of a national / provincial / city / county body (several
wordings per class) and sentences that must yield nothing.
"""

from __future__ import annotations

import pytest

from extract.model import Document, Metadata
from extract.rules.responsibilities import extract_responsibilities, technical_annexes
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
        ("（二）相关企业应配合开展核查。", []),
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
        ("由县农业农村局组织开展秸秆综合利用试点。", [("县农业农村局", "implement")]),
        # 或 joins alternative bodies
        ("由街道办事处或镇政府作为申报主体提出创建申请。", [("街道办事处", "implement"), ("镇政府", "implement")]),
        # 由 X 会同 Y: X leads; 协同推进 is support
        ("由市生态环境局会同市发展改革委统筹协调实施，市工业和信息化局、市教育局等有关部门协同推进。",
         [("市生态环境局", "lead"), ("市工业和信息化局", "support"), ("市教育局", "support")]),
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
        # 我厅 / 本局 resolve to the single issuer; the task is the verb phrase after the modal
        ("（三）我厅将组织核查机构对控排企业碳排放信息报告进行核查。", ["广东省生态环境厅"],
         [("广东省生态环境厅", "implement", "组织核查机构对控排企业碳排放信息报告进行核查")]),
        ("本局将适时组织开展监督检查。", ["高平市能源局"], [("高平市能源局", "implement", "适时组织开展监督检查")]),
        ("我厅将根据相关规定核定配额。", [], [("我厅", "implement", "根据相关规定核定配额")]),
        # a PDF line wrap inside the sentence does not cut the task to its preposition
        ("（一）对按基准线法分配配额的控排企业，我厅将根据\n2020年度企业产品产量及相关数据资料计算核定配额。",
         ["广东省生态环境厅"],
         [("广东省生态环境厅", "implement", "根据\n2020年度企业产品产量及相关数据资料计算核定配额")]),
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
                                             ("省级生态环境主管部门", "implement")]


@pytest.mark.parametrize(
    "text",
    [
        "附件：1.项目申报表\n2.联系人名单\n各县区发改局要认真组织申报。\n",  # forms, not a guideline
        "附件\n节能工作责任分工\n市能源局要牵头做好统筹协调。\n",
    ],
)
def test_non_technical_annexes_keep_their_duties(text: str) -> None:
    assert technical_annexes(text) == []
    assert _records(text)
