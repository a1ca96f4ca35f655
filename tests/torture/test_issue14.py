"""Issue 14 regressions: one test per class of input that crashed, hung or exhausted a run.

Each is named after its case; the torture batch (test_torture.py) runs them all together.
"""

from __future__ import annotations

import json
import os
import time
import tracemalloc
from pathlib import Path

import pytest
from click.testing import CliRunner

from extract import pipeline
from extract.batch import _is_document_name, run_batch
from extract.cli import cli
from extract.errors import (
    CorruptFile,
    EncryptedFile,
    ExtractError,
    LimitExceeded,
    UndecodableFile,
    UnsupportedFormat,
)
from extract.model import Document
from extract.pipeline import process_bytes
from extract.settings import Settings
from extract.store import open_db
from extract.walk import walk_inputs

from .conftest import (
    NOTICE,
    deep_inline_html,
    deep_json,
    docx_grid_span,
    docx_million_paragraphs,
    front_matter_md,
    mixed_halves,
    pdf_bytes,
    zip_bomb,
    zip_version_68,
)

# --------------------------------------------------------------------------- walking


def _walk(root: Path):
    return walk_inputs([root], _is_document_name)


def test_issue14_symlink_loop_is_skipped_not_fatal(tmp_path: Path) -> None:
    os.symlink("loop.txt", tmp_path / "loop.txt")
    (tmp_path / "good.txt").write_text(NOTICE, encoding="utf-8")
    files, skipped, missing = _walk(tmp_path)
    assert [p.name for p in files] == ["good.txt"] and not missing
    assert [(Path(s.path).name, s.reason) for s in skipped] == [("loop.txt", "symlink loop; skipped")]


def test_issue14_fifo_is_skipped_never_opened(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    files, skipped, _ = _walk(tmp_path)  # opening the FIFO would block this test forever
    assert files == [] and "FIFO" in skipped[0].reason


def test_issue14_dev_zero_link_is_skipped(tmp_path: Path) -> None:
    os.symlink("/dev/zero", tmp_path / "zero.txt")
    files, skipped, _ = _walk(tmp_path)
    assert files == [] and "character device (through a symlink)" in skipped[0].reason


def test_issue14_undecodable_file_name_is_stored(tmp_path: Path) -> None:
    with open(os.fsencode(tmp_path) + b"/\xff\xfe.txt", "wb") as f:
        f.write(NOTICE.encode())
    summary = run_batch([tmp_path], tmp_path / "p.db", progress=False)
    assert summary.n_ok == 1 and summary.ok
    db = open_db(tmp_path / "p.db")
    [row] = list(db["documents"].rows)
    assert row["source"].endswith("/\\xff\\xfe.txt")
    db.close()


# --------------------------------------------------------------------------- limits


def test_issue14_huge_html_page_is_refused_before_parsing() -> None:
    page = ("<html><body>" + "<p>到2025年能耗下降13.5%。</p>" * 500 + "</body></html>").encode()
    with pytest.raises(LimitExceeded, match=r"^too many HTML elements: 502 > max_nodes 100$"):
        process_bytes(page, "x.html", {"max_nodes": 100})


def test_issue14_huge_one_line_text_is_refused() -> None:
    with pytest.raises(LimitExceeded, match="^document too long: .* > max_document_chars 1000$"):
        process_bytes(("到2025年能耗下降13.5%，" * 200).encode(), "x.txt", {"max_document_chars": 1000})


def test_issue14_docx_of_millions_of_paragraphs_is_refused() -> None:
    with pytest.raises(LimitExceeded, match=r"more than 1000 \(max_nodes\)"):
        process_bytes(docx_million_paragraphs(5000), "x.docx", {"max_nodes": 1000})


def test_issue14_deeply_repeated_inline_tags_are_refused() -> None:
    with pytest.raises(LimitExceeded, match=r"HTML nested too deep: more than 1000 levels"):
        process_bytes(deep_inline_html(2000), "x.html")


def test_issue14_zip_bomb_is_refused_before_inflating() -> None:
    bomb = zip_bomb(total=512 * 1024 * 1024)
    tracemalloc.start()
    try:
        with pytest.raises(LimitExceeded, match="max_decompressed_bytes"):
            process_bytes(bomb, "bomb.docx", {"max_decompressed_bytes": 64 * 1024 * 1024})
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 32 * 1024 * 1024  # nothing was inflated


def test_issue14_settings_limits_are_validated() -> None:
    for bad in ({"max_nodes": 0}, {"max_seconds_per_document": -1}, {"max_replaced_share": 1.5},
                {"max_document_chars": "many"}):
        with pytest.raises(ValueError):
            Settings.resolve(bad)


# --------------------------------------------------------------------------- crashes inside stages


@pytest.mark.parametrize("value", ["x", "999999999", "-4"])
def test_issue14_docx_bad_or_huge_grid_span(value: str) -> None:
    [doc] = process_bytes(docx_grid_span(value), "x.docx")
    assert max(c.colspan for t in doc.tables for c in t.cells) <= 1000


def test_issue14_deeply_nested_json_is_corrupt_not_recursion() -> None:
    with pytest.raises(CorruptFile, match="nested too deeply"):
        process_bytes(deep_json(), "x.json")


# fmt: off
@pytest.mark.parametrize("case,yaml_text", [
    ("binary_title", "e:\ntitle: !!binary bG8=\n1:"),
    ("recursive_alias", "title: &a [*a]"),
    ("invalid_date", "title: 方案\ndate: 2021-13-45"),
    ("huge_integer", "title: " + "9" * 5000),
    ("deep_nesting", "title: " + "[" * 3000 + "]" * 3000),
])
# fmt: on
def test_issue14_front_matter_cannot_crash_or_leak_non_strings(case: str, yaml_text: str) -> None:
    [doc] = process_bytes(front_matter_md(yaml_text), f"{case}.md")
    out = doc.to_dict()
    json.dumps(out, ensure_ascii=False)  # bytes or recursive values would raise here
    assert out["document"]["title"] is None or isinstance(out["document"]["title"], str)


def test_issue14_binary_title_is_stored_as_text(tmp_path: Path) -> None:
    (tmp_path / "x.md").write_bytes(front_matter_md("e:\ntitle: !!binary bG8=\n1:"))
    run_batch([tmp_path], tmp_path / "p.db", progress=False)
    db = open_db(tmp_path / "p.db")
    assert db.execute("SELECT typeof(title) FROM documents").fetchone()[0] in ("text", "null")
    db.close()


def test_issue14_issue_one_liners() -> None:
    process_bytes(b"\x83\xbd<?d>", "x.html")  # AttributeError: the PI node has no tag name
    [doc] = process_bytes("---\ne:\ntitle: !!binary bG8=\n1:\n---\n正文".encode(), "x.md")
    assert isinstance(doc.metadata.title, str | None)


def test_issue14_html_processing_instruction_in_page() -> None:
    [doc] = process_bytes(b"<html><body><?d><p>" + NOTICE.encode() + b"</p></body></html>", "x.html")
    assert "节能减排" in doc.text


@pytest.mark.parametrize("depth", [950, 3000])
def test_issue14_deep_markdown_nesting(depth: int) -> None:
    md = ("> " * depth + "到2025年能耗下降13.5%。\n" + "- " * depth + "节能\n").encode()
    [doc] = process_bytes(md, "x.md")
    html_md = ("---\ntitle: x\n---\n" + "<div>" * depth + "到2025年能耗下降13.5%。" + "</div>" * depth).encode()
    try:
        [doc] = process_bytes(html_md, "y.md")
        assert "能耗下降" in doc.text
    except LimitExceeded:
        assert depth > Settings().max_nesting_depth


def test_issue14_targets_bracket_balancing_index_error() -> None:
    from extract.targets.lists import balanced as _balanced

    assert _balanced("a）b）c") == "c"
    process_bytes("到2025年，甲）乙）新能源汽车比例达到50%以上。\n".encode(), "x.txt")


def test_issue14_zip_version_68_while_sniffing() -> None:
    with pytest.raises(UnsupportedFormat, match="^unsupported zip container: zip file version 6.8"):
        process_bytes(zip_version_68(), "x.docx")


def test_issue14_json_title_not_a_string() -> None:
    data = json.dumps({"title": 123, "content": NOTICE}, ensure_ascii=False).encode()
    [doc] = process_bytes(data, "x.json")
    assert doc.to_dict()["document"]["title"] in ("123", None) or isinstance(doc.metadata.title, str)
    assert doc.front_matter["title"] == "123"


# --------------------------------------------------------------------------- salvage


def test_issue14_utf8_with_one_invalid_byte_is_read_with_a_warning() -> None:
    [doc] = process_bytes(NOTICE.encode() * 3 + b"\xff" + NOTICE.encode(), "x.txt")
    assert doc.encoding == "utf-8" and "1 undecodable bytes replaced with U+FFFD" in doc.warnings


def test_issue14_too_many_invalid_bytes_is_refused() -> None:
    data = NOTICE.encode() * 20 + b"\xff\xfe" * 40
    with pytest.raises(UndecodableFile, match="max_replaced_share"):
        process_bytes(data, "x.txt", {"max_replaced_share": 0.001})


def test_issue14_page_mixing_gb18030_and_utf8_halves() -> None:
    [doc] = process_bytes(mixed_halves(), "x.html")
    assert doc.encoding == "utf-8+gb18030"
    assert "能源消耗" in doc.text and "关于印发" in doc.text
    assert any(w.startswith("mixed encodings") for w in doc.warnings)


def test_issue14_jsonl_keeps_good_records_and_names_bad_lines() -> None:
    lines = [json.dumps({"title": f"通知{i}", "content": f"到202{i}年能耗下降{i}%。"}, ensure_ascii=False)
             for i in range(2)]
    docs = process_bytes("\n".join([lines[0], "{oops", lines[1]]).encode(), "x.jsonl")
    assert [d.source for d in docs] == ["x.jsonl#1", "x.jsonl#2"]
    assert any(w.startswith("JSONL line 2 is not valid JSON") for w in docs[0].warnings)


# --------------------------------------------------------------------------- runs and files


def test_issue14_stale_running_run_is_marked_interrupted(tmp_path: Path) -> None:
    from extract.store.writer import start_run

    db = open_db(tmp_path / "p.db")
    stale = start_run(db, args={}, version="0")  # a run killed with -9 never finishes
    db.close()
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "a.txt").write_text(NOTICE, encoding="utf-8")
    run_batch([tmp_path / "c"], tmp_path / "p.db", progress=False)
    db = open_db(tmp_path / "p.db")
    assert db["runs"].get(stale)["status"] == "interrupted"
    assert [r["status"] for r in db["runs"].rows] == ["interrupted", "completed"]
    db.close()


def test_issue14_encrypted_pdf_has_its_own_reason() -> None:
    with pytest.raises(EncryptedFile, match=r"^encrypted PDF \(password required"):
        process_bytes(pdf_bytes(["到2025年能耗下降13.5%"], encrypt="secret"), "x.pdf")


def test_issue14_n_documents_counts_rows_stored(tmp_path: Path) -> None:
    record = json.dumps({"title": "通知", "content": NOTICE}, ensure_ascii=False)
    other = json.dumps({"title": "通知二", "content": NOTICE + "二"}, ensure_ascii=False)
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "dup.jsonl").write_text("\n".join([record, record, other]), encoding="utf-8")
    summary = run_batch([tmp_path / "c"], tmp_path / "p.db", progress=False)
    db = open_db(tmp_path / "p.db")
    [n] = db.execute("SELECT n_documents FROM files").fetchone()
    assert n == db["documents"].count == summary.n_documents == 2
    db.close()


def _slow_or_fake(data: bytes, source: str, settings=None) -> list[Document]:
    if b"SLOW" in data:
        time.sleep(60)
    if b"BAD" in data:
        raise UndecodableFile("not decodable (test)")
    doc = Document(id=pipeline.sha256(data), source=source, format="txt", text=data.decode())
    return [pipeline.finalize(doc, Settings())]


def test_issue14_time_limit_replaces_the_worker(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(pipeline, "process_bytes", _slow_or_fake)  # forked workers inherit it
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a_slow.txt").write_text("SLOW", encoding="utf-8")
    for i in range(3):
        (corpus / f"b{i}.txt").write_text(f"正文 {i}", encoding="utf-8")
    started = time.monotonic()
    summary = run_batch([corpus], tmp_path / "p.db", progress=False, settings={"max_seconds_per_document": 1})
    assert time.monotonic() - started < 30
    assert summary.n_ok == 3
    assert summary.failures == [(str(corpus / "a_slow.txt"),
                                 "took longer than 1 s (max_seconds_per_document); worker replaced")]


def test_issue14_failed_file_is_not_retried_until_changed(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(pipeline, "process_bytes", _slow_or_fake)
    calls = []
    original = _slow_or_fake

    def counting(data, source, settings=None):
        calls.append(source)
        return original(data, source, settings)

    monkeypatch.setattr(pipeline, "process_bytes", counting)
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "bad.txt").write_text("BAD", encoding="utf-8")
    db_path = tmp_path / "p.db"
    settings = {"max_seconds_per_document": 0}  # in-process, so calls are counted here
    first = run_batch([corpus], db_path, progress=False, settings=settings)
    second = run_batch([corpus], db_path, progress=False, settings=settings)
    assert len(calls) == 1
    assert second.failures == first.failures and second.n_failed == 1
    db = open_db(db_path)
    assert db["failures"].count == 1
    db.close()
    run_batch([corpus], db_path, progress=False, settings=settings, retry_failed=True)
    assert len(calls) == 2
    (corpus / "bad.txt").write_text("BAD, edited", encoding="utf-8")
    run_batch([corpus], db_path, progress=False, settings=settings)
    assert len(calls) == 3


def test_issue14_cli_retry_failed_flag(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "empty.txt").write_bytes(b"")
    db = str(tmp_path / "p.db")
    runner = CliRunner()
    for args in ([], ["--retry-failed"]):
        result = runner.invoke(cli, ["run", str(corpus), "--db", db, "--no-progress", *args])
        assert result.exit_code == 1 and "empty file" in result.output


def test_issue14_only_extract_errors_escape_process_bytes() -> None:
    for data, name in [(b"\x83\xbd<?d>", "x.html"), (deep_json(), "x.json"), (zip_version_68(), "x.docx")]:
        try:
            process_bytes(data, name)
        except ExtractError:
            pass


def test_issue14_extract_command_refuses_a_fifo(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    result = CliRunner().invoke(cli, ["extract", str(tmp_path / "pipe.txt")])
    assert result.exit_code == 1 and "not a regular file: a FIFO" in result.output


def test_issue14_fuzz_site_docx_member_with_a_broken_deflate_stream() -> None:
    """Found by make fuzz (seed 1001957): zlib.error escaped while counting DOCX paragraphs."""
    from .conftest import deflated, raw_zip

    stream, crc, size = deflated(b"<w:p><w:r><w:t>" + "节能".encode() * 5000 + b"</w:t></w:r></w:p>" * 3000)
    broken = stream[:40] + bytes(b ^ 0x5A for b in stream[40:80]) + stream[80:]
    with pytest.raises(CorruptFile, match="^corrupt DOCX"):
        process_bytes(raw_zip([("word/document.xml", broken, crc, size)]), "x.md")


def test_issue14_docx_of_millions_of_runs_is_refused() -> None:
    from .conftest import docx_million_runs

    with pytest.raises(LimitExceeded, match=r"too many DOCX XML elements: more than 10000"):
        process_bytes(docx_million_runs(20_000), "x.docx", {"max_nodes": 1000})


def test_issue14_extract_command_on_a_name_that_is_not_utf8(tmp_path: Path) -> None:
    raw = os.fsencode(tmp_path) + b"/\xff.txt"
    with open(raw, "wb") as f:
        f.write(NOTICE.encode())
    result = CliRunner().invoke(cli, ["extract", os.fsdecode(raw)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["document"]["source"].endswith("/\\xff.txt")


@pytest.mark.parametrize("title,expected", [("[a, b]", "a b"), ("{x: 1}", '{"x": "1"}'), ("true", "true"),
                                            ("2021-05-01", "2021-05-01")])
def test_issue14_fuzz_site_front_matter_title_that_is_a_list(title: str, expected: str) -> None:
    """Found by make fuzz (seed 2011614): ``title: [a, b]`` gave a list as document.title."""
    from extract.ingest.markdown import split_front_matter

    front, _, _ = split_front_matter(f"---\ntitle: {title}\n---\n正文")
    assert front["title"] == expected
    [doc] = process_bytes(front_matter_md(f"title: {title}"), "x.md")
    assert isinstance(doc.to_dict()["document"]["title"], str | None)
