"""PDF pages per second: ``python -m benchmarks.pdf_speed [PDF...] [--repeat N] [--check]``.

Four readers over the same PDFs (default: the text PDFs r01-r04 of ../shared/corpora/real),
taken in turn in each of ``--repeat`` passes; the medians of CPU seconds (this process) and wall
seconds are reported, pages/s from the CPU median (the machine is shared and noisy):

* ``ingest``: the pipeline's reader (:func:`extract.ingest.pdf.read_pdf`): pypdfium2 for pages
  that can hold no ruled table and hold only plain text (:mod:`extract.ingest.pdf_fast`),
  pdfplumber for the others, then furniture stripping;
* ``ingest, pdfplumber only``: the same reader with the fast path off (``fast=False``);
* ``pdfplumber``: bare ``page.extract_text()`` per page;
* ``pypdfium2``: bare ``PdfDocument(...)[i].get_textpage().get_text_range()`` per page.

pdfplumber is opened only for a PDF with a page it must read (or one pdfium had to repair or
decrypt): the first lines say how many pages and PDFs that is.

``--check`` also reads every page both ways and reports the pages whose lines differ (none is
expected), with the reason each page that pdfplumber reads was not taken by pdfium.
"""

from __future__ import annotations

import argparse
import io
import logging
import statistics
import time
from collections import Counter
from pathlib import Path

from .bench import ROOT

REAL = ROOT.parent / "shared" / "corpora" / "real"


def _ingest(data: bytes) -> int:
    from extract.ingest.pdf import read_pdf
    from extract.settings import Settings

    return len(read_pdf(data, Settings()).page_starts)


def _ingest_pdfplumber(data: bytes) -> int:
    from extract.ingest.pdf import read_pdf
    from extract.settings import Settings

    return len(read_pdf(data, Settings(), fast=False).page_starts)


def _pdfplumber(data: bytes) -> int:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()
        return len(pdf.pages)


def _pdfium(data: bytes) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    for i in range(len(pdf)):
        pdf[i].get_textpage().get_text_range()
    return len(pdf)


READERS = {"ingest": _ingest, "ingest, pdfplumber only": _ingest_pdfplumber, "pdfplumber": _pdfplumber,
           "pypdfium2": _pdfium}


class _Reasons(logging.Handler):
    """Counts why pages were left to pdfplumber (the fast path logs one debug line per page)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.counts: Counter[str] = Counter()

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if message.endswith("pdfplumber reads it"):
            self.counts[message.split(": ", 1)[1].rsplit(":", 1)[0]] += 1


def fast_pages(blobs: list[bytes]) -> tuple[int, int, Counter[str], int]:
    """(pages pdfium takes, pages, reasons for the others, PDFs read without opening pdfplumber)."""
    from extract.ingest.pdf_fast import open_document, read_fast_page, sound_structure

    reasons = _Reasons()
    logger = logging.getLogger("extract.ingest.pdf_fast")
    logger.addHandler(reasons)
    logger.setLevel(logging.DEBUG)
    fast = total = unopened = 0
    try:
        for data in blobs:
            document = open_document(data)
            n = len(document) if document is not None else 0
            taken = sum(read_fast_page(document, i) is not None for i in range(n))
            unopened += bool(n) and taken == n and sound_structure(document)
            fast += taken
            total += n
    finally:
        logger.removeHandler(reasons)
    return fast, total, reasons.counts, unopened


def check(paths: list[Path]) -> int:
    """Pages whose fast-path lines differ from pdfplumber's reading; prints each."""
    import pdfplumber

    from extract.ingest.pdf import _read_page
    from extract.ingest.pdf_fast import open_document, read_fast_page

    differ = compared = 0
    for path in paths:
        data = path.read_bytes()
        document = open_document(data)
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for i, page in enumerate(pdf.pages):
                fast = read_fast_page(document, i) if document is not None else None
                if fast is None:
                    page.close()
                    continue
                slow = _read_page(page, i + 1)
                compared += 1
                if (fast.lines, fast.has_images, fast.full_page_image) != (slow.items, slow.has_images,
                                                                            slow.full_page_image):
                    differ += 1
                    print(f"DIFFERS {path.name} page {i + 1}")
    print(f"check: {compared} pages read both ways, {differ} differ")
    return differ


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.pdf_speed", description=__doc__.split("\n\n")[0])
    parser.add_argument("pdfs", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=5, help="passes over all readers, in turn (default 5)")
    parser.add_argument("--check", action="store_true", help="also compare the fast path with pdfplumber, page by page")
    args = parser.parse_args(argv)
    paths = args.pdfs or sorted(REAL.glob("r0[1-4]*.pdf"))
    if not paths:
        print(f"pdf_speed: no PDFs given and none under {REAL}: skipped")
        return 0
    blobs = [p.read_bytes() for p in paths]
    fast, total, reasons, unopened = fast_pages(blobs)
    print(f"{len(paths)} PDFs, {total} pages; the pipeline reads {fast} through pypdfium2, "
          f"{total - fast} through pdfplumber" + (f" ({', '.join(f'{n} {r}' for r, n in reasons.most_common())})"
                                                   if reasons else ""))
    print(f"{unopened} of {len(paths)} PDFs are read without opening pdfplumber (every page through pypdfium2)")
    for read in READERS.values():  # warm imports and caches outside the timing
        read(blobs[0])
    cpu: dict[str, list[float]] = {name: [] for name in READERS}
    wall: dict[str, list[float]] = {name: [] for name in READERS}
    pages = 0
    for _ in range(args.repeat):
        for name, read in READERS.items():
            t0, w0 = time.process_time(), time.perf_counter()
            pages = sum(read(b) for b in blobs)
            cpu[name].append(time.process_time() - t0)
            wall[name].append(time.perf_counter() - w0)
    base = pages / statistics.median(cpu["pdfplumber"])
    print(f"{'reader':<25}{'pages/s':>9}{'CPU s':>8}{'wall s':>8}  (medians of {args.repeat} passes; pages/s from CPU)")
    for name in READERS:
        c, w = statistics.median(cpu[name]), statistics.median(wall[name])
        print(f"{name:<25}{pages / c:>9.1f}{c:>8.2f}{w:>8.2f}  ({pages / c / base:.2f}x bare pdfplumber)")
    if args.check:
        return 1 if check(paths) else 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
