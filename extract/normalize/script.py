"""Detect simplified / traditional / mixed script and convert to simplified with OpenCC.

Detection is the share of Han characters that OpenCC ``t2s`` changes: simplified text
keeps almost all of them (a few variant characters aside), a traditional page changes a
third or more.  Conversion runs for traditional and mixed text only, so simplified
documents keep their exact characters.
"""

from __future__ import annotations

import functools
import logging
import operator
import re

from ..settings import Settings
from .chars import HAN
from .mapped import MappedText

LOGGER = logging.getLogger(__name__)

# Below this share of changed Han characters the text is simplified: variant characters
# (著, 乾, 瞭 ...) make a few percent at most in simplified prose.
SIMPLIFIED_MAX_SHARE = 0.02
# From this share up the text is traditional: traditional prose changes ~30% (seed 002: 34%).
TRADITIONAL_MIN_SHARE = 0.15
# Han characters looked at for detection: plenty to judge a script, bounded cost on huge files.
DETECT_SAMPLE = 200_000

# Characters compared at once by :func:`count_changed` (small: a variant character here
# and there only costs its own chunk).
COMPARE_CHUNK = 256

HAN_RUN = re.compile(f"[{HAN}]+")
# Conversion chunk when a phrase conversion changes lengths: one line (keeps changes local).
LINE = re.compile(r"[^\n]+")


@functools.lru_cache(maxsize=8)
def converter(config: str):  # noqa: ANN201 - opencc has no type stubs
    """OpenCC converter, built once per config (opencc 1.4.2 accepts the bare name)."""
    import opencc

    return opencc.OpenCC(config)


def detect_script(text: str, config: str = "t2s") -> str:
    """``simplified`` | ``traditional`` | ``mixed`` from the share of characters t2s changes."""
    han = "".join(HAN_RUN.findall(text))[:DETECT_SAMPLE]
    if not han:
        return "simplified"
    converted = converter(config).convert(han)
    if len(converted) != len(han):  # phrase configs: compare characters only
        converted = converter("t2s").convert(han)
    changed = count_changed(han, converted)
    share = changed / len(han)
    LOGGER.debug("script: %d of %d Han characters change under t2s (%.3f)", changed, len(han), share)
    if share < SIMPLIFIED_MAX_SHARE:
        return "simplified"
    if share >= TRADITIONAL_MIN_SHARE:
        return "traditional"
    return "mixed"


def count_changed(a: str, b: str) -> int:
    """Positions where two equal-length strings differ.

    Compared chunk by chunk: equal chunks (nearly all of a simplified text) cost one
    ``memcmp``; only the chunks that differ are counted character by character.
    """
    if a == b:
        return 0
    changed = 0
    for at in range(0, len(a), COMPARE_CHUNK):
        x, y = a[at:at + COMPARE_CHUNK], b[at:at + COMPARE_CHUNK]
        if x != y:
            changed += sum(map(operator.ne, x, y))
    return changed


def to_simplified(mt: MappedText, script: str, settings: Settings) -> MappedText:
    """Convert traditional / mixed text to simplified, keeping the offset map."""
    if script == "simplified":
        return mt
    return mt.map_chunks(converter(settings.opencc_config).convert, LINE)
