"""`canonical` on every department a record names: full name, region resolved from the document.

The region comes from the issuers first, then from a title or recipient that opens with a
proper region; names themselves are never rewritten (FORMAT v2).
"""

from __future__ import annotations

import pytest

from extract.departments import assign_canonical, canonical_name, document_regions
from extract.model import Deadline, DepartmentRef, Document, Metadata, Responsibility, Target

# fmt: off
REGION_CASES = [
    ([], "江西省碳达峰实施方案", [], {"省": "江西省"}),
    ([], "关于印发晋城市节能减排实施方案的通知", [], {"市": "晋城市"}),
    ([], "节能工作要点", ["高平市各有关单位"], {"市": "高平市"}),
    (["高平市能源局"], "关于印发晋城市节能方案的通知", [], {"市": "高平市"}),  # the issuer wins
    (["内蒙古自治区人民政府"], None, [], {"自治区": "内蒙古自治区"}),
    # no proper region: nothing resolved
    ([], "关于加快推进城市绿色发展的通知", ["各市人民政府"], {}),
    ([], "关于加强市场监管的通知", [], {}),
    ([], "全市节能工作要点", [], {}),
    ([], "关于做好2022年节能工作的通知", ["各县（市、区）人民政府"], {}),
]

NAME_CASES = [
    ("省发展改革委", {"省": "江西省"}, [], "江西省发展和改革委员会"),
    ("省住房城乡建设厅", {"省": "江西省"}, [], "江西省住房和城乡建设厅"),
    ("自治区发改委", {"自治区": "内蒙古自治区"}, [], "内蒙古自治区发展和改革委员会"),
    ("市市场监管局", {"市": "高平市"}, [], "高平市市场监督管理局"),
    ("国家发展改革委", {"省": "江西省"}, [], "国家发展和改革委员会"),
    ("国网江西省电力公司", {"省": "江西省"}, [], "国网江西省电力公司"),
    ("我部", {}, ["工业和信息化部办公厅"], "工业和信息化部办公厅"),
    # unresolved regions and generic bodies stay as written
    ("市能源局", {}, [], "市能源局"),
    ("各市住建局", {"市": "高平市"}, [], "各市住房和城乡建设局"),
    ("各有关部门", {"省": "江西省"}, [], "各有关部门"),
]
# fmt: on


@pytest.mark.parametrize(("issuers", "title", "recipients", "expected"), REGION_CASES)
def test_document_regions(issuers, title, recipients, expected) -> None:
    assert document_regions(issuers, title, recipients) == expected


@pytest.mark.parametrize(("name", "homes", "issuers", "expected"), NAME_CASES)
def test_canonical_name(name, homes, issuers, expected) -> None:
    assert canonical_name(name, homes, issuers) == expected


def test_every_record_gets_canonical_and_keeps_its_name() -> None:
    doc = Document(id="x", source="s", format="txt", text="",
                   metadata=Metadata(title="江西省碳达峰实施方案"))
    doc.responsibilities.append(Responsibility(department="省发展改革委", role="lead", task="t", evidence="e", span=(0, 1)))
    doc.targets.append(Target(indicator="i", value=1, unit="%", direction="reach", evidence="e", span=(0, 1),
                              departments=[DepartmentRef(name="省能源局", role="lead")]))
    doc.deadlines.append(Deadline(task="t", evidence="e", span=(0, 1), responsible=["省发改委", "各设区市人民政府"]))
    out = assign_canonical(doc).to_dict()
    r = out["responsibilities"][0]
    assert (r["department"], r["canonical"]) == ("省发展改革委", "江西省发展和改革委员会")
    assert out["targets"][0]["departments"][0] == {"name": "省能源局", "role": "lead", "canonical": "江西省能源局"}
    assert out["deadlines"][0]["responsible_canonical"] == ["江西省发展和改革委员会", "各设区市人民政府"]
