"""The data files shipped in the package: term lists, taxonomy, background words, the splitter's
model. They are read by path: ``importlib.resources`` costs a cold start 15 ms, and the package is
always installed as files (``pip install``, editable or not)."""

from __future__ import annotations

from pathlib import Path

DIRECTORY = Path(__file__).resolve().parent


def read_text(name: str) -> str:
    """The text of the shipped data file ``name`` (UTF-8)."""
    return (DIRECTORY / name).read_text(encoding="utf-8")


def read_words(name: str) -> list[str]:
    """The words of the shipped word list ``name``: separated by spaces or lines, ``#`` lines
    being comments."""
    lines = read_text(name).splitlines()
    return [word for line in lines if not line.startswith("#") for word in line.split()]
