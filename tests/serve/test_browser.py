"""``policy-extract serve`` in a real browser: headless Chromium screenshots and the rendered DOM.

Skipped when no Chromium is installed (a developer's machine); CI installs Debian's
``chromium`` and a CJK font in ``.ci/run``.  Set ``POLICY_EXTRACT_SCREENSHOTS=DIR`` to keep
the screenshots for a person to look at.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("datasette")

CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no chromium installed (CI installs it in .ci/run)")

# Seconds to wait for the server to answer, and for one browser run.
SERVER_START_TIMEOUT = 60
BROWSER_TIMEOUT = 120
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
# A screenshot of a rendered page is well above this; a blank or failed one is far below.
MIN_SCREENSHOT_BYTES = 20_000


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``policy-extract serve`` on a free port of 127.0.0.1, as a user starts it."""
    port = free_port()
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    with log.open("w") as out:
        proc = subprocess.Popen([sys.executable, "-m", "extract", "serve", "--db", str(demo_db), "-p", str(port)],
                                stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        while True:
            try:
                with urllib.request.urlopen(base + "/-/versions.json", timeout=2):
                    break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"serve did not start: {log.read_text()}")
                time.sleep(0.3)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    profile = tmp_path / "chromium-profile"
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--disable-dev-shm-usage", f"--user-data-dir={profile}", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=BROWSER_TIMEOUT, check=False)


def screenshot(tmp_path: Path, url: str, name: str, size: str = "1280,1400") -> Path:
    path = tmp_path / name
    result = chromium(tmp_path, f"--screenshot={path}", f"--window-size={size}", url)
    assert path.exists(), result.stderr[-2000:]
    keep = os.environ.get("POLICY_EXTRACT_SCREENSHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(keep) / name)
    return path


def dump_dom(tmp_path: Path, url: str) -> str:
    result = chromium(tmp_path, "--dump-dom", url)
    assert result.returncode == 0 and "<html" in result.stdout, result.stderr[-2000:]
    return result.stdout


def api_rows(base: str, path: str) -> list[dict]:
    with urllib.request.urlopen(base + path + "&_shape=array", timeout=30) as r:
        return json.loads(r.read())


def test_browser_home_page(server: str, tmp_path: Path) -> None:
    shot = screenshot(tmp_path, server + "/", "home.png")
    data = shot.read_bytes()
    assert data.startswith(PNG_MAGIC) and len(data) > MIN_SCREENSHOT_BYTES
    dom = dump_dom(tmp_path, server + "/")
    assert "政策文件结构化记录 · Policy documents, extracted" in dom and ">policy</a>" in dom
    screenshot(tmp_path, server + "/policy", "database.png")
    dom = dump_dom(tmp_path, server + "/policy")
    titles = ["谁负责什么 · Who owns what", "按指标和地区查目标 · Targets by indicator and region",
              "某时段内到期的期限 · Deadlines due in a date range", "分值对不上的计分表 · Rubrics that do not add up",
              "最近一次运行的失败 · Failures of the last run", "原文核对 · A record's evidence in its text",
              "全文检索（含一两个字的词） · Full-text search, also 1-2 character terms"]
    # the canned queries are listed (Datasette 1.0 shows five and a link to all seven)
    assert sum(t in dom for t in titles) >= 5, dom[-3000:]


def test_browser_who_owns_what_shows_the_expected_rows(server: str, tmp_path: Path) -> None:
    query = "/policy/who_owns_what?" + urllib.parse.urlencode(
        {"department": "发改委", "indicator": "", "due_before": "2026"})
    shot = screenshot(tmp_path, server + query, "who_owns_what.png", size="1600,1400")
    assert shot.read_bytes().startswith(PNG_MAGIC) and shot.stat().st_size > MIN_SCREENSHOT_BYTES
    expected = api_rows(server, query.replace("/who_owns_what?", "/who_owns_what.json?"))
    assert expected, "the demo database has rows for 发改委 due before 2026"
    dom = dump_dom(tmp_path, server + query)
    assert f"{len(expected)} row" in dom
    for row in expected:
        assert row["canonical_department"] in dom and row["item"] in dom
    assert dom.count("record_in_context?id=") == len(expected)  # every row's evidence links to its text
    assert "/policy/documents/" in dom  # and its document to the document's page


def test_browser_evidence_in_context(server: str, tmp_path: Path) -> None:
    [row] = api_rows(server, "/policy/targets.json?_size=1&indicator=" + urllib.parse.quote("单位地区生产总值能源消耗"))
    url = server + "/policy/record_in_context?" + urllib.parse.urlencode({"id": row["id"]})
    screenshot(tmp_path, url, "record_in_context.png")
    dom = dump_dom(tmp_path, url)
    assert f"<mark>{row['evidence']}</mark>" in dom


def test_browser_document_records_in_context(server: str, tmp_path: Path) -> None:
    [doc] = api_rows(server, "/policy/documents.json?_size=1&_col=title&format=md")
    url = server + "/policy/document_records?" + urllib.parse.urlencode({"doc_id": doc["id"]})
    screenshot(tmp_path, url, "document_records.png")
    expected = api_rows(server, "/policy/document_records.json?" + urllib.parse.urlencode({"doc_id": doc["id"]}))
    dom = dump_dom(tmp_path, url)
    assert dom.count("<mark>") == len(expected) > 0
