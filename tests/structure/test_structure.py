"""Blocks, heading links and table spans built by the structure stage."""

from __future__ import annotations

from pathlib import Path

from extract.model import Cell, Document, Table
from extract.normalize import normalize
from extract.settings import Settings
from extract.structure import build_blocks, map_raw_span, structure

NOTICE = """关于印发《高平市节约型机关创建行动方案》的 通 知

市直各部门：

一、总体要求

以习近平新时代中国特色社会主义思想为指导，推动党政机关厉行勤俭节约。

二、创建内容

（一）完善制度体系。健全节约能源资源管理制度，明确工作职责。

（二）推行绿色办公

推进无纸化办公，充分采用自然采光。

1.建设绿色食堂

推广应用节能炉灶。

三、工作要求

加强组织领导。
"""


def _doc(raw: str, fmt: str = "txt", **kw: object) -> Document:
    doc = Document(id="x", source=f"a.{fmt}", format=fmt, raw_text=raw, **kw)
    return normalize(doc, Settings())


def test_structure_blocks_levels_and_heading_links() -> None:
    doc = structure(_doc(NOTICE), Settings())
    by_text = {b.text[:8]: (i, b) for i, b in enumerate(doc.blocks)}
    i_one, one = by_text["一、总体要求"]
    assert one.kind == "heading" and one.level == 1 and one.heading is None
    i_two, two = by_text["二、创建内容"]
    _, body = by_text["以习近平新时代中"]
    assert body.kind == "paragraph" and body.level is None and body.heading == i_one
    i_runin, runin = by_text["（一）完善制度体"]
    assert runin.kind == "paragraph" and runin.level == 2 and runin.heading == i_two
    i_sub, sub = by_text["（二）推行绿色办"]
    assert sub.kind == "heading" and sub.level == 2 and sub.heading == i_two
    i_three, three = by_text["1.建设绿色食堂"]
    assert three.level == 3 and three.heading == i_sub
    assert by_text["推广应用节能炉灶"][1].heading == i_three
    i_last, last = by_text["三、工作要求"]
    assert last.heading is None and by_text["加强组织领导。"][1].heading == i_last


def test_structure_block_spans_slice_the_text() -> None:
    doc = structure(_doc(NOTICE), Settings())
    assert all(doc.text[b.span[0]:b.span[1]] == b.text for b in doc.blocks)
    assert doc.blocks[0].text == "关于印发《高平市节约型机关创建行动方案》的通知"


def test_structure_annex_restarts_outline() -> None:
    doc = _doc("一、总体要求\n\n正文。\n\n附件\n\n一、申报条件\n\n条件正文。\n")
    blocks = build_blocks(doc)
    annex = next(i for i, b in enumerate(blocks) if b.text == "附件")
    second = next(b for b in blocks if b.text == "一、申报条件")
    assert blocks[annex].level == 0 and second.heading == annex


def test_structure_maps_native_table_cells_to_normalized_spans() -> None:
    raw = "附件\n\n高平市 节约型机关评价标准\n\n序号\t评价 项目\t分值\n1\t節(jié)能 管理\t９\n\n其他说明。\n"
    cells = []
    for r, row_start in enumerate((raw.index("序号"), raw.index("1\t"))):
        line = raw[row_start:raw.index("\n", row_start)]
        pos = row_start
        for c, part in enumerate(line.split("\t")):
            cells.append(Cell(row=r, col=c, text=part, raw_span=(pos, pos + len(part))))
            pos += len(part) + 1
    table = Table(cells=cells, raw_span=(raw.index("序号"), raw.index("\n\n其他")))
    doc = _doc(raw, tables=[table])
    structure(doc, Settings())
    native = doc.tables[0]
    assert [c.text for c in native.cells] == ["序号", "评价项目", "分值", "1", "节能管理", "9"]
    assert all(doc.text[c.span[0]:c.span[1]] == c.text for c in native.cells)
    assert native.title == "高平市节约型机关评价标准"
    kinds = [b.kind for b in doc.blocks]
    assert kinds.count("table") == 1 and doc.blocks[kinds.index("table")].table == 0
    assert doc.blocks[-1].text == "其他说明。"


def test_map_raw_span_inverts_offsets() -> None:
    doc = _doc("節(jié)能降耗 考核")
    assert doc.text == "节能降耗考核"
    start = doc.raw_text.index("考核")
    assert map_raw_span(doc, (start, start + 2)) == (4, 6)


def test_structure_seed_003_scoring_table_block(seeds_dir: Path) -> None:
    raw = next(seeds_dir.glob("003_*.txt")).read_text(encoding="utf-8")
    doc = structure(_doc(raw), Settings())
    tables = [b for b in doc.blocks if b.kind == "table"]
    assert len(tables) == len(doc.tables) >= 1
    assert doc.tables[tables[0].table].title == "高平市节约型机关评价标准"
    headings = [b.text for b in doc.blocks if b.kind == "heading" and b.level == 1]
    assert headings[:3] == ["一、总体要求", "二、主要目标", "三、创建范围"]
