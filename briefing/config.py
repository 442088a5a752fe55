"""The configuration of a briefing build: the ``[briefing]`` table of ``briefing.toml``.

Example::

    [briefing]
    paper = "临江日报"        # shown in the header when no --paper is given
    top_stories = 3           # entries under 要闻 (0: none)
    max_chars = 90            # summary budget, characters
    keywords = 8              # keywords of the day (0: none)
    classifier = "keywords"   # a name in the classifiers registry
    summarizer = "extractive"
    titler = "extractive"
    splitter = "rules"
    taxonomy = "my-taxonomy.toml"   # relative paths are relative to the config file
    topic_model = "models/topics"
    require_model = false     # true: exit 1 when any summary or title falls back from its model
    ocr = "auto"              # scanned pages: auto (no text layer), always, never

Only the ``[briefing]`` table is checked here: a key it does not know is an error naming the
key. Other tables (``[smtp]``, ``[models]``, ...) belong to other commands, which check them.
A setting outside any table, or a table no command reads (``[briefng]``), is an error, since
it would otherwise be silently ignored.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .compat import tomllib
from .errors import ConfigError
from .settings_file import read_settings_file

SECTION = "briefing"
# Every table of briefing.toml that some command reads; a command that adds one adds it here.
TABLES = ("briefing", "models", "smtp", "delivery", "review")


# The summary budget in characters: every library function that takes ``max_chars`` defaults to it.
DEFAULT_MAX_CHARS = 90


@dataclass(frozen=True)
class BuildConfig:
    """Settings of one briefing build; each has a default, so an empty config is valid."""

    paper: str | None = None
    top_stories: int = 3
    max_chars: int = DEFAULT_MAX_CHARS
    keywords: int = 8
    classifier: str = "keywords"
    summarizer: str = "extractive"
    titler: str = "extractive"
    splitter: str = "rules"
    taxonomy: str | None = None
    topic_model: str | None = None
    require_model: bool = (
        False  # any summary or title a model was asked for and did not write fails the run
    )
    ocr: str = "auto"  # scanned pages: "auto" (pages without a text layer), "always", "never"
    source: str = "<defaults>"  # where the settings came from, for messages

    def replace(self, **changes: Any) -> BuildConfig:
        """A copy with the given settings changed; ``None`` values leave a setting as it is."""
        return dataclasses.replace(self, **{k: v for k, v in changes.items() if v is not None})


_PATHS = ("taxonomy", "topic_model")
_NON_NEGATIVE = ("top_stories", "keywords")
_TYPES: dict[str, type] = {
    "paper": str,
    "top_stories": int,
    "max_chars": int,
    "keywords": int,
    "classifier": str,
    "summarizer": str,
    "titler": str,
    "splitter": str,
    "taxonomy": str,
    "topic_model": str,
    "require_model": bool,
    "ocr": str,
}


def _has_type(value: object, expected: type) -> bool:
    # bool is an int in Python; `top_stories = true` is still a mistake.
    return isinstance(value, expected) and not (expected is int and isinstance(value, bool))


def config_from_mapping(
    settings: dict[str, Any], *, source: str = "<mapping>", base: Path | None = None
) -> BuildConfig:
    """Check the ``[briefing]`` settings and build a :class:`BuildConfig`; paths resolve against ``base``."""
    values: dict[str, Any] = {}
    for key, value in settings.items():
        expected = _TYPES.get(key)
        if expected is None:
            known = ", ".join(sorted(_TYPES))
            raise ConfigError(
                f"{source}: unknown setting [{SECTION}] {key!r}; known settings: {known}"
            )
        if not _has_type(value, expected):
            kind = {int: "an integer", bool: "true or false"}.get(expected, "a string")
            raise ConfigError(f"{source}: [{SECTION}] {key} must be {kind}, got {value!r}")
        if key in _NON_NEGATIVE and value < 0:
            raise ConfigError(f"{source}: [{SECTION}] {key} must be 0 or more, got {value}")
        if key == "max_chars" and value <= 0:
            raise ConfigError(f"{source}: [{SECTION}] max_chars must be positive, got {value}")
        if key == "ocr" and value not in ("auto", "always", "never"):
            raise ConfigError(
                f"{source}: [{SECTION}] ocr must be auto, always or never, got {value!r}"
            )
        if key in _PATHS and base is not None and not Path(value).is_absolute():
            value = str(base / value)
        values[key] = value
    return BuildConfig(**values, source=source)


def parse_config(text: str, *, source: str = "<string>", base: Path | None = None) -> BuildConfig:
    """Parse ``briefing.toml`` text; only the ``[briefing]`` table is read and checked."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{source}: not valid TOML ({exc})") from exc
    loose = [key for key, value in data.items() if not isinstance(value, dict)]
    if loose:
        raise ConfigError(
            f"{source}: setting {loose[0]!r} is outside any table; put build settings under [{SECTION}]"
        )
    unknown = sorted(set(data) - set(TABLES))
    if unknown:
        raise ConfigError(
            f"{source}: unknown table [{unknown[0]}]; known tables: "
            + ", ".join(f"[{name}]" for name in TABLES)
        )
    settings = dict(data.get(SECTION, {}))
    if "models" in data:  # [models]: model cards for the roles (briefing.backends.cards)
        from .backends.cards import models_settings

        for role, card in models_settings(data["models"], source=source, base=base).items():
            if settings.get(role, card) != card:
                raise ConfigError(
                    f"{source}: {role} is set twice, in [{SECTION}] and in [models]; keep one"
                )
            settings[role] = card
    return config_from_mapping(settings, source=source, base=base)


def read_config_tables(file: Path) -> dict[str, Any]:
    """The parsed ``briefing.toml`` at ``file``, or a ConfigError that names the file. Each
    command then checks the tables it reads (:func:`config_table`)."""
    try:
        return tomllib.loads(read_settings_file(file, what="config file"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{file}: not valid TOML ({exc})") from exc


def config_table(data: dict[str, Any], name: str, *, source: str) -> dict[str, Any]:
    """The ``[name]`` table of a parsed config ({} when absent), or a ConfigError when it is not a table."""
    table = data.get(name, {})
    if not isinstance(table, dict):
        raise ConfigError(f"{source}: {name} must be a table ([{name}])")
    return table


def load_config(path: str | Path | None) -> BuildConfig:
    """The settings in ``path`` (a ``briefing.toml``), or the defaults when ``path`` is None."""
    if path is None:
        return BuildConfig()
    file = Path(path)
    return parse_config(
        read_settings_file(file, what="config file"), source=str(file), base=file.parent
    )
