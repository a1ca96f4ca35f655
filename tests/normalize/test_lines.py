"""PDF line re-joining measured per page: narrow notice + wide annex, and breaks that must stay."""

from __future__ import annotations

import pytest

from extract.model import Document
from extract.normalize import normalize
from extract.normalize.lines import continues, open_bracket_closer
from extract.normalize.page_width import display_width, page_widths
from extract.settings import Settings

# fmt: off
NOTICE = [
    "报告企业、控排企业应按规定在广东省企业碳排放信息报告与核查系统中填报并上传年度碳排放信息报告、监测计划和行业基础数据汇总表，逾期未提交的将依法处理。",
    "各地级以上市生态环境部门负责汇总本市行政区域内控排企业提交的书面核查报告，并就完整性和真实性提出意见，于六月十日前统一报我厅。",
    "控排企业使用国家核证自愿减排量抵消实际碳排放的，应于六月十日前向我厅提出书面申请，并通过国家自愿减排注册登记系统申请核销。",
]
ANNEX = [
    "企业法人内部进行产品生产、工业性作业、能源加工转换、新技术研究、新产品试制、科学试验、为了工业生产活动而在进行的各种修理过程、生产过程中的物料运输和储存等活动，均属于工业生产活动的范围。",
    "企业的组织边界指企业法人的厂界区域和运营控制范围，组织边界可以通过企业成立时间、规模、经营范围、资产状况、主要产品种类等进行辅助识别，并在监测计划中说明识别的依据和结果。",
    "报告层级是指在一定条件下、对于每一排放活动，企业可选择精细程度不同的范围收集数据，并进行相应范围二氧化碳排放数据的计算和汇总，选择的层级应在监测计划中保持一致并说明理由。",
]
# fmt: on


def wrap(paragraph: str, width: int) -> list[str]:
    """Break a paragraph the way a PDF column does: fixed width, first line indented by 2."""
    lines, line, limit = [], "", width - 2
    for ch in paragraph:
        if display_width(line + ch) > limit:
            lines.append(line)
            line, limit = "", width
        line += ch
    return [*lines, line]


def pdf_document(pages: list[str]) -> Document:
    raw = "".join(pages)
    starts, pos = [], 0
    for page in pages:
        starts.append(pos)
        pos += len(page)
    return Document(id="t", source="t.pdf", format="pdf", raw_text=raw, raw_page_starts=starts)


def page(paragraphs: list[str], width: int, head: str = "", tail: str = "") -> str:
    body = "\n".join(line for p in paragraphs for line in wrap(p, width))
    return "".join(x + "\n" for x in (head, body, tail) if x)


@pytest.mark.parametrize(
    "notice_width,annex_width",
    [(24, 40), (27, 40), (28, 46), (36, 40), (33, 48), (40, 40), (26, 26)],
)
def test_narrow_notice_before_wide_annex_is_joined(notice_width: int, annex_width: int) -> None:
    pages = [
        page(NOTICE[:2], notice_width, head="各地级以上市生态环境局，各有关企业："),
        page(NOTICE[2:], notice_width, tail="广东省生态环境厅\n2021年2月26日"),
        *(page(ANNEX, annex_width, head="3术语和定义") for _ in range(3)),
    ]
    text = normalize(pdf_document(pages), Settings()).text
    lines = text.split("\n")
    for paragraph in NOTICE + ANNEX:
        assert paragraph in lines
    assert "各地级以上市生态环境局，各有关企业：" in lines
    assert text.endswith("3术语和定义\n" + "\n".join(ANNEX) + "\n")
    assert "广东省生态环境厅\n2021年2月26日" in text


def test_page_widths_follow_each_page_and_sparse_pages_borrow() -> None:
    pages = [page(NOTICE, 24), "附件1\n重点企业名单\n", page(ANNEX, 40), page(ANNEX, 40), page(ANNEX, 40)]
    doc = pdf_document(pages)
    from extract.normalize.lines import split_lines

    lines = [ln for ln in split_lines(doc.raw_text) if ln.text]
    widths = page_widths(lines, doc.raw_page_starts)
    assert widths[0] == pytest.approx(24, abs=1)
    assert widths[1] == widths[0]  # the cover of the annex has nothing to measure
    assert widths[2:] == [pytest.approx(40, abs=1)] * 3


# A narrow page of notice text (column 24): (a, b, joined?) for lines on it.
NARROW = 24.0
# fmt: off
PAIR_CASES = [
    # full lines that break mid-sentence join
    ("各地级以上市生态环境部门负责汇总本市行政区域内控", "排企业提交的书面核查报告。", True),
    ("本省控排企业可以使用CCER或PHCER作为清缴配额", "抵消本企业2020年度实际碳排放量。", True),
    # a line left inside a bracket joins even when short
    ("（四）控排企业应于5月20日前将书面核查报告（一式三", "份）报所在地级以上市生态环境部门。", True),
    ("根据《广东省", "2020年度碳排放配额分配实施方案》等文件规定，", True),
    # a bracket the next line does not close early stays
    ("联系人：金玲（", "0351-1234567", False),
    # sentence ends, headings, markers, list items stay
    ("各地级以上市生态环境部门负责汇总本市行政区域。", "控排企业应于6月20日前完成履约。", False),
    ("各地级以上市生态环境部门负责汇总本市行政区域内", "（二）控排企业配额清缴", False),
    ("各地级以上市生态环境部门负责汇总本市行政区域内", "二、工作要求", False),
    ("——评审受核查方提供的文件，进行前期风险分析", "——编制核查计划，并提出现场核查所需的文件清单", False),
    ("•核算物理边界：区域范围内的项目，细分各领域的边界", "•核算周期：年度统计", False),
    ("耗能产品能耗限额（试行）.广东省经济和信息化委员会，2008", "[4]省级温室气体清单编制指南（试行）.国家气候变化", False),
    ("GB/T 223.86钢铁及合金总碳含量的测定感应炉燃烧后红外吸收法", "GB/T 384石油产品热值测定法", False),
    ("广东省钢铁企业二氧化碳排放信息报告指南（2021年修订）", "1范围", False),
    ("绿色低碳工厂应每年自行评价确认并向绿色制造管理部门", "9.4.3跟踪复核", False),
    ("工业园区绿色指数的计算方法见附录A中的公式，其中EG为", "A.2绿色化指标具体计算方法", False),
    ("数据来源由指南参考值改为实测值的相关要求及证据文件类型", "K.1.若企业能源、物料的热值、碳含量等", False),
    ("上传证据文件的清单（格式参见表I.2，包括对应表", "I.1的项目，对应描述文件的名称", True),
    # signatures, dates, attachments, fields
    ("各地级以上市生态环境部门要认真组织本市行政区域内企业", "广东省生态环境厅", False),
    ("各地级以上市生态环境部门要认真组织本市行政区域内企业", "2021年2月26日", False),
    ("各地级以上市生态环境部门要认真组织本市行政区域内企业", "附件：1.广东省2020年度控排企业名单", False),
    ("传真：020-87531541", "地址：广州市龙口西路213号", False),
    # short lines on a narrow page: list items, titles
    ("1.广东省2020年度控排企业名单", "2.广东省企业碳排放核查规范", False),
    ("企业碳排放信息报告", "核查工作的通知", False),
    # captions and annex titles are lines of their own
    ("XXXX有限公司20XX年碳排放信息数据表及核查报告汇总", "表F-1：碳排放基本信息数据表", False),
    ("附录5现场核查发现问题及整改情况表及整改完成时间", "现场核查发现问题及整改情况表", False),
    ("直接排放量包括固定源燃料燃烧产生的排放量（计算方法见", "附录C）和工业过程产生的排放量", True),
    # table rows and table-of-contents lines
    ("序号\t监测项目\t数据来源\t依据标准", "1\t燃料使用量\t衡器\tGB17167", False),
    ("5.1报告年份....................................3", "5.2组织边界识别..............................4", False),
    ("计算公式：E=AD×EF..........................(C.2)", "式中：E为二氧化碳排放量", False),
    # formula residue: a subscript line is not the rest of the sentence
    ("巩固细颗粒物（PM）和城市空气质量优良天数比例，其中PM", "2.5", False),
    # a quantity wrapped to the line start is no standard heading
    ("2020年度可用于抵消的CCER和PHCER总量原则上控制在1", "5万吨以内。", True),
]
# fmt: on


@pytest.mark.parametrize("a,b,joined", PAIR_CASES)
def test_continues_on_a_narrow_pdf_page(a: str, b: str, joined: bool) -> None:
    assert continues(a, b, paged=True, width=NARROW) is joined


@pytest.mark.parametrize(
    "line,closer",
    [("书面核查报告（一式三", "）"), ("根据《广东省", "》"), ("（一）完善制度体系", None), ("称“国家登记簿”）或（以下简称“PHCER", "”")],
)
def test_open_bracket_closer(line: str, closer: str | None) -> None:
    assert open_bracket_closer(line) == closer


def test_flowing_text_joins_a_line_left_inside_a_bracket() -> None:
    from extract.normalize import normalize_text

    raw = "各单位应将书面核查报告（一式三\n份）报所在地级以上市生态环境部门。"
    assert normalize_text(raw) == "各单位应将书面核查报告（一式三份）报所在地级以上市生态环境部门。"


@pytest.mark.shared
def test_real_pdf_narrow_standard_pages_are_joined(real_pdf_dir) -> None:
    """r06: a standard whose pages have a ~28-unit column in a document measured at ~35."""
    from extract.ingest import ingest

    path = next(real_pdf_dir.glob("r06_*.pdf"))
    doc = ingest(path.read_bytes(), path.name, Settings())[0]
    text = normalize(doc, Settings()).text
    assert "向绿色制造管理部门声明是否持续满足本导则要求" in text
    assert "有效期内应进行持续符合性声明及跟踪复核" in text
    assert "\n3.4.3跟踪复核\n" in text or "\n9.4.3跟踪复核\n" in text


# fmt: off
FIELD_LINE_CASES = [
    # a definition line that fills the column goes on below (bulk b163)
    ("森林经营：本方法中，特指通过调整和控制森林的组成和结构、促进森林生", "长，以维持和提高森林生长量、碳储量。", True),
    # a short field line stands alone
    ("联系人：张三", "电话：0351-1234567", False),
    ("联系人：张三，李四", "联系电话：0351-1234567", False),
    # a full field line closed by its bracket ends there (devset d2-b293)
    ("配合单位：第一专员办公室、第二专员办公室、第三专员办公室）", "综合处负责统筹衔接生态环境总体规划与应对气候变化类规划。", False),
]
# fmt: on


@pytest.mark.parametrize(("a", "b", "expected"), FIELD_LINE_CASES)
def test_lines_field_line_continues_only_when_full(a: str, b: str, expected: bool) -> None:
    from extract.normalize.lines import continues

    assert continues(a, b, paged=True, width=34) is expected


# Text layers that set the last one to three characters of a full line on a line of their
# own (b052, b060, b069 of the bulk corpus): the overhang continues the full line, so the
# line after it is judged against the full line, not against the narrow overhang.
FULL = "单位地区生产总值能耗持续下降，单位地区生产总值二氧化碳排放确保完成国家下达指标，活立木"  # 43 wide
# fmt: off
OVERHANG_CASES = [
    # (lines of one page, the normalized text)
    ([FULL, "蓄积", "量达到9亿立方米。"], FULL + "蓄积量达到9亿立方米。"),
    ([FULL, "蓄", "积量达到9亿立方米。"], FULL + "蓄积量达到9亿立方米。"),
    ([FULL, "蓄、", "积量达到9亿立方米。"], FULL + "蓄、积量达到9亿立方米。"),
    # a title wrapped onto a short last line ends there (r11 of corpora/real)
    ([FULL, "蓄积量", "达到9亿立方米。"], FULL + "蓄积量达到9亿立方米。"),
    ([FULL + "重点工作", "的通知", "银川市、石嘴山市生态环境局，各有关重点排放单位："],
     FULL + "重点工作的通知\n银川市、石嘴山市生态环境局，各有关重点排放单位："),
    # the overhang ends the sentence or closes a bracket: the next paragraph stays apart
    ([FULL, "蓄积。", "二氧化碳排放量达到峰值。"], FULL + "蓄积。\n二氧化碳排放量达到峰值。"),
    ([FULL, "量）", "省环境监察局负责温室气体重点排放单位环境监管工作。"],
     FULL + "量）\n省环境监察局负责温室气体重点排放单位环境监管工作。"),
    # a short line that is no overhang (the full line before it does not continue) stays
    (["各有关单位：", "现将有关事项通知如下。"], "各有关单位：\n现将有关事项通知如下。"),
]
# fmt: on


@pytest.mark.parametrize(("lines", "expected"), OVERHANG_CASES)
def test_lines_overhang_of_a_full_line_is_carried(lines: list[str], expected: str) -> None:
    body = [FULL + "，", FULL + "，", FULL + "，"]  # lines that set the page's column width
    text = normalize(pdf_document(["\n".join([*body, "。", *lines]) + "\n"]), Settings()).text
    assert text.split("。\n", 1)[1].rstrip("\n") == expected
