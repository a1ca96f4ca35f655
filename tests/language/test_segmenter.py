"""The rjieba segmenter gives exactly jieba's cuts (jieba configured as the project configured it).

jieba itself stays installed as the reference: every test here cuts with both and wants no
difference at all, on a table of tricky cases, on every line of the project's texts (and of
../shared's devset and bulk PDFs when present), and on random strings.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.language.nlp import segmenter
from extract.language.nlp.jieba_words import FREQ_FILE, frequency_table, reference_jieba
from extract.language.nlp.pipeline import jieba_cache_dir

ROOT = Path(__file__).resolve().parents[2]
# Normalized texts of ../shared files, by content hash: ingesting 163 PDFs takes minutes.
TEXT_CACHE = jieba_cache_dir().parent / "segmenter-texts"


@pytest.fixture(scope="module")
def jieba_cut():  # noqa: ANN201
    tokenizer = reference_jieba(str(jieba_cache_dir()))
    return lambda text: list(tokenizer.cut(text))


def differences(jieba_cut, lines) -> list[tuple[str, list[str], list[str]]]:  # noqa: ANN001
    out = []
    for line in lines:
        expected, got = jieba_cut(line), segmenter.cut(line)
        if expected != got:
            out.append((line, expected, got))
    return out


CASES = [
    "联系电话：010-88416688，传真0351-4040150",
    "详见http://www.gov.cn/zhengce/2022-09/24/content_5711.htm和www.sxgp.gov.cn",
    "邮箱ghb_2022@163.com或abc.def@sx.gov.cn",
    "2022-09-24印发，2022.09.24施行，2022/9/24发布",
    "执行GB/T 2589-2020《综合能耗计算通则》和GB 17167-2006、T2001-2020",
    "下降2.5%，增长13.5%以上，1.5.3版，5%3，3.14.15",
    "PM2.5浓度、PM10和O3-8h下降，CO2排放",
    "引进2-3家企业，建设1-2个示范区，10~15万千瓦",
    "C++和c#、C#与AT&T，B超T恤A股IP地址4S店N年PH值X射线AT&T恤c++1",
    "ａｂｃ１２３全角，０１０－８８４１６６８８，．５％",
    "中a-1.5%x，a+1，x_y，a&b，#1，%5，--，..，a.b.c",
    "省发展改革委、市工业和信息化局、省银保监会牵头负责",
    "单位地区生产总值能耗下降13.5%，非化石能源消费比重达到20%",
    "第 一 条　总则\r\n二、目标\n\t三、 措施  \u3000四",
    "㐀䶵鿖鿿豈\U00020000𠀀中文混排abc㐀123",
    "\x1c\x1d\xa0\u2028\u200b零宽",
    "",
    " ",
    "a",
    "中",
]


@pytest.mark.parametrize("text", CASES)
def test_tricky_cases_cut_as_jieba_cuts(jieba_cut, text: str) -> None:
    assert segmenter.cut(text) == jieba_cut(text)


def test_ascii_stretches_are_cut_at_their_punctuation() -> None:
    """The regression that kept rjieba out: jieba-rs keeps 010-88416688 whole, jieba does not."""
    assert segmenter.cut("电话010-88416688") == ["电话", "010", "-", "88416688"]
    assert segmenter.cut("2022-09-24") == ["2022", "-", "09", "-", "24"]
    assert segmenter.cut("学习C++语言") == ["学习", "C++", "语言"]  # a dictionary word stays whole


def _project_lines() -> list[str]:
    lines: set[str] = set()
    for path in sorted((ROOT / "corpora").rglob("*")):
        if path.is_file():
            try:
                lines.update(path.read_text(encoding="utf-8").splitlines())
            except UnicodeDecodeError:
                continue
    return sorted(lines)


def test_every_line_of_the_project_texts(jieba_cut) -> None:
    lines = _project_lines()
    assert len(lines) > 100
    assert differences(jieba_cut, lines) == []


def _normalized_lines(paths: list[Path], cache: Path) -> list[str]:
    """Every line of the normalized text of ``paths`` (texts cached by content hash)."""
    from extract.ingest import ingest
    from extract.normalize import normalize
    from extract.settings import Settings

    cache.mkdir(parents=True, exist_ok=True)
    settings = Settings.resolve({"max_seconds_per_document": 0})
    lines: set[str] = set()
    for path in paths:
        data = path.read_bytes()
        cached = cache / f"{hashlib.sha256(data).hexdigest()}.json"
        if cached.exists():
            texts = json.loads(cached.read_text(encoding="utf-8"))
        else:
            try:
                texts = [normalize(doc, settings).text for doc in ingest(data, path.name, settings)]
            except Exception:  # noqa: BLE001 - a file the pipeline rejects has no text to cut
                texts = []
            cached.write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
        for text in texts:
            lines.update(text.splitlines())
    return sorted(lines)


@pytest.mark.shared
def test_every_line_of_the_devset(jieba_cut, shared_dir: Path) -> None:
    docs = shared_dir / "devset" / "docs"
    if not docs.is_dir():
        pytest.skip(f"{docs} is absent")
    lines = _normalized_lines(sorted(p for p in docs.iterdir() if p.is_file()), TEXT_CACHE)
    assert differences(jieba_cut, lines) == []
    assert [line for line in lines if segmenter.token_starts(line) != _doc_starts(line)] == []


@pytest.mark.shared
@pytest.mark.slow
def test_every_line_of_the_bulk_pdfs(jieba_cut, bulk_pdf_dir: Path, real_pdf_dir: Path) -> None:
    lines = _normalized_lines(sorted(bulk_pdf_dir.glob("*.pdf")) + sorted(real_pdf_dir.glob("*")), TEXT_CACHE)
    assert len(lines) > 1000
    assert differences(jieba_cut, lines) == []


# Han (common, user words' characters, those of the mixed dictionary words), ASCII, the
# punctuation jieba joins or splits on, full-width forms, whitespace, and characters that
# jieba-rs counts as Han and jieba does not.
_ALPHABET = (
    "的中国人民政府发展改革委员会年月日超恤股型盘卡店值射线光号机关单位能耗下降万千瓦银保监"
    "abcxyzACTBXNPSIQ0123456789+#&._%-@/:~ \n\r\t，。（）、．－％０１ａ"
    "\u3000\xa0\x1c\u3400\u9fd6\u9fff\uf900\U00020000"
)
_PIECES = [
    "B超", "T恤", "A股", "AT&T", "c++", "C#", "c#", "C++", "IP地址", "4S店", "N年", "PH值",
    "PM2.5", "2022-09-24", "010-88416688", "www.gov.cn", "GB/T 2589-2020", "2.5%", "\r\n",
    "省发展改革委", "银保监会", "碳达峰", "万千瓦",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(list(_ALPHABET)), st.sampled_from(_PIECES)), max_size=16))
def test_random_strings_cut_as_jieba_cuts(parts: list[str]) -> None:
    text = "".join(parts)
    tokenizer = reference_jieba(str(jieba_cache_dir()))
    assert segmenter.cut(text) == list(tokenizer.cut(text))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40))
def test_any_text_cuts_as_jieba_cuts(text: str) -> None:
    tokenizer = reference_jieba(str(jieba_cache_dir()))
    assert segmenter.cut(text) == list(tokenizer.cut(text))


def test_the_frequency_file_is_what_jieba_computes() -> None:
    """Stale after a word list changed: python -m extract.language.nlp.jieba_words."""
    stored = (ROOT / "extract" / "data" / FREQ_FILE).read_text(encoding="utf-8")
    assert stored == frequency_table(reference_jieba(str(jieba_cache_dir())))


def test_the_user_words_are_han_only() -> None:
    """The ASCII-stretch repair assumes no added word holds an ASCII character (see segmenter)."""
    from extract.language.nlp.jieba_words import read_frequencies

    words, _ = read_frequencies()
    assert not [w for w, _ in words if segmenter.RE_ASCII_CHAR.search(w)]


def test_the_spacy_doc_is_the_jieba_segmenters_doc() -> None:
    """Same words and spaces as spaCy's own ``zh`` jieba segmenter would give."""
    import spacy

    from extract.language.nlp.pipeline import get_nlp

    text = "到2025年，单位GDP能耗下降13.5% 以上；电话 010-88416688\n（市发展改革委牵头）"
    words = [w for w in reference_jieba(str(jieba_cache_dir())).cut(text) if w]
    expected = spacy.util.get_words_and_spaces(words, text)
    doc = get_nlp()(text)
    assert ([t.text for t in doc], [bool(t.whitespace_) for t in doc]) == (expected[0], expected[1])
    assert doc.text == text


def test_a_run_never_builds_jiebas_dictionary() -> None:
    """The warm-up touches every lazily built resource; jieba must not be among them."""
    code = "import sys; from extract.warmup import warm_up; warm_up(); print('jieba' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "False"


def _doc_starts(text: str) -> list[int]:
    from extract.language.nlp.pipeline import get_nlp

    return [t.idx for t in get_nlp()(text)]


@pytest.mark.parametrize("text", [*CASES, "  前后空格  ", "a  b", " ", "\n\n", "中 \n 文", "x\r\ny"])
def test_token_starts_are_the_docs_token_starts(text: str) -> None:
    assert segmenter.token_starts(text) == _doc_starts(text)


def test_token_starts_on_every_line_of_the_project_texts() -> None:
    lines = _project_lines()
    assert [line for line in lines if segmenter.token_starts(line) != _doc_starts(line)] == []


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(list(_ALPHABET + "  ")), st.sampled_from(_PIECES)), max_size=16))
def test_token_starts_on_random_strings(parts: list[str]) -> None:
    text = "".join(parts)
    assert segmenter.token_starts(text) == _doc_starts(text)


def test_word_starts_builds_no_doc() -> None:
    """The target extractor's word boundaries come from the cuts: no spaCy Doc per clause."""
    from extract.language.nlp import pipeline

    before = pipeline.analyse.cache_info()
    starts = pipeline.word_starts("到2025年单位GDP能耗下降13.5%（一个只在这里出现的分句）")
    assert pipeline.analyse.cache_info() == before
    assert 0 in starts and len("到2025年单位GDP能耗下降13.5%（一个只在这里出现的分句）") in starts
