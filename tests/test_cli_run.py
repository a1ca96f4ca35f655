"""`run` as a user meets it: formats picked up, --exclude, --force, --quiet, no \\r frames off a
terminal, Ctrl-C, "nothing to do", one row per file however it was reached (click's CliRunner)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from extract import pipeline
from extract.cli import cli
from extract.model import Document, Target
from extract.settings import Settings

BODY = "到2025年能耗下降15%"


def fake_process_bytes(data: bytes, source: str, settings=None) -> list[Document]:
    """Stand-in pipeline: `run` is tested for wiring, not extraction quality."""
    text = data.decode("utf-8")
    doc = Document(id=pipeline.sha256(data), source=source, format="txt", text=text)
    doc.targets = [Target(indicator="能耗", value=15.0, unit="%", direction="decrease", evidence=text,
                          span=(0, len(text)))]
    return [pipeline.finalize(doc, Settings())]


@pytest.fixture(autouse=True)
def fake_pipeline(monkeypatch) -> None:
    monkeypatch.setattr(pipeline, "process_bytes", fake_process_bytes)


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def corpus(tmp_path: Path, names: list[str]) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for i, name in enumerate(names):
        (folder / name).write_text(f"{BODY}（{i}）", encoding="utf-8")
    return folder


def stored_files(db: Path) -> list[str]:
    return [Path(r[0]).name for r in sqlite3.connect(db).execute("SELECT path FROM files ORDER BY path")]


def test_run_picks_up_every_web_page_extension(runner: CliRunner, tmp_path: Path) -> None:
    names = ["a.shtml", "b.jsp", "c.aspx", "d.htm", "e.txt", "f.xyz"]
    folder = corpus(tmp_path, names)
    db = tmp_path / "p.db"
    result = runner.invoke(cli, ["run", str(folder), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert stored_files(db) == names[:-1]


def test_run_exclude_globs(runner: CliRunner, tmp_path: Path) -> None:
    folder = corpus(tmp_path, ["a.txt", "b.md", "draft-c.txt"])
    db = tmp_path / "p.db"
    result = runner.invoke(cli, ["run", str(folder), "--db", str(db), "--exclude", "*.md", "--exclude", "draft-*"])
    assert result.exit_code == 0 and stored_files(db) == ["a.txt"]


def test_run_nothing_to_do_then_force(runner: CliRunner, tmp_path: Path) -> None:
    folder = corpus(tmp_path, ["a.txt", "b.txt"])
    db = tmp_path / "p.db"
    assert runner.invoke(cli, ["run", str(folder), "--db", str(db)]).exit_code == 0
    again = runner.invoke(cli, ["run", str(folder), "--db", str(db)])
    assert again.exit_code == 0 and "nothing to do: all 2 files are already stored" in again.stderr
    forced = runner.invoke(cli, ["run", str(folder), "--db", str(db), "--force"])
    assert forced.exit_code == 0 and "(2 stored, 0 unchanged, 0 failed)" in forced.stdout
    empty = tmp_path / "empty"
    empty.mkdir()
    none = runner.invoke(cli, ["run", str(empty), "--db", str(db)])
    assert none.exit_code == 0 and "nothing to do: no supported file under" in none.stderr


def test_run_quiet_prints_only_failures(runner: CliRunner, tmp_path: Path) -> None:
    folder = corpus(tmp_path, ["a.txt"])
    result = runner.invoke(cli, ["run", str(folder), str(tmp_path / "missing.txt"), "--db", str(tmp_path / "p.db"),
                                 "-q"])
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.strip() == f"{tmp_path / 'missing.txt'}: no such file or directory"


def test_run_off_a_terminal_writes_no_progress_frames(runner: CliRunner, tmp_path: Path) -> None:
    folder = corpus(tmp_path, ["a.txt", "b.txt"])
    result = runner.invoke(cli, ["run", str(folder), "--db", str(tmp_path / "p.db")])
    assert result.exit_code == 0 and "\r" not in result.stderr and "\r" not in result.stdout


def test_run_ctrl_c_says_a_rerun_resumes(runner: CliRunner, tmp_path: Path, monkeypatch) -> None:
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("extract.batch.run_batch", interrupted)
    result = runner.invoke(cli, ["run", str(tmp_path), "--db", str(tmp_path / "p.db")])
    assert result.exit_code == 130
    assert "run the same command again to resume" in result.stderr


def test_run_one_file_reached_by_two_paths_is_one_row(runner: CliRunner, tmp_path: Path) -> None:
    folder = corpus(tmp_path, ["a.txt"])
    link = tmp_path / "link.txt"
    link.symlink_to(folder / "a.txt")
    db = tmp_path / "p.db"
    assert runner.invoke(cli, ["run", str(folder / "a.txt"), "--db", str(db)]).exit_code == 0
    assert runner.invoke(cli, ["run", str(link), "--db", str(db)]).exit_code == 0
    assert runner.invoke(cli, ["run", str(tmp_path / "corpus" / ".." / "corpus" / "a.txt"), "--db", str(db)]).exit_code == 0
    assert stored_files(db) == ["a.txt"]


def test_run_rules_upgrade_re_extracts_stored_files(runner: CliRunner, tmp_path: Path, monkeypatch) -> None:
    """The rules version is stored with each file: other rules' files are extracted again."""
    import extract.fingerprint as fingerprint

    folder = corpus(tmp_path, ["a.txt", "b.txt"])
    db = tmp_path / "p.db"
    monkeypatch.setattr(fingerprint, "rules_version", lambda: "0.1.0+old")
    assert runner.invoke(cli, ["run", str(folder), "--db", str(db)]).exit_code == 0
    same = runner.invoke(cli, ["run", str(folder), "--db", str(db)])
    assert "nothing to do: all 2 files are already stored" in same.stderr
    monkeypatch.setattr(fingerprint, "rules_version", lambda: "0.1.0+new")
    upgraded = runner.invoke(cli, ["run", str(folder), "--db", str(db)])
    assert upgraded.exit_code == 0 and "(2 stored, 0 unchanged, 0 failed)" in upgraded.stdout
    versions = {r[0] for r in sqlite3.connect(db).execute("SELECT version FROM files")}
    assert versions == {"0.1.0+new"}


def test_run_file_without_chinese_text_is_skipped_with_its_reason(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "cn.txt").write_text(BODY, encoding="utf-8")
    (folder / "en.txt").write_text("Quarterly report of the board, 2024.", encoding="utf-8")
    db = tmp_path / "p.db"
    result = runner.invoke(cli, ["run", str(folder), "--db", str(db)])
    assert result.exit_code == 0, result.output  # a skip is not a failure
    con = sqlite3.connect(db)
    assert [Path(r[0]).name for r in con.execute("SELECT source FROM documents")] == ["cn.txt"]
    [(stage, reason)] = con.execute("SELECT stage, reason FROM failures").fetchall()
    assert stage == "skip" and "no Chinese text" in reason
    again = runner.invoke(cli, ["run", str(folder), "--db", str(db)])  # not retried, still not a failure
    assert again.exit_code == 0 and con.execute("SELECT count(*) FROM failures").fetchone()[0] == 1


def test_rules_version_is_stable_and_names_the_package_version() -> None:
    from extract import __version__
    from extract.fingerprint import rules_version

    assert rules_version() == rules_version() and rules_version().startswith(__version__ + "+")
