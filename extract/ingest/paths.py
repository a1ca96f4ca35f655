"""Reading an input file from disk, refusing what cannot be a document before decoding."""

from __future__ import annotations

from pathlib import Path

from ..errors import EmptyDocument, FileTooLarge, InputNotFound
from ..settings import Settings


def read_path(path: Path, settings: Settings) -> bytes:
    """The file's bytes; raises an ExtractError subclass with a one-line reason."""
    path = Path(path)
    if not path.exists():
        raise InputNotFound(f"no such file: {path}")
    if path.is_dir():
        raise InputNotFound(f"is a directory, not a file: {path}")
    from ..walk import printable, regular_file_problem

    problem = regular_file_problem(path)  # a FIFO would block, /dev/zero would never end
    if problem is not None:
        raise InputNotFound(f"{printable(path)}: {problem.removesuffix('; skipped, never opened')}")
    try:
        size = path.stat().st_size
        if size > settings.max_file_bytes:
            raise FileTooLarge(f"file too large: {size} bytes > max_file_bytes {settings.max_file_bytes}")
        data = path.read_bytes()
    except OSError as e:
        raise InputNotFound(f"cannot read {path}: {e.strerror or e}") from e
    if not data:
        raise EmptyDocument("empty file")
    return data
