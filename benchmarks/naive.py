"""The naive reference pipeline: ``python -m benchmarks.naive PATH... --db DB``.

What a researcher would write in an afternoon, and what ``policy-extract run`` is
measured against (``make bench``): every file under PATH is decoded, converted to
simplified with OpenCC ``t2s``, and EVERY character goes through spaCy's blank ``zh``
pipeline with the jieba segmenter; sentences holding a number-like token are "candidate
targets" and go into SQLite (one transaction per file).  It extracts nothing a user
could trust; it only sets the floor a real pipeline must beat on speed.

Text files only (txt, md, htm, html): the naive script has no PDF or DOCX reader.
"""

from __future__ import annotations

import argparse
import os
import re
import sqlite3
import sys
import tempfile
from pathlib import Path

SUFFIXES = {".txt", ".md", ".htm", ".html"}
# Sentences end at these (a line break too): what a naive script would split on.
SENTENCE = re.compile(r"[^。！？；\n]+[。！？；]?")
# Sentences longer than this are cut (spaCy's jieba segmenter copes, but keeps rows small).
MAX_SENTENCE_CHARS = 2000


def files_under(paths: list[Path]) -> list[Path]:
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES))
        elif p.is_file():
            out.append(p)
    return out


def decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.naive", description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--db", type=Path, required=True, help="SQLite database to (re)create")
    args = parser.parse_args(argv)

    import jieba
    import opencc
    import spacy

    jieba.setLogLevel(60)
    jieba.dt.tmp_dir = os.path.join(tempfile.gettempdir(), f"policy-extract-naive-{os.getuid()}")
    os.makedirs(jieba.dt.tmp_dir, exist_ok=True)
    t2s = opencc.OpenCC("t2s")
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})

    args.db.unlink(missing_ok=True)
    db = sqlite3.connect(args.db)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("CREATE TABLE documents (id INTEGER PRIMARY KEY, path TEXT, text TEXT)")
    db.execute("CREATE TABLE candidates (doc_id INTEGER, start INTEGER, sentence TEXT, numbers TEXT)")
    n_docs = n_rows = 0
    for path in files_under(args.paths):
        text = t2s.convert(decode(path.read_bytes()))
        sentences = [(m.start(), m.group()[:MAX_SENTENCE_CHARS]) for m in SENTENCE.finditer(text)
                     if m.group().strip()]
        rows = []
        for (start, sentence), doc in zip(sentences, nlp.pipe(s for _, s in sentences)):
            numbers = [t.text for t in doc if t.like_num or any(c.isdigit() for c in t.text)]
            if numbers:
                rows.append((start, sentence, " ".join(numbers)))
        with db:
            doc_id = db.execute("INSERT INTO documents (path, text) VALUES (?, ?)", [str(path), text]).lastrowid
            db.executemany("INSERT INTO candidates VALUES (?, ?, ?, ?)", [(doc_id, *r) for r in rows])
        n_docs += 1
        n_rows += len(rows)
    db.close()
    print(f"naive: {n_docs} documents, {n_rows} candidate sentences", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
