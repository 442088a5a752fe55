"""Approving a draft, and reading back exactly what was approved (for `send --reviewed` and `watch`).

Approval writes, beside the draft ``X.draft.json``: ``X.reviewed.json`` (the briefing's JSON plus
``review.approval``: who, when, which draft version, and the digest of the briefing) and each
configured format (``X.html``, ``X.md``, ...). :func:`load_approved` accepts either the reviewed
file or the draft itself, and returns the briefing only when the approval still vouches for it:
a draft changed after approval, or a file whose briefing no longer matches the approved digest,
is a :class:`~briefing.review.draft.ReviewError` (exit status 2 at the CLI).
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

from ..errors import InputError
from ..output import write_atomic
from ..records import Briefing
from .draft import Approval, Draft, ReviewError, briefing_digest

logger = logging.getLogger(__name__)

DRAFT_SUFFIX = ".draft.json"
REVIEWED_SUFFIX = ".reviewed.json"
EXTENSIONS = {"md": ".md", "html": ".html", "txt": ".txt", "json": ".json", "docx": ".docx"}


def stem(path: Path) -> str:
    """``X.draft.json`` -> ``X``; any other name loses its last suffix."""
    name = path.name
    return name[: -len(DRAFT_SUFFIX)] if name.endswith(DRAFT_SUFFIX) else path.stem


def default_draft_path(source: str | Path) -> Path:
    """Where the draft of an issue lives: ``issue.txt`` -> ``issue.draft.json`` beside it."""
    path = Path(source)
    return (
        path.with_name(stem(path) + DRAFT_SUFFIX)
        if not path.is_dir()
        else path.with_name(path.name + DRAFT_SUFFIX)
    )


@dataclass
class Approved:
    approval: Approval
    written: dict[str, Path] = field(default_factory=dict)  # "reviewed" and each format -> file


def approve_draft(draft: Draft, *, version: int, by: str, formats: Sequence[str]) -> Approved:
    """Approve ``draft`` as it stands at ``version``; write the reviewed JSON and ``formats`` beside it."""
    from ..render import get_renderer

    renderers = {
        name: get_renderer(name) for name in formats
    }  # an unknown format fails before approving
    approval = draft.approve(version=version, by=by)
    briefing = draft.briefing()
    base = draft.path.with_name(stem(draft.path))
    reviewed = {
        **briefing.to_dict(),
        "review": {
            "approval": approval.to_dict(),
            "draft": draft.path.name,
            "edits": {item.id: item.edits for item in draft.items if item.edits},
            "dropped": [item.id for item in draft.items if item.dropped],
        },
    }
    written = {"reviewed": base.with_name(base.name + REVIEWED_SUFFIX)}
    write_atomic(written["reviewed"], json.dumps(reviewed, ensure_ascii=False, indent=2) + "\n")
    for name, renderer in renderers.items():
        target = base.with_name(base.name + EXTENSIONS.get(name, "." + name))
        if target == written["reviewed"] or target == draft.path:
            continue
        write_atomic(target, renderer(briefing))
        written[name] = target
    logger.info(
        "%s: version %d approved by %s; wrote %s",
        draft.path,
        approval.version,
        by,
        ", ".join(str(p) for p in written.values()),
    )
    return Approved(approval=approval, written=written)


def load_approved(path: str | Path) -> Briefing:
    """The approved briefing in ``path`` (a reviewed file or a draft), or ReviewError saying why not."""
    file = Path(path)
    try:
        data: Any = json.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise InputError(f"{file}: no such file") from exc
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{file}: cannot read a reviewed briefing: {exc}") from exc
    review = data.get("review") if isinstance(data, dict) else None
    if not isinstance(review, dict):
        raise ReviewError(
            f"{file}: not a reviewed briefing; review it first with `briefing review`"
        )
    if not review.get("approval"):
        raise ReviewError(f"{file}: not approved; approve it on the review page first")
    approval = Approval.from_dict(review["approval"])
    if "items" in review:  # the draft itself
        draft = Draft(file, data)
        if not draft.approved:
            raise ReviewError(
                f"{file}: changed after it was approved (version {draft.version}, approved "
                f"{approval.version}); approve it again"
            )
        briefing = draft.briefing()
    else:
        briefing = Briefing.from_dict(data)
    if briefing_digest(briefing) != approval.digest:
        raise ReviewError(
            f"{file}: the briefing differs from the version {approval.by} approved on "
            f"{approval.at}; approve it again"
        )
    return briefing


def approved_builder(source: str | Path, **_: Any) -> Briefing:
    """A delivery builder (see :mod:`briefing.deliver.job`) that sends the approved briefing as it is."""
    return load_approved(source)
