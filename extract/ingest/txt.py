"""Plain text: decoded bytes with line endings unified, nothing else changed.

Text files already carry their tables as tab-separated rows (what office software
writes when a table is pasted as text); structure recovers them, ingest does not.
"""

from __future__ import annotations

import re

_LINE_ENDINGS = re.compile(r"\r\n?|[\u2028\u2029\x85]")  # CRLF, CR, Unicode line/paragraph separators


def read_txt(text: str) -> str:
    """The raw text of a plain-text file: every line ending becomes '\\n'."""
    return _LINE_ENDINGS.sub("\n", text)
