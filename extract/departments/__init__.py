"""Responsible departments: recognition, canonical names and aliases, responsibilities.

* :mod:`.vocab` compiles the name and role-cue patterns from the data tables;
* :mod:`.recognizer` decides which strings are bodies (spaCy EntityRuler over a gazetteer);
* :mod:`.names` splits, qualifies and canonicalises names (prefix inheritance, aliases);
* :mod:`.responsibilities` reads who leads, supports and implements what.
"""

from .names import (
    assign_canonical,
    canonical,
    canonical_name,
    distribute_fields,
    document_regions,
    has_own_qualifier,
    home_regions,
    is_body,
    resolve_self_reference,
)
from .responsibilities import Assignment, assignment_plan, extract_responsibilities

__all__ = [
    "Assignment",
    "assign_canonical",
    "assignment_plan",
    "canonical",
    "canonical_name",
    "distribute_fields",
    "document_regions",
    "extract_responsibilities",
    "has_own_qualifier",
    "is_body",
    "home_regions",
    "resolve_self_reference",
]
