"""The spaCy EntityRuler behind body recognition: gazetteer phrases, unseen-name patterns, checks."""

from __future__ import annotations

import pytest

from extract.departments.names import is_body, qualify, resolve_self_reference
from extract.departments.recognizer import (
    LABEL_BODY,
    LABEL_COLLECTIVE,
    LABEL_KNOWN,
    is_generic,
    is_recognized_body,
    recognize,
)


@pytest.mark.parametrize(
    ("span", "expected"),
    [
        # a parenthetical list: every item is its own mention, gazetteer names labelled KNOWN
        ("自治区工业和信息化厅、发展改革委、银保监会",
         [("自治区工业和信息化厅", LABEL_KNOWN), ("发展改革委", LABEL_KNOWN), ("银保监会", LABEL_KNOWN)]),
        # unseen names by suffix (national / city / county wording)
        ("国家铁路局、中国民航局", [("国家铁路局", LABEL_BODY), ("中国民航局", LABEL_BODY)]),
        ("市城市更新和土地整备局", [("市城市更新和土地整备局", LABEL_BODY)]),
        ("各乡镇人民政府和县直各单位", [("各乡镇人民政府和县直各单位", LABEL_BODY)]),
        # a known word after a region prefix (province / city)
        ("天津银保监会", [("天津银保监会", LABEL_KNOWN)]),
        ("各盟市", [("各盟市", LABEL_COLLECTIVE)]),
        # nothing: no body ending
        ("节能减排目标责任", []),
        ("", []),
    ],
)
def test_recognize(span: str, expected: list[tuple[str, str]]) -> None:
    assert [(m.text, m.label) for m in recognize(span)] == expected


@pytest.mark.parametrize(
    ("name", "body"),
    [
        # gazetteer names the suffix table cannot see
        ("人民银行", True), ("银保监会", True), ("证监会", True), ("团省委", True),
        # unseen bodies at every level
        ("省粮食和物资储备局", True), ("市公安交管局", True), ("县乡村振兴局", True), ("宁东管委会生态环境局", True),
        ("省应急管理厅", True), ("各地级以上市生态环境局", True), ("未完成目标的企业", True), ("控排企业", True),
        # clause openers, outline markers, verbs and modals are not part of a name
        ("但企业", False), ("（四）控排企业", False), ("通知辖区内重点排放单位", False),
        ("督促各重点排放单位", False), ("项目申报单位可自行或委托有技术实力的专业机构", False),
        ("重点排放单位向自治区生态环境厅", False), ("贵企业（单位", False),
        # bare generic heads name nobody
        ("企业", False), ("单位", False), ("相关企业", True), ("相关单位", False),
    ],
)
def test_is_body(name: str, body: bool) -> None:
    assert is_body(name) is body


def test_recognizer_alone_accepts_what_the_regex_cannot_see() -> None:
    assert is_recognized_body("银保监会")
    assert not is_recognized_body("银保监会要求")
    assert is_generic("企业") and not is_generic("重点用能企业")


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        # enterprises, railway bureaus and party-youth bodies keep their own names
        (["省交通运输厅", "南昌铁路局", "省机场集团公司"], ["省交通运输厅", "南昌铁路局", "省机场集团公司"]),
        (["省金融监管局", "人行南昌中心支行", "江西银保监局"], ["省金融监管局", "人行南昌中心支行", "江西银保监局"]),
        (["省妇联", "团省委"], ["省妇联", "团省委"]),
        # government cores, known or unseen, inherit
        (["省发展改革委", "体育局", "粮食和物资储备局"], ["省发展改革委", "省体育局", "省粮食和物资储备局"]),
        (["县发展改革局", "应急管理局"], ["县发展改革局", "县应急管理局"]),
        (["市发展改革委", "人民银行天津分行", "市金融局"], ["市发展改革委", "人民银行天津分行", "市金融局"]),
    ],
)
def test_inheritance_only_for_government_cores(items: list[str], expected: list[str]) -> None:
    assert qualify(items) == expected


@pytest.mark.parametrize(
    ("name", "issuers", "expected"),
    [
        ("我厅", ["广东省生态环境厅"], "广东省生态环境厅"),
        ("本局", ["高平市能源局"], "高平市能源局"),
        ("我局", ["山东省发展和改革委员会", "国家能源局山东监管办"], "我局"),  # no issuer ends in 局
        ("我委", ["山东省发展和改革委员会", "中国人民银行济南分行"], "我委"),  # 委员会 ≠ 委: kept as written
        ("我厅", [], "我厅"),
        ("市能源局", ["高平市能源局"], "市能源局"),  # not a pronoun: never rewritten
        ("我局", ["深圳市生态环境局", "深圳市发展和改革委员会"], "深圳市生态环境局"),
    ],
)
def test_self_reference_resolves_to_the_issuer(name: str, issuers: list[str], expected: str) -> None:
    assert resolve_self_reference(name, issuers) == expected


def test_the_segmenter_knows_the_gazetteer() -> None:
    from extract.language.nlp.segmenter import cut

    assert "银保监会" in cut("省银保监会牵头负责")
