"""Keeping what is good in a partly bad file, with a warning that says what was lost.

- Text that is UTF-8 but for a few bytes is decoded with U+FFFD in their place, unless
  more than ``Settings.max_replaced_share`` of its bytes are bad (then it is refused).
- A page whose lines mix UTF-8 and GB18030 (a template in one, the article pasted in the
  other) is decoded line by line.
- Front matter and crawler-record fields that name a string (title, date, 文号...) are
  strings, whatever YAML or JSON made of them (bytes from ``!!binary``, ints, lists).

JSONL salvage (good lines kept, each bad line named) lives in :mod:`.jsonrec`.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import logging
from typing import Any

from ..errors import UndecodableFile
from ..settings import Settings
from .encoding import decode_text, plausible_text

LOGGER = logging.getLogger(__name__)

# A line is only evidence of UTF-8 when it holds at least this many characters outside ASCII.
MIN_NON_ASCII_CHARS = 2
# Deeper YAML/JSON values than this in front matter are cut (a recursive YAML alias is infinite).
MAX_VALUE_DEPTH = 20


def decode_salvaging(data: bytes, declared: str | None, settings: Settings) -> tuple[str, str, list[str]]:
    """``(text, encoding, warnings)``: :func:`.encoding.decode_text`, salvaging near-misses.

    Strict decodings come first; a lossy or mixed reading is used only for bytes that are
    nearly UTF-8 (few bad bytes) or that are UTF-8 and GB18030 line by line.

    Raises:
        UndecodableFile, UnsupportedFormat: as decode_text, or more bad bytes than allowed.
    """
    if b"\x00" in data or data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return (*decode_text(data, declared), [])
    try:
        return data.decode("utf-8-sig" if data.startswith(codecs.BOM_UTF8) else "utf-8"), \
            "utf-8-sig" if data.startswith(codecs.BOM_UTF8) else "utf-8", []
    except UnicodeDecodeError:
        pass
    mixed = _mixed_lines(data)
    if mixed is not None:
        return mixed
    lossy, n_bad = _utf8_replacing(data)
    if n_bad <= settings.max_replaced_share * len(data) and _mostly_utf8_text(lossy, n_bad):
        return lossy, "utf-8", [f"{n_bad} undecodable bytes replaced with U+FFFD"]
    try:
        return (*decode_text(data, declared), [])
    except UndecodableFile:
        if n_bad > settings.max_replaced_share * len(data) and _mostly_utf8_text(lossy, n_bad):
            raise UndecodableFile(f"{n_bad} of {len(data)} bytes are not UTF-8 (more than max_replaced_share "
                                  f"{settings.max_replaced_share:g}) and no other encoding reads it") from None
        raise


def _utf8_replacing(data: bytes) -> tuple[str, int]:
    """UTF-8 with U+FFFD for bad bytes, and how many replacements were made."""
    text = data.decode("utf-8", errors="replace")
    return text, text.count("\ufffd") - data.count(b"\xef\xbf\xbd")


# A lossy UTF-8 reading is believed when its valid non-ASCII characters outnumber the bad
# bytes this many times: ASCII with a few GB18030 characters is GB18030, not broken UTF-8.
MIN_GOOD_PER_BAD = 10


def _mostly_utf8_text(text: str, n_bad: int) -> bool:
    """The lossy reading is UTF-8 text with a few holes (not binary, not another encoding)."""
    good = sum(1 for ch in text if ord(ch) > 0x7F and ch != "\ufffd")
    return good >= MIN_GOOD_PER_BAD * n_bad and plausible_text(text.replace("\ufffd", ""))


def _mixed_lines(data: bytes) -> tuple[str, str, list[str]] | None:
    """A UTF-8 / GB18030 mix decoded line by line, or None when the bytes are not that."""
    utf8_lines = gb_lines = 0
    out: list[str] = []
    n_bad = 0
    for line in data.splitlines(keepends=True):
        try:
            decoded = line.decode("utf-8")
            if sum(1 for ch in decoded if ord(ch) > 0x7F) >= MIN_NON_ASCII_CHARS:
                utf8_lines += 1
        except UnicodeDecodeError:
            try:
                decoded = line.decode("gb18030")
                gb_lines += 1
            except UnicodeDecodeError:
                decoded = line.decode("utf-8", errors="replace")
                n_bad += decoded.count("\ufffd")
        out.append(decoded)
    if not utf8_lines or not gb_lines:
        return None
    text = "".join(out)
    if not plausible_text(text):
        return None
    warnings = [f"mixed encodings: {gb_lines} lines decoded as GB18030, the rest as UTF-8"]
    if n_bad:
        warnings.append(f"{n_bad} undecodable bytes replaced with U+FFFD")
    return text, "utf-8+gb18030", warnings


# Front-matter keys whose value the pipeline reads as ONE string (the document title...):
# a YAML list or mapping there ("title: [a, b]") becomes text too.
STRING_KEYS = frozenset({"title", "page_title", "core_title", "date", "created", "url", "source", "doc_number",
                         "author"})


def string_fields(front_matter: dict[str, Any]) -> dict[str, Any]:
    """Front matter whose every scalar is a string, every value JSON-serialisable, and
    every :data:`STRING_KEYS` value a string (``title: [a, b]`` -> ``"a b"``)."""
    out = {str(k): _as_string(v, 0) for k, v in front_matter.items()}
    for key in STRING_KEYS & out.keys():
        value = out[key]
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            out[key] = " ".join(value)
        elif value is not None and not isinstance(value, str):
            out[key] = json_text(value)
    return out


def _as_string(value: Any, depth: int) -> Any:
    if isinstance(value, str):
        return value
    if isinstance(value, bytes | bytearray):
        return bytes(value).decode("utf-8", errors="replace")
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int | float):
        return _number_text(value)
    if depth >= MAX_VALUE_DEPTH:
        return "…"
    if isinstance(value, list | tuple | set):
        return [_as_string(v, depth + 1) for v in value]
    if isinstance(value, dict):
        return {str(k): _as_string(v, depth + 1) for k, v in value.items()}
    return str(value)


def _number_text(value: int | float) -> str:
    try:
        return str(value)
    except ValueError:  # an int past Python's 4300-digit str limit
        return f"<integer of {value.bit_length()} bits>"


def json_text(value: Any) -> str:
    """A value as a string: scalars as text, containers as JSON (even when nested too deeply)."""
    plain = _as_string(value, 0)
    if isinstance(plain, str):
        return plain
    try:
        return json.dumps(plain, ensure_ascii=False)
    except (TypeError, ValueError, RecursionError):
        return str(type(value).__name__)
