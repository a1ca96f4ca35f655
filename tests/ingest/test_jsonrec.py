"""JSON / JSONL crawler records: one Document per record."""

from __future__ import annotations

import hashlib
import json

import pytest

from extract.errors import CorruptFile, UnsupportedFormat
from extract.ingest import ingest

RECORDS = [
    {"title": "关于印发节能减排方案的通知", "url": "http://www.gov.cn/a.html", "publish_date": "2022-01-24",
     "content": "各省、自治区、直辖市人民政府：\n到2025年，全国单位国内生产总值能源消耗比2020年下降13.5%。"},
    {"title": "评分标准", "html": "<div class='nav'>首页</div><p>市能源局牵头负责推进节约型机关创建行动。</p>"},
]


def _canonical(record: dict) -> str:
    blob = json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def test_jsonl_two_records() -> None:
    data = "\n".join(json.dumps(r, ensure_ascii=False) for r in RECORDS).encode("utf-8")
    docs = ingest(data, "crawl.jsonl")
    assert [d.source for d in docs] == ["crawl.jsonl#1", "crawl.jsonl#2"]
    assert [d.id for d in docs] == [_canonical(r) for r in RECORDS]
    assert all(d.format == "json" and d.encoding == "utf-8" for d in docs)
    first, second = docs
    assert first.raw_text == RECORDS[0]["content"]
    assert first.front_matter == {"title": "关于印发节能减排方案的通知", "date": "2022-01-24",
                                  "url": "http://www.gov.cn/a.html"}
    assert second.raw_text == "市能源局牵头负责推进节约型机关创建行动。\n"  # html read as HTML, nav dropped


def test_json_list_and_wrapped_records() -> None:
    assert len(ingest(json.dumps(RECORDS, ensure_ascii=False).encode(), "crawl.json")) == 2
    wrapped = json.dumps({"total": 2, "data": RECORDS}, ensure_ascii=False).encode()
    assert [d.source for d in ingest(wrapped, "page.json")] == ["page.json#1", "page.json#2"]


def test_json_records_without_text_are_skipped_with_warning() -> None:
    data = json.dumps([RECORDS[0], {"title": "只有标题"}], ensure_ascii=False).encode()
    [doc] = ingest(data, "crawl.json")
    assert doc.warnings == ["records 2 have no text field; skipped"]


# fmt: off
@pytest.mark.parametrize("payload,reason", [
    ('{"name": "config", "version": 3}', "JSON holds no crawler records"),
    ("[1, 2, 3]", "JSON holds no crawler records"),
    ('"just a string"', "JSON str is not a crawler record"),
])
# fmt: on
def test_json_that_is_not_records_is_unsupported(payload: str, reason: str) -> None:
    with pytest.raises(UnsupportedFormat, match=reason):
        ingest(payload.encode(), "x.json")


def test_jsonrec_bad_line_keeps_the_good_records() -> None:
    """Issue 14: one malformed JSONL line no longer loses the file's good records."""
    data = (json.dumps(RECORDS[0], ensure_ascii=False) + "\n{broken\n").encode()
    [doc] = ingest(data, "crawl.jsonl")
    assert doc.source == "crawl.jsonl#1"
    assert any(w.startswith("JSONL line 2 is not valid JSON") for w in doc.warnings)


def test_jsonrec_no_valid_line_is_corrupt() -> None:
    with pytest.raises(CorruptFile, match="invalid JSON"):
        ingest(b"{broken\n{also broken\n", "crawl.jsonl")
