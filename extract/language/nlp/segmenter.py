r"""jieba's cuts from rjieba (jieba-rs): the same words, without building jieba's dictionary.

jieba 0.42.1 spends ~0.65 s of every process start building its dictionary and cuts at
~0.8 MB/s; rjieba loads the same dictionary in ~0.1 s and cuts several times faster.  Its
cuts are jieba's but for three things, each undone here by following jieba's own rules
(jieba/__init__.py ``cut`` and ``__cut_DAG``, jieba/finalseg/__init__.py ``cut``):

* Blocks.  jieba segments only runs of ``[\u4E00-\u9FD5a-zA-Z0-9+#&._%-]`` (``re_han_default``)
  and yields everything else one character at a time (``\r\n`` as one); jieba-rs's runs also
  take CJK extension and compatibility ideographs.  So the blocks are found here, with
  jieba's pattern, and only blocks go to rjieba.
* ASCII stretches left to the HMM.  Inside a block, a run of single characters that is no
  dictionary word goes to finalseg, which cuts its non-Han stretches with ``re_skip``
  ``[a-zA-Z0-9]+(?:\.\d+)?%?`` (``010-88416688`` is ``010``, ``-``, ``88416688``); jieba-rs
  keeps ``010-88416688`` whole.  The only non-Han characters of a block are ASCII, and an
  ASCII-only token of rjieba's is either a dictionary word (``C++``, ``AT&T``) or a piece of
  such a stretch (a dictionary word holding an ASCII character never loses to single
  characters: an ASCII character alone has frequency 1, so it is never char-split either).
  Two stretches are always parted by a Han character or a dictionary word.  So each run of
  consecutive ASCII tokens that are not dictionary words is one stretch: it is joined and
  cut again with ``re_skip``.
* The dictionary state (frequencies, total): see :mod:`.jieba_words`.

tests/language/test_segmenter.py compares the cuts with jieba's on every line of the
project's texts, a table of tricky cases and random strings.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

# jieba/__init__.py: the blocks it segments, and how it splits what lies between them
RE_HAN_DEFAULT = re.compile("([\u4E00-\u9FD5a-zA-Z0-9+#&\\._%\\-]+)")
RE_SKIP_DEFAULT = re.compile("(\r\n|\\s)")
# jieba/finalseg/__init__.py: how the HMM step cuts a stretch of non-Han characters
RE_FINALSEG_SKIP = re.compile(r"([a-zA-Z0-9]+(?:\.\d+)?%?)")
# a block token made of the block's non-Han characters only
RE_ASCII_TOKEN = re.compile(r"[a-zA-Z0-9+#&._%\-]+")
RE_ASCII_CHAR = re.compile(r"[a-zA-Z0-9+#&._%\-]")

# A word that can never reach rjieba (a private-use character is outside every block):
# it carries the difference between jieba's total and jieba-rs's (see jieba_words).
BALLAST_WORD = "\ue000"


@lru_cache(maxsize=1)
def _rjieba():  # noqa: ANN202 - the rjieba module, imported lazily
    """rjieba with jieba's dictionary state after the project's words were added.

    rjieba's module-level functions work on the default instance it builds on import: the
    words go there (a second ``rjieba.Jieba()`` would load the dictionary again, ~65 ms).
    """
    import rjieba

    from .jieba_words import read_frequencies

    words, ballast = read_frequencies()
    for word, freq in words:
        rjieba.add_word(word, freq, None)
    if ballast:
        rjieba.add_word(BALLAST_WORD, ballast, None)
    return rjieba


def cut(text: str) -> list[str]:
    """``jieba.cut(text)`` (accurate mode, HMM on) with the project's dictionary, as a list."""
    seg = _rjieba()
    words: list[str] = []
    for block in RE_HAN_DEFAULT.split(text):
        if not block:
            continue
        if RE_HAN_DEFAULT.match(block):
            tokens = seg.cut(block)
            words.extend(_recut_ascii_stretches(seg, tokens) if RE_ASCII_CHAR.search(block) else tokens)
        else:
            for piece in RE_SKIP_DEFAULT.split(block):
                if RE_SKIP_DEFAULT.match(piece):
                    words.append(piece)
                else:
                    words.extend(piece)
    return words


def _recut_ascii_stretches(seg, tokens: list[str]) -> list[str]:  # noqa: ANN001
    """Join each stretch of ASCII HMM pieces and cut it with finalseg's ``re_skip``."""
    out: list[str] = []
    stretch: list[str] = []
    for token in tokens:
        if RE_ASCII_TOKEN.fullmatch(token) and (len(token) == 1 or not seg.has_word(token)):
            stretch.append(token)
            continue
        if stretch:
            out.extend(_finalseg_split("".join(stretch)))
            stretch = []
        out.append(token)
    if stretch:
        out.extend(_finalseg_split("".join(stretch)))
    return out


def _finalseg_split(stretch: str) -> list[str]:
    return [x for x in RE_FINALSEG_SKIP.split(stretch) if x]


def token_starts(text: str) -> list[int]:
    """Where the tokens of the spaCy Doc of ``text`` start, without building the Doc.

    spaCy aligns the words with ``util.get_words_and_spaces``: whitespace words are dropped,
    one ``" "`` right after a word becomes that token's trailing space, and any other
    whitespace between two words becomes a token of its own.
    """
    starts: list[int] = []
    end = len(text)
    offset = pos = 0  # where the next word starts; where the Doc's next token would start
    for word in cut(text):
        start, offset = offset, offset + len(word)
        if not word or word.isspace():
            continue
        if start > pos:
            starts.append(pos)
        starts.append(start)
        pos = offset + 1 if offset < end and text[offset] == " " else offset
    if pos < end:
        starts.append(pos)
    return starts


class SegmenterTokenizer:
    """A spaCy tokenizer giving the Doc spaCy's ``zh`` jieba segmenter gives (same words, spaces)."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        from spacy import util
        from spacy.tokens import Doc

        words, spaces = util.get_words_and_spaces([w for w in cut(text) if w], text)
        return Doc(self.vocab, words=words, spaces=spaces)
