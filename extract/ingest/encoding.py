"""Bytes -> str for text-like inputs (txt, md, html, json), recording the encoding used.

Order: a byte-order mark, then strict UTF-8 (most files), then charset-normalizer
restricted to the encodings Chinese government text actually comes in. GB18030 is
reported instead of GBK/GB2312 because it is their superset: decoding with it never
loses a character the narrower codec would have read.
"""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata

from ..errors import UndecodableFile, UnsupportedFormat

LOGGER = logging.getLogger(__name__)

BOMS: tuple[tuple[bytes, str, str], ...] = (
    # (mark, codec used to decode, encoding name recorded)
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32", "utf-32-le"),  # before UTF-16 LE: its BOM starts with FF FE
    (codecs.BOM_UTF32_BE, "utf-32", "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16-be"),
)
# Encodings charset-normalizer may choose among (its names); anything GB-ish becomes gb18030.
CANDIDATES = ["gb18030", "big5", "utf_16_le", "utf_16_be"]
UTF16_CANDIDATES = ["utf_16_le", "utf_16_be"]
RECORDED_NAME = {"gb18030": "gb18030", "gbk": "gb18030", "gb2312": "gb18030", "big5": "big5",
                 "big5hkscs": "big5", "utf_16_le": "utf-16-le", "utf_16_be": "utf-16-be"}
# Below this share of ordinary characters a decoding is a misreading of binary data.
MIN_PLAUSIBLE_SHARE = 0.95
# Categories that real text (almost) never contains: controls, unassigned, private use, surrogates.
_IMPLAUSIBLE = {"Cc", "Cn", "Co", "Cs"}
_ALLOWED_CONTROLS = set("\t\n\r\f\v")


# Code-point ranges of Chinese documents: ASCII, Latin, punctuation, symbols (①, ㎡), CJK,
# full-width forms. UTF-16 decodes almost any even-length bytes, so a UTF-16 reading is
# only believed when nearly all of it falls here (junk decodes to e.g. half-width katakana).
_DOCUMENT_RANGES = ((0x09, 0x0D), (0x20, 0x7E), (0xA0, 0x24F), (0x2000, 0x27BF), (0x2E80, 0x2FDF),
                    (0x3000, 0x303F), (0x3200, 0x33FF), (0x3400, 0x9FFF), (0xF900, 0xFAFF),
                    (0xFE30, 0xFE4F), (0xFF00, 0xFF60), (0xFFE0, 0xFFEF))
MIN_DOCUMENT_SHARE = 0.9


def document_like(text: str) -> bool:
    """True when nearly all characters are ones Chinese documents are written in."""
    sample = text[:20000]
    if not sample:
        return True
    good = sum(1 for ch in sample if any(lo <= ord(ch) <= hi for lo, hi in _DOCUMENT_RANGES))
    return good >= MIN_DOCUMENT_SHARE * len(sample)


# A BOM-less UTF-16 reading shorter than this cannot be told from junk ("\x00\x01binary"
# decodes to 5 CJK-looking characters), and real text always carries some punctuation,
# digits or line breaks ("，。、：\n 2025").
MIN_UTF16_CHARS = 8
_ORDINARY = re.compile(r"[\s0-9，。、：；（）“”,.:;()%-]")


def utf16_believable(text: str) -> bool:
    """True when a BOM-less UTF-16 reading looks like a Chinese document, not junk."""
    return len(text) >= MIN_UTF16_CHARS and document_like(text) and bool(_ORDINARY.search(text))


def plausible_text(text: str) -> bool:
    """True when nearly every character is one a document would contain."""
    if not text:
        return True
    sample = text[:20000]
    bad = sum(1 for ch in sample if ch not in _ALLOWED_CONTROLS and unicodedata.category(ch) in _IMPLAUSIBLE)
    return bad <= (1 - MIN_PLAUSIBLE_SHARE) * len(sample)


def _by_bom(data: bytes) -> tuple[str, str] | None:
    for mark, codec, name in BOMS:
        if data.startswith(mark):
            try:
                return data.decode(codec), name
            except UnicodeDecodeError as e:
                raise UndecodableFile(f"byte-order mark says {name} but the bytes are not: {e.reason}") from e
    return None


def _by_declaration(data: bytes, declared: str | None) -> tuple[str, str] | None:
    if not declared:
        return None
    codec = declared.lower().replace("_", "-")
    codec = "gb18030" if codec in ("gbk", "gb2312", "x-gbk", "gb-2312", "cp936") else codec
    try:
        codecs.lookup(codec)
        text = data.decode(codec)
    except (LookupError, UnicodeDecodeError):
        LOGGER.debug("declared charset %s does not decode the bytes", declared)
        return None
    return (text, codec) if plausible_text(text) else None


def _by_detection(data: bytes, candidates: list[str]) -> tuple[str, str] | None:
    """charset-normalizer's readings, best first; the first plausible one wins."""
    from charset_normalizer import from_bytes

    for match in from_bytes(data, cp_isolation=candidates):
        codec = "gb18030" if match.encoding in ("gbk", "gb2312") else match.encoding
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if plausible_text(text) and (not codec.startswith("utf_16") or utf16_believable(text)):
            return text, RECORDED_NAME.get(codec, codec.replace("_", "-"))
    return None


def decode_text(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode a text file's bytes; returns ``(text, encoding name)``.

    ``declared`` is a charset named by the file itself (an HTML ``<meta charset>``); it
    is tried after strict UTF-8, because pages that declare gb2312 but are really
    UTF-8 are common while valid UTF-8 by accident is not.

    Raises:
        UnsupportedFormat: NUL bytes that are not UTF-16 text (a binary file).
        UndecodableFile: no supported encoding reads the bytes.
    """
    found = _by_bom(data)
    if found:
        return found
    has_nul = b"\x00" in data
    if not has_nul:
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
        found = _by_declaration(data, declared)
        if found:
            return found
    found = _by_detection(data, UTF16_CANDIDATES if has_nul else CANDIDATES)
    if found:
        return found
    if has_nul:
        raise UnsupportedFormat("binary content (NUL bytes), not text")
    raise UndecodableFile("not decodable as UTF-8, GB18030, Big5 or UTF-16")
