"""Batch throughput: pages per second with 1 and 2 worker processes, and on Ray, with peak memory.

    python benchmarks/bench_batch.py [--pages N] [--engines local1,local2,ray2] [PAGE_DIR]

Builds a tree of N page issues (default 1,000) by repeating the pages of PAGE_DIR as links
(default ../shared/corpus/pd1998/pages-dev if present, else the project's samples) and runs
``run_batch`` on it once per setting, each in a fresh Python process and output directory
(``--format json``). Prints one JSON object: per setting the wall time, pages per second, the
scaling efficiency against 1 local worker (rate / (workers x rate of 1)), Ray's overhead against
local processes with as many workers, and peak memory (resident set of the benchmark process and
all its descendants, summed, sampled every 0.1 s with psutil; for Ray that includes its GCS and
raylet), and the CPU time per page (user + system, of the process and its reaped descendants),
which the load of other jobs on the machine changes much less than the rates. Ray's start-up
(``ray.init``) is timed apart from the batch.

Target (issue 14): ``--workers 2`` at least 1.6x the pages per second of ``--workers 1`` on an
idle 2-core machine; the load average at the start and the end is printed beside it (on a shared,
loaded machine two workers cannot get two free cores, so the figure there says little).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS_PAGES = ROOT.parent / "shared" / "corpus" / "pd1998" / "pages-dev"
WORKERS_2_TARGET = 1.6  # --workers 2 against --workers 1, pages per second (idle 2 cores)


def make_tree(source: Path, count: int, root: Path) -> int:
    pages = sorted(p for p in source.rglob("*.txt"))
    for n in range(count):
        folder = root / f"copy{n // len(pages):03d}"
        folder.mkdir(exist_ok=True)
        page = pages[n % len(pages)]
        (folder / f"{n % len(pages):03d}-{page.name}").symlink_to(page)
    return len(pages)


class PeakMemory:
    """The largest sum of resident memory of this process and its descendants, sampled."""

    def __init__(self, interval: float = 0.1) -> None:
        import psutil

        self.process = psutil.Process()
        self.peak = 0
        self.interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        import psutil

        while not self._stop.is_set():
            total = 0
            for proc in [self.process, *self.process.children(recursive=True)]:
                try:
                    total += proc.memory_info().rss
                except psutil.Error:
                    pass
            self.peak = max(self.peak, total)
            time.sleep(self.interval)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def one_setting(tree: str, engine: str, workers: int) -> dict:
    """Run in a child process: one batch, its timings and peak memory."""
    from briefing.jobs.batch import run_batch

    result: dict = {"engine": engine, "workers": workers}
    with tempfile.TemporaryDirectory() as out, PeakMemory() as memory:
        if engine == "ray":
            import ray

            start = time.perf_counter()
            ray.init(num_cpus=workers, include_dashboard=False, log_to_driver=False)
            result["ray_init_s"] = round(time.perf_counter() - start, 2)
        start = time.perf_counter()
        report = run_batch([tree], output_dir=out, formats=["json"], workers=workers, engine=engine)
        result["seconds"] = round(time.perf_counter() - start, 2)
        if engine == "ray":
            import ray

            ray.shutdown()
    result.update(
        pages=report.done,
        failed=len(report.failed),
        pages_per_s=round(report.done / result["seconds"], 2),
    )
    # CPU time per page (this process and its reaped descendants): what contention does not change.
    cpu = sum(
        getattr(resource.getrusage(who), f)
        for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
        for f in ("ru_utime", "ru_stime")
    )
    result["cpu_ms_per_page"] = round(1000 * cpu / max(1, report.done), 1)
    result["peak_rss_mb"] = round(memory.peak / 2**20)
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "source",
        nargs="?",
        default=str(CORPUS_PAGES if CORPUS_PAGES.is_dir() else ROOT / "samples"),
    )
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--engines", default="local1,local2,ray2")
    parser.add_argument(
        "--one", nargs=3, metavar=("TREE", "ENGINE", "WORKERS"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.one:
        sys.stdout.write(json.dumps(one_setting(args.one[0], args.one[1], int(args.one[2]))) + "\n")
        return
    runs = []
    load_at_start = round(os.getloadavg()[0], 2)
    with tempfile.TemporaryDirectory() as tmp:
        distinct = make_tree(Path(args.source), args.pages, Path(tmp))
        for setting in args.engines.split(","):
            engine, workers = (
                setting.rstrip("0123456789"),
                int(setting.lstrip("abcdefghijklmnopqrstuvwxyz")),
            )
            print(f"running {engine} x{workers} on {args.pages} pages ...", file=sys.stderr)
            done = subprocess.run(
                [sys.executable, __file__, "--one", tmp, engine, str(workers)],
                capture_output=True,
                text=True,
                cwd=ROOT,
            )
            if done.returncode != 0:
                runs.append(
                    {
                        "engine": engine,
                        "workers": workers,
                        "error": done.stderr.strip().splitlines()[-1:],
                    }
                )
                continue
            runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    base = next(
        (
            r
            for r in runs
            if r.get("engine") == "local" and r.get("workers") == 1 and "pages_per_s" in r
        ),
        None,
    )
    for run in runs:
        if base and "pages_per_s" in run:
            run["scaling_efficiency"] = round(
                run["pages_per_s"] / (run["workers"] * base["pages_per_s"]), 3
            )
        local = next(
            (
                r
                for r in runs
                if r.get("engine") == "local"
                and r.get("workers") == run.get("workers")
                and "pages_per_s" in r
            ),
            None,
        )
        if run.get("engine") == "ray" and local and "pages_per_s" in run:
            run["ray_time_vs_local"] = round(local["pages_per_s"] / run["pages_per_s"], 3)
    summary = {
        "source": args.source,
        "distinct_pages": distinct,
        "pages": args.pages,
        "cpus": os.cpu_count(),
        "load_avg_1m": {"start": load_at_start, "end": round(os.getloadavg()[0], 2)},
        "runs": runs,
    }
    two = next((r for r in runs if r.get("engine") == "local" and r.get("workers") == 2), None)
    if base and two and "pages_per_s" in two:
        speedup = two["pages_per_s"] / base["pages_per_s"]
        summary["workers_2_vs_1"] = {
            "speedup": round(speedup, 2),
            "target": WORKERS_2_TARGET,
            "met": speedup >= WORKERS_2_TARGET,
        }
    sys.stdout.write(json.dumps(summary, indent=2) + "\n")


if __name__ == "__main__":
    main()
