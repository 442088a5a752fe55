"""Registries of pipeline components, one per role: the one route from a name to a component.

``summarizers.resolve("extractive")``, ``summarizers.resolve("qwen2.5-0.5b-gguf")`` and
``summarizers.resolve("cards/mine.toml")`` all go through :meth:`Registry.resolve`, which looks
a name up in this order:

1. the built-in components, declared once in this module as ``"module:attribute"`` references
   (loaded only when first asked for, so importing the package stays cheap), and components
   registered at run time with :meth:`Registry.register`;
2. third-party components, declared as entry points in the role's group and read only when a
   name is not built in (so ``import briefing`` and a default build never load
   ``importlib.metadata``)::

       [project.entry-points."briefing.summarizers"]
       my-model = "my_plugin:MySummarizer"

3. for the model-backed roles (summarizers, titlers, classifiers), a model card: a card name in
   ``models/`` or a card file's path (see :mod:`briefing.backends`). A card's backend comes from
   the ``backends`` registry; one backend instance (one loaded model) serves every role and
   every issue in the process.

A built-in name cannot be taken over by a plugin. Each :meth:`~Registry.resolve` makes a new
component; whoever needs one keeps it (a :class:`~briefing.pipeline.Pipeline` holds its own).
"""

from __future__ import annotations

import importlib
import logging
import threading
from typing import TYPE_CHECKING, Any, Callable, Generic, TypeVar

from .errors import ConfigError

if TYPE_CHECKING:
    from .backends.base import Backend
    from .backends.cards import ModelCard
    from .split import Splitter
    from .summarize import Summarizer, Titler
    from .topics import Classifier

logger = logging.getLogger(__name__)

T = TypeVar("T")


def load_reference(ref: str) -> Any:
    """The object a ``"module:attribute"`` reference names."""
    module_name, _, attr = ref.partition(":")
    obj: Any = importlib.import_module(module_name)
    for part in attr.split("."):
        obj = getattr(obj, part)
    return obj


class Registry(Generic[T]):
    """Names (and, for model-backed roles, model cards) to components of one role."""

    def __init__(
        self, role: str, builtins: dict[str, str], *, card_adapter: str | None = None
    ) -> None:
        self.role = role  # "summarizers"
        self.kind = role[:-1]  # "summarizer"
        self.group = f"briefing.{role}"
        self._builtins = dict(builtins)
        self._loaded: dict[str, Callable[..., T]] = {}
        self._plugins: dict[str, str] | None = None  # entry points, read on first need
        # "module:Class" of the adapter that puts a model card in this role (None: no cards).
        self.card_adapter = card_adapter

    def register(self, name: str, factory: Callable[..., T] | None = None):
        """Register ``factory`` under ``name``; usable as a decorator."""

        def add(obj: Callable[..., T]) -> Callable[..., T]:
            self._loaded[name] = obj
            return obj

        return add(factory) if factory is not None else add

    def _entry_points(self) -> dict[str, str]:
        if self._plugins is None:
            # Here, not at the top: importlib.metadata (and the email package it pulls in) is a
            # third of `import briefing`, and only a name that is not built in needs the plugins.
            from importlib.metadata import entry_points

            self._plugins = {
                ep.name: ep.value
                for ep in entry_points(group=self.group)
                if ep.name not in self._builtins
            }
        return self._plugins

    def names(self) -> list[str]:
        """Every name this role answers to: built-in, registered and third-party."""
        return sorted(set(self._builtins) | set(self._loaded) | set(self._entry_points()))

    def _reference(self, name: str) -> str | None:
        return self._builtins.get(name) or self._entry_points().get(name)

    def knows(self, name: str) -> bool:
        """Whether ``name`` is a registered name (built-in, registered or third-party)."""
        return name in self._loaded or self._reference(name) is not None

    def get(self, name: str) -> Callable[..., T]:
        """The factory registered as ``name``; an unknown name lists the known ones."""
        if name in self._loaded:
            return self._loaded[name]
        ref = self._reference(name)
        if ref is None:
            raise self._unknown(name)
        try:
            factory = load_reference(ref)
        except (ImportError, AttributeError) as exc:
            raise ConfigError(f"cannot load {self.kind} {name!r} from {ref}: {exc}") from exc
        self._loaded[name] = factory
        return factory

    def name_of(self, component: object) -> str | None:
        """The first name ``component``'s own class is registered under, for messages in the
        names users write (``rules``, not ``LineSplitter``); None for any other class (a
        subclass, a component made by hand)."""
        cls = type(component)
        ref = f"{cls.__module__}:{cls.__qualname__}"
        # Built-ins first, in their declared order (the loaded ones are cached in use order).
        for name, known in self._builtins.items():
            if known == ref:
                return name
        return next((name for name, factory in self._loaded.items() if factory is cls), None)

    def resolve(self, name_or_card: str | ModelCard, **options: Any) -> T:
        """A new component from a registered name, a model card's name or path, or a
        :class:`~briefing.backends.cards.ModelCard`; ``options`` go to its factory.

        A card's component is warmed up here (dependency, file, server, prompt template), so a
        bad card fails before any issue is read. Anything unknown is a :class:`ConfigError`
        that lists the names and cards this role takes.
        """
        if isinstance(name_or_card, str):
            # A built-in name (none looks like a path) needs neither the model cards' module nor
            # the entry points: a cold `briefing build` resolves four of them.
            if name_or_card not in self._builtins:
                from .backends.cards import looks_like_path

                if looks_like_path(name_or_card) or not self.knows(name_or_card):
                    return self._from_card(name_or_card, options)
            try:
                return self.get(name_or_card)(**options)
            except TypeError as exc:
                if not options:
                    raise
                raise self._options_refused(name_or_card, options) from exc
        return self._from_card(name_or_card, options)

    def _from_card(self, name_or_card: str | ModelCard, options: dict[str, Any]) -> T:
        if self.card_adapter is None:
            raise self._unknown(str(name_or_card))
        from .backends.cards import find_card

        card = find_card(name_or_card) if isinstance(name_or_card, str) else name_or_card
        if card is None:
            raise self._unknown(str(name_or_card))
        try:
            component = load_reference(self.card_adapter)(card=card, **options)
        except TypeError as exc:  # e.g. a topic model given with a model card
            raise self._options_refused(f"{card.name} (a model card)", options) from exc
        component.warm_up()  # bad cards, missing files, unreachable servers fail here
        return component

    def _options_refused(self, what: str, options: dict[str, Any]) -> ConfigError:
        return ConfigError(
            f"{self.kind} {what!r} does not take these options: {', '.join(options)}"
        )

    def _unknown(self, name: str) -> ConfigError:
        known = ", ".join(self.names()) or "none"
        if self.card_adapter is None:
            return ConfigError(f"unknown {self.kind} {name!r}; available: {known}")
        from .backends.cards import list_cards

        cards = ", ".join(c.name for c in list_cards() if self.kind in c.roles) or "none"
        return ConfigError(
            f"unknown {self.kind} {name!r}; available: {known}; model cards: {cards}"
        )


# The built-in components, declared here and nowhere else (pyproject's entry points are for
# third-party packages).
splitters: Registry[Splitter] = Registry(
    "splitters",
    # "rules" is the text pages' splitter, by the name configs and messages use; "lines" names
    # the same one for configs written before it had that name.
    {
        "rules": "briefing.split.splitter:LineSplitter",
        "lines": "briefing.split.splitter:LineSplitter",
        "layout": "briefing.split.layout:LayoutSplitter",
    },
)
classifiers: Registry[Classifier] = Registry(
    "classifiers",
    {
        "keywords": "briefing.topics:keyword_classifier",
        "trained": "briefing.topics.trained:TrainedClassifier",
    },
    card_adapter="briefing.backends.adapters:ModelClassifier",
)
summarizers: Registry[Summarizer] = Registry(
    "summarizers",
    {"extractive": "briefing.summarize.extractive:ExtractiveSummarizer"},
    card_adapter="briefing.backends.adapters:ModelSummarizer",
)
titlers: Registry[Titler] = Registry(
    "titlers",
    {"extractive": "briefing.summarize.titles:ExtractiveTitler"},
    card_adapter="briefing.backends.adapters:ModelTitler",
)
# A renderer is its own factory: called with a briefing, it gives the rendered text or bytes.
renderers: Registry[str | bytes] = Registry(
    "renderers",
    {
        "md": "briefing.render.markdown:render_markdown",
        "html": "briefing.render.html:render_html",
        "txt": "briefing.render.text:render_text",
        "json": "briefing.render.json:render_json",
        "docx": "briefing.render.docx:render_docx",
    },
)
backends: Registry[Backend] = Registry(
    "backends",
    {
        "transformers-seq2seq": "briefing.backends.transformers_seq2seq:Seq2SeqBackend",
        "transformers-chat": "briefing.backends.transformers_chat:ChatBackend",
        "llamacpp": "briefing.backends.llamacpp:LlamaCppBackend",
        "openai": "briefing.backends.openai_http:OpenAIBackend",
    },
)


# One backend instance (one loaded model) per model, shared by every role and every component
# made from a card that runs it.
_backends: dict[tuple, Any] = {}
_lock = threading.Lock()


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


def loaded_backends() -> list[Any]:
    """The backends made so far in this process (for tests and ``briefing models``)."""
    return list(_backends.values())


def forget() -> None:
    """Drop the loaded backends (tests; a long-running process reloading cards)."""
    with _lock:
        _backends.clear()
