"""What models and components this installation has, and whether each can load here.

Nothing is loaded: a card is checked by its backend's ``check()`` (dependency importable, file
present, server reachable), a registered component by importing its module.
"""

from __future__ import annotations

import logging
from typing import Any

from ..errors import ConfigError
from .base import importable
from .cards import card_dirs, list_cards

logger = logging.getLogger(__name__)

ROLE_REGISTRIES = ("summarizers", "titlers", "classifiers", "backends")


def card_status(card) -> dict[str, Any]:
    from ..registry import backend_for

    entry = {
        "name": card.name,
        "backend": card.backend,
        "roles": list(card.roles),
        "model": card.model or card.file or "",
        "base_url": card.base_url,
        "source": card.source,
        "description": card.description,
    }
    try:
        backend_for(card).check()
        entry.update(ok=True, status="ready")
        if (
            card.backend.startswith("transformers")
            and card.model
            and not card.file
            and card.local_model() is None
        ):
            from .hf import hub_cached

            if not hub_cached(card.model):
                entry["status"] = "ready (downloads from the hub on first use)"
    except ConfigError as exc:
        entry.update(ok=False, status=str(exc))
    return entry


def component_status(registry, name: str) -> dict[str, Any]:
    try:
        factory = registry.get(name)
    except ConfigError as exc:
        return {"name": name, "ok": False, "status": str(exc)}
    missing = importable(*getattr(factory, "requires", ()))
    if missing:
        return {"name": name, "ok": False, "status": f"needs {missing} (not installed)"}
    return {"name": name, "ok": True, "status": "ready"}


def inventory() -> dict[str, Any]:
    """``{"cards": [...], "components": {role: [...]}, "card_dirs": [...]}``, each with ok and status."""
    from .. import registry as registries

    components = {}
    for role in ROLE_REGISTRIES:
        registry = getattr(registries, role)
        components[role] = [component_status(registry, name) for name in registry.names()]
    return {
        "card_dirs": [str(d) for d in card_dirs()],
        "cards": [card_status(card) for card in list_cards()],
        "components": components,
    }


def format_inventory(data: dict[str, Any]) -> str:
    lines = ["Model cards (" + (", ".join(data["card_dirs"]) or "no models/ folder found") + "):"]
    if not data["cards"]:
        lines.append("  none")
    width = max([len(c["name"]) for c in data["cards"]] + [4])
    for card in data["cards"]:
        mark = "ok " if card["ok"] else "-- "
        lines.append(
            f"  {mark}{card['name']:<{width}}  {card['backend']:<21} {','.join(card['roles']):<29} {card['status']}"
        )
    if data["cards"]:
        # "ready" is a static check; a build whose native kernels the CPU cannot run only fails generating.
        lines.append(
            "  (ready: file, package and server found; `briefing models --check NAME` runs a real generation)"
        )
    lines.append("")
    lines.append("Registered components:")
    for role, entries in data["components"].items():
        parts = [e["name"] + ("" if e["ok"] else f" ({e['status']})") for e in entries]
        lines.append(f"  {role + ':':<13} {', '.join(parts) or 'none'}")
    return "\n".join(lines) + "\n"
