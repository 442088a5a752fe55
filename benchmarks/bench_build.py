"""Benchmark of the whole `briefing build` on the default pipeline: cold and warm, against the
targets of issue 14, each figure beside its baseline measured in the same run.

Cold: a fresh process per run, as a cron job starts it (`python -m briefing build PAGE`), median
CPU time (user + system, ``getrusage`` of the children) of several rounds in which the commands
take turns (`python -c pass`, and with ``--compare`` the other tree's commands, alike), as a
multiple of `python -c pass`. Byte code is written and used as an installed package
has it (the environment's PYTHONDONTWRITEBYTECODE is dropped for the children, after one warm-up
run): compiling the sources on every start is not what a user pays.
Also: whether `import briefing` leaves the entry-point machinery (importlib.metadata, email)
unimported.
Warm: the library (one Pipeline, components built once), issues per second on one core: the
project's samples, and the 82 People's Daily dev pages when ../shared/corpus is present.

    python benchmarks/bench_build.py [--runs 9] [--seconds 3] [--compare OTHER_TREE] [--cold-only] [--instructions]

``--compare`` runs every measurement a second time with OTHER_TREE as PYTHONPATH (a checkout of
the commit before a change: ``git archive REV briefing | tar -x -C OTHER_TREE``; ``TREE:DIR``
also puts DIR's packages, say the dependency versions of that commit, before the
environment's), in the same run, so before and after meet the same machine load.
``--cold-only`` skips the warm measurements. ``--instructions`` also counts the instructions of
`python -c pass` and of the build under valgrind: a ratio that the machine's load does not move
(CPU time grows on a busy machine, larger processes more), at a minute or two per tree.

Targets (issue 14): cold build <= 12x `python -c pass` (CPU); `import briefing` imports no
entry-point machinery; warm >= 60 issues/s on the 82 dev pages.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
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
DEV_PAGES = ROOT.parent / "shared" / "corpus" / "pd1998" / "pages-dev"
COLD_TARGET, WARM_TARGET = 12.0, 60.0
ENTRY_POINT_MODULES = ("importlib.metadata", "email")
# Children start outside the tree: `python -m` puts the working directory first on sys.path,
# before PYTHONPATH, and would import this tree in place of the baseline.
NEUTRAL = tempfile.gettempdir()


def child_env(tree: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    if tree:
        env["PYTHONPATH"] = tree
    return env


def cold(
    commands: list[tuple[str, list[str], dict[str, str]]], runs: int
) -> list[tuple[float, float]]:
    """Per command (name, argv, environment): median wall time and median CPU time (user +
    system) in a fresh process.

    The commands take turns, ``runs`` rounds of each in the same order, so that a change in the
    machine's load during the measurement reaches every command alike, the baseline
    (``python -c pass``) and the other tree included. CPU time is what the run costs on an idle
    core; on a busy machine wall time also counts the waiting for a core, so both are shown.
    """
    walls: list[list[float]] = [[] for _ in commands]
    cpus: list[list[float]] = [[] for _ in commands]
    for _ in range(runs):
        for index, (_name, command, env) in enumerate(commands):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL, cwd=NEUTRAL, env=env)
            walls[index].append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus[index].append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return [(statistics.median(w), statistics.median(c)) for w, c in zip(walls, cpus)]


def instructions(command: list[str], env: dict[str, str]) -> int | None:
    """Instructions ``command`` executes (valgrind's cachegrind, no cache simulation): unlike
    CPU time, the same on an idle and on a loaded machine. None without valgrind."""
    if shutil.which("valgrind") is None:
        return None
    done = subprocess.run(
        ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null"]
        + command,
        capture_output=True,
        text=True,
        cwd=NEUTRAL,
        env=env,
        check=True,
    )
    found = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
    return int(found.group(1).replace(",", "")) if found else None


def entry_point_modules(env: dict[str, str]) -> list[str]:
    """The entry-point machinery's modules that `import briefing` leaves imported."""
    probe = (
        "import sys, briefing; print(' '.join(sorted(m for m in sys.modules"
        f" if m.startswith({ENTRY_POINT_MODULES!r}))))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        cwd=NEUTRAL,
    )
    return done.stdout.split()


def warm(issues: list[str], seconds: float) -> tuple[float, float, int]:
    """Issues per second through the library on one core (by wall and by CPU time), and how
    many issues were built (each rendered as HTML and Markdown)."""
    from briefing.pipeline import Pipeline
    from briefing.render import render

    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    pipeline = Pipeline()
    for issue in issues[:10]:  # first use loads the segmenter and dictionaries: not warm time
        render(pipeline.run(issue), format="html")
    done, start, cpu = 0, time.perf_counter(), time.process_time()
    while done == 0 or time.perf_counter() - start < seconds:
        for issue in issues:
            briefing = pipeline.run(issue)
            render(briefing, format="html")
            render(briefing, format="md")
            done += 1
    return done / (time.perf_counter() - start), done / (time.process_time() - cpu), done


def warm_in_child(issues: list[Path], seconds: float, env: dict[str, str]) -> dict:
    done = subprocess.run(
        [sys.executable, __file__, "--warm-child", str(seconds), *map(str, issues)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return json.loads(done.stdout)


def cold_commands(env: dict[str, str], tmp: str) -> list[tuple[str, list[str], dict[str, str]]]:
    python = sys.executable
    build = [python, "-m", "briefing", "build", str(PAGE)]
    subprocess.run(build, check=True, stdout=subprocess.DEVNULL, cwd=NEUTRAL, env=env)  # byte code
    commands = [
        ("python -c pass", [python, "-c", "pass"]),
        ("python -c 'import briefing'", [python, "-c", "import briefing"]),
        ("briefing --help", [python, "-m", "briefing", "--help"]),
        ("briefing build PAGE (md)", build),
        ("briefing build PAGE -f html", [*build, "-f", "html"]),
        ("briefing build PAGE -f docx -o F", [*build, "-f", "docx", "-o", f"{tmp}/b.docx"]),
    ]
    return [(name, command, env) for name, command in commands]


def measure(
    trees: list[str | None], runs: int, seconds: float, warm_runs: bool, count: bool
) -> list[dict]:
    """Each tree's figures; the cold runs of all trees take turns (see :func:`cold`)."""
    envs = [child_env(tree) for tree in trees]
    with tempfile.TemporaryDirectory() as tmp:
        per_tree = [cold_commands(env, tmp) for env in envs]
        times = cold([command for commands in per_tree for command in commands], runs)
    results = []
    for index, (commands, env) in enumerate(zip(per_tree, envs)):
        mine = times[index * len(commands) : (index + 1) * len(commands)]
        result = {
            "cold": [(name, *figures) for (name, _, _), figures in zip(commands, mine)],
            "entry_points": entry_point_modules(env),
        }
        if count:  # python -c pass and the build (md), as in the rows above
            result["instructions"] = [instructions(commands[i][1], env) for i in (0, 3)]
        if warm_runs:
            result["samples"] = warm_in_child(ISSUES, seconds, env)
            if DEV_PAGES.is_dir():
                result["dev"] = warm_in_child(sorted(DEV_PAGES.glob("*.txt")), seconds, env)
        results.append(result)
    return results


def report(label: str, result: dict, runs: int) -> float:
    rows = result["cold"]
    base_wall, base_cpu = rows[0][1], rows[0][2]
    print(f"{label}: cold, median of {runs} fresh processes on {PAGE.name}")
    print(f"  {'command':36s} {'wall':>8s} {'x pass':>7s} {'CPU':>8s} {'x pass':>7s}")
    for name, wall, cpu in rows:
        print(
            f"  {name:36s} {wall * 1000:6.0f}ms {wall / base_wall:6.1f}x"
            f" {cpu * 1000:6.0f}ms {cpu / base_cpu:6.1f}x"
        )
    if result.get("instructions") and None not in result["instructions"]:
        base, build = result["instructions"]
        print(
            f"  instructions (valgrind): python -c pass {base / 1e6:.0f} M, build PAGE (md)"
            f" {build / 1e6:.0f} M, {build / base:.1f}x (the same under any load)"
        )
    loaded = result["entry_points"]
    print(f"  import briefing loads entry-point machinery: {' '.join(loaded) or 'none'}")
    for key, what in (("samples", "the samples"), ("dev", "the 82 pd1998 dev pages")):
        if key in result:
            warm_figures = result[key]
            print(
                f"  warm, one core, {what}: {warm_figures['wall']:.1f} issues/s by wall,"
                f" {warm_figures['cpu']:.1f} by CPU ({warm_figures['done']} issues)"
            )
    return rows[3][2] / base_cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=9, help="fresh processes per cold measurement")
    parser.add_argument("--seconds", type=float, default=3.0, help="duration of each warm run")
    parser.add_argument("--compare", help="another tree (the baseline), measured in the same run")
    parser.add_argument("--cold-only", action="store_true", help="skip the warm measurements")
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="also count the instructions of pass and of the build under valgrind (minutes)",
    )
    parser.add_argument("--warm-child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.warm_child:
        wall, cpu, done = warm(args.warm_child[1:], float(args.warm_child[0]))
        sys.stdout.write(json.dumps({"wall": wall, "cpu": cpu, "done": done}) + "\n")
        return
    print(f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at the start")
    trees = [("this tree", None)] + (
        [(f"baseline {args.compare}", args.compare)] * bool(args.compare)
    )
    figures = measure(
        [tree for _, tree in trees], args.runs, args.seconds, not args.cold_only, args.instructions
    )
    results = [(label, result) for (label, _), result in zip(trees, figures)]
    print(f"load average {os.getloadavg()[0]:.1f} at the end (shared machine: compare ratios)")
    for label, result in results:
        ratio = report(label, result, args.runs)
        dev = result.get("dev")
        print(
            f"  targets: cold build {ratio:.1f}x pass (<= {COLD_TARGET:.0f}x:"
            f" {'met' if ratio <= COLD_TARGET else 'missed'}); import briefing without"
            f" entry points: {'met' if not result['entry_points'] else 'missed'}; warm on the"
            f" dev pages (>= {WARM_TARGET:.0f}/s by CPU): "
            + (
                f"{dev['cpu']:.1f}/s, {'met' if dev['cpu'] >= WARM_TARGET else 'missed'}"
                if dev
                else "not measured" + ("" if args.cold_only else " (no ../shared/corpus)")
            )
        )
    if len(results) == 2:
        now, before = results[0][1], results[1][1]
        for key in ("samples", "dev"):
            if key in now and key in before:
                print(
                    f"  warm {key}: {now[key]['cpu'] / before[key]['cpu']:.2f}x the baseline (CPU)"
                )
        print(
            f"  cold build: {now['cold'][3][2] / before['cold'][3][2]:.2f}x the baseline's CPU time"
        )
        if now.get("instructions") and before.get("instructions"):
            if None not in now["instructions"] + before["instructions"]:
                print(
                    f"  cold build: {now['instructions'][1] / before['instructions'][1]:.2f}x the"
                    " baseline's instructions"
                )


if __name__ == "__main__":
    main()
