"""The library's entry points: keyword-only functions that the CLI and importers call."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from .read import read
from .read.files import ARTICLES, LAYOUT
from .records import Article, Issue
from .registry import component, splitters

logger = logging.getLogger(__name__)


def split_issue(issue: Issue, *, splitter: str = "rules") -> list[Article]:
    """Split ``issue`` into articles; page furniture is added to ``issue.furniture``.

    Pages read from their layout carry their articles already (the layout reader finds them);
    articles already split pass through as they are.
    """
    kinds = {page.kind for page in issue.pages}
    if kinds & {LAYOUT, ARTICLES}:
        articles = [block for page in issue.pages for block in page.blocks]
    else:
        articles = component(splitters, splitter).split(issue)
    logger.info(
        "%s: %d articles, %d furniture lines", issue.source, len(articles), len(issue.furniture)
    )
    return articles


def load_articles(
    source: str | Path | Sequence[str | Path],
    *,
    paper: str | None = None,
    date: str | None = None,
    splitter: str = "rules",
    ocr: str = "auto",
) -> tuple[Issue, list[Article]]:
    """Read ``source`` (:func:`briefing.read.read`) and return its issue and articles.

    ``source`` is an issue (text file, directory or list of page files, ``-``) which is split;
    page PDFs or e-paper HTML, read from their layout; or a ``.jsonl`` file of articles that
    are already split, which pass through as they are. Scanned pages (page images, PDF pages
    without a text layer) are read by OCR; ``ocr`` is "auto", "always" or "never" (see
    ``briefing.ocr``).
    """
    issue = read(source, paper=paper, date=date, ocr=ocr)
    return issue, split_issue(issue, splitter=splitter)
