"""`briefing eval epaper`: the layout reader scored on e-paper page PDFs with gold."""

from __future__ import annotations

from pathlib import Path

import typer

from .app import emit_json, eval_app


@eval_app.command("epaper")
def eval_epaper(
    directory: Path = typer.Argument(..., help="Folder of page PDFs with *.gold.json beside them."),
    errors: bool = typer.Option(False, "--errors", help="Keep every page's list of errors."),
) -> None:
    """Articles found with the right title, body start and end, order, and subheads, per page."""
    from ..evaluate.epaper import evaluate_epaper

    result = evaluate_epaper(directory)
    if not errors:
        for page in result["per_page"]:
            page["errors"] = page["errors"][:5]
    emit_json(result)
