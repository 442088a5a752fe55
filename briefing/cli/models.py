"""`briefing models`: the model cards and registered components, and whether each can load here."""

from __future__ import annotations

import json
import sys
from enum import Enum

import typer

from .app import app


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
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(format_inventory(data))
