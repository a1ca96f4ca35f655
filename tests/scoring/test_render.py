"""render_rubric: golden tree / csv renderings of a small rubric, JSON round trip."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from extract.model import Criterion, ScoringItem, ScoringTable
from extract.scoring.render import render_rubric

GOLDEN = Path(__file__).resolve().parent.parent / "golden" / "scoring"


def _rubric() -> list[ScoringTable]:
    return [ScoringTable(
        title="高平市节约型机关评价标准", total_points=100,
        categories=[{"name": "推行绿色办公", "points": 25, "path": ["推行绿色办公"]}],
        items=[
            ScoringItem(path=["推行绿色办公", "绿色采购"], points=6, criteria=[
                Criterion(text="带头采购节能、节水、环保等绿色产品", points=3),
                Criterion(text="更新公务用车优先采购新能源汽车", points=3, method="核查采购台账")]),
            ScoringItem(path=["推行绿色办公", "源头减量"], points=8, criteria=[
                Criterion(text="已自我组织开展能源审计的，附加2分", points=2, kind="bonus")]),
        ],
        inconsistencies=["推行绿色办公: category says 25, items sum to 14"],
    )]


@pytest.mark.parametrize(("fmt", "suffix"), [("tree", "txt"), ("csv", "csv")])
def test_render_golden(fmt: str, suffix: str) -> None:
    path = GOLDEN / f"render_small.{suffix}"
    out = render_rubric(_rubric(), fmt)
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_text(out, encoding="utf-8")
    assert out == path.read_text(encoding="utf-8")


def test_render_json_is_contract() -> None:
    (obj,) = json.loads(render_rubric(_rubric(), "json"))
    assert obj["total_points"] == 100 and obj["items"][0]["criteria"][1]["method"] == "核查采购台账"


def test_render_empty_and_bad_format() -> None:
    assert "no scoring table" in render_rubric([], "tree")
    with pytest.raises(ValueError, match="format"):
        render_rubric(_rubric(), "xml")


@pytest.mark.parametrize("prefix", ["001", "003"])
def test_seed_rubric_golden(seeds_dir: Path, prefix: str) -> None:
    """The whole extracted rubric of a bundled seed (dev-normalized text), as JSON."""
    import re

    from extract.model import Document
    from extract.scoring.tables import extract_scoring_tables
    from extract.settings import Settings

    source = next(seeds_dir.glob(f"{prefix}_*.txt"))
    cjk = r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef“”]"
    text = re.sub(rf"(?<={cjk}) +(?={cjk})", "", source.read_text(encoding="utf-8"))
    doc = Document(id="x", source=source.name, format="txt", text=text)
    out = render_rubric(extract_scoring_tables(doc, Settings()), "json") + "\n"
    path = GOLDEN / f"seed_{prefix}.expected.json"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_text(out, encoding="utf-8")
    assert out == path.read_text(encoding="utf-8")
