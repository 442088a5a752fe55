"""From a name on the command line or in ``briefing.toml`` to a ready component.

A summarizer, titler or classifier is named by a registry name (``extractive``), a model card
name (``qwen2.5-0.5b-gguf``, found in ``models/``) or a card file path. A card's backend comes
from the ``backends`` registry; one backend instance (one loaded model) serves every role and
every issue in the process.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from ..errors import ConfigError
from .cards import ModelCard, find_card, list_cards, looks_like_path

logger = logging.getLogger(__name__)

ROLE_NAMES = {"summarizer": "summarizers", "titler": "titlers", "classifier": "classifiers"}
ADAPTERS = {
    "summarizer": "briefing.backends.adapters:ModelSummarizer",
    "titler": "briefing.backends.adapters:ModelTitler",
    "classifier": "briefing.backends.adapters:ModelClassifier",
}
_backends: dict[tuple, Any] = {}
_components: dict[tuple[str, str, tuple], Any] = {}
_lock = threading.Lock()


def role_of(role: str) -> str:
    """``summarizer`` from ``summarizer`` or ``summarizers``."""
    singular = role[:-1] if role.endswith("s") and role[:-1] in ROLE_NAMES else role
    if singular not in ROLE_NAMES:
        raise ConfigError(f"unknown role {role!r}; roles: {', '.join(ROLE_NAMES)}")
    return singular


def registry_for(role: str):
    from .. import registry

    return getattr(registry, ROLE_NAMES[role_of(role)])


def card_named(name_or_path: str) -> ModelCard:
    card = find_card(name_or_path)
    if card is None:
        known = ", ".join(c.name for c in list_cards()) or "none"
        raise ConfigError(f"no model card {name_or_path!r}; cards: {known}")
    return card


def backend_for(card: ModelCard) -> Any:
    """The one backend instance for the card's model (cards that run the same model share it)."""
    from ..registry import backends

    with _lock:
        if card.key not in _backends:
            factory = backends.get(card.backend)  # an unknown backend lists the known ones
            _backends[card.key] = factory(card)
        return _backends[card.key]


def _adapter(role: str):
    import importlib

    module, _, attr = ADAPTERS[role].partition(":")
    return getattr(importlib.import_module(module), attr)


def create_from_card(role: str, name_or_path: str, *, warm: bool = True, **options: Any) -> Any:
    """The model-backed component for ``role`` from a card; warmed up (loaded) unless ``warm=False``.

    An unknown name raises :class:`ConfigError` listing the registered names and the cards.
    """
    role = role_of(role)
    card = find_card(name_or_path)
    if card is None:
        registered = ", ".join(registry_for(role).names()) or "none"
        cards = ", ".join(c.name for c in list_cards() if role in c.roles) or "none"
        raise ConfigError(f"unknown {role} {name_or_path!r}; available: {registered}; model cards: {cards}")
    key = (role, card.source, tuple(sorted((k, repr(v)) for k, v in options.items())))
    component = _components.get(key)
    if component is None:
        try:
            component = _adapter(role)(card=card, **options)
        except TypeError as exc:  # e.g. --topic-model given with a model card
            raise ConfigError(f"{role} {card.name!r} (a model card) does not take these options: {', '.join(options)}") from exc
        _components[key] = component
    if warm:
        component.warm_up()  # bad cards, missing files, unreachable servers fail here, at start-up
    return component


def resolve_component(role: str, name_or_card: str, *, warm: bool = True, **options: Any) -> Any:
    """A component for ``role`` from a registry name, a card name in ``models/``, or a card file path."""
    role = role_of(role)
    registry = registry_for(role)
    if not looks_like_path(name_or_card) and name_or_card in registry.names():
        if options:
            return registry.create(name_or_card, **options)
        from ..api import component

        return component(registry, name_or_card)
    return create_from_card(role, name_or_card, warm=warm, **options)


def loaded_backends() -> list[Any]:
    """The backends made so far in this process (for tests and ``briefing models``)."""
    return list(_backends.values())


def forget() -> None:
    """Drop the cached backends and components (tests; a long-running process reloading cards)."""
    with _lock:
        _backends.clear()
        _components.clear()
