"""Datasette plugin of ``policy-extract serve``: one click from a record to its evidence in context.

* An ``evidence`` cell links to the canned query ``record_in_context`` for its record, which
  shows the evidence highlighted in the document text around it.
* That query's ``in_context`` column is rendered with the evidence in ``<mark>``.
* A document's ``title`` links to the canned query ``document_records``: every record of
  the document in text order, each highlighted in the text around it.
* A ``doc_id`` cell of a view or canned query (which have no foreign keys for Datasette to
  follow), and a canned query's ``document`` title, link to the document's row page.

Only :func:`render_cell` is implemented: it exists with the same arguments in Datasette 0.65
and 1.0.  :mod:`extract.serve.app` registers this module; nothing here runs at import time.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from datasette import hookimpl
from markupsafe import Markup, escape

# Marks around the evidence inside record_in_context's ``in_context`` text (never in Chinese prose).
EVIDENCE_OPEN, EVIDENCE_CLOSE = "⟦", "⟧"
# Tables and views whose rows are records with evidence: column holding the record id.
RECORD_ID_COLUMN = {
    "targets": "id", "deadlines": "id", "responsibilities": "id",
    "targets_view": "id", "deadlines_view": "id", "responsibilities_view": "id",
    "owners_view": "record_id", "owners_by_department_view": "record_id",
}
CONTEXT_QUERY = "record_in_context"
DOCUMENT_QUERY = "document_records"


def _get(row: Any, column: str) -> Any:
    try:
        return row[column]
    except (IndexError, KeyError):
        return None


@hookimpl
def render_cell(row: Any, value: Any, column: str, table: str | None, database: str, datasette: Any) -> Any:
    """Evidence -> link to it in context; in_context -> highlighted; doc_id of a view -> document link."""
    if column == "in_context" and table is None and isinstance(value, str) and EVIDENCE_OPEN in value:
        before, _, rest = value.partition(EVIDENCE_OPEN)
        evidence, _, after = rest.partition(EVIDENCE_CLOSE)
        return Markup('<div class="in-context" style="white-space: pre-wrap; max-width: 60em">'
                      f"{escape(before)}<mark>{escape(evidence)}</mark>{escape(after)}</div>")
    if column == "evidence" and isinstance(value, str) and value:
        record_id = _get(row, RECORD_ID_COLUMN.get(table or "", "record_id"))
        if record_id and not (table is None and _get(row, "in_context") is not None):
            href = datasette.urls.query(database, CONTEXT_QUERY) + "?" + urlencode({"id": record_id})
            return Markup(f'<a href="{escape(href)}" title="原文核对 · see it in its text">{escape(value)}</a>')
    if table == "documents" and column == "title" and isinstance(value, str):
        doc_id = _get(row, "id")
        if doc_id:
            href = datasette.urls.query(database, DOCUMENT_QUERY) + "?" + urlencode({"doc_id": doc_id})
            return Markup(f'{escape(value)} <a href="{escape(href)}" title="文件的全部记录及原文 · every record '
                          'in its text">(记录 · records)</a>')
    if column in ("document", "document_title") and isinstance(value, str) and table is None:
        doc_id = _get(row, "doc_id")
        if doc_id:
            return Markup(f'<a href="{escape(datasette.urls.row(database, "documents", doc_id))}">{escape(value)}</a>')
    if column == "doc_id" and isinstance(value, str) and (table is None or table.endswith("_view")):
        href = datasette.urls.row(database, "documents", value)
        return Markup(f'<a href="{escape(href)}">{escape(value[:12])}…</a>')
    return None
