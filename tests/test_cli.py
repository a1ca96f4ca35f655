"""The CLI: exit codes, one-line errors, help on every command (click's CliRunner)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from extract import __version__, pipeline
from extract.cli import cli
from extract.errors import EmptyDocument
from extract.model import Document, Target
from extract.settings import Settings


def fake_process_bytes(data: bytes, source: str, settings=None) -> list[Document]:
    """Stand-in pipeline: the CLI is tested for wiring, not extraction quality."""
    text = data.decode("utf-8").strip()
    if not text:
        raise EmptyDocument("empty file")
    docs = []
    for line in text.splitlines():  # one document per line, like a JSONL of records
        doc = Document(id=pipeline.sha256(line.encode()), source=source, format="txt", text=line)
        doc.targets = [Target(indicator="能耗", value=15.0, unit="%", direction="decrease",
                              evidence=line, span=(0, len(line)))]
        docs.append(pipeline.finalize(doc, Settings()))
    return docs


@pytest.fixture()
def fake_pipeline(monkeypatch) -> None:
    monkeypatch.setattr(pipeline, "process_bytes", fake_process_bytes)


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_has_help(runner: CliRunner, command: str) -> None:
    for flag in ("--help", "-h"):
        result = runner.invoke(cli, [command, flag])
        assert result.exit_code == 0, result.output
        assert cli.commands[command].help and len(cli.commands[command].help) > 20
        assert "Usage:" in result.output


def test_group_help_and_version(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["-h"])
    assert result.exit_code == 0 and "run" in result.output and "export" in result.output
    result = runner.invoke(cli, ["--version"])
    assert result.exit_code == 0 and __version__ in result.output


def test_run_help_states_exit_codes(runner: CliRunner) -> None:
    words = " ".join(runner.invoke(cli, ["run", "--help"]).output.split())
    assert "0 when every file was stored (or skipped), 1 when any file failed" in words


def test_run_success_exits_zero_and_prints_summary(runner: CliRunner, fake_pipeline, tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("到2025年能耗下降15%", encoding="utf-8")
    (corpus / "b.md").write_text("到2030年能耗下降20%", encoding="utf-8")
    db = tmp_path / "p.db"
    result = runner.invoke(cli, ["run", str(corpus), "--db", str(db), "--no-progress"])
    assert result.exit_code == 0, result.output
    assert "(2 stored, 0 unchanged, 0 failed)" in result.stdout
    assert re.search(r"^targets +2$", result.stdout, re.MULTILINE)
    again = runner.invoke(cli, ["run", str(corpus), "--db", str(db), "--no-progress"])
    assert again.exit_code == 0 and "(0 stored, 2 unchanged, 0 failed)" in again.stdout


def test_run_with_a_failure_exits_one_and_lists_it(runner: CliRunner, fake_pipeline, tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("到2025年能耗下降15%", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = runner.invoke(cli, ["run", str(tmp_path / "good.txt"), str(tmp_path / "empty.txt"),
                                 str(tmp_path / "missing.pdf"), "--db", str(tmp_path / "p.db"), "--no-progress"])
    assert result.exit_code == 1
    assert f"{tmp_path / 'empty.txt'}: empty file" in result.stdout
    assert f"{tmp_path / 'missing.pdf'}: no such file or directory" in result.stdout


def test_extract_prints_one_json_object_per_document(runner: CliRunner, fake_pipeline, tmp_path: Path) -> None:
    path = tmp_path / "records.jsonl"
    path.write_text("到2025年能耗下降15%\n到2030年能耗下降20%\n", encoding="utf-8")
    result = runner.invoke(cli, ["extract", str(path)])
    assert result.exit_code == 0, result.output
    objects = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["targets"][0]["evidence"] for o in objects] == ["到2025年能耗下降15%", "到2030年能耗下降20%"]
    assert "text" not in objects[0]["document"]
    with_text = runner.invoke(cli, ["extract", "--text", str(path)])
    assert json.loads(with_text.stdout.splitlines()[0])["document"]["text"] == "到2025年能耗下降15%"


@pytest.mark.parametrize(("content", "expected"), [
    (None, "no such file"),
    (b"", "empty file"),
])
def test_extract_unreadable_file_is_one_line_on_stderr(runner: CliRunner, tmp_path: Path, content, expected) -> None:
    path = tmp_path / "doc.txt"
    if content is not None:
        path.write_bytes(content)
    result = runner.invoke(cli, ["extract", str(path)])
    assert result.exit_code != 0
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and expected in lines[0]


def test_extract_internal_error_is_one_line(runner: CliRunner, tmp_path: Path, monkeypatch) -> None:
    def broken(path, settings=None):
        raise KeyError("oops")

    monkeypatch.setattr(pipeline, "process_file", broken)
    (tmp_path / "a.txt").write_text("x")
    result = runner.invoke(cli, ["extract", str(tmp_path / "a.txt")])
    assert result.exit_code == 1 and result.stderr.strip() == "Error: internal error: KeyError: 'oops'"


def test_export_and_search_after_run(runner: CliRunner, fake_pipeline, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("到2025年全市节能减排目标完成", encoding="utf-8")
    db = tmp_path / "p.db"
    assert runner.invoke(cli, ["run", str(tmp_path / "a.txt"), "--db", str(db), "--no-progress"]).exit_code == 0
    out = tmp_path / "targets.jsonl"
    result = runner.invoke(cli, ["export", "--db", str(db), "--format", "jsonl", "--table", "targets", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text(encoding="utf-8"))["evidence"] == "到2025年全市节能减排目标完成"
    result = runner.invoke(cli, ["export", "--db", str(db), "--format", "csv", "-o", str(tmp_path / "csv")])
    assert result.exit_code == 0 and (tmp_path / "csv" / "documents.csv").exists()
    result = runner.invoke(cli, ["export", "--db", str(db), "--format", "csv", "--table", "nope", "-o", str(out)])
    assert result.exit_code == 1 and "unknown table nope" in result.stderr
    result = runner.invoke(cli, ["search", "节能减排", "--db", str(db)])
    assert result.exit_code == 0 and "[节能减排]" in result.stdout


def test_eval_is_wired_to_evaluate_dirs(runner: CliRunner, tmp_path: Path, monkeypatch) -> None:
    calls = []

    class Report:
        def format_table(self) -> str:
            return "TABLE"

        def format_diff(self) -> str:
            return "DIFF"

        def to_dict(self) -> dict:
            return {"targets": {"f1": 0.5}}

    def evaluate_dirs(gold, docs):
        calls.append((gold, docs))
        return Report()

    monkeypatch.setattr("extract.evaluate.evaluate_dirs", evaluate_dirs)
    args = ["eval", "--gold", str(tmp_path), "--docs", str(tmp_path)]
    assert runner.invoke(cli, args).stdout.strip() == "TABLE"
    assert runner.invoke(cli, [*args, "--diff"]).stdout.split() == ["TABLE", "DIFF"]
    assert json.loads(runner.invoke(cli, [*args, "--json"]).stdout) == {"targets": {"f1": 0.5}}
    assert calls[0] == (tmp_path, tmp_path)
    missing = runner.invoke(cli, ["eval", "--gold", str(tmp_path / "no"), "--docs", str(tmp_path)])
    assert missing.exit_code == 2


def test_python_dash_m_extract_is_the_same_program() -> None:
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "extract", "--version"], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0 and __version__ in result.stdout
