"""Reading e-paper pages from their layout: page PDFs (PyMuPDF, the optional ``[pdf]`` extra),
scanned pages (page images and image-only PDF pages, by OCR: the ``[ocr]`` extra) and saved
e-paper HTML pages, straight into articles, without the text splitter.

:func:`read_layout_source` takes a ``.pdf``, page image or ``.html`` file, a directory of them
(one issue, pages in name order) or a list of them, and returns ``(Issue, articles)``. Each article carries
``page`` and ``boxes`` ([x0, y0, x1, y1] in PDF points) instead of line numbers; what is not an
article (masthead, images, graphics, captions, banners, skipped pages) goes to ``issue.furniture``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ...errors import InputError
from ..text import HTML_SUFFIXES, IMAGE_SUFFIXES, PDF_SUFFIXES, page_files
from ...records import Article, Issue

PAGE_SUFFIXES = set(PDF_SUFFIXES + IMAGE_SUFFIXES)  # pages read from their layout (images by OCR)
LAYOUT_SUFFIXES = PAGE_SUFFIXES | set(HTML_SUFFIXES)

Source = str | Path | Sequence[str | Path]


def _layout_files(source: Source) -> list[Path] | None:
    """The page files ``source`` names, or None when it is not a layout input."""
    if isinstance(source, (str, Path)):
        path = Path(source)
        if path.is_dir():
            pages = page_files(
                path
            )  # which files of a folder make the issue: the reading layer says
            return pages if pages and pages[0].suffix.lower() in LAYOUT_SUFFIXES else None
        return [path] if path.suffix.lower() in LAYOUT_SUFFIXES else None
    files = [Path(p) for p in source]
    return files if files and all(p.suffix.lower() in LAYOUT_SUFFIXES for p in files) else None


def is_layout_source(source: Source) -> bool:
    """True for PDF / HTML pages (or a directory or list of them); no PDF library is loaded."""
    return _layout_files(source) is not None


def read_layout_source(
    source: Source, *, paper: str | None = None, date: str | None = None, ocr: str = "auto"
) -> tuple[Issue, list[Article]]:
    """``ocr`` ("auto", "always", "never"): which PDF pages are read by OCR (see ``briefing.ocr``)."""
    files = _layout_files(source)
    if files is None:
        raise InputError(f"{source}: not a PDF or HTML page, nor a directory or list of them")
    name = str(source) if isinstance(source, (str, Path)) else ", ".join(str(p) for p in files)
    kinds = {p.suffix.lower() in PAGE_SUFFIXES for p in files}
    if len(kinds) > 1:
        raise InputError(
            f"{name}: PDF or image pages and HTML pages mixed in one issue; give one kind at a time"
        )
    if kinds == {True}:
        from .pdf import read_pdf_issue

        return read_pdf_issue(files, source=name, paper=paper, date=date, ocr=ocr)
    from .html import read_html_issue

    return read_html_issue(files, source=name, paper=paper, date=date)


__all__ = ["is_layout_source", "read_layout_source"]
