"""Progress of the pages being OCR'd, told to whoever shows it (the CLI draws a bar, or writes a
line per page).

Kept apart from :mod:`briefing.ocr`, which announces the pages: the CLI listens on every
command that reads an issue, and importing the OCR package (its engine's settings and records)
for that was 0.9% of the instructions of a text build, which OCRs nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class OcrProgress:
    """One page: ``done`` is False when it starts, True when its text is read."""

    source: str
    page: int
    done: bool
    cached: bool = False
    seconds: float = 0.0


_listeners: list[Callable[[OcrProgress], None]] = []


def add_progress_listener(listener: Callable[[OcrProgress], None]) -> Callable[[], None]:
    """Call ``listener`` for every OCR'd page; returns a function that removes it."""
    _listeners.append(listener)
    return lambda: _listeners.remove(listener) if listener in _listeners else None


def announce(event: OcrProgress) -> None:
    for listener in list(_listeners):
        listener(event)
