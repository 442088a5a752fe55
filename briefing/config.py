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
    splitter = "rules"       # default: by the kind of page (rules: text, layout: PDF/HTML)
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

from .errors import ConfigError, setting_error
from .settings_file import read_settings_file

SECTION = "briefing"
DEFAULTS = "<defaults>"  # the source of settings made in code rather than read from a file
# Every table of briefing.toml that some command reads; a command that adds one adds it here.
TABLES = ("briefing", "models", "smtp", "delivery", "review")


# The summary budget in characters: every library function that takes ``max_chars`` defaults to it.
DEFAULT_MAX_CHARS = 90
# The smallest budget: below it no whole sentence fits.
MIN_CHARS = 20
OCR_MODES = ("auto", "always", "never")


@dataclass(frozen=True)
class BuildConfig:
    """Settings of one briefing build; each has a default, so an empty config is valid.

    Every value is checked when the settings are made (from a file, by :meth:`replace`, or
    directly): a wrong one is a :class:`ConfigError` naming the setting, and the file when it
    came from one. Whatever takes a BuildConfig can rely on it.
    """

    paper: str | None = None
    top_stories: int = 3
    max_chars: int = DEFAULT_MAX_CHARS
    keywords: int = 8
    classifier: str = "keywords"
    summarizer: str = "extractive"
    titler: str = "extractive"
    splitter: str | None = None  # None: by the kind of page (see briefing.api.split_issue)
    taxonomy: str | None = None
    topic_model: str | None = None
    # Any summary or title a model was asked for and did not write fails the run.
    require_model: bool = False
    ocr: str = "auto"  # scanned pages: "auto" (pages without a text layer), "always", "never"
    source: str = DEFAULTS  # where the settings came from, for messages

    def __post_init__(self) -> None:
        where = None if self.source == DEFAULTS else self.source
        for f in dataclasses.fields(self):
            if f.name != "source":
                check_setting(f.name, getattr(self, f.name), source=where)

    def replace(self, **changes: Any) -> BuildConfig:
        """A copy with the given settings changed; ``None`` values leave a setting as it is.

        A changed value is checked as the caller's (the CLI names its option), not the file's.
        """
        changes = {k: v for k, v in changes.items() if v is not None}
        for key, value in changes.items():
            check_setting(key, value)
        return dataclasses.replace(self, **changes)


_PATHS = ("taxonomy", "topic_model")
_NON_NEGATIVE = ("top_stories", "keywords")
# Each setting's type, read from the class (its annotations are strings: "int", "str | None").
_TYPES: dict[str, type[Any]] = {
    f.name: {"int": int, "bool": bool}.get(str(f.type).split(" ")[0], str)
    for f in dataclasses.fields(BuildConfig)
    if f.name != "source"
}
# The settings that may be left unset (annotated "... | None").
_OPTIONAL = {f.name for f in dataclasses.fields(BuildConfig) if "None" in str(f.type)}


def check_setting(key: str, value: Any, *, source: str | None = None) -> Any:
    """``value`` when it is right for the ``[briefing]`` setting ``key``, else a ConfigError
    naming the setting (and ``source``, the file it came from, when given)."""
    name = key if source is None else f"[{SECTION}] {key}"

    def wrong(problem: str) -> ConfigError:
        return setting_error(ConfigError, name, problem, source=source)

    expected = _TYPES.get(key)
    if expected is None:
        raise wrong(f"is not a setting; known settings: {', '.join(sorted(_TYPES))}")
    if value is None and key in _OPTIONAL:
        return value
    # bool is an int in Python; `top_stories = true` is still a mistake.
    if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
        kind = {int: "an integer", bool: "true or false"}.get(expected, "a string")
        raise wrong(f"must be {kind}, got {value!r}")
    if key in _NON_NEGATIVE and value < 0:
        raise wrong(f"must be 0 or more, got {value}")
    if key == "max_chars" and value < MIN_CHARS:
        raise wrong(
            f"must be at least {MIN_CHARS}, got {value}: a summary needs at least {MIN_CHARS} characters"
        )
    if key == "ocr" and value not in OCR_MODES:
        raise wrong(f"must be auto, always or never, got {value!r}")
    return value


def config_from_mapping(
    settings: dict[str, Any], *, source: str = "<mapping>", base: Path | None = None
) -> BuildConfig:
    """Check the ``[briefing]`` settings and build a :class:`BuildConfig`; paths resolve against ``base``."""
    unknown = sorted(set(settings) - set(_TYPES))
    if unknown:
        known = ", ".join(sorted(_TYPES))
        raise ConfigError(
            f"{source}: unknown setting [{SECTION}] {unknown[0]!r}; known settings: {known}"
        )
    values = dict(settings)
    for key in _PATHS:
        value = values.get(key)
        if isinstance(value, str) and base is not None and not Path(value).is_absolute():
            values[key] = str(base / value)
    return BuildConfig(**values, source=source)


def parse_config(text: str, *, source: str = "<string>", base: Path | None = None) -> BuildConfig:
    """Parse ``briefing.toml`` text; only the ``[briefing]`` table is read and checked."""
    from .compat import tomllib  # here: a build without a config file never parses TOML

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
    from .compat import tomllib

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
