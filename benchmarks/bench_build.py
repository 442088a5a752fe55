"""Benchmark of the whole `briefing build` on the default pipeline: cold and warm.

Cold: a fresh process per run, as a cron job starts it (`python -m briefing build ISSUE`),
median of several runs, beside `python -c pass` measured in the same run.
Warm: the library (one Pipeline, components built once), issues per second on one core,
each issue split, classified, summarized, assembled and rendered as HTML and Markdown.

    python benchmarks/bench_build.py [--runs 9] [--seconds 3]

Targets (issue 6): cold under 1 s for a sample page; warm >= 50 issues/s.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
PAGE = SAMPLES / "linjiang-daily-2024-03-12.txt"
ISSUES = [*sorted(SAMPLES.glob("*.txt")), SAMPLES / "old-style-1998", SAMPLES / "articles.jsonl"]


def cold(command: list[str], runs: int) -> tuple[float, float]:
    """Median wall time and median CPU time (user + system) of ``command`` in a fresh process.

    CPU time is what the run costs on an idle core; on a busy machine wall time also counts
    the waiting for a core, so both are shown.
    """
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def warm(seconds: float) -> tuple[float, float, int]:
    """Issues per second through the library on one core (by wall and by CPU time), and how
    many issues were built."""
    from briefing.pipeline import Pipeline
    from briefing.render import render

    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    pipeline = Pipeline()
    for issue in ISSUES:  # first use loads the segmenter and dictionaries: not part of warm time
        render(pipeline.run(issue), format="html")
    done, start, cpu = 0, time.perf_counter(), time.process_time()
    while time.perf_counter() - start < seconds:
        for issue in ISSUES:
            briefing = pipeline.run(issue)
            render(briefing, format="html")
            render(briefing, format="md")
            done += 1
    return done / (time.perf_counter() - start), done / (time.process_time() - cpu), done


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=9, help="fresh processes per cold measurement")
    parser.add_argument(
        "--seconds", type=float, default=3.0, help="duration of the warm measurement"
    )
    args = parser.parse_args()
    python = sys.executable
    build = [python, "-m", "briefing", "build", str(PAGE)]
    with tempfile.TemporaryDirectory() as tmp:
        commands = [
            ("python -c pass", [python, "-c", "pass"]),
            ("python -c 'import briefing'", [python, "-c", "import briefing"]),
            ("briefing --help", [python, "-m", "briefing", "--help"]),
            ("briefing build PAGE (md)", build),
            ("briefing build PAGE -f html", [*build, "-f", "html"]),
            (
                "briefing build PAGE -f docx -o F",
                [*build, "-f", "docx", "-o", str(Path(tmp) / "b.docx")],
            ),
        ]
        rows = [(name, *cold(command, args.runs)) for name, command in commands]
    base_wall, base_cpu = rows[0][1], rows[0][2]
    print(
        f"cold: median of {args.runs} fresh processes on {PAGE.name}; {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}"
    )
    print(f"  {'command':36s} {'wall':>8s} {'x pass':>7s} {'CPU':>8s} {'x pass':>7s}")
    for name, wall, cpu in rows:
        print(
            f"  {name:36s} {wall * 1000:6.0f}ms {wall / base_wall:6.1f}x {cpu * 1000:6.0f}ms {cpu / base_cpu:6.1f}x"
        )
    rate, cpu_rate, done = warm(args.seconds)
    print(f"warm, library, one core: {rate:.0f} issues/s by wall time, {cpu_rate:.0f} by CPU time")
    print(
        f"  ({done} issues: the {len(ISSUES)} samples in turn, each built and rendered as html and md)"
    )
    html_wall, html_cpu = rows[4][1], rows[4][2]
    print(
        f"targets: cold < 1 s: {'met' if html_wall < 1 else 'missed'} by wall, {'met' if html_cpu < 1 else 'missed'} by CPU;"
        f" warm >= 50 issues/s: {'met' if rate >= 50 else 'missed'} by wall, {'met' if cpu_rate >= 50 else 'missed'} by CPU"
    )


if __name__ == "__main__":
    main()
