"""The split benchmark's first-sight rounds: each starts with the splitter's caches empty."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from briefing import text
from briefing.split import features, lines

ROOT = Path(__file__).resolve().parents[1]


def _bench():
    spec = importlib.util.spec_from_file_location("bench_split", ROOT / "benchmarks/bench_split.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_rounds_start_with_empty_caches_and_fresh_issues():
    bench = _bench()
    files = bench.pages([str(ROOT / "samples")])
    # Two rounds over the same files: the second splits newly read issues (splitting one issue
    # twice is refused), and its clock starts with every split cache empty.
    assert len(bench.first_sight_cpu_ms(files, 2)) == 2
    assert lines.looks_like_heading.cache_info().currsize > 0
    bench.forget_split_caches()
    for cached in (
        lines.looks_like_heading,
        lines.is_bare_name,
        text.word_tags,
        features._spelled_shape,
        features._spelled_marks,
    ):
        assert cached.cache_info().currsize == 0
