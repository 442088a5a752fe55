"""Scoring summaries and titles: character ROUGE, the guard, the budget, full sentences.

ROUGE is computed on characters (after width folding, without punctuation and spaces): the
common ROUGE packages split on spaces and drop CJK characters, so they score Chinese 0.
Each run scores a simple baseline beside the system: the lead sentence cut to the budget for
summaries, the first clause for titles.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from ..errors import InputError
from ..reading import read_jsonl
from ..records import Article
from ..text import CLOSERS, ends_sentence, fold_width
from . import check_budget
from .compress import dangling
from .extractive import summarizable
from .guard import SourceIndex, check_summary
from .sentences import split_clauses, split_dateline, split_sentences

logger = logging.getLogger(__name__)

_NOT_TOKEN = re.compile(r"[^0-9A-Za-z\u3400-\u9fff]+")
_PAIRS = (("“", "”"), ("《", "》"), ("（", "）"), ("(", ")"), ("「", "」"))


@dataclass(frozen=True)
class RougeScore:
    precision: float
    recall: float
    f1: float


def tokens(text: str) -> list[str]:
    """Characters that count for ROUGE: CJK characters, Latin letters and digits, width-folded."""
    return list(_NOT_TOKEN.sub("", fold_width(text)).lower())


def _score(overlap: int, candidate: int, reference: int) -> RougeScore:
    if not overlap or not candidate or not reference:
        return RougeScore(0.0, 0.0, 0.0)
    p, r = overlap / candidate, overlap / reference
    return RougeScore(p, r, 2 * p * r / (p + r))


def rouge_n(candidate: str, reference: str, n: int = 1) -> RougeScore:
    """ROUGE-N on characters: clipped n-gram overlap."""
    c, r = tokens(candidate), tokens(reference)
    cg: dict[tuple[str, ...], int] = {}
    rg: dict[tuple[str, ...], int] = {}
    for seq, bag in ((c, cg), (r, rg)):
        for i in range(len(seq) - n + 1):
            gram = tuple(seq[i : i + n])
            bag[gram] = bag.get(gram, 0) + 1
    overlap = sum(min(count, rg.get(gram, 0)) for gram, count in cg.items())
    return _score(overlap, max(len(c) - n + 1, 0), max(len(r) - n + 1, 0))


def rouge_l(candidate: str, reference: str) -> RougeScore:
    """ROUGE-L on characters: longest common subsequence."""
    c, r = tokens(candidate), tokens(reference)
    if not c or not r:
        return RougeScore(0.0, 0.0, 0.0)
    previous = [0] * (len(r) + 1)
    for ch in c:
        current = [0]
        for j, rj in enumerate(r):
            current.append(previous[j] + 1 if ch == rj else max(previous[j + 1], current[j]))
        previous = current
    return _score(previous[-1], len(c), len(r))


def is_full_sentence(text: str) -> bool:
    """Ends with a stop, quotes and brackets balanced, last clause not left hanging on a function word."""
    text = text.strip()
    if len(text) < 4 or not ends_sentence(text):
        return False
    if any(text.count(a) != text.count(b) for a, b in _PAIRS):
        return False
    core = text.rstrip(CLOSERS).rstrip("。！？!?…").rstrip(CLOSERS)
    return bool(core) and not dangling(core)


def lead_summary(article: Article, *, max_chars: int) -> str:
    """Baseline: the first sentence (dateline removed), cut to the budget."""
    sentences = split_sentences(article.body)
    if not sentences:
        return ""
    first = split_dateline(sentences[0].text)[1]
    return first[:max_chars]


def first_clause_title(article: Article, *, limit: int = 20) -> str:
    """Baseline title: the first clause of the body (dateline removed), cut to ``limit``."""
    sentences = split_sentences(article.body)
    if not sentences:
        return ""
    clauses = split_clauses(split_dateline(sentences[0].text)[1])
    return clauses[0][0][:limit] if clauses else ""


def read_items(path: str | Path) -> list[dict[str, Any]]:
    """Read evaluation items, one JSON object a line: ``{"id", "text", "title"?, "reference"?}``."""
    path = Path(path)
    items = []
    for number, item in read_jsonl(path):
        if not isinstance(item.get("text"), str):
            raise InputError(f"{path}:{number}: expected an object with a 'text' string")
        item.setdefault("id", f"item{number}")
        items.append(item)
    if not items:
        raise InputError(f"{path}: no items")
    return items


def item_article(item: dict[str, Any], *, with_title: bool = True) -> Article:
    body = [p.strip() for p in item["text"].split("\n") if p.strip()]
    title = (item.get("title") or "").strip() or None if with_title else None
    return Article(id=str(item["id"]), body=body, title=title, kicker=item.get("kicker"))


def _mean(values: Iterable[float]) -> float | None:
    values = list(values)
    return round(sum(values) / len(values), 4) if values else None


def summary_figures(outputs: list[str], articles: list[Article], references: list[str | None], max_chars: int) -> dict:
    """ROUGE-1/2/L F1 against the references present, guard pass rate, budget and full-sentence shares."""
    pairs = [(o, r) for o, r in zip(outputs, references) if r]
    return {
        "rouge1": _mean(rouge_n(o, r, 1).f1 for o, r in pairs),
        "rouge2": _mean(rouge_n(o, r, 2).f1 for o, r in pairs),
        "rougeL": _mean(rouge_l(o, r).f1 for o, r in pairs),
        "guard": _mean(float(bool(o) and check_summary(o, SourceIndex(a)).ok) for o, a in zip(outputs, articles)),
        "budget": _mean(float(len(o) <= max_chars) for o in outputs),
        "full_sentence": _mean(float(is_full_sentence(o)) for o in outputs),
        "mean_chars": _mean(len(o) for o in outputs),
    }


def evaluate_summaries(
    items: list[dict[str, Any]], *, max_chars: int = 90, summarizer: str = "extractive"
) -> dict[str, Any]:
    """Score ``summarizer`` and the lead baseline on ``items``; ROUGE only where a reference is given."""
    from ..api import component
    from ..registry import summarizers

    check_budget(max_chars)
    articles = [item_article(item) for item in items]
    # Items with nothing to summarize (a byline, a bare photo credit) are counted, not scored.
    keep = [i for i, a in enumerate(articles) if summarizable(a)]
    skipped = len(articles) - len(keep)
    items, articles = [items[i] for i in keep], [articles[i] for i in keep]
    references = [item.get("reference") for item in items]
    system = [s.text for s in component(summarizers, summarizer).summarize(articles, max_chars=max_chars)]
    lead = [lead_summary(a, max_chars=max_chars) for a in articles]
    return {
        "items": len(items),
        "not_summarizable": skipped,
        "with_reference": sum(1 for r in references if r),
        "max_chars": max_chars,
        "systems": {
            summarizer: summary_figures(system, articles, references, max_chars),
            "lead": summary_figures(lead, articles, references, max_chars),
        },
    }


def evaluate_titles(items: list[dict[str, Any]], *, titler: str = "extractive", limit: int = 20) -> dict[str, Any]:
    """Generate titles with the headline withheld; ROUGE-L against it, beside the first clause."""
    from ..api import component
    from ..registry import titlers

    items = [item for item in items if (item.get("title") or "").strip()]
    if not items:
        raise InputError("no items with a 'title' to compare generated titles against")
    articles = [item_article(item, with_title=False) for item in items]
    generated = [t for t, _ in component(titlers, titler).title(articles)]
    baseline = [first_clause_title(a, limit=limit) for a in articles]
    references = [item["title"] for item in items]

    def figures(outputs: list[str]) -> dict[str, float | None]:
        return {
            "rougeL": _mean(rouge_l(o, r).f1 for o, r in zip(outputs, references)),
            "rouge1": _mean(rouge_n(o, r, 1).f1 for o, r in zip(outputs, references)),
            "within_limit": _mean(float(len(o) <= limit) for o in outputs),
            "mean_chars": _mean(len(o) for o in outputs),
        }

    return {"items": len(items), "systems": {titler: figures(generated), "first_clause": figures(baseline)}}


def format_report(report: dict[str, Any]) -> str:
    """A plain-text table of a report's systems and figures."""
    systems = report["systems"]
    keys = list(next(iter(systems.values())).keys())
    width = max(len(name) for name in systems) + 2
    lines = [" ".join([f"{'system':<{width}}"] + [f"{k:>13}" for k in keys])]
    for name, figures in systems.items():
        cells = ["-" if figures[k] is None else f"{figures[k]:.3f}" if isinstance(figures[k], float) else str(figures[k]) for k in keys]
        lines.append(" ".join([f"{name:<{width}}"] + [f"{c:>13}" for c in cells]))
    header = {k: v for k, v in report.items() if k != "systems"}
    return "\n".join([", ".join(f"{k}: {v}" for k, v in header.items())] + lines) + "\n"
