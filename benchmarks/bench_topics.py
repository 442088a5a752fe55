"""Topic classification throughput, single core: keywords and trained, against segmentation.

    python benchmarks/bench_topics.py [ARTICLES.jsonl] [--n 3000]

Uses samples/articles.jsonl by default (cycled to --n articles). The baseline, measured in the
same run, is the time to merely segment the same texts with rjieba (briefing.text.words). The
trained model is fitted on the same articles labelled by the keyword classifier: only its speed
is of interest here. First, what a fresh process pays on first use: the keyword classifier's term
tables beside the segmenter's dictionary, in the same run.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from briefing.read.text import read_articles  # noqa: E402
from briefing.text import words  # noqa: E402
from briefing.topics.labelled import LabelledItem  # noqa: E402
from briefing.topics.keywords import KeywordClassifier  # noqa: E402
from briefing.topics.trained import TrainedClassifier, train  # noqa: E402


def rate(label: str, n: int, seconds: float, baseline: float | None = None) -> None:
    ratio = f"  ({baseline / seconds:.2f}x the segmentation rate)" if baseline else ""
    print(f"{label:38s} {n / seconds:10,.0f} articles/s{ratio}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("source", nargs="?", default=str(ROOT / "samples" / "articles.jsonl"))
    parser.add_argument("--n", type=int, default=3000)
    args = parser.parse_args()
    base = read_articles(args.source)
    articles = list(itertools.islice(itertools.cycle(base), args.n))
    chars = sum(len(a.headline) + len(a.text) for a in articles) / len(articles)
    print(f"{len(articles)} articles from {args.source} (mean {chars:.0f} characters)")

    # First use, as a fresh process pays it: the term tables parsed and the matcher built, beside
    # the segmenter's dictionary load (issue 14 measured 78 ms and 110 ms on an idle machine).
    start = time.process_time()
    keywords = KeywordClassifier()
    tables = time.process_time() - start
    start = time.process_time()
    words("预热")
    dictionary = time.process_time() - start
    print(
        f"first use (CPU): keyword classifier's tables {tables * 1000:.0f} ms,"
        f" rjieba's dictionary {dictionary * 1000:.0f} ms (baseline): {tables / dictionary:.2f}x"
    )
    keywords.classify(articles[:50])  # warm-up

    start = time.perf_counter()
    for article in articles:
        words(article.headline + "\n" + article.text)
    segment = time.perf_counter() - start
    rate("baseline: rjieba segmentation only", len(articles), segment)

    start = time.perf_counter()
    topics = keywords.classify(articles)
    rate("keywords classifier", len(articles), time.perf_counter() - start, segment)

    labelled = [LabelledItem(a.id, a, t.label) for a, t in zip(base, keywords.classify(base))]
    start = time.perf_counter()
    model = train(labelled * 20)
    print(
        f"{'train-topics (complement NB)':38s} {len(labelled) * 20 / (time.perf_counter() - start):10,.0f} articles/s"
    )
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "model.json"
        import json

        path.write_text(json.dumps(model.to_dict(), ensure_ascii=False), encoding="utf-8")
        trained = TrainedClassifier(model=path)
        trained.classify(articles[:50])
        start = time.perf_counter()
        trained.classify(articles)
        rate("trained classifier", len(articles), time.perf_counter() - start, segment)
    print(f"labels: {sorted({t.label for t in topics})}")


if __name__ == "__main__":
    main()
