"""``policy-extract serve``: the database in Datasette, read-only, with the project's configuration.

:func:`make_datasette` builds the Datasette instance (used by the command and by tests through
Datasette's test client); :func:`serve` runs it with uvicorn on 127.0.0.1.  Datasette is an
optional dependency (``pip install 'policy-extract[serve]'``; ``make demo`` installs it).
"""

from .app import DatasetteMissing, build_configuration, make_datasette, require_datasette, serve

__all__ = ["DatasetteMissing", "build_configuration", "make_datasette", "require_datasette", "serve"]
