"""Summaries and display titles: the roles, and the library function that fills them in.

Components come from the ``summarizers`` and ``titlers`` registries (built-in ``extractive``);
every summary is checked, and replaced when it fails, in one place (:mod:`.vetting`).
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Callable
from typing import Protocol, runtime_checkable

from ..config import DEFAULT_MAX_CHARS, MIN_CHARS, check_setting
from ..contracts import check_summaries, check_titles, component_name
from ..records import Article, Summary
from .distinct import Resummarizer, distinct_summaries
from .furniture import Reading, has_text, read_furniture
from .guard import GuardResult, check_summary
from .vetting import NO_SUMMARY, accept, summary_problems

logger = logging.getLogger(__name__)

NO_TEXT = "no text to summarize"


@runtime_checkable
class Summarizer(Protocol):
    """Writes one summary per article, each at most ``max_chars`` characters."""

    def summarize(self, articles: list[Article], *, max_chars: int) -> list[Summary]: ...


@runtime_checkable
class Titler(Protocol):
    """Gives each article a display title, and says whether it was generated. ``readings``:
    the articles as read (:func:`~.furniture.read_furniture`), where the caller holds them;
    None: the titler reads them itself. A titler may leave the keyword out: :func:`summarize`
    passes it only to a ``title`` that takes it."""

    def title(
        self, articles: list[Article], *, readings: list[Reading] | None = None
    ) -> list[tuple[str, bool]]: ...


def _takes_readings(titler: Titler) -> bool:
    """Whether ``titler.title`` takes ``readings`` (ours do; one registered before the keyword
    existed may not): asked once per call, so that such a titler keeps working."""
    try:
        return "readings" in inspect.signature(titler.title).parameters
    except (TypeError, ValueError):  # no signature to read: call it as the protocol began
        return False


def check_budget(max_chars: int) -> int:
    """``max_chars`` when it is a usable budget, else the ConfigError the settings give."""
    return check_setting("max_chars", max_chars)


def summarize(
    articles: list[Article],
    *,
    summarizer: Summarizer | None = None,
    titler: Titler | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    issue: bool = False,
    copies: Callable[[list[str]], list[list[int]]] | None = None,
) -> list[Article]:
    """Set ``summary``, ``display_title`` and ``title_generated`` on each article; return them.

    ``issue``: the articles are one issue, in page order (the pipeline says so): a later entry
    whose summary repeats an earlier one's takes its own next best sentences (:mod:`.distinct`).
    Any other batch (an archive, an evaluation set) is summarized article by article.
    ``copies(texts)``: the groups of articles that are one story printed twice, which keep their
    summaries (the pipeline gives :func:`briefing.jobs.dedupe.duplicate_groups`).

    ``summarizer`` and ``titler`` are components (default: the extractive ones); one from a name
    or a model card: ``briefing.registry.summarizers.resolve(name)`` (``titlers`` likewise).
    Output that breaks their contract (:mod:`briefing.contracts`) is a ContractError.
    """
    if isinstance(summarizer, str) or isinstance(titler, str):
        raise TypeError(
            "summarize() takes a Summarizer and a Titler; make them from names with "
            "briefing.registry.summarizers.resolve(name) and titlers.resolve(name)"
        )
    from .extractive import ExtractiveSummarizer
    from .titles import ExtractiveTitler

    check_budget(max_chars)
    # The summarizer reads each article as read (a box label or a whole brief where the title
    # stands, read as what it is); the titler titles each as read too (from these readings where
    # its title() takes them, else it reads them itself), so that a photo box is titled in one
    # place. The caller's records are not changed but for the annotations.
    readings = [read_furniture(article) for article in articles]
    read = [reading.article for reading in readings]
    summarizer = summarizer if summarizer is not None else ExtractiveSummarizer()
    titler = titler if titler is not None else ExtractiveTitler()
    name = component_name(summarizer)
    # A body of credits alone (版式设计：周海) or none has nothing to summarize: no summarizer is
    # asked to, and the empty summary says why (assembly lists the article in the appendix).
    texts = [has_text(a) for a in read]
    with_text = [a for a, text in zip(read, texts) if text]
    made = summarizer.summarize(with_text, max_chars=max_chars) if with_text else []
    summarized = iter(check_summaries(summarizer, with_text, made, max_chars=max_chars))
    summaries = [
        next(summarized) if text else Summary(text="", method=NO_SUMMARY, reason=NO_TEXT)
        for text in texts
    ]
    # A titler that takes the readings made here need not read each article again.
    made_titles = (
        titler.title(articles, readings=readings)
        if _takes_readings(titler)
        else titler.title(articles)
    )
    titles = check_titles(titler, articles, made_titles)
    # The one place every summary is checked; one that fails is replaced, never kept.
    accepted = [
        accept(summary, as_read, max_chars=max_chars, name=name)
        for as_read, summary in zip(read, summaries)
    ]
    if issue and isinstance(summarizer, Resummarizer):
        # Two entries of one issue must not say the same thing.
        accepted = distinct_summaries(
            read,
            accepted,
            lambda article, skip: summarizer.summarize_one(article, max_chars=max_chars, skip=skip),
            max_chars=max_chars,
            copies=copies,
        )
    for article, summary, (title, generated) in zip(articles, accepted, titles):
        article.summary = summary
        article.display_title = title
        article.title_generated = generated
    logger.info("summarized %d articles with %s", len(articles), name)
    return articles


__all__ = [
    "DEFAULT_MAX_CHARS",
    "GuardResult",
    "MIN_CHARS",
    "Summarizer",
    "Titler",
    "check_summary",
    "summary_problems",
    "summarize",
]
