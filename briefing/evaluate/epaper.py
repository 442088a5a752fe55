"""Scoring the layout reader against hand-made gold for e-paper pages (``*.gold.json``).

Per page: gold articles found with the right title, the right first and last 20 characters of
the body (whitespace removed), in the right order; no other items reported as articles (the
masthead and graphics in particular); every gold subhead inside its own article.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..records import Article
from ..read.layout.pdf import read_pdf_issue
from ..text import without_spaces

EDGE = 20  # characters compared at each end of the body


def _squash(text: str | None) -> str:
    return without_spaces(text or "")


def _spaces(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


@dataclass
class PageScore:
    source: str
    gold_articles: int
    found: int = 0  # matched by title (whitespace ignored)
    title_exact: int = 0  # title with its spacing as printed
    body_first: int = 0
    body_last: int = 0
    in_order: bool = True
    extra_articles: list[str] = field(default_factory=list)
    non_articles_as_articles: list[str] = field(default_factory=list)
    subheads_right: int = 0
    gold_subheads: int = 0
    fields_right: dict[str, int] = field(default_factory=dict)  # kicker, subtitle, byline
    errors: list[str] = field(default_factory=list)

    @property
    def fully_right(self) -> bool:
        n = self.gold_articles
        return (
            self.found == self.body_first == self.body_last == n
            and self.in_order
            and not self.extra_articles
            and not self.non_articles_as_articles
            and self.subheads_right == self.gold_subheads
        )


def text_of(article: Article) -> str:
    return _squash(
        "".join(p or "" for p in (article.kicker, article.title, article.subtitle))
        + "".join(article.body)
    )


def score_page(articles: list[Article], gold: dict[str, Any], *, source: str) -> PageScore:
    wanted = gold["articles"]
    score = PageScore(source=source, gold_articles=len(wanted))
    by_title: dict[str, int] = {}
    for i, article in enumerate(articles):
        by_title.setdefault(_squash(article.title), i)
    matched: list[int] = []
    used: set[int] = set()
    for g in wanted:
        at = by_title.get(_squash(g["title"]))
        if at is None or at in used:
            score.errors.append(f"not found: {g['title']}")
            continue
        used.add(at)
        matched.append(at)
        article = articles[at]
        score.found += 1
        score.title_exact += _spaces(article.title) == _spaces(g["title"])
        body = _squash("".join(article.body))
        for end, got in (("body_first", body[:EDGE]), ("body_last", body[-EDGE:])):
            if got == g[end]:
                setattr(score, end, getattr(score, end) + 1)
            else:
                score.errors.append(f"{g['title']}: {end} {got!r} != {g[end]!r}")
        for name in ("kicker", "subtitle", "byline"):
            score.fields_right[name] = score.fields_right.get(name, 0) + (
                _spaces(getattr(article, name)) == _spaces(g.get(name))
            )
        mine = {_squash(s) for s in article.subheads}
        for sub in g.get("subheads", []):
            score.gold_subheads += 1
            others = any(
                _squash(sub) in {_squash(s) for s in a.subheads}
                or _squash(sub) in _squash("".join(a.body))
                for j, a in enumerate(articles)
                if j != at
            )
            if _squash(sub) in mine and not others:
                score.subheads_right += 1
            else:
                score.errors.append(f"{g['title']}: subhead not in its article: {sub}")
    score.in_order = matched == sorted(matched)
    if not score.in_order:
        score.errors.append("articles out of order")
    for i, article in enumerate(articles):
        if i in used:
            continue
        label = article.title or "".join(article.body)[:20]
        score.extra_articles.append(label)
        text = text_of(article)
        for item in gold.get("non_articles", []):
            probe = _squash(item.get("text"))[:10]
            if item.get("kind") in ("masthead", "graphic") and probe and probe in text:
                score.non_articles_as_articles.append(f"{item['kind']}: {item['text'][:30]}")
    return score


def evaluate_epaper(directory: str | Path) -> dict[str, Any]:
    """Score every ``*.pdf`` with a ``*.gold.json`` beside it in ``directory``."""
    folder = Path(directory)
    if not folder.is_dir():
        raise InputError(f"{folder}: not a directory")
    pages = sorted(p for p in folder.glob("*.pdf") if p.with_suffix(".gold.json").is_file())
    if not pages:
        raise InputError(f"{folder}: no *.pdf with a *.gold.json beside it")
    scores = []
    for pdf in pages:
        gold = json.loads(pdf.with_suffix(".gold.json").read_text(encoding="utf-8"))
        _, articles = read_pdf_issue([pdf], source=str(pdf))
        scores.append(score_page(articles, gold, source=pdf.name))
    total = sum(s.gold_articles for s in scores)
    return {
        "pages": len(scores),
        "pages_fully_right": sum(s.fully_right for s in scores),
        "articles": total,
        "found": sum(s.found for s in scores),
        "title_exact": sum(s.title_exact for s in scores),
        "body_first": sum(s.body_first for s in scores),
        "body_last": sum(s.body_last for s in scores),
        "extra_articles": sum(len(s.extra_articles) for s in scores),
        "non_articles_as_articles": sum(len(s.non_articles_as_articles) for s in scores),
        "subheads_right": sum(s.subheads_right for s in scores),
        "gold_subheads": sum(s.gold_subheads for s in scores),
        "per_page": [{**asdict(s), "fully_right": s.fully_right} for s in scores],
    }
