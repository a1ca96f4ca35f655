"""Each normalize step on realistic policy text, including text it must leave alone."""

from __future__ import annotations

import pytest

from extract.model import Document
from extract.normalize import detect_script, normalize, normalize_text
from extract.settings import Settings

# fmt: off
PINYIN_CASES = [
    ("市節(jié)能降耗考核工作會講話", "市节能降耗考核工作会讲话"),
    ("建立統(tǒng)一的經(jīng)濟核算體系", "建立统一的经济核算体系"),
    ("詳見附件(见附件)", "详见附件(见附件)"),
    ("执行《建筑节能标准》(DB14/T2001-2020)", "执行《建筑节能标准》(DB14/T2001-2020)"),
    ("节能目标(20分)", "节能目标(20分)"),
    ("（一）完善制度体系", "（一）完善制度体系"),
    ("国资委(工业办)波会同志", "国资委(工业办)波会同志"),
    ("采用LED(light)灯具", "采用LED(light)灯具"),
]

WIDTH_CASES = [
    ("到２０２５年下降１５％", "到2025年下降15%"),
    ("完成５．３亿吨钢铁产能改造", "完成5.3亿吨钢铁产能改造"),
    ("万元ＧＤＰ能耗", "万元GDP能耗"),
    ("各单位：（一）按时报送，“十四五”。", "各单位：（一）按时报送，“十四五”。"),
    # a Chinese-numeral year's zero typed as a look-alike is 〇 (b434, b464)
    ("展望二O三五年", "展望二〇三五年"),
    ("二○二一年十月", "二〇二一年十月"),
    ("二0二二年底前", "二〇二二年底前"),
    ("一九九O年", "一九九〇年"),
    ("COD二O项", "COD二O项"),  # no year: the O stays
]

WHITESPACE_CASES = [
    ("到 2021 年底完成", "到2021年底完成"),
    ("每项得 2 分", "每项得2分"),
    ("关于印发《方案》的 通 知", "关于印发《方案》的通知"),
    ("联 系 人：金玲", "联系人：金玲"),
    ("传    真：010-88413388", "传真：010-88413388"),
    ("\u3000\u3000为贯彻落实党中央决策部署，", "为贯彻落实党中央决策部署，"),
    ("比 2020 年分别下降 8%、10 %以上", "比2020年分别下降8%、10%以上"),
    ("Energy  Star 认证", "Energy Star认证"),
    ("序号\t考核内容\t分值", "序号\t考核内容\t分值"),
]

BOILERPLATE_CASES = [
    ("導語:市節(jié)能降耗考核工作會講話一文來源于網(wǎng)友上傳,不代表本站觀點,若需要原創(chuàng)文章可咨詢客服老師,歡迎參考。\n正文。", "正文。"),
    ("正文。\n[返回上海证券报·中国证券网新闻](//finews.example.com/c.html)｜[返回首页](//finews.example.com/)", "正文。\n"),
    ("正文。\n分享到：微信 微博 QQ空间", "正文。\n"),
    ("正文。\n<http://finews.zning.xyz/html_News/NewsShare.html?infoCode=NW2022>", "正文。\n"),
    ("正文。\n【打印本页】 【关闭窗口】", "正文。\n"),
    ("正文。\n（文章来源：上海证券报·中国证券网）", "正文。\n"),
    # prose that mentions a URL or 来源 stays
    ("本文件相关附件请在集团公司网站（www.cnbm.com.cn）下载。", "本文件相关附件请在集团公司网站（www.cnbm.com.cn）下载。"),
    ("拓宽资金来源渠道，返回资金用于节能改造。", "拓宽资金来源渠道，返回资金用于节能改造。"),
]

LINE_CASES = [
    ("为完成《节约型机关创建行动方案》，到2020年底，全市25%\n\n的党政机关要建成节约型机关。", "为完成《节约型机关创建行动方案》，到2020年底，全市25%的党政机关要建成节约型机关。"),
    ("按照国家发改委《绿色生活创建行动总体方案》（发改环资〔2019〕1696号），国管局《关于印发〈节约型机关创建行动方案〉的通知》（国管节能〔2020〕39号）和省直\n\n属机关事务管理局、省发展改革委联合印发。", "按照国家发改委《绿色生活创建行动总体方案》（发改环资〔2019〕1696号），国管局《关于印发〈节约型机关创建行动方案〉的通知》（国管节能〔2020〕39号）和省直属机关事务管理局、省发展改革委联合印发。"),
    # real breaks stay: sentence end, heading, marker, title, signature, date
    ("制定本方案。\n一、总体要求\n以习近平新时代中国特色社会主义思想为指导，", "制定本方案。\n一、总体要求\n以习近平新时代中国特色社会主义思想为指导，"),
    ("关于进一步加强节能减排目标管理的通知\n各子（集团）公司、科研设计院（所）及有关单位：", "关于进一步加强节能减排目标管理的通知\n各子（集团）公司、科研设计院（所）及有关单位："),
    ("请认真贯彻执行。\n\n高平市能源局\n\n高平市发展和改革委员会\n\n2020年8月3日", "请认真贯彻执行。\n\n高平市能源局\n\n高平市发展和改革委员会\n\n2020年8月3日"),
    ("各级财政部门要给予必要的资金保障，推动各项工作\n（二）组织申报。", "各级财政部门要给予必要的资金保障，推动各项工作\n（二）组织申报。"),
    ("加强统筹协调，各部门要按职责分工，抓好落实\n附件：高平市节约型机关评价标准", "加强统筹协调，各部门要按职责分工，抓好落实\n附件：高平市节约型机关评价标准"),
    # table rows never join
    ("\t2020年度\n节能目标(20分）\t4\t能源总量控制目标", "\t2020年度\n节能目标(20分）\t4\t能源总量控制目标"),
]
# fmt: on


@pytest.mark.parametrize("raw,expected", PINYIN_CASES)
def test_normalize_removes_pinyin_only(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected


@pytest.mark.parametrize("raw,expected", WIDTH_CASES)
def test_normalize_folds_fullwidth_digits_not_punctuation(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected


@pytest.mark.parametrize("raw,expected", WHITESPACE_CASES)
def test_normalize_whitespace(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected


@pytest.mark.parametrize("raw,expected", BOILERPLATE_CASES)
def test_normalize_boilerplate(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected


@pytest.mark.parametrize("raw,expected", LINE_CASES)
def test_normalize_rejoins_broken_lines(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected


# fmt: off
PDF_PAGE = (
    "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n"
    "现将《“十四五”节能减排综合工作方案》印发给你们，请结合本地区、本部门实际，认\n"
    "真贯彻落实。\n"
    "一、总体要求\n"
    "以习近平新时代中国特色社会主义思想为指导，全面贯彻党的十九大和十九届历次全会\n"
    "精神，深入贯彻习近平生态文明思想，坚持稳中求进工作总基调，立足新发展阶段，完整、\n"
    "准确、全面贯彻新发展理念，构建新发展格局。\n"
    "（一）重点行业绿色升级工程。以钢铁、有色金属、建材、石化化工等行业为重点，推\n"
)
PDF_PAGE_2 = (
    "进节能改造和污染物深度治理。到2025年，完成5.3亿吨钢铁产能超低排放改造，大气污染\n"
    "防治重点区域燃煤锅炉全面实现超低排放。\n"
    "国务院\n"
    "2021年12月28日\n"
)
# fmt: on


def test_normalize_joins_fixed_width_pdf_lines_and_drops_page_numbers() -> None:
    raw = PDF_PAGE + "- 1 -\n" + PDF_PAGE_2 + "- 2 -\n"
    doc = Document(id="x", source="a.pdf", format="pdf", raw_text=raw,
                   raw_page_starts=[0, len(PDF_PAGE) + len("- 1 -\n")])
    text = normalize(doc, Settings()).text
    assert "请结合本地区、本部门实际，认真贯彻落实。\n一、总体要求\n" in text
    assert "全面贯彻党的十九大和十九届历次全会精神，深入贯彻" in text
    assert "以钢铁、有色金属、建材、石化化工等行业为重点，推进节能改造" in text
    assert "- 1 -" not in text and "- 2 -" not in text
    assert "超低排放。\n国务院\n2021年12月28日" in text


# fmt: off
SCRIPT_CASES = [
    ("節能降耗是國家“十一五”規劃綱要提出的一項約束性指標，是全面落實科學發展觀的重要舉措。", "traditional"),
    ("节能降耗是国家“十一五”规划纲要提出的一项约束性指标，是全面落实科学发展观的重要举措。", "simplified"),
    ("节能降耗是国家“十一五”规划纲要提出的一项约束性指标，是全面落实科學發展觀的重要举措，各地要加强领导，确保完成任务。", "mixed"),
    ("短文", "simplified"),
]
# fmt: on


@pytest.mark.parametrize("raw,expected", SCRIPT_CASES)
def test_detect_script(raw: str, expected: str) -> None:
    assert detect_script(raw) == expected


def test_normalize_keeps_huai_regression() -> None:
    """OpenCC 1.4.0 turned 坏 into 坯; the converter must not."""
    assert normalize_text("損壞公共設施的，依法追究責任；嚴禁破壞生態環境。") == "损坏公共设施的，依法追究责任；严禁破坏生态环境。"


def test_normalize_phrase_config_keeps_offsets_consistent() -> None:
    raw = "推廣資訊軟體與滑鼠等產品。\n各單位應於2025年前完成。"
    doc = Document(id="x", source="a.txt", format="txt", raw_text=raw)
    normalize(doc, Settings(opencc_config="tw2sp"))
    assert "信息" in doc.text and "软件" in doc.text and "鼠标" in doc.text
    assert len(doc.offsets) == len(doc.text) + 1 and doc.offsets[-1] == len(raw)
    assert list(doc.offsets) == sorted(doc.offsets)
    i = doc.text.index("2025")
    assert raw[doc.offsets[i]: doc.offsets[i] + 4] == "2025"
