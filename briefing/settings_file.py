"""Reading a settings file the user named (a config, a taxonomy, a model card).

Its own module so that the config and the model cards, which read each other's tables, both
read files through it without importing one another.
"""

from __future__ import annotations

from pathlib import Path

from .errors import ConfigError


def read_settings_file(file: Path, *, what: str) -> str:
    """The text of a file the user named (a config, taxonomy, model card), or a ConfigError
    that says which file and what is wrong with it."""
    if not file.is_file():
        raise ConfigError(f"{file}: {what} not found")
    try:
        return file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{file}: cannot read the {what}: {exc}") from exc
