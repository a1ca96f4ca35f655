"""The spaCy backbone: a blank ``zh`` pipeline with jieba's cuts and a policy user dictionary.

It runs only on clauses that can hold a target (those with a quantity), because segmenting
every character costs far more than the regex pre-filter, which runs at tens of MB/s.
"""

from __future__ import annotations

import logging
import os
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

LOGGER = logging.getLogger(__name__)

# Clauses are short; caching their analysis pays off on news leads that repeat the body.
CLAUSE_CACHE_SIZE = 4096


def jieba_cache_dir() -> Path:
    """A writable directory for jieba's 9 MB dictionary cache (never the shared system temp)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(tempfile.gettempdir(), f"policy-extract-{os.getuid()}")
    path = Path(base) / "jieba"
    path.mkdir(parents=True, exist_ok=True)
    return path


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """spaCy blank zh + jieba's cuts + the ``policy_quantities`` component (built once per process).

    The tokenizer is :class:`.segmenter.SegmenterTokenizer`: the Doc spaCy's ``jieba``
    segmenter would build, from rjieba, so that jieba's own dictionary is never built (the
    ``char`` segmenter named here is only the placeholder it replaces: it loads nothing).
    """
    import spacy

    from . import components  # noqa: F401  (registers the components)
    from .segmenter import SegmenterTokenizer

    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "char"}}})
    nlp.tokenizer = SegmenterTokenizer(nlp.vocab)
    nlp.add_pipe("policy_quantities")
    LOGGER.debug("spaCy pipeline ready: %s", nlp.pipe_names)
    return nlp


@lru_cache(maxsize=CLAUSE_CACHE_SIZE)
def analyse(text: str) -> Doc:
    """The spaCy Doc of one clause (tokens by jieba, QUANTITY entities, ``doc._.quantities``)."""
    return get_nlp()(text)


@lru_cache(maxsize=CLAUSE_CACHE_SIZE)
def word_starts(text: str) -> frozenset[int]:
    """Character offsets where a jieba word starts (plus ``len(text)``).

    The starts of the tokens of :func:`analyse`'s Doc (tests/language/test_segmenter.py
    checks it), computed from the cuts without building the Doc: a spaCy Doc and the
    quantity component per clause cost more than the cut, and no caller reads them.
    Clauses repeat (news leads copy the body), hence the cache.
    """
    from .segmenter import token_starts

    return frozenset([*token_starts(text), len(text)])


def snap_to_word(text: str, pos: int) -> int:
    """The nearest word start at or after ``pos`` (a rule's cut moved onto a word boundary)."""
    starts = word_starts(text)
    return min((s for s in starts if s >= pos), default=len(text))
