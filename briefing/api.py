"""The library's entry points: keyword-only functions that the CLI and importers call."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from .read.layout import is_layout_source, read_layout_source
from .read.text import clean_strings, is_articles_file, read_articles, read_issue
from .records import Article, Issue
from .registry import component, splitters

logger = logging.getLogger(__name__)


def split_issue(issue: Issue, *, splitter: str = "rules") -> list[Article]:
    """Split ``issue`` into articles; page furniture is added to ``issue.furniture``."""
    articles = component(splitters, splitter).split(issue)
    logger.info(
        "%s: %d articles, %d furniture lines", issue.source, len(articles), len(issue.furniture)
    )
    return articles


def check_source(source: object) -> None:
    """A TypeError with a plain message unless ``source`` is what the readers take."""
    if isinstance(source, (str, Path)):
        return
    if (
        isinstance(source, Sequence)
        and not isinstance(source, (bytes, bytearray))
        and all(isinstance(p, (str, Path)) for p in source)
    ):
        return
    raise TypeError(
        f"source must be a path (str or Path), '-', or a list of paths; got {type(source).__name__}"
    )


def load_articles(
    source: str | Path | Sequence[str | Path],
    *,
    paper: str | None = None,
    date: str | None = None,
    splitter: str = "rules",
    ocr: str = "auto",
) -> tuple[Issue, list[Article]]:
    """Read ``source`` and return its issue and articles.

    ``source`` is an issue (text file, directory or list of page files, ``-``) which is split;
    page PDFs or e-paper HTML, read from their layout; or a ``.jsonl`` file of articles that
    are already split, which pass through as they are. Scanned pages (page images, PDF pages
    without a text layer) are read by OCR; ``ocr`` is "auto", "always" or "never" (see
    ``briefing.ocr``).
    """
    check_source(source)
    if is_articles_file(source):
        return Issue(source=str(source), paper=paper, date=date), read_articles(source)
    if is_layout_source(source):  # PDF / HTML e-paper pages: articles come from the page layout
        issue, articles = read_layout_source(source, paper=paper, date=date, ocr=ocr)
        # A text layer can carry control characters too; text and JSONL lose them in reading.
        return issue, [Article.from_dict(clean_strings(article.to_dict())) for article in articles]
    issue = read_issue(source, paper=paper, date=date)
    return issue, split_issue(issue, splitter=splitter)
