"""`briefing split` and `briefing eval split`."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from ..api import load_articles
from ..split import DEFAULT_ITERATIONS
from .app import (
    OcrProgressBar,
    app,
    checked_ocr,
    choose_format,
    emit_json,
    emit_text,
    eval_app,
    format_option,
    ocr_option,
)


class SplitFormat(str, Enum):
    json = "json"
    md = "md"


@app.command()
def split(
    sources: list[str] = typer.Argument(
        ...,
        metavar="INPUT...",
        help="Issue text file, directory or list of pages (.txt, .pdf, .html, page images), '-', or .jsonl of articles.",
    ),
    format: str = format_option(SplitFormat.json, "Output format: json or md."),
    ocr: Optional[str] = ocr_option(),
) -> None:
    """Split an issue into articles (kicker, title, byline, dateline, body, ...)."""
    choose_format(SplitFormat, format)  # an unknown format fails before any work
    from ..split.outline import outline_markdown

    mode = checked_ocr(ocr) or "auto"
    with OcrProgressBar():
        issue, articles = load_articles(sources[0] if len(sources) == 1 else sources, ocr=mode)
    if format == SplitFormat.md:
        emit_text(outline_markdown(issue, articles))
    else:
        emit_json({"issue": issue.to_dict(), "articles": [a.to_dict() for a in articles]})


@eval_app.command("split")
def eval_split(
    directory: Path = typer.Argument(
        ..., help="Folder of *.txt pages with *.gold.json beside them."
    ),
    errors: bool = typer.Option(False, "--errors", help="List every field error."),
    fields: bool = typer.Option(
        False,
        "--fields",
        help="List the articles whose kicker, title or subtitle is wrong (headlines_right counts them).",
    ),
    model: Path | None = typer.Option(
        None, "--model", help="A splitter model file instead of the packaged one."
    ),
) -> None:
    """Article-start F1, exact spans, line coverage and headline fields against gold spans."""
    from ..evaluate.split import evaluate_split

    result = evaluate_split(directory, model=model).to_dict()
    limit = None if errors else 20
    result["field_errors"] = result["field_errors"][:limit]
    if fields:
        result["headline_errors"] = result["headline_errors"][:limit]
    else:
        del result["headline_errors"]
    emit_json(result)


@app.command("train-splitter")
def train_splitter(
    sources: list[Path] = typer.Argument(
        ...,
        metavar="SOURCE...",
        help="Folders of pages with gold (*.txt + *.gold.json) and articles files (*.jsonl), searched recursively.",
    ),
    output: Path = typer.Option(
        ..., "--output", "-o", help="Where to write the model (e.g. briefing/data/splitter.model)."
    ),
    leave_out: list[str] = typer.Option(
        [], "--leave-out", help="Skip sources whose name contains this (e.g. pd2019); repeatable."
    ),
    exclude: list[str] = typer.Option(
        [],
        "--exclude",
        help=(
            "Leave out pages by id (20191009-03: the page file and its articles' renderings):"
            " ids separated by commas, or a file listing them; repeatable."
        ),
    ),
    renders: int = typer.Option(
        2, "--renders", min=0, help="Synthetic renderings of each page of each articles file."
    ),
    iterations: int = typer.Option(
        DEFAULT_ITERATIONS, "--iterations", min=1, help="Training iterations (L-BFGS)."
    ),
) -> None:
    """Train the line labeller of the splitter on pages with gold; prints a summary."""
    from ..split.training import read_page_ids
    from ..split.training import train_splitter as train

    emit_json(
        train(
            sources,
            output=output,
            leave_out=leave_out,
            exclude=read_page_ids(exclude),
            renders=renders,
            iterations=iterations,
        )
    )
