"""The keywords benchmark's measure of pieces: a keyword inside a longer word of the text."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _bench():
    spec = importlib.util.spec_from_file_location(
        "bench_keywords", ROOT / "benchmarks/bench_keywords.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_title_before_a_word_leaves_its_place_as_it_is():
    bench = _bench()
    # The 《》 of a title are no part of its word: the words after it keep their places.
    text = "《东港》周海委员会到。"
    assert not bench.is_piece("周海", text)
    assert bench.is_piece("周海", "周海燕到。周海燕说。")
