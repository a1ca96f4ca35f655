"""The compiled cues of the directive-sentence reader (:mod:`.responsibilities`), built once.

Each reads its words from the data tables (``role_triggers.yaml``, ``departments.yaml``,
``department_ner.yaml``); kept apart so the reader itself stays a page of logic.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..language.data import load_yaml
from .recognizer import vocab
from .vocab import patterns

# Characters that close a class of places ("各省（自治区、直辖市）要…") and may end a subject.
CLASS_CLOSERS = "）)"
# Words that introduce the supporters of a lead body: "市发展改革委会同市财政局制定…".
PARTNER_WORD = "会同"


@lru_cache(maxsize=1)
def conditional_actor() -> re.Pattern[str]:
    """A body defined by a numeric condition: "300张床位（含）以上的养老机构" (departments.yaml)."""
    bounds = "|".join(map(re.escape, load_yaml("departments.yaml")["conditional_bounds"]))
    return re.compile(rf"[^，,。；;、：:]{{0,24}}?\d[^，,。；;、：:的]{{0,20}}?(?:{bounds})的(?P<body>[^，,。；;、：:的]{{2,16}})")


@lru_cache(maxsize=1)
def not_a_duty() -> re.Pattern[str]:
    """A duty that is a prohibition or an eligibility condition (role_triggers.yaml)."""
    roles = load_yaml("role_triggers.yaml")
    words = roles["prohibitions"] + roles["eligibility_verbs"]
    return re.compile(rf"\s*(?:{'|'.join(re.escape(w) for w in words)})")


@lru_cache(maxsize=1)
def not_duty_clause() -> re.Pattern[str]:
    """A duty that states a hand-over or the notice's own issuing act (role_triggers.yaml)."""
    return re.compile("|".join(f"(?:{f})" for f in load_yaml("role_triggers.yaml")["not_duty_clauses"]))


@lru_cache(maxsize=1)
def sole_lead() -> re.Pattern[str]:
    """组织 / 统筹 opening the duty of a single body: it leads (FORMAT v2)."""
    return re.compile(rf"\s*(?:{'|'.join(load_yaml('role_triggers.yaml')['sole_lead_verbs'])})")


@lru_cache(maxsize=1)
def partner_opening() -> re.Pattern[str]:
    """会同 at the start of the duty or of one of its clauses ("牵头，并会同…"), modals allowed."""
    return re.compile(rf"(?:^|(?<=[，,：:]))\s*(?:并|要|将|应|须|负责)?{PARTNER_WORD}")


@lru_cache(maxsize=1)
def closer_words() -> re.Pattern[str]:
    """Any parenthetical closer word (牵头 / 配合 / 负责落实…): a bracket without one assigns nothing."""
    return re.compile("|".join(re.escape(w) for w, _ in load_yaml("role_triggers.yaml")["parenthetical_closers"]))


@lru_cache(maxsize=1)
def name_end_re() -> re.Pattern[str]:
    """Any last character of a name ending (see :func:`name_end_chars`)."""
    return re.compile("[" + "".join(re.escape(c) for c in sorted(name_end_chars())) + "]")


@lru_cache(maxsize=1)
def any_cue() -> re.Pattern[str]:
    """Every sentence cue in one alternation: a cheap "could a role follow here" test."""
    return re.compile("|".join(f"(?:{cue.pattern})" for cue, _ in patterns().cues))


@lru_cache(maxsize=1)
def cue_after_name_end() -> re.Pattern[str]:
    """The empty string between a name-ending character and a role cue (for finditer)."""
    return re.compile(f"(?<={name_end_re().pattern})(?=[，,]{comma_modal().pattern}|{any_cue().pattern})")


@lru_cache(maxsize=1)
def comma_modal() -> re.Pattern[str]:
    """A modal that may follow its subject after a comma (role_triggers.yaml ``comma_modals``)."""
    return re.compile(f"(?:{'|'.join(load_yaml('role_triggers.yaml')['comma_modals'])})")


@lru_cache(maxsize=1)
def clause_opener_re() -> re.Pattern[str]:
    """但是 / 同时 / 此外…: the clause openers in one alternation, longest first."""
    return re.compile("|".join(re.escape(w) for w in clause_openers()))


@lru_cache(maxsize=1)
def clause_openers() -> tuple[str, ...]:
    """但 / 同时 / 此外…: words that open a clause before its subject, longest first."""
    return tuple(sorted(vocab()["clause_openers"], key=len, reverse=True))


@lru_cache(maxsize=1)
def name_end_chars() -> frozenset[str]:
    """Last characters of every suffix, collective and distributive head (a cheap pre-check)."""
    gaz = load_yaml("departments.yaml")
    words = gaz["suffixes"] + gaz["collectives"] + gaz["distributive_heads"] + vocab()["known_names"]
    return frozenset(w[-1] for w in words) | frozenset(CLASS_CLOSERS)
