"""Sentences and clauses: where punctuation ends a fact's evidence, and where it does not."""

from __future__ import annotations

import pytest

from extract.language.clauses import split_sentences


def _clauses(text: str) -> list[list[str]]:
    return [[text[c.start:c.end] for c in s.clauses] for s in split_sentences(text)]


# fmt: off
CASES = [
    # 。 ends a sentence, ； a sub-sentence, ，and ： a clause
    ("到2025年，秸秆基本实现全利用；农膜基本实现全回收。", [["到2025年", "秸秆基本实现全利用", "农膜基本实现全回收"]]),
    # a short note in brackets keeps its comma (b069, b259, b549)
    ("2025年各市（含定州、辛集市，下同）城区基本建成处理系统。",
     [["2025年各市（含定州、辛集市，下同）城区基本建成处理系统"]]),
    ("5月15日前上传联系人信息登记表（见附件，盖单位公章后扫描为PDF格式）。",
     [["5月15日前上传联系人信息登记表（见附件，盖单位公章后扫描为PDF格式）"]]),
    # ... but figures after the comma are facts of their own (b487)
    ("谋划一批重点工程项目（试点县不少于5个，先行基地不少于2个）。",
     [["谋划一批重点工程项目（试点县不少于5个", "先行基地不少于2个）"]]),
    # ... and a long bracket is prose, cut as prose
    ("推进治理（坚持问题导向，分类施策，统筹推进流域上下游、左右岸综合治理）。",
     [["推进治理（坚持问题导向", "分类施策", "统筹推进流域上下游、左右岸综合治理）"]]),
    # a comma after a closed bracket ends its clause as usual
    ("编制方案（试行），报省政府批准。", [["编制方案（试行）", "报省政府批准"]]),
    # a half-width comma cuts like "，", also before a figure (b164, b462); a thousands comma does not
    ("开展农村环境整治,2025年底前,完成整治任务。", [["开展农村环境整治", "2025年底前", "完成整治任务"]]),
    ("投资1,000万元,建成2,500公里。", [["投资1,000万元", "建成2,500公里"]]),
    # a line break inside an open bracket is layout, not a sentence end
    ("提交书面核查报告（一式三\n份），按时报送。", [["提交书面核查报告（一式三\n份）", "按时报送"]]),
    # ... and inside a document's 《name》 (b220, b171), but not after the name closed
    ("国务院发布的《关于完整准确\n全面贯彻新发展理念的意见》及《2030年前碳达峰行动方案》均将建筑纳入范围。",
     [["国务院发布的《关于完整准确\n全面贯彻新发展理念的意见》及《2030年前碳达峰行动方案》均将建筑纳入范围"]]),
    ("关于印发《行动方案》的通知\n各区人民政府：", [["关于印发《行动方案》的通知"], ["各区人民政府"]]),
    ("依据《规划\n》", [["依据《规划\n》"]]),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_clauses_split_where_the_text_ends_a_fact(text: str, expected: list[list[str]]) -> None:
    assert _clauses(text) == expected
