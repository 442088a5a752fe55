"""Prompt templates (``prompts/*.toml``): a system text and a user text with placeholders.

The article goes into the prompt as delimited data, between :data:`OPEN` and :data:`CLOSE`,
and the template tells the model that what lies between them is material, never instructions.
The article's text cannot close the block early or smuggle in chat-control tokens: both are
removed from it before it is put in (:func:`as_data`).

Placeholders: ``{title}``, ``{article}`` (already delimited), ``{max_chars}``, ``{target_chars}``,
``{labels}`` (label names, one per line) and ``{label_scopes}`` (name: scope, one per line).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable

from ..compat import tomllib
from ..errors import ConfigError
from ..records import Article
from .cards import PROJECT_ROOT, ModelCard

OPEN = "【文章开始】"
CLOSE = "【文章结束】"
DEFAULT_TEMPLATES = {"summarizer": "summary", "titler": "title", "classifier": "topic"}
# <|im_start|>, <s>, [INST] ...: markup that chat templates give meaning to.
_CONTROL = re.compile(r"<\|[^|<>]{0,40}\|>|</?s>|\[/?INST\]|<<SYS>>|<</SYS>>")
_DELIMITER = re.compile(re.escape(OPEN) + "|" + re.escape(CLOSE) + r"|【\s*文章(?:开始|结束)\s*】")

Messages = list[dict[str, str]]


def as_data(text: str) -> str:
    """``text`` made safe to sit between the delimiters: no delimiters, no control tokens."""
    return _CONTROL.sub("", _DELIMITER.sub("", text)).strip()


@dataclass(frozen=True)
class PromptTemplate:
    name: str
    user: str
    system: str = ""
    source: str = "<template>"

    def render(self, **values: object) -> Messages:
        try:
            user = self.user.format(**values)
            system = self.system.format(**values)
        except (KeyError, IndexError, ValueError) as exc:
            raise ConfigError(
                f"{self.source}: prompt template uses an unknown placeholder or bad braces: {exc}"
            ) from exc
        messages = [{"role": "system", "content": system}] if system else []
        return messages + [{"role": "user", "content": user}]


def prompt_dirs(card: ModelCard | None = None) -> list[Path]:
    dirs = [
        Path(p).expanduser() for p in os.environ.get("BRIEFING_PROMPTS", "").split(os.pathsep) if p
    ]
    if card is not None and card.source != "<card>":
        dirs.append(card.directory.parent / "prompts")
    dirs += [Path.cwd() / "prompts", PROJECT_ROOT / "prompts"]
    return [d for d in dirs if d.is_dir()]


@lru_cache(maxsize=32)
def _read_template(path: str) -> PromptTemplate:
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{file}: cannot read the prompt template: {exc}") from exc
    if file.suffix == ".txt":
        return PromptTemplate(name=file.stem, user=text, source=str(file))
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{file}: prompt template is not valid TOML: {exc}") from exc
    if not isinstance(data.get("user"), str) or not isinstance(data.get("system", ""), str):
        raise ConfigError(
            f"{file}: a prompt template needs a 'user' string (and optionally 'system')"
        )
    return PromptTemplate(
        name=file.stem, user=data["user"], system=data.get("system", ""), source=str(file)
    )


def load_template(name_or_path: str, *, card: ModelCard | None = None) -> PromptTemplate:
    """The template ``name_or_path``: a file path, or a name looked up in the prompt folders."""
    candidate = card.path(name_or_path) if card is not None else Path(name_or_path).expanduser()
    if candidate is not None and candidate.is_file():
        return _read_template(str(candidate.resolve()))
    for directory in prompt_dirs(card):
        for suffix in (".toml", ".txt"):
            file = directory / f"{name_or_path}{suffix}"
            if file.is_file():
                return _read_template(str(file.resolve()))
    searched = ", ".join(str(d) for d in prompt_dirs(card)) or "no prompt folder"
    raise ConfigError(f"prompt template {name_or_path!r} not found (searched {searched})")


def template_for(card: ModelCard, role: str) -> PromptTemplate:
    return load_template(card.prompts.get(role, DEFAULT_TEMPLATES[role]), card=card)


def article_block(
    article: Article, *, truncate: Callable[[str], str] | None = None, with_title: bool = True
) -> str:
    """The article between the delimiters: headline (when wanted) and body, lead kept on truncation."""
    body = as_data(article.text)
    if truncate is not None:
        body = truncate(body)
    lines = [OPEN]
    headline = as_data(article.headline) if with_title else ""
    if headline:
        lines.append(f"标题：{headline}")
    lines += [body, CLOSE]
    return "\n".join(lines)
