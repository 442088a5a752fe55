"""`briefing build` (issue -> briefing) and `briefing schema` (the JSON Schema of its JSON)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from ..config import BuildConfig
from ..errors import ConfigError
from .app import (
    OcrProgressBar,
    app,
    checked_ocr,
    emit_json,
    emit_text,
    ocr_option,
    report_model_use,
)


@app.command()
def build(
    sources: Optional[list[str]] = typer.Argument(
        None,
        metavar="INPUT...",
        help="Issue text file, directory or list of page files (.txt, .pdf, .html, page images), '-', or .jsonl of articles. With --paper-from-name each input is a different paper: one briefing across them, duplicate stories merged.",
    ),
    paper: Optional[str] = typer.Option(
        None, "--paper", help="Paper name for the header (default: config, else the page header)."
    ),
    date: Optional[str] = typer.Option(
        None,
        "--date",
        help="Issue date YYYY-MM-DD (default: the date printed on the page, else none).",
    ),
    format: str = typer.Option(
        "md", "--format", "-f", help="md, html, txt, json or docx (docx needs -o)."
    ),
    output: Optional[Path] = typer.Option(
        None, "--output", "-o", help="Write here (atomically) instead of standard output."
    ),
    config: Optional[Path] = typer.Option(
        None, "--config", "-c", help="briefing.toml with a \\[briefing] table."
    ),
    max_chars: Optional[int] = typer.Option(
        None, "--max-chars", help=f"Summary budget in characters (default {BuildConfig.max_chars})."
    ),
    top: Optional[int] = typer.Option(
        None,
        "--top",
        help=f"Number of top stories under 要闻 (default {BuildConfig.top_stories}; 0 for none).",
    ),
    summarizer: Optional[str] = typer.Option(
        None,
        "--summarizer",
        help=f"Summarizer name or model card (default: config, else {BuildConfig.summarizer}).",
    ),
    titler: Optional[str] = typer.Option(
        None,
        "--titler",
        help=f"Titler name or model card (default: config, else {BuildConfig.titler}).",
    ),
    classifier: Optional[str] = typer.Option(
        None,
        "--classifier",
        help=f"Classifier name or model card (default: config, else {BuildConfig.classifier}).",
    ),
    paper_from_name: bool = typer.Option(
        False,
        "--paper-from-name",
        help="Each input's paper is its file or directory name (a trailing date dropped).",
    ),
    manifest: Optional[Path] = typer.Option(
        None,
        "--manifest",
        help="TOML (\\[\\[issue]] path, paper, date) or JSONL naming the inputs.",
    ),
    require_model: Optional[bool] = typer.Option(
        None,
        "--require-model",
        help="Exit 1, writing nothing, when any summary or title falls back from its model.",
    ),
    provenance: bool = typer.Option(
        False,
        "--provenance",
        help="md/html: mark how each summary and title was made (model, extractive, fallback).",
    ),
    ocr: Optional[str] = ocr_option(),
) -> None:
    """Build the daily briefing of an issue: split, classify, summarize, assemble, render."""
    from ..config import load_config
    from ..output import check_output, write_atomic
    from ..pipeline import Pipeline
    from ..render import get_renderer, is_binary, render

    renderer = get_renderer(format)  # an unknown format fails here, before any work
    if output is None and is_binary(renderer):
        raise ConfigError(f"--format {format} writes a binary file; give an output path with -o")
    if output is not None:
        check_output(output, inputs=sources or [])
    settings = load_config(config).replace(
        max_chars=max_chars,
        top_stories=top,
        summarizer=summarizer,
        titler=titler,
        classifier=classifier,
        require_model=require_model,
        ocr=checked_ocr(ocr),
    )
    with OcrProgressBar():
        if manifest is None and sources and not paper_from_name:
            # One issue: a file, a directory, or several page files in the order given.
            briefing = Pipeline(settings).run(
                sources[0] if len(sources) == 1 else sources, paper=paper, date=date
            )
        else:  # one briefing across several papers
            from ..jobs.combined import build_combined_briefing, combined_sources

            items = combined_sources(
                sources or [], manifest=manifest, paper_from_name=paper_from_name
            )
            briefing = build_combined_briefing(items, date=date, paper=paper, config=settings)
    report_model_use(
        ((e.summary_provenance, e.title_provenance) for e in briefing.entries),
        require=settings.require_model,
    )
    document = render(briefing, format=format, provenance=provenance)
    if output is not None:
        write_atomic(output, document)
    elif isinstance(document, bytes):  # a plugin's renderer that does not say it is binary
        raise ConfigError(f"--format {format} wrote a binary document; give an output path with -o")
    else:
        emit_text(document)


@app.command()
def schema() -> None:
    """Print the JSON Schema of `briefing build --format json` output."""
    from ..schema import briefing_schema

    emit_json(briefing_schema())
