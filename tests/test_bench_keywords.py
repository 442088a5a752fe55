"""The keywords benchmark's measure of pieces: a keyword inside a longer word of the text."""

from __future__ import annotations

import runpy
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "benchmarks/bench_keywords.py"


def test_a_title_before_a_word_leaves_its_place_as_it_is():
    is_piece = runpy.run_path(str(BENCH), run_name="bench_keywords")["is_piece"]
    # The 《》 of a title are no part of its word: the words after it keep their places.
    assert not is_piece("周海", "《东港》周海委员会到。")
    assert is_piece("周海", "周海燕到。周海燕说。")


def test_a_cache_loses_its_held_out_pages(tmp_path):
    import pickle

    bench = runpy.run_path(str(BENCH), run_name="bench_keywords")
    held_out = sorted(runpy.run_path(str(BENCH.parent / "held_out.py"))["HELD_OUT_PAGES"])[0]
    cache = tmp_path / "kw.pkl"
    issues = {
        f"pd2019/pages-dev/pd{held_out}": ([], [], None),
        "pd2019/pages-dev/dev": ([], [], None),
    }
    cache.write_bytes(pickle.dumps(issues))
    assert list(bench["load_issues"](cache)) == ["pd2019/pages-dev/dev"]
