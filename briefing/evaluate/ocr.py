"""Scoring the OCR path against the e-paper gold: scanned copies of the gold pages are read and
scored as the text layer is (``briefing.evaluate.epaper``) but with OCR's tolerance: an article is
found when its title is at least 90% similar to the gold title, and its body starts and ends
like the gold's when its first and last 20 characters are 90% similar; a character misread
counts in the body accuracy, where the body text of every article found is compared with the
same article read from the original's text layer. Column labels (logos) are scored against the
gold's ``column``: right, and set where the gold has none or another.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass, field
from pathlib import Path

from .epaper import EDGE, text_of
from ..read.layout.pdf import read_pdf_issue
from ..text import without_spaces

ANGLES = (0.3, -0.2, 0.4, -0.35, 0.25, -0.4, 0.15, -0.3)  # degrees of tilt, one per page in turn
SIMILAR = 0.9  # titles and body edges at least this similar (difflib ratio) match


def _squash(text: str | None) -> str:
    return without_spaces(text or "")


def _similar(a: str, b: str) -> bool:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() >= SIMILAR


def _match(articles, gold: dict) -> dict:
    """Gold articles matched to articles by title similarity, in gold order; the scores."""
    wanted = gold["articles"]
    used: dict[int, int] = {}  # article index -> gold index
    counts = {"found": 0, "body_first": 0, "body_last": 0}
    errors: list[str] = []
    matched: list[int] = []
    for g_index, g in enumerate(wanted):
        title = _squash(g["title"])
        best = max(
            (
                (difflib.SequenceMatcher(None, _squash(a.title), title, autojunk=False).ratio(), i)
                for i, a in enumerate(articles)
                if i not in used
            ),
            default=(0.0, -1),
        )
        if best[0] < SIMILAR:
            errors.append(f"not found: {g['title']}")
            continue
        i = best[1]
        used[i] = g_index
        matched.append(i)
        counts["found"] += 1
        body = _squash("".join(articles[i].body))
        for end, got in (("body_first", body[:EDGE]), ("body_last", body[-EDGE:])):
            if _similar(got, g[end]):
                counts[end] += 1
            else:
                errors.append(f"{g['title']}: {end} {got!r} != {g[end]!r}")
    named = [(i, wanted[g]["column"]) for i, g in used.items() if wanted[g].get("column")]
    counts["columns"] = len([g for g in wanted if g.get("column")])
    counts["columns_right"] = sum(articles[i].column == column for i, column in named)
    counts["columns_wrong"] = sum(
        articles[i].column is not None and articles[i].column != wanted[g].get("column")
        for i, g in used.items()
    )
    extra = [a.title or "".join(a.body)[:20] for i, a in enumerate(articles) if i not in used]
    graphics: list[str] = []
    for i, article in enumerate(articles):
        if i in used:
            continue
        text = text_of(article)
        for item in gold.get("non_articles", []):
            probe = _squash(item.get("text"))[:10]
            if item.get("kind") in ("masthead", "graphic") and probe and probe in text:
                graphics.append(f"{item['kind']}: {item['text'][:30]}")
    return {**counts, "errors": errors, "matched": matched, "extra": extra, "graphics": graphics}


def character_accuracy(got: str, want: str) -> float:
    """1 - edits / reference length; edits counted on difflib's alignment of the two texts."""
    if not want:
        return 1.0
    ops = difflib.SequenceMatcher(None, got, want, autojunk=False).get_opcodes()
    edits = sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in ops if tag != "equal")
    return max(0.0, 1 - edits / len(want))


@dataclass
class ScannedScore:
    page: str
    gold: int
    found: int
    body_first: int
    body_last: int
    in_order: bool
    extra: list[str]
    graphics_as_articles: list[str]
    body_chars: int  # body characters of the articles found, in the text layer
    body_accuracy: float
    low_confidence_chars: int
    errors: list[str] = field(default_factory=list)
    columns: int = 0  # gold articles that carry a column label
    columns_right: int = 0  # of those, found with that column
    columns_wrong: int = 0  # articles found with a column the gold does not give them


def score_scanned(scan: Path, original: Path, *, read: tuple | None = None) -> ScannedScore:
    """Read ``scan`` (a scanned copy of ``original``; ``read``: what reading it gave, when it
    was read already) and score it against the original's gold (``ORIGINAL.gold.json``) and
    text layer."""
    gold = json.loads(original.with_suffix(".gold.json").read_text(encoding="utf-8"))
    issue, articles = read or read_pdf_issue([scan], source=str(scan))
    score = _match(articles, gold)
    _, reference = read_pdf_issue([original], source=str(original))
    pairs = []
    for (
        got
    ) in articles:  # each article found beside the text layer's article of the most similar title
        ratio, twin = max(
            (
                (
                    difflib.SequenceMatcher(
                        None, _squash(got.title), _squash(a.title), autojunk=False
                    ).ratio(),
                    a,
                )
                for a in reference
            ),
            key=lambda pair: pair[0],
            default=(0.0, None),
        )
        if twin is not None and ratio >= SIMILAR:
            pairs.append((_squash("".join(got.body)), _squash("".join(twin.body))))
    chars = sum(len(w) for _, w in pairs)
    accuracy = sum(character_accuracy(g, w) * len(w) for g, w in pairs) / chars if chars else 0.0
    report = (issue.metadata.get("ocr") or [{}])[0]
    return ScannedScore(
        page=scan.name,
        gold=len(gold["articles"]),
        found=score["found"],
        body_first=score["body_first"],
        body_last=score["body_last"],
        in_order=score["matched"] == sorted(score["matched"]),
        extra=score["extra"],
        graphics_as_articles=score["graphics"],
        body_chars=chars,
        body_accuracy=round(accuracy, 4),
        low_confidence_chars=len(report.get("low_confidence", [])),
        errors=score["errors"],
        columns=score["columns"],
        columns_right=score["columns_right"],
        columns_wrong=score["columns_wrong"],
    )


def column_score(articles, original: Path) -> dict:
    """Column labels of ``articles`` (read from ``original`` or a copy of it) against its gold."""
    gold = json.loads(original.with_suffix(".gold.json").read_text(encoding="utf-8"))
    score = _match(articles, gold)
    return {k: score[k] for k in ("columns", "columns_right", "columns_wrong")}


def summarise(scores: list[ScannedScore]) -> dict:
    gold = sum(s.gold for s in scores)
    chars = sum(s.body_chars for s in scores)
    return {
        "pages": len(scores),
        "articles": gold,
        "found": sum(s.found for s in scores),
        "found_share": round(sum(s.found for s in scores) / gold, 3) if gold else 0.0,
        "body_first": sum(s.body_first for s in scores),
        "body_last": sum(s.body_last for s in scores),
        "pages_in_order": sum(s.in_order for s in scores),
        "extra_articles": sum(len(s.extra) for s in scores),
        "graphics_as_articles": sum(len(s.graphics_as_articles) for s in scores),
        "body_accuracy": round(sum(s.body_accuracy * s.body_chars for s in scores) / chars, 4)
        if chars
        else 0.0,
        "low_confidence_chars": sum(s.low_confidence_chars for s in scores),
        "columns": sum(s.columns for s in scores),
        "columns_right": sum(s.columns_right for s in scores),
        "columns_wrong": sum(s.columns_wrong for s in scores),
    }
