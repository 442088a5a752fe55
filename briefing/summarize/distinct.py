"""One issue's summaries, each its own: two entries of a briefing never say the same thing, and
an entry is not summarised by an event the issue reports elsewhere.

Articles of one page often open on the same event (庆祝大会……隆重举行 above the report of its
broadcast, a leader's speech above each region's reactions). When a later article's summary
repeats an earlier one's, with nothing of its own headline that the earlier one lacks, it takes
its next best sentences instead (when they differ from every summary before it). The same holds
for a summary sentence that restates an event several other articles of the issue open on (in
their first 200 characters), one
of them earlier (the event is reported there; here it is background), unless the article's own
headline is about that event.

The pass runs where the articles are known to be one issue (:func:`briefing.summarize.summarize`,
which the pipeline calls per issue), not over any batch a summarizer is given (an evaluation set).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Protocol, runtime_checkable

from ..records import Article, Summary
from .ranking import grams
from .sentences import split_sentences

# The share of the shorter summary's bigrams that the other holds, from which two summaries say
# the same thing.
OVERLAP = 0.7
# Bigrams of its own headline that a summary adds to the one it resembles: from two on (a
# different official's name in a parallel notice), it reports its own news.
OWN_NEWS = 2
# An event is background when this many other articles of the issue open on it (in their first
# OPENING_CHARS characters, about three sentences), one of them earlier.
RESTATED_BY = 2
OPENING_CHARS = 200
_MIN_EVENT_GRAMS = 8


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


def _background(
    index: int,
    summary: Summary,
    article: Article,
    mine: set[int],
    openings: list[set[int]],
    spread: Counter[int],
) -> frozenset[int]:
    """The sentences of ``summary`` that restate an event other articles of the issue open on.

    ``mine``: the summary's bigrams; ``spread``: in how many openings each bigram occurs."""
    own = openings[index]
    # Cheap test first: a restated event shares many bigrams with two other openings.
    # (a third of the summary's: a two-sentence summary may restate the event in one of them).
    common = sum(1 for g in mine if spread[g] - (g in own) >= RESTATED_BY)
    if common < max(OVERLAP * _MIN_EVENT_GRAMS, len(mine) / 3):
        return frozenset()
    sentences = split_sentences(article.body, limit=max(summary.sentences) + 1)
    head = grams(article.headline)
    found = set()
    for number in summary.sentences:
        if number >= len(sentences):
            continue
        event = grams(sentences[number].text)
        # The headline's own event (most of the sentence, or half the headline) is this news.
        named = len(event & head)
        if (
            len(event) < _MIN_EVENT_GRAMS
            or named >= OVERLAP * len(event)
            or named >= 0.5 * len(head)
        ):
            continue
        needed = OVERLAP * len(event)
        restating = [
            other
            for other, opening in enumerate(openings)
            if other != index and len(event & opening) >= needed
        ]
        if len(restating) >= RESTATED_BY and restating[0] < index:
            found.add(number)
    return frozenset(found)


def _opening(paragraphs: list[str]) -> str:
    """The first OPENING_CHARS characters of the body (without joining all of a long one)."""
    taken: list[str] = []
    size = 0
    for paragraph in paragraphs:
        taken.append(paragraph)
        size += len(paragraph)
        if size >= OPENING_CHARS:
            break
    return "".join(taken)[:OPENING_CHARS]


def distinct_summaries(
    articles: list[Article],
    summaries: list[Summary],
    resummarize: Callable[[Article, frozenset[int]], Summary],
) -> list[Summary]:
    """``summaries`` with each that repeats an earlier one, or leans on an event the issue reports
    elsewhere, replaced by the article's summary from other sentences (``resummarize(article,
    sentences to skip)``), where there is one."""
    result = list(summaries)
    openings = [grams(_opening(a.body)) for a in articles]
    spread: Counter[int] = Counter()
    for opening in openings:
        spread.update(opening)
    earlier: list[set[int]] = []  # the bigrams of the summaries kept so far

    def repeated(mine: set[int], head: set[int]) -> bool:
        # _repeats written out: this compares each summary with every one before it.
        size = len(mine)
        return bool(mine) and any(
            theirs
            and len(mine & theirs) >= OVERLAP * min(size, len(theirs))
            and len((mine - theirs) & head) < OWN_NEWS
            for theirs in earlier
        )

    for i, (article, summary) in enumerate(zip(articles, summaries)):
        mine = grams(summary.text)
        if summary.sentences and earlier:
            head = grams(article.headline)
            skip = (
                frozenset(summary.sentences)
                if repeated(mine, head)
                else _background(i, summary, article, mine, openings, spread)
            )
            if skip:
                other = resummarize(article, skip)
                own = grams(other.text)
                # A sentence gives way to a sentence, not to a scrap (图为现场。).
                enough = len(other.text) >= 0.5 * len(summary.text)
                if own and enough and not repeated(own, head):
                    result[i], mine = other, own
        earlier.append(mine)
    return result
