"""Body recognition, prefix inheritance and canonical keys (alias merging by region)."""

from __future__ import annotations

import pytest

from extract.departments.names import canonical, home_regions, is_body, qualify, split_list, split_region


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a pair of one place's bodies written with the place once names both (FORMAT v2)
        ("地方各级党委和政府", ["地方各级党委", "地方各级政府"]),
        ("各级党委政府", ["各级党委", "各级政府"]),
        ("县（区）党委和政府", ["县（区）党委", "县（区）政府"]),
        ("各地区、各级党委和政府", ["各地区", "各级党委", "各级政府"]),
        ("各级党委和政府、各有关部门", ["各级党委", "各级政府", "各有关部门"]),
        ("各县区、各有关部门和单位", ["各县区", "各有关部门", "各有关单位"]),
        ("项目归口管理部门和单位", ["项目归口管理部门", "项目归口管理单位"]),
        # without a place nothing is spelled out; separate names stay as written
        ("党委和政府", ["党委和政府"]),
        ("部门和单位", ["部门和单位"]),
        ("市委、市政府", ["市委", "市政府"]),
        ("各级党政机关", ["各级党政机关"]),
        ("教育部门与人力资源社会保障部门", ["教育部门", "人力资源社会保障部门"]),
    ],
)
def test_split_list(text: str, expected: list[str]) -> None:
    assert split_list(text) == expected


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        (["自治区工业和信息化厅", "发展改革委", "生态环境厅"],
         ["自治区工业和信息化厅", "自治区发展改革委", "自治区生态环境厅"]),
        (["市发展改革委", "市生态环境局"], ["市发展改革委", "市生态环境局"]),
        (["自治区能源局", "内蒙古邮政管理局", "中国铁路呼和浩特局集团有限公司"],
         ["自治区能源局", "内蒙古邮政管理局", "中国铁路呼和浩特局集团有限公司"]),
        (["自治区市场监管局", "人民银行呼和浩特中心支行"], ["自治区市场监管局", "人民银行呼和浩特中心支行"]),
        (["各盟行政公署", "市人民政府"], ["各盟行政公署", "各市人民政府"]),
        (["省发展改革委", "市场监管局"], ["省发展改革委", "省市场监管局"]),
        (["自治区农牧厅", "乡村振兴局"], ["自治区农牧厅", "自治区乡村振兴局"]),
        (["国家发展改革委", "工业和信息化部"], ["国家发展改革委", "工业和信息化部"]),
        (["晋城市能源局", "财政局"], ["晋城市能源局", "晋城市财政局"]),
        (["自治区党委宣传部", "妇联"], ["自治区党委宣传部", "自治区妇联"]),
        # a generic body names no office, so no place (b086: "县（区）党委和政府及有关部门")
        (["县（区）政府", "有关部门"], ["县（区）政府", "有关部门"]),
        (["市发展改革委", "相关部门"], ["市发展改革委", "相关部门"]),
        (["各县区政府", "各有关单位"], ["各县区政府", "各有关单位"]),
    ],
)
def test_prefix_inheritance(items: list[str], expected: list[str]) -> None:
    assert qualify(items) == expected


@pytest.mark.parametrize(
    ("name", "body"),
    [
        ("市直各有关部门", True), ("各重点用能企业", True), ("集团公司", True), ("各县市区", True),
        ("自治区大数据中心", True), ("节能工作领导小组", True), ("全部", False), ("领导干部", False),
        ("节能减排目标", False), ("考核指标的选取", False),
    ],
)
def test_is_body(name: str, body: bool) -> None:
    assert is_body(name) is body


def test_split_region() -> None:
    assert split_region("各市人民政府").name == "各市人民政府"
    assert (split_region("高平市能源局").region, split_region("高平市能源局").core) == ("高平市", "能源局")
    assert split_region("市场监管局").region == ""


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("市发改委", "市发展改革委", True),
        ("市发展和改革委员会", "市发展改革委", True),
        ("省发展改革委", "市发展改革委", False),
        ("自治区住建厅", "自治区住房和城乡建设厅", True),
        ("国家发改委", "国家发展改革委", True),
        ("自治区卫生健康委员会", "自治区卫健委", True),
        ("市能源局", "市财政局", False),
        # 政府 is 人民政府 (b091, b239: "省政府" / "江苏省政府" beside "江苏省人民政府")
        ("江苏省政府", "江苏省人民政府", True),
        ("县政府", "县人民政府", True),
        ("省政府", "市人民政府", False),
    ],
)
def test_aliases_merge_only_within_a_region(a: str, b: str, same: bool) -> None:
    assert (canonical(a) == canonical(b)) is same


def test_relative_regions_resolve_to_the_issuer() -> None:
    homes = home_regions(["高平市能源局", "高平市发展和改革委员会"])
    assert homes == {"市": "高平市"}
    assert canonical("市发改委", homes).name == "高平市发展改革委"
    assert canonical("省发改委", homes).name == "省发展改革委"
    assert home_regions(["高平市能源局", "晋城市能源局"]) == {}
