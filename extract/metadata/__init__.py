"""Document metadata: title, 文号, issuers, dates, recipients, cited documents, contacts.

:mod:`.extractor` reads them; :mod:`.vocab` holds the named regexes and vocabulary.
"""

from .extractor import extract_metadata

__all__ = ["extract_metadata"]
