"""PDF pages per second: ``python -m benchmarks.pdf_speed [PDF...]``.

Three readers over the same PDFs (default: the text PDFs r01-r04 of ../shared/corpora/real),
CPU seconds of this process, best of ``--repeat`` passes:

* ``ingest``: the pipeline's reader (:func:`extract.ingest.pdf.read_pdf`: pdfplumber per page,
  ruled tables, furniture stripping);
* ``pdfplumber``: bare ``page.extract_text()`` per page;
* ``pypdfium2``: bare ``PdfDocument(...)[i].get_textpage().get_text_range()`` per page.

Also says how many pages hold nothing but text objects (no path or image object), the
pages a pdfium fast path could take without risking a ruled table.
"""

from __future__ import annotations

import argparse
import io
import time
from pathlib import Path

from .bench import ROOT

REAL = ROOT.parent / "shared" / "corpora" / "real"


def _ingest(data: bytes) -> int:
    from extract.ingest.pdf import read_pdf
    from extract.settings import Settings

    return len(read_pdf(data, Settings()).page_starts)


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


def text_only_pages(data: bytes) -> tuple[int, int]:
    """(pages holding only text objects, pages) by pdfium's page-object types."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    pdf = pdfium.PdfDocument(data)
    text_only = 0
    for i in range(len(pdf)):
        page = pdf[i]  # keep the page alive while its raw handle is used
        types = {pdfium_c.FPDFPageObj_GetType(pdfium_c.FPDFPage_GetObject(page.raw, j))
                 for j in range(pdfium_c.FPDFPage_CountObjects(page.raw))}
        page.close()
        text_only += types <= {pdfium_c.FPDF_PAGEOBJ_TEXT}
    return text_only, len(pdf)


READERS = {"ingest": _ingest, "pdfplumber": _pdfplumber, "pypdfium2": _pdfium}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.pdf_speed", description=__doc__.split("\n\n")[0])
    parser.add_argument("pdfs", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=2, help="passes per reader, best kept (default 2)")
    args = parser.parse_args(argv)
    paths = args.pdfs or sorted(REAL.glob("r0[1-4]*.pdf"))
    if not paths:
        print(f"pdf_speed: no PDFs given and none under {REAL}: skipped")
        return 0
    blobs = [p.read_bytes() for p in paths]
    only, total = map(sum, zip(*(text_only_pages(b) for b in blobs)))
    print(f"{len(paths)} PDFs, {total} pages ({only} hold only text objects)")
    rates: dict[str, float] = {}
    for name, read in READERS.items():
        best = float("inf")
        for _ in range(args.repeat):
            t0 = time.process_time()
            pages = sum(read(b) for b in blobs)
            best = min(best, time.process_time() - t0)
        rates[name] = pages / best
    base = rates["pdfplumber"]
    for name, rate in rates.items():
        print(f"{name:<11}{rate:>9.1f} pages/s  ({rate / base:.2f}x bare pdfplumber)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
