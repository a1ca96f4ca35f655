"""Metadata of real pages and files (issue 13): labelled headers, markup, menus, news reports,
cover lines, work reports, 令 numbers, odd dates, validity.  Each case is a realistic page head."""

from __future__ import annotations

import pytest

from extract.metadata.dates import parse_date, revision_month, validity
from extract.metadata.labels import clean_title
from extract.model import Document
from extract.normalize import normalize
from extract.settings import Settings


def meta(raw: str, fmt: str = "txt", front: dict | None = None, script: str = "simplified"):
    from extract.metadata import extract_metadata

    doc = Document(id="x", source=f"x.{fmt}", format=fmt, raw_text=raw, front_matter=front or {})
    doc = normalize(doc, Settings())
    doc.script = script
    return extract_metadata(doc, Settings())


GOV_HEADER = """索引号：000014349/2025-00061
主题分类：劳动、人事、监察
发文机关：国务院办公厅
成文日期：2025年07月03日
标题：国务院办公厅关于进一步加大稳就业政策支持力度的通知
发文字号：国办发〔2025〕25号
发布日期：2025年07月09日
正文
国务院办公厅关于进一步加大

稳就业政策支持力度的通知
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
现将有关事项通知如下。
"""

CRAWLED_GLUED = """标题:某某新区管委会办公室关于印发某某新区专项资金考评管理办法的通知
发布时间: 2023-05-30 09:43
发布机构:某某新区财政金融局
====================正文====================
各片区管理局，区直各单位，各区属事业单位：《某某新区专项资金考评管理办法》已经区管委会研究同意，现印发给你们，请认真贯彻执行。
"""

SCHOOL_PAGE = """今天是
公共文件夹|智慧校园|教学平台|办公电话|作息时间
学生之星
团学动态
团支部考核细则
某某一中团支部考核细则
（2020.09修订）
一、组织建设
"""

NEWS_MD = """10000亿元！某江省政府发文，进一步加强这项工作
为进一步提高招商引资工作水平，近日，省政府印发了《关于进一步加强招商引资工作的指导意见》。
目标是
●项目引进实现新突破
"""

JOINT_NEWS = """中共中央办公厅、国务院办公厅印发《关于深化生态保护补偿制度改革的意见》
新华社北京9月12日电近日，中共中央办公厅、国务院办公厅印发了《关于深化生态保护补偿制度改革的意见》，并发出通知，要求各地区各部门结合实际认真贯彻落实。
"""

# a PDF that lost the break between the title and the 主送 line, which runs on into the next line
GLUED_TITLE = """关于开展2022年某海市建筑领域碳达峰碳中和宣传讲座的通知市（区）绿色建筑发展中心，各建设、勘察、设计、施工、监理单位，各有关
单位：
根据《某海市住房和城乡建设局关于印发<2022年某海市建筑领域节能宣传月活动方案>的通知》要求，具体通知如下：
地点：某海市香洲区红山路102号511会议室
"""

MULTILINE_TITLE = """某东省人民政府办公厅
关于坚决遏制“两高”项目盲目发展
促进能源资源高质量配置利用
有关事项的通知
某政办字〔2022〕9号
各市人民政府，各县（市、区）人民政府，省政府有关部门，各大企业：
为深入贯彻落实党中央决策部署，现就有关事项通知如下。
"""

PLAN_WITH_YEARS = """某州省绿色制造专项行动实施方案
(2021—2025年)
为贯彻落实中央关于碳达峰碳中和重大战略决策部署，制定本方案。
"""

ORDER = """某西省人民政府令
第287号
某西省人民政府令第287号
《某西省节约能源条例实施办法》已经2021年3月1日省人民政府第95次常务会议通过，现予公布，自2021年5月1日起施行。
"""

ORDER_SPLIT = """某力可靠性管理办法(暂行)
中华人民共和国某某发展委员会令
（第50号）
《某力可靠性管理办法（暂行）》已经2021年11月23日委务会议审议通过，现予公布，自2022年6月1日起施行。
主任：某某
2022年4月16日
"""

ANNOUNCEMENT = """关于发布《某某登记管理规则（试行）》的公告
为进一步规范某某登记、交易活动，我部根据《某某管理办法（试行）》，组织制定了《某某登记管理规则（试行）》，现将有关事项公告如下：
一、某某机构成立前，由某某中心承担系统账户开立工作。
"""

STANDARD = """中华人民共和国某某行业标准
某某经济价值核算方法
本文件由中华人民共和国某某部提出。
本文件起草单位：某某部第一研究所、国家某某计量中心。
"""

WRAPPED_TITLES = """某某市生态环境局关于做好2022年本市纳
入全国碳市场管理的企业温室气体排放报告
相关工作的通知
各相关区生态环境局，有关碳排放单位：
根据要求，现将有关工作通知如下：
"""

OPEN_BOOK_MARK = """关于印发《生态环保金融支持项目储备库入库指南
（试行）》的通知
各省、自治区、直辖市生态环境厅（局）：
现印发给你们，请结合本地需求做好项目谋划。
"""

PLAN_NOTE = """2019-2020年全国碳排放权交易配额总量设定与分配
实施方案（发电行业）
一、纳入配额管理的重点排放单位名单
"""

NUMBER_AFTER_TITLE = """某岛市人民政府关于印发某岛市“十四五”生态环境保护规划
的通知(青政字〔2021〕19号)
区、市人民政府，市政府各部门：
现将《某岛市“十四五”生态环境保护规划》印发给你们，请认真贯彻执行。
"""

TITLE_INTO_PURPOSE = """某江省委省政府关于完整准确全面贯彻新发展理念做好碳达峰碳中和工作的实施意见为贯彻落实《意见》，推动我省碳达峰工作，现提出如下实施意见。
一、总体要求
"""

SEVERAL_BODIES = """某川省住房城乡建设厅等17部门关于加强县城绿色低碳建
设的实施意见
为贯彻落实有关意见精神，结合我省实际制定本意见。
"""

PROMULGATED = """某某标准管理办法
《某某标准管理办法》已于2020年11月5日由生态环境部部务会议审议通过，现予公布，自2021年2月1日起施行。
部长某某某
2020年12月15日
"""

WEB_NUMBER = """关于印发《某京市绿色社区创建行动实施方案》的通知
信息来源：市住房和城乡建设委发布时间：2021年10月15日京建发〔2021〕315号
各区人民政府，各有关单位：
现印发你们，请认真组织实施。
"""

ADOPTED = """中共某川省委关于推动绿色低碳优势产业高质量发展的决定
（2021年12月2日中国共产党某川省第十一届委员会第十次全体会议通过）
为深入贯彻新发展理念，作出如下决定。
"""

WORK_REPORT = """政府工作报告
——2023年1月10日在某某市第十七届人民代表大会第二次会议上代表市人民政府向大会作的政府工作报告
各位代表：
现在，我代表市人民政府，向大会报告工作，请予审议。
"""

COVER = """关于推进绿色低碳发展的若干措施
国家发展改革委、国家能源局，2021年6月1日
一、总体要求
"""

SPLIT_BEFORE_DE = """某某市人民政府
关于印发某某市绿色低碳循环发展经济体系实施方案
的通知
某政发〔2022〕4号
各县区政府，市政府各部门：
现将方案印发给你们。
"""

HACKMD = """:::warning
「附录、转型过程中的外界关切议题」篇章目录
[TOC]
:::

附录、转型过程中的外界关切议题

一、稳定电源供应
"""

# fmt: off
CASES = [
    # a labelled header block: the label is never part of the title; labelled fields win
    (GOV_HEADER, "title", "国务院办公厅关于进一步加大稳就业政策支持力度的通知"),
    (GOV_HEADER, "issuers", ["国务院办公厅"]),
    (GOV_HEADER, "issue_date", "2025-07-03"),
    (GOV_HEADER, "doc_number", "国办发〔2025〕25号"),
    (GOV_HEADER, "recipients", ["各省、自治区、直辖市人民政府", "国务院各部委", "国务院各直属机构"]),
    # the publisher (发布机构) is not the issuer; the 主送 line glued to the first sentence still counts
    (CRAWLED_GLUED, "title", "某某新区管委会办公室关于印发某某新区专项资金考评管理办法的通知"),
    (CRAWLED_GLUED, "issuers", ["某某新区管委会办公室"]),
    (CRAWLED_GLUED, "issue_date", "2023-05-30"),
    (CRAWLED_GLUED, "recipients", ["各片区管理局", "区直各单位", "各区属事业单位"]),
    # menus never make a title; a fuller restatement just below a page heading wins; a revision note dates it
    (SCHOOL_PAGE, "title", "某某一中团支部考核细则"),
    (SCHOOL_PAGE, "issue_date", "2020-09"),
    # a news report of a document: the document's title, and the issuer's full name from the headline
    (NEWS_MD, "title", "关于进一步加强招商引资工作的指导意见"),
    (NEWS_MD, "issuers", ["某江省政府"]),
    (GLUED_TITLE, "title", "关于开展2022年某海市建筑领域碳达峰碳中和宣传讲座的通知"),
    (GLUED_TITLE, "recipients", ["市（区）绿色建筑发展中心", "各建设单位", "各勘察单位", "各设计单位", "各施工单位",
                                 "各监理单位", "各有关单位"]),
    # joint issuers of a reported document, each one
    (JOINT_NEWS, "title", "关于深化生态保护补偿制度改革的意见"),
    (JOINT_NEWS, "issuers", ["中共中央办公厅", "国务院办公厅"]),
    # a title over four lines with its issuer's own line on top; the 文号 line is not absorbed
    (MULTILINE_TITLE, "title", "某东省人民政府办公厅关于坚决遏制“两高”项目盲目发展促进能源资源高质量配置利用有关事项的通知"),
    (MULTILINE_TITLE, "doc_number", "某政办字〔2022〕9号"),
    (MULTILINE_TITLE, "recipients", ["各市人民政府", "各县（市、区）人民政府", "省政府有关部门", "各大企业"]),
    # a years suffix printed under the title belongs to it
    (PLAN_WITH_YEARS, "title", "某州省绿色制造专项行动实施方案(2021—2025年)"),
    # ... and so does an edition (r06: "（2022 版）", tests/metadata/test_metadata.py)
    # issuers listed under a title, then its body: undated, but the issuers (b183)
    ("关于深入推进绿色认证促进绿色低碳循环发展的意见\n省市场监管局 省发展改革委 省工业和信息化厅\n"
     "人民银行某京分行 某京海关\n为深入贯彻有关精神，现提出如下意见。\n一、总体要求\n", "issuers",
     ["省市场监管局", "省发展改革委", "省工业和信息化厅", "人民银行某京分行", "某京海关"]),
    # a signature block holds any body, a 总队 too (b514)
    ("关于印发某某方案的通知\n各区人民政府：\n现将方案印发给你们，请认真贯彻落实。\n"
     "某京市公安局 某京市民政局\n某京市消防救援总队\n2021年9月27日\n", "issuers",
     ["某京市公安局", "某京市民政局", "某京市消防救援总队"]),
    # a title over three lines, its purpose on the first (b013)
    ("贯彻落实碳达峰碳中和目标要求\n推动数据中心和5G等新型基础设施绿色高质量发展\n实施方案\n"
     "数据中心是支撑未来经济社会发展的战略资源。\n", "title",
     "贯彻落实碳达峰碳中和目标要求推动数据中心和5G等新型基础设施绿色高质量发展实施方案"),
    # a report of "我市印发《…》" names the document, and no body (b141)
    ("6月5日，我市印发《某头市深入推进碳达峰碳中和加快建设绿色低碳城市实施方案》。方案明确了目标。\n", "title",
     "某头市深入推进碳达峰碳中和加快建设绿色低碳城市实施方案"),
    ("6月5日，我市印发《某头市深入推进碳达峰碳中和加快建设绿色低碳城市实施方案》。方案明确了目标。\n", "issuers", []),
    # a web page's date stamp may stand between the 文号 and the 主送 line (b156)
    ("某龙江省人民政府关于进一步激发林草发展活力的意见\n某政规〔2021〕13 号\n2021年11月22日09:58\n"
     "各市（地）、县（市）人民政府（行署），省政府各直属单位：\n为深入贯彻有关精神，提出如下意见。\n", "recipients",
     ["各市（地）、县（市）人民政府（行署）", "省政府各直属单位"]),
    # a joint issuers' name wrapped before 印发 is joined, never its tail alone ("公厅", b317)
    ("中共某南省委办公厅 某南省人民政府办\n公厅印发《关于推动城乡建设绿色发展\n的实施意见》\n"
     "为贯彻落实有关精神，结合我省实际，提出如下实施意见。\n", "issuers", ["中共某南省委办公厅", "某南省人民政府办公厅"]),
    ("某某产业结构调整指导目录\n（2019年本）\n第一类 鼓励类\n", "title", "某某产业结构调整指导目录（2019年本）"),
    # joint issuers above a 关于 title open it: two on one line (b364), or one per line when they
    # open the document (b057); a line of three or more is a masthead, never part of the title (b332)
    ("中共某川省委某川省人民政府\n关于完整准确全面贯彻新发展理念做好碳达峰碳中和工作的实施意见\n(2022年3月14日)\n"
     "为完整、准确、全面贯彻新发展理念，提出如下意见。\n", "title",
     "中共某川省委某川省人民政府关于完整准确全面贯彻新发展理念做好碳达峰碳中和工作的实施意见"),
    ("某庆市人民政府办公厅\n某川省人民政府办公厅\n关于印发某某经济圈碳达峰碳中和\n联合行动方案的通知\n"
     "某府办发〔2022〕22号\n各区县人民政府：\n现将方案印发给你们，请认真贯彻执行。\n", "title",
     "某庆市人民政府办公厅某川省人民政府办公厅关于印发某某经济圈碳达峰碳中和联合行动方案的通知"),
    ("国家发展改革委 国家能源局 财政部\n自然资源部 生态环境部 住房和城乡建设部\n关于印发“十四五”可再生能源发展规划的通知\n"
     "发改能源〔2021〕1445号\n各省、自治区、直辖市发展改革委：\n现将规划印发给你们，请认真贯彻执行。\n", "title",
     "关于印发“十四五”可再生能源发展规划的通知"),
    ("某东省“十四五”海洋生态环境保护规划\n（修订版）\n2022 年 04 月\n前 言\n", "title",
     "某东省“十四五”海洋生态环境保护规划（修订版）"),
    # a 令 is a document number, and the body named in it the issuer; 自…起施行 is validity
    (ORDER, "doc_number", "某西省人民政府令第287号"),
    (ORDER, "issuers", ["某西省人民政府"]),
    (ORDER, "valid_from", "2021-05-01"),
    # ... also with its number bracketed on the next line (b025, b022)
    (ORDER_SPLIT, "doc_number", "中华人民共和国某某发展委员会令（第50号）"),
    (ORDER_SPLIT, "issuers", ["中华人民共和国某某发展委员会"]),
    ("某某委员会公告\n（2022年第4号）\n为维护市场价格秩序，现明确有关事项如下：\n", "doc_number",
     "某某委员会公告（2022年第4号）"),
    # a sentence that introduces what follows, and a drafting label, name no recipients (b402, b173)
    (ANNOUNCEMENT, "recipients", []),
    (STANDARD, "recipients", []),
    # a title that wraps after a word that can end one (b339), or inside 《》 (b342), and a plan's
    # title with a bracketed note on its second line (b036)
    (WRAPPED_TITLES, "title", "某某市生态环境局关于做好2022年本市纳入全国碳市场管理的企业温室气体排放报告相关工作的通知"),
    (WRAPPED_TITLES, "recipients", ["各相关区生态环境局", "有关碳排放单位"]),
    (OPEN_BOOK_MARK, "title", "关于印发《生态环保金融支持项目储备库入库指南（试行）》的通知"),
    (PLAN_NOTE, "title", "2019-2020年全国碳排放权交易配额总量设定与分配实施方案（发电行业）"),
    # a 文号 bracketed after the title's ending, on the title's last line (b471)
    (NUMBER_AFTER_TITLE, "title", "某岛市人民政府关于印发某岛市“十四五”生态环境保护规划的通知"),
    (NUMBER_AFTER_TITLE, "doc_number", "青政字〔2021〕19号"),
    # a title run into the first sentence, its purpose (b059); glued joint issuers are split
    (TITLE_INTO_PURPOSE, "title", "某江省委省政府关于完整准确全面贯彻新发展理念做好碳达峰碳中和工作的实施意见"),
    (TITLE_INTO_PURPOSE, "issuers", ["某江省委", "省政府"]),
    # "X等N部门关于…" names its first issuer (b352); the body whose meeting passed a promulgated
    # text issues it when no 令 line names one (b406)
    (SEVERAL_BODIES, "issuers", ["某川省住房城乡建设厅"]),
    (PROMULGATED, "issuers", ["生态环境部"]),
    # a web page's 文号 after its date (b514); an adoption note below the title dates it (b363)
    (WEB_NUMBER, "doc_number", "京建发〔2021〕315号"),
    (ADOPTED, "issue_date", "2021-12-02"),
    # a work report's subtitle gives date, issuer and addressee
    (WORK_REPORT, "issue_date", "2023-01-10"),
    (WORK_REPORT, "issuers", ["市人民政府"]),
    (WORK_REPORT, "recipients", ["大会"]),
    # a cover line names issuers and date
    (COVER, "issuers", ["国家发展改革委", "国家能源局"]),
    (COVER, "issue_date", "2021-06-01"),
    # a title broken just before 的通知 keeps its ending
    (SPLIT_BEFORE_DE, "title", "某某市人民政府关于印发某某市绿色低碳循环发展经济体系实施方案的通知"),
    # HackMD markup and a table of contents are never the title; an annex opener is dropped
    (HACKMD, "title", "转型过程中的外界关切议题"),
]
# fmt: on


@pytest.mark.parametrize(("raw", "field", "expected"), CASES)
def test_metadata_pages_field(raw: str, field: str, expected) -> None:
    assert getattr(meta(raw), field) == expected


def test_metadata_pages_crawler_title_field_wins_over_body_sentences() -> None:
    raw = "近日，市政府召开常务会议。\n会议指出，要加快推进绿色发展。\n"
    m = meta(raw, fmt="json", front={"title": "市政府常务会议研究绿色发展工作"})
    assert m.title == "市政府常务会议研究绿色发展工作"


def test_metadata_pages_front_matter_title_when_the_text_names_no_document() -> None:
    raw = "会议指出，要加快推进绿色发展。\n"
    assert meta(raw, fmt="md", front={"title": "市政府常务会议研究绿色发展"}).title == "市政府常务会议研究绿色发展"


@pytest.mark.parametrize(("text", "expected"), [
    ("标题：关于加强节能工作的通知", "关于加强节能工作的通知"),
    ("原标题：关于加强节能工作的通知", "关于加强节能工作的通知"),
    ("## 关于加强节能工作的通知", "关于加强节能工作的通知"),
    ("附录、转型过程中的外界关切议题", "转型过程中的外界关切议题"),
    ("某某科技大学教师「教学」评分标准核定本100年4月25日99学年度第2学期第2次校务会议通过",
     "某某科技大学教师「教学」评分标准"),
    ("关于加强节能工作的通知", "关于加强节能工作的通知"),            # nothing to clean
    # a whole title in 《》, a contents heading glued on (b367, b422)
    ("《某某市重点领域节能降碳技术改造总体实施方案（2022-2025年）》", "某某市重点领域节能降碳技术改造总体实施方案（2022-2025年）"),
    ("某某市“十四五”生态环境保护规划目录", "某某市“十四五”生态环境保护规划"),
    ("关于印发《某某规划》《某某方案》的通知", "关于印发《某某规划》《某某方案》的通知"),
    ("标题党的自我修养", "标题党的自我修养"),                        # no label without its colon
])
def test_metadata_pages_clean_title(text: str, expected: str) -> None:
    assert clean_title(text) == expected


@pytest.mark.parametrize(("text", "roc", "expected"), [
    ("二O一六年三月五日", False, "2016-03-05"),       # Latin O for 〇 (full-width Ｏ after normalize)
    ("二О一六年三月五日", False, "2016-03-05"),       # Cyrillic О
    ("二〇一二年二月十四日", False, "2012-02-14"),
    ("100年4月25日", True, "2011-04-25"),             # Republic of China year in a traditional document
    ("民国100年4月25日", False, "2011-04-25"),
    ("100年4月25日", False, None),                    # a simplified document: no calendar year 100
    ("发布时间: 2023-05-30 09:43", False, "2023-05-30"),
    ("2023年13月1日", False, None),
])
def test_metadata_pages_dates(text: str, roc: bool, expected: str | None) -> None:
    assert parse_date(text, roc=roc) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("本办法自2022年1月1日起施行，有效期至2026年12月31日。", ("2022-01-01", "2026-12-31")),
    ("本方案自印发之日起施行。", (None, None)),                     # no date: null, never guessed
    ("请于2022年1月1日前报送。", (None, None)),                     # a deadline, not validity
    ("本通知自2021年7月1日起实施，有效期5年。", ("2021-07-01", None)),
])
def test_metadata_pages_validity(text: str, expected: tuple) -> None:
    assert validity(text) == expected


@pytest.mark.parametrize(("line", "expected"), [
    ("（2020.09修订）", "2020-09"), ("(2019年3月修订)", "2019-03"), ("（2020.13修订）", None), ("2020.09", None),
])
def test_metadata_pages_revision_note(line: str, expected: str | None) -> None:
    assert revision_month(line) == expected
