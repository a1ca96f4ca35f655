"""The package reads as its pipeline: every import points down the stage order, never up.

model/settings/errors <- ingest <- normalize <- structure <- language <- extractors <- link
<- pipeline <- store/batch/evaluate <- cli.  Imports inside functions count too: a lazy import
is still a dependency.  An extractor may use another extractor only through that package's
public names (``from ..targets import extract_targets``), never its internals.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "extract"
EXTRACTORS = ("targets", "deadlines", "departments", "metadata", "scoring")
# Layer of each top-level part of the package; a module may import its own layer or lower.
LAYERS: dict[str, int] = {
    "model": 0, "settings": 0, "errors": 0, "data": 0, "limits": 0, "walk": 0, "fingerprint": 0,
    "ingest": 1,
    "normalize": 2,
    "structure": 3,
    "language": 4,
    **{name: 5 for name in EXTRACTORS},
    "link": 6,
    "pipeline": 7,
    "store": 8, "batch": 8, "evaluate": 8, "serve": 8, "history": 8, "workers": 8, "warmup": 8, "cluster": 8,
    "cli": 9, "__main__": 9,
}
MAX_MODULE_LINES = 800


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _module_name(path: Path) -> tuple[str, ...]:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return parts[:-1] if parts[-1] == "__init__" else parts


def _imports(path: Path) -> Iterator[tuple[int, tuple[str, ...]]]:
    """(line, absolute module parts) of every import of an ``extract`` module in one file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    here = _module_name(path)
    package = here if path.name == "__init__.py" else here[:-1]
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                target = base + tuple(node.module.split(".")) if node.module else base
            else:
                target = tuple((node.module or "").split("."))
            if target[:1] != ("extract",):
                continue
            if node.module is None or target == base if node.level else False:
                # "from . import points": each name is a module of that package
                for alias in node.names:
                    yield node.lineno, target + (alias.name,)
            else:
                yield node.lineno, target
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "extract":
                    yield node.lineno, tuple(alias.name.split("."))


def _part(module: tuple[str, ...]) -> str | None:
    """The top-level part a module belongs to; None for extract/__init__ and its attributes."""
    if len(module) < 2:
        return None
    name = module[1]
    return name if (PACKAGE / name).is_dir() or (PACKAGE / f"{name}.py").is_file() else None


def _violations() -> list[str]:
    out = []
    for path in _modules():
        here = _module_name(path)
        src = _part(here)
        if src is None:  # extract/__init__.py: the public facade re-exports the pipeline
            continue
        for line, target in _imports(path):
            dst = _part(target)
            if dst is None:  # "from . import __version__": the facade, not a stage
                continue
            where = f"{path.relative_to(PACKAGE.parent)}:{line} imports {'.'.join(target)}"
            if dst not in LAYERS or src not in LAYERS:
                out.append(f"{where}: unknown part {dst if dst not in LAYERS else src!r}, add it to LAYERS")
            elif LAYERS[dst] > LAYERS[src]:
                out.append(f"{where}: {src} (layer {LAYERS[src]}) may not import {dst} (layer {LAYERS[dst]})")
            elif src != dst and src in EXTRACTORS and dst in EXTRACTORS and len(target) > 2:
                out.append(f"{where}: an extractor uses another only through its package's public names")
    return out


def test_import_direction_every_import_points_down_the_pipeline() -> None:
    assert not _violations(), "\n".join(_violations())


def test_import_direction_no_cycle_between_parts() -> None:
    """No two parts import each other, lazily or not (nlp <-> department_ner once did)."""
    edges: set[tuple[str, str]] = set()
    for path in _modules():
        src = _part(_module_name(path))
        for _, target in _imports(path):
            dst = _part(target)
            if src and dst and src != dst:
                edges.add((src, dst))
    assert not sorted((a, b) for a, b in edges if (b, a) in edges)


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_import_direction_module_stays_small(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_MODULE_LINES, f"{path.name} has {lines} lines: split it by what it does"
