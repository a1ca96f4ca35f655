"""Duties a notice gives its addressees with a bare 请, no subject written.

    请于2021年7月30日前将申报材料（附件1-5）纸质版一式两份寄送至工业和信息化部     (d2-b551)
    请通知辖区内重点排放单位及时登录福建碳排放配额注册登记系统                       (r08)
    请督促指导你省份获得命名和获批开展示范创建的园区按要求提交年度相关报告           (r10)

A request names whom it asks through the notice's 主送 line, so each recipient there has the
duty: lead when a single recipient alone 组织 / 统筹 it (FORMAT v2), else implement. The
closing "请认真贯彻执行" / "请遵照执行" assigns nothing (FORMAT v2), and neither does "请注意…"
or a request inside a quotation. A sentence whose subject is written ("请各地区…", "请你们…")
is read by :mod:`.responsibilities`, never here.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..language.data import load_yaml
from ..model import Document, Responsibility
from .names import is_body

# 请 opening a sentence or a line, and the request up to its end.
REQUEST = re.compile(r"(?:^|(?<=[。；;！\n]))[ \t\u3000]*请(?P<duty>[^。；;！\n]{4,200})", re.M)
# Closing formulas and notes that ask nothing of anyone in particular.
NOT_A_DUTY = re.compile(r"^(?:[^，,]{0,12}(?:贯彻执行|贯彻落实|遵照执行|认真执行|参照执行|抓好落实|组织实施)$|注意|予以|批评指正|"
                        r"各位|大家|你们|您)")
# Before the verb a single addressee leads with (role_triggers.yaml sole_lead_verbs): its basis
BASIS_BEFORE = r"^(?:按照[^，,]{0,40}[，,])?"
# Recipients that name nobody in particular ("…，有关单位：").
GENERIC_RECIPIENTS = ("有关单位", "相关单位", "各有关单位", "各相关单位", "各单位")
# A subject defined by a condition: "请符合条件、有意向申报的单位认真填写…" (an applicant, FORMAT v2)
DEFINED_SUBJECT = re.compile(r"^[^，,]{0,20}的(?:单位|企业|机构|园区|个人)")
# Longest prefix tried as a written subject ("请各省级生态环境主管部门…").
MAX_SUBJECT = 30


def addressed_duties(doc: Document, found: list[Responsibility]) -> list[Responsibility]:
    """Records for each bare request not already ``found``: the bodies of the last request
    that named its subject ("请各二级单位组织…。…请将上述材料于…前报送": seed 000), else the
    recipients."""
    recipients = [r for r in doc.metadata.recipients or [] if r not in GENERIC_RECIPIENTS]
    text = doc.text or ""
    if not recipients or "请" not in text:
        return []
    named = sorted((r.span[0], r.department) for r in found if text.startswith("请", r.span[0]))
    out: list[Responsibility] = []
    for m in REQUEST.finditer(text):
        duty, start = m.group("duty").strip(), m.start("duty") - 1
        if NOT_A_DUTY.match(duty) or _has_subject(duty) or any(
                r.span[0] < m.end() and start < r.span[1] for r in found):
            continue
        before = [n for n in named if n[0] < start]
        bodies = [d for s, d in before if s == before[-1][0]] if before else recipients
        role = "lead" if len(bodies) == 1 and _lead_opening().match(duty) else "implement"
        out.extend(Responsibility(department=b, role=role, task=duty[:120], evidence=text[start:m.end()],
                                  span=(start, m.end())) for b in bodies)
    return out


@lru_cache(maxsize=1)
def _lead_opening() -> re.Pattern[str]:
    """组织 / 统筹 opening the request, after its basis ("请按照《通知》…，组织本地区企业…")."""
    return re.compile(BASIS_BEFORE + rf"(?:{'|'.join(load_yaml('role_triggers.yaml')['sole_lead_verbs'])})")


def _has_subject(duty: str) -> bool:
    """"各地区参照…" / "有关省级工业和信息化主管部门进行核查": the request names its subject."""
    return duty.startswith(("各", "有关", "相关", "你", "贵")) or bool(DEFINED_SUBJECT.match(duty)) or any(
        is_body(duty[:k]) for k in range(2, min(len(duty), MAX_SUBJECT) + 1))
