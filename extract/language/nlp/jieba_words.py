"""The words the project adds to jieba, and the frequencies jieba gives them.

The segmenter (:mod:`.segmenter`) cuts with rjieba (jieba-rs) but must give exactly the cuts
of jieba 0.42.1 configured as the project always configured it: the policy terms and
indicators with their frequencies, then the department gazetteer (frequency suggested by
jieba), then the gazetteer once more (the department recognizer taught it again).  Two
things of that state cannot be rebuilt in rjieba without jieba's own 0.6 s dictionary:

* the suggested frequencies (jieba multiplies float probabilities, jieba-rs adds logs: they
  differ by one now and then, e.g. 全国总工会 61 against 62);
* the total, which every cut divides by: jieba adds a re-added word's new frequency without
  subtracting the old one (and counts dict.txt's duplicate B超 twice); jieba-rs replaces it.

So jieba computes them once, here, into ``data/jieba_user_words.tsv``: every added word with
its final frequency, and the "ballast" that brings jieba-rs's total to jieba's.  A test
rebuilds the file from jieba and fails when it is stale; regenerate it with
``python -m extract.language.nlp.jieba_words`` after changing a word list.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from jieba import Tokenizer

FREQ_FILE = "jieba_user_words.tsv"


def policy_words() -> list[tuple[str, int | None, str | None]]:
    """(word, frequency, tag) of policy_terms.txt then indicators.txt, in file order."""
    out: list[tuple[str, int | None, str | None]] = []
    for name in ("policy_terms.txt", "indicators.txt"):
        for line in resources.files("extract.data").joinpath(name).read_text(encoding="utf-8").splitlines():
            parts = line.split()
            if parts and not line.startswith("#"):
                out.append((parts[0], int(parts[1]) if len(parts) > 1 else None, parts[2] if len(parts) > 2 else None))
    return out


@lru_cache(maxsize=1)
def reference_jieba(tmp_dir: str | None = None) -> Tokenizer:
    """A jieba tokenizer with the project's words added as the project always added them.

    Only tests and :func:`write_frequencies` build it (a normal run never loads jieba); a
    fresh ``jieba.Tokenizer``, so that jieba's global one stays as other code left it.
    """
    import jieba

    from ..lexicon import gazetteer_words

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    if tmp_dir:
        tokenizer.tmp_dir = tmp_dir
    for word, freq, tag in policy_words():
        tokenizer.add_word(word, freq=freq, tag=tag)
    for _ in range(2):  # the clause pipeline, then the department recognizer, taught it
        for word in gazetteer_words():
            tokenizer.add_word(word, tag="nt")
    return tokenizer


def frequency_table(tokenizer: Tokenizer) -> str:
    """The file's text: jieba's frequency of each added word, and the total's ballast."""
    from ..lexicon import gazetteer_words

    base: dict[str, int] = {}
    with tokenizer.get_dict_file() as f:
        for raw in f:
            word, freq = raw.decode("utf-8").strip().split(" ")[:2]
            base[word] = int(freq)  # a duplicate keeps its last frequency, as in jieba-rs
    words = list(dict.fromkeys([w for w, _, _ in policy_words()] + list(gazetteer_words())))
    rs_total = sum(base.values()) + sum(tokenizer.FREQ[w] - base.get(w, 0) for w in words)
    ballast = tokenizer.total - rs_total
    lines = [
        "# jieba 0.42.1's frequency of every word the project adds (extract/language/nlp/jieba_words.py).",
        "# Generated: python -m extract.language.nlp.jieba_words   (do not edit by hand)",
        f"# ballast\t{ballast}",
        *(f"{w}\t{tokenizer.FREQ[w]}" for w in words),
    ]
    return "\n".join(lines) + "\n"


def read_frequencies() -> tuple[list[tuple[str, int]], int]:
    """The generated words with their frequencies, and the ballast."""
    words: list[tuple[str, int]] = []
    ballast = 0
    for line in resources.files("extract.data").joinpath(FREQ_FILE).read_text(encoding="utf-8").splitlines():
        if line.startswith("# ballast\t"):
            ballast = int(line.split("\t")[1])
        elif line and not line.startswith("#"):
            word, freq = line.split("\t")
            words.append((word, int(freq)))
    return words, ballast


def write_frequencies() -> Path:
    """Regenerate ``data/jieba_user_words.tsv`` from jieba."""
    from .pipeline import jieba_cache_dir

    path = Path(str(resources.files("extract.data").joinpath(FREQ_FILE)))
    path.write_text(frequency_table(reference_jieba(str(jieba_cache_dir()))), encoding="utf-8")
    return path


if __name__ == "__main__":  # pragma: no cover
    import sys

    sys.stdout.write(f"{write_frequencies()}\n")
