"""The Typer application objects; command modules attach their commands to these."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from enum import Enum
from typing import Any, TypeVar

import typer

from ..errors import ConfigError, OutputError

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
        sys.stderr.write(f"briefing: error: {use.fallbacks} fallbacks and --require-model: nothing written\n")
        raise typer.Exit(1)
