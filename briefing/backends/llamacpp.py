"""GGUF chat models on the CPU (or a GPU build) through llama.cpp (``llama-cpp-python``, optional extra).

The chat template comes from the GGUF file's metadata. Requests run one after another: llama.cpp
is already using every thread the card allows for each one.
"""

from __future__ import annotations

import logging
import threading
from typing import Any, Sequence

from ..errors import ConfigError
from .base import LLAMACPP_HINT, BackendError, Generation, Request, importable, require
from .cards import ModelCard

logger = logging.getLogger(__name__)


class LlamaCppBackend:
    """One GGUF model in llama.cpp, loaded once on first use."""

    chat = True
    requires: tuple[str, ...] = ("llama_cpp",)  # modules it imports when loading

    def __init__(self, card: ModelCard) -> None:
        self.card = card
        self.llm: Any = None
        self.loads = 0
        self.batches = 0
        self._lock = threading.Lock()

    def check(self) -> None:
        if importable("llama_cpp"):
            raise ConfigError(f"model {self.card.name!r} (llamacpp) needs llama-cpp-python, which is not installed here: {LLAMACPP_HINT}")
        path = self.card.path(self.card.file)
        if path is None:
            raise ConfigError(f"model {self.card.name!r} (llamacpp) needs 'file', the path of a GGUF file")
        if not path.is_file():
            hint = f"; get it with: {self.card.fetch}" if self.card.fetch else ""
            raise ConfigError(f"model {self.card.name!r}: GGUF file {path} not found{hint}")

    def warm_up(self) -> None:
        with self._lock:
            if self.llm is not None:
                return
            self.check()
            llama_cpp = require("llama_cpp", LLAMACPP_HINT, what="the llamacpp backend")
            path = self.card.path(self.card.file)
            try:
                self.llm = llama_cpp.Llama(
                    model_path=str(path),
                    n_ctx=self.card.context_tokens,
                    n_threads=self.card.threads or None,
                    n_gpu_layers=0 if self.card.device == "cpu" else -1,
                    seed=0,
                    verbose=False,
                )
            except Exception as exc:  # a file llama.cpp cannot read is a configuration error
                raise ConfigError(f"model {self.card.name!r} failed to load ({path}): {exc}") from exc
            self.loads += 1
            logger.info("loaded %s with llama.cpp", self.card.name)

    def truncate(self, text: str, max_tokens: int) -> str:
        self.warm_up()
        tokens = self.llm.tokenize(text.encode("utf-8"), add_bos=False)
        if len(tokens) <= max_tokens:
            return text
        return self.llm.detokenize(tokens[:max_tokens]).decode("utf-8", errors="ignore").rstrip()

    def generate(self, requests: Sequence[Request], **options: Any) -> list[Generation]:
        self.warm_up()
        settings = self.card.generation_options(**options)
        out: list[Generation] = []
        for request in requests:
            messages = [{"role": "user", "content": request}] if isinstance(request, str) else request
            try:
                reply = self.llm.create_chat_completion(
                    messages=messages,
                    max_tokens=settings["max_new_tokens"],
                    temperature=settings.get("temperature", 0.0),
                    top_p=settings.get("top_p", 1.0),
                    top_k=settings.get("top_k", 40),
                    repeat_penalty=settings.get("repetition_penalty", 1.0),
                )
                out.append(Generation(text=reply["choices"][0]["message"]["content"] or ""))
            except Exception as exc:  # one failed article falls back; the rest go on
                out.append(Generation(error=f"llama.cpp failed: {exc}"))
        self.batches += 1
        return out


__all__ = ["BackendError", "LlamaCppBackend"]
