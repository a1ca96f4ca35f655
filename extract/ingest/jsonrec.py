"""JSON / JSONL crawler records -> one record per document.

A crawler writes each page as an object with a text or HTML field and some metadata
(title, date, url). Each record becomes its own Document (id: sha256 of the record's
canonical JSON, source ``path#N``); a JSON file that holds no such record is refused
with a reason rather than read as text.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
from dataclasses import dataclass, field
from typing import Any

from ..errors import CorruptFile, UnsupportedFormat
from .salvage import json_text
from .vocab import load_yaml

LOGGER = logging.getLogger(__name__)


@dataclass(slots=True)
class JsonRecord:
    """One crawler record: where it came from, its body and what kind of body it is."""

    number: int  # 1-based position in the file
    record_id: str  # sha256 of the record's canonical JSON
    body: str
    is_html: bool
    front_matter: dict[str, Any] = field(default_factory=dict)


@functools.lru_cache(maxsize=1)
def _fields() -> dict[str, Any]:
    raw = load_yaml("ingest_json.yaml")
    return {
        "text": [f.lower() for f in raw["text_fields"]],
        "html": [f.lower() for f in raw["html_fields"]],
        "front": {k: [f.lower() for f in v] for k, v in raw["front_matter_fields"].items()},
        "lists": [f.lower() for f in raw["record_list_fields"]],
    }


def canonical_id(record: Any) -> str:
    """sha256 of a record's canonical JSON (sorted keys, no spaces, UTF-8)."""
    blob = json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def parse_records(text: str) -> tuple[list[Any], list[str]]:
    """The records of a JSON document or of JSONL lines, and one warning per bad line.

    A JSONL file keeps its good lines: each line that is not JSON is named in a warning
    ("line 7 is not valid JSON (...); skipped").

    Raises:
        CorruptFile: neither valid JSON nor any valid JSONL line.
    """
    try:
        loaded = json.loads(text)
    except RecursionError as e:
        raise CorruptFile("JSON nested too deeply to read") from e
    except ValueError as whole_error:
        return _jsonl_records(text, whole_error)
    if isinstance(loaded, list):
        return loaded, []
    if isinstance(loaded, dict):
        lists = _fields()["lists"]
        for key, value in loaded.items():
            if key.lower() in lists and isinstance(value, list):
                return value, []
        return [loaded], []
    raise UnsupportedFormat(f"JSON {type(loaded).__name__} is not a crawler record or a list of records")


def _jsonl_records(text: str, whole_error: ValueError) -> tuple[list[Any], list[str]]:
    records: list[Any] = []
    bad: list[str] = []
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            records.append(json.loads(line))
        except (ValueError, RecursionError) as e:
            reason = "nested too deeply" if isinstance(e, RecursionError) else str(e)
            bad.append(f"JSONL line {n} is not valid JSON ({reason}); skipped")
    if not records:
        raise CorruptFile(f"invalid JSON: {whole_error}")
    return records, bad


def read_records(text: str) -> tuple[list[JsonRecord], list[str]]:
    """Records with a body, and warnings naming the records skipped for having none.

    Raises:
        UnsupportedFormat: no record has a text/content/body/html field.
    """
    records, bad_lines = parse_records(text)
    found: list[JsonRecord] = []
    skipped: list[int] = []
    for number, record in enumerate(records, start=1):
        try:
            item = _to_record(number, record)
        except RecursionError:  # canonical JSON of a record nested past Python's stack
            item = None
        if item is None:
            skipped.append(number)
        else:
            found.append(item)
    if not found:
        raise UnsupportedFormat("JSON holds no crawler records with a text/content/body/html field")
    warnings = [*bad_lines]
    if skipped:
        warnings.append(f"records {', '.join(map(str, skipped))} have no text field; skipped")
    return found, warnings


def _to_record(number: int, record: Any) -> JsonRecord | None:
    if not isinstance(record, dict):
        return None
    fields = _fields()
    by_name = {str(k).lower(): v for k, v in record.items()}
    body, is_html = None, False
    for name in fields["html"]:
        if isinstance(by_name.get(name), str) and by_name[name].strip():
            body, is_html = by_name[name], True
            break
    if body is None:
        for name in fields["text"]:
            if isinstance(by_name.get(name), str) and by_name[name].strip():
                body = by_name[name]
                break
    if body is None:
        return None
    front: dict[str, Any] = {}
    for key, names in fields["front"].items():
        value = next((by_name[n] for n in names if by_name.get(n) not in (None, "")), None)
        if value is not None:  # every front-matter field is a string (title: 123 -> "123")
            front[key] = value if isinstance(value, str) else json_text(value)
    return JsonRecord(number=number, record_id=canonical_id(record), body=body, is_html=is_html, front_matter=front)
