"""policy-extract: Chinese policy documents -> structured, checkable records.

>>> from extract import process_file
>>> [doc] = process_file("corpora/seeds/003_a21b16cc157a0aa8.txt")  # doctest: +SKIP
>>> doc.to_dict()["targets"][0]["value"]                             # doctest: +SKIP
25

Importing this package loads nothing heavy: spaCy, jieba, OpenCC and pdfplumber are
imported inside the functions that use them.
"""

from .errors import ExtractError
from .model import Document
from .pipeline import STAGES, process_bytes, process_file
from .settings import Settings

__version__ = "0.1.0"

__all__ = [
    "STAGES",
    "Document",
    "ExtractError",
    "Settings",
    "__version__",
    "process_bytes",
    "process_file",
]
