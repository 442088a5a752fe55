"""Registries of pipeline components, one per role, extended by entry points.

Built-in components are declared the way plugins are: as ``"module:attribute"`` references
loaded only when first asked for, so importing the package stays cheap. A third-party package
adds a component by declaring an entry point in the role's group, for example::

    [project.entry-points."briefing.summarizers"]
    my-model = "my_plugin:MySummarizer"
"""

from __future__ import annotations

import importlib
import logging
from importlib.metadata import entry_points
from typing import Any, Callable

from .errors import ConfigError

logger = logging.getLogger(__name__)


class Registry:
    """Names to component factories for one role (``splitters``, ``classifiers``, ...)."""

    def __init__(self, role: str, builtins: dict[str, str] | None = None) -> None:
        self.role = role
        self.group = f"briefing.{role}"
        self._refs: dict[str, str] = dict(builtins or {})
        self._loaded: dict[str, Callable[..., Any]] = {}
        self._scanned = False

    def register(self, name: str, factory: Callable[..., Any] | None = None):
        """Register ``factory`` under ``name``; usable as a decorator."""

        def add(obj: Callable[..., Any]) -> Callable[..., Any]:
            self._loaded[name] = obj
            return obj

        return add(factory) if factory is not None else add

    def _scan(self) -> None:
        if self._scanned:
            return
        self._scanned = True
        for ep in entry_points(group=self.group):
            self._refs.setdefault(ep.name, ep.value)

    def names(self) -> list[str]:
        self._scan()
        return sorted(set(self._refs) | set(self._loaded))

    def get(self, name: str) -> Callable[..., Any]:
        """The factory registered as ``name``; an unknown name lists the known ones."""
        if name in self._loaded:
            return self._loaded[name]
        self._scan()
        ref = self._refs.get(name)
        if ref is None:
            known = ", ".join(self.names()) or "none"
            raise ConfigError(f"unknown {self.role[:-1]} {name!r}; available: {known}")
        module_name, _, attr = ref.partition(":")
        try:
            obj: Any = importlib.import_module(module_name)
            for part in attr.split("."):
                obj = getattr(obj, part)
        except (ImportError, AttributeError) as exc:
            raise ConfigError(f"cannot load {self.role[:-1]} {name!r} from {ref}: {exc}") from exc
        self._loaded[name] = obj
        return obj

    def create(self, name: str, **options: Any) -> Any:
        if self.role in CARD_ROLES and (name not in self.names() or name.endswith(".toml")):
            # A model card (models/*.toml, or a card's path) names a model-backed component too.
            from .backends.resolve import create_from_card

            return create_from_card(self.role, name, **options)
        return self.get(name)(**options)


# Roles whose components can also be named by a model card (see briefing.backends).
CARD_ROLES = ("summarizers", "titlers", "classifiers")


splitters = Registry(
    "splitters",
    # "rules" names the same splitter for configs written before the splitter learned its rules.
    {"lines": "briefing.split.splitter:LineSplitter", "rules": "briefing.split.splitter:LineSplitter"},
)
classifiers = Registry(
    "classifiers",
    {
        "keywords": "briefing.topics.keywords:KeywordClassifier",
        "trained": "briefing.topics.trained:TrainedClassifier",
    },
)
summarizers = Registry("summarizers", {"extractive": "briefing.summarize.extractive:ExtractiveSummarizer"})
titlers = Registry("titlers", {"extractive": "briefing.summarize.titles:ExtractiveTitler"})
renderers = Registry(
    "renderers",
    {
        "md": "briefing.render.markdown:render_markdown",
        "html": "briefing.render.html:render_html",
        "txt": "briefing.render.text:render_text",
        "json": "briefing.render.json:render_json",
        "docx": "briefing.render.docx:render_docx",
    },
)
backends = Registry(
    "backends",
    {
        "transformers-seq2seq": "briefing.backends.transformers_seq2seq:Seq2SeqBackend",
        "transformers-chat": "briefing.backends.transformers_chat:ChatBackend",
        "llamacpp": "briefing.backends.llamacpp:LlamaCppBackend",
        "openai": "briefing.backends.openai_http:OpenAIBackend",
    },
)
