"""`briefing classify`, `briefing train-topics` and `briefing eval topics`."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from ..api import load_articles
from ..config import BuildConfig
from .app import app, choose_format, emit_json, emit_jsonl, emit_text, eval_app, format_option


class ClassifyFormat(str, Enum):
    json = "json"
    jsonl = "jsonl"


class ReportFormat(str, Enum):
    text = "text"
    json = "json"


TAXONOMY_HELP = "Taxonomy TOML file (default: the built-in 16 labels)."
MODEL_HELP = "Topic model from `briefing train-topics` (uses the trained classifier)."


def classifier_from_options(name: str, taxonomy: Path | None, topic_model: Path | None):
    """The classifier the options ask for, made as a build makes it (:func:`make_classifier`)."""
    from ..pipeline import make_classifier

    return make_classifier(
        BuildConfig(
            classifier=name,
            taxonomy=None if taxonomy is None else str(taxonomy),
            topic_model=None if topic_model is None else str(topic_model),
        )
    )


@app.command()
def classify(
    source: str = typer.Argument(
        ...,
        metavar="INPUT",
        help="Issue text file, directory of pages, '-', or .jsonl of articles.",
    ),
    format: str = format_option(ClassifyFormat.json, "Output format: json or jsonl."),
    taxonomy: Optional[Path] = typer.Option(None, "--taxonomy", help=TAXONOMY_HELP),
    topic_model: Optional[Path] = typer.Option(None, "--topic-model", help=MODEL_HELP),
    classifier: str = typer.Option(
        BuildConfig.classifier,
        "--classifier",
        help="Classifier name, or a model card (name or .toml; see `briefing models`).",
    ),
) -> None:
    """Label each article with a topic (split the issue first when INPUT is an issue)."""
    choose_format(ClassifyFormat, format)  # an unknown format fails before any work
    from ..topics import classify as classify_articles

    # A bad name, taxonomy or model fails before the (slower) split.
    model = classifier_from_options(classifier, taxonomy, topic_model)
    issue, articles = load_articles(source)
    classify_articles(articles, classifier=model)
    if format == ClassifyFormat.jsonl:
        emit_jsonl(
            {"id": article.id, "topic": article.topic.to_dict() if article.topic else None}
            for article in articles
        )
    else:
        emit_json({"issue": issue.to_dict(), "articles": [a.to_dict() for a in articles]})


@app.command("train-topics")
def train_topics(
    labelled: Path = typer.Argument(
        ..., metavar="LABELLED.jsonl", help='Lines of {"text", "title"?, "topic"}.'
    ),
    output: Path = typer.Option(..., "--output", "-o", help="Where to write the model (JSON)."),
    taxonomy: Optional[Path] = typer.Option(None, "--taxonomy", help=TAXONOMY_HELP),
) -> None:
    """Train a topic model on your own labelled articles."""
    from ..output import check_output
    from ..topics.trained import train_file

    check_output(output, inputs=[labelled])
    model = train_file(labelled, output, taxonomy=taxonomy)
    used = sum(1 for c in model.doc_counts if c)
    typer.echo(
        f"{output}: {sum(model.doc_counts)} articles, {used} labels, {len(model.counts)} features",
        err=True,
    )


@eval_app.command("topics")
def eval_topics(
    files: list[Path] = typer.Argument(
        ...,
        metavar="FILE.jsonl...",
        help='Labelled items {"id","text","title"?,"topic","alternates"}.',
    ),
    taxonomy: Optional[Path] = typer.Option(None, "--taxonomy", help=TAXONOMY_HELP),
    topic_model: Optional[Path] = typer.Option(None, "--topic-model", help=MODEL_HELP),
    classifier: str = typer.Option(
        BuildConfig.classifier,
        "--classifier",
        help="Classifier name, or a model card (name or .toml; see `briefing models`).",
    ),
    format: str = format_option(ReportFormat.text, "Report format: text or json."),
    half: Optional[int] = typer.Option(
        None,
        "--half",
        min=0,
        max=1,
        help="Only the items whose md5(id) % 2 is this (0 or 1): a fixed split for held-out figures.",
    ),
) -> None:
    """Accuracy (alternates count), strict accuracy, macro-F1, top confusions and per-label confusion per file; for the keyword classifier, its errors by how the scores stood."""
    choose_format(ReportFormat, format)  # an unknown format fails before any work
    from ..evaluate.topics import evaluate, half_of
    from ..topics.labelled import read_labelled

    model = classifier_from_options(classifier, taxonomy, topic_model)
    reports = []
    for f in files:
        items = read_labelled(f)
        if half is not None:
            items = half_of(items, half)
        reports.append(
            evaluate(items, model, name=f.stem if half is None else f"{f.stem} (half {half})")
        )
    if format == ReportFormat.json:
        emit_json([{k: v for k, v in r.to_dict().items() if k != "errors"} for r in reports])
    else:
        emit_text("\n".join(r.format() for r in reports) + "\n")
