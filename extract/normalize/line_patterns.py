"""Named patterns that decide whether a line break is real (see :mod:`.lines`).

Each one matches at the START of a line (``match``) or the whole line (``fullmatch``)
as its comment says; the example after each name is the wording it was written for.
"""

from __future__ import annotations

import re

# Characters that end a sentence or a lead-in: a break after them is a real break.
TERMINAL = "。；：！？:;!?…"
# Closing marks that may follow the terminal character ("……。”", "……！）").
CLOSERS = "”’」』》）)]】"
# Brackets whose opening half, left open at a line end, is closed early on the next line.
BRACKET_PAIRS = {"（": "）", "(": ")", "《": "》", "“": "”", "【": "】", "〔": "〕", "「": "」", "〈": "〉"}

# fullmatch: 2020年8月3日 / 二〇一二年二月十四日 / 2021年12月28日印发
DATE_LINE = re.compile(r"(?:\d{4}|[〇○零一二三四五六七八九Ｏ]{4})\s*年[\d一二三四五六七八九十]{1,3}月(?:[\d一二三四五六七八九十]{1,3}日)?(?:印发)?")
# match: a line that opens something: 附件 / 附表 / 联系人 / 特此通知 / 抄送.
OPENER_LINE = re.compile(r"(?:附件|附表|附：|联\s*系\s*人|联系电话|特此通知|抄送|抄报|主送|（本文有删减）)")
# fullmatch (short lines): signature ending with an organisation suffix (高平市能源局, 国务院办公厅).
SIGNATURE_LINE = re.compile(r"[^\s，。；、,]{2,30}(?:局|厅|委|委员会|政府|办公室|办公厅|院|部|中心|公司|集团|学会|协会)")
# match: a short "label：value" field line (传真：010-88413388, 地址：…, 邮编：…).
FIELD_LINE = re.compile(r"[\u4e00-\u9fff]{1,6}[:：]")
# fullmatch: bare page number lines: "1", "- 2 -", "— 3 —", "－4－", "第5页".
PAGE_NUMBER_LINE = re.compile(r"[-—–－~]?\s*(?:\d{1,4}|第\s*\d{1,4}\s*页(?:\s*共\s*\d+\s*页)?)\s*[-—–－~]?")
# match: numbered clause of a standard: "9.4.2持续符合性声明", "A.1绿色指数", "K.1.若企业能源…".
CLAUSE_NUMBER_LINE = re.compile(r"(?:\d{1,2}(?:\.\d{1,2}){2,}|[A-Z]\.\d{1,2}(?:\.\d{1,2})*)\.?(?![的中和及或所])(?=[\u4e00-\u9fff（(])")
# fullmatch: chapter heading of a standard: "1范围", "3术语和定义", "6.2物料平衡法"
# (not a quantity wrapped to the line start: "5万吨以内", "30天内").
STANDARD_HEADING_LINE = re.compile(
    r"\d{1,2}(?:\.\d{1,2})?(?![万亿千百个年月日天时分秒倍家项次吨度米台套名人元户座辆条批种类])[\u4e00-\u9fff]{2,15}"
)
# match: list bullet or dash item: "——编制核查计划", "•推进…", "▲重点任务", "√ 已完成".
BULLET_LINE = re.compile(r"(?:——|[•●○■□▪◆◇▲△★☆►▶√※])")
# match: numbered reference entry: "[3]广东省主要耗能产品能耗限额", "［5］温室气体议定书".
REFERENCE_LINE = re.compile(r"[\[［]\d{1,3}[\]］]")
# match: a standard's code opening a line of a reference list: "GB/T 223.86钢铁…", "HJ 2.1", "ISO14064-1".
STANDARD_CODE_LINE = re.compile(r"(?:GB|HJ|JJF|JJG|YB|SH|DL|NB|JB|QB|DB\d{0,2})(?:/[TZ])?\s*\d|(?:ISO|IEC)\s*\d")
# fullmatch: formula residue, sub/superscripts pulled onto their own line: "2 2", "i", "fossil,j".
FORMULA_FRAGMENT_LINE = re.compile(r"[\x21-\x7e ]{1,8}")
# Clause punctuation: flowing-text body lines have it; titles and signatures do not.
CLAUSE_PUNCT = re.compile(r"[，,、；;]")
# Latin on both sides of a join keeps a space ("energy\\nsaving" -> "energy saving").
LATIN_WORD_END = re.compile(r"[A-Za-z]$")
LATIN_WORD_START = re.compile(r"^[A-Za-z]")


def ends_sentence(line: str) -> bool:
    """The line ends with 。；：！？ (perhaps inside closing quotes or brackets), or is blank."""
    core = line.rstrip(CLOSERS)
    return core[-1:] in TERMINAL if core else True


# fullmatch: a table or figure caption on its own line: "表F-1：碳排放基本信息数据表", "图1 评价体系框架".
CAPTION_LINE = re.compile(r"[表图]\s*[A-Z]?[.\-－]?\d{1,2}(?:[.\-－]\d{1,2})*[：:\s]?[^，,。；;]{2,30}")
# fullmatch: the title line of an annex: "附录5现场核查发现问题及整改情况表", "附件2 重点企业名单".
ANNEX_TITLE_LINE = re.compile(r"(?:附件|附录|附表)\s*[\dA-Z一二三四五六七八九十]{1,3}(?![）)])[：:、.\s]?[^，,。；;]{2,30}")
