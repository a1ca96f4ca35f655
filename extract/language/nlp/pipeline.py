"""The spaCy backbone: a blank ``zh`` pipeline segmented by jieba with a policy user dictionary.

It runs only on clauses that can hold a target (those with a quantity), because jieba over
every character runs at ~0.8 MB/s while the regex pre-filter runs at tens of MB/s.
"""

from __future__ import annotations

import logging
import os
import tempfile
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import ModuleType
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
def _prepare_jieba() -> None:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.dt.tmp_dir = str(jieba_cache_dir())
    for name in ("policy_terms.txt", "indicators.txt"):
        for line in resources.files("extract.data").joinpath(name).read_text(encoding="utf-8").splitlines():
            parts = line.split()
            if parts and not line.startswith("#"):
                freq = int(parts[1]) if len(parts) > 1 else None
                jieba.add_word(parts[0], freq=freq, tag=parts[2] if len(parts) > 2 else None)
    _add_department_names(jieba)


def _add_department_names(jieba: ModuleType) -> None:
    """The department gazetteer as ``nt`` words, so that "省发展改革委" is one token here too.

    Loaded in this lazy init (not only when the department recognizer is built), so that
    segmentation does not depend on which stage happened to run first in the process.
    """
    from ..lexicon import gazetteer_words

    for word in gazetteer_words():
        jieba.add_word(word, tag="nt")


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """spaCy blank zh + jieba + the ``policy_quantities`` component (built once per process)."""
    import spacy

    from . import components  # noqa: F401  (registers the components)

    _prepare_jieba()
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
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

    Goes through the spaCy pipeline (jieba segmenter + policy dictionary + the quantity
    component) so that the boundaries are those of the Doc the rest of the NLP layer sees;
    clauses repeat (news leads copy the body), hence the cache.
    """
    doc = analyse(text)
    return frozenset([t.idx for t in doc] + [len(text)])


def snap_to_word(text: str, pos: int) -> int:
    """The nearest word start at or after ``pos`` (a rule's cut moved onto a word boundary)."""
    starts = word_starts(text)
    return min((s for s in starts if s >= pos), default=len(text))
