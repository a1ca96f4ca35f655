"""Remove web boilerplate (disclaimers, 返回首页, share widgets, bare URLs, 打印本页 关闭窗口).

The patterns are data (``extract/data/boilerplate.tsv``).  Line patterns must match a
whole line, so a sentence that mentions 来源 or a URL inside prose stays.
"""

from __future__ import annotations

import functools
import logging
import re
from importlib import resources

from .mapped import MappedText

LOGGER = logging.getLogger(__name__)

LINE_WITH_BREAK = re.compile(r"[^\n]*(?:\n|$)")


@functools.lru_cache(maxsize=1)
def boilerplate_patterns() -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    """(name, scope, regex) rows of boilerplate.tsv, compiled once."""
    text = resources.files("extract").joinpath("data", "boilerplate.tsv").read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("name\t"):
            continue
        name, scope, regex = line.split("\t")
        if scope not in ("line", "inline") or not regex:
            raise ValueError(f"boilerplate.tsv: bad row {name!r}")
        rows.append((name, scope, re.compile(regex)))
    return tuple(rows)


def _is_boilerplate_line(line: str) -> str | None:
    stripped = line.strip()
    if not stripped or "\t" in line:
        return None
    for name, scope, pattern in boilerplate_patterns():
        if scope == "line" and pattern.fullmatch(stripped):
            return name
    return None


def remove_boilerplate(mt: MappedText) -> MappedText:
    def drop_line(m: re.Match[str]) -> str:
        name = _is_boilerplate_line(m.group(0).rstrip("\n"))
        if name is None:
            return m.group(0)
        LOGGER.debug("boilerplate %s: %r", name, m.group(0)[:60])
        return ""

    mt = mt.sub(LINE_WITH_BREAK, drop_line)
    for _name, scope, pattern in boilerplate_patterns():
        if scope == "inline":
            mt = mt.sub(pattern, "")
    return mt
