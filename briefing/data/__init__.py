"""The data files shipped in the package: term lists, taxonomy, background words, the splitter's
model. They are read by path: ``importlib.resources`` costs a cold start 15 ms, and the package is
always installed as files (``pip install``, editable or not)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

DIRECTORY = Path(__file__).resolve().parent


def read_text(name: str) -> str:
    """The text of the shipped data file ``name`` (UTF-8)."""
    return (DIRECTORY / name).read_text(encoding="utf-8")


def weights_by_name(name: str) -> dict[str, float]:
    """The weights of the shipped ranker file ``name`` (its ``features`` and ``weights``), by
    feature name."""
    fitted = json.loads(read_text(name))
    return {
        feature: float(w) for feature, w in zip(fitted["features"], fitted["weights"], strict=True)
    }


def read_weights(name: str, features: Sequence[str]) -> tuple[float, ...]:
    """The weights of the shipped ranker file ``name``, one per name of ``features``; ValueError
    where it weighs other features than those."""
    weights = weights_by_name(name)
    if set(weights) != set(features):
        raise ValueError(f"{name} does not weigh the features the ranker computes")
    return tuple(weights[feature] for feature in features)


def read_words(name: str) -> list[str]:
    """The words of the shipped word list ``name``: separated by spaces or lines, ``#`` lines
    being comments."""
    lines = read_text(name).splitlines()
    return [word for line in lines if not line.startswith("#") for word in line.split()]
