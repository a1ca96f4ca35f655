"""SQLite storage of finished Documents (sqlite-utils), full-text search and exports.

Storing is not a pipeline stage: the pipeline stays a pure function of a file's bytes,
and one writer (the batch runner's parent process) calls :func:`write_file_documents`.
"""

from .db import counts, open_db, search
from .export import DEFAULT_TABLES, FORMATS, ExportError, export
from .writer import FileInfo, record_failure, write_document, write_file_documents

__all__ = [
    "DEFAULT_TABLES",
    "FORMATS",
    "ExportError",
    "FileInfo",
    "counts",
    "export",
    "open_db",
    "record_failure",
    "search",
    "write_document",
    "write_file_documents",
]
