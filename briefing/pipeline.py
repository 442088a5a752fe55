"""The whole build: split -> classify -> summarize -> assemble, as one reusable object.

A :class:`Pipeline` takes a configuration, builds its components once (taxonomy, classifier,
summarizer, titler; models load once per process) and then turns any number of issues into
briefings with :meth:`Pipeline.run`. :func:`build_briefing` is the one-call form.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from .api import DEFAULT_SPLITTERS, load_articles
from .registry import component
from .assemble import assemble, check_date
from .config import BuildConfig, load_config
from .read.files import TEXT
from .records import Article, Briefing, Issue

logger = logging.getLogger(__name__)


class Pipeline:
    """Settings in, components built once, ``run(source) -> Briefing`` as often as needed."""

    def __init__(self, config: BuildConfig | str | Path | None = None) -> None:
        """``config``: a :class:`BuildConfig`, the path of a ``briefing.toml``, or None for the defaults."""
        from .registry import splitters, summarizers, titlers
        from .summarize import check_budget
        from .topics import get_classifier, load_taxonomy

        self.config = as_config(config)
        cfg = self.config
        # Everything that can be wrong in the configuration fails here, before any issue is read.
        check_budget(cfg.max_chars)
        self.taxonomy = load_taxonomy(cfg.taxonomy)
        self.classifier = get_classifier(
            classifier=cfg.classifier,
            taxonomy=self.taxonomy if cfg.taxonomy is not None else None,
            topic_model=cfg.topic_model,
        )
        # A trained model brings its own taxonomy; its labels give the section order.
        self.labels = list(
            getattr(getattr(self.classifier, "taxonomy", None), "names", None)
            or self.taxonomy.names
        )
        component(splitters, cfg.splitter or DEFAULT_SPLITTERS[TEXT])
        component(summarizers, cfg.summarizer)
        component(titlers, cfg.titler)

    def annotate(self, articles: list[Article]) -> list[Article]:
        """Classify and summarize ``articles`` in place (the stages between split and assemble)."""
        from .summarize import summarize

        if not articles:
            return articles
        for article, topic in zip(articles, self.classifier.classify(articles)):
            article.topic = topic
        cfg = self.config
        return summarize(
            articles, summarizer=cfg.summarizer, titler=cfg.titler, max_chars=cfg.max_chars
        )

    def assemble(
        self,
        issue: Issue,
        articles: list[Article],
        *,
        paper: str | None = None,
        date: str | None = None,
    ) -> Briefing:
        cfg = self.config
        return assemble(
            issue,
            articles,
            taxonomy=self.labels,
            top_stories=cfg.top_stories,
            keywords=cfg.keywords,
            max_chars=cfg.max_chars,
            paper=paper or cfg.paper,
            date=date,
        )

    def run(
        self,
        source: str | Path | Sequence[str | Path],
        *,
        paper: str | None = None,
        date: str | None = None,
    ) -> Briefing:
        """The briefing of the issue in ``source`` (issue file, directory of pages, ``-``, ``.jsonl``)."""
        return self.run_with_articles(source, paper=paper, date=date)[0]

    def run_with_articles(
        self,
        source: str | Path | Sequence[str | Path],
        *,
        paper: str | None = None,
        date: str | None = None,
    ) -> tuple[Briefing, list[Article]]:
        """:meth:`run`, and the annotated articles the briefing was made from (the review page shows them)."""
        date = check_date(date)
        paper = paper or self.config.paper
        issue, articles = load_articles(
            source, paper=paper, date=date, splitter=self.config.splitter, ocr=self.config.ocr
        )
        self.annotate(articles)
        return self.assemble(issue, articles, paper=paper, date=date), articles


def as_config(config: BuildConfig | str | Path | None) -> BuildConfig:
    """A :class:`BuildConfig` from what importers pass: one, a ``briefing.toml`` path, or None."""
    if config is None or isinstance(config, BuildConfig):
        return config or BuildConfig()
    if isinstance(config, (str, Path)):
        return load_config(config)
    raise TypeError(
        f"config must be a BuildConfig, the path of a briefing.toml, or None; got {type(config).__name__}"
    )


def build_briefing(
    source: str | Path,
    *,
    paper: str | None = None,
    date: str | None = None,
    config: BuildConfig | str | Path | None = None,
) -> Briefing:
    """Build the briefing of one issue; ``config`` is a :class:`BuildConfig` or a ``briefing.toml`` path."""
    return Pipeline(as_config(config)).run(source, paper=paper, date=date)
