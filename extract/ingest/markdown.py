"""Markdown posts (Jekyll/Hugo) with YAML front matter -> front_matter + body text.

News-site mirrors of policy notices are Jekyll posts whose body is HTML (``<p>...</p>``)
followed by Markdown link lines; the front matter carries the post's title and date.
A body with HTML tags is read as HTML; otherwise Markdown syntax is stripped minimally
(headings, emphasis, links keep their text) so that the words stay where they were.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import Any

from .html import has_html_tags, read_html
from .layout import RawTextBuilder
from .salvage import string_fields

LOGGER = logging.getLogger(__name__)

_FRONT_MATTER = re.compile(r"\A\ufeff?(?:[ \t]*\n)*---[ \t]*\n(?P<yaml>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_AUTOLINK = re.compile(r"<((?:https?|ftp)://[^>\s]+)>")  # <http://example.com/x.html>
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")  # ![图1](a.png) -> 图1
_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)")  # [返回首页](//site/) -> 返回首页
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")  # ## 一、总体要求
_EMPHASIS = re.compile(r"(\*\*|__|\*|~~)(\S(?:.*?\S)?)\1")  # **重点任务** -> 重点任务
_LIST_MARK = re.compile(r"^\s*(?:[-*+]|>+)\s+")  # "- 项目" / "> 引文"
_BLANK_LINE = re.compile(r"\n[ \t]*\n")  # Markdown paragraph break between HTML/text chunks
# Front matter is a few lines of metadata; PyYAML's composer recurses per nesting level and
# takes seconds on thousands of levels before failing, so such blocks are not parsed at all.
MAX_FRONT_MATTER_DEPTH = 50
MAX_FRONT_MATTER_CHARS = 100_000
_RULE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")


@dataclass(slots=True)
class MarkdownResult:
    raw_text: str
    tables: list = field(default_factory=list)
    front_matter: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def split_front_matter(text: str) -> tuple[dict[str, Any], str, list[str]]:
    """``(front matter dict, body, warnings)``; a broken YAML block becomes a warning."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, text, []
    import yaml

    too_deep = _flow_depth(m.group("yaml")) > MAX_FRONT_MATTER_DEPTH
    if too_deep or len(m.group("yaml")) > MAX_FRONT_MATTER_CHARS:
        what = f"nested deeper than {MAX_FRONT_MATTER_DEPTH}" if too_deep else f"longer than {MAX_FRONT_MATTER_CHARS} characters"
        return {}, text[m.end():], [f"front matter {what}; ignored"]
    try:
        loaded = yaml.safe_load(m.group("yaml"))
    except yaml.YAMLError as e:
        reason = (str(e).splitlines() or [type(e).__name__])[0]
        return {}, text[m.end():], [f"front matter is not valid YAML ({reason}); ignored"]
    except (ValueError, TypeError, OverflowError, RecursionError) as e:
        # safe_load's constructors raise these for an invalid date (2021-13-45), an integer
        # past Python's digit limit, or nesting past the stack: still just bad front matter
        reason = (str(e).splitlines() or [""])[0][:200] or type(e).__name__
        return {}, text[m.end():], [f"front matter is not valid YAML ({type(e).__name__}: {reason}); ignored"]
    if not isinstance(loaded, dict):
        return {}, text[m.end():], ["front matter is not a mapping; ignored"]
    return string_fields(loaded), text[m.end():], []


def _flow_depth(yaml_text: str) -> int:
    """Deepest [ / { nesting of YAML flow collections (quotes ignored: an over-estimate)."""
    depth = deepest = 0
    for ch in yaml_text:
        if ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth = max(0, depth - 1)
    return deepest


def read_markdown(text: str) -> MarkdownResult:
    """Front matter, then the body as HTML (if it has tags) or as stripped Markdown."""
    front, body, warnings = split_front_matter(text)
    body = _LINK.sub(r"\1", _IMAGE.sub(r"\1", _AUTOLINK.sub(r"\1", body)))
    if has_html_tags(body):
        # Markdown lines between HTML blocks are paragraphs: keep their breaks visible to HTML.
        html = read_html(_BLANK_LINE.sub("\n<br>\n", body))
        merged = {**html.front_matter, **front}
        return MarkdownResult(raw_text=html.raw_text, tables=html.tables, front_matter=merged,
                              warnings=warnings)
    return MarkdownResult(raw_text=strip_markdown(body), front_matter=front, warnings=warnings)


def strip_markdown(body: str) -> str:
    """Plain text of a Markdown body: one output line per source line, syntax removed."""
    builder = RawTextBuilder()
    body = _LINK.sub(r"\1", _IMAGE.sub(r"\1", _AUTOLINK.sub(r"\1", body)))
    for line in body.rstrip().split("\n"):
        if _RULE.match(line):
            builder.blank_line()
            continue
        heading = _HEADING.match(line)
        line = heading.group(1) if heading else _LIST_MARK.sub("", line)
        line = _EMPHASIS.sub(r"\2", line).strip()
        if line:
            builder.add_line(line)
        else:
            builder.blank_line()
    return builder.text()
