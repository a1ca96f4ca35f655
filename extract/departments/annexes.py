"""Annexes that are technical texts, whose sentences assign no duty.

A notice may attach a guideline or a standard (指南 / 导则 / 标准 / 规范...); its "企业应…"
sentences describe practice, they are not duties the notice assigns.
"""

from __future__ import annotations

import itertools
import re

from ..model import Span
from .recognizer import vocab
from .vocab import ANNEX_LINE

# Lines after a technical annex title this far are read for its title (附件3 / title line) ...
ANNEX_TITLE_LINES = 3
# ... up to the first line holding sentence punctuation, where its body text starts.
ANNEX_BODY_LINE = re.compile(r"[，,。；;]")


def technical_annexes(text: str) -> list[Span]:
    """Text ranges of annexes that are technical texts (指南 / 导则 / 标准 / 规范...).

    An annex starts at a line beginning with 附件 (the notice's list of annexes, or an annex's
    own heading) and runs to the next such line; it is technical when its title (the rest of
    that line and the next :data:`ANNEX_TITLE_LINES` lines) names a technical text.  Their
    "企业应…" sentences describe practice, they are not duties the notice assigns; duties of
    government bodies there ("省级绿色制造管理部门应组织专家…复核") are kept.
    """
    words = vocab()["technical_annex_titles"]
    starts = [m.start() for m in ANNEX_LINE.finditer(text)]
    spans: list[Span] = []
    for i, start in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(text)
        label, *lines = text[start:end].split("\n", ANNEX_TITLE_LINES + 1)[:ANNEX_TITLE_LINES + 1]
        # the title stops at the annex's first sentence: "为…，规范有序开展…" is body text
        title = "\n".join([label, *itertools.takewhile(lambda line: not ANNEX_BODY_LINE.search(line), lines)])
        if any(w in title for w in words):
            spans.append((start, end))
    return spans
