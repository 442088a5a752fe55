"""Labelling articles with a topic from a taxonomy (default: 16 labels, see ``data/taxonomy.toml``).

Classifiers follow the small :class:`Classifier` protocol and are found in
:data:`briefing.registry.classifiers`: ``keywords`` (default: offline, explainable term lists)
and ``trained`` (a model trained with ``briefing train-topics`` on the user's own archive).
:func:`classify` takes a classifier instance; names and settings become one in the registry
(``classifiers.resolve(name)``) or in a :class:`~briefing.pipeline.Pipeline`.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from ..contracts import check_topics
from ..records import Article, Topic
from .taxonomy import Label, Taxonomy, default_taxonomy, load_taxonomy, parse_taxonomy

if TYPE_CHECKING:
    from .keywords import KeywordClassifier

__all__ = [
    "Classifier",
    "Label",
    "Taxonomy",
    "classify",
    "default_taxonomy",
    "default_keyword_classifier",
    "keyword_classifier",
    "load_taxonomy",
    "parse_taxonomy",
]


@runtime_checkable
class Classifier(Protocol):
    """Gives each article one topic (same order as the articles)."""

    def classify(self, articles: list[Article]) -> list[Topic]: ...


def keyword_classifier(*, taxonomy: str | Path | Taxonomy | None = None) -> KeywordClassifier:
    """The registry's ``keywords`` classifier. The default one (default taxonomy) is built once
    per process, since its term tables take a tenth of a second to index; the trained classifier
    reads its verdicts as features (:mod:`.trained`). A custom taxonomy gets a classifier of its own."""
    if taxonomy is None:
        return default_keyword_classifier()
    from .keywords import KeywordClassifier

    return KeywordClassifier(taxonomy=taxonomy)


@lru_cache(maxsize=1)
def default_keyword_classifier() -> KeywordClassifier:
    """The keyword classifier of the default taxonomy and term lists. Made, its indexed tables
    cost a cold build 55 ms CPU; so they are kept in the user's cache (:mod:`briefing.cache`),
    read back in 10, while the files they are made from (this package's code, the text
    helpers it normalizes with, the shipped data files) are unchanged."""
    from .. import data, text
    from ..cache import kept
    from .keywords import KeywordClassifier

    # Every shipped data file, not only the three read today: a file the classifier comes to
    # read must not be missed (a stat each; retraining the splitter remakes this cache too).
    sources = [
        *sorted(Path(__file__).parent.glob("*.py")),
        Path(text.__file__),
        *sorted(p for p in data.DIRECTORY.iterdir() if p.is_file() and p.suffix != ".pyc"),
    ]
    return kept("keyword-classifier", sources=sources, make=KeywordClassifier)


def classify(
    articles: list[Article],
    *,
    classifier: Classifier | None = None,
    labels: Sequence[str] | None = None,
) -> list[Article]:
    """Set ``article.topic`` on each article with ``classifier`` (default: the keyword one) and
    return the articles. A classifier from a name: ``briefing.registry.classifiers.resolve(name)``.

    Every topic's label must be in ``labels`` (default: the classifier's taxonomy, when it has
    one); output that breaks the contract (:mod:`briefing.contracts`) is a ContractError.
    """
    if isinstance(classifier, str):
        raise TypeError(
            "classify() takes a Classifier; make one from a name with "
            "briefing.registry.classifiers.resolve(name)"
        )
    model = classifier if classifier is not None else default_keyword_classifier()
    if labels is None:
        labels = getattr(getattr(model, "taxonomy", None), "names", None)
    topics = check_topics(model, articles, model.classify(articles), labels)
    for article, topic in zip(articles, topics):
        article.topic = topic
    return articles
