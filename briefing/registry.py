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
import threading
from typing import TYPE_CHECKING, Any, Callable

from .errors import ConfigError

if TYPE_CHECKING:
    from .backends.cards import ModelCard

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
        # Here, not at the top: importlib.metadata (and the email package it pulls in) is a
        # third of `import briefing`, and only a name lookup needs the plugins.
        from importlib.metadata import entry_points

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
            return create_from_card(self.role, name, **options)
        return self.get(name)(**options)


# Roles whose components can also be named by a model card (see briefing.backends).
CARD_ROLES = ("summarizers", "titlers", "classifiers")


splitters = Registry(
    "splitters",
    # "rules" names the same splitter for configs written before the splitter learned its rules.
    {
        "lines": "briefing.split.splitter:LineSplitter",
        "rules": "briefing.split.splitter:LineSplitter",
        "layout": "briefing.split.layout:LayoutSplitter",
    },
)
classifiers = Registry(
    "classifiers",
    {
        "keywords": "briefing.topics.keywords:KeywordClassifier",
        "trained": "briefing.topics.trained:TrainedClassifier",
    },
)
summarizers = Registry(
    "summarizers", {"extractive": "briefing.summarize.extractive:ExtractiveSummarizer"}
)
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


# One instance per registry name per process: components (and their models) load once.
_shared: dict[tuple[str, str], object] = {}


def component(registry: Registry, name: str) -> Any:
    """The process-wide instance of ``name`` from ``registry`` (made on first use)."""
    key = (registry.role, name)
    if key not in _shared:
        _shared[key] = registry.create(name)
    return _shared[key]


# From a name on the command line or in ``briefing.toml`` to a ready component: a summarizer,
# titler or classifier is named by a registry name (``extractive``), a model card name
# (``qwen2.5-0.5b-gguf``, found in ``models/``) or a card file path. A card's backend comes from
# the ``backends`` registry; one backend instance (one loaded model) serves every role and every
# issue in the process. The model cards are read only when a card is asked for.

ROLE_NAMES = {"summarizer": "summarizers", "titler": "titlers", "classifier": "classifiers"}
ADAPTERS = {
    "summarizer": "briefing.backends.adapters:ModelSummarizer",
    "titler": "briefing.backends.adapters:ModelTitler",
    "classifier": "briefing.backends.adapters:ModelClassifier",
}
_backends: dict[tuple, Any] = {}
_card_components: dict[tuple[str, str, tuple], Any] = {}
_lock = threading.Lock()


def role_of(role: str) -> str:
    """``summarizer`` from ``summarizer`` or ``summarizers``."""
    singular = role[:-1] if role.endswith("s") and role[:-1] in ROLE_NAMES else role
    if singular not in ROLE_NAMES:
        raise ConfigError(f"unknown role {role!r}; roles: {', '.join(ROLE_NAMES)}")
    return singular


def registry_for(role: str) -> Registry:
    return {"summarizer": summarizers, "titler": titlers, "classifier": classifiers}[role_of(role)]


def card_named(name_or_path: str) -> ModelCard:
    from .backends.cards import find_card, list_cards

    card = find_card(name_or_path)
    if card is None:
        known = ", ".join(c.name for c in list_cards()) or "none"
        raise ConfigError(f"no model card {name_or_path!r}; cards: {known}")
    return card


def backend_for(card: ModelCard) -> Any:
    """The one backend instance for the card's model (cards that run the same model share it)."""
    with _lock:
        if card.key not in _backends:
            factory = backends.get(card.backend)  # an unknown backend lists the known ones
            _backends[card.key] = factory(card)
        return _backends[card.key]


def _adapter(role: str):
    module, _, attr = ADAPTERS[role].partition(":")
    return getattr(importlib.import_module(module), attr)


def create_from_card(role: str, name_or_path: str, *, warm: bool = True, **options: Any) -> Any:
    """The model-backed component for ``role`` from a card; warmed up (loaded) unless ``warm=False``.

    An unknown name raises :class:`ConfigError` listing the registered names and the cards.
    """
    from .backends.cards import find_card, list_cards

    role = role_of(role)
    card = find_card(name_or_path)
    if card is None:
        registered = ", ".join(registry_for(role).names()) or "none"
        cards = ", ".join(c.name for c in list_cards() if role in c.roles) or "none"
        raise ConfigError(
            f"unknown {role} {name_or_path!r}; available: {registered}; model cards: {cards}"
        )
    key = (role, card.source, tuple(sorted((k, repr(v)) for k, v in options.items())))
    component = _card_components.get(key)
    if component is None:
        try:
            component = _adapter(role)(card=card, **options)
        except TypeError as exc:  # e.g. --topic-model given with a model card
            raise ConfigError(
                f"{role} {card.name!r} (a model card) does not take these options: {', '.join(options)}"
            ) from exc
        _card_components[key] = component
    if warm:
        component.warm_up()  # bad cards, missing files, unreachable servers fail here, at start-up
    return component


def resolve_component(role: str, name_or_card: str, *, warm: bool = True, **options: Any) -> Any:
    """A component for ``role`` from a registry name, a card name in ``models/``, or a card file path."""
    from .backends.cards import looks_like_path

    role = role_of(role)
    registry = registry_for(role)
    if not looks_like_path(name_or_card) and name_or_card in registry.names():
        if options:
            return registry.create(name_or_card, **options)
        return component(registry, name_or_card)
    return create_from_card(role, name_or_card, warm=warm, **options)


def loaded_backends() -> list[Any]:
    """The backends made so far in this process (for tests and ``briefing models``)."""
    return list(_backends.values())


def forget() -> None:
    """Drop the cached backends and components (tests; a long-running process reloading cards)."""
    with _lock:
        _backends.clear()
        _card_components.clear()
