"""Labelled items: the JSON lines a topic classifier is trained on (``briefing train-topics``)
and scored on (:mod:`briefing.evaluate.topics`).

A line is ``{"id", "text", "title"?, "topic", "alternates"?}``: ``text`` holds the paragraphs one
a line, ``alternates`` the other labels that count as right.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..read.text import read_jsonl
from ..records import Article


@dataclass
class LabelledItem:
    id: str
    article: Article
    topic: str
    alternates: list[str] = field(default_factory=list)


def item_article(record: dict[str, Any], *, item_id: str) -> Article:
    """An article from a labelled record's ``text`` (paragraphs by line) and optional ``title``."""
    text = record.get("text", "")
    title = record.get("title")
    body = [p.strip() for p in str(text).split("\n") if p.strip()]
    return Article(id=item_id, title=(str(title).strip() or None) if title else None, body=body)


def read_labelled(path: str | Path, *, labels: list[str] | None = None) -> list[LabelledItem]:
    """Read labelled items; with ``labels``, a topic outside them is an error naming the line."""
    file = Path(path)
    items: list[LabelledItem] = []
    known = set(labels) if labels is not None else None
    for number, record in read_jsonl(file):
        topic = record.get("topic")
        if not isinstance(topic, str) or not topic:
            raise InputError(f"{file}:{number}: missing 'topic' (a label)")
        if not isinstance(record.get("text"), str):
            raise InputError(f"{file}:{number}: missing 'text' (a string)")
        alternates = record.get("alternates") or []
        if known is not None:
            for label in [topic, *alternates]:
                if label not in known:
                    raise InputError(
                        f"{file}:{number}: unknown label {label!r}; the taxonomy has {', '.join(labels or [])}"
                    )
        item_id = str(record.get("id") or f"{file.stem}-{number}")
        items.append(
            LabelledItem(item_id, item_article(record, item_id=item_id), topic, list(alternates))
        )
    if not items:
        raise InputError(f"{file}: no labelled items")
    return items
