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


@dataclass(slots=True, kw_only=True, frozen=True)
class Settings:
    opencc_config: str = "t2s"
    segmenter: str = "jieba"
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    min_page_chars: int = DEFAULT_MIN_PAGE_CHARS
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
