"""`briefing models`: the model cards and registered components, and whether each can load here."""

from __future__ import annotations

from enum import Enum
from typing import Optional

import typer

from .app import app, choose_format, emit_json, emit_text, format_option


class ModelsFormat(str, Enum):
    text = "text"
    json = "json"


@app.command()
def models(
    format: str = format_option(ModelsFormat.text, "Output format: text or json."),
    check: Optional[str] = typer.Option(
        None,
        "--check",
        metavar="NAME",
        help="Run a real short generation with this card in a child process: ok, crash (with the fix to try) or timeout; exit 1 unless ok.",
    ),
    timeout: float = typer.Option(
        180.0, "--timeout", help="Seconds --check waits for the model to load and answer."
    ),
) -> None:
    """List model cards and registered components, and whether each can load here (loads no weights)."""
    choose_format(ModelsFormat, format)  # an unknown format fails before any work
    if check is not None:
        from ..backends.probe import asdict, probe

        result = probe(check, timeout=timeout)
        if format == ModelsFormat.json:
            emit_json(asdict(result))
        else:
            emit_text(result.line() + "\n")
        if not result.ok:
            raise typer.Exit(1)
        return
    from ..backends.inventory import format_inventory, inventory

    data = inventory()
    if format == ModelsFormat.json:
        emit_json(data)
    else:
        emit_text(format_inventory(data))
