"""Load the heavy resources once per process, before a process pool forks.

spaCy (imported by the department recognizer), the segmenter's dictionary (rjieba) and
OpenCC are loaded lazily, on first use.  A batch of one worker pays that
once; a pool of N workers would pay it N + 1 times (the parent too, when it processed
anything) — 1.5 s of CPU each.  :func:`warm_up` loads everything in the parent by running
the pipeline on a small built-in notice, so that forked workers inherit the loaded
objects (copy-on-write) instead of loading them again.

Nothing here runs at import time (STYLE 13): the batch runner calls :func:`warm_up` only
when it is about to start a pool.
"""

from __future__ import annotations

import logging
import time

from .settings import Settings

LOGGER = logging.getLogger(__name__)

# A short notice touching every lazily-built resource: a traditional line (OpenCC), a
# masthead and recipients (metadata, the department recognizer), a target with a
# quantity (the segmenter, for word boundaries), a deadline, a 牵头 clause (responsibilities)
# and a small scoring table.
WARMUP_TEXT = """关于印发节能降碳工作方案的通知
各区县人民政府，市政府各部门：
現將《節能降碳工作方案》印發給你們，請認真貫徹執行。
一、主要目标
到2025年，全市单位地区生产总值能耗比2020年下降13.5%以上。（市发展改革委牵头，市工业和信息化局配合）
二、保障措施
各区县每年12月底前报送工作进展情况。以下均需各区县人民政府负责落实，不再列出。
考核计分表
序号\t考核内容\t分值\t评分标准
1\t能耗强度\t10\t完成目标得10分，未完成不得分
某某市发展和改革委员会
2023年5月6日
"""


def warm_up(settings: Settings | None = None, *, pdf: bool = False) -> float:
    """Load spaCy, the segmenter, OpenCC and the rule tables in this process; returns seconds taken.

    Args:
        settings: the run's settings (the OpenCC config they name is the one loaded).
        pdf: also import the PDF readers (only worth it when the run has PDFs).
    """
    from .pipeline import process_bytes

    started = time.perf_counter()
    settings = Settings.resolve(settings)
    try:
        process_bytes(WARMUP_TEXT.encode("utf-8"), "<warm-up>.txt", settings)
        _load_opencc(settings)
        if pdf:
            import pdfplumber  # noqa: F401
            import pypdfium2  # noqa: F401

            from .normalize.words import load_dictionary

            load_dictionary()  # line joins of PDF text look words up
    except Exception:  # noqa: BLE001 - only an optimization: the workers then load lazily
        LOGGER.warning("warm-up failed; workers will load resources themselves", exc_info=True)
    _freeze_loaded_objects()
    seconds = time.perf_counter() - started
    LOGGER.debug("warm-up: %.2f s", seconds)
    return seconds


def _load_opencc(settings: Settings) -> None:
    """The run's OpenCC converter and the ``t2s`` one detection uses."""
    from .normalize.script import converter

    converter("t2s")
    converter(settings.opencc_config)


def _freeze_loaded_objects() -> None:
    """Move everything loaded so far out of the garbage collector's reach (``gc.freeze``).

    The models and rule tables live as long as the process, yet every full collection walked
    them all again: 7% of the CPU of a 3 MB document, 1.1 s of 14 s at 10 MB.  Frozen before
    the pool forks, they are also never touched by a worker's collector, so the pages that
    hold them stay shared between the workers instead of being copied into each.
    """
    import gc

    gc.collect()
    gc.freeze()
