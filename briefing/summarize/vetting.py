"""The one place where a summary is checked, and replaced by something different when it fails.

Every summary that enters a briefing, from any summarizer or model, passes
:func:`summary_problems` (the guard of :func:`.guard.check_summary`: faithfulness, whole names,
whole sentences; and the budget). One that fails is never kept: :func:`fallback_summary` gives,
in order, the default extractive summary (when the rejected text came from elsewhere), then
whole lead sentences that pass the same checks, and otherwise no summary, with the reason.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from ..records import Article, Summary
from .commentary import voice_opening, voiced, writer_opening
from .guard import SourceIndex, article_source, check_summary, source_index
from .sentences import split_dateline, split_sentences

logger = logging.getLogger(__name__)

FALLBACK_EXTRACTIVE = "extractive-fallback"
FALLBACK_LEAD = "lead-fallback"
NO_SUMMARY = "none"
LEAD_SENTENCES = 6  # how far into the article whole lead sentences are looked for


def summary_problems(
    summary: str | Summary, article: Article | SourceIndex, *, max_chars: int | None
) -> list[str]:
    """Why ``summary`` may not stand as ``article``'s summary (empty: it may). ``max_chars`` None:
    no budget to check (a title's length is judged by the headline checks). A
    :class:`~briefing.records.Summary`'s opening is not checked against the article
    (:func:`.guard.check_summary`); its length counts."""
    text = summary.text if isinstance(summary, Summary) else summary
    if not text:
        return ["no text"]
    problems = list(check_summary(summary, article).problems)
    if max_chars is not None and len(text) > max_chars:
        problems.append(f"{len(text)} characters, over the budget of {max_chars}")
    return problems


def lead_sentences(
    article: Article, *, max_chars: int, source: SourceIndex | None = None, avoid: str = ""
) -> str:
    """The first whole sentences (dateline removed) that fit ``max_chars`` and pass the checks.

    Starts at the first sentence that does; runs on while the next one fits too. "" when none does.
    """
    source = source or source_index(article_source(article))
    sentences = [s for s in split_sentences(article.body, limit=LEAD_SENTENCES) if s.complete]
    for start, first in enumerate(sentences):
        text = split_dateline(first.text)[1].strip()
        if len(text) < 8 or summary_problems(text, source, max_chars=max_chars):
            continue
        for following in sentences[start + 1 :]:
            longer = text + following.text.strip()
            if len(longer) > max_chars or summary_problems(longer, source, max_chars=max_chars):
                break
            text = longer
        if text != avoid:
            return text
    return ""


def fallback_summary(
    article: Article, *, max_chars: int, rejected: Summary | None, reason: str
) -> Summary:
    """A summary that differs from ``rejected`` and passes the checks, or none, with the reason."""
    from .extractive import ExtractiveSummarizer

    source = source_index(article_source(article))
    avoid = rejected.text.removeprefix(rejected.opening) if rejected else ""
    if rejected is None or rejected.method != ExtractiveSummarizer.method:
        default = ExtractiveSummarizer().summarize_one(article, max_chars=max_chars)
        if (
            default.text
            and default.text.removeprefix(default.opening) != avoid
            and not summary_problems(default, article, max_chars=max_chars)
        ):
            return replace(default, method=FALLBACK_EXTRACTIVE, reason=reason)
    # Commentary says who argues here too (钟声文章指出，……), as the default summary does.
    opening = voice_opening(article)
    lead = lead_sentences(
        article,
        max_chars=max_chars - len(opening),
        source=source,
        avoid=avoid,
    )
    # A first person kept with no speaker says who writes, as the default summary does.
    writer = "" if opening else writer_opening(article, lead)
    if writer and len(writer) + len(lead) > max_chars:
        lead = lead_sentences(
            article, max_chars=max_chars - len(writer), source=source, avoid=avoid
        )
        writer = writer_opening(article, lead)
        if len(writer) + len(lead) > max_chars:
            lead = ""  # with a bare 我 it would read as the paper's
    if lead:
        text = voiced(opening or writer, lead)
        return Summary(text=text, method=FALLBACK_LEAD, reason=reason, opening=opening or writer)
    return Summary(
        text="",
        method=NO_SUMMARY,
        reason=f"{reason}; no lead sentence passes the checks within {max_chars} characters",
    )


def accept(
    summary: Summary, article: Article, *, max_chars: int, name: str | None = None
) -> Summary:
    """``summary`` when it passes the checks, else a different one from :func:`fallback_summary`.

    An empty summary that says why (nothing to summarize) stands as it is.
    """
    if not summary.text and summary.reason:
        return summary
    problems = summary_problems(summary, article, max_chars=max_chars)
    if not problems:
        return summary
    who = name or summary.method
    logger.warning("%s: %s summary rejected: %s", article.id, who, "; ".join(problems))
    return fallback_summary(
        article,
        max_chars=max_chars,
        rejected=summary,
        reason=f"{who} summary rejected: {'; '.join(problems)}",
    )
