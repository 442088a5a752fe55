"""Where a warm issue's time goes: the cost of each stage of the default pipeline (read and
split, classify, summarize, assemble, render as HTML and Markdown) per issue, over the People's
Daily 1998 dev pages less the held-out ones of held_out.py (the project's samples when
../shared/corpus is absent), after a warm-up on the samples, with the summarize stage's per-text
caches emptied first.

    python benchmarks/bench_stages.py [--rounds 5] [--pages N] [--compare OTHER_TREE] [--instructions]

CPU: milliseconds of CPU time per issue and stage, the median of ``--rounds`` fresh processes
on one core; with ``--compare`` (a checkout of another commit, ``git archive REV briefing | tar
-x -C OTHER_TREE``, or another build of the same code) the two trees take turns, so that both
meet the same machine load, and each stage's ratio is printed.
``--instructions``: also the instructions of each stage under valgrind's callgrind (one run per
tree, the same on an idle and on a loaded machine; a minute or two per tree). A tiny C helper,
compiled here with gcc against valgrind's callgrind.h, tells callgrind where each stage ends.
"""

from __future__ import annotations

import argparse
import ctypes
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from bench_build import DEV_PAGES, ISSUES, NEUTRAL, child_env
from held_out import page_files

STAGES = ("split", "classify", "summarize", "assemble", "render")
# Client requests to callgrind: start counting, and close a count named after the stage that ran.
MARKS_C = """#include <valgrind/callgrind.h>
void start(void) { CALLGRIND_START_INSTRUMENTATION; CALLGRIND_ZERO_STATS; }
void mark(const char *stage) { CALLGRIND_DUMP_STATS_AT(stage); }
"""


def run_stages(pages: list[Path], marks: str | None) -> dict[str, float]:
    """In the child: CPU seconds of each stage over ``pages`` (and, under callgrind with the
    helper library ``marks``, a count closed after each stage)."""
    import logging

    from bench_summaries import forget_summaries

    from briefing.pipeline import Pipeline
    from briefing.render import render
    from briefing.summarize import summarize
    from briefing.topics import classify

    logging.disable(logging.WARNING)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    pipeline = Pipeline()
    for issue in ISSUES:  # dictionaries, tables and models load here: not warm time
        render(pipeline.run(issue), format="html")
    forget_summaries()
    helper = ctypes.CDLL(marks) if marks else None
    mark = helper.mark if helper else (lambda stage: None)
    if helper:
        helper.start()
    spent = dict.fromkeys(STAGES, 0.0)
    for page in pages:
        # The stages as Pipeline.run_with_articles calls them (load, annotate, assemble).
        mark(b"other")
        start = time.process_time()
        issue, articles = pipeline.load(page)
        split = time.process_time()
        mark(b"split")
        classify(articles, classifier=pipeline.classifier, labels=pipeline.labels)
        classified = time.process_time()
        mark(b"classify")
        summarize(
            articles,
            summarizer=pipeline.summarizer,
            titler=pipeline.titler,
            max_chars=pipeline.config.max_chars,
        )
        summarized = time.process_time()
        mark(b"summarize")
        briefing = pipeline.assemble(issue, articles)
        assembled = time.process_time()
        mark(b"assemble")
        render(briefing, format="html")
        render(briefing, format="md")
        mark(b"render")
        ends = (start, split, classified, summarized, assembled, time.process_time())
        for stage, (before, after) in zip(STAGES, zip(ends, ends[1:])):
            spent[stage] += after - before
    return spent


def pages_to_run(count: int | None) -> list[Path]:
    pages = page_files(DEV_PAGES) if DEV_PAGES.is_dir() else ISSUES
    return pages[:count] if count else pages


def child(tree: str | None, pages: int | None, prefix: list[str], marks: str = "") -> str:
    command = [*prefix, sys.executable, __file__, "--child", str(pages or 0), marks]
    done = subprocess.run(
        command, capture_output=True, text=True, env=child_env(tree), cwd=NEUTRAL, check=True
    )
    return done.stdout


def cpu_rounds(trees: list[str | None], rounds: int, pages: int | None) -> list[dict[str, float]]:
    """Per tree, the median milliseconds per issue of each stage, the trees taking turns."""
    count = len(pages_to_run(pages))
    runs: list[list[dict[str, float]]] = [[] for _ in trees]
    for turn in range(rounds):
        order = list(enumerate(trees))
        for index, tree in order if turn % 2 == 0 else order[::-1]:
            runs[index].append(json.loads(child(tree, pages, [])))
    return [
        {stage: statistics.median(r[stage] for r in mine) * 1000 / count for stage in STAGES}
        for mine in runs
    ]


def stage_instructions(tree: str | None, pages: int | None, work: Path) -> dict[str, float]:
    """Millions of instructions per issue and stage under callgrind."""
    marks = work / "marks.so"
    if not marks.exists():
        source = work / "marks.c"
        source.write_text(MARKS_C)
        subprocess.run(["gcc", "-O2", "-shared", "-fPIC", "-o", marks, source], check=True)
    out = work / f"callgrind-{len(list(work.glob('callgrind-*')))}"
    prefix = ["valgrind", "--tool=callgrind", "--instr-atstart=no", f"--callgrind-out-file={out}"]
    child(tree, pages, prefix, str(marks))
    counts: Counter[str] = Counter()
    for dump in work.glob(f"{out.name}.*"):
        text = dump.read_text(errors="replace")
        stage = re.search(r"^desc: Trigger: Client Request: (\w+)$", text, re.M)
        total = re.search(r"^totals: (\d+)", text, re.M)
        if stage and total:
            counts[stage.group(1)] += int(total.group(1))
    count = len(pages_to_run(pages))
    return {stage: counts[stage] / count / 1e6 for stage in STAGES}


def table(title: str, unit: str, figures: list[dict[str, float]], labels: list[str]) -> None:
    print(f"{title} ({unit} per issue)")
    print(f"  {'stage':10s}" + "".join(f" {label:>14s}" for label in labels))
    for stage in (*STAGES, "total"):
        values = [sum(f.values()) if stage == "total" else f[stage] for f in figures]
        ratio = f"  {values[1] / values[0]:.2f}x the baseline" if len(values) == 2 else ""
        print(f"  {stage:10s}" + "".join(f" {v:14.2f}" for v in values) + ratio)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5, help="fresh processes per tree (CPU)")
    parser.add_argument("--pages", type=int, default=None, help="the first N pages only")
    parser.add_argument("--compare", help="another tree (the baseline), measured in the same run")
    parser.add_argument(
        "--instructions", action="store_true", help="also count instructions under callgrind"
    )
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        pages, marks = int(args.child[0]) or None, args.child[1] or None
        sys.stdout.write(json.dumps(run_stages(pages_to_run(pages), marks)) + "\n")
        return
    trees: list[str | None] = [None] + ([args.compare] if args.compare else [])
    labels = ["this tree"] + (["baseline"] if args.compare else [])
    which = "dev pages" if DEV_PAGES.is_dir() else "samples"
    print(f"{len(pages_to_run(args.pages))} {which}; load average {os.getloadavg()[0]:.1f}")
    figures = cpu_rounds(trees, args.rounds, args.pages)
    print(f"load average {os.getloadavg()[0]:.1f} at the end (shared machine: compare ratios)")
    # The baseline first, so that the ratio reads "this tree / baseline".
    table(f"CPU, median of {args.rounds} rounds", "ms", figures[::-1], labels[::-1])
    if args.instructions:
        if shutil.which("valgrind") is None or shutil.which("gcc") is None:
            print("instructions: valgrind and gcc are needed", file=sys.stderr)
            return
        with tempfile.TemporaryDirectory() as work:
            counts = [stage_instructions(tree, args.pages, Path(work)) for tree in trees]
        table("instructions (callgrind)", "M", counts[::-1], labels[::-1])


if __name__ == "__main__":
    main()
