"""`briefing split` and `briefing eval split`."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from ..api import load_articles
from .app import app, choose_format, emit_json, emit_text, eval_app, format_option


class SplitFormat(str, Enum):
    json = "json"
    md = "md"


@app.command()
def split(
    sources: list[str] = typer.Argument(
        ..., metavar="INPUT...", help="Issue text file, directory or list of pages (.txt, .pdf, .html), '-', or .jsonl of articles."
    ),
    format: str = format_option(SplitFormat.json, "Output format: json or md."),
) -> None:
    """Split an issue into articles (kicker, title, byline, dateline, body, ...)."""
    choose_format(SplitFormat, format)  # an unknown format fails before any work
    from ..split.outline import outline_markdown

    issue, articles = load_articles(sources[0] if len(sources) == 1 else sources)
    if format == SplitFormat.md:
        emit_text(outline_markdown(issue, articles))
    else:
        emit_json({"issue": issue.to_dict(), "articles": [a.to_dict() for a in articles]})


@eval_app.command("split")
def eval_split(
    directory: Path = typer.Argument(..., help="Folder of *.txt pages with *.gold.json beside them."),
    errors: bool = typer.Option(False, "--errors", help="List every field error."),
) -> None:
    """Article-start F1, exact spans and line coverage against gold spans."""
    from ..split.evaluate import evaluate_split

    result = evaluate_split(directory).to_dict()
    if not errors:
        result["field_errors"] = result["field_errors"][:20]
    emit_json(result)
