"""What the two transformers backends share: lazy imports, device and dtype, loading, generation options.

torch and transformers are imported here only, inside functions, so the default pipeline and
``import briefing`` never load them; without the extra, loading fails with the install hint.
"""

from __future__ import annotations

import logging
import os
import threading
from typing import Any

from ..errors import ConfigError
from .base import TRANSFORMERS_HINT, BackendError, Generation, approx_truncate, importable, require
from .cards import ModelCard

logger = logging.getLogger(__name__)


def modules() -> tuple[Any, Any]:
    """(torch, transformers), imported on first use with an install hint when missing."""
    torch = require("torch", TRANSFORMERS_HINT, what="the transformers backend")
    transformers = require("transformers", TRANSFORMERS_HINT, what="the transformers backend")
    return torch, transformers


def pick_device(card: ModelCard, torch: Any) -> str:
    if card.device != "auto":
        return card.device
    if torch.cuda.is_available():
        return "cuda"
    mps = getattr(torch.backends, "mps", None)
    if mps is not None and mps.is_available():
        return "mps"
    return "cpu"


def pick_dtype(card: ModelCard, torch: Any, device: str) -> Any:
    if card.dtype != "auto":
        dtype = getattr(torch, card.dtype, None)
        if not isinstance(dtype, torch.dtype):
            raise ConfigError(
                f"{card.source}: unknown dtype {card.dtype!r} (use auto, float32, float16, bfloat16)"
            )
        return dtype
    if device.startswith("cuda"):
        return torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16
    return torch.float32


def model_location(card: ModelCard) -> tuple[str, dict[str, Any]]:
    """(what to pass to from_pretrained, extra keyword arguments) for the card's model."""
    kwargs: dict[str, Any] = {}
    if card.revision:
        kwargs["revision"] = card.revision
    if card.trust_remote_code:
        kwargs["trust_remote_code"] = True
    gguf = card.path(card.file)
    if gguf is not None:
        # A GGUF file: the folder holds it, gguf_file names it; a hub id in `model` may hold it instead.
        if card.model and card.local_model() is None:
            kwargs["gguf_file"] = card.file
            return card.model, kwargs
        kwargs["gguf_file"] = gguf.name
        return str(gguf.parent), kwargs
    local = card.local_model()
    if local is not None:
        kwargs["local_files_only"] = True
        return str(local), kwargs
    return str(card.model), kwargs


def check_card(card: ModelCard) -> None:
    """Cheap checks: the extra is installed and a named file or folder exists (no weights loaded)."""
    missing = importable("torch", "transformers")
    if missing:
        raise ConfigError(
            f"model {card.name!r} ({card.backend}) needs {missing}, which is not installed here: {TRANSFORMERS_HINT}"
        )
    if card.file:
        if importable("gguf"):
            raise ConfigError(
                f"model {card.name!r} loads a GGUF file through transformers, which needs gguf: {TRANSFORMERS_HINT}"
            )
        path = card.path(card.file)
        on_hub = card.model is not None and card.local_model() is None
        if path is not None and not on_hub and not path.is_file():
            hint = f"; get it with: {card.fetch}" if card.fetch else ""
            raise ConfigError(f"model {card.name!r}: GGUF file {path} not found{hint}")
    elif card.model and card.model.startswith((".", "/", "~", "{cache}")):
        local = card.path(card.model)
        if local is None or not local.exists():
            raise ConfigError(f"model {card.name!r}: model folder {local} not found")
    elif (
        card.model
        and not hub_cached(card.model)
        and os.environ.get("HF_HUB_OFFLINE", "0") not in ("0", "", "false")
    ):
        raise ConfigError(
            f"model {card.name!r}: {card.model} is not in the local hub cache and HF_HUB_OFFLINE is set"
        )


def hub_cached(repo_id: str) -> bool:
    """Whether the hub model's config is in the local cache (asks no server)."""
    if importable("huggingface_hub"):
        return False
    from huggingface_hub import try_to_load_from_cache

    try:
        found = try_to_load_from_cache(repo_id, "config.json")
    except Exception:  # a malformed repo id: from_pretrained will say what is wrong
        return False
    return isinstance(found, str)


def load_error(card: ModelCard, exc: BaseException) -> ConfigError:
    first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return ConfigError(f"model {card.name!r} failed to load ({card.model or card.file}): {first}")


def dtype_keyword(transformers: Any) -> str:
    major = int(transformers.__version__.split(".")[0])
    minor = int(transformers.__version__.split(".")[1])
    return "dtype" if (major, minor) >= (4, 56) else "torch_dtype"


def generation_kwargs(card: ModelCard, tokenizer: Any, **overrides: Any) -> dict[str, Any]:
    options = card.generation_options(**overrides)
    temperature = options.pop("temperature", 0.0)
    if temperature and temperature > 0:
        options.setdefault("do_sample", True)
        options["temperature"] = temperature
    if not options.get("do_sample"):
        options["do_sample"] = False
        options.pop("top_p", None)
        options.pop("top_k", None)
    options["pad_token_id"] = tokenizer.pad_token_id
    return options


class TransformersBase:
    """Loading once (thread-safe), token truncation, and the CPU thread count."""

    chat = True

    def __init__(self, card: ModelCard) -> None:
        self.card = card
        self.tokenizer: Any = None
        self.model: Any = None
        self.device = "cpu"
        self.loads = 0  # how many times weights were loaded: once per process
        self.batches = 0  # how many generate() calls ran
        self._lock = threading.Lock()

    def check(self) -> None:
        check_card(self.card)

    def _load(self, torch: Any, transformers: Any) -> tuple[Any, Any]:
        raise NotImplementedError

    def warm_up(self) -> None:
        with self._lock:
            if self.model is not None:
                return
            self.check()
            torch, transformers = modules()
            if self.card.threads:
                torch.set_num_threads(self.card.threads)
            self.device = pick_device(self.card, torch)
            try:
                tokenizer, model = self._load(torch, transformers)
                model.to(self.device)
                model.eval()
            except ConfigError:
                raise
            except Exception as exc:  # any failure to load is a configuration error at start-up
                raise load_error(self.card, exc) from exc
            if tokenizer.pad_token is None:
                tokenizer.pad_token = tokenizer.eos_token
            self.tokenizer, self.model = tokenizer, model
            self.loads += 1
            logger.info("loaded %s (%s) on %s", self.card.name, self.card.backend, self.device)

    def load_tokenizer(self, transformers: Any, location: str, kwargs: dict[str, Any]) -> Any:
        """The card's tokenizer: its own ``tokenizer`` entry when it has one, else the model's."""
        if self.card.tokenizer:
            local = self.card.path(self.card.tokenizer)
            if local is not None and local.exists():
                location, kwargs = str(local), {"local_files_only": True}
            else:
                location, kwargs = self.card.tokenizer, {}
        return transformers.AutoTokenizer.from_pretrained(location, **kwargs)

    def truncate(self, text: str, max_tokens: int) -> str:
        """``text`` cut to ``max_tokens`` tokens, keeping the lead."""
        if self.tokenizer is None:
            return approx_truncate(text, max_tokens)
        ids = self.tokenizer(text, add_special_tokens=False)["input_ids"]
        if len(ids) <= max_tokens:
            return text
        return (
            self.tokenizer.decode(ids[:max_tokens], skip_special_tokens=True)
            .rstrip("\ufffd")
            .rstrip()
        )

    def batches_of(self, items: list[Any]) -> list[list[Any]]:
        size = max(1, self.card.batch_size)
        return [items[i : i + size] for i in range(0, len(items), size)]

    def generate_texts(
        self, texts: list[str], *, encode: dict[str, Any], after_prompt: bool, **options: Any
    ) -> list[Generation]:
        """Batched generation; ``after_prompt`` keeps only the tokens after the prompt (causal models)."""
        torch, _ = modules()
        out: list[Generation] = []
        for batch in self.batches_of(texts):
            encoded = self.tokenizer(batch, return_tensors="pt", padding=True, **encode).to(
                self.device
            )
            kwargs = generation_kwargs(self.card, self.tokenizer, **options)
            try:
                with torch.inference_mode():
                    ids = self.model.generate(**encoded, **kwargs)
            except Exception as exc:  # a failed batch falls back, article by article
                raise BackendError(f"generation failed: {exc}") from exc
            self.batches += 1
            if after_prompt:
                ids = ids[:, encoded["input_ids"].shape[1] :]
            out += [
                Generation(text=t)
                for t in self.tokenizer.batch_decode(ids, skip_special_tokens=True)
            ]
        return out
