"""Walking input folders safely: regular files only, never opening anything else.

A crawled folder can hold a symlink loop, a FIFO (opening it blocks forever), a socket,
a link to ``/dev/zero`` (reading it never ends), or a name that is not valid UTF-8.
Everything here works from ``lstat``/``stat`` and never opens a file: an entry that is
not a regular file is returned as :class:`Skipped` with a one-line reason, which the
batch records; a name that is not valid UTF-8 is kept (Python's surrogate escapes) and
shown with the bad bytes as ``\\xNN``.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

# What st_mode says an entry is, for the recorded reason.
_KINDS: tuple[tuple[Callable[[int], bool], str], ...] = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISDIR, "a directory"),
)


@dataclass(slots=True, frozen=True)
class Skipped:
    """An input entry that is not processed, and why (one line)."""

    path: str  # printable (bad bytes of a name escaped)
    reason: str


def printable(path: str | Path) -> str:
    """A path safe to print and store as UTF-8: undecodable name bytes become ``\\xNN``."""
    raw = os.fsencode(str(path))
    return raw.decode("utf-8", errors="backslashreplace")


def regular_file_problem(path: Path) -> str | None:
    """None for a regular file (or a link to one); else why it is not one. Never opens it."""
    try:
        st = path.stat()  # follows links: ELOOP for a loop, ENOENT for a dangling link
    except OSError as e:
        if e.errno == errno.ELOOP:
            return "symlink loop; skipped"
        if path.is_symlink():
            return f"broken symlink ({e.strerror or e}); skipped"
        return f"cannot stat: {e.strerror or e}"
    except (RuntimeError, ValueError) as e:  # RuntimeError: "Symlink loop" from resolve()
        return f"cannot stat: {e}; skipped"
    if stat.S_ISREG(st.st_mode):
        return None
    kind = next((name for test, name in _KINDS if test(st.st_mode)), "not a regular file")
    via = " (through a symlink)" if path.is_symlink() else ""
    return f"not a regular file: {kind}{via}; skipped, never opened"


def walk_inputs(
    paths: Iterable[str | Path], is_document_name: Callable[[str], bool]
) -> tuple[list[Path], list[Skipped], list[str]]:
    """``(files, skipped, missing)`` under ``paths``.

    Folders are walked recursively in sorted order without following directory links
    (no loops); a folder entry is taken when ``is_document_name(name)``.  A path named
    explicitly is always taken if it is a regular file.
    """
    files: list[Path] = []
    skipped: list[Skipped] = []
    missing: list[str] = []
    seen: set[tuple[int, int]] = set()

    def consider(p: Path) -> None:
        problem = regular_file_problem(p)
        if problem is not None:
            skipped.append(Skipped(printable(p), problem))
            return
        try:
            st = p.stat()
        except OSError as e:
            skipped.append(Skipped(printable(p), f"cannot stat: {e.strerror or e}"))
            return
        key = (st.st_dev, st.st_ino)
        if key not in seen:  # the same file reached twice (a link, or a path given twice)
            seen.add(key)
            files.append(p)

    def listing_error(e: OSError) -> None:
        skipped.append(Skipped(printable(e.filename or "?"), f"cannot list folder: {e.strerror or e}"))

    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for root, dirs, names in os.walk(p, onerror=listing_error):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(names):
                    if is_document_name(name):
                        consider(Path(root) / name)
        elif p.exists() or p.is_symlink():
            consider(p)
        else:
            missing.append(str(raw))
    return files, skipped, missing
