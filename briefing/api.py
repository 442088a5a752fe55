"""The library's entry points: keyword-only functions that the CLI and importers call."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from .contracts import check_split, component_name
from .errors import InputError, SplitterError
from .read import read
from .read.files import ARTICLES, LAYOUT, TEXT
from .read.masthead import read_masthead
from .records import Article, Issue
from .registry import splitters
from .split import Splitter

logger = logging.getLogger(__name__)


# The splitter each kind of page gets when none is asked for.
DEFAULT_SPLITTERS = {TEXT: "rules", LAYOUT: "layout"}
PAGE_KINDS = {
    TEXT: "text pages",
    LAYOUT: "pages read from their layout (PDF, page images, HTML)",
    ARTICLES: "articles already split (JSONL)",
}


def split_issue(issue: Issue, *, splitter: Splitter | str | None = None) -> list[Article]:
    """Split ``issue`` into articles; page furniture is added to ``issue.furniture``.

    ``splitter`` is a :class:`~briefing.split.Splitter`, a name in the ``splitters`` registry, or
    None to pick by the kind of the issue's pages: ``rules`` for text pages, ``layout`` for pages
    read from their layout; articles already split pass through. A splitter given for pages it
    cannot read (its ``page_kinds``, text pages when it does not say) is a
    :class:`~briefing.errors.SplitterError`, never silently replaced. Output that breaks the
    split's contract (:mod:`briefing.contracts`) is a ContractError.
    """
    kind = page_kind(issue)
    if splitter is None or isinstance(splitter, str):
        name = splitter
    else:
        name = splitters.name_of(splitter) or component_name(splitter)
    if kind == ARTICLES:
        if splitter is not None:
            raise SplitterError(
                f"{issue.source}: holds {PAGE_KINDS[ARTICLES]}; the splitter "
                f"{name!r} does not apply (leave the splitter unset)"
            )
        return [block for page in issue.pages for block in page.blocks]
    if splitter is None or isinstance(splitter, str):
        name = splitter or DEFAULT_SPLITTERS[kind]
        splitter = splitters.resolve(name)
    reads = getattr(splitter, "page_kinds", (TEXT,))
    if kind not in reads:
        raise SplitterError(
            f"{issue.source}: the splitter {name!r} reads "
            f"{' and '.join(PAGE_KINDS[k] for k in reads)}, not {PAGE_KINDS[kind]}; "
            f"use splitter {DEFAULT_SPLITTERS[kind]!r} or leave it unset"
        )
    articles = check_split(splitter, issue, splitter.split(issue))
    read_masthead(issue)  # the header lines are known now: the splitter found the furniture
    logger.info(
        "%s: %d articles, %d furniture lines", issue.source, len(articles), len(issue.furniture)
    )
    return articles


def page_kind(issue: Issue) -> str:
    """The one kind of ``issue``'s pages (``text`` for an issue without pages)."""
    kinds = {page.kind for page in issue.pages} or {TEXT}
    if len(kinds) > 1:
        raise InputError(f"{issue.source}: pages of different kinds ({', '.join(sorted(kinds))})")
    return kinds.pop()


def load_articles(
    source: str | Path | Sequence[str | Path],
    *,
    paper: str | None = None,
    date: str | None = None,
    splitter: Splitter | str | None = None,
    ocr: str = "auto",
) -> tuple[Issue, list[Article]]:
    """Read ``source`` (:func:`briefing.read.read`) and return its issue and articles.

    ``source`` is an issue (text file, directory or list of page files, ``-``) which is split;
    page PDFs or e-paper HTML, read from their layout; or a ``.jsonl`` file of articles that
    are already split, which pass through as they are. ``splitter``: see :func:`split_issue`. Scanned pages (page images, PDF pages
    without a text layer) are read by OCR; ``ocr`` is "auto", "always" or "never" (see
    ``briefing.ocr``).
    """
    issue = read(source, paper=paper, date=date, ocr=ocr)
    return issue, split_issue(issue, splitter=splitter)
