"""spaCy + jieba's cuts (rjieba) for policy text (imported lazily: nothing heavy happens on import)."""

from .pipeline import analyse, get_nlp, snap_to_word, word_starts

__all__ = ["analyse", "get_nlp", "snap_to_word", "word_starts"]
