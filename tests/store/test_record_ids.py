"""Record ids are unique within a document, so the store keeps every record.

Regression (session 7): one plan-review clause with two dates ("2023年、2025年年底，分别…中期评估和
总结评估") gives two deadlines with one span and one task; their ids were equal, so the JSON
carried a duplicate id and the store kept one row (14 deadlines in 10 bulk PDFs)."""

from __future__ import annotations

from pathlib import Path

from extract.pipeline import process_bytes
from extract.settings import Settings
from extract.store import FileInfo, open_db, write_file_documents

TEXT = "某市生态环境保护规划\n（三）加强调度评估。\n2023年、2025年年底，分别对规划执行情况进行中期评估和总结评估。\n"


def test_deadlines_of_one_clause_keep_their_own_ids_and_rows(tmp_path: Path) -> None:
    [doc] = process_bytes(TEXT.encode(), "plan.txt", Settings.resolve({}))
    dues = [d.due for d in doc.deadlines]
    assert dues == ["2023-12", "2025-12"]
    assert len({d.id for d in doc.deadlines}) == len(doc.deadlines)
    db = open_db(tmp_path / "p.db")
    info = FileInfo(path=str(tmp_path / "plan.txt"), sha256=doc.id, size=len(TEXT.encode()), mtime=0.0)
    write_file_documents(db, info, [doc], None)
    assert sorted(due for (due,) in db.execute("SELECT due FROM deadlines").fetchall()) == dues
