"""Model cards: TOML files in ``models/`` that say which model a backend runs and how.

A card names a backend (a name in the ``backends`` registry), the model (a hub id, a local
directory, or a GGUF file), the prompt templates, generation settings, device, dtype and batch
size. Cards are data: adding a model needs no code. Example (``models/qwen2.5-0.5b-gguf.toml``)::

    name = "qwen2.5-0.5b-gguf"
    backend = "llamacpp"
    roles = ["summarizer", "titler", "classifier"]
    file = "{cache}/qwen2.5-coder-0.5b-instruct-q4_k_m.gguf"

    [generation]
    max_new_tokens = 96
    temperature = 0.0

Paths may start with ``{cache}`` (``$BRIEFING_MODEL_CACHE`` or ``~/.cache/briefing/models``),
``~``, or be relative to the card's folder. Cards are found in ``$BRIEFING_MODELS`` (folders
separated by ``:``), ``./models`` and the project's ``models/``.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from ..compat import tomllib
from ..settings_file import read_settings_file
from ..errors import ConfigError

logger = logging.getLogger(__name__)

ROLES = ("summarizer", "titler", "classifier")
PROJECT_ROOT = Path(__file__).resolve().parents[2]
_GENERATION_KEYS: dict[str, type | tuple[type, ...]] = {
    "max_new_tokens": int,
    "num_beams": int,
    "do_sample": bool,
    "temperature": (int, float),
    "top_p": (int, float),
    "top_k": int,
    "repetition_penalty": (int, float),
    "no_repeat_ngram_size": int,
}


def model_cache() -> Path:
    """Where fetched model files live: ``$BRIEFING_MODEL_CACHE`` or ``~/.cache/briefing/models``."""
    root = os.environ.get("BRIEFING_MODEL_CACHE")
    return Path(root).expanduser() if root else Path.home() / ".cache" / "briefing" / "models"


def card_dirs() -> list[Path]:
    """Folders searched for cards by name, first match wins."""
    dirs = [
        Path(p).expanduser() for p in os.environ.get("BRIEFING_MODELS", "").split(os.pathsep) if p
    ]
    dirs += [Path.cwd() / "models", PROJECT_ROOT / "models"]
    seen: list[Path] = []
    for d in dirs:
        if d.is_dir() and d.resolve() not in [s.resolve() for s in seen]:
            seen.append(d)
    return seen


@dataclass
class ModelCard:
    """One model and how to run it; see the module docstring for the file format."""

    name: str
    backend: str
    source: str = "<card>"
    description: str = ""
    roles: tuple[str, ...] = ROLES
    model: str | None = None  # hub id or local directory
    file: str | None = None  # a GGUF file (llama.cpp; transformers through gguf_file=)
    tokenizer: str | None = None
    revision: str | None = None
    base_url: str | None = None
    api_key_env: str | None = None
    device: str = "auto"
    dtype: str = "auto"
    batch_size: int = 4
    max_input_tokens: int = 768
    context_tokens: int = 2048
    threads: int | None = None
    timeout: float = 60.0
    retries: int = 2
    backoff: float = 0.5
    concurrency: int = 2
    input_prefix: str = ""
    prompts: dict[str, str] = field(default_factory=dict)  # role -> template name or path
    generation: dict[str, Any] = field(default_factory=dict)
    fetch: str | None = None  # how to get the file, shown when it is missing
    trust_remote_code: bool = False
    # consecutive transport failures that stop calls for the run (0: never)
    breaker_failures: int = 3
    breaker_cooldown: float = 300.0  # seconds before an open breaker lets one request try again
    cpu_extra_buffers: bool = False  # llama.cpp: use the CPU's extra buffer types (AMX, repacking)

    @property
    def directory(self) -> Path:
        return Path(self.source).parent if self.source != "<card>" else Path.cwd()

    @property
    def key(self) -> tuple:
        """What identifies the loaded model: cards with the same key share one loaded backend."""
        return (
            self.backend,
            self.model,
            self.file,
            self.tokenizer,
            self.base_url,
            self.device,
            self.dtype,
        )

    def path(self, value: str | None) -> Path | None:
        """``value`` as a path: ``{cache}`` and ``~`` expanded, relative to the card's folder."""
        if value is None:
            return None
        expanded = Path(
            os.path.expandvars(value.replace("{cache}", str(model_cache())))
        ).expanduser()
        return expanded if expanded.is_absolute() else self.directory / expanded

    def local_model(self) -> Path | None:
        """The model as a local directory or file when ``model`` names one that exists."""
        if self.model is None:
            return None
        candidate = self.path(self.model)
        looks_local = self.model.startswith((".", "/", "~", "{cache}")) or (
            candidate is not None and candidate.exists()
        )
        return candidate if looks_local else None

    def generation_options(self, **overrides: Any) -> dict[str, Any]:
        options = {"max_new_tokens": 96, "temperature": 0.0}
        options.update(self.generation)
        options.update({k: v for k, v in overrides.items() if v is not None})
        return options


# What a card file may say, read from ModelCard's fields (``source`` is where it was read).
_FIELD_TYPES = {f.name: str(f.type) for f in fields(ModelCard) if f.name != "source"}
_KNOWN_KEYS = set(_FIELD_TYPES)
_STRING_KEYS = [k for k, t in _FIELD_TYPES.items() if t in ("str", "str | None")]
_COUNT_KEYS = [k for k, t in _FIELD_TYPES.items() if t in ("int", "int | None")]
_SECONDS_KEYS = [k for k, t in _FIELD_TYPES.items() if t == "float"]


def parse_card(data: dict[str, Any], *, source: str = "<card>") -> ModelCard:
    """A card from parsed TOML; a malformed one raises :class:`ConfigError` naming the problem."""

    def fail(problem: str) -> ConfigError:
        return ConfigError(f"{source}: bad model card: {problem}")

    unknown = sorted(set(data) - _KNOWN_KEYS)
    if unknown:
        raise fail(f"unknown key(s) {', '.join(unknown)}; known: {', '.join(sorted(_KNOWN_KEYS))}")
    for key in ("name", "backend"):
        if not isinstance(data.get(key), str) or not data[key].strip():
            raise fail(f"'{key}' must be a non-empty string")
    for key in (k for k in _STRING_KEYS if k not in ("name", "backend")):
        if key in data and not isinstance(data[key], str):
            raise fail(f"'{key}' must be a string")
    for key in _COUNT_KEYS:
        if key in data and (
            not isinstance(data[key], int) or isinstance(data[key], bool) or data[key] < 0
        ):
            raise fail(f"'{key}' must be a non-negative integer")
    for key in _SECONDS_KEYS:
        if key in data and (not isinstance(data[key], (int, float)) or data[key] <= 0):
            raise fail(f"'{key}' must be a positive number")
    if data.get("batch_size", 1) < 1 or data.get("concurrency", 1) < 1:
        raise fail("'batch_size' and 'concurrency' must be at least 1")
    roles = data.get("roles", list(ROLES))
    if isinstance(roles, str):
        roles = [roles]
    if not isinstance(roles, list) or not roles or any(r not in ROLES for r in roles):
        raise fail(f"'roles' must be a list of {', '.join(ROLES)}")
    prompts = data.get("prompts", {})
    if not isinstance(prompts, dict) or any(
        k not in ROLES or not isinstance(v, str) for k, v in prompts.items()
    ):
        raise fail(f"[prompts] maps a role ({', '.join(ROLES)}) to a template name or path")
    generation = data.get("generation", {})
    if not isinstance(generation, dict):
        raise fail("[generation] must be a table")
    for key, value in generation.items():
        expected = _GENERATION_KEYS.get(key)
        if expected is None:
            raise fail(f"unknown generation setting {key!r}; known: {', '.join(_GENERATION_KEYS)}")
        if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            raise fail(f"generation.{key} has the wrong type ({type(value).__name__})")
    if not data.get("model") and not data.get("file"):
        raise fail(
            "name the model: 'model' (hub id, local directory or served model name) or 'file' (GGUF)"
        )
    for key in ("trust_remote_code", "cpu_extra_buffers"):
        if key in data and not isinstance(data[key], bool):
            raise fail(f"'{key}' must be true or false")
    fields = {k: v for k, v in data.items() if k not in ("roles", "name", "backend")}
    return ModelCard(
        name=data["name"].strip(),
        backend=data["backend"].strip(),
        source=source,
        roles=tuple(roles),
        **fields,
    )


def load_card(path: str | Path) -> ModelCard:
    """The card in the TOML file ``path``."""
    file = Path(path).expanduser()
    text = read_settings_file(file, what="model card")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{file}: cannot read the model card: {exc}") from exc
    return parse_card(data, source=str(file.resolve()))


def list_cards() -> list[ModelCard]:
    """Every readable card in :func:`card_dirs`, by name (the first folder wins a name)."""
    cards: dict[str, ModelCard] = {}
    for directory in card_dirs():
        for file in sorted(directory.glob("*.toml")):
            try:
                card = load_card(file)
            except ConfigError as exc:
                logger.warning("%s", exc)
                continue
            cards.setdefault(card.name, card)
    return [cards[name] for name in sorted(cards)]


def looks_like_path(value: str) -> bool:
    return value.endswith(".toml") or "/" in value or os.sep in value


def find_card(name_or_path: str) -> ModelCard | None:
    """The card named ``name_or_path`` (card name or file stem), or in that file; None when none is."""
    if looks_like_path(name_or_path):
        return load_card(name_or_path)
    for directory in card_dirs():
        file = directory / f"{name_or_path}.toml"
        if file.is_file():
            return load_card(file)
    for card in list_cards():
        if card.name == name_or_path:
            return card
    return None


MODEL_TABLE_KEYS = ROLES


def models_settings(table: Any, *, source: str, base: Path | None = None) -> dict[str, str]:
    """The ``[models]`` table of ``briefing.toml``: role -> card name or card path.

    Card paths (anything with a ``/`` or ending ``.toml``) are relative to the config file.
    """
    if not isinstance(table, dict):
        raise ConfigError(f"{source}: [models] must be a table of {', '.join(MODEL_TABLE_KEYS)}")
    settings: dict[str, str] = {}
    for key, value in table.items():
        if key not in MODEL_TABLE_KEYS:
            raise ConfigError(
                f"{source}: unknown setting [models] {key!r}; known settings: {', '.join(MODEL_TABLE_KEYS)}"
            )
        if not isinstance(value, str) or not value.strip():
            raise ConfigError(
                f"{source}: [models] {key} must be a card name or a card file path, got {value!r}"
            )
        if (
            base is not None
            and looks_like_path(value)
            and not Path(value).expanduser().is_absolute()
        ):
            value = str(base / value)
        settings[key] = value
    return settings
