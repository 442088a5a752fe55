"""Reading e-paper pages from their layout: page PDFs (PyMuPDF, the optional ``[pdf]`` extra),
scanned pages (page images and image-only PDF pages, by OCR: the ``[ocr]`` extra) and saved
e-paper HTML pages. The CLI calls these inputs e-paper pages (``briefing eval epaper``).

:func:`read_layout_source` takes the page files of one issue (in order) and returns the issue,
each of its pages of kind ``layout`` holding the article blocks its layout shows (``page`` and
``boxes``, [x0, y0, x1, y1] in PDF points, instead of line numbers); what is not an article
(masthead, images, graphics, captions, banners, skipped pages) goes to ``issue.furniture``. The
``layout`` splitter (:mod:`briefing.split.layout`) turns the blocks into the issue's articles.
"""

from __future__ import annotations

from pathlib import Path

from ...errors import InputError
from ...records import Article, Issue
from ..files import HTML_SUFFIXES, LAYOUT
from ..text import clean_strings


def read_layout_source(
    files: list[Path],
    *,
    source: str,
    paper: str | None = None,
    date: str | None = None,
    ocr: str = "auto",
) -> Issue:
    """``ocr`` ("auto", "always", "never"): which PDF pages are read by OCR (see ``briefing.ocr``)."""
    kinds = {p.suffix.lower() in HTML_SUFFIXES for p in files}
    if len(kinds) > 1:
        raise InputError(
            f"{source}: PDF or image pages and HTML pages mixed in one issue; give one kind at a time"
        )
    if kinds == {False}:
        from .pdf import read_pdf_issue

        issue, articles = read_pdf_issue(files, source=source, paper=paper, date=date, ocr=ocr)
    else:
        from .html import read_html_issue

        issue, articles = read_html_issue(files, source=source, paper=paper, date=date)
    for page in issue.pages:
        page.kind = LAYOUT
    for article in articles:
        # A text layer can carry control characters too; text and JSONL lose them in reading.
        block = Article.from_dict(clean_strings(article.to_dict()))
        assert block.page is not None  # the layout readers number every block's page
        issue.pages[block.page - 1].blocks.append(block)
    return issue


__all__ = ["read_layout_source"]
