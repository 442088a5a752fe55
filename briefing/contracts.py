"""What each stage promises about its output, checked as the output comes out.

A component (built in, a plugin, a model adapter) that breaks its stage's contract stops the
build with a :class:`~briefing.errors.ContractError` naming the stage and the component, rather
than passing a malformed record on to the briefing:

- **split**: a list of :class:`~briefing.records.Article`, ids unique and non-empty; each
  article's ``[first, last]`` lines on one of the issue's pages, articles not overlapping, no
  furniture line inside an article, and every non-blank line of every page in an article or in
  the furniture (nothing dropped silently);
- **classify**: one :class:`~briefing.records.Topic` per article, its label from the taxonomy;
- **summarize**: one :class:`~briefing.records.Summary` per article, its text a string within
  the budget it was given (the built-in summarizers fit by construction, and the model adapters
  replace a model's overlong text); a summary that is unfaithful or cut mid-sentence is not a
  broken contract but the vetting's to replace (:mod:`.summarize.vetting`);
- **title**: one ``(title, generated)`` pair per article, a string and a bool.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .errors import ContractError
from .records import Article, Issue, Summary, Topic


def component_name(component: object) -> str:
    """What messages call a component: its ``method`` (``extractive``, ``model:CARD``), else its class."""
    return str(getattr(component, "method", None) or type(component).__name__)


def _results(stage: str, component: object, output: Any, articles: Sequence[Article], kind: type):
    name = component_name(component)
    if not isinstance(output, list):
        raise ContractError(stage, name, f"returned {type(output).__name__}, not a list")
    if len(output) != len(articles):
        raise ContractError(
            stage, name, f"returned {len(output)} results for {len(articles)} articles"
        )
    for article, item in zip(articles, output):
        if not isinstance(item, kind):
            raise ContractError(
                stage,
                name,
                f"returned {type(item).__name__} for article {article.id!r}, not a {kind.__name__}",
            )
    return name


def check_split(splitter: object, issue: Issue, articles: Any) -> list[Article]:
    name = component_name(splitter)

    def broken(problem: str) -> ContractError:
        return ContractError("split", name, problem)

    if not isinstance(articles, list) or not all(isinstance(a, Article) for a in articles):
        raise broken("did not return a list of Article records")
    ids = [a.id for a in articles]
    if not all(isinstance(i, str) and i for i in ids) or len(set(ids)) != len(ids):
        raise broken("article ids must be unique, non-empty strings")
    if any(page.kind != "text" for page in issue.pages):
        # The line invariant below is a text page's; a layout page's blocks number the lines of
        # the reading layer's geometry, which the page does not hold.
        return articles
    pages = {
        page.number if page.number is not None else n: page for n, page in enumerate(issue.pages, 1)
    }
    only = next(iter(pages)) if len(pages) == 1 else None  # a one-page issue may leave page unset
    spans: dict[Any, list[tuple[int, int, str]]] = {}
    for article in articles:
        if article.lines is None:
            continue  # an article made without lines (none today) claims no lines
        page = article.page if article.page is not None else only
        if page not in pages:
            raise broken(f"article {article.id!r} is on page {article.page}, not in the issue")
        first, last = article.lines
        if not 1 <= first <= last <= len(pages[page].lines):
            raise broken(
                f"article {article.id!r} has lines {first}-{last}; page {page} has "
                f"{len(pages[page].lines)}"
            )
        spans.setdefault(page, []).append((first, last, article.id))
    covered: dict[Any, set[int]] = {}
    for page, found in spans.items():
        found.sort()
        for (_, last, one), (first, _, other) in zip(found, found[1:]):
            if first <= last:
                raise broken(f"articles {one!r} and {other!r} share line {first}")
        covered[page] = {n for first, last, _ in found for n in range(first, last + 1)}
    for item in issue.furniture:
        page = item.page if item.page is not None else only
        if item.line in covered.get(page, ()):
            raise broken(f"furniture line {item.line} of page {page} is inside an article")
        covered.setdefault(page, set()).add(item.line)
    for page, record in pages.items():
        for n, line in enumerate(record.lines, 1):
            if line.strip() and n not in covered.get(page, ()):
                raise broken(f"line {n} of page {page} is in no article and not furniture")
    return articles


def check_topics(
    classifier: object, articles: Sequence[Article], topics: Any, labels: Sequence[str] | None
) -> list[Topic]:
    name = _results("classify", classifier, topics, articles, Topic)
    if labels is not None:
        known = set(labels)
        for article, topic in zip(articles, topics):
            if topic.label not in known:
                raise ContractError(
                    "classify",
                    name,
                    f"gave article {article.id!r} the label {topic.label!r}, not in the taxonomy",
                )
    return topics


def check_summaries(
    summarizer: object, articles: Sequence[Article], summaries: Any, *, max_chars: int
) -> list[Summary]:
    name = _results("summarize", summarizer, summaries, articles, Summary)
    for article, summary in zip(articles, summaries):
        if not isinstance(summary.text, str):
            raise ContractError(
                "summarize", name, f"gave article {article.id!r} a summary that is not a string"
            )
        if len(summary.text) > max_chars:
            raise ContractError(
                "summarize",
                name,
                f"gave article {article.id!r} a summary of {len(summary.text)} characters, "
                f"over the budget of {max_chars}",
            )
    return summaries


def check_titles(
    titler: object, articles: Sequence[Article], titles: Any
) -> list[tuple[str, bool]]:
    name = _results("title", titler, titles, articles, tuple)
    for article, pair in zip(articles, titles):
        if len(pair) != 2 or not isinstance(pair[0], str) or not isinstance(pair[1], bool):
            raise ContractError(
                "title",
                name,
                f"gave article {article.id!r} {pair!r}, not a (title, generated) pair",
            )
    return titles
