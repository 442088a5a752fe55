"""Scoring the splitter against pages with gold article spans (``*.gold.json`` / ``*.expected.json``)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..read.text import read_issue
from ..records import Article
from ..text import without_spaces
from ..split.labels import GOLD_SUFFIXES

FIELDS = (
    "kicker",
    "title",
    "subtitle",
    "byline",
    "dateline",
    "column",
    "subheads",
    "captions",
    "credit",
)
HEADLINE = ("kicker", "title", "subtitle")
_TRAILING_TAG = re.compile(r"[(（][^()（）]{1,12}[)）]$")


def headline_text(value: str | None) -> str:
    """A headline field as the headline score compares it: no whitespace, no leading ——, no
    trailing column tag （人民时评）, and an empty field the same as a missing one."""
    text = without_spaces(value or "")
    text = re.sub(r"^(?:——|--|－－|—)", "", text)
    return _TRAILING_TAG.sub("", text)


@dataclass
class PageScore:
    source: str
    gold_starts: int
    predicted_starts: int
    matched_starts: int
    exact_spans: int
    gold_lines: int
    covered_lines: int
    field_errors: list[str] = field(default_factory=list)
    fields_checked: int = 0
    headlines_checked: int = 0  # found articles whose gold gives kicker, title or subtitle
    headline_errors: list[str] = field(default_factory=list)


@dataclass
class SplitScore:
    pages: list[PageScore]

    def _sum(self, name: str) -> int:
        return sum(getattr(p, name) for p in self.pages)

    def to_dict(self) -> dict[str, Any]:
        matched, gold, predicted = (
            self._sum("matched_starts"),
            self._sum("gold_starts"),
            self._sum("predicted_starts"),
        )
        precision = matched / predicted if predicted else 0.0
        recall = matched / gold if gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        checked = self._sum("fields_checked")
        headlines = self._sum("headlines_checked")
        return {
            "pages": len(self.pages),
            "gold_articles": gold,
            "predicted_articles": predicted,
            "start_precision": round(precision, 4),
            "start_recall": round(recall, 4),
            "start_f1": round(f1, 4),
            "exact_spans": round(self._sum("exact_spans") / gold, 4) if gold else 0.0,
            "line_coverage": round(self._sum("covered_lines") / max(1, self._sum("gold_lines")), 4),
            "fields_checked": checked,
            "fields_right": round(1 - sum(len(p.field_errors) for p in self.pages) / checked, 4)
            if checked
            else None,
            "field_errors": [f"{p.source}: {e}" for p in self.pages for e in p.field_errors],
            "headlines_checked": self._sum("headlines_checked"),
            "headlines_right": round(
                1 - sum(len(p.headline_errors) for p in self.pages) / headlines, 4
            )
            if headlines
            else None,
            "headline_errors": [f"{p.source}: {e}" for p in self.pages for e in p.headline_errors],
        }


def _gold_path(text_path: Path) -> Path | None:
    for suffix in GOLD_SUFFIXES:
        candidate = text_path.with_name(text_path.stem + suffix)
        if candidate.exists():
            return candidate
    return None


def score_page(
    articles: list[Article], gold: dict[str, Any], raw_lines: list[str], source: str
) -> PageScore:
    gold_articles = gold["articles"]
    predicted = {a.lines[0]: a for a in articles if a.lines}
    spans = {tuple(a.lines) for a in articles if a.lines}
    matched = exact = 0
    errors: list[str] = []
    checked = headlines_checked = 0
    headline_errors: list[str] = []
    for g in gold_articles:
        first, last = g["lines"]
        starts = [first, *g.get("alt_first", [])]
        hit = next((predicted[s] for s in starts if s in predicted), None)
        if hit is None:
            continue
        matched += 1
        exact += any((s, last) in spans for s in starts)
        for name in FIELDS:
            if name in g:
                checked += 1
                want, got = g[name], getattr(hit, name)
                accepted = [want, *g.get("also_accept", {}).get(name, [])]
                if got not in accepted and not (want in (None, [], "") and not got):
                    errors.append(f"article at line {first}: {name} {got!r} != {want!r}")
        wanted = [name for name in HEADLINE if name in g]
        if wanted:
            headlines_checked += 1
            wrong = [n for n in wanted if headline_text(getattr(hit, n)) != headline_text(g[n])]
            if wrong:
                got = " | ".join(str(getattr(hit, n) or "") for n in HEADLINE)
                want = " | ".join(str(g.get(n) or "") for n in HEADLINE)
                headline_errors.append(f"article at line {first}: {got!r} != {want!r}")
        body = "".join(hit.body)
        for name, ok in (
            ("body_first", lambda v: body.startswith(v)),
            ("body_last", lambda v: body.endswith(v)),
        ):
            if g.get(name):
                checked += 1
                if not ok(g[name]):
                    errors.append(
                        f"article at line {first}: {name} {g[name]!r} not at the body's edge"
                    )
        for piece in g.get("rejoined", []):
            checked += 1
            if piece not in body:
                errors.append(f"article at line {first}: not rejoined {piece!r}")
    gold_lines = {
        n
        for g in gold_articles
        for n in range(g["lines"][0], g["lines"][1] + 1)
        if raw_lines[n - 1].strip()
    }
    covered = {n for a in articles if a.lines for n in range(a.lines[0], a.lines[1] + 1)}
    return PageScore(
        source=source,
        gold_starts=len(gold_articles),
        predicted_starts=len(articles),
        matched_starts=matched,
        exact_spans=exact,
        gold_lines=len(gold_lines),
        covered_lines=len(gold_lines & covered),
        field_errors=errors,
        fields_checked=checked,
        headlines_checked=headlines_checked,
        headline_errors=headline_errors,
    )


def evaluate_split(
    directory: str | Path, *, splitter: str = "lines", model: str | Path | None = None
) -> SplitScore:
    """Split every ``*.txt`` page in ``directory`` that has gold beside it, and score the result.

    ``model`` is a line-labeller model file to use instead of the packaged one."""
    from ..api import split_issue
    from ..split.splitter import LineSplitter

    folder = Path(directory)
    if not folder.is_dir():
        raise InputError(f"{folder}: not a directory")
    pages: list[PageScore] = []
    for text_path in sorted(folder.glob("*.txt")):
        gold_path = _gold_path(text_path)
        if gold_path is None:
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        issue = read_issue(text_path)
        articles = (
            LineSplitter(model=model).split(issue)
            if model
            else split_issue(issue, splitter=splitter)
        )
        pages.append(score_page(articles, gold, issue.pages[0].lines, text_path.name))
    if not pages:
        raise InputError(
            f"{folder}: no *.txt pages with a *.gold.json or *.expected.json beside them"
        )
    return SplitScore(pages=pages)
