"""Normalize: ``raw_text`` -> ``text`` + ``offsets`` + ``script``.

Steps, in this order (each one a module; every one keeps the offset map through
:class:`~extract.normalize.mapped.MappedText`):

1. ``pinyin``      drop pinyin notes 節(jié)能 -> 節能 (before OpenCC, which must not see them)
2. ``script``      traditional / mixed -> simplified with OpenCC (detected on the raw text)
3. ``width``       full-width digits, letters, ％ -> half-width (２０２５ -> 2025)
4. ``whitespace``  spaces inside Chinese text go ("2021 年底" -> "2021年底"); tabs/newlines stay
   ``year_zeros`` a Chinese-numeral year's look-alike zero -> 〇 ("二O三五年"; after 4, which
                   closes the spaces a PDF sets inside it)
5. ``boilerplate`` web disclaimers, 返回首页, share widgets, bare URLs (patterns are written
                   in simplified, space-free text, so this runs after 2 and 4)
6. ``lines``       rejoin sentences broken by layout and drop PDF page numbers (last: it
                   needs clean line ends, and boilerplate lines gone from between halves)
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable

from ..model import Document
from ..settings import Settings
from .boilerplate import remove_boilerplate
from .lines import join_broken_lines
from .mapped import MappedText
from .pinyin import remove_pinyin
from .script import detect_script, to_simplified
from .symbol_bullets import drop_symbol_bullets
from .whitespace import clean_whitespace
from .width import fold_width, fold_year_zeros

LOGGER = logging.getLogger(__name__)

__all__ = ["MappedText", "detect_script", "normalize", "normalize_text"]

# normalize_text caches strings up to this length (names, headings: not whole documents).
CACHED_TEXT_CHARS = 200
NORMALIZE_TEXT_CACHE_SIZE = 4096

Step = Callable[[MappedText, Document, Settings], MappedText]


def _is_paged(doc: Document) -> bool:
    return doc.format == "pdf" or len(doc.raw_page_starts) > 1


STEPS: list[tuple[str, Step]] = [
    ("pinyin", lambda mt, doc, s: remove_pinyin(mt)),
    ("script", lambda mt, doc, s: to_simplified(mt, doc.script or "simplified", s)),
    ("width", lambda mt, doc, s: fold_width(mt)),
    ("symbol_bullets", lambda mt, doc, s: drop_symbol_bullets(mt)),
    ("whitespace", lambda mt, doc, s: clean_whitespace(mt)),
    ("year_zeros", lambda mt, doc, s: fold_year_zeros(mt)),
    ("boilerplate", lambda mt, doc, s: remove_boilerplate(mt)),
    ("lines", lambda mt, doc, s: join_broken_lines(mt, doc.raw_page_starts, paged=_is_paged(doc))),
]


def normalize(doc: Document, settings: Settings) -> Document:
    """Fill ``doc.text``, ``doc.offsets`` and ``doc.script`` from ``doc.raw_text``."""
    doc.script = detect_script(doc.raw_text, settings.opencc_config)
    mt = MappedText.identity(doc.raw_text)
    for name, step in STEPS:
        mt = step(mt, doc, settings)
        LOGGER.debug("normalize %s: %d -> %d characters", name, len(doc.raw_text), len(mt.text))
    doc.text, doc.offsets = mt.text, mt.offsets
    return doc


def normalize_text(raw: str, settings: Settings | None = None, *, fmt: str = "txt") -> str:
    """Normalized text of a bare string (for tests and extractor callers without a Document).

    Extractors call it on short pieces (an issuer name per masthead part, ~3 per
    document, the same names in document after document): short strings are cached.
    """
    settings = Settings.resolve(settings)
    if len(raw) <= CACHED_TEXT_CHARS:
        return _normalize_short(raw, settings, fmt)
    return _normalize_bare(raw, settings, fmt)


@functools.lru_cache(maxsize=NORMALIZE_TEXT_CACHE_SIZE)
def _normalize_short(raw: str, settings: Settings, fmt: str) -> str:
    return _normalize_bare(raw, settings, fmt)


def _normalize_bare(raw: str, settings: Settings, fmt: str) -> str:
    doc = Document(id="", source="", format=fmt, raw_text=raw)
    return normalize(doc, settings).text
