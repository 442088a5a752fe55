"""Labelling articles with a topic from a taxonomy (default: 16 labels, see ``data/taxonomy.toml``).

Classifiers follow the small :class:`Classifier` protocol and are found in
:data:`briefing.registry.classifiers`: ``keywords`` (default: offline, explainable term lists)
and ``trained`` (a model trained with ``briefing train-topics`` on the user's own archive).
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol, runtime_checkable

from ..records import Article, Topic
from .taxonomy import Label, Taxonomy, default_taxonomy, load_taxonomy, parse_taxonomy

__all__ = [
    "Classifier",
    "Label",
    "Taxonomy",
    "classify",
    "default_taxonomy",
    "get_classifier",
    "load_taxonomy",
    "parse_taxonomy",
]


@runtime_checkable
class Classifier(Protocol):
    """Gives each article one topic (same order as the articles)."""

    def classify(self, articles: list[Article]) -> list[Topic]: ...


def get_classifier(
    *,
    classifier: str = "keywords",
    taxonomy: str | Path | Taxonomy | None = None,
    topic_model: str | Path | None = None,
) -> Classifier:
    """The classifier to use: the cached default, or one built for a custom taxonomy or model."""
    from ..registry import component
    from ..registry import classifiers

    if topic_model is not None:
        if classifier == "keywords":
            classifier = "trained"  # a model given means: use it
        return classifiers.create(classifier, model=topic_model, taxonomy=taxonomy)
    if taxonomy is None:
        return component(classifiers, classifier)
    return classifiers.create(classifier, taxonomy=taxonomy)


def classify(
    articles: list[Article],
    *,
    classifier: str = "keywords",
    taxonomy: str | Path | Taxonomy | None = None,
    topic_model: str | Path | None = None,
) -> list[Article]:
    """Set ``article.topic`` on each article and return the articles."""
    model = get_classifier(classifier=classifier, taxonomy=taxonomy, topic_model=topic_model)
    topics = model.classify(articles)
    for article, topic in zip(articles, topics):
        article.topic = topic
    return articles
