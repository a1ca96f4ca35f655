"""Words the segmenter must keep whole: the department gazetteer, read from data.

Both the segmenter (``language.nlp``, through ``data/jieba_user_words.tsv``) and the
department recognizer (``departments.recognizer``) know these words; keeping the list here, below both, means the
segmenter never imports an extractor and segmentation does not depend on which stage ran
first in the process.
"""

from __future__ import annotations

from functools import lru_cache

from .data import load_aliases, load_yaml


@lru_cache(maxsize=1)
def recognizer_vocab() -> dict[str, list[str]]:
    """The department recognizer's data table (department_ner.yaml)."""
    return load_yaml("department_ner.yaml")


@lru_cache(maxsize=1)
def gazetteer_words() -> tuple[str, ...]:
    """Known names, government cores and both sides of the alias table."""
    v = recognizer_vocab()
    aliases = load_aliases()
    words = set(v["known_names"]) | set(v["government_cores"]) | set(aliases) | set(aliases.values())
    return tuple(sorted(w for w in words if len(w) >= 2))
