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
from typing import Any, Iterable, Sequence

from ..config import DEFAULT_MAX_CHARS
from ..errors import InputError
from ..read.text import read_jsonl
from ..records import Article, Summary
from ..text import CLOSERS, ends_sentence, fold_width
from ..summarize import check_budget
from ..summarize.compress import dangling
from ..summarize.extractive import summarizable
from ..summarize.guard import check_summary
from ..summarize.sentences import split_clauses, split_dateline, split_sentences
from ..summarize.headlines import headline_problems
from ..summarize.titles import NO_TITLE
from ..summarize.vetting import accept
from ..summarize.wholeness import dangling_clauses, deletion_cuts

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
    """Read evaluation items, one JSON object a line: ``{"id", "text", "title"?, "reference"?}``.

    Article records of the form ``{"doc_id", "kicker", "title", "paragraphs", "dup_of"?}`` (a
    paper's crawl) are read too: the paragraphs are the text, and a later copy (``dup_of``) is skipped.
    """
    path = Path(path)
    items = []
    for number, item in read_jsonl(path):
        if isinstance(item.get("paragraphs"), list) and "text" not in item:
            if item.get("dup_of"):
                continue
            item = dict(
                item, text="\n".join(str(p) for p in item["paragraphs"]), id=item.get("doc_id")
            )
        if not isinstance(item.get("text"), str):
            raise InputError(f"{path}:{number}: expected an object with a 'text' string")
        if not item.get("id"):
            item["id"] = f"item{number}"
        items.append(item)
    if not items:
        raise InputError(f"{path}: no items")
    return items


def item_article(item: dict[str, Any], *, with_title: bool = True) -> Article:
    """The item as an article; without its title, its kicker and subtitle are withheld too."""
    body = [p.strip() for p in item["text"].split("\n") if p.strip()]
    if not with_title:
        return Article(id=str(item["id"]), body=body)
    title = (item.get("title") or "").strip() or None
    return Article(
        id=str(item["id"]),
        body=body,
        title=title,
        kicker=item.get("kicker") or None,
        subtitle=item.get("subtitle") or None,
    )


def _mean(values: Iterable[float]) -> float | None:
    values = list(values)
    return round(sum(values) / len(values), 4) if values else None


def deletion_audit(summary: Summary, article: Article) -> list[str]:
    """Cuts inside a word or a name in ``summary``, aligned to the sentences it was taken from."""
    sentences = split_sentences(article.body)
    source = "".join(sentences[i].text for i in sorted(summary.sentences) if i < len(sentences))
    text = summary.text.removeprefix(summary.opening)
    return deletion_cuts(text, source) if source and text else []


def wholeness_figures(summaries: list[Summary], articles: list[Article]) -> dict:
    """Summaries with a cut inside a word or name (deletion audit), and with a dangling clause."""
    return {
        "cuts": sum(1 for s, a in zip(summaries, articles) if deletion_audit(s, a)),
        "dangling": sum(1 for s in summaries if dangling_clauses(s.text)),
        "no_summary": sum(1 for s in summaries if not s.text),
    }


def summary_figures(
    outputs: Sequence[str | Summary],
    articles: list[Article],
    references: list[str | None],
    max_chars: int,
) -> dict:
    """ROUGE-1/2/L F1 against the references present, guard pass rate, budget and full-sentence
    shares. A :class:`~briefing.records.Summary`'s opening is left to the guard (it checks only
    what follows it); a string is checked whole."""
    texts = [o.text if isinstance(o, Summary) else o for o in outputs]
    pairs = [(t, r) for t, r in zip(texts, references) if r]
    return {
        "rouge1": _mean(rouge_n(o, r, 1).f1 for o, r in pairs),
        "rouge2": _mean(rouge_n(o, r, 2).f1 for o, r in pairs),
        "rougeL": _mean(rouge_l(o, r).f1 for o, r in pairs),
        # Over the summaries given: an article left without one (a cartoon's caption) is counted as no_summary.
        "guard": _mean(
            float(check_summary(o, a).ok) for o, t, a in zip(outputs, texts, articles) if t
        ),
        "budget": _mean(float(len(t) <= max_chars) for t in texts),
        "full_sentence": _mean(float(is_full_sentence(t)) for t in texts),
        "mean_chars": _mean(len(t) for t in texts),
    }


def evaluate_summaries(
    items: list[dict[str, Any]],
    *,
    max_chars: int = DEFAULT_MAX_CHARS,
    summarizer: str = "extractive",
) -> dict[str, Any]:
    """Score ``summarizer`` and the lead baseline on ``items``; ROUGE only where a reference is given."""
    from ..registry import summarizers

    check_budget(max_chars)
    articles = [item_article(item) for item in items]
    # Items with nothing to summarize (a byline, a bare photo credit) are counted, not scored.
    keep = [i for i, a in enumerate(articles) if summarizable(a)]
    skipped = len(articles) - len(keep)
    items, articles = [items[i] for i in keep], [articles[i] for i in keep]
    references = [item.get("reference") for item in items]
    # As the library does: every summary passes the one check, or is replaced (.vetting).
    produced = summarizers.resolve(summarizer).summarize(articles, max_chars=max_chars)
    summaries = [
        accept(s, a, max_chars=max_chars, name=summarizer) for s, a in zip(produced, articles)
    ]
    lead = [lead_summary(a, max_chars=max_chars) for a in articles]
    return {
        "items": len(items),
        "not_summarizable": skipped,
        "with_reference": sum(1 for r in references if r),
        "max_chars": max_chars,
        "systems": {
            summarizer: summary_figures(summaries, articles, references, max_chars)
            | wholeness_figures(summaries, articles),
            "lead": summary_figures(lead, articles, references, max_chars)
            | {
                "cuts": None,
                "dangling": sum(1 for t in lead if dangling_clauses(t)),
                "no_summary": sum(1 for t in lead if not t),
            },
        },
    }


def evaluate_titles(
    items: list[dict[str, Any]], *, titler: str = "extractive", limit: int = 20
) -> dict[str, Any]:
    """Generate titles with the headline withheld; ROUGE-L against it, beside the first clause."""
    from ..registry import titlers

    # The reference is the headline without its column or series tag (……（人民时评）): a title
    # cannot be expected to name the column. Items without a body (a photo's headline) are left out.
    items = [item for item in items if reference_title(item) and item["text"].strip()]
    if not items:
        raise InputError("no items with a 'title' to compare generated titles against")
    articles = [item_article(item, with_title=False) for item in items]
    generated = [t for t, _ in titlers.resolve(titler).title(articles)]
    baseline = [first_clause_title(a, limit=limit) for a in articles]
    references = [reference_title(item) for item in items]

    def figures(outputs: list[str]) -> dict[str, float | None]:
        titled = [o for o in outputs if o != NO_TITLE]
        return {
            "rougeL": _mean(rouge_l(o, r).f1 for o, r in zip(outputs, references)),
            "rouge1": _mean(rouge_n(o, r, 1).f1 for o, r in zip(outputs, references)),
            "within_limit": _mean(float(len(o) <= limit) for o in outputs),
            "mean_chars": _mean(len(o) for o in outputs),
            "not_headline": sum(1 for o in titled if headline_problems(o, limit=limit)),
            "no_title": len(outputs) - len(titled),
        }

    return {
        "items": len(items),
        "systems": {titler: figures(generated), "first_clause": figures(baseline)},
    }


_COLUMN_TAG = re.compile(r"\s*[（(][^（）()]{1,40}[）)]\s*$")


def reference_title(item: dict[str, Any]) -> str:
    """The item's headline without a trailing column or series tag."""
    return _COLUMN_TAG.sub("", (item.get("title") or "").strip()).strip()


def format_report(report: dict[str, Any]) -> str:
    """A plain-text table of a report's systems and figures."""
    systems = report["systems"]
    keys = list(next(iter(systems.values())).keys())
    width = max(len(name) for name in systems) + 2
    lines = [" ".join([f"{'system':<{width}}"] + [f"{k:>13}" for k in keys])]
    for name, figures in systems.items():
        cells = [
            "-"
            if figures[k] is None
            else f"{figures[k]:.3f}"
            if isinstance(figures[k], float)
            else str(figures[k])
            for k in keys
        ]
        lines.append(" ".join([f"{name:<{width}}"] + [f"{c:>13}" for c in cells]))
    header = {k: v for k, v in report.items() if k != "systems"}
    return "\n".join([", ".join(f"{k}: {v}" for k, v in header.items())] + lines) + "\n"
