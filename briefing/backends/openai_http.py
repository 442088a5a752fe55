"""OpenAI-compatible chat servers over HTTP (vLLM, Ollama, llama.cpp's server, hosted endpoints).

Standard library only (urllib). The card gives ``base_url`` (up to and including ``/v1``),
``model`` (the served model's name) and ``api_key_env`` (the *name* of the environment variable
that holds the key: keys never live in cards). Each request has a timeout and is retried a
bounded number of times with exponential backoff on connection errors, timeouts, 429 and 5xx;
``concurrency`` requests run at once. ``check()`` asks ``GET /models``, so an unreachable server
or a rejected key is found at start-up.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Sequence

from ..errors import ConfigError
from .base import BackendError, CircuitBreaker, Generation, Request, approx_truncate
from .cards import ModelCard

logger = logging.getLogger(__name__)

CHECK_TIMEOUT = 5.0
MAX_RETRY_AFTER = 30.0


class OpenAIBackend:
    """Chat completions from an OpenAI-compatible server."""

    chat = True
    requires: tuple[str, ...] = ()  # modules it imports when loading

    def __init__(self, card: ModelCard) -> None:
        self.card = card
        self.requests = 0  # HTTP requests sent, retries included
        self.batches = 0
        self._checked = False
        self.breaker = CircuitBreaker(
            card.name, limit=card.breaker_failures, cooldown=card.breaker_cooldown
        )

    @property
    def base_url(self) -> str:
        if not self.card.base_url:
            raise ConfigError(
                f"model {self.card.name!r} (openai) needs 'base_url', e.g. http://localhost:8000/v1"
            )
        return self.card.base_url.rstrip("/")

    def headers(self) -> dict[str, str]:
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        if self.card.api_key_env:
            key = os.environ.get(self.card.api_key_env)
            if not key:
                raise ConfigError(
                    f"model {self.card.name!r}: environment variable {self.card.api_key_env} (the API key) is not set"
                )
            headers["Authorization"] = f"Bearer {key}"
        return headers

    def check(self) -> None:
        """The server answers and accepts the key; nothing is generated. Once it has answered,
        later failures are the requests' (retries, circuit breaker), not a start-up error: a
        second role's check must not end a run half done."""
        headers = self.headers()  # a key missing from the environment is always a start-up error
        if self._checked:
            return
        url = f"{self.base_url}/models"
        request = urllib.request.Request(url, headers=headers, method="GET")
        try:
            with urllib.request.urlopen(
                request, timeout=min(CHECK_TIMEOUT, self.card.timeout)
            ) as response:
                response.read()
        except urllib.error.HTTPError as exc:
            if exc.code in (401, 403):
                raise ConfigError(
                    f"model {self.card.name!r}: {url} rejected the API key (HTTP {exc.code})"
                ) from exc
            # Some servers have no /models; any other HTTP answer still means the server is there.
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise ConfigError(
                f"model {self.card.name!r}: server {self.base_url} is unreachable ({reason})"
            ) from exc
        self._checked = True

    def warm_up(self) -> None:
        self.check()

    def truncate(self, text: str, max_tokens: int) -> str:
        return approx_truncate(text, max_tokens)

    def payload(self, messages: list[dict[str, str]], options: dict[str, Any]) -> dict[str, Any]:
        settings = self.card.generation_options(**options)
        body: dict[str, Any] = {
            "model": self.card.model or self.card.name,
            "messages": messages,
            "max_tokens": settings["max_new_tokens"],
            "temperature": settings.get("temperature", 0.0),
        }
        for key in ("top_p", "top_k"):
            if key in settings:
                body[key] = settings[key]
        if "repetition_penalty" in settings:
            body["repeat_penalty"] = settings["repetition_penalty"]
        return body

    def post(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        """POST with bounded retries and exponential backoff; BackendError when all attempts fail."""
        url = f"{self.base_url}{path}"
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        headers = self.headers()
        problem = "no attempt made"
        for attempt in range(self.card.retries + 1):
            delay = self.card.backoff * (2**attempt)
            try:
                self.requests += 1
                request = urllib.request.Request(url, data=data, headers=headers, method="POST")
                with urllib.request.urlopen(request, timeout=self.card.timeout) as response:
                    return json.loads(response.read().decode("utf-8"))
            except urllib.error.HTTPError as exc:
                detail = exc.read().decode("utf-8", errors="replace")[:200].strip()
                problem = f"HTTP {exc.code} from {url}" + (f": {detail}" if detail else "")
                if exc.code != 429 and exc.code < 500:
                    raise BackendError(
                        problem
                    ) from exc  # the server answered: no transport failure
                retry_after = exc.headers.get("Retry-After") if exc.headers else None
                if retry_after and retry_after.isdigit():
                    delay = min(float(retry_after), MAX_RETRY_AFTER)
            except (TimeoutError, socket.timeout):
                problem = f"timed out after {self.card.timeout:g} s ({url})"
            except urllib.error.URLError as exc:
                timed_out = isinstance(exc.reason, (TimeoutError, socket.timeout))
                problem = (
                    f"timed out after {self.card.timeout:g} s ({url})"
                    if timed_out
                    else f"cannot reach {url}: {exc.reason}"
                )
            except (ConnectionError, OSError) as exc:
                problem = f"connection to {url} failed: {exc}"
            except json.JSONDecodeError as exc:
                raise BackendError(
                    f"{url} answered with something that is not JSON: {exc}"
                ) from exc
            if attempt < self.card.retries:
                logger.info(
                    "%s (attempt %d of %d); retrying in %.1f s",
                    problem,
                    attempt + 1,
                    self.card.retries + 1,
                    delay,
                )
                time.sleep(delay)
        raise BackendError(problem, transport=True)

    def complete(self, request: Request, options: dict[str, Any]) -> Generation:
        messages = (
            [{"role": "user", "content": request}] if isinstance(request, str) else list(request)
        )
        if not self.breaker.allow():
            return Generation(error=self.breaker.refusal())
        try:
            reply = self.post("/chat/completions", self.payload(messages, options))
            text = reply["choices"][0]["message"]["content"]
        except BackendError as exc:
            if exc.transport:
                self.breaker.failed(str(exc))
            return Generation(error=str(exc))
        except (KeyError, IndexError, TypeError) as exc:
            return Generation(
                error=f"the server's answer has no choices[0].message.content ({exc!r})"
            )
        self.breaker.succeeded()
        return Generation(text=text or "")

    def generate(self, requests: Sequence[Request], **options: Any) -> list[Generation]:
        self.warm_up()
        self.batches += 1
        if len(requests) <= 1 or self.card.concurrency <= 1:
            return [self.complete(r, options) for r in requests]
        with ThreadPoolExecutor(
            max_workers=self.card.concurrency, thread_name_prefix="briefing-http"
        ) as pool:
            return list(pool.map(lambda r: self.complete(r, options), requests))
