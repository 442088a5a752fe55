"""`briefing split` and `briefing eval split`."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from ..api import load_articles
from .app import OcrProgressBar, app, checked_ocr, emit_json, eval_app, ocr_option


class SplitFormat(str, Enum):
    json = "json"
    md = "md"


@app.command()
def split(
    sources: list[str] = typer.Argument(
        ..., metavar="INPUT...", help="Issue text file, directory or list of pages (.txt, .pdf, .html, page images), '-', or .jsonl of articles."
    ),
    format: SplitFormat = typer.Option(SplitFormat.json, "--format", "-f", help="Output format."),
    ocr: Optional[str] = ocr_option(),
) -> None:
    """Split an issue into articles (kicker, title, byline, dateline, body, ...)."""
    from ..split.outline import outline_markdown

    mode = checked_ocr(ocr) or "auto"
    with OcrProgressBar():
        issue, articles = load_articles(sources[0] if len(sources) == 1 else sources, ocr=mode)
    if format is SplitFormat.md:
        sys.stdout.write(outline_markdown(issue, articles))
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
