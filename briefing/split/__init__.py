"""Splitting an issue into articles: a learned labeller gives each line of a page a label
(article start, kicker, title, body, continuation, furniture, ...), a post-pass groups them."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from ..records import Article, Issue

# L-BFGS iterations of `briefing train-splitter`: the shipped model (briefing/data/splitter.model)
# was trained with these.
DEFAULT_ITERATIONS = 150


@runtime_checkable
class Splitter(Protocol):
    """Turns an issue into articles, and reports page furniture on ``issue.furniture``."""

    def split(self, issue: Issue) -> list[Article]: ...
