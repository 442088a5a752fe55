"""The ``[review]`` table of ``briefing.toml``: what approval writes, and who the editor is.

Example::

    [review]
    formats = ["html", "md", "docx"]   # written beside the draft on approval (default: html)
    editor = "张三"                    # recorded with each edit and the approval (default: the login name)
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..config import config_table, read_config_tables
from ..errors import ConfigError

REVIEW_KEYS = ("formats", "editor")


@dataclass(frozen=True)
class ReviewSettings:
    formats: tuple[str, ...] = ("html",)
    editor: str | None = None


def default_editor() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name (a container with an unnamed uid)
        return "editor"


def parse_review(data: dict[str, Any], *, source: str = "<mapping>") -> ReviewSettings:
    for key in data:
        if key not in REVIEW_KEYS:
            raise ConfigError(
                f"{source}: unknown setting [review] {key!r}; known settings: {', '.join(REVIEW_KEYS)}"
            )
    formats = data.get("formats", list(ReviewSettings.formats))
    if isinstance(formats, str):
        formats = [formats]
    if not isinstance(formats, list) or not all(isinstance(f, str) for f in formats):
        raise ConfigError(f"{source}: [review] formats must be a list of format names")
    from ..render import get_renderer

    for name in formats:
        get_renderer(name)  # unknown: a ConfigError listing the formats
    editor = data.get("editor")
    if editor is not None and (not isinstance(editor, str) or not editor.strip()):
        raise ConfigError(f"{source}: [review] editor must be a name")
    return ReviewSettings(formats=tuple(formats), editor=editor.strip() if editor else None)


def load_review_settings(path: str | Path | None) -> ReviewSettings:
    if path is None:
        return ReviewSettings()
    file = Path(path)
    return parse_review(
        config_table(read_config_tables(file), "review", source=str(file)), source=str(file)
    )
