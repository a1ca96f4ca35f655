"""spaCy EntityRuler over candidate subject spans: which strings are government bodies.

The cheap regex scan of :mod:`extract.departments.responsibilities` proposes candidates (a clause's
leading noun phrase, the items of an assignment parenthetical); this recognizer decides.  It
is a blank ``zh`` pipeline with the character segmenter (offline, ~3 MB/s, and a body name
is a character pattern, not a word pattern) and one EntityRuler built lazily from data:

* ``KNOWN``  phrase-like patterns for the gazetteer (``department_ner.yaml`` known names and
  government cores, ``department_aliases.tsv``), after any region prefix: 省证监会, 人民银行;
* ``BODY``   token patterns for unseen names: a first character that can start a name, up to
  :data:`MAX_BODY_CHARS` name characters, then a body suffix of ``departments.yaml``
  (市公安交管局, 宁东管委会生态环境局);
* ``COLLECTIVE`` the suffix-less collectives (各县市区, 各盟市).

A string is a body when ONE entity covers all of it and no post-check rejects it (a bare
generic head, a verb start, a modal inside).  The segmenter (``language.nlp.segmenter``)
knows the same gazetteer words, so the target extractor's segmentation never cuts a
department name in two.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ..language.data import load_aliases, load_yaml
from ..language.lexicon import gazetteer_words, recognizer_vocab
from .vocab import patterns

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

LOGGER = logging.getLogger(__name__)

LABEL_KNOWN = "KNOWN"
LABEL_BODY = "BODY"
LABEL_COLLECTIVE = "COLLECTIVE"
# One Han character (or a bracket inside names like 内蒙古集通铁路〔集团〕有限责任公司).
HAN = r"^[\u4e00-\u9fff]$"
NAME_CHAR = r"^[\u4e00-\u9fff〔〕（）()]$"
# Longest run before a suffix; real names ("中国铁路呼和浩特局集团有限公司") stay below.
MAX_BODY_CHARS = 22
# Longest region / organisation prefix before a known core ("宁夏回族自治区" is 7).
MAX_PREFIX_CHARS = 12
# Subject spans are short and repeat across clauses: cache their analysis.
CACHE_SIZE = 65536


@dataclass(frozen=True, slots=True)
class BodyMention:
    """One recognised body inside a candidate span."""

    text: str
    start: int
    end: int
    label: str


def vocab() -> dict[str, list[str]]:
    """The recognizer's data table (department_ner.yaml)."""
    return recognizer_vocab()


def _chars(word: str) -> list[dict[str, object]]:
    return [{"TEXT": ch} for ch in word]


@lru_cache(maxsize=1)
def _endings() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(body suffixes, gazetteer words), longest first."""
    suffixes = tuple(sorted(load_yaml("departments.yaml")["suffixes"], key=len, reverse=True))
    return suffixes, tuple(sorted(gazetteer_words(), key=len, reverse=True))


@lru_cache(maxsize=1)
def get_recognizer() -> Language:
    """Blank zh (char segmenter) + EntityRuler from the data tables, built once per process.

    Phrase patterns hold the gazetteer; ONE token pattern covers unseen names (a first
    character that can start a name, name characters, a character that ends a suffix or a
    gazetteer word).  Variable-length ``{0,n}`` quantifiers over many patterns make spaCy's
    matcher explode (79 s for a 10-character span, measured), so the pattern uses ``*`` and
    :func:`recognize` checks the real ending and the length afterwards.
    """
    import spacy

    v = vocab()
    suffixes, words = _endings()
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "char"}}})
    ruler = nlp.add_pipe("entity_ruler", config={"validate": False})
    last_chars = sorted({w[-1] for w in (*suffixes, *words)})
    patterns: list[dict[str, object]] = [
        {"label": LABEL_KNOWN, "pattern": w} for w in words
    ] + [
        {"label": LABEL_COLLECTIVE, "pattern": w} for w in load_yaml("departments.yaml")["collectives"]
    ] + [
        # 市公安交管局 / 集团各二级单位 / 天津银保监局: first character, name characters, last character
        {"label": LABEL_BODY, "pattern": [
            {"TEXT": {"REGEX": HAN, "NOT_IN": list(v["stop_first"])}},
            {"TEXT": {"REGEX": NAME_CHAR}, "OP": "*"},
            {"TEXT": {"IN": last_chars}},
        ]},
    ] + [
        # 其他行业企业: a determiner whose first character is a stop character
        {"label": LABEL_BODY, "pattern": [
            *_chars(start), {"TEXT": {"REGEX": NAME_CHAR}, "OP": "*"}, {"TEXT": {"IN": last_chars}},
        ]}
        for start in v["determiner_starts"]
    ]
    ruler.add_patterns(patterns)
    LOGGER.debug("department recognizer ready: %d patterns", len(patterns))
    return nlp


@lru_cache(maxsize=CACHE_SIZE)
def recognize(span: str) -> tuple[BodyMention, ...]:
    """The bodies the EntityRuler finds in one candidate span (longest, non-overlapping)."""
    if not span:
        return ()
    doc = get_recognizer()(span)
    suffixes, words = _endings()
    out: list[BodyMention] = []
    for e in doc.ents:
        label = e.label_
        if label == LABEL_BODY:
            # the token pattern only saw the last character: check the real ending and length
            if e.text.endswith(words) and len(e.text) <= MAX_PREFIX_CHARS + len(max(words, key=len)):
                label = LABEL_KNOWN
            elif not e.text.endswith(suffixes) or len(e.text) > MAX_BODY_CHARS + 3:
                continue
        out.append(BodyMention(e.text, e.start_char, e.end_char, label))
    return tuple(out)


@lru_cache(maxsize=1)
def _post_checks() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str]]:
    v = vocab()
    breakers = re.compile("|".join(v["name_breakers"]))
    verb_start = re.compile("^(?:各)?(?:" + "|".join(map(re.escape, v["verb_starts"])) + ")")
    return breakers, verb_start, frozenset(v["generic_alone"])


def is_generic(name: str) -> bool:
    """企业 / 相关单位 alone: a head noun that names nobody in particular."""
    return name in _post_checks()[2]


def is_recognized_body(name: str) -> bool:
    """True when one recognised body covers all of ``name`` and no post-check rejects it."""
    breakers, verb_start, generic = _post_checks()
    note = patterns().alternative_note.search(name)  # departments.yaml ``alternative_note_chars``
    if note and note.start() > 0:  # 两省市有关部门（单位）: the bracketed alternative belongs to the body
        return is_recognized_body(name[:note.start()])
    if not name or name in generic or breakers.search(name):
        return False
    if (verb_start.match(name) and name.removeprefix("各") not in vocab()["verb_start_names"]
            and not _relative_clause_head(name)):
        return False  # 积极宣传中央企业 (but 宣传教育处 is a division)
    if name.count("（") != name.count("）") or name.count("(") != name.count(")"):
        return False  # 贵企业（单位: a name cut inside its bracket
    mentions = recognize(name)
    return len(mentions) == 1 and mentions[0].start == 0 and mentions[0].end == len(name)


def _relative_clause_head(name: str) -> bool:
    """Does a verb open a relative clause whose 的 ends on a body's head?  "纳入配额管理的单位",
    "组织核查的生态环境主管部门", "提交碳排放报告的单位" name a population of bodies (FORMAT v2:
    a population defined by a condition acts), not a verb acting on a body ("纳入企业")."""
    cut = name.rfind("的")
    if cut < 2 or any(verb in name[:cut] for verb in load_yaml("departments.yaml")["not_body_openers"]):
        return False  # 优先支持符合条件的…企业: the body is acted on
    head = name[cut + 1:]
    return is_generic(head) or is_recognized_body(head)


def is_known(name: str) -> bool:
    """A gazetteer name without a standard suffix (人民银行, 银保监会, 天津银保监局...)."""
    mentions = recognize(name)
    return (len(mentions) == 1 and mentions[0].label == LABEL_KNOWN
            and mentions[0].start == 0 and mentions[0].end == len(name))


def is_government_core(core: str) -> bool:
    """A department core that may inherit the region of the list item before it."""
    v = vocab()
    if any(w in core for w in v["enterprise_words"]):
        return False
    return core in set(v["government_cores"]) or core in load_aliases()


@lru_cache(maxsize=1)
def known_names_without_suffix() -> tuple[str, ...]:
    """Gazetteer names the suffix regex cannot see (for the cheap scan's alternation)."""
    suffixes = tuple(load_yaml("departments.yaml")["suffixes"])
    return tuple(w for w in vocab()["known_names"] if not w.endswith(suffixes))
