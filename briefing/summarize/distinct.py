"""One issue's summaries, each its own: two entries of a briefing never say the same thing.

Articles of one page often open on the same event (庆祝大会……隆重举行 above the report of its
broadcast, a leader's speech above each region's reactions). When a later article's summary
repeats an earlier one's, with nothing of its own headline that the earlier one lacks, it takes
its next best sentences instead (when they differ from every summary before it). The pass runs
where the articles are known to be one issue (:func:`briefing.summarize.summarize`, which the
pipeline calls per issue), not over any batch a summarizer is given (an evaluation set).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, runtime_checkable

from ..records import Article, Summary
from .ranking import grams

# The share of the shorter summary's bigrams that the other holds, from which two summaries say
# the same thing.
OVERLAP = 0.7
# Bigrams of its own headline that a summary adds to the one it resembles: from two on (a
# different official's name in a parallel notice), it reports its own news.
OWN_NEWS = 2


@runtime_checkable
class Resummarizer(Protocol):
    """A summarizer that can summarize an article again without some of its sentences."""

    def summarize_one(
        self, article: Article, *, max_chars: int, skip: frozenset[int] = frozenset()
    ) -> Summary: ...


def repeats(summary: str, earlier: str, headline: str) -> bool:
    """Whether ``summary`` says what ``earlier`` says, adding nothing its own headline names."""
    return _repeats(grams(summary), grams(earlier), grams(headline))


def _repeats(mine: set[int], theirs: set[int], headline: set[int]) -> bool:
    if not mine or not theirs:
        return False
    if len(mine & theirs) < OVERLAP * min(len(mine), len(theirs)):
        return False
    return len((mine - theirs) & headline) < OWN_NEWS


def distinct_summaries(
    articles: list[Article],
    summaries: list[Summary],
    resummarize: Callable[[Article, frozenset[int]], Summary],
) -> list[Summary]:
    """``summaries`` with each that repeats an earlier one replaced by the article's summary from
    other sentences (``resummarize(article, sentences to skip)``), where there is one."""
    result = list(summaries)
    earlier: list[set[int]] = []  # the bigrams of the summaries kept so far

    def repeated(mine: set[int], head: set[int]) -> bool:
        return any(_repeats(mine, theirs, head) for theirs in earlier)

    for i, (article, summary) in enumerate(zip(articles, summaries)):
        mine = grams(summary.text)
        if summary.sentences and earlier:
            head = grams(article.headline)
            if repeated(mine, head):
                other = resummarize(article, frozenset(summary.sentences))
                own = grams(other.text)
                if own and not repeated(own, head):
                    result[i], mine = other, own
        earlier.append(mine)
    return result
