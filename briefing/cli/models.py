"""`briefing models`: the model cards and registered components, and whether each can load here."""

from __future__ import annotations

import sys
from enum import Enum
from typing import Optional

import typer

from .app import app, emit_json


class ModelsFormat(str, Enum):
    text = "text"
    json = "json"


@app.command()
def models(
    format: ModelsFormat = typer.Option(ModelsFormat.text, "--format", "-f", help="Output format."),
    check: Optional[str] = typer.Option(None, "--check", metavar="NAME", help="Run a real short generation with this card in a child process: ok, crash (with the fix to try) or timeout; exit 1 unless ok."),
    timeout: float = typer.Option(180.0, "--timeout", help="Seconds --check waits for the model to load and answer."),
) -> None:
    """List model cards and registered components, and whether each can load here (loads no weights)."""
    if check is not None:
        from ..backends.probe import asdict, probe

        result = probe(check, timeout=timeout)
        emit_json(asdict(result)) if format is ModelsFormat.json else sys.stdout.write(result.line() + "\n")
        if not result.ok:
            raise typer.Exit(1)
        return
    from ..backends.inventory import format_inventory, inventory

    data = inventory()
    if format is ModelsFormat.json:
        emit_json(data)
    else:
        sys.stdout.write(format_inventory(data))
