"""`briefing models`: the model cards and registered components, and whether each can load here."""

from __future__ import annotations

import sys
from enum import Enum

import typer

from .app import app, emit_json, emit_text


class ModelsFormat(str, Enum):
    text = "text"
    json = "json"


@app.command()
def models(
    format: ModelsFormat = typer.Option(ModelsFormat.text, "--format", "-f", help="Output format."),
) -> None:
    """List model cards and registered components, and whether each can load here (loads no weights)."""
    from ..backends.inventory import format_inventory, inventory

    data = inventory()
    if format is ModelsFormat.json:
        emit_json(data)
    else:
        emit_text(format_inventory(data))
