"""Pages per second of the layout reader on one page PDF, single core, beside PyMuPDF's own
plain text extraction (``page.get_text()``) of the same page in the same run.

    python benchmarks/bench_pdf.py [PAGE.pdf] [--seconds 5]

Without a page, one is drawn with reportlab (the test suite's page).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path


def _rate(fn, seconds: float) -> float:
    fn()  # warm up
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        fn()
        count += 1
    return count / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdf", nargs="?", type=Path)
    parser.add_argument("--seconds", type=float, default=5.0)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    import pymupdf

    from briefing.read.layout.pdf import read_pdf_page

    path = args.pdf
    if path is None:
        sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
        from test_pdf import draw_page

        path = Path(tempfile.mkdtemp()) / "page.pdf"
        draw_page(path)
    doc = pymupdf.open(path)

    def plain() -> None:
        pymupdf.open(path)[0].get_text()

    def layout() -> None:
        read_pdf_page(pymupdf.open(path)[0], page_index=1, source=str(path))

    plain_rate = _rate(plain, args.seconds)
    layout_rate = _rate(layout, args.seconds)
    chars = len(doc[0].get_text())
    print(f"page: {path} ({chars} characters)")
    print(f"pymupdf get_text(): {plain_rate:8.1f} pages/s")
    print(f"layout reader:      {layout_rate:8.1f} pages/s")
    print(f"ratio layout/plain: {layout_rate / plain_rate:8.3f}")


if __name__ == "__main__":
    main()
