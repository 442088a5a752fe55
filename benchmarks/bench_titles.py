"""Benchmark: generated titles on every article source of the shared corpus, headline withheld.

    python benchmarks/bench_titles.py [--corpus ../shared/corpus] [--titler extractive]

For each source, ROUGE-L F1 (characters) of the generated titles against the printed headline
(its column tag removed), beside the first-clause baseline, their ratio, the generated titles that
fail the headline checks and the articles left without one. Sources: People's Daily 2019
articles-dev in two halves (by an MD5 of the doc_id, so a rule written on one is measured on the
other), Sohu news (sogoucs), People's Daily 1998 (the editor-labelled items, which carry the main
title alone; "pd1998 unseen": the other articles of pd1998/articles-dev) and the seed page. Then
the titler's time on the pd2019 articles. The title ranker is fitted on pd2019 half 0, sogoucs and
the labelled pd1998 items (benchmarks/fit_title_ranker.py): their figures are in-sample; half 1,
pd1998 unseen and the seed page are held out. The pages of benchmarks/held_out.py are left out.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import time
import sys
import warnings
from pathlib import Path
from typing import Any

from briefing.evaluate.summaries import evaluate_titles, item_article, read_items

sys.path.insert(0, str(Path(__file__).resolve().parent))

from held_out import without_held_out  # noqa: E402

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _half(doc_id: str) -> int:
    return hashlib.md5(doc_id.encode()).digest()[0] % 2


def seed_items(corpus: Path) -> list[dict[str, Any]]:
    """The seed page's articles: the body from its first gold line on, with the gold title."""
    gold = json.loads((corpus / "seed" / "000_edc864bb9d2a5cb4.gold.json").read_text("utf-8"))
    lines = (corpus / "seed" / "000_edc864bb9d2a5cb4.txt").read_text("utf-8").splitlines()
    items = []
    for number, article in enumerate(gold["articles"]):
        first, last = article["lines"]
        span = [line.strip() for line in lines[first - 1 : last] if line.strip()]
        opening = (article.get("body_first") or "")[:8]
        start = next((i for i, line in enumerate(span) if opening and opening in line), None)
        if start is None or not article.get("title"):
            continue
        items.append(
            {"id": f"seed-{number}", "title": article["title"], "text": "\n".join(span[start:])}
        )
    return items


def pd1998_items(corpus: Path) -> list[dict[str, Any]]:
    """People's Daily 1998 articles of pd1998/articles-dev: the first paragraph is the headline."""
    items = []
    for row in _jsonl(corpus / "pd1998" / "articles-dev.jsonl"):
        headline, *body = row["paragraphs"]
        # A brief has no headline: one paragraph, or one and its bylines in brackets.
        if not body or all(p.startswith("（") and p.endswith("）") for p in body):
            continue
        items.append({"id": row["doc_id"], "title": headline, "text": "\n".join(body)})
    return items


def pd1998_unseen_items(corpus: Path) -> list[dict[str, Any]]:
    """The pd1998 articles (:func:`pd1998_items`) other than the editor-labelled items of
    topics/pd1998-dev, which the title ranker is fitted on."""
    labelled = {item["id"] for item in _jsonl(corpus / "topics" / "pd1998-dev.jsonl")}
    return [item for item in pd1998_items(corpus) if item["id"] not in labelled]


def sources(corpus: Path) -> dict[str, list[dict[str, Any]]]:
    pd2019 = without_held_out(read_items(corpus / "pd2019" / "articles-dev.jsonl"))
    return {
        "pd2019 half 0": [item for item in pd2019 if _half(item["id"]) == 0],
        "pd2019 half 1": [item for item in pd2019 if _half(item["id"]) == 1],
        "sogoucs": _jsonl(corpus / "titles" / "sogoucs-dev.jsonl"),
        "pd1998": without_held_out(_jsonl(corpus / "topics" / "pd1998-dev.jsonl")),
        "pd1998 unseen": without_held_out(pd1998_unseen_items(corpus)),
        "seed": seed_items(corpus),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--titler", default="extractive")
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    warnings.filterwarnings("ignore")
    found = sources(args.corpus)
    print(f"{'source':<15}{'items':>6}{'R-L':>8}{'first':>8}{'ratio':>7}{'failing':>9}{'none':>6}")
    rows = {}
    for name, items in found.items():
        report = evaluate_titles(items, titler=args.titler)
        rows[name] = (
            report["items"],
            report["systems"][args.titler],
            report["systems"]["first_clause"],
        )
    # The whole of pd2019 dev: its halves' means weighted by their sizes (no second run).
    halves = [rows["pd2019 half 0"], rows["pd2019 half 1"]]
    total = sum(n for n, _, _ in halves)
    rows = {
        "pd2019 dev": (
            total,
            *(
                {
                    key: sum(n * figures[i][key] for n, *figures in halves) / total
                    if key in ("rougeL",)
                    else sum(figures[i][key] for _, *figures in halves)
                    for key in ("rougeL", "not_headline", "no_title")
                }
                for i in (0, 1)
            ),
        )
    } | rows
    for name, (count, ours, base) in rows.items():
        ratio = ours["rougeL"] / base["rougeL"] if base["rougeL"] else float("nan")
        print(
            f"{name:<15}{count:>6}{ours['rougeL']:>8.4f}{base['rougeL']:>8.4f}"
            f"{ratio:>7.3f}{ours['not_headline']:>9}{ours['no_title']:>6}"
        )
    from briefing.registry import titlers

    articles = [
        item_article(item, with_title=False)
        for half in (0, 1)
        for item in found[f"pd2019 half {half}"]
    ]
    titler = titlers.get(args.titler)()
    start = time.perf_counter()
    titler.title(articles)
    print(f"titler: {len(articles) / (time.perf_counter() - start):.0f} articles/s on pd2019 dev")


if __name__ == "__main__":
    main()
