"""Options that travel beside the document, validated once.

``Settings.resolve(None | dict | Settings)`` accepts what callers have; a user's dict
overrides only the keys it sets.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from typing import Any

# OpenCC configurations we allow: t2s converts characters only; tw2sp / hk2s also convert
# regional phrases (資訊 -> 信息), which changes lengths (the offset map copes).
OPENCC_CONFIGS = ("t2s", "tw2s", "hk2s", "tw2sp")
SEGMENTERS = ("jieba", "char")

# Files larger than this are refused with a reason instead of exhausting memory.
DEFAULT_MAX_FILE_BYTES = 200 * 1024 * 1024
# A PDF page yielding fewer characters than this counts as having no text layer.
DEFAULT_MIN_PAGE_CHARS = 5
# Limits that keep one hostile or odd input from hanging or exhausting a batch (issue 14).
# Each refusal is a recorded one-line reason; extract/limits.py applies them.
# A document whose processing takes longer is recorded as "took longer than N s" and its
# worker process replaced; 0 turns the limit off (and lets workers=1 run in-process).
DEFAULT_MAX_SECONDS_PER_DOCUMENT = 300.0
# Bytes a container (DOCX zip) may inflate to: a 1 GiB zip bomb is refused before inflating.
DEFAULT_MAX_DECOMPRESSED_BYTES = 256 * 1024 * 1024
# HTML elements (opening tags) or DOCX paragraphs/cells in one document: real notices have
# a few thousand; millions are generated junk that would hold a worker for minutes.
DEFAULT_MAX_NODES = 300_000
# Open-element nesting of HTML (estimated from tags before parsing): real pages nest < 100
# deep; thousands of unclosed inline tags make the parser build quadratic trees (GBs).
DEFAULT_MAX_NESTING_DEPTH = 1_000
# Characters of text in one document: the longest real plans are ~500k; a 50 MB one-line
# text would hold a worker past any reasonable time limit.
DEFAULT_MAX_DOCUMENT_CHARS = 3_000_000
# Share of undecodable bytes a text may have and still be read (with U+FFFD and a warning).
DEFAULT_MAX_REPLACED_SHARE = 0.01


@dataclass(slots=True, kw_only=True, frozen=True)
class Settings:
    opencc_config: str = "t2s"
    segmenter: str = "jieba"
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    min_page_chars: int = DEFAULT_MIN_PAGE_CHARS
    max_seconds_per_document: float = DEFAULT_MAX_SECONDS_PER_DOCUMENT
    max_decompressed_bytes: int = DEFAULT_MAX_DECOMPRESSED_BYTES
    max_nodes: int = DEFAULT_MAX_NODES
    max_nesting_depth: int = DEFAULT_MAX_NESTING_DEPTH
    max_document_chars: int = DEFAULT_MAX_DOCUMENT_CHARS
    max_replaced_share: float = DEFAULT_MAX_REPLACED_SHARE
    extract_targets: bool = True
    extract_deadlines: bool = True
    extract_responsibilities: bool = True
    extract_scoring: bool = True
    debug: bool = False

    def __post_init__(self) -> None:
        if self.opencc_config not in OPENCC_CONFIGS:
            raise ValueError(f"opencc_config must be one of {OPENCC_CONFIGS}, not {self.opencc_config!r}")
        if self.segmenter not in SEGMENTERS:
            raise ValueError(f"segmenter must be one of {SEGMENTERS}, not {self.segmenter!r}")
        if self.max_file_bytes <= 0 or self.min_page_chars < 0:
            raise ValueError("max_file_bytes must be > 0 and min_page_chars >= 0")
        if self.max_seconds_per_document < 0:
            raise ValueError("max_seconds_per_document must be >= 0 (0 = no limit)")
        for name in ("max_decompressed_bytes", "max_nodes", "max_nesting_depth", "max_document_chars"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
                raise ValueError(f"{name} must be a positive integer, not {value!r}")
        if not 0 <= self.max_replaced_share < 1:
            raise ValueError("max_replaced_share must be in [0, 1)")

    @classmethod
    def resolve(cls, value: None | dict[str, Any] | Settings) -> Settings:
        if value is None:
            return cls()
        if isinstance(value, Settings):
            return value
        known = {f.name for f in fields(cls)}
        unknown = set(value) - known
        if unknown:
            raise ValueError(f"unknown settings: {', '.join(sorted(unknown))}")
        return replace(cls(), **value)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
