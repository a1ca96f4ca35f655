"""Warm-up: heavy resources are loaded once, in the parent, before a pool forks."""

from __future__ import annotations

from pathlib import Path

from extract import batch, pipeline, warmup
from extract.model import Document


def test_warmup_loads_every_lazy_resource() -> None:
    """What the pipeline uses: the recognizer (spaCy), the segmenter's dictionary, OpenCC and,
    for PDFs, the dictionary that line joins look words up in. (The spaCy Doc pipeline,
    ``get_nlp``, is no stage's: it was asserted here and passed only after another test built it.)"""
    from extract.departments.recognizer import get_recognizer
    from extract.language.nlp.segmenter import _rjieba
    from extract.normalize import words
    from extract.normalize.script import converter

    warmup.warm_up(pdf=True)
    assert get_recognizer.cache_info().currsize == 1
    assert _rjieba.cache_info().currsize == 1
    assert words._jieba.cache_info().currsize == 1
    misses = converter.cache_info().misses
    converter("t2s")
    assert converter.cache_info().misses == misses  # already built


def test_warmup_text_reaches_every_extractor() -> None:
    [doc] = pipeline.process_bytes(warmup.WARMUP_TEXT.encode("utf-8"), "w.txt")
    assert doc.targets and doc.deadlines and doc.responsibilities and doc.metadata.issuers


def _count_warmups(monkeypatch) -> list[int]:
    calls: list[int] = []
    monkeypatch.setattr(warmup, "warm_up", lambda settings=None, pdf=False: calls.append(int(pdf)) or 0.0)

    def fake(data: bytes, source: str, settings=None) -> list[Document]:
        return []

    monkeypatch.setattr(pipeline, "process_bytes", fake)
    return calls


def test_warmup_runs_once_in_the_parent_of_a_pool(tmp_path: Path, monkeypatch) -> None:
    calls = _count_warmups(monkeypatch)
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(f"第{i}号", encoding="utf-8")
    summary = batch.run_batch([tmp_path], tmp_path / "p.db", workers=2, progress=False)
    assert summary.n_ok == 3
    assert calls == [0]  # once, and no PDF readers for a text-only run


def test_no_warmup_without_a_pool(tmp_path: Path, monkeypatch) -> None:
    """One worker and no time limit run in this process: nothing forks, nothing to warm."""
    calls = _count_warmups(monkeypatch)
    (tmp_path / "a.txt").write_text("第1号", encoding="utf-8")
    batch.run_batch([tmp_path / "a.txt"], tmp_path / "p.db", workers=1, progress=False,
                    settings={"max_seconds_per_document": 0})
    assert calls == []


def test_warmup_before_the_time_limited_worker_of_a_single_worker_run(tmp_path: Path, monkeypatch) -> None:
    """A time limit runs even one worker in a forked child (extract.workers): warm it first."""
    calls = _count_warmups(monkeypatch)
    (tmp_path / "a.txt").write_text("第1号", encoding="utf-8")
    batch.run_batch([tmp_path / "a.txt"], tmp_path / "p.db", workers=1, progress=False,
                    settings={"max_seconds_per_document": 30})
    assert calls == [0]


def test_warm_up_freezes_what_it_loaded() -> None:
    """The loaded models are moved to the collector's permanent generation (gc.freeze), so
    collections during extraction do not walk them and forked workers share their pages."""
    import gc

    gc.unfreeze()
    try:
        warmup.warm_up()
        assert gc.get_freeze_count() > 10_000
    finally:
        gc.unfreeze()
