"""Splitting speed, single core: pages per second beside merely reading and decoding the same files.

    python benchmarks/bench_split.py [PAGE_OR_DIR ...]

Defaults to the project's sample pages. Prints one JSON object: the time to load the splitter's
model (first use in the process), both rates, the rate of splitting alone on first sight of each
page (reading excluded) by the wall clock and by CPU time, their ratios, and the median time to split each page after warm-up.
On ``../shared/corpus/pd2019/pages-dev`` the targets are: model load <= 50 ms, split alone on
first sight >= 200 pages/s on one core.
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
    from briefing.split.labeller import load_tagger
    from briefing.text import tagged, words

    files = pages(sys.argv[1:])
    # The segmenter's dictionary, and the model of unknown words that its part-of-speech tagger
    # loads on the first one it meets (about 40 ms): shared with the summaries and titles, not
    # the splitter's cost.
    words("预热")
    tagged("李小龙说蓝星村合作社")
    start = time.perf_counter()
    load_tagger()
    load_ms = (time.perf_counter() - start) * 1000
    # First sight of every page: no cached word lists for its lines yet.
    issues = [read_issue(p) for p in files]
    start, cpu_start = time.perf_counter(), time.process_time()
    for issue in issues:
        split_issue(issue)
    split_alone = len(files) / (time.perf_counter() - start)
    # CPU time of this process: on a shared machine it moves less than the wall clock.
    split_alone_cpu_ms = (time.process_time() - cpu_start) * 1000 / len(files)
    rounds = max(1, 600 // len(files))
    read_rate = rate(read_issue, files, rounds)
    split_rate = rate(lambda p: split_issue(read_issue(p)), files, rounds)
    per_page = {}
    for path in files:
        times = []
        for _ in range(5 if len(files) > 20 else 50):
            issue = read_issue(path)
            start = time.perf_counter()
            split_issue(issue)
            times.append(time.perf_counter() - start)
        per_page[path.name] = round(statistics.median(times) * 1000, 3)
    print(
        json.dumps(
            {
                "pages": len(files),
                "model_load_ms": round(load_ms, 1),
                "split_alone_first_sight_pages_per_s": round(split_alone),
                "split_alone_first_sight_cpu_ms_per_page": round(split_alone_cpu_ms, 2),
                "split_alone_first_sight_pages_per_cpu_s": round(1000 / split_alone_cpu_ms),
                "read_pages_per_s": round(read_rate),
                "read_and_split_pages_per_s": round(split_rate),
                "split_cost_vs_read": round(read_rate / split_rate, 1),
                "split_alone_vs_read": round(read_rate / split_alone, 2),
                "median_split_ms": per_page,
            },
            ensure_ascii=False,
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
