"""Named regexes of the metadata extractor; word lists live in ``data/metadata_vocab.yaml``.

Patterns that need the vocabulary are built once, on first use (:func:`vocab_patterns`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

_HAN = "\u3400-\u4dbf\u4e00-\u9fff"
_CN_DIGIT = "〇○零ＯOoО一二三四五六七八九十"

# 企管函〔2012〕007号 / 国发〔2021〕33 号 / 闽环保大气[2021]7号 / 沪环气(2021)182号
DOC_NUMBER = re.compile(
    rf"(?P<org>[{_HAN}]{{1,16}}?)\s*[〔\[［（(【]\s*(?P<year>(?:19|20)\d{{2}})\s*[〕\]］）)】]\s*"
    r"(?P<num>\d{1,5})\s*号"
)
# A line that is only the document's own number: "高能源发〔2020〕42号", "（国发〔2021〕33号）",
# "文号：企管函〔2012〕007号", "沪环气〔2021〕182号 签发人：张三".
_OWN_NUMBER = rf"(?P<number>[{_HAN}]{{1,16}}\s*[〔\[［（(【]\s*(?:19|20)\d{{2}}\s*[〕\]］）)】]\s*\d{{1,5}}\s*号)"
OWN_DOC_NUMBER_LINE = re.compile(rf"[（(]?(?:文\s*号[:：])?{_OWN_NUMBER}[）)]?(?:\s*签发人[:：].*)?")
# The 文号 ending a web page's header line after its date: "发布时间：2021年10月15日京建发〔2021〕315号" (b514)
NUMBER_AFTER_DATE = re.compile(rf"(?:\d{{4}}年\d{{1,2}}月\d{{1,2}}日|\d{{4}}-\d{{2}}-\d{{2}})\s*{_OWN_NUMBER}$")
# The 文号 bracketed right after the title's ending: "…的通知(青政字〔2021〕19号)" (b471)
NUMBER_AFTER_TITLE = re.compile(rf"(?:(?<=的通知)|(?<=的意见)|(?<=的决定)|(?<=的批复)|(?<=的函))\s*[（(]{_OWN_NUMBER}[）)]$")
# 2020年8月3日 (group names: y m d as Arabic or Chinese numerals)
DATE_CN = re.compile(
    rf"(?P<y>\d{{4}}|[{_CN_DIGIT}]{{4}})\s*年\s*(?P<m>\d{{1,2}}|[{_CN_DIGIT}]{{1,3}})\s*月"
    rf"\s*(?P<d>\d{{1,2}}|[{_CN_DIGIT}]{{1,3}})\s*日"
)
# A signature-block date: the date alone on its line ("2020年8月3日", "二〇一二年二月十四日").
DATE_LINE = re.compile(rf"[（(]?{DATE_CN.pattern}[）)]?")
# The 版记 line "2020年8月3日印发" (fallback for the issue date).
PRINTED_DATE_LINE = re.compile(rf".{{0,30}}?{DATE_CN.pattern}\s*印发")
# 《关于印发〈节约型机关创建行动方案〉的通知》（国管节能〔2020〕39号）
CITED_DOCUMENT = re.compile(
    r"《(?P<title>[^《》\n]{4,120})》\s*(?:[（(](?P<number>[^（）()\n]{1,30}?〔?\s*\d{4}\s*[〕\]）)]\s*\d{1,5}\s*号)[）)])?"
)
# 附件：高平市节约型机关评价标准 / 附件1：… / 附件2.… / 附件：1.…
ATTACHMENT_LINE = re.compile(r"附\s*件\s*(?P<n>\d{0,2})\s*[:：.．、]?\s*(?P<name>\S.*)?")
# "2.XXXX" continuation lines of a multi-attachment list.
ATTACHMENT_ITEM = re.compile(r"(?P<n>\d{1,2})\s*[.．、]\s*(?P<name>\S.*)")
# 联系人：金玲、林振森 / 联 系 人:张三（电话：…）
CONTACT_NAME = re.compile(r"联\s*系\s*人\s*[:：]\s*(?P<names>[^\n：:，,；;（(电]{1,40})")
# 联系人及联系方式： / 联系人及电话： alone on a line (name+phone pairs follow)
CONTACT_HEADER = re.compile(r"联\s*系\s*人\s*(?:及|和)\s*(?:联系方式|联系电话|电话)\s*[:：]")
# 010-88416688-6527 / 0351-1234567 / 13912345678 / (010)88416688
PHONE = re.compile(r"(?<!\d)(?:[（(]?0\d{2,3}[）)]?-?\s*)?\d{7,8}(?:-\d{1,6})?(?!\d)|(?<!\d)1[3-9]\d{9}(?!\d)")
# Phone line labels: 联系电话 / 电话 / 手机 / 联系方式 (not 传真).
PHONE_LABEL = re.compile(r"(?:联系电话|联系方式|电话|手机|座机)\s*[:：]")
# 苏汝波0591-88367063 / 胡以超 0591-88612765（海峡股权交易中心）
CONTACT_PAIR = re.compile(rf"(?P<name>[{_HAN}]{{2,4}})\s*(?P<phone>{PHONE.pattern})")
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
# 主送：各市人民政府 — an explicit 主送 label before the recipients.
RECIPIENT_LABEL = re.compile(r"^主\s*送\s*[:：]")
# Separators of a recipient list: 、 ， ; and 及 (and 和 before a recipient opener, see vocab).
RECIPIENT_SEPARATORS = "、，,；;"
# A masthead: "XX局 XX委员会 文件" ("文件" as the red-header word).
MASTHEAD_WORD = re.compile(r"文\s*件")
# Lead sentence of a news post: "内蒙古自治区人民政府发布《关于印发…》的通知".
NEWS_LEAD_ISSUER = re.compile(rf"(?P<org>[{_HAN}]{{2,30}}?)(?:正式|近日|日前)?(?:发布|印发|出台)了?《")
# The document a news lead reports: "省政府印发了《关于进一步加强招商引资工作的指导意见》"; joint
# issuers are listed with 、 ("中共中央办公厅、国务院办公厅印发《…》").
NEWS_LEAD_TITLE = re.compile(
    rf"(?P<org>[{_HAN}]{{2,20}}?(?:、[{_HAN}]{{2,20}}?)*)(?:正式|近日|日前|近期)?(?:发布|印发|出台)了?《(?P<title>[^《》\n]{{4,80}})》")
# A 令 or 公告 number on its own line: "山西省人民政府令第287号" / "商务部令2019年第1号" /
# "生态环境部公告2019年第19号"; the number may be bracketed on the next line (ORDER_NUMBER_SPLIT):
# "中华人民共和国国家发展和改革委员会令" / "（第50号）".
ORDER_NUMBER = re.compile(
    rf"(?P<number>(?P<org>[{_HAN}]{{2,30}}?)(?:令|公告)\s*[（(]?\s*(?:(?:19|20)\d{{2}}\s*年)?\s*第\s*\d{{1,4}}\s*号[）)]?)")
ORDER_NUMBER_SPLIT = re.compile(r"[（(]?\s*(?:(?:19|20)\d{2}\s*年)?\s*第\s*\d{1,4}\s*号\s*[）)]?")
# A cover line naming the issuers and the date: "国家发展改革委、国家能源局，2021年6月1日".
COVER_LINE = re.compile(
    rf"(?P<orgs>[{_HAN}（）]{{2,40}}(?:、[{_HAN}（）]{{2,40}})*)\s*[，,]\s*"
    rf"(?P<date>(?:\d{{4}}|[〇○零ＯOoО一二三四五六七八九]{{4}})\s*年\s*\S{{1,3}}\s*月\s*\S{{1,3}}\s*日)")
# A work report's subtitle: "（2023年1月10日在…上代表市人民政府向大会作的政府工作报告）".
REPORT_SUBTITLE = re.compile(
    rf"(?P<date>(?:\d{{4}}|[〇○零ＯOoО一二三四五六七八九]{{4}})\s*年\s*\S{{1,3}}\s*月\s*\S{{1,3}}\s*日)"
    rf"[^（）()\n]{{0,60}}?(?<!人民)代表(?!大会)(?P<org>[{_HAN}]{{2,20}}?)向(?P<to>[{_HAN}]{{2,20}}?)(?:作|所作|做)")
# A region name: 浙江省 / 宁夏回族自治区 / 青岛市 (before a body's short name).
REGION_HEAD = re.compile(rf"[{_HAN}]{{1,8}}(?:省|自治区|市|州|盟|县|区|旗)x")
# Annex labels alone on a line: "附件", "附件4".
ANNEX_LABEL = re.compile(r"附\s*件\s*\d{0,2}[:：]?")
# Lines ending like a sentence or a lead-in are never titles.
SENTENCE_END = re.compile(r"[。；;！!？?：:，,]$")
# A 关于…的通知 title and a 主送 list glued on one line: the list has a comma or 、 and no sentence
# punctuation ("…项目计划的通知各市科技局，各有关单位：").
# A 关于…的意见 title run into the first sentence, its purpose: "浙江省委省政府关于…的实施意见为贯彻落实《…》，…"
# (b059): the title is a line of its own.
GLUED_PURPOSE = re.compile(
    r"(?P<title>[^，。：；\n]{0,40}关于[^，。：；\n]{4,100}?(?:的通知|的意见|的实施意见|的决定|的函))"
    r"(?=为(?:贯彻|深入|进一步|加快|推动|落实|全面|切实|认真|促进|规范|做好|加强))")
GLUED_TITLE = re.compile(
    r"(?P<title>[^，。：；\n]{0,40}关于[^，。：；\n]{4,100}?(?:的通知|的意见|的实施意见|的函|的通报|的公告))"
    r"(?P<rest>[^，。；：\n《》]{2,40}[，、][^。；\n《》]{0,160}?)$")


# A 关于…的通知 title and its own 文号 glued on one line (a PDF lost the break): "浙江省林业局关于印发
# 《…管理办法》的通知浙林绿〔2022〕37号", "…备案的通知深市监【2022】37号" (3 of the bulk PDFs); a web
# page writes it in brackets: "…的通知（国管节能〔2021〕195号）" (4 more).
GLUED_NUMBER = re.compile(
    r"(?P<title>[^，。：；\n]{0,40}关于[^，。：；\n]{4,100}?(?:的通知|的意见|的实施意见|的函|的通报|的公告|的决定|的批复))"
    rf"(?P<number>[（(]?[{_HAN}]{{1,16}}\s*[〔\[［【]\s*(?:19|20)\d{{2}}\s*[〕\]］】]\s*\d{{1,5}}\s*号[）)]?)$")


@dataclass(frozen=True, slots=True)
class VocabPatterns:
    org_suffix: re.Pattern[str]  # a name ending with an organisation suffix: 高平市能源局
    org_line: re.Pattern[str]  # a line that is only one organisation name
    title_line: re.Pattern[str]  # 关于…的通知 (optionally after the issuer)
    title_ending: re.Pattern[str]  # …方案 / …通知 at the end of a line
    recipient_and: re.Pattern[str]  # 和 / 及 that starts a new recipient
    recipient_level: re.Pattern[str]  # 各省 / 自治区 / 有关直辖市: a class of places, no body
    recipient_class: re.Pattern[str]  # 各省、自治区、直辖市和新疆生产建设兵团 heading a run of bodies
    recipient_place: re.Pattern[str]  # 银川市 / 石嘴山市: a proper place name, no body
    recipient_place_head: re.Pattern[str]  # 中卫市|生态环境局: a place followed by its body
    web_date_line: re.Pattern[str]  # 时间:2022-09-24 10:15:00


def _alt(words: list[str]) -> str:
    if not words or any(not w for w in words):
        raise ValueError("metadata_vocab.yaml: empty word list or empty word")
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@functools.lru_cache(maxsize=1)
def vocab() -> dict[str, Any]:
    from ..language.data import load_yaml

    return load_yaml("metadata_vocab.yaml")


def _scope_lookbehind(scopes: list[str]) -> str:
    """The scope words as one lookbehind alternation (Python's lookbehind needs one width)."""
    if len({len(w) for w in scopes}) > 1:
        raise ValueError("recipient_and_scopes must all have one length (fixed-width lookbehind)")
    return "|".join(map(re.escape, scopes))


def _recipient_class(levels: str) -> re.Pattern[str]:
    """各市 / 各县（市、区） / 各省、自治区、直辖市及计划单列市、新疆生产建设兵团 before a body.

    One level needs 各 or 有关 in front; a run of levels joined by 、 / 和 / 及 does not. The
    class never swallows the first word of a compound determiner: 各区属 / 市直 / 省级 /
    各市场 are not "各区" + 属….
    """
    level = rf"(?:{levels})(?:[（(][^）)]{{1,12}}[）)])?"
    joined = rf"(?:[、和及](?:各|有关)?{level})"
    # 各县区人民政府: 县区 is one collective (a level run), not 各县 + 区人民政府; nor is 各县（市）区 各县 + …
    return re.compile(rf"(?:(?:各|有关){level}{joined}*|{level}{joined}+)(?![属直级场内外长市县区旗州盟（(])")


@functools.lru_cache(maxsize=1)
def vocab_patterns() -> VocabPatterns:
    v = vocab()
    org = _alt(v["org_suffixes"])
    ending = _alt(v["title_endings"])
    return VocabPatterns(
        org_suffix=re.compile(rf"(?:{org})$"),
        # 高平市发展和改革委员会 / 国务院办公厅 / 中共XX市委 (no punctuation, 2-40 characters)
        org_line=re.compile(rf"[{_HAN}（）()·\d]{{1,38}}(?:{org})"),
        # 国务院关于印发“十四五”节能减排综合工作方案的通知 / 关于进一步加强节能减排目标管理的通知
        title_line=re.compile(rf"[^\n。；]{{0,60}}关于[^\n]{{2,120}}(?:{ending})"),
        title_ending=re.compile(rf"(?:{ending})$"),
        # 各子（集团）公司、科研设计院（所）及有关单位 -> split before 有关单位
        recipient_and=re.compile(rf"(?<!{_scope_lookbehind(v['recipient_and_scopes'])})(?:及|和(?=(?:{_alt(v['recipient_and_followers'])})))"),
        web_date_line=re.compile(rf"(?:{_alt(v['web_date_prefixes'])})\s*[:：]"),
        recipient_level=re.compile(rf"(?:各|有关)?(?:{_alt(v['recipient_level_words'])})"),
        recipient_class=_recipient_class(_alt(v["recipient_level_words"])),
        recipient_place=re.compile(rf"[{_HAN}]{{1,8}}?(?:{_alt(v['recipient_place_endings'])})"),
        recipient_place_head=re.compile(
            # greedy: the longest place that still leaves a head (温州市|发展改革委, not 温州|市发展改革委)
            rf"(?P<place>[{_HAN}]{{1,8}}(?:{_alt(v['recipient_place_endings'])}))(?P<head>[{_HAN}（）]{{2,}})"),
    )
