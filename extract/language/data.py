"""Packaged data tables (``extract/data/``), each read once.

Every vocabulary of the extractors is a data file; these loaders are the one way in, so no
module opens a data file by hand and no table is parsed twice in a process.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any


def data_text(name: str) -> str:
    """The text of one packaged data file."""
    return resources.files("extract.data").joinpath(name).read_text(encoding="utf-8")


def tsv_rows(name: str) -> list[list[str]]:
    """Rows of a TSV data file, blank lines and ``#`` comments skipped."""
    rows = []
    for line in data_text(name).splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


@cache
def load_yaml(name: str) -> Any:
    """Read a packaged YAML data file once (libyaml's parser when PyYAML has it: ~10x faster
    at start-up, the same objects: the constructor is the same safe one)."""
    import yaml

    return yaml.load(data_text(name), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@cache
def load_aliases() -> dict[str, str]:
    """alias core -> canonical core, from department_aliases.tsv."""
    out: dict[str, str] = {}
    for row in tsv_rows("department_aliases.tsv"):
        alias, canonical = row[:2]
        out[alias.strip()] = canonical.strip()
    return out
