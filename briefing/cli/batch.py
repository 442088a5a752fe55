"""`briefing batch`: an archive of issues into one briefing each, plus a JSONL index."""

from __future__ import annotations

import signal
import sys
import threading
from pathlib import Path
from typing import Optional

import typer

from .app import app, checked_ocr, ocr_option


def _progress():
    """A rich progress bar on standard error: done/total, issues per second, elapsed, ETA."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class RateColumn(ProgressColumn):
        def render(self, task) -> Text:
            return Text(f"{task.speed:.1f} issues/s" if task.speed else "– issues/s")

    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        RateColumn(),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        TextColumn("{task.fields[failed]} failed"),
        console=Console(stderr=True),
        transient=False,
    )


@app.command()
def batch(
    inputs: Optional[list[str]] = typer.Argument(
        None,
        metavar="INPUTS...",
        help="Issue files and directory trees (every .txt, .jsonl, .pdf or .html file is an issue).",
    ),
    output: Path = typer.Option(
        ..., "--output", "-o", help="Output directory: KEY.FORMAT per issue and index.jsonl."
    ),
    workers: Optional[int] = typer.Option(
        None,
        "--workers",
        "-w",
        help="Worker processes (Ray actors); default the CPU count; 0 runs in this process.",
    ),
    format: str = typer.Option(
        "json", "--format", "-f", help="Comma-separated formats, e.g. json,md."
    ),
    engine: str = typer.Option("local", "--engine", help="local (worker processes) or ray."),
    address: Optional[str] = typer.Option(
        None,
        "--address",
        help="Ray cluster address (with --engine ray), e.g. auto or ray://head:10001.",
    ),
    manifest: Optional[Path] = typer.Option(
        None,
        "--manifest",
        help="TOML (\\[\\[issue]] path, paper, date, id) or JSONL naming issues.",
    ),
    pages_per_dir: bool = typer.Option(
        False, "--pages-per-dir", help="Each directory of page files is one issue (not each file)."
    ),
    config: Optional[Path] = typer.Option(
        None, "--config", "-c", help="briefing.toml with a \\[briefing] table."
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    ocr: Optional[str] = ocr_option(),
) -> None:
    """Build briefings for many issues; resumable, failures reported at the end (exit 1)."""
    from ..jobs.batch import run_batch
    from ..config import load_config
    from ..errors import InputError

    if not inputs and manifest is None:
        raise InputError("no inputs: give issue files or directories, or --manifest FILE")
    formats = [f.strip() for f in format.split(",") if f.strip()]
    progress = None if quiet else _progress()
    task = None

    def on_start(total: int) -> None:
        nonlocal task
        if progress is not None:
            progress.start()
            task = progress.add_task("briefing", total=total, failed=0)

    failed = 0

    def on_result(result) -> None:
        nonlocal failed
        failed += result.status == "failed"
        if progress is not None and task is not None:
            progress.update(task, advance=1, failed=failed)

    # SIGTERM (systemd, kill) and Ctrl-C stop the batch cleanly: the issues in flight finish
    # and are recorded, nothing new starts, and the exit status says it was stopped.
    stop = threading.Event()
    received: list[int] = []

    def on_signal(signum: int, _frame: object) -> None:
        received.append(signum)
        stop.set()

    previous = {
        signum: signal.signal(signum, on_signal) for signum in (signal.SIGTERM, signal.SIGINT)
    }
    try:
        report = run_batch(
            inputs or [],
            output_dir=output,
            formats=formats,
            workers=workers,
            engine=engine,
            address=address,
            config=load_config(config).replace(ocr=checked_ocr(ocr)),
            manifest=manifest,
            pages_per_dir=pages_per_dir,
            on_start=on_start,
            on_result=on_result,
            stop=stop,
        )
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        if progress is not None:
            progress.stop()
    err = sys.stderr
    err.write(
        f"{report.done} built, {report.skipped} already done, {len(report.failed)} failed of {report.total} in {report.seconds:.1f} s; index: {report.index}\n"
    )
    for result in report.failed:
        err.write(f"failed: {result.key} ({result.source}): {result.error}\n")
    if received:
        name = signal.Signals(received[0]).name
        err.write(f"stopped by {name}; {report.not_started} issues not started: rerun to resume\n")
        raise typer.Exit(128 + received[0])
    if report.aborted:
        err.write(
            f"{report.aborted}; {report.not_started} issues not started: free space and rerun to resume\n"
        )
    raise typer.Exit(report.exit_code)
