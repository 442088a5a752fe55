"""The Typer application objects; command modules attach their commands to these."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable
from enum import Enum
from typing import TYPE_CHECKING, Any, TypeVar

import typer

from ..errors import ConfigError, OutputError

if TYPE_CHECKING:  # rich is imported when a bar is drawn
    from rich.progress import Progress, TaskID

    from ..read.progress import OcrProgress

E = TypeVar("E", bound=Enum)

app = typer.Typer(
    name="briefing",
    help="Turn one issue of a Chinese newspaper into a short daily briefing.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
eval_app = typer.Typer(help="Score a stage against labelled data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")


def format_option(default: Enum, help: str) -> Any:
    """A ``--format``/``-f`` option taken as text; :func:`choose_format` checks it, so an
    unknown value is the same one-line error that ``build`` gives, not a usage box."""
    return typer.Option(default.value, "--format", "-f", help=help)


def choose_format(choices: type[E], value: str) -> E:
    try:
        return choices(value)
    except ValueError:
        known = ", ".join(choice.value for choice in choices)
        raise ConfigError(f"unknown format {value!r}; available: {known}") from None


def emit_text(text: str) -> None:
    """Write ``text`` to standard output; a failed write (a full disk, /dev/full) is an
    :class:`~briefing.errors.OutputError`, never a silently cut result."""
    try:
        sys.stdout.write(text)
    except BrokenPipeError:
        raise  # the reader left (`| head`): main() ends quietly
    except OSError as exc:
        raise OutputError(f"cannot write to standard output: {exc.strerror or exc}") from exc


def flush_stdout() -> None:
    """Push out what standard output still buffers, with the same check as :func:`emit_text`."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise OutputError(f"cannot write to standard output: {exc.strerror or exc}") from exc


def emit_json(data: object) -> None:
    """Write ``data`` to standard output as indented JSON, Chinese kept readable."""
    emit_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def emit_jsonl(records: Iterable[object]) -> None:
    """Write each record to standard output as one line of JSON."""
    emit_text("".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records))


def report_model_use(pairs: Iterable[tuple[object, object]], *, require: bool = False) -> None:
    """One line on standard error when a model was used: what it wrote, what fell back and why.
    With ``require``, any fallback ends the command with exit status 1 before output is written."""
    from ..provenance import model_use

    use = model_use(pairs)  # type: ignore[arg-type]
    if not use.used:
        return
    sys.stderr.write(f"briefing: {use.line()}\n")
    if require and use.fallbacks:
        sys.stderr.write(
            f"briefing: error: {use.fallbacks} fallbacks and --require-model: nothing written\n"
        )
        raise typer.Exit(1)


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
    """Progress on standard error while pages are OCR'd: a bar on a terminal (rich, as
    ``batch`` draws its own), one step per page with the page's source, nothing for pages read
    from the cache; elsewhere (a log, cron, ``watch`` as a service) one line per page, cached
    pages included, so that a log shows what was read and what came from the cache."""

    def __init__(self, *, lines: bool = False) -> None:
        """``lines``: one line per page even on a terminal (``watch`` runs for hours: a live
        bar would redraw all that time and count the pages of every issue together)."""
        self._bar: tuple[Progress, TaskID] | None = None  # drawn at the first page OCR'd
        self._remove: Callable[[], None] | None = None
        self._lines = lines

    def __enter__(self) -> "OcrProgressBar":
        from ..read.progress import add_progress_listener

        # asked of the stream, not of rich: importing rich.console costs a build that OCRs
        # nothing about 30 ms (rich is imported when a bar is first drawn)
        self._lines = self._lines or not sys.stderr.isatty()
        self._remove = add_progress_listener(self._on_page)
        return self

    def _on_page(self, event: OcrProgress) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

        if self._lines:
            if event.done:
                how = "from the cache" if event.cached else f"read in {event.seconds:.1f} s"
                typer.echo(f"OCR {event.source} page {event.page}: {how}", err=True)
            return
        if event.cached:
            return
        if self._bar is None:
            progress = Progress(
                TextColumn("OCR {task.description}"),
                BarColumn(),
                TextColumn("{task.completed} pages"),
                TimeElapsedColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            progress.start()
            self._bar = (progress, progress.add_task("", total=None))
        progress, task = self._bar
        if event.done:
            progress.update(task, advance=1)
        else:
            progress.update(task, description=f"{event.source} p{event.page}")

    def __exit__(self, *exc) -> None:
        if self._remove is not None:
            self._remove()
        if self._bar is not None:
            self._bar[0].stop()
