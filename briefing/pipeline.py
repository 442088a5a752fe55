"""The whole build: split -> classify -> summarize -> assemble, as one reusable object.

A :class:`Pipeline` takes a configuration, builds its components once (taxonomy, splitter,
classifier, summarizer, titler), holds them and hands them to the stages; then it turns any
number of issues into briefings with :meth:`Pipeline.run`. :func:`build_briefing` is the one-call form.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .api import DEFAULT_SPLITTERS, page_kind, split_issue
from .assemble import assemble, check_date
from .config import BuildConfig, load_config
from .read import read
from .read.files import TEXT
from .records import Article, Briefing, Issue
from .registry import classifiers, splitters, summarizers, titlers

if TYPE_CHECKING:
    from .split import Splitter
    from .summarize import Summarizer, Titler
    from .topics import Classifier

logger = logging.getLogger(__name__)


class Pipeline:
    """Settings in, components built once, ``run(source) -> Briefing`` as often as needed.

    Each stage's output is checked as it comes out (:mod:`briefing.contracts`): a component that
    breaks its stage's contract stops the run with a :class:`~briefing.errors.ContractError`
    naming the stage and the component.

    The pipeline owns its components: :attr:`classifier`, :attr:`summarizer`, :attr:`titler`
    and the splitters are made from the settings through :mod:`briefing.registry`, once, kept
    for the pipeline's life and handed to the stages. A splitter is made when an issue with its
    kind of pages first needs one (:meth:`splitter_for`); articles files come split.
    """

    def __init__(self, config: BuildConfig | str | Path | None = None) -> None:
        """``config``: a :class:`BuildConfig`, the path of a ``briefing.toml``, or None for the defaults."""
        from .topics import load_taxonomy

        self.config = as_config(config)
        cfg = self.config
        # Everything that can be wrong in the configuration fails here, before any issue is read:
        # the values when the settings were made, and now a bad name, card or model file.
        self.taxonomy = load_taxonomy(cfg.taxonomy)
        self.classifier: Classifier = make_classifier(cfg)
        self.summarizer: Summarizer = summarizers.resolve(cfg.summarizer)
        self.titler: Titler = titlers.resolve(cfg.titler)
        if cfg.splitter is not None:  # the name is checked now; splitters are made on first use
            splitters.get(cfg.splitter)
        self._splitters: dict[str, Splitter] = {}
        # A trained model brings its own taxonomy; its labels give the section order.
        self.labels = list(
            getattr(getattr(self.classifier, "taxonomy", None), "names", None)
            or self.taxonomy.names
        )

    def splitter_for(self, kind: str) -> Splitter | None:
        """The splitter for pages of ``kind``: the configured one, else that kind's default (made
        once, on first use); None for articles already split, which need none."""
        name = self.config.splitter or DEFAULT_SPLITTERS.get(kind)
        if name is None:
            return None
        if name not in self._splitters:
            self._splitters[name] = splitters.resolve(name)
        return self._splitters[name]

    @property
    def splitter(self) -> Splitter:
        """The splitter of text pages (see :meth:`splitter_for`)."""
        splitter = self.splitter_for(TEXT)
        assert splitter is not None  # text pages always have one
        return splitter

    def load(
        self,
        source: str | Path | Sequence[str | Path],
        *,
        paper: str | None = None,
        date: str | None = None,
    ) -> tuple[Issue, list[Article]]:
        """Read ``source`` and split it with this pipeline's splitter for its kind of pages."""
        issue = read(source, paper=paper, date=date, ocr=self.config.ocr)
        return issue, split_issue(issue, splitter=self.splitter_for(page_kind(issue)))

    def annotate(self, articles: list[Article]) -> list[Article]:
        """Classify and summarize ``articles``, one issue's in page order, in place (the stages
        between split and assemble)."""
        from .summarize import summarize
        from .topics import classify

        if not articles:
            return articles
        classify(articles, classifier=self.classifier, labels=self.labels)
        return summarize(
            articles,
            summarizer=self.summarizer,
            titler=self.titler,
            max_chars=self.config.max_chars,
            issue=True,
            copies=_story_copies,
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
        issue, articles = self.load(source, paper=paper, date=date)
        self.annotate(articles)
        return self.assemble(issue, articles, paper=paper, date=date), articles


def _story_copies(texts: list[str]) -> list[list[int]]:
    """:func:`briefing.jobs.dedupe.duplicate_groups`, loaded only when an issue's summaries repeat
    one another (a build that needs no copies found loads no hashing)."""
    from .jobs.dedupe import duplicate_groups

    return duplicate_groups(texts)


def make_classifier(config: BuildConfig) -> Classifier:
    """The classifier the settings ask for: a topic model given means the trained classifier,
    unless another was named; a custom taxonomy goes to the classifier that reads it."""
    name = config.classifier
    options: dict[str, object] = {}
    if config.topic_model is not None:
        name = "trained" if name == "keywords" else name
        options.update(model=config.topic_model, taxonomy=config.taxonomy)
    elif config.taxonomy is not None:
        options.update(taxonomy=config.taxonomy)
    return classifiers.resolve(name, **options)


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
