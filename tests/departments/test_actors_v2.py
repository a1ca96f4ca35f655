"""Actors of general shape (FORMAT v2): conditional populations, distributive lists whose
level flows forward, 会同 partners after 由, and a single body that 统一组织 a task.

* "300张床位以下的养老机构应…": a population defined by a numeric condition acts;
* "由省级人力资源社会保障、财政等部门会同有关行业主管部门研究…": 省级 flows to 财政部门,
  the bodies before 会同 lead and the ones after support;
* "由市民政局统一组织实施…": the body that alone organises the task leads.
"""

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
    # conditional populations
    ("养老机构要提供医疗服务，300张床位以下的养老机构应设置医务室或诊所。",
     [("300张床位以下的养老机构", "implement"), ("养老机构", "implement")]),
    ("300张床位（含）以上的养老机构应设置综合门诊部。",
     [("300张床位（含）以上的养老机构", "implement")]),
    ("年综合能耗1万吨标准煤及以上的用能单位要按期开展能源审计。",
     [("年综合能耗1万吨标准煤及以上的用能单位", "implement")]),
    # a condition on things, not bodies, or a bare generic head: nothing
    ("建筑面积2万平方米及以上的大型公共建筑应达到二星级标准。", []),
    ("力争到2025年全省50%以上的大型商场达到绿色商场创建要求。", []),
    ("5家以上的企业应当联合申报。", []),
    # distributive lists: the level of the first head flows forward; 会同 partners support
    ("具体范围由省级人力资源社会保障、财政等部门会同有关行业主管部门研究提出意见。",
     [("有关行业主管部门", "support"), ("省级人力资源社会保障部门", "lead"), ("省级财政部门", "lead")]),
    ("由市发展改革、财政等部门会同有关部门制定办法。",
     [("市发展改革部门", "lead"), ("市财政部门", "lead"), ("有关部门", "support")]),
    ("市场监管、财政等部门要加强协调。",
     [("市场监管部门", "implement"), ("财政部门", "implement")]),
    # 办法 is no 办: "会同有关行业主管部门制定办法" never gives a name ending in 制定办
    ("教育、财政等部门要会同有关行业主管部门制定办法。",
     [("教育部门", "lead"), ("有关行业主管部门", "support"), ("财政部门", "lead")]),
    # a single body that 统一组织 a task leads it; several implement
    ("由市民政局统一组织实施养老护理员培训项目。", [("市民政局", "lead")]),
    ("由市民政局、市人社局组织实施培训项目。", [("市人社局", "implement"), ("市民政局", "implement")]),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_actors(text: str, expected: list[tuple[str, str]]) -> None:
    assert _pairs(text) == expected


# fmt: off
COMMA_AND_KINDS = [
    # a comma between a subject and its modal
    ("新列入名录的重点排放单位，应于2022年9月30日前向注册登记机构报送开户申请材料。",
     [("新列入名录的重点排放单位", "implement")]),
    ("开展环境信息强制性披露的企业，应当按规定通过系统披露。", [("开展环境信息强制性披露的企业", "implement")]),
    ("市能源局，要求各单位报送材料。", []),          # 要求 is no modal
    ("企业，应当披露。", []),                        # a bare generic head names nobody
    # 相关企业 is a body as 有关企业 is (b496, r09); 相关单位 stays generic (d3-chit's gold)
    ("相关企业要切实做好数据的报送工作。", [("相关企业", "implement")]),
    ("有关企业要根据自身实际务实推进相关工作。", [("有关企业", "implement")]),
    # 社会组织 is a kind of body
    ("各类社区社会组织要为老年人搭建社会参与平台。", [("各类社区社会组织", "implement")]),
    ("要加强社会组织建设。", []),
    ("鼓励社会组织参与养老服务。", []),
    # the body after 经 approves a matter; it is no duty the text assigns (held-out gold)
    ("考核结果经国务院审定后，交由干部主管部门。", []),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), COMMA_AND_KINDS)
def test_comma_subjects_and_kinds(text: str, expected: list[tuple[str, str]]) -> None:
    assert _pairs(text) == expected
