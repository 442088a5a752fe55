"""`briefing summarize`, `briefing eval summaries` and `briefing eval titles`."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from ..api import load_articles
from ..registry import summarizers, titlers
from ..config import BuildConfig
from ..summarize import DEFAULT_MAX_CHARS, summarize as summarize_articles
from .app import (
    app,
    choose_format,
    emit_json,
    emit_jsonl,
    emit_text,
    eval_app,
    format_option,
    report_model_use,
)


class SummaryFormat(str, Enum):
    json = "json"
    jsonl = "jsonl"


class ReportFormat(str, Enum):
    text = "text"
    json = "json"


@app.command()
def summarize(
    source: str = typer.Argument(
        ...,
        metavar="INPUT",
        help="Issue text file, directory of pages, '-', or .jsonl of articles.",
    ),
    format: str = format_option(
        SummaryFormat.json, "json: issue and articles; jsonl: one line per article."
    ),
    max_chars: int = typer.Option(
        BuildConfig.max_chars, "--max-chars", help="Longest summary, in characters."
    ),
    summarizer: str = typer.Option(
        BuildConfig.summarizer,
        "--summarizer",
        help="Summarizer name, or a model card (name or .toml; see `briefing models`).",
    ),
    titler: str = typer.Option(
        BuildConfig.titler, "--titler", help="Titler name, or a model card (name or .toml)."
    ),
    require_model: bool = typer.Option(
        False,
        "--require-model",
        help="Exit 1, writing nothing, when any summary or title falls back from its model.",
    ),
) -> None:
    """Write a short, faithful summary and a display title for each article."""
    from ..provenance import summary_method

    choose_format(SummaryFormat, format)  # an unknown format fails before any work
    settings = BuildConfig(max_chars=max_chars, summarizer=summarizer, titler=titler)
    # A bad name or card fails here, before the input is read.
    chosen = summarizers.resolve(settings.summarizer), titlers.resolve(settings.titler)
    issue, articles = load_articles(source)
    summarize_articles(
        articles, summarizer=chosen[0], titler=chosen[1], max_chars=settings.max_chars
    )
    # Counting model use reads only the method: no comparison of each summary to its article.
    report_model_use(
        ((summary_method(a), a.title_provenance) for a in articles), require=require_model
    )
    if format == SummaryFormat.jsonl:
        emit_jsonl(
            {
                "id": article.id,
                "summary": article.summary.to_dict() if article.summary else None,
                "display_title": article.display_title,
                "title_generated": article.title_generated,
            }
            for article in articles
        )
    else:
        emit_json({"issue": issue.to_dict(), "articles": [a.to_dict() for a in articles]})


@eval_app.command("summaries")
def eval_summaries(
    path: Path = typer.Argument(..., help='JSONL of {"id", "text", "title"?, "reference"?} items.'),
    max_chars: int = typer.Option(
        DEFAULT_MAX_CHARS, "--max-chars", help="Summary budget, in characters."
    ),
    summarizer: str = typer.Option(
        "extractive", "--summarizer", help="Summarizer name, or a model card (name or .toml)."
    ),
    format: str = format_option(ReportFormat.text, "Output format: text or json."),
) -> None:
    """ROUGE against references, guard pass rate, budget and full sentences, beside a lead baseline."""
    choose_format(ReportFormat, format)  # an unknown format fails before any work
    from ..evaluate.summaries import evaluate_summaries, format_report, read_items

    report = evaluate_summaries(read_items(path), max_chars=max_chars, summarizer=summarizer)
    emit_text(format_report(report)) if format == ReportFormat.text else emit_json(report)


@eval_app.command("titles")
def eval_titles(
    path: Path = typer.Argument(
        ..., help='JSONL of {"id", "text", "title"} items; the title is withheld.'
    ),
    titler: str = typer.Option(
        "extractive", "--titler", help="Titler name, or a model card (name or .toml)."
    ),
    format: str = format_option(ReportFormat.text, "Output format: text or json."),
) -> None:
    """ROUGE-L of generated titles against the real headlines, beside a first-clause baseline."""
    choose_format(ReportFormat, format)  # an unknown format fails before any work
    from ..evaluate.summaries import evaluate_titles, format_report, read_items

    report = evaluate_titles(read_items(path), titler=titler)
    emit_text(format_report(report)) if format == ReportFormat.text else emit_json(report)
