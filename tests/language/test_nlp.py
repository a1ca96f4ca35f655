"""The spaCy + jieba backbone: offline blank zh, user dictionary, quantity entities."""

from __future__ import annotations

import pytest

from extract.language.nlp import analyse, get_nlp, snap_to_word, word_starts


def test_nlp_pipeline_has_quantity_component() -> None:
    assert get_nlp().pipe_names == ["policy_quantities"]


# fmt: off
ENTS = [
    ("到2025年，全区单位地区生产总值能源消耗比2020年下降15%", ["15%"]),
    ("完成煤电机组节能改造2000万千瓦、灵活性改造3000万千瓦", ["2000万千瓦", "3000万千瓦"]),
    ("企管函〔2012〕007号", []),
]
# fmt: on


@pytest.mark.parametrize("text,expected", ENTS)
def test_nlp_quantities_skip_dates_and_doc_numbers(text: str, expected: list) -> None:
    doc = analyse(text)
    assert [text[q.start:q.stop] for q in doc._.quantities] == expected


@pytest.mark.parametrize("text,word", [
    ("全区单位地区生产总值能源消耗", "单位地区生产总值"),  # user dictionary keeps the term whole
    ("非化石能源消费比重达到20%", "非化石能源"),
])
def test_nlp_user_dictionary_terms_are_one_token(text: str, word: str) -> None:
    assert word in [t.text for t in analyse(text)]


def test_nlp_snap_moves_a_cut_onto_a_word_start() -> None:
    text = "全区单位地区生产总值能源消耗"
    assert 2 in word_starts(text)
    assert snap_to_word(text, 3) == 10


# fmt: off
DEPARTMENTS = [
    ("由发展改革委牵头负责", "发展改革委"),
    ("生态环境局、住房城乡建设局按职责分工负责", "生态环境局"),
    ("国家机关事务管理局会同有关部门", "国家机关事务管理局"),
]
# fmt: on


@pytest.mark.parametrize("text,name", DEPARTMENTS)
def test_nlp_department_names_are_one_token(text: str, name: str) -> None:
    """The gazetteer is loaded by the pipeline itself, whatever stage ran first."""
    assert name in [t.text for t in analyse(text)]
