"""Canonical department rows, alias matching and the owners query / views."""

from __future__ import annotations

import pytest

from extract.model import Deadline, DepartmentRef, Document, Metadata, Responsibility, Target
from extract.store import open_db
from extract.store.queries import format_owners, owners
from extract.store.writer import write_document


def _doc(doc_id: str, issuers: list[str], owners_: list[tuple[str, str]], indicator: str = "单位GDP能耗",
         deadline: str | None = "2025", task_only: list[tuple[str, str]] = ()) -> Document:
    text = "到2025年，单位GDP能耗下降13.5%。（发改委牵头）"
    doc = Document(id=doc_id, source=f"{doc_id}.txt", format="txt", text=text, metadata=Metadata(title=doc_id, issuers=issuers))
    t = Target(indicator=indicator, value=13.5, unit="%", direction="decrease", evidence=text[6:20], span=(6, 20),
               deadline=deadline, id=f"t-{doc_id}", departments=[DepartmentRef(name=n, role=r) for n, r in owners_])
    doc.targets.append(t)
    for i, (n, r) in enumerate(owners_):
        doc.responsibilities.append(Responsibility(department=n, role=r, task="节能", evidence=text[:5], span=(0, 5),
                                                   target_ids=[t.id], id=f"r-{doc_id}-{i}"))
    for i, (n, r) in enumerate(task_only):
        d = Deadline(task="报送方案", evidence=text[:5], span=(0, 5), due="2024-06", id=f"d-{doc_id}-{i}", responsible=[n])
        doc.deadlines.append(d)
        doc.responsibilities.append(Responsibility(department=n, role=r, task="报送实施方案", evidence=text[:5],
                                                   span=(0, 5), deadline_ids=[d.id], id=f"rt-{doc_id}-{i}"))
    return doc


@pytest.fixture()
def db():
    database = open_db(":memory:")
    write_document(database, _doc("a", ["内蒙古自治区人民政府"], [("自治区发改委", "lead"), ("自治区财政厅", "support")]))
    write_document(database, _doc("b", ["内蒙古自治区人民政府"], [("自治区发展和改革委员会", "lead")], indicator="煤炭消费比重"))
    write_document(database, _doc("c", ["山西省人民政府"], [("省发展改革委", "lead")], deadline="2030"))
    write_document(database, _doc("d", ["高平市能源局"], [("市发展改革委", "support")], deadline=None,
                                  task_only=[("市直各单位", "implement")]))
    yield database
    database.close()


def _departments(db) -> dict[str, list[str]]:
    import json

    return {name: json.loads(aliases) for name, aliases in db.execute("SELECT name, aliases FROM departments")}


def test_aliases_of_one_region_are_one_row(db) -> None:
    deps = _departments(db)
    # the row's name is the records' `canonical`: the full name with its region resolved
    assert deps["内蒙古自治区发展和改革委员会"] == ["内蒙古自治区发展和改革委员会", "自治区发改委", "自治区发展和改革委员会"]
    # 省 and 市 bodies of the same name are different rows
    assert "山西省发展和改革委员会" in deps and "高平市发展和改革委员会" in deps


@pytest.mark.parametrize("query", ["江西省发展改革委", "江西省发展和改革委员会", "省发展改革委", "发改委"])
def test_region_from_the_title_when_no_issuer_is_named(query: str) -> None:
    database = open_db(":memory:")
    doc = _doc("j", [], [("省发展改革委", "lead")])
    doc.metadata.title = "江西省碳达峰实施方案"
    write_document(database, doc)
    assert "江西省发展和改革委员会" in _departments(database)
    assert {r["canonical_department"] for r in owners(database, department=query)} == {"江西省发展和改革委员会"}


def test_relative_names_without_a_known_region_stay_per_document() -> None:
    database = open_db(":memory:")
    write_document(database, _doc("x", [], [("市能源局", "lead")]))
    write_document(database, _doc("y", [], [("市能源局", "lead")]))
    assert database.execute("SELECT count(*) FROM departments WHERE name = '市能源局'").fetchone()[0] == 2


def test_rewriting_a_document_keeps_one_mention_per_name(db) -> None:
    write_document(db, _doc("a", ["内蒙古自治区人民政府"], [("自治区发改委", "lead"), ("自治区财政厅", "support")]))
    assert db.execute("SELECT count(*) FROM department_mentions WHERE doc_id = 'a'").fetchone()[0] == 2


@pytest.mark.parametrize(
    ("query", "documents"),
    [
        ("发改委", {"a", "b", "c", "d"}),
        ("自治区发展改革委", {"a", "b"}),
        ("自治区发改委", {"a", "b"}),
        ("省发改委", {"c"}),
        ("财政厅", {"a"}),
        ("生态环境厅", set()),
    ],
)
def test_owners_by_department_through_aliases(db, query: str, documents: set[str]) -> None:
    assert {r["document"] for r in owners(db, department=query)} == documents


def test_owners_filters_and_tasks(db) -> None:
    assert {r["document"] for r in owners(db, indicator="煤炭")} == {"b"}
    assert {r["document"] for r in owners(db, due_before=2026)} == {"a", "b", "d"}  # d: the task due 2024-06
    task = [r for r in owners(db, department="市直各单位")]
    assert [(r["kind"], r["item"], r["deadline"], r["due_year"]) for r in task] == [("task", "报送实施方案", "2024-06", 2024)]


def test_views_answer_the_same_question_in_sql(db) -> None:
    rows = db.execute(
        "SELECT DISTINCT doc_id FROM owners_by_department_view WHERE canonical_department = '内蒙古自治区发展和改革委员会'"
    ).fetchall()
    assert sorted(r[0] for r in rows) == ["a", "b"]


def test_format_owners_csv_and_json(db) -> None:
    rows = owners(db, department="省发改委")
    header, line = format_owners(rows, "csv").splitlines()
    assert header.startswith("department,canonical_department,role,kind,item,direction,scope,value,")
    assert line.startswith("省发展改革委,山西省发展和改革委员会,lead,target,单位GDP能耗,decrease,,13.5,,%,,2030,,2030,c,")
    assert '"canonical_department": "山西省发展和改革委员会"' in format_owners(rows, "json")


def test_two_spellings_in_one_document_are_one_row_with_both_aliases() -> None:
    database = open_db(":memory:")
    write_document(database, _doc("s", ["内蒙古自治区人民政府"],
                                  [("自治区发改委", "lead"), ("自治区财政厅", "support"), ("自治区发展和改革委员会", "lead")]))
    deps = _departments(database)
    assert deps["内蒙古自治区发展和改革委员会"] == ["内蒙古自治区发展和改革委员会", "自治区发改委", "自治区发展和改革委员会"]
    assert deps["内蒙古自治区财政厅"] == ["内蒙古自治区财政厅", "自治区财政厅"]
    mentions = dict(database.execute("SELECT name, department_id FROM department_mentions WHERE doc_id = 's'"))
    assert mentions["自治区发改委"] == mentions["自治区发展和改革委员会"] != mentions["自治区财政厅"]
    aliases = {a for (a,) in database.execute(
        "SELECT alias FROM department_aliases WHERE department_id = ?", [mentions["自治区发改委"]])}
    assert aliases == {"内蒙古自治区发展和改革委员会", "自治区发改委", "自治区发展和改革委员会"}


def test_owners_views_exist_before_any_document_is_written() -> None:
    database = open_db(":memory:")
    names = {r[0] for r in database.execute("SELECT name FROM sqlite_master WHERE type = 'view'")}
    assert {"owners_view", "owners_by_department_view"} <= names
    assert database.execute("SELECT count(*) FROM owners_by_department_view").fetchone()[0] == 0


@pytest.mark.parametrize(("query", "expected"), [
    ("能耗", {"能耗", "能源消耗", "能源消费量"}),
    ("单位GDP能耗", {"单位GDP能耗", "单位地区生产总值能源消耗", "万元GDP能耗"}),
    ("水耗", {"水耗", "用水量"}),
    ("氨氮", {"氨氮"}),  # not in the table: itself only
])
def test_indicator_variants_through_the_synonym_table(query: str, expected: set[str]) -> None:
    from extract.store.queries import indicator_variants

    assert expected <= indicator_variants(query)
    if len(expected) == 1:
        assert indicator_variants(query) == expected


@pytest.mark.parametrize(("period", "year"), [("十四五", 2025), ("十三五", 2020), ("2021-2025", 2025), ("未知", None)])
def test_period_end_sql(period: str, year: int | None) -> None:
    from extract.store.queries import period_end_sql

    database = open_db(":memory:")
    sql = f"SELECT {period_end_sql('?')}"  # the column appears three times in the expression
    assert database.execute(sql, [period] * sql.count("?")).fetchone()[0] == year


def test_aliases_rows_stay_unique_when_documents_repeat_them() -> None:
    """Migration 011 dropped the (alias, department_id) key: the writer adds only new aliases."""
    database = open_db(":memory:")
    for doc_id in ("p", "q", "p"):  # two documents, then the first written again
        write_document(database, _doc(doc_id, ["内蒙古自治区人民政府"],
                                      [("自治区发改委", "lead"), ("自治区发展和改革委员会", "support")]))
    rows = database.execute("SELECT alias, department_id FROM department_aliases").fetchall()
    assert len(rows) == len(set(rows)) == 3
    plan = " ".join(str(r[-1]) for r in database.execute(
        "EXPLAIN QUERY PLAN SELECT department_id FROM department_aliases WHERE alias = '发改委'"))
    assert "department_aliases_alias" in plan


def test_a_per_document_department_id_starts_with_its_document_id() -> None:
    database = open_db(":memory:")
    write_document(database, _doc("d0c1d2e3f4", [], [("市能源局", "lead")]))
    (dep_id,) = database.execute("SELECT id FROM departments WHERE name = '市能源局'").fetchone()
    assert dep_id.startswith("d0c1d2e3")


def test_a_department_no_stored_document_names_is_deleted_with_its_aliases() -> None:
    database = open_db(":memory:")
    write_document(database, _doc("a", ["内蒙古自治区人民政府"], [("自治区发改委", "lead"), ("市能源局", "support")]))
    write_document(database, _doc("b", ["内蒙古自治区人民政府"], [("自治区发改委", "lead")]))
    # "a" re-extracted: its rules no longer read 市能源局, and 自治区发改委 is still named by "b"
    write_document(database, _doc("a", ["内蒙古自治区人民政府"], [("自治区发改委", "lead")]))
    assert set(_departments(database)) == {"内蒙古自治区发展和改革委员会"}
    assert {a for (a,) in database.execute("SELECT alias FROM department_aliases")} == {
        "内蒙古自治区发展和改革委员会", "自治区发改委"}
    write_document(database, _doc("a", ["内蒙古自治区人民政府"], [("市能源局", "lead")]))
    write_document(database, _doc("a", ["内蒙古自治区人民政府"], [("市能源局", "lead")]))
    assert database.execute("SELECT count(*) FROM departments WHERE name = '市能源局'").fetchone()[0] == 1
    assert database.execute("SELECT count(*) FROM department_aliases WHERE alias = '市能源局'").fetchone()[0] == 1
