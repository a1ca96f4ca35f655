"""The read commands (search, owners, export, serve): read-only, one-line errors, what they print."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from extract.cli import cli
from extract.model import DepartmentRef, Document, Metadata, Responsibility, Target
from extract.store import open_db, write_document

TEXT_A = "内蒙古自治区“十四五”节能减排综合工作实施方案。助力实现碳达峰。到2025年，全区单位地区生产总值能源消耗比2020年下降15%。“十四五”时期，万元工业增加值用水量下降13%。"
TEXT_B = "高平市节约型机关创建行动方案。到2030年，全市80%的党政机关建成节约型机关。"


def _target(doc: Document, evidence: str, **fields) -> Target:
    start = doc.text.index(evidence)
    return Target(evidence=evidence, span=(start, start + len(evidence)), id=f"t-{doc.id}-{start}", **fields)


def build_db(path: Path) -> Path:
    """Two documents: a regional plan (one owned, one unowned target) and a city plan."""
    a = Document(id="a" * 64, source="a.txt", format="txt", text=TEXT_A,
                 metadata=Metadata(title="内蒙古自治区“十四五”节能减排综合工作实施方案", issuers=["内蒙古自治区人民政府"]))
    energy = _target(a, "到2025年，全区单位地区生产总值能源消耗比2020年下降15%", indicator="单位地区生产总值能源消耗",
                     value=15.0, unit="%", direction="decrease", scope="全区", deadline="2025",
                     departments=[DepartmentRef(name="自治区发展改革委", role="lead")])
    water = _target(a, "万元工业增加值用水量下降13%", indicator="万元工业增加值用水量", value=13.0, unit="%",
                    direction="decrease", period="十四五")
    a.targets = [energy, water]
    a.responsibilities = [Responsibility(department="自治区发展改革委", role="lead", task="能耗下降", evidence=energy.evidence,
                                         span=energy.span, target_ids=[energy.id], id="r-a")]
    b = Document(id="b" * 64, source="b.txt", format="txt", text=TEXT_B,
                 metadata=Metadata(title="高平市节约型机关创建行动方案", issuers=["高平市能源局"]))
    b.targets = [_target(b, "到2030年，全市80%的党政机关建成节约型机关", indicator="党政机关建成节约型机关比例", value=80.0,
                         unit="%", direction="reach", scope="全市", deadline="2030",
                         departments=[DepartmentRef(name="市能源局", role="lead")])]
    db = open_db(path)
    write_document(db, a)
    write_document(db, b)
    db.close()
    return path


@pytest.fixture()
def db_path(tmp_path: Path) -> Path:
    return build_db(tmp_path / "policy.db")


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# ------------------------------------------------------------------ read-only, one-line errors


@pytest.mark.parametrize("args", [
    ["search", "节能"], ["owners"], ["export", "--format", "jsonl", "--table", "targets", "-o", "-"],
])
def test_read_commands_leave_another_sqlite_file_unchanged(runner: CliRunner, tmp_path: Path, args) -> None:
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.commit()
    conn.close()
    before = digest(other)
    result = runner.invoke(cli, [*args, "--db", str(other)])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"Error: {other}: not a policy-extract database (write one with `policy-extract run`)"
    assert digest(other) == before
    assert [r[0] for r in sqlite3.connect(other).execute("SELECT name FROM sqlite_master")] == ["notes"]


@pytest.mark.parametrize("command", ["search", "owners", "export", "serve"])
@pytest.mark.parametrize(("content", "message"), [
    (b"just some text, not a database", "not an SQLite database"),
    (None, "no such database file"),
])
def test_read_commands_refuse_a_file_that_is_not_a_database_in_one_line(
        runner: CliRunner, tmp_path: Path, command: str, content: bytes | None, message: str) -> None:
    path = tmp_path / "x.db"
    if content is not None:
        path.write_bytes(content)
    args = {"search": ["search", "节能"], "owners": ["owners"], "serve": ["serve"],
            "export": ["export", "--format", "csv", "-o", str(tmp_path / "out")]}[command]
    result = runner.invoke(cli, [*args, "--db", str(path)])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and message in lines[0], result.stderr
    if content is not None:
        assert path.read_bytes() == content


def test_read_commands_never_change_a_policy_database(runner: CliRunner, db_path: Path, tmp_path: Path) -> None:
    before = digest(db_path)
    for args in (["search", "节能减排"], ["owners", "--department", "发改委"],
                 ["export", "--format", "csv", "-o", str(tmp_path / "csv")]):
        assert runner.invoke(cli, [*args, "--db", str(db_path)]).exit_code == 0
    assert digest(db_path) == before


def test_read_commands_work_in_a_read_only_folder(runner: CliRunner, db_path: Path) -> None:
    import os

    if os.geteuid() == 0:
        pytest.skip("root writes to read-only folders")
    db_path.parent.chmod(0o555)
    try:
        result = runner.invoke(cli, ["search", "节能减排", "--db", str(db_path)])
    finally:
        db_path.parent.chmod(0o755)
    assert result.exit_code == 0 and "[节能减排]" in result.stdout


# ------------------------------------------------------------------ search


@pytest.mark.parametrize(("query", "sources"), [
    ("节能减排 碳达峰", ["a.txt"]),      # several terms: all of them
    ("节能 碳", ["a.txt"]),              # short terms (no trigram) too
    ("節能減排 碳達峰", ["a.txt"]),      # traditional script converted like documents
    ("節約型機關", ["b.txt"]),
    ("节约型机关 碳达峰", []),
])
def test_search_terms_all_match_in_any_script(runner: CliRunner, db_path: Path, query: str, sources) -> None:
    result = runner.invoke(cli, ["search", query, "--db", str(db_path)])
    assert result.exit_code == 0
    assert [line.split("\t")[0] for line in result.stdout.splitlines()] == sources


def test_search_prints_one_line_per_hit_with_the_terms_marked(runner: CliRunner, db_path: Path) -> None:
    result = runner.invoke(cli, ["search", "节能减排 碳达峰", "--db", str(db_path)])
    [line] = result.stdout.splitlines()
    source, title, snippet = line.split("\t")
    assert (source, title) == ("a.txt", "内蒙古自治区“十四五”节能减排综合工作实施方案")
    assert "[节能减排]" in snippet


def test_search_says_when_nothing_matched(runner: CliRunner, db_path: Path) -> None:
    result = runner.invoke(cli, ["search", "氢能 碳达峰", "--db", str(db_path)])
    assert result.exit_code == 0 and result.stdout == ""
    assert result.stderr.strip() == "no document matches '氢能 碳达峰'"


# ------------------------------------------------------------------ owners


def owners_json(runner: CliRunner, db_path: Path, *args: str) -> list[dict]:
    result = runner.invoke(cli, ["owners", "--db", str(db_path), "--format", "json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_owners_rows_carry_direction_scope_value_due_canonical_department_and_evidence(
        runner: CliRunner, db_path: Path) -> None:
    [row] = owners_json(runner, db_path, "--department", "发改委", "--indicator", "能源消耗")
    assert {k: row[k] for k in ("department", "canonical_department", "role", "direction", "scope", "value", "unit",
                                "deadline", "evidence")} == {
        "department": "自治区发展改革委", "canonical_department": "内蒙古自治区发展和改革委员会", "role": "lead",
        "direction": "decrease", "scope": "全区", "value": 15.0, "unit": "%", "deadline": "2025",
        "evidence": "到2025年，全区单位地区生产总值能源消耗比2020年下降15%"}


def test_owners_lists_targets_without_a_department_unless_owned(runner: CliRunner, db_path: Path) -> None:
    items = {(r["kind"], r["item"], r["department"]) for r in owners_json(runner, db_path)}
    assert ("target", "万元工业增加值用水量", None) in items
    owned = {r["item"] for r in owners_json(runner, db_path, "--owned")}
    assert "万元工业增加值用水量" not in owned and "单位地区生产总值能源消耗" in owned


@pytest.mark.parametrize(("indicator", "items"), [
    ("能耗", {"单位地区生产总值能源消耗"}),          # synonym table: 能耗 = 能源消耗
    ("单位GDP能耗", {"单位地区生产总值能源消耗"}),   # GDP = 地区生产总值 as well
    ("水耗", {"万元工业增加值用水量"}),
    ("能源消耗", {"单位地区生产总值能源消耗"}),
    ("煤炭", set()),
])
def test_owners_indicator_through_synonyms(runner: CliRunner, db_path: Path, indicator: str, items) -> None:
    assert {r["item"] for r in owners_json(runner, db_path, "--indicator", indicator)} == items


def test_owners_due_before_counts_a_plan_period_as_its_last_year(runner: CliRunner, db_path: Path) -> None:
    rows = owners_json(runner, db_path, "--due-before", "2026")
    assert {r["item"] for r in rows} == {"单位地区生产总值能源消耗", "万元工业增加值用水量"}
    [water] = [r for r in rows if r["item"] == "万元工业增加值用水量"]
    assert (water["period"], water["due_year"]) == ("十四五", 2025)
    assert owners_json(runner, db_path, "--due-before", "2025") == []


@pytest.mark.parametrize("department", ["發改委", "自治區發展改革委", "发展和改革委员会"])
def test_owners_department_in_any_spelling_or_script(runner: CliRunner, db_path: Path, department: str) -> None:
    assert {r["item"] for r in owners_json(runner, db_path, "--department", department)} == {"单位地区生产总值能源消耗"}


def test_owners_table_is_aligned(runner: CliRunner, db_path: Path) -> None:
    from extract.store.queries import _width

    result = runner.invoke(cli, ["owners", "--db", str(db_path)])
    lines = result.stdout.splitlines()
    assert lines[0].split()[:3] == ["department", "role", "item"]
    starts = []
    for line in lines:
        col = line.index("decrease") if "decrease" in line else line.index("reach") if "reach" in line else None
        if col is not None:
            starts.append(_width(line[:col]))
    assert len(starts) == 3 and len(set(starts)) == 1, lines
    assert _width(lines[0][:lines[0].index("direction")]) == starts[0]


def test_owners_says_when_nothing_matched(runner: CliRunner, db_path: Path) -> None:
    result = runner.invoke(cli, ["owners", "--db", str(db_path), "--department", "生态环境厅"])
    assert result.exit_code == 0 and result.stdout == "" and result.stderr.strip() == "no row matches"


# ------------------------------------------------------------------ export


def test_export_to_standard_output(runner: CliRunner, db_path: Path) -> None:
    result = runner.invoke(cli, ["export", "--db", str(db_path), "--format", "jsonl", "--table", "targets", "-o", "-"])
    assert result.exit_code == 0 and result.stderr == ""
    assert {json.loads(line)["indicator"] for line in result.stdout.splitlines()} == {
        "单位地区生产总值能源消耗", "万元工业增加值用水量", "党政机关建成节约型机关比例"}
    result = runner.invoke(cli, ["export", "--db", str(db_path), "--format", "csv", "--table", "documents", "-o", "-"])
    assert next(csv.reader(io.StringIO(result.stdout)))[:2] == ["id", "file_path"]
    several = runner.invoke(cli, ["export", "--db", str(db_path), "--format", "csv", "-o", "-"])
    assert several.exit_code == 1 and "one table" in several.stderr


def test_export_documents_csv_leaves_out_text_unless_asked(runner: CliRunner, db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "documents.csv"
    args = ["export", "--db", str(db_path), "--format", "csv", "--table", "documents", "-o", str(out)]
    assert runner.invoke(cli, args).exit_code == 0
    with out.open(encoding="utf-8-sig", newline="") as f:
        assert "text" not in next(csv.reader(f))
    assert runner.invoke(cli, [*args, "--text"]).exit_code == 0
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert rows[0]["text"] == TEXT_A


def test_export_parquet_lists_are_lists(runner: CliRunner, db_path: Path, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    out = tmp_path / "documents.parquet"
    result = runner.invoke(cli, ["export", "--db", str(db_path), "--format", "parquet", "--table", "documents",
                                 "-o", str(out)])
    assert result.exit_code == 0, result.output
    table = pq.read_table(out)
    assert str(table.schema.field("issuers").type) == "list<element: string>"
    assert table.column("issuers").to_pylist()[0] == ["内蒙古自治区人民政府"]
    assert str(table.schema.field("contacts").type).startswith("list<element: struct<name: string")


def test_serve_without_datasette_says_how_to_install_it(runner: CliRunner, db_path: Path, monkeypatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "datasette.app", None)  # import fails as if not installed
    result = runner.invoke(cli, ["serve", "--db", str(db_path)])
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        "Error: Datasette is not installed: pip install 'policy-extract[serve]' (make demo installs it)")
