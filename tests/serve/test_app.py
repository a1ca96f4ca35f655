"""``policy-extract serve`` through Datasette's test client: canned queries, facets, search, links."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("datasette")

from extract.serve import build_configuration, make_datasette  # noqa: E402
from extract.store.readonly import DatabaseOpenError, open_readonly  # noqa: E402


@pytest.fixture(scope="module")
def ds(demo_db: Path) -> Any:
    return make_datasette(demo_db)


def get(ds: Any, path: str) -> Any:
    response = asyncio.run(ds.client.get(path))
    assert response.status_code == 200, (path, response.text[:500])
    return response


def rows(ds: Any, path: str) -> list[dict[str, Any]]:
    return get(ds, path + ("&" if "?" in path else "?") + "_shape=array").json()


def facet(ds: Any, path: str, column: str) -> dict[str, int]:
    """{value: count} of one facet (Datasette 0.65 and 1.0 nest facet_results differently)."""
    results = get(ds, path + "&_extra=facet_results").json()["facet_results"]  # 1.0 needs _extra
    results = results.get("results", results)
    return {r["value"]: r["count"] for r in results[column]["results"]}


def test_serve_who_owns_what_finds_a_department_through_its_alias(ds) -> None:
    found = rows(ds, "/policy/who_owns_what.json?department=发改委&indicator=&due_before=")
    assert found and {r["canonical_department"] for r in found} == {"内蒙古自治区发展和改革委员会"}
    assert {"department", "role", "item", "direction", "scope", "value", "unit", "evidence"} <= set(found[0])


def test_serve_who_owns_what_by_indicator_synonym_and_year(ds) -> None:
    found = rows(ds, "/policy/who_owns_what.json?department=&indicator=能耗&due_before=2026")
    items = {r["item"] for r in found}
    assert "单位地区生产总值能源消耗" in items  # through the synonym 能耗 = 能源消耗
    assert "规模以上工业单位增加值能耗" in items  # period 十四五 only: due 2025
    assert all(r["due_year"] < 2026 for r in found)
    unowned = [r for r in found if r["department"] is None]
    assert unowned, "targets that name no department are listed with an empty owner"


def test_serve_facet_counts_directions(ds, demo_db: Path) -> None:
    counts = facet(ds, "/policy/targets.json?_facet=direction&_size=0", "direction")
    db = open_readonly(demo_db)
    expected = dict(db.execute("SELECT direction, count(*) FROM targets GROUP BY direction").fetchall())
    db.close()
    assert counts == expected


def test_serve_configured_facets_on_owners_view(ds) -> None:
    counts = facet(ds, "/policy/owners_by_department_view.json?_size=0", "canonical_department")
    assert counts["内蒙古自治区发展和改革委员会"] > 0


@pytest.mark.parametrize(("query", "titles"), [
    ("节能减排", {"关于进一步加强节能减排目标管理的通知", "内蒙古自治区“十四五”节能减排综合工作实施方案"}),
    ("节能减排 碳达峰", {"内蒙古自治区“十四五”节能减排综合工作实施方案"}),
])
def test_serve_chinese_full_text_search(ds, query: str, titles: set[str]) -> None:
    found = {r["title"] for r in rows(ds, f"/policy/documents.json?_search={query}&_col=title")}
    assert titles <= found
    if " " in query:
        assert found == titles


def test_serve_short_term_search_query(ds) -> None:
    found = rows(ds, "/policy/search_short_terms.json?term=碳")
    assert len(found) >= 3 and all("碳" in r["snippet"] for r in found)
    assert all("\n" not in r["snippet"] for r in found)


@pytest.mark.parametrize(("query", "minimum"), [
    ("targets_by_indicator_and_region.json?indicator=排放&region=内蒙古", 4),
    ("deadlines_due_between.json?due_from=2020&due_to=2025", 1),
    ("rubrics_that_do_not_add_up.json", 1),
])
def test_serve_canned_queries_answer(ds, query: str, minimum: int) -> None:
    assert len(rows(ds, "/policy/" + query)) >= minimum


def test_serve_failures_of_last_run_is_empty_for_the_seeds(ds) -> None:
    assert rows(ds, "/policy/failures_of_last_run.json") == []


def test_serve_evidence_links_to_its_text_in_context(ds) -> None:
    page = get(ds, "/policy/targets").text
    links = re.findall(r'href="(/policy/record_in_context\?id=[^"]+)"', page)
    assert links
    context = get(ds, links[0].replace("&amp;", "&")).text
    [marked] = re.findall(r"<mark>(.*?)</mark>", context)
    assert marked and "documents/" in context  # the evidence, highlighted, and a link to its document


def test_serve_document_row_page_lists_its_records(ds, demo_db: Path) -> None:
    db = open_readonly(demo_db)
    doc_id = db.execute("SELECT doc_id FROM targets LIMIT 1").fetchone()[0]
    db.close()
    page = get(ds, f"/policy/documents/{doc_id}").text
    assert "targets" in page and "doc_id" in page


def test_serve_every_table_view_and_column_is_described(demo_db: Path) -> None:
    db = open_readonly(demo_db)
    names = [n for n in db.table_names() + db.view_names() if not n.startswith(("documents_fts", "sqlite_"))]
    columns = {n: [r[1] for r in db.execute(f"PRAGMA table_info([{n}])")] for n in names}
    db.close()
    metadata, config = build_configuration("policy", columns)
    tables = metadata["databases"]["policy"]["tables"]
    for name, cols in columns.items():
        entry = tables[name]
        assert " · " in entry["title"] and entry["description"] != name, name
        undescribed = [c for c in cols if entry["columns"][c] == c]
        assert not undescribed, (name, undescribed)
    assert set(config["databases"]["policy"]["queries"]) >= {
        "who_owns_what", "targets_by_indicator_and_region", "deadlines_due_between",
        "rubrics_that_do_not_add_up", "failures_of_last_run", "search_short_terms", "record_in_context",
        "document_records"}


def test_serve_refuses_a_file_that_is_not_ours(tmp_path: Path) -> None:
    path = tmp_path / "policy.db"
    path.write_bytes(b"not a database at all")
    with pytest.raises(DatabaseOpenError, match="not an SQLite database"):
        make_datasette(path)


def test_serve_documents_facet_by_format_and_issuer(ds) -> None:
    assert facet(ds, "/policy/documents.json?_size=0", "format") == {"txt": 4, "md": 1}
    results = get(ds, "/policy/documents.json?_size=0&_extra=facet_results").json()["facet_results"]
    results = results.get("results", results)
    issuers = {r["value"]: r["count"] for r in results["issuers"]["results"]}
    assert issuers["内蒙古自治区人民政府"] == 1


def test_serve_document_page_links_to_its_records_in_context(ds, demo_db: Path) -> None:
    db = open_readonly(demo_db)
    doc_id, n = db.execute("SELECT doc_id, count(*) FROM targets GROUP BY doc_id ORDER BY 2 DESC LIMIT 1").fetchone()
    n_all = n + sum(db.execute(f"SELECT count(*) FROM {t} WHERE doc_id = ?", [doc_id]).fetchone()[0]
                    for t in ("deadlines", "responsibilities"))
    db.close()
    page = get(ds, f"/policy/documents/{doc_id}").text
    [link] = re.findall(r'href="(/policy/document_records\?doc_id=[^"]+)"', page)
    records = get(ds, link.replace("&amp;", "&")).text
    assert len(re.findall(r"<mark>", records)) == n_all
    assert len(rows(ds, f"/policy/document_records.json?doc_id={doc_id}")) == n_all
