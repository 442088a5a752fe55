"""Editorial review: correct, reorder and approve a briefing in a browser before it is sent.

``briefing review ISSUE`` builds a draft (:class:`Draft`, one JSON file beside the issue) and
serves a local page to edit it (:mod:`briefing.review.server`, needs the ``[review]`` extra);
approval writes the reviewed briefing, which ``briefing send --reviewed`` delivers exactly
(:func:`load_approved`). This package imports no web stack: sending needs none.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..config import BuildConfig
from .approval import approve_draft, approved_builder, default_draft_path, load_approved
from .draft import Draft, ReviewError, StaleDraftError, briefing_digest
from .settings import ReviewSettings, load_review_settings


def open_draft(
    sources: Sequence[str | Path],
    *,
    draft: str | Path | None = None,
    config: BuildConfig | None = None,
    paper: str | None = None,
    date: str | None = None,
) -> Draft:
    """The draft at ``draft`` (default: beside the first source) if it exists, else a new one built from ``sources``."""
    if draft is None and not sources:
        raise ReviewError("give an issue to review, or the draft to open")
    path = Path(draft) if draft is not None else default_draft_path(sources[0])
    if path.exists():
        return Draft.load(path)
    if not sources:
        raise ReviewError(f"{path}: no such draft; give the issue to build it from")
    from ..pipeline import Pipeline

    pipeline = Pipeline(config or BuildConfig())
    source = sources[0] if len(sources) == 1 else list(sources)
    briefing, articles = pipeline.run_with_articles(source, paper=paper, date=date)
    return Draft.create(
        path, briefing, articles, topics=pipeline.labels, max_chars=pipeline.config.max_chars
    )


__all__ = [
    "Draft",
    "ReviewError",
    "ReviewSettings",
    "StaleDraftError",
    "approve_draft",
    "approved_builder",
    "briefing_digest",
    "default_draft_path",
    "load_approved",
    "load_review_settings",
    "open_draft",
]
