"""Benchmark: does the summary say what the article is about, as its printed headline says it?

    python benchmarks/bench_lead_choice.py [--corpus ../shared/corpus] [--dump OUT.json]

A proxy for the editors' "wrong sentence" (a feature's hook, a review's preamble, a policy's
background taken for the news): the printed headline (kicker, title and subtitle) says what the
article is about, so a summary that says it too names the headline's content units, its content
words, names and numbers (:func:`headline_units`). A summary that only restates the headline
(:func:`briefing.summarize.ranking.restates`) adds nothing beside it: it counts as covering
nothing. Figures per source: ``covers``, the mean share of the headline's units the summary
names; ``restates``, the share of summaries that only restate it; ``proxy``, the mean of the
coverage with a restating summary counted 0 (the measure); and ``first``, the proxy of the
article's first sentence, compressed as the summarizer would (the lead baseline).

Sources (each item summarised with its headline, as the pipeline does): People's Daily 2019
articles-dev February (what benchmarks/fit_lead_ranker.py learns from) and October, the People's
Daily 1998 articles (headline: the first paragraph) and Sohu news (sogoucs). ``--dump`` writes
each source's summaries by id, for reading the changed ones (compare two dumps with
``--compare``).
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
import warnings
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_titles import DEFAULT_CORPUS, _jsonl, pd1998_items  # noqa: E402
from held_out import without_held_out  # noqa: E402

from briefing.evaluate.summaries import item_article, read_items  # noqa: E402
from briefing.records import Article  # noqa: E402
from briefing.summarize.ranking import (  # noqa: E402
    bare_headline,
    content_words,
    grams,
    restates,
)
from briefing.text import fold_width, word_tags  # noqa: E402

_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def headline_units(headline: str) -> frozenset[str]:
    """The headline's content units: words of two characters or more that are not function words,
    and its numbers (folded to half width)."""
    text = bare_headline(headline)
    units = content_words(word_tags(text))
    return frozenset(units | set(_NUMBER.findall(text)))


def coverage(text: str, units: frozenset[str]) -> float:
    """The share of ``units`` that ``text`` names."""
    if not units:
        return 0.0
    folded = fold_width(text)
    return sum(unit in folded for unit in units) / len(units)


def proxy(text: str, headline: str, units: frozenset[str] | None = None) -> tuple[float, bool]:
    """How much of the headline ``text`` covers, and whether it only restates it."""
    units = headline_units(headline) if units is None else units
    restating = restates(fold_width(text), grams(headline)) if text else False
    return coverage(text, units), restating


def sources(corpus: Path) -> dict[str, list[dict[str, Any]]]:
    """The sources by name, less the held-out pages (:mod:`held_out`)."""
    pd2019 = without_held_out(read_items(corpus / "pd2019" / "articles-dev.jsonl"))
    return {
        "pd2019 Feb": [item for item in pd2019 if str(item["id"])[4:6] == "02"],
        "pd2019 Oct": [item for item in pd2019 if str(item["id"])[4:6] == "10"],
        "pd1998": without_held_out(pd1998_items(corpus)),
        "sogoucs": _jsonl(corpus / "titles" / "sogoucs-dev.jsonl"),
    }


def articles(items: list[dict[str, Any]]) -> list[Article]:
    return [item_article(item) for item in items if item["text"].strip()]


def measure(found: list[Article], summaries: list[str], firsts: list[str]) -> dict[str, float]:
    covers, restating, scores, first_scores = [], [], [], []
    for article, summary, first in zip(found, summaries, firsts):
        units = headline_units(article.headline)
        if not units:
            continue
        share, restates_it = proxy(summary, article.headline, units)
        first_share, first_restates = proxy(first, article.headline, units)
        covers.append(share)
        restating.append(restates_it)
        scores.append(0.0 if restates_it else share)
        first_scores.append(0.0 if first_restates else first_share)
    n = max(len(covers), 1)
    return {
        "items": len(covers),
        "covers": sum(covers) / n,
        "restates": sum(restating) / n,
        "proxy": sum(scores) / n,
        "first": sum(first_scores) / n,
    }


def first_sentence(article: Article) -> str:
    """The article's first sentence compressed as the summarizer would, its budget ignored."""
    from briefing.summarize.compress import compress_clauses, join_clauses
    from briefing.summarize.sentences import split_sentences

    sentences = split_sentences(article.body, limit=1)
    return join_clauses(compress_clauses(sentences[0].text)) if sentences else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--dump", type=Path, help="write the summaries by source and id")
    parser.add_argument("--compare", nargs=2, type=Path, help="count two dumps' differences")
    args = parser.parse_args()
    if args.compare:
        before, after = (json.loads(p.read_text("utf-8")) for p in args.compare)
        for name, old in before.items():
            new = after.get(name, {})
            changed = sum(1 for key, text in old.items() if new.get(key) != text)
            print(f"{name:<12}{changed:>5} of {len(old)} changed")
        return
    from briefing.summarize.extractive import ExtractiveSummarizer

    logging.disable(logging.WARNING)
    warnings.filterwarnings("ignore")
    summarizer = ExtractiveSummarizer()
    dumped: dict[str, dict[str, str]] = {}
    print(f"{'source':<12}{'items':>6}{'covers':>8}{'restates':>9}{'proxy':>8}{'first':>8}")
    for name, items in sources(args.corpus).items():
        found = articles(items)
        summaries = [s.text for s in summarizer.summarize(found)]
        figures = measure(found, summaries, [first_sentence(a) for a in found])
        dumped[name] = {a.id: s for a, s in zip(found, summaries)}
        print(
            f"{name:<12}{figures['items']:>6}{figures['covers']:>8.4f}"
            f"{figures['restates']:>9.4f}{figures['proxy']:>8.4f}{figures['first']:>8.4f}"
        )
    if args.dump:
        args.dump.write_text(json.dumps(dumped, ensure_ascii=False, indent=0), "utf-8")


if __name__ == "__main__":
    main()
