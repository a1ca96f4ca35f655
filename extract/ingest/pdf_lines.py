"""pdfplumber's ``extract_text()`` rule on plain character boxes (the fast path's line builder).

:mod:`.pdf_fast` reads characters through pdfium; this module turns them into the lines
pdfplumber would give, with pdfplumber's own clustering and word-cut rule, and refuses
(:class:`AmbiguousLayout`) where pdfium's geometry cannot decide a cut exactly.
"""

from __future__ import annotations

from collections.abc import Callable

# pdfplumber's extract_text defaults (x_tolerance, y_tolerance): the same rule must use the same numbers.
X_TOLERANCE = 3.0
Y_TOLERANCE = 3.0
# Two positions closer than this are the same (after rounding to PRECISION decimals in pdf_fast).
TIE = 1e-6
# pdfplumber expands these ligatures when it joins a word's characters.
LIGATURES = {"ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "ﬁ": "fi", "ﬂ": "fl", "ﬆ": "st", "ﬅ": "st"}
# A font whose declared descent (em) is deeper than MAX_DESCENT has broken metrics: lines are
# clustered by box top, so its glyphs fall onto the next line. The digit font E-BZ of b164 and
# b462 declares 1.03 em and put every number on the line below ("力争达到工业园区的以上。" /
# "50%"). Of the 1,295 fonts of the 175 corpus PDFs only one other is deeper than 0.46 em
# (DejaVuSans): Cambria Math, 2.46 em, a formula font (b036, r07); most are 0.1-0.3 em. Such a
# font is placed as body text is: TYPICAL_DESCENT, the corpus median.
MAX_DESCENT = 0.6
TYPICAL_DESCENT = 0.2

# text, x0, x1, top, bottom (pdfminer's box, y downwards), the least x1 can be, and optionally more
# fields of the reader's own (pdf_fast adds pdfium's char index)
Char = tuple


class AmbiguousLayout(Exception):
    """A word cut depends on where a character ends, and that is not known exactly."""


def plausible_descent(descent: float) -> float:
    """A font's descent per unit of size (negative), or the typical one where it is implausible."""
    return -TYPICAL_DESCENT if descent < -MAX_DESCENT else descent


def _cluster_ids(values: list[float], tolerance: float) -> dict[float, int]:
    """pdfplumber's ``make_cluster_dict``: sorted distinct values, chained while within ``tolerance``."""
    ids: dict[float, int] = {}
    cid = -1
    last = float("-inf")
    for v in sorted(set(values)):
        if v > last + tolerance:
            cid += 1
        ids[v] = cid
        last = v
    return ids


def _is_cjk(ch: str) -> bool:
    """Chinese characters and punctuation (CJK blocks, full-width forms)."""
    return "\u2e80" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or "\ufe30" <= ch <= "\uffef"


def chars_to_lines(chars: list[Char], ends_exactly: Callable[[Char], bool] | None = None) -> list[str]:
    """pdfplumber's ``extract_text()`` (no layout, default tolerances) of upright chars, as lines.

    Chars are clustered into lines by top, sorted by x0 within a line, cut into words at
    whitespace and at gaps over X_TOLERANCE (or a top more than Y_TOLERANCE away); the words are
    clustered by top again (in order), joined by one space.

    A char's x1 may be known only within [its field 5, x1]: where that range decides a cut,
    ``ends_exactly(char)`` is asked whether x1 is exact after all (pdf_fast reads that lazily:
    the question is rare); without it, or when it says no, the layout is ambiguous.

    A gap of exactly X_TOLERANCE is cut or not by pdfminer's float64 rounding noise, which
    pdfium's positions cannot reproduce: such a gap is left uncut where a Chinese character is
    on either side (normalize deletes a space there anyway), and is ambiguous elsewhere.
    """
    ids = _cluster_ids([c[3] for c in chars], Y_TOLERANCE)
    # one stable sort by (line cluster, x0) is pdfplumber's stable sort by cluster, then by x0 within it
    ordered = sorted(chars, key=lambda c: (ids[c[3]], c[1]))
    words: list[list[Char]] = []
    word: list[Char] = []
    cluster = None
    for c in ordered:
        cid = ids[c[3]]
        if cid != cluster:
            if word:
                words.append(word)
            word = []
            cluster = cid
        if c[0].isspace():
            if word:
                words.append(word)
            word = []
            continue
        if word:
            p = word[-1]
            x0 = c[1]
            gap = x0 > p[2] + X_TOLERANCE
            if gap != (x0 > p[5] + X_TOLERANCE) and (ends_exactly is None or not ends_exactly(p)):
                raise AmbiguousLayout(f"where {p[0]!r} ends decides a word cut before {c[0]!r}")
            if abs(x0 - p[2] - X_TOLERANCE) < TIE and not (_is_cjk(p[0]) or _is_cjk(c[0])):
                raise AmbiguousLayout(f"a gap of exactly X_TOLERANCE between {p[0]!r} and {c[0]!r}")
            if x0 < p[1] or gap or abs(c[3] - p[3]) > Y_TOLERANCE:
                words.append(word)
                word = []
        word.append(c)
    if word:
        words.append(word)
    tops = [min(c[3] for c in w) for w in words]
    line_ids = _cluster_ids(tops, Y_TOLERANCE)
    lines: list[str] = []
    parts: list[str] = []
    line = None
    for w, top in zip(words, tops, strict=True):
        lid = line_ids[top]
        if lid != line and parts:
            lines.append(" ".join(parts))
            parts = []
        line = lid
        parts.append("".join([LIGATURES.get(c[0], c[0]) for c in w]))
    if parts:
        lines.append(" ".join(parts))
    return lines
