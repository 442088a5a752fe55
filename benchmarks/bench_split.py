"""Splitting speed, single core: pages per second beside merely reading and decoding the same files.

    python benchmarks/bench_split.py [--rounds N] [--callgrind] [PAGE_OR_DIR ...]

Defaults to the project's sample pages. Prints one JSON object: the time to load the splitter's
model (first use in the process), both rates, the rate of splitting alone on first sight of each
page (reading excluded), their ratios, and the median time to split each page after warm-up.

Split alone on first sight is timed in ``--rounds`` rounds (default 5), each after the
splitter's caches are emptied (every ``lru_cache`` of ``briefing.split``: the word lists, parts
of speech and attribute names it keeps per text or per shape of line), so that each round is the
first sight a fresh process has; the figure is the median round's CPU time of this process per
page (on a shared machine it moves less than the wall clock; the rounds show the spread).
``--callgrind`` adds the instructions per page of one first-sight pass, counted by valgrind's
callgrind as the difference between a run that reads the pages and one that also splits them
(deterministic, unlike any clock). On ``../shared/corpus/pd2019/pages-dev`` the targets are:
model load <= 50 ms, split alone on first sight >= 200 pages/s on one core.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import pkgutil
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from briefing import read_issue, split_issue

ROOT = Path(__file__).resolve().parents[1]
TEXT = "briefing.text"  # the shared text helpers: the split modules' caches taken from there


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


def forget_split_caches() -> None:
    """Empty every ``lru_cache`` that a module of ``briefing.split`` defines or takes from
    ``briefing.text`` (the parts of speech it keeps per text)."""
    import briefing.split

    for module_info in pkgutil.iter_modules(briefing.split.__path__):
        module = importlib.import_module(f"briefing.split.{module_info.name}")
        for value in vars(module).values():
            if hasattr(value, "cache_clear") and value.__module__ in (module.__name__, TEXT):
                value.cache_clear()


def warm_up() -> float:
    """Load what the splitter shares with other stages, then its model; the model's load ms."""
    from briefing.split.labeller import load_tagger
    from briefing.text import tagged, words

    # The segmenter's dictionary, and the model of unknown words that its part-of-speech tagger
    # loads on the first one it meets (about 40 ms): shared with the summaries and titles, not
    # the splitter's cost.
    words("预热")
    tagged("李小龙说蓝星村合作社")
    start = time.perf_counter()
    load_tagger()
    return (time.perf_counter() - start) * 1000


def first_sight_cpu_ms(files: list[Path], rounds: int) -> list[float]:
    """CPU ms per page of each round of splitting every page, caches emptied before each."""
    out = []
    for _ in range(rounds):
        # Read afresh, off the clock: splitting records the page furniture in the issue.
        issues = [read_issue(p) for p in files]
        forget_split_caches()
        start = time.process_time()
        for issue in issues:
            split_issue(issue)
        out.append((time.process_time() - start) * 1000 / len(issues))
    return out


def callgrind_instructions(args: list[str]) -> int:
    """Instructions of this script's ``--phase`` run under callgrind (no cache simulation), with
    string hashing fixed (PYTHONHASHSEED=0)."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "callgrind.out"
        subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", sys.executable]
            + [__file__, *args],
            check=True,
            # Fixed string hashing: with it, two runs of the same code count the same.
            env={**os.environ, "PYTHONHASHSEED": "0"},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        match = re.search(r"^(?:summary|totals): (\d+)", out.read_text(), re.MULTILINE)
        if not match:
            raise SystemExit(f"{out}: no instruction total")
        return int(match.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--rounds", type=int, default=5, help="first-sight rounds (median)")
    parser.add_argument("--callgrind", action="store_true", help="also count instructions/page")
    parser.add_argument("--phase", choices=("read", "split"), help=argparse.SUPPRESS)
    options = parser.parse_args()
    files = pages(options.paths)
    if options.phase:  # one pass under callgrind: read (and warm up), then split once or not
        warm_up()
        issues = [read_issue(p) for p in files]
        if options.phase == "split":
            for issue in issues:
                split_issue(issue)
        return
    load_ms = warm_up()
    round_ms = first_sight_cpu_ms(files, max(1, options.rounds))
    split_alone_cpu_ms = statistics.median(round_ms)
    split_alone = 1000 / split_alone_cpu_ms
    instructions = {}
    if options.callgrind:
        read, split = (
            callgrind_instructions([f"--phase={phase}", *map(str, files)])
            for phase in ("read", "split")
        )
        instructions = {
            "split_alone_first_sight_instructions_per_page": (split - read) // len(files)
        }
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
                "split_alone_first_sight_cpu_ms_per_page": round(split_alone_cpu_ms, 3),
                "split_alone_first_sight_pages_per_cpu_s": round(split_alone),
                "split_alone_first_sight_rounds_cpu_ms": [round(ms, 3) for ms in round_ms],
                **instructions,
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
