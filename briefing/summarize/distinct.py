"""One issue's summaries, each its own: two entries of a briefing never say the same thing.

Articles of one page often open on the same event (a celebration's report above the report of
its broadcast, a leader's speech above each region's reactions). When a later article's summary
repeats an earlier one's — most of its words are the earlier one's, and it names no person,
place or number the earlier one lacks, nor anything of its own headline — it takes its next best
sentences instead, when they pass every summary check, stand on their own (no 然而…… or 这个镇……
leaning on a sentence left out) and differ from every summary before it.

Two summaries that differ in a name, a place or a number (forecasts for two areas, notices about
two officials) are two pieces of news, never repeats. Two articles that are one story printed
twice (:func:`briefing.jobs.dedupe.duplicate_groups`: a front-page story and its copy inside) are
left as they are: copies are a story to merge, not to summarize apart (not done within one issue
yet).

The pass runs only where the articles are known to be one issue (``summarize(..., issue=True)``,
which :meth:`briefing.pipeline.Pipeline.annotate` sets), never over any batch a summarizer is
given (an importer's archive, an evaluation set): a summary must not depend on the other
articles of a batch.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Protocol, runtime_checkable

from ..records import Article, Summary
from ..text import NAME_TAGS, fold_width, word_tags
from .faithfulness import ARABIC_NUMBER, CHINESE_NUMBER
from .ranking import NAMED_PLACE, grams
from .references import leans_back, unresolved_reference
from .sentences import split_sentences
from .vetting import summary_problems

# The share of the shorter summary's bigrams that the other holds, from which two summaries say
# the same thing.
OVERLAP = 0.7
# Bigrams of its own headline that a summary adds to the one it resembles: from two on, it
# reports its own news.
OWN_NEWS = 2
# An ordinal (第三中学, 第2批) tells two parallel items apart as a number does.
_ORDINAL = re.compile(r"第[\d零〇一二两三四五六七八九十百千]+")
_DATE_UNITS = frozenset("年月日号时点")
# A replacement shorter than this share of the summary it replaces is a scrap (图为现场。).
_ENOUGH = 0.5


@runtime_checkable
class Resummarizer(Protocol):
    """A summarizer that can summarize an article again without some of its sentences."""

    def summarize_one(
        self, article: Article, *, max_chars: int, skip: frozenset[int] = frozenset()
    ) -> Summary: ...


def specifics(text: str) -> frozenset[str]:
    """The names, places, numbers (not dates) and ordinals ``text`` states (folded to half
    width)."""
    folded = fold_width(text)
    found = {w for w, t in word_tags(folded) if t.startswith(NAME_TAGS) and len(w) >= 2}
    found.update(NAMED_PLACE.findall(folded))
    for pattern in (ARABIC_NUMBER, CHINESE_NUMBER):
        # A date says when, not which: a later report that adds 于5日起生效 to the same lead
        # still says the same thing.
        found.update(
            m.group(0)
            for m in pattern.finditer(folded)
            if folded[m.end() : m.end() + 1] not in _DATE_UNITS
        )
    found.update(_ORDINAL.findall(folded))
    return frozenset(found)


class _Said:
    """A summary kept: its text (folded) and bigrams, to compare later ones with."""

    __slots__ = ("folded", "grams")

    def __init__(self, text: str) -> None:
        self.folded = fold_width(text)
        self.grams = grams(text)


def repeats(summary: str, earlier: str, headline: str) -> bool:
    """Whether ``summary`` says what ``earlier`` says: most of its words are there, and it adds
    no name, place or number, nor two pairs of characters of its own headline."""
    return _repeats(_Said(summary), _Said(earlier), grams(headline), summary)


def _repeats(mine: _Said, theirs: _Said, headline: set[int], text: str) -> bool:
    if not mine.grams or not theirs.grams:
        return False
    if len(mine.grams & theirs.grams) < OVERLAP * min(len(mine.grams), len(theirs.grams)):
        return False
    if len((mine.grams - theirs.grams) & headline) >= OWN_NEWS:
        return False
    # Tagged last: most pairs of summaries share too few words to get here.
    return all(specific in theirs.folded for specific in specifics(text))


def _stands_alone(summary: Summary, article: Article) -> bool:
    """Whether no sentence of ``summary`` leans on one before it that the summary leaves out."""
    if unresolved_reference(summary.text):
        return False
    used = set(summary.sentences)
    sentences = split_sentences(article.body, limit=max(used) + 1) if used else []
    return not any(
        s.index in used and s.index and s.index - 1 not in used and leans_back(s) for s in sentences
    )


def distinct_summaries(
    articles: list[Article],
    summaries: list[Summary],
    resummarize: Callable[[Article, frozenset[int]], Summary],
    *,
    max_chars: int,
    copies: Callable[[list[str]], list[list[int]]] | None = None,
) -> list[Summary]:
    """``summaries`` of one issue's ``articles``, each that repeats an earlier one replaced by the
    article's summary from other sentences (``resummarize(article, sentences to skip)``) where
    that one passes the checks, stands alone and repeats none before it; else kept.

    ``copies(texts)``: groups of indices of ``texts`` that are one story printed twice (the
    pipeline gives :func:`briefing.jobs.dedupe.duplicate_groups`), asked only when a summary
    repeats another; an article is never made to differ from a copy of itself."""
    result = list(summaries)
    earlier: list[_Said] = []  # the summaries kept so far
    stories: dict[int, int] | None = None  # each article's story (its first copy), when asked

    def repeated(said: _Said, head: set[int], text: str) -> bool:
        return any(_repeats(said, theirs, head, text) for theirs in earlier)

    for i, (article, summary) in enumerate(zip(articles, summaries)):
        said = _Said(summary.text)
        head = grams(article.headline)
        if summary.sentences and earlier and repeated(said, head, summary.text):
            if stories is None:
                groups = copies([a.text for a in articles]) if copies else []
                stories = {index: min(group) for group in groups for index in group}
            if not any(stories.get(j, j) == stories.get(i, i) for j in range(i)):
                other = resummarize(article, frozenset(summary.sentences))
                mine = _Said(other.text)
                if (
                    mine.grams
                    and len(other.text) >= _ENOUGH * len(summary.text)
                    and not summary_problems(other, article, max_chars=max_chars)
                    and _stands_alone(other, article)
                    and not repeated(mine, head, other.text)
                ):
                    result[i], said = other, mine
        earlier.append(said)
    return result
