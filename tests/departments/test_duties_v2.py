"""FORMAT v2 rules on who is responsible: prohibitions and eligibility conditions are no duty,
a single body that 组织/统筹 leads, 在职责范围内 is support, 与 joins two bodies, 联合 is a cue."""

from __future__ import annotations

import pytest

from extract.departments.responsibilities import extract_responsibilities
from extract.model import Document, Metadata
from extract.settings import Settings


def _pairs(text: str) -> list[tuple[str, str]]:
    doc = Document(id="x", source="s", format="txt", text=text, metadata=Metadata())
    return sorted({(r.department, r.role) for r in extract_responsibilities(doc, Settings())})


# fmt: off
CASES = [
    # prohibitions: never a task, never a duty
    ("金融机构不得提供信贷支持。", []),
    ("电网企业不得另行收取配套费。", []),
    ("各地要严禁新增钢铁产能。", []),
    ("各级财政部门禁止挪用专项资金。", []),
    ("重点用能单位不准擅自停运监测设备。", []),
    # eligibility conditions of applicants and agencies
    ("开展绿色制造体系相关评价工作的第三方机构应满足以下基本条件：", []),
    ("申报单位须具备独立法人资格。", []),
    ("申报企业应符合国家产业政策。", []),
    # the duty before a prohibition still counts
    ("市财政局要给予资金保障，不得挪用。", [("市财政局", "support")]),
    # a single body that organises or co-ordinates leads
    ("市生态环境局将组织对温室气体排放报告开展核查。", [("市生态环境局", "lead")]),
    ("省发展改革委要统筹推进节能降碳工作。", [("省发展改革委", "lead")]),
    ("县农业农村局要组织实施秸秆综合利用项目。", [("县农业农村局", "implement")]),
    # several bodies organising together implement it
    ("省发展改革委、省能源局要组织开展专项检查。", [("省发展改革委", "implement"), ("省能源局", "implement")]),
    # 在职责范围内 is support
    ("各行业主管部门要在职责范围内抓好行业节能减煤工作落实。", [("各行业主管部门", "support")]),
    ("省直有关部门要在各自职责范围内做好政策衔接。", [("省直有关部门", "support")]),
    # 与 joins two bodies; 联合 is a cue, but not 联合制定了《…》 (an issuing act)
    ("由教育部门与人力资源社会保障部门共同开展就业帮扶。", [("人力资源社会保障部门", "implement"), ("教育部门", "implement")]),
    ("省发展改革委、省统计局联合建立重点用能单位清单。", [("省发展改革委", "implement"), ("省统计局", "implement")]),
    ("市能源局、市财政局联合制定了《节约型机关创建行动方案》，现印发给你们。", []),
    # a class of places in brackets stays one subject
    ("由各区（市、县）根据当地物价水平确定补贴标准。", [("各区（市、县）", "implement")]),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_duties(text: str, expected: list[tuple[str, str]]) -> None:
    assert _pairs(text) == sorted(expected)


# fmt: off
FRAGMENT_CASES = [
    # a verb, adverb or article number before a generic head is no part of the name (bulk PDFs)
    ("第十二条发电企业应按照规定报送数据。", [("发电企业", "implement")]),
    ("应当建立交通运输、公安、商务等相关部门协同配合的工作机制。", []),
    ("结合实际深化公共机构要开展节能改造。", []),
    ("积极推动企业要加快技术改造。", []),
    ("设区市科技局作为项目主管部门要加强审核。", []),
    ("各设区市生态环境局初审后报经省生态环境厅审定。", []),
    # a bank's branch city is not inherited by the next name
    ("（人民银行深圳市中心支行、深圳银保监局按职责分工负责）（市财政局牵头）",
     [("人民银行深圳市中心支行", "support"), ("深圳银保监局", "support"), ("市财政局", "lead")]),
    # names starting with 经 are names
    ("经济部要持续督促台电机组如期完工。", [("经济部", "implement")]),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), FRAGMENT_CASES)
def test_no_fragment_names(text: str, expected: list[tuple[str, str]]) -> None:
    assert _pairs(text) == sorted(expected)
