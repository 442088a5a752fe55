"""Model-backed components: a Summarizer, a Titler and a Classifier on top of any backend.

Each builds prompts (chat backends) or inputs (seq2seq backends), asks its backend for one
batch per issue, and vets every output (:mod:`.checks`). An output that fails, or an article
whose request failed, gets the default component's result instead, marked as a fallback with
the reason: a briefing never carries an unchecked model sentence.
"""

from __future__ import annotations

import logging
from typing import Any

from ..config import DEFAULT_MAX_CHARS
from ..errors import ConfigError
from ..records import Article, Provenance, Summary, Topic
from ..provenance import kept_title_method
from ..summarize.extractive import ExtractiveSummarizer
from ..summarize.furniture import Reading, read_furniture
from ..summarize.vetting import FALLBACK_EXTRACTIVE as FALLBACK_SUMMARY, fallback_summary  # noqa: F401  (the name callers know)
from ..summarize.headlines import MAX_TITLE_CHARS
from ..summarize.titles import ExtractiveTitler
from .base import Backend, BackendError, Generation
from .cards import ModelCard
from .checks import parse_label, vet_summary, vet_title
from .prompts import article_block, template_for

logger = logging.getLogger(__name__)

FALLBACK_TOPIC = "keywords-fallback"


class ModelComponent:
    """The shared part: the card, its backend (shared per model), warm-up and one batch of requests."""

    role = ""

    def __init__(
        self, *, card: str | ModelCard | None = None, backend: Backend | None = None
    ) -> None:
        if backend is None:
            if card is None:
                raise ConfigError(
                    f"the model {self.role} needs a model card: a card name or file "
                    "(e.g. qwen2.5-0.5b-gguf)"
                )
            from ..registry import backend_for, card_named

            backend = backend_for(card_named(card) if isinstance(card, str) else card)
        self.backend = backend
        self.card: ModelCard = backend.card
        if self.role not in self.card.roles:
            raise ConfigError(
                f"model {self.card.name!r} is not declared for the {self.role} role (its roles: {', '.join(self.card.roles)})"
            )
        self.method = f"model:{self.card.name}"
        self._template = None

    def check(self) -> None:
        """Cheap start-up checks (dependency, file, server, prompt template); loads nothing."""
        self.backend.check()
        if self.backend.chat:
            self.template()

    def warm_up(self) -> None:
        self.check()
        self.backend.warm_up()

    def template(self):
        if self._template is None:
            self._template = template_for(self.card, self.role)
        return self._template

    def block(self, article: Article, *, with_title: bool = True) -> str:
        return article_block(
            article,
            truncate=lambda text: self.backend.truncate(text, self.card.max_input_tokens),
            with_title=with_title,
        )

    def run(self, requests: list[Any], **options: Any) -> list[Generation]:
        """One Generation per request; a batch that failed as a whole gives each request its error."""
        self.warm_up()
        try:
            outputs = self.backend.generate(requests, **options)
        except BackendError as exc:
            return [Generation(error=str(exc)) for _ in requests]
        if len(outputs) != len(requests):
            raise ConfigError(
                f"backend {self.card.backend!r} returned {len(outputs)} outputs for {len(requests)} requests"
            )
        return outputs


class ModelSummarizer(ModelComponent):
    """Summaries from a model card; each is guarded and budgeted, with the extractive fallback."""

    role = "summarizer"

    def __init__(
        self, *, card: str | ModelCard | None = None, backend: Backend | None = None
    ) -> None:
        super().__init__(card=card, backend=backend)
        self.fallback = ExtractiveSummarizer()

    def requests(self, articles: list[Article], max_chars: int) -> list[Any]:
        if not self.backend.chat:
            prefix = self.card.input_prefix
            return [prefix + "\n".join(p for p in (a.headline, a.text) if p) for a in articles]
        template = self.template()
        return [
            template.render(
                article=self.block(a),
                title=a.headline,
                max_chars=max_chars,
                target_chars=int(max_chars * 0.7),
            )
            for a in articles
        ]

    def summarize(
        self, articles: list[Article], *, max_chars: int = DEFAULT_MAX_CHARS
    ) -> list[Summary]:
        wanted = [a for a in articles if a.text.strip()]
        outputs = (
            dict(zip((id(a) for a in wanted), self.run(self.requests(wanted, max_chars))))
            if wanted
            else {}
        )
        summaries = []
        for article in articles:
            output = outputs.get(id(article))
            if output is None:
                summaries.append(self.fallback.summarize_one(article, max_chars=max_chars))
                continue
            if output.error:
                summaries.append(
                    self.fall_back(article, max_chars, f"{self.card.name}: {output.error}")
                )
                continue
            text, problems = vet_summary(output.text, article, max_chars=max_chars)
            if problems:
                logger.info(
                    "%s: %s summary rejected: %s", article.id, self.card.name, "; ".join(problems)
                )
                summaries.append(
                    self.fall_back(
                        article,
                        max_chars,
                        f"{self.card.name} output rejected: {'; '.join(problems)}",
                    )
                )
            else:
                summaries.append(Summary(text=text, method=self.method, model=self.card.name))
        return summaries

    def fall_back(self, article: Article, max_chars: int, reason: str) -> Summary:
        summary = fallback_summary(article, max_chars=max_chars, rejected=None, reason=reason)
        summary.model = self.card.name
        return summary


class ModelTitler(ModelComponent):
    """Printed titles stay; headline-less articles get a model title, vetted, else the extractive one."""

    role = "titler"

    def __init__(
        self,
        *,
        card: str | ModelCard | None = None,
        backend: Backend | None = None,
        max_chars: int = MAX_TITLE_CHARS,
        rewrite_printed: bool = False,
    ) -> None:
        super().__init__(card=card, backend=backend)
        self.max_chars = max_chars
        self.rewrite_printed = rewrite_printed
        self.fallback = ExtractiveTitler(max_chars=max_chars)
        self.rejections: dict[str, str] = {}  # article id -> why the model's title was not used

    def title(
        self, articles: list[Article], *, readings: list[Reading] | None = None
    ) -> list[tuple[str, bool]]:
        # Each article as read: a photo box's label is no title, a brief printed as its heading
        # is its text (both are titled by the model like any untitled article).
        if readings is None:
            readings = [read_furniture(a) for a in articles]
        defaults = self.fallback.title(articles, readings=readings)
        read = [reading.article for reading in readings]
        wanted = [
            i
            for i, a in enumerate(read)
            if a.text.strip() and (self.rewrite_printed or not (a.title or "").strip())
        ]
        if not wanted:
            return defaults
        if self.backend.chat:
            template = self.template()
            requests: list[Any] = [
                template.render(
                    article=self.block(read[i], with_title=False),
                    title="",
                    max_chars=self.max_chars,
                    target_chars=self.max_chars - 4,
                )
                for i in wanted
            ]
        else:
            requests = [self.card.input_prefix + read[i].text for i in wanted]
        results = list(defaults)
        for i, output in zip(wanted, self.run(requests, max_new_tokens=48)):
            article = articles[i]
            problems = [output.error] if output.error else []
            text = ""
            if not problems:
                text, problems = vet_title(output.text, read[i], max_chars=self.max_chars)
            if problems:
                self.rejections[article.id] = "; ".join(p for p in problems if p)
                logger.info(
                    "%s: %s title rejected: %s",
                    article.id,
                    self.card.name,
                    self.rejections[article.id],
                )
                kept = (
                    "extractive-fallback"
                    if results[i][1]
                    else kept_title_method(article, results[i][0])
                )
                article.title_provenance = Provenance(
                    method=kept, model=self.card.name, reason=self.rejections[article.id]
                )
            else:
                results[i] = (text, True)
                article.title_provenance = Provenance(method=self.method, model=self.card.name)
        return results


class ModelClassifier(ModelComponent):
    """Zero-shot topic labels from a chat model, restricted to the taxonomy's labels."""

    role = "classifier"

    def __init__(
        self,
        *,
        card: str | ModelCard | None = None,
        backend: Backend | None = None,
        taxonomy: Any = None,
    ) -> None:
        super().__init__(card=card, backend=backend)
        from ..topics.keywords import KeywordClassifier

        self.fallback = KeywordClassifier(taxonomy=taxonomy)
        self.taxonomy = self.fallback.taxonomy

    def check(self) -> None:
        if not self.backend.chat:
            raise ConfigError(
                f"model {self.card.name!r} ({self.card.backend}) cannot classify: zero-shot topics need a chat model"
            )
        super().check()

    def classify(self, articles: list[Article]) -> list[Topic]:
        defaults = self.fallback.classify(articles)
        names = self.taxonomy.names
        labels = "\n".join(names)
        scopes = "\n".join(
            f"{label.name}：{label.scope}" if label.scope else label.name
            for label in self.taxonomy.labels
        )
        template = self.template()
        requests = [
            template.render(
                article=self.block(a),
                title=a.headline,
                labels=labels,
                label_scopes=scopes,
                max_chars=0,
                target_chars=0,
            )
            for a in articles
        ]
        topics = []
        for article, default, output in zip(
            articles, defaults, self.run(requests, max_new_tokens=16)
        ):
            label = None if output.error else parse_label(output.text, names)
            if label is None:
                why = (
                    output.error or f"answer {output.text.strip()[:40]!r} is not one taxonomy label"
                )
                logger.info("%s: %s topic not used: %s", article.id, self.card.name, why)
                default.method = FALLBACK_TOPIC
                topics.append(default)
                continue
            agrees = label == default.label
            # No calibrated probability from a generated answer: agreement with the keyword classifier is the score.
            topics.append(
                Topic(
                    label=label,
                    score=max(default.score, 0.5) if agrees else 0.5,
                    runner_up=default.runner_up if agrees else default.label,
                    evidence=default.evidence if agrees else [],
                    method=self.method,
                )
            )
        return topics
