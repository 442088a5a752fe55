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
import threading
import time
from dataclasses import dataclass
from typing import Any, Protocol, Sequence, runtime_checkable

from ..errors import ConfigError
from .cards import ModelCard
from .prompts import Messages

logger = logging.getLogger(__name__)

TRANSFORMERS_HINT = "pip install 'briefing[transformers]'"
LLAMACPP_HINT = "pip install 'briefing[llamacpp]'"


class BackendError(RuntimeError):
    """A request failed while processing (server error, timeout): that article falls back.

    ``transport`` marks a failure to reach the model at all (connection refused, timeout, 5xx
    after retries, a crashed worker), which the :class:`CircuitBreaker` counts.
    """

    def __init__(self, message: str, *, transport: bool = False) -> None:
        super().__init__(message)
        self.transport = transport


class CircuitBreaker:
    """Stops calling a model after ``limit`` consecutive transport failures.

    While open, :meth:`allow` is False and requests fall back at once instead of each waiting
    out its timeouts and retries; after ``cooldown`` seconds one request may try again (so a
    long-running process recovers when the server does). ``limit`` 0 never opens.
    """

    def __init__(self, name: str, *, limit: int = 3, cooldown: float = 300.0) -> None:
        self.name = name
        self.limit = limit
        self.cooldown = cooldown
        self.failures = 0  # consecutive
        self.trips = 0
        self.last_problem = ""
        self._opened_at: float | None = None
        self._lock = threading.Lock()

    @property
    def is_open(self) -> bool:
        return self._opened_at is not None

    def allow(self) -> bool:
        with self._lock:
            if self._opened_at is None:
                return True
            if time.monotonic() - self._opened_at >= self.cooldown:
                self._opened_at = time.monotonic()  # one trial; a failure keeps it open
                return True
            return False

    def succeeded(self) -> None:
        with self._lock:
            self.failures = 0
            self._opened_at = None

    def failed(self, problem: str) -> None:
        with self._lock:
            self.failures += 1
            self.last_problem = problem
            if self.limit and self.failures >= self.limit and self._opened_at is None:
                self._opened_at = time.monotonic()
                self.trips += 1
                logger.warning(
                    "model %s: %d consecutive request failures (last: %s); circuit breaker open: "
                    "not calling the model for %g s, articles fall back to the default",
                    self.name,
                    self.failures,
                    problem,
                    self.cooldown,
                )

    def refusal(self) -> str:
        return f"circuit breaker open after {self.failures} consecutive failures (last: {self.last_problem})"


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
        raise ConfigError(
            f"{what} needs {module.split('.')[0]}, which is not installed here ({exc.name}): {hint}"
        ) from exc


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
