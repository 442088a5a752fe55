"""Refit the generated-title ranker's weights (``briefing/data/title_ranker.json``).

    python benchmarks/fit_title_ranker.py [--corpus ../shared/corpus] [--write]

For each article of People's Daily 2019 articles-dev half 0 (MD5 of the doc_id, as in
bench_titles.py), headline withheld, the candidate titles that pass the headline checks and their
features (``titles.FEATURES``); the target is each candidate's ROUGE-L F1 against the printed
headline (column tag removed). The weights are a ridge least-squares fit of the target to the
features, both centred within each article: only how an article's candidates compare matters, as
the titler picks one of them. Half 1, Sohu news, People's Daily 1998 and the seed page are held
out: the script prints, for each source, ROUGE-L of the titles the shipped weights pick, the refit
ones, and the best candidate (the ceiling of any ranker), each over the first-clause baseline.
``--write`` saves the refit weights.
"""

from __future__ import annotations

import argparse
import json
import math
import logging
import warnings
from pathlib import Path

from bench_titles import DEFAULT_CORPUS, sources

from briefing import data
from briefing.evaluate.summaries import first_clause_title, item_article, reference_title, rouge_l
from briefing.summarize.titles import (
    FEATURES,
    candidate_score,
    ranker_weights,
    title_candidates,
)

MARGIN = 0.05  # a pair counts where the better candidate scores this much more ROUGE-L
L2 = 0.01
RIDGE = 0.3  # on standardised features, per article of half 0
FIT_ON = "pd2019 half 0"

# One article: its candidates' features and targets, and the baseline's score.
Article = tuple[list[tuple[float, ...]], list[float], float]


def collect(items: list[dict]) -> list[Article]:
    out = []
    for item in items:
        reference = reference_title(item)
        if not reference or not item["text"].strip():
            continue
        article = item_article(item, with_title=False)
        candidates = title_candidates(article)
        targets = [rouge_l(c.title, reference).f1 for c in candidates]
        baseline = rouge_l(first_clause_title(article), reference).f1
        out.append(([c.features for c in candidates], targets, baseline))
    return out


def _solve(matrix: list[list[float]], vector: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting (the system is small and well conditioned)."""
    n = len(vector)
    rows = [row[:] + [value] for row, value in zip(matrix, vector)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(rows[r][col]))
        rows[col], rows[pivot] = rows[pivot], rows[col]
        for r in range(n):
            if r != col and rows[r][col]:
                factor = rows[r][col] / rows[col][col]
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[col])]
    return [rows[i][n] / rows[i][i] for i in range(n)]


def fit(articles: list[Article]) -> list[float]:
    """Ridge least squares of the within-article centred target on the centred features."""
    k = len(FEATURES)
    centred: list[tuple[list[float], float]] = []
    for features, targets, _ in articles:
        if len(features) < 2:
            continue
        means = [sum(f[i] for f in features) / len(features) for i in range(k)]
        mean_target = sum(targets) / len(targets)
        for f, t in zip(features, targets):
            centred.append(([f[i] - means[i] for i in range(k)], t - mean_target))
    scale = [
        max((sum(x[i] ** 2 for x, _ in centred) / len(centred)) ** 0.5, 1e-9) for i in range(k)
    ]
    rows = [([x[i] / scale[i] for i in range(k)], t) for x, t in centred]
    gram = [[sum(x[i] * x[j] for x, _ in rows) for j in range(k)] for i in range(k)]
    for i in range(k):
        gram[i][i] += RIDGE * len(articles)
    moment = [sum(x[i] * t for x, t in rows) for i in range(k)]
    return [w / s for w, s in zip(_solve(gram, moment), scale)]


def fit_pairwise(articles: list[Article], *, steps: int = 300, rate: float = 0.5) -> list[float]:
    """Logistic loss on pairs (the article's best candidate, each clearly worse one): the
    weights learn to put the best first."""
    k = len(FEATURES)
    pairs: list[list[float]] = []
    for features, targets, _ in articles:
        if len(features) < 2:
            continue
        best = max(range(len(targets)), key=lambda i: targets[i])
        for i, t in enumerate(targets):
            if targets[best] - t > MARGIN:
                pairs.append([a - b for a, b in zip(features[best], features[i])])
    scale = [max((sum(x[i] ** 2 for x in pairs) / len(pairs)) ** 0.5, 1e-9) for i in range(k)]
    pairs = [[x[i] / scale[i] for i in range(k)] for x in pairs]
    weights = [0.0] * k
    for _ in range(steps):
        gradient = [L2 * w for w in weights]
        for x in pairs:
            z = sum(w * v for w, v in zip(weights, x))
            g = -1.0 / (1.0 + math.exp(min(z, 30.0))) / len(pairs)
            for i in range(k):
                gradient[i] += g * x[i]
        weights = [w - rate * g for w, g in zip(weights, gradient)]
    return [w / s for w, s in zip(weights, scale)]


def picked(articles: list[Article], weights: list[float] | tuple[float, ...]) -> float:
    """Mean ROUGE-L of the titles ``weights`` pick (no title scores 0)."""
    total = 0.0
    for features, targets, _ in articles:
        if features:
            best = max(
                range(len(features)), key=lambda i: (candidate_score(features[i], weights), -i)
            )
            total += targets[best]
    return total / len(articles)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--write", action="store_true", help="save the refit weights")
    parser.add_argument("--pairwise", action="store_true", help="pairwise logistic loss")
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    warnings.filterwarnings("ignore")
    found = {name: collect(items) for name, items in sources(args.corpus).items()}
    weights = fit_pairwise(found[FIT_ON]) if args.pairwise else fit(found[FIT_ON])
    shipped = ranker_weights()
    print(f"{'source':<15}{'items':>6}{'shipped':>9}{'refit':>8}{'best':>8}   (÷ first clause)")
    for name, articles in found.items():
        base = sum(b for *_, b in articles) / len(articles)
        figures = [picked(articles, shipped), picked(articles, weights)]
        ceiling = sum(max(t, default=0.0) for _, t, _ in articles) / len(articles)
        ratios = "".join(f"{v / base:>8.3f}" for v in [*figures, ceiling])
        print(f"{name:<15}{len(articles):>6} {ratios}{'  (fitted on)' if name == FIT_ON else ''}")
    for name, weight in zip(FEATURES, weights):
        print(f"  {name:<20}{weight:>9.4f}")
    if args.write:
        fitted = {
            "fitted": f"benchmarks/fit_title_ranker.py on {FIT_ON} (ridge {RIDGE})",
            "features": list(FEATURES),
            "weights": [round(w, 5) for w in weights],
        }
        text = json.dumps(fitted, ensure_ascii=False, indent=1) + "\n"
        (data.DIRECTORY / "title_ranker.json").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
