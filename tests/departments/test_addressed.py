"""A bare 请 asks the notice's addressees (d2-b551, r08, r10), or the bodies the last
request named (seed 000); closing formulas and requests that name a subject are left alone."""

from __future__ import annotations

import pytest

from extract.departments.responsibilities import extract_responsibilities
from extract.model import Document, Metadata
from extract.settings import Settings


def _pairs(text: str, recipients: list[str]) -> list[tuple[str, str]]:
    doc = Document(id="x", source="s", format="txt", text=text, metadata=Metadata(recipients=recipients))
    return sorted({(r.department, r.role) for r in extract_responsibilities(doc, Settings())})


PROVINCES = "各省、自治区、直辖市工业和信息化主管部门"

# fmt: off
CASES = [
    # the recipients, one by one; generic ones name nobody
    ("请于2021年7月30日前将申报材料纸质版一式两份寄送至工业和信息化部。", [PROVINCES, "有关单位"],
     [(PROVINCES, "implement")]),
    ("请通知辖区内重点排放单位及时登录注册登记系统确认配额。", ["各设区市生态环境局", "平潭综合实验区自然资源与生态环境局"],
     [("各设区市生态环境局", "implement"), ("平潭综合实验区自然资源与生态环境局", "implement")]),
    # a single recipient that alone 组织 leads
    ("请按照《通知》明确的推荐程序，组织本地区企业开展申报工作。", [PROVINCES], [(PROVINCES, "lead")]),
    # the bodies the last request named carry on
    ("请各二级单位组织成员企业开展清查。请将上述材料于2012年3月10日前报送集团公司。", ["各二级单位", "科研设计院（所）"],
     [("各二级单位", "implement"), ("各二级单位", "lead")]),
    # nothing: a closing formula, a note, a subject defined by a condition, no recipients
    ("现将《方案》印发给你们，请认真贯彻执行。", [PROVINCES], []),
    ("请注意本文件的某些内容可能涉及专利。", [PROVINCES], []),
    ("请符合条件、有意向申报的单位认真填写申报表。", ["有关单位"], []),
    ("请于2021年7月30日前将申报材料寄送至工业和信息化部。", [], []),
]
# fmt: on


@pytest.mark.parametrize(("text", "recipients", "expected"), CASES)
def test_addressed_requests(text: str, recipients: list[str], expected: list) -> None:
    assert _pairs(text, recipients) == sorted(expected)
