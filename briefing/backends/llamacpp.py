"""GGUF chat models on the CPU (or a GPU build) through llama.cpp (``llama-cpp-python``, optional extra).

The chat template comes from the GGUF file's metadata. Requests run one after another: llama.cpp
is already using every thread the card allows for each one.

llama.cpp is native code: a build whose kernels do not suit the CPU (``-march=native`` AMX
kernels on some machines) dies with a segmentation fault, which no ``except`` can catch. So the
model runs in a worker process: if it dies, its requests fail with a :class:`BackendError` that
says what to try, the circuit breaker stops further calls, and the articles fall back, reported;
the briefing process itself lives on. The model loads with llama.cpp's extra CPU buffer types
(AMX, weight repacking) switched off, the setting that is safe on every x86 CPU, unless the card
sets ``cpu_extra_buffers = true``.
"""

from __future__ import annotations

import logging
import multiprocessing
import signal
import threading
from contextlib import contextmanager
from typing import Any, Iterator, Sequence

from ..errors import ConfigError
from .base import (
    LLAMACPP_HINT,
    BackendError,
    CircuitBreaker,
    Generation,
    Request,
    approx_truncate,
    importable,
)
from .cards import ModelCard

logger = logging.getLogger(__name__)

LOAD_TIMEOUT = 600.0  # seconds a worker may take to load a model
PORTABLE_BUILD = (
    'CMAKE_ARGS="-DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON" '
    "pip install --force-reinstall --no-cache-dir 'llama-cpp-python[server]'"
)


def crash_advice(card: ModelCard) -> str:
    """What to try after llama.cpp crashed in native code."""
    if card.cpu_extra_buffers:
        return f"set cpu_extra_buffers = false in the card, or rebuild llama-cpp-python portably: {PORTABLE_BUILD}"
    return f"rebuild llama-cpp-python without -march=native: {PORTABLE_BUILD}"


def describe_exit(code: int | None) -> str:
    if code is not None and code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit status {code}"


@contextmanager
def extra_buffers(llama_cpp: Any, enabled: bool) -> Iterator[None]:
    """Load with (or without) llama.cpp's extra CPU buffer types: ``llama.Llama`` takes its model
    parameters from ``llama_model_default_params()``, and has no argument for this one."""
    native = getattr(llama_cpp, "llama_cpp", None)
    original = getattr(native, "llama_model_default_params", None)
    if enabled or native is None or original is None:
        yield
        return

    def defaults() -> Any:
        params = original()
        if hasattr(params, "use_extra_bufts"):
            params.use_extra_bufts = False
        return params

    native.llama_model_default_params = defaults
    try:
        yield
    finally:
        native.llama_model_default_params = original


def load_llama(card: ModelCard) -> Any:
    """The card's model in llama.cpp, in this process."""
    import llama_cpp

    path = card.path(card.file)
    with extra_buffers(llama_cpp, card.cpu_extra_buffers):
        return llama_cpp.Llama(
            model_path=str(path),
            n_ctx=card.context_tokens,
            n_threads=card.threads or None,
            n_gpu_layers=0 if card.device == "cpu" else -1,
            seed=0,
            verbose=False,
        )


def chat(llm: Any, messages: list[dict[str, str]], settings: dict[str, Any]) -> str:
    reply = llm.create_chat_completion(
        messages=messages,
        max_tokens=settings["max_new_tokens"],
        temperature=settings.get("temperature", 0.0),
        top_p=settings.get("top_p", 1.0),
        top_k=settings.get("top_k", 40),
        repeat_penalty=settings.get("repetition_penalty", 1.0),
    )
    return reply["choices"][0]["message"]["content"] or ""


def truncate_tokens(llm: Any, text: str, max_tokens: int) -> str:
    tokens = llm.tokenize(text.encode("utf-8"), add_bos=False)
    if len(tokens) <= max_tokens:
        return text
    return llm.detokenize(tokens[:max_tokens]).decode("utf-8", errors="ignore").rstrip()


def serve(connection: Any, card: ModelCard) -> None:
    """The worker process: load the model, then answer ("chat" | "truncate", args) until told to stop."""
    try:
        llm = load_llama(card)
    except Exception as exc:  # a file llama.cpp cannot read: the parent reports it
        connection.send(("error", f"{type(exc).__name__}: {exc}"))
        return
    connection.send(("ready", None))
    while True:
        try:
            command, args = connection.recv()
        except EOFError:
            return
        if command == "stop":
            return
        try:
            if command == "chat":
                result = chat(llm, *args)
            elif command == "truncate":
                result = truncate_tokens(llm, *args)
            else:
                raise ValueError(f"unknown command {command!r}")
            connection.send(("ok", result))
        except Exception as exc:  # one failed request; the worker goes on
            connection.send(("error", f"{type(exc).__name__}: {exc}"))


class LlamaCppBackend:
    """One GGUF model in llama.cpp, loaded once on first use in a worker process."""

    chat = True
    requires: tuple[str, ...] = ("llama_cpp",)  # modules it imports when loading

    def __init__(self, card: ModelCard) -> None:
        self.card = card
        self.loads = 0
        self.batches = 0
        self.breaker = CircuitBreaker(
            card.name, limit=card.breaker_failures, cooldown=card.breaker_cooldown
        )
        self._worker: Any = None
        self._connection: Any = None
        self._crashed: str | None = (
            None  # why the worker died; it is not restarted (the crash would repeat)
        )
        self._lock = threading.Lock()

    def check(self) -> None:
        if importable("llama_cpp"):
            raise ConfigError(
                f"model {self.card.name!r} (llamacpp) needs llama-cpp-python, which is not installed here: {LLAMACPP_HINT}"
            )
        path = self.card.path(self.card.file)
        if path is None:
            raise ConfigError(
                f"model {self.card.name!r} (llamacpp) needs 'file', the path of a GGUF file"
            )
        if not path.is_file():
            hint = f"; get it with: {self.card.fetch}" if self.card.fetch else ""
            raise ConfigError(f"model {self.card.name!r}: GGUF file {path} not found{hint}")

    def warm_up(self) -> None:
        with self._lock:
            if self._worker is None and self._crashed is None:
                self.check()
                self._start()

    def _start(self) -> None:
        """Start the worker and wait until the model is loaded; a failed load is a ConfigError."""
        context = multiprocessing.get_context("spawn")  # no fork of a process with threads
        parent, child = context.Pipe()
        worker = context.Process(
            target=serve,
            args=(child, self.card),
            name=f"briefing-llamacpp-{self.card.name}",
            daemon=True,
        )
        worker.start()
        child.close()
        path = self.card.path(self.card.file)
        if not parent.poll(LOAD_TIMEOUT):
            worker.kill()
            raise ConfigError(
                f"model {self.card.name!r} did not load within {LOAD_TIMEOUT:g} s ({path})"
            )
        try:
            status, detail = parent.recv()
        except EOFError:
            worker.join(5)
            raise ConfigError(
                f"model {self.card.name!r}: llama.cpp crashed loading {path} ({describe_exit(worker.exitcode)}); "
                f"{crash_advice(self.card)}"
            ) from None
        if status != "ready":
            worker.join(5)
            raise ConfigError(f"model {self.card.name!r} failed to load ({path}): {detail}")
        self._worker, self._connection = worker, parent
        self.loads += 1
        logger.info("loaded %s with llama.cpp (worker process %d)", self.card.name, worker.pid)

    def _call(self, command: str, *args: Any) -> Any:
        """One request to the worker; BackendError(transport=True) when it has died."""
        self.warm_up()
        if self._worker is None:
            raise BackendError(self._crashed or "llama.cpp worker is not running", transport=True)
        try:
            self._connection.send((command, args))
            status, result = self._connection.recv()
        except (EOFError, OSError, BrokenPipeError):
            self._worker.join(5)
            problem = f"llama.cpp crashed ({describe_exit(self._worker.exitcode)}); {crash_advice(self.card)}"
            logger.warning("model %s: %s", self.card.name, problem)
            self._worker, self._crashed = None, problem
            raise BackendError(problem, transport=True) from None
        if status != "ok":
            raise BackendError(f"llama.cpp failed: {result}")
        return result

    def truncate(self, text: str, max_tokens: int) -> str:
        try:
            return self._call("truncate", text, max_tokens)
        except BackendError:  # the worker is gone: generation will fail and fall back anyway
            return approx_truncate(text, max_tokens)

    def generate(self, requests: Sequence[Request], **options: Any) -> list[Generation]:
        self.warm_up()
        settings = self.card.generation_options(**options)
        out: list[Generation] = []
        for request in requests:
            messages = (
                [{"role": "user", "content": request}]
                if isinstance(request, str)
                else list(request)
            )
            if not self.breaker.allow():
                out.append(Generation(error=self.breaker.refusal()))
                continue
            try:
                out.append(Generation(text=self._call("chat", messages, settings)))
            except BackendError as exc:  # one failed article falls back; the rest go on
                if exc.transport:
                    self.breaker.failed(str(exc))
                out.append(Generation(error=str(exc)))
            else:
                self.breaker.succeeded()
        self.batches += 1
        return out

    def close(self) -> None:
        with self._lock:
            if self._worker is not None:
                try:
                    self._connection.send(("stop", ()))
                except OSError:
                    pass
                self._worker.join(5)
                if self._worker.is_alive():
                    self._worker.kill()
                self._worker = None


__all__ = ["BackendError", "LlamaCppBackend", "PORTABLE_BUILD", "crash_advice", "load_llama"]
