"""DOCX reading: document order, headings, merged cells as one Cell each."""

from __future__ import annotations

import io

import pytest

from extract.errors import CorruptFile
from extract.ingest import ingest

from .conftest import SENTENCES, assert_spans_consistent, build_docx

ROWS = [
    ["考核指标", "考核内容", "分值"],
    ["节能目标（20分）", "能源总量控制目标", "10"],
    [None, "能耗强度降低目标", "10"],
    ["合计", None, "20"],
]
MERGES = [((1, 0), (2, 0)), ((3, 0), (3, 1))]


@pytest.fixture(scope="module")
def scoring_docx() -> bytes:
    return build_docx([("heading", "一、总体要求"), ("paragraph", SENTENCES[0]), ("table", (ROWS, MERGES)),
                       ("paragraph", "附件：评分表")])


def test_docx_blocks_in_document_order(scoring_docx: bytes) -> None:
    [doc] = ingest(scoring_docx, "notice.docx")
    assert doc.format == "docx" and doc.data == b""
    lines = doc.raw_text.split("\n")
    assert lines[:3] == ["一、总体要求", SENTENCES[0], ""]
    assert lines[-3:] == ["", "附件：评分表", ""]


def test_docx_merged_cells_once(scoring_docx: bytes) -> None:
    [doc] = ingest(scoring_docx, "notice.docx")
    [table] = doc.tables
    spans = {(c.row, c.col): (c.rowspan, c.colspan, c.text) for c in table.cells}
    assert spans[(1, 0)] == (2, 1, "节能目标（20分）")
    assert spans[(3, 0)] == (1, 2, "合计")
    assert (2, 0) not in spans and (3, 1) not in spans
    assert doc.raw_text.count("节能目标（20分）") == 1
    assert "节能目标（20分）\t能源总量控制目标\t10\n\t能耗强度降低目标\t10\n合计\t\t20\n" in doc.raw_text
    assert_spans_consistent(doc)


def test_docx_one_cell_per_distinct_tc(scoring_docx: bytes) -> None:
    """Cross-check with python-docx's own grid: one Cell per distinct cell._tc."""
    import docx

    grid = docx.Document(io.BytesIO(scoring_docx)).tables[0]
    tcs = [cell._tc for row in grid.rows for cell in row.cells]  # held: lxml proxies keep identity
    distinct = [tc for i, tc in enumerate(tcs) if not any(tc is other for other in tcs[:i])]
    [doc] = ingest(scoring_docx, "notice.docx")
    assert len(doc.tables[0].cells) == len(distinct)


def test_docx_truncated_raises_corrupt(scoring_docx: bytes) -> None:
    with pytest.raises(CorruptFile, match="truncated or corrupt zip container"):
        ingest(scoring_docx[: len(scoring_docx) // 2], "notice.docx")


def test_docx_without_document_xml_is_corrupt(scoring_docx: bytes) -> None:
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(scoring_docx)) as src, zipfile.ZipFile(buf, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            dst.writestr(item, data.replace(b"<w:body>", b"<w:bodyy>") if item.filename == "word/document.xml" else data)
    with pytest.raises(CorruptFile, match="corrupt DOCX"):
        ingest(buf.getvalue(), "broken.docx")
