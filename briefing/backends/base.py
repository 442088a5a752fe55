"""What every backend provides, and the pieces they share.

A backend runs one model card. Its constructor is light (it stores the card); ``check()`` says
cheaply whether the card can run here (dependency importable, file present, server reachable)
and ``warm_up()`` loads the model once. Both raise :class:`ConfigError` with one line that says
what is wrong, so a bad card fails at start-up, not after half an issue.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
from dataclasses import dataclass
from typing import Any, Protocol, Sequence, runtime_checkable

from ..errors import ConfigError
from .cards import ModelCard
from .prompts import Messages

logger = logging.getLogger(__name__)

TRANSFORMERS_HINT = "pip install 'briefing[transformers]'"
LLAMACPP_HINT = "pip install 'briefing[llamacpp]'"


class BackendError(RuntimeError):
    """A request failed while processing (server error, timeout): that article falls back."""


@dataclass
class Generation:
    """One output of a backend: its text, or why there is none."""

    text: str = ""
    error: str | None = None


# A request is chat messages for chat backends, a plain input text for seq2seq ones.
Request = Messages | str


@runtime_checkable
class Backend(Protocol):
    card: ModelCard
    chat: bool  # whether requests are chat messages (True) or plain input texts (False)

    def check(self) -> None: ...

    def warm_up(self) -> None: ...

    def truncate(self, text: str, max_tokens: int) -> str: ...

    def generate(self, requests: Sequence[Request], **options: Any) -> list[Generation]: ...


def require(module: str, hint: str, *, what: str) -> Any:
    """Import ``module`` or raise a one-line ConfigError that says how to install it."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise ConfigError(f"{what} needs {module.split('.')[0]}, which is not installed here ({exc.name}): {hint}") from exc


def importable(*modules: str) -> str | None:
    """The first of ``modules`` that cannot be imported here, or None (nothing is imported)."""
    for module in modules:
        if importlib.util.find_spec(module) is None:
            return module
    return None


def approx_truncate(text: str, max_tokens: int) -> str:
    """Keep the lead: about one token per 1.5 Chinese characters, cut at a paragraph or sentence end."""
    limit = int(max_tokens * 1.5)
    if len(text) <= limit:
        return text
    cut = text[:limit]
    for stop in ("\n", "。", "！", "？"):
        end = cut.rfind(stop)
        if end >= limit // 2:
            return cut[: end + 1].rstrip()
    return cut
