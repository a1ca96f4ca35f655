"""What one sentence carries over to its clauses while targets are read."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..language.clauses import Sentence
from ..language.dates import DateMatch, find_dates
from ..model import Target
from .frame import Frames


@dataclass(slots=True)
class Context:
    """What one sentence carries over to its clauses."""

    text: str  # doc.text
    masked: str  # dates, 文号, phones masked (for quantities)
    dated: str  # 文号, phones masked (for dates)
    issue_year: int | None
    sentence: Sentence
    frames: Frames | None = None
    drops: list[tuple[tuple[int, int], str]] | None = None  # (span, reason) when asked
    scope: str | None = None
    prev: Target | None = None  # previous target in the clause (for list continuation)
    last: Target | None = None  # previous target in the sentence (for staged targets)
    last_clause: int = -1  # index of the clause that made ``last``
    found_dates: list[DateMatch] | None = None  # read on first use: most sentences need none
    # what the rules read once per sentence or sub-sentence, not once per number (keys in
    # the functions that fill it: a sentence with thousands of numbers stays linear)
    memo: dict[Any, Any] = field(default_factory=dict)

    @property
    def dates(self) -> list[DateMatch]:
        """The sentence's dates, read only when a candidate number asks for its time context."""
        if self.found_dates is None:
            s = self.sentence
            self.found_dates = find_dates(self.dated[s.start:s.end])
        return self.found_dates
