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
