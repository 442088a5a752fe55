"""`briefing models`: the model cards and registered components, and whether each can load here."""

from __future__ import annotations

from enum import Enum

from .app import app, choose_format, emit_json, emit_text, format_option


class ModelsFormat(str, Enum):
    text = "text"
    json = "json"


@app.command()
def models(
    format: str = format_option(ModelsFormat.text, "Output format: text or json."),
) -> None:
    """List model cards and registered components, and whether each can load here (loads no weights)."""
    choose_format(ModelsFormat, format)  # an unknown format fails before any work
    from ..backends.inventory import format_inventory, inventory

    data = inventory()
    if format == ModelsFormat.json:
        emit_json(data)
    else:
        emit_text(format_inventory(data))
