"""Sentences, sub-sentences and clauses with their spans in ``doc.text``.

Scope carry-over and date carry-over follow the text's own punctuation: a deadline such as
"到2025年" governs its whole sentence (up to 。), a leading scope such as "全区" its
sub-sentence (up to ；), and the evidence of a fact is its clause (up to ，).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from .patterns_targets import CLAUSE_END, ENUMERATOR, SENTENCE_END, SUBSENTENCE_END


@dataclass(slots=True)
class Clause:
    start: int
    end: int  # exclusive, without the closing punctuation
    sub: int  # index of its sub-sentence inside the sentence


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    clauses: list[Clause] = field(default_factory=list)


def _pieces(text: str, start: int, end: int, pattern) -> Iterator[tuple[int, int]]:
    pos = start
    for m in pattern.finditer(text, start, end):
        yield pos, m.start()
        pos = m.end()
    yield pos, end


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences made of clauses (empty pieces dropped)."""
    sentences = []
    for s_start, s_end in _pieces(text, 0, len(text), SENTENCE_END):
        s_start, s_end = _strip(text, s_start, s_end)
        if s_start >= s_end:
            continue
        sentence = Sentence(s_start, s_end)
        for sub_index, (u_start, u_end) in enumerate(_pieces(text, s_start, s_end, SUBSENTENCE_END)):
            for c_start, c_end in _pieces(text, u_start, u_end, CLAUSE_END):
                c_start, c_end = _strip(text, c_start, c_end)
                enumerator = ENUMERATOR.match(text, c_start, c_end)
                if enumerator:  # "一、请各区…": the outline number is not part of the fact
                    c_start, c_end = _strip(text, enumerator.end(), c_end)
                if c_start < c_end:
                    sentence.clauses.append(Clause(c_start, c_end, sub_index))
        if sentence.clauses:
            sentences.append(sentence)
    return sentences


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
