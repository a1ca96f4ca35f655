"""Named exceptions: every failure carries a one-line reason a person can act on."""

from __future__ import annotations


class ExtractError(Exception):
    """Base class: a document could not be processed; ``str(e)`` is the one-line reason."""


class InputNotFound(ExtractError):
    """The path does not exist, is a directory, or cannot be opened."""


class LimitExceeded(ExtractError):
    """The input is past a named limit of ``Settings`` (size, inflated size, nodes, depth, length)."""


class FileTooLarge(LimitExceeded):
    """The file is larger than ``Settings.max_file_bytes``."""


class UnsupportedFormat(ExtractError):
    """The file is not a format the pipeline reads (binary, unknown extension)."""


class UndecodableFile(ExtractError):
    """The bytes could not be decoded as text in any supported encoding."""


class EmptyDocument(ExtractError):
    """The file (or its text layer) holds no text."""


class NoTextLayer(ExtractError):
    """A PDF without a text layer (scanned; OCR is not supported)."""


class CorruptFile(ExtractError):
    """A container (PDF, DOCX, JSON) that is truncated or malformed."""


class StageError(ExtractError):
    """A pipeline stage raised or returned something other than a Document."""

    def __init__(self, stage: str, reason: str) -> None:
        super().__init__(f"{stage}: {reason}")
        self.stage = stage


class EncryptedFile(UnsupportedFormat):
    """A password-protected file (PDF) that cannot be read without its password."""
