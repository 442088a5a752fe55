"""The Typer application objects; command modules attach their commands to these."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable

import typer

app = typer.Typer(
    name="briefing",
    help="Turn one issue of a Chinese newspaper into a short daily briefing.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
eval_app = typer.Typer(help="Score a stage against labelled data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")


def emit_json(data: object) -> None:
    """Write ``data`` to standard output as indented JSON, Chinese kept readable."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def emit_jsonl(records: Iterable[object]) -> None:
    """Write each record to standard output as one line of JSON."""
    for record in records:
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")


OCR_HELP = "Scanned pages (page images, PDF pages without text): auto (OCR only where there is no text layer), always, never. Needs the \\[ocr] extra."


def ocr_option():
    """The ``--ocr`` option, the same on every command that reads an issue."""
    return typer.Option(None, "--ocr", help=OCR_HELP, case_sensitive=False)


def checked_ocr(mode: str | None) -> str | None:
    """``--ocr`` checked (one line, exit 2, when it is not a mode); None leaves the config's."""
    if mode is None:
        return None
    from ..ocr import check_mode

    return check_mode(mode.lower())


class OcrProgressBar:
    """A bar on standard error while pages are OCR'd (rich, as ``batch`` draws its own): one
    step per page, with the page's source. Nothing is drawn for pages read from the cache."""

    def __init__(self) -> None:
        self._progress = None
        self._task = None
        self._remove = None

    def __enter__(self) -> "OcrProgressBar":
        from ..ocr import add_progress_listener

        self._remove = add_progress_listener(self._on_page)
        return self

    def _on_page(self, event) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

        if event.cached:
            return
        if self._progress is None:
            self._progress = Progress(TextColumn("OCR {task.description}"), BarColumn(), TextColumn("{task.completed} pages"),
                                      TimeElapsedColumn(), console=Console(stderr=True), transient=True)
            self._progress.start()
            self._task = self._progress.add_task("", total=None)
        if event.done:
            self._progress.update(self._task, advance=1)
        else:
            self._progress.update(self._task, description=f"{event.source} p{event.page}")

    def __exit__(self, *exc) -> None:
        if self._remove is not None:
            self._remove()
        if self._progress is not None:
            self._progress.stop()
