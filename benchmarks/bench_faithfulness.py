"""Benchmark: the faithfulness check on a FactCC-style corruption set from People's Daily 2019.

    python benchmarks/bench_faithfulness.py [--corpus ../shared/corpus] [--half test|dev] [--limit N]

Sentences of the articles in one half (by a hash of ``doc_id``; the rules were written on
``dev``) are kept as printed, compressed the way the extractive summarizer compresses them, and
corrupted six ways (:mod:`briefing.evaluate.faithfulness`). Figures, per kind: share
rejected by ``check_summary`` now and by its word-level guard alone (before this check); the
share of the extractive default's summaries rejected; and how many of those summaries the new
check changed (the summarizer skips a candidate the check rejects), with the time per article of
both runs, measured in the same run.
"""

from __future__ import annotations

import argparse
import json
import logging
import time
from pathlib import Path
from unittest import mock

from briefing.summarize import faithfulness, guard
from briefing.summarize.extractive import ExtractiveSummarizer, summarizable
from briefing.evaluate.faithfulness import evaluate, pd2019_articles

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def extractive_texts(articles) -> tuple[list[str], float]:
    summarizer = ExtractiveSummarizer()
    start = time.perf_counter()
    texts = [summarizer.summarize_one(a, max_chars=90).text for a in articles if summarizable(a)]
    return texts, (time.perf_counter() - start) / max(len(texts), 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--half", choices=("dev", "test"), default="test")
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    articles = list(pd2019_articles(args.corpus / "pd2019" / "articles-dev.jsonl", half=args.half))[
        : args.limit
    ]
    figures = evaluate(articles)
    print(f"{len(articles)} articles of the {args.half} half")
    print(json.dumps(figures.report(), ensure_ascii=False, indent=1))
    extractive_texts(articles[:20])  # warm-up: the segmenter's dictionary loads here
    with mock.patch.object(guard, "unfaithful", lambda summary, source: []):
        before, before_s = extractive_texts(articles)
    faithfulness.prepare.cache_clear()
    after, after_s = extractive_texts(articles)
    changed = sum(a != b for a, b in zip(before, after))
    print(
        f"extractive summaries changed by the check: {changed}/{len(after)}; "
        f"time per article {after_s * 1000:.1f} ms vs {before_s * 1000:.1f} ms without it ({after_s / before_s:.2f}x)"
    )


if __name__ == "__main__":
    main()
