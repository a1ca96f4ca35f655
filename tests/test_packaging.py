"""The built wheel carries what an installed policy-extract needs beyond its code."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_wheel_holds_schemas_and_serve_data(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", str(ROOT), "-w", str(tmp_path)],
                            capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    [wheel] = tmp_path.glob("policy_extract-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    schemas = {n.rsplit("/", 1)[-1] for n in names if "/share/policy-extract/schemas/" in n}
    expected = {p.name for p in (ROOT / "schemas").iterdir() if p.suffix in (".json", ".sql")}
    assert schemas == expected and "document.schema.json" in schemas and "export-targets.schema.json" in schemas
    assert {"extract/data/datasette.yaml", "extract/data/indicator_synonyms.tsv", "extract/serve/plugin.py"} <= names
