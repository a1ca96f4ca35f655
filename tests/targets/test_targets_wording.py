"""Targets on wordings of unseen notices: formulas, references, hedges, thresholds, regions.

Each table holds several real-notice wordings of one rule, and sentences that must yield
nothing (the failure modes seen on the real PDFs of corpora/real).
"""

from __future__ import annotations

import pytest

# fmt: off
# Formulas, figure/table/attachment references and list sizes are never targets.
NOTHING = [
    "工业增加值占比（%）=园区工业增加值（万元）/园区GDP（万元）×100%",
    "单位产品碳排放下降率=（基期排放强度-评价期排放强度）/基期排放强度×100%",
    "园区碳排放强度按式（A.2）计算，Y=E/G。",
    "绿色低碳工厂建设评价体系框架如图1所示。",
    "申报材料格式见附件3，评价指标见表2。",
    "碳减排支持工具主要针对清洁能源、节能环保、碳减排技术三类、23个子领域项目。",
    "发放对象包括国家开发银行、进出口银行、交通银行等7家金融机构。",
    "重点领域包括清洁能源、节能环保和碳减排技术三大领域、23个子领域。",
    "按照附件2第5条的要求报送材料。",
]

# (sentence, [(indicator, scope, value, unit)])
HEDGES = [
    ("到2030年，生物质发电装机容量力争达到150万千瓦左右。",
     [("生物质发电装机容量", None, 150, "万千瓦")]),
    ("新建通道可再生能源电量比例原则上不低于50%。",
     [("新建通道可再生能源电量比例", None, 50, "%")]),
    ("到2025年，长江干流水质稳定达到Ⅱ类。",
     [("长江干流水质", None, 2, "类")]),
    ("到2025年，非化石能源消费比重力争比2020年提高4个百分点以上。",
     [("非化石能源消费比重", None, 4, "个百分点")]),
    ("到2025年，全市公共机构单位建筑面积能耗确保下降5%。",
     [("公共机构单位建筑面积能耗", "全市", 5, "%")]),
    ("到2025年，快递包装绿色产品使用比例每年提升10%。",
     [("快递包装绿色产品使用比例", None, 10, "%")]),
    # a class named in brackets is part of the indicator (b009, b416, b420, b434)
    ("到2025年，近岸海域水质优良（一、二类）比例达到79%左右。", [("近岸海域水质优良（一、二类）比例", None, 79, "%")]),
    # an alternative verb and a trend verb naming a kind of area are no part of the verb (b086, b150)
    ("“十四五”期间，新建或改造城镇污水处理厂17座。", [("城镇污水处理厂", None, 17, "座")]),
    ("到2025年，新增森林质量精准提升面积500万亩。", [("森林质量精准提升面积", None, 500, "万亩")]),
    # a copula or preposition before the number is no part of the indicator (b504, b405, b452)
    ("2021年，航空控排企业免费配额比例为100%。", [("航空控排企业免费配额比例", None, 100, "%")]),
    ("到2025年，适当提高可再生能源比重至20%。", [("可再生能源比重", None, 20, "%")]),
    # a hedge with its own year, a level after 在, a level kept (保持) (round 4)
    ("天然气年产量力争2025年达到2300亿立方米以上。", [("天然气年产量", None, 2300, "亿立方米")]),
    ("到2025年，食用林产品质量安全监测总体合格率在97%以上。",
     [("食用林产品质量安全监测总体合格率", None, 97, "%")]),
    ("到2025年，煤电装机在1.33亿千瓦左右。", [("煤电装机", None, 1.33, "亿千瓦")]),
    ("确保污泥无害化处置率保持100%。", [("污泥无害化处置率", None, 100, "%")]),
    ("到2025年，胶州湾水质优良比例保持70%以上。", [("胶州湾水质优良比例", None, 70, "%")]),
]

THRESHOLD_SCOPES = [
    ("到2030年，城区常住人口100万以上的城市绿色出行比例不低于70%。",
     [("绿色出行比例", "城区常住人口100万以上的城市", 70, "%")]),
    ("到2025年，年综合能耗1万吨标准煤以上的企业能源管理中心建设比例达到90%。",
     [("能源管理中心建设比例", "年综合能耗1万吨标准煤以上的企业", 90, "%")]),
    ("到2025年，废钢铁、废铜、废铝、废纸、废塑料等9种主要再生资源循环利用量达到4.5亿吨。",
     [("主要再生资源循环利用量", None, 4.5, "亿吨")]),
    ("到2025年，钢铁、水泥、平板玻璃3类重点行业能效标杆产能比例达到30%。",
     [("重点行业能效标杆产能比例", None, 30, "%")]),
]

REGION_LISTS = [
    ("“十四五”时期，京津冀及周边地区、长三角地区煤炭消费量分别下降10%、5%左右。",
     [("煤炭消费量", "京津冀及周边地区", 10, "%"), ("煤炭消费量", "长三角地区", 5, "%")]),
    ("到2025年，汾渭平原、成渝地区细颗粒物浓度分别下降12%、10%。",
     [("细颗粒物浓度", "汾渭平原", 12, "%"), ("细颗粒物浓度", "成渝地区", 10, "%")]),
    ("到2025年，长江流域、黄河流域优良水体比例分别达到85%、80%。",
     [("优良水体比例", "长江流域", 85, "%"), ("优良水体比例", "黄河流域", 80, "%")]),
]

SHARED_HEADS = [
    ("化学需氧量、氨氮、氮氧化物、挥发性有机物等主要污染物重点工程减排量分别达到1.6万吨、0.04万吨、2.08万吨、0.99万吨。",
     ["化学需氧量减排量", "氨氮减排量", "氮氧化物减排量", "挥发性有机物减排量"]),
    ("到2025年，全市城镇污水集中处理率、污泥无害化处置率均达到97%以上。",
     ["城镇污水集中处理率", "污泥无害化处置率"]),
    # 均 with a base and a verb before the number shares it too (b422)
    ("到2025年，万元地区生产总值和万元工业增加值用水量均较2020年降低16%以上。",
     ["万元地区生产总值用水量", "万元工业增加值用水量"]),
    # one-character sizes share all the last item says after its own (b462)
    ("2025年底前，大、中、小型绿色矿山建设率达到90%、80%、70%。",
     ["大型绿色矿山建设率", "中型绿色矿山建设率", "小型绿色矿山建设率"]),
    # ... but 及 of 及以上 joins no items
    ("到2025年，全市重度及以上污染天数比率控制在1%以内。", ["重度及以上污染天数比率"]),
]

# Staged targets without a repeated indicator, and "verb + number + counted noun".
IMPLICIT = [
    ("到2025年，主要再生资源循环利用量达到4.5亿吨，到2030年达到5.1亿吨。",
     [("主要再生资源循环利用量", 4.5, "2025"), ("主要再生资源循环利用量", 5.1, "2030")]),
    ("到2025年，城镇生活垃圾资源化利用率提升至60%左右，到2030年提升至70%。",
     [("城镇生活垃圾资源化利用率", 60, "2025"), ("城镇生活垃圾资源化利用率", 70, "2030")]),
    ("到2025年，创建2000家节约型公共机构示范单位。",
     [("节约型公共机构示范单位数量", 2000, "2025")]),
    ("到2030年，争取创建30个特色鲜明、差异化发展的碳达峰试点城市。",
     [("碳达峰试点城市数量", 30, "2030")]),
    ("到2025年，全市至少建成5个近零碳排放社区的试点示范。",
     [("近零碳排放社区数量", 5, "2025")]),
    ("到2025年，完成5.3亿吨钢铁产能超低排放改造。",
     [("钢铁产能超低排放改造", 5.3, "2025")]),
]
# fmt: on


@pytest.mark.parametrize("text", NOTHING)
def test_formula_reference_and_list_size_are_nottargets_of(text: str, targets_of) -> None:
    assert targets_of(text) == []


@pytest.mark.parametrize("text,expected", HEDGES + THRESHOLD_SCOPES + REGION_LISTS)
def test_indicator_without_hedges_thresholds_or_regions(text: str, expected: list, targets_of) -> None:
    got = [(t["indicator"], t["scope"], t["value"], t["unit"]) for t in targets_of(text)]
    assert got == expected


@pytest.mark.parametrize("text,expected", SHARED_HEADS)
def test_list_items_share_the_head_once(text: str, expected: list, targets_of) -> None:
    assert [t["indicator"] for t in targets_of(text)] == expected


@pytest.mark.parametrize("text,expected", IMPLICIT)
def test_staged_and_counted_indicators(text: str, expected: list, targets_of) -> None:
    assert [(t["indicator"], t["value"], t["deadline"]) for t in targets_of(text)] == expected


def test_trigger_inside_a_noun_is_not_the_verb(targets_of) -> None:
    """"减排" in "碳减排技术" is a noun; the verb is the later 达到."""
    got = targets_of("到2025年，碳减排技术推广比例达到60%。")
    assert [(t["indicator"], t["direction"], t["value"]) for t in got] == [("碳减排技术推广比例", "reach", 60)]


# fmt: off
# Indicator construction (audit classes IND-TRUNC, IND-EXTRA, IND-VERB, IND-ELLIPSIS): the head
# noun after 的 is what a count counts (unless it names the action on the modifier); period,
# comparison and footnote marks, a leading goal verb and a trailing 约 are no part of it; a
# level word shares the head of the last conjunct.
INDICATORS = [
    ("到2025年，形成70个左右具有竞争优势的化工园区。", ["化工园区数量"]),
    ("2025年建成7500个宜居宜业宜游的美丽乡村。", ["美丽乡村数量"]),
    ("到2025年，建成2个低碳社区的创建。", ["低碳社区数量"]),
    ("“十四五”时期，单位GDP能耗五年累计下降13.5%。", ["单位GDP能耗"]),
    ("到2025年，挥发性有机物排放总量比“十三五”降低10%以上。", ["挥发性有机物排放总量"]),
    ("到2025年，全省森林覆盖率1达到58.9%。", ["森林覆盖率"]),
    ("到2025年，PM2.5年均浓度降至30微克/立方米。", ["PM2.5年均浓度"]),
    ("到2025年，建成新能源换电站超过200座。", ["新能源换电站"]),
    ("到2025年，争创国家科技创新基地2家。", ["国家科技创新基地"]),
    ("到2025年，新建建筑中绿色建筑占比达到100%。", ["新建建筑中绿色建筑占比"]),
    ("到2025年，新增风电、光伏、核电发电装机容量约2000万千瓦、2000万千瓦、240万千瓦。",
     ["风电装机容量", "光伏装机容量", "核电发电装机容量"]),
    ("到2025年，建成10个国家级、100个省级农村产业融合示范园。",
     ["国家级农村产业融合示范园数量", "省级农村产业融合示范园数量"]),
]
# fmt: on


@pytest.mark.parametrize("text,expected", INDICATORS)
def test_targets_indicator_construction(text: str, expected: list, targets_of) -> None:
    assert [t["indicator"] for t in targets_of(text)] == expected
