"""Splitting speed, single core: pages per second beside merely reading and decoding the same files.

    python benchmarks/bench_split.py [PAGE_OR_DIR ...]

Defaults to the project's sample pages. Prints one JSON object: both rates, their ratio, and the
median time to split each page after warm-up (the issue's target: the seed page under 5 ms).
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

from briefing import read_issue, split_issue

ROOT = Path(__file__).resolve().parents[1]


def pages(args: list[str]) -> list[Path]:
    found: list[Path] = []
    for arg in args or [str(ROOT / "samples")]:
        path = Path(arg)
        found += sorted(path.rglob("*.txt")) if path.is_dir() else [path]
    return found


def rate(task, files: list[Path], rounds: int) -> float:
    start = time.perf_counter()
    for _ in range(rounds):
        for path in files:
            task(path)
    return rounds * len(files) / (time.perf_counter() - start)


def main() -> None:
    files = pages(sys.argv[1:])
    split_issue(read_issue(files[0]))  # warm-up: loads the segmenter's dictionary
    # First sight of every page: no cached word lists for its lines yet.
    first_pass = rate(lambda p: split_issue(read_issue(p)), files, 1)
    rounds = max(1, 2000 // len(files))
    read_rate = rate(read_issue, files, rounds)
    split_rate = rate(lambda p: split_issue(read_issue(p)), files, rounds)
    per_page = {}
    for path in files:
        times = []
        for _ in range(50):
            issue = read_issue(path)
            start = time.perf_counter()
            split_issue(issue)
            times.append(time.perf_counter() - start)
        per_page[path.name] = round(statistics.median(times) * 1000, 3)
    print(json.dumps({
        "pages": len(files),
        "read_pages_per_s": round(read_rate),
        "first_pass_pages_per_s": round(first_pass),
        "read_and_split_pages_per_s": round(split_rate),
        "split_cost_vs_read": round(read_rate / split_rate, 1),
        "median_split_ms": per_page,
    }, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
