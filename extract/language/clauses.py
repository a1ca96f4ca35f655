"""Sentences, sub-sentences and clauses with their spans in ``doc.text``.

Scope carry-over and date carry-over follow the text's own punctuation: a deadline such as
"到2025年" governs its whole sentence (up to 。), a leading scope such as "全区" its
sub-sentence (up to ；), and the evidence of a fact is its clause (up to ，).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .patterns import CLAUSE_END, ENUMERATOR, SENTENCE_END, SUBSENTENCE_END

# Targets, deadlines (and their helpers) split the same document text: keep the last few
# splits.  Sentences and clauses are immutable (named tuples: a document has thousands of
# clauses and a tuple is built ~4x faster than a frozen dataclass), so sharing is safe.
SPLIT_CACHE_SIZE = 8
# A line break does not end a sentence inside brackets ("书面核查报告（一式三\n份）"), inside
# a document's 《name》, nor between a number and its unit ("提交2020\n年度报告"): layout broke
# the line there.
# (Only round brackets: 〔〕 of 文号 and 【】 labels close on their own line.)
UNIT_AFTER_BREAK = "年月日号%个万亿"
# A bracket this short (from its opening) is a note: a comma inside it ends no clause.
SHORT_BRACKET = 20


class Clause(NamedTuple):
    start: int
    end: int  # exclusive, without the closing punctuation
    sub: int  # index of its sub-sentence inside the sentence


class Sentence(NamedTuple):
    start: int
    end: int
    clauses: tuple[Clause, ...] = ()


@lru_cache(maxsize=1)
def _delimiter() -> re.Pattern[str]:
    """One scan for the three levels of ending (their characters are disjoint)."""
    return re.compile(f"(?P<s>{SENTENCE_END.pattern})|(?P<u>{SUBSENTENCE_END.pattern})|(?P<c>{CLAUSE_END.pattern})")


@lru_cache(maxsize=SPLIT_CACHE_SIZE)
def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Split ``text`` into sentences made of clauses (empty pieces dropped).

    Sentences end at 。！？ or a line break, sub-sentences at ；, clauses at ，：; a clause's
    ``sub`` counts the ； before it in its sentence (empty pieces included).  One scan over
    the text (this runs on every document, twice before it was cached).
    """
    sentences: list[Sentence] = []
    clauses: list[Clause] = []
    sentence_start = start = sub = 0
    enumerator_at = ENUMERATOR.match
    n = len(text)
    for m in _delimiter().finditer(text + "\n"):  # the added end closes the last sentence
        end = m.start()
        kind = m.lastgroup
        if kind == "s" and end < n and text[end] == "\n" and _layout_break(text, sentence_start, end):
            continue
        if kind == "c" and _inside_short_bracket(text, start, end):
            continue  # "2025年各市（含定州、辛集市，下同）城区…基本建成…": one clause
        # the clause [start, end), stripped, without its outline enumerator
        if start < end and (text[start].isspace() or text[end - 1].isspace()):
            start, end = _strip(text, start, end)
        if start < end:
            enumerator = enumerator_at(text, start, end)
            if enumerator:  # "一、请各区…": the outline number is not part of the fact
                start, end = _strip(text, enumerator.end(), end)
            if start < end:
                clauses.append(Clause(start, end, sub))
        start = m.end()
        if kind == "u":
            sub += 1
        elif kind == "s":
            if clauses:
                s_start, s_end = _strip(text, sentence_start, min(m.start(), n))
                sentences.append(Sentence(s_start, s_end, tuple(clauses)))
                clauses = []
            sentence_start, sub = start, 0
    return tuple(sentences)


def _inside_short_bracket(text: str, start: int, pos: int) -> bool:
    """Is the comma at ``pos`` inside a round bracket that opened in this clause and closes
    within ``SHORT_BRACKET`` characters, before any sentence end or figure?  A short note in
    brackets ("（含定州、辛集市，下同）", "（见附件，盖单位公章后扫描为PDF格式）") belongs to its clause."""
    opened = max(text.rfind("（", start, pos), text.rfind("(", start, pos))
    if opened < 0 or text.find("）", opened, pos) >= 0 or text.find(")", opened, pos) >= 0:
        return False
    after = text[pos + 1:opened + SHORT_BRACKET + 1]
    close = min((i for i in (after.find("）"), after.find(")")) if i >= 0), default=-1)
    # a figure after the comma may be a fact of its own ("（试点县不少于5个，先行基地不少于2个）")
    return close >= 0 and not any(c in after[:close] for c in "。！？\n（(；;0123456789")


def _layout_break(text: str, sentence_start: int, pos: int) -> bool:
    """Is the line break at ``pos`` inside an open bracket or between a number and its unit?"""
    if pos + 1 < len(text) and text[pos - 1:pos].isdigit() and text[pos + 1] in UNIT_AFTER_BREAK:
        return True
    after = text[pos + 1:pos + 80]
    # a document's name wrapped by the layout: "中共中央、国务院发布的《关于完整准确⏎全面贯彻…意见》"
    # (b220), "《…国民经济和社会发展第⏎十四个五年规划和2035年远景目标纲要》" (b171); a line break
    # before the title's own 》 is no sentence end
    close, reopen = after.find("》"), after.find("《")
    if close >= 0 and (reopen < 0 or close < reopen):
        piece = text[sentence_start:pos]
        if piece.count("《") > piece.count("》"):
            return True
    if "）" not in after and ")" not in after:
        return False
    piece = text[sentence_start:pos]
    return piece.count("（") + piece.count("(") > piece.count("）") + piece.count(")")


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) without surrounding whitespace (str.isspace and str.strip agree)."""
    if start < end and (text[start].isspace() or text[end - 1].isspace()):
        piece = text[start:end]
        start += len(piece) - len(piece.lstrip())
        end -= len(piece) - len(piece.rstrip())
        if end < start:
            end = start
    return start, end
