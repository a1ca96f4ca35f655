"""Named regexes and rule tables of the target extractor (vocabularies live in extract/data).

Every table is read lazily, once (``functools.lru_cache``); nothing happens at import time
except compiling the regexes below.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..language.data import data_text, load_yaml, tsv_rows
from ..language.patterns import YEAR

# A year that is a baseline, not a deadline: 比2020年 / 较2015年 / 与2020年相比 / 以2020年为基期
BASELINE = re.compile(rf"(?:比|较|相比|相较|相对|与|同|由)(?P<year>{YEAR})年(?!年?底|年?末|\d|[一二三四五六七八九十]+月)")
# "以2020年为基期", "在2020年的基础上，单位建筑面积能耗下降4%"
# "以2020年能源、水资源消费以及碳排放为基数，2025年…下降5%"
BASELINE_BASE = re.compile(rf"以(?P<year>{YEAR})年[^，,；;。]{{0,24}}?为基[准数期年]|[在以](?P<base>{YEAR})年的?基础上")
# A starting level before the verb: "利用率由30%提高到50%", "比重由2020年的11.2%提高到20%"
FROM_LEVEL = re.compile(rf"(?:由|从)(?:(?:{YEAR})年(?:年?(?:底|末))?的?)?\d+(?:\.\d+)?(?:%|个百分点)?$")
# A rubric rule: "得2分" / "扣1分" / "（2分）" / "最高得5分"
SCORING_RULE = re.compile(r"[得扣加计减]\s*\d+(?:\.\d+)?\s*分|[（(]\d+(?:\.\d+)?分[）)]|最高得|满分")
# Five-year plan: “十四五”时期 / 十四五期间 / “十四五”末
PERIOD = re.compile(r"[“\"‘]?(?P<plan>十[一二三四五]五)[”\"’]?(?P<part>时期|期间|期末|末|规划期|规划期内)")
# 年内 / 今年 / 本年度: the document's own year (only when the issue date is known)
THIS_YEAR = re.compile(r"年内|今年(?:底|内)?|本年度?")

# A clause that only sets time or manner for what follows: "到2025年" / "“十四五”时期" / "通过实施节能降碳行动"
CONTEXT_CLAUSE = re.compile(
    rf"^(?:(?:到|至|截至|力争到|力争|预计到)?(?:{YEAR})年(?:年?(?:底|末))?(?:前|以前|之前)?"
    r"|[“\"]?十[一二三四五]五[”\"]?(?:时期|期间|期末|末)"
    r"|(?:通过|依托|按照|围绕)[^，,]{0,30})$"
)
# What follows 其中 in a regional breakdown of a total just stated (FORMAT v2: no separate
# target): "其中广州和深圳市达到40%左右", "其中华东、华中、南方等地区达到最大负荷的5%左右",
# "其中济南、青岛、烟台3市达到50%以上" (but "其中分布式光伏新增装机超过500万千瓦" is a target)
BREAKDOWN_REGION = re.compile(
    r"^[\u4e00-\u9fff、和及与\d]{1,24}?(?:等)?(?:地区|区域|省|市|县|区|州|盟|旗|城市群|城镇群|都市圈|都市区|经济带)$"
)
# Leading scope of an indicator phrase: 全区 / 全市 / 我市 / 12个盟市主城区 / 城市主城区 /
# 中心城区 / 经济开发区 / 每个区（市、县） (a distributive scope)
SCOPE = re.compile(
    r"^(?:全(?:国|省|自治区|区|市|县|旗|州|盟)|我(?:国|省|区|市|县)|本(?:省|区|市|县)"
    r"|[\u4e00-\u9fff\d]{0,8}?(?:主城区|开发区|高新区)|中心城区|建成区|各(?:省|市|区|县|盟市|地区)"
    r"|每个(?:村|社区|乡镇|街道|镇|乡|区|县|市))(?:[（(][^）)]{1,10}[）)])?"
)
# A class of cities by level scopes its own indicator only (the next clause's indicator is often
# measured elsewhere): "地级及以上城市细颗粒物（PM2.5）浓度下降10%，地表水…比例达到85%",
# "县以上城镇新增公园绿地7.5万亩" (11 targets of 7 bulk PDFs).
CITY_CLASS_SCOPE = re.compile(r"^(?:地级|县级|地市级|设区市|设区的市|县)及?以上(?:城市|城镇)")
# Words that open a phrase without being part of the indicator: 力争 / 确保 / 其中
LEADING_NOISE = re.compile(r"^(?:[、，,和及与并且]|在(?=每个)|其中|同时|力争|确保|争取|计划|拟|要|将|使|推动|推进|全面|进一步|完成|实现|实施|"
                           r"建成(?!区)|争创|严格执行|开展|确定|《方案》(?:明确|提出)|此外"
                           r"|[或和及](?:改造|扩建|改扩建|新建|提标改造|迁建))+")  # 新建或改造城镇污水处理厂17座
# A copula or preposition left at the indicator's end: "免费配额比例为96%", "提高可再生能源比重至20%"
TRAILING_LINK = re.compile(r"(?:为|至|到)$")
# A concurrent-condition opener before the indicator: "在保持经济快速增长的同时还要万元GDP能耗…"
CONCURRENT_OPENER = re.compile(r"^[^，,；;]*?的同时(?:还|也)?")
# "X达到Y的比例": X is the population measured, the indicator is the share
# ("钢铁、水泥等重点行业产能达到能效标杆水平的比例" -> scope 钢铁、水泥等重点行业产能)
INNER_SHARE = re.compile(
    r"^(?P<subject>[^，,；;]{2,}?)中?"
    r"(?P<share>(?:达到|实现|完成|建成|采用|使用|纳入|开展|接入|执行|符合)[^，,；;]{1,30}?的(?:比例|占比|比重))$"
)
# A value taken from a cited standard: "达到《民用建筑能耗标准》的引导值下降20%要求"
STANDARD_VALUE = re.compile(
    r"《[^》]{1,60}》[^，,；;]{0,30}?(?:引导值|约束值|限定值|限值|准入值|先进值|基准值|标准值|指标值|准入要求)"
)
# Words that close a phrase without being part of the indicator: 分别 / 均 / 要 / 比2020年
TRAILING_NOISE = re.compile(rf"(?:(?:比|较)(?:(?:{YEAR})年|[“\"]?十[一二三四五]五[”\"]?(?:末|时期|期间)?)"
                            rf"|(?:力争|争取|确保)?(?:到|至|在|于)?(?:{YEAR})年(?:年?(?:底|末))?前?|[五三十]年|分别|均|各|要|将|应|需|须|累计|年均|平均|进一步|再|的|了|就|在)+$")
# A footnote mark glued to the indicator: "全省森林覆盖率1达到58.9%" (not "CO2", "PM2.5")
FOOTNOTE_MARK = re.compile(r"(?<=[\u4e00-\u9fff])\d{1,2}$")
# An outline number glued to its text at the start of a phrase: "1.1园区应…" / "2.3.1企业…"
OUTLINE_NUMBER = re.compile(r"^\d+(?:\.\d+){1,3}(?=[\u4e00-\u9fff])(?![万亿千百])")
# A count that sums up the list before it: "废钢铁、废铜…9种主要再生资源…" / "三大领域、"
COUNT_SUMMARY = re.compile(r"^.*?(?:\d+|[两三四五六七八九十]+)(?:种|类|大|项)(?=[\u4e00-\u9fff])")
# Dated clause inside an indicator phrase: 到2025年 / 2021年底 / “十四五”时期
DATE_PREFIX = re.compile(rf"^(?:(?:到|至|截至)?(?:{YEAR})年(?:年?底|年?末|前|度)?|[“\"]?十[一二三四五]五[”\"]?(?:时期|期间|末))")
# "X%的NOUN要建成/完成..." (no verb before the number): the verb that makes it a reach target
SHARE_VERB = re.compile(r"(?:要|将|应)?(?:完成|建成|创建为|创建成|达到|实现|采用|使用|纳入|开展|接入|执行|用于|具备|得到|达标)")

# ---------------------------------------------------------------------------- tables


@dataclass(frozen=True, slots=True)
class Trigger:
    word: str
    direction: str
    qualifier: str | None


@lru_cache(maxsize=1)
def triggers() -> dict[str, Trigger]:
    return {r[0]: Trigger(r[0], r[1], r[2] or None) for r in tsv_rows("target_directions.tsv")}


@lru_cache(maxsize=1)
def trigger_regex() -> re.Pattern[str]:
    words = sorted(triggers(), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)))


@lru_cache(maxsize=1)
def markers() -> dict[str, tuple[str, ...]]:
    return {k: tuple(v) for k, v in load_yaml("target_markers.yaml").items()}


@lru_cache(maxsize=1)
def indicator_heads() -> tuple[str, ...]:
    words = [w.strip() for w in data_text("indicators.txt").splitlines()]
    return tuple(sorted((w for w in words if w and not w.startswith("#")), key=len, reverse=True))


@lru_cache(maxsize=1)
def hedge_regex() -> re.Pattern[str]:
    """Hedge/modal words and fixed noise closing an indicator ("…容量力争", "…比例原则上")."""
    words = sorted(markers()["hedges"], key=len, reverse=True)
    return re.compile(rf"(?:{TRAILING_NOISE.pattern[3:-3]}|{'|'.join(map(re.escape, words))})+$")


@lru_cache(maxsize=1)
def threshold_scope_regex() -> re.Pattern[str]:
    """A leading scope sized by a threshold: "城区常住人口100万以上的城市" (then the indicator)."""
    nouns = "|".join(map(re.escape, sorted(markers()["threshold_scope_nouns"], key=len, reverse=True)))
    return re.compile(
        r"^[^，,；;]*?\d+(?:\.\d+)?[万亿千百]?[^\d，,、；;]{0,8}?(?:及以上|及以下|以上|以下|以内)的?"
        rf"[\u4e00-\u9fff]{{0,6}}?(?:{nouns})"
    )


@lru_cache(maxsize=1)
def region_item_regex() -> re.Pattern[str]:
    """A list item that is (or opens with) a region: "京津冀及周边地区" / "长三角地区煤炭消费量"."""
    ends = "|".join(map(re.escape, sorted(markers()["region_suffixes"], key=len, reverse=True)))
    return re.compile(rf"^[\u4e00-\u9fff]{{1,10}}?(?:{ends})")


