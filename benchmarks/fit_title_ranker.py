"""Refit the generated-title ranker's weights (``briefing/data/title_ranker.json``).

    python benchmarks/fit_title_ranker.py [--corpus ../shared/corpus] [--write]

For each article of People's Daily 2019 articles-dev half 0 (MD5 of the doc_id, as in
bench_titles.py), headline withheld, the candidate titles that pass the headline checks and their
features (``titles.FEATURES``); the target is each candidate's ROUGE-L F1 against the printed
headline (column tag removed). The weights are the rule before the ranker (PRIOR) scaled to the
target plus a ridge least-squares fit of what it leaves, features and targets centred within each
article (only how an article's candidates compare matters: the titler picks one of them); the
ridge is chosen by cross-validation within half 0. Half 1, Sohu news, People's Daily 1998 and the seed page are held
out: the script prints, for each source, ROUGE-L of the titles the shipped weights pick, the refit
ones, and the best candidate (the ceiling of any ranker), each over the first-clause baseline.
``--write`` saves the refit weights.
"""

from __future__ import annotations

import argparse
import json
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

# Ridge strengths tried; the one that picks the best titles in a 3-fold cross-validation within
# half 0 is kept (per article of the training set, on standardised features).
RIDGES = (0.1, 0.3, 1.0, 3.0, 5.0, 10.0, 20.0, 50.0)
FOLDS = 3
# The rule before the ranker: salience, less 0.3 for each ranking step. The fit shrinks towards it
# (scaled to ROUGE-L by a fit of its own): where half 0 says little, the titler keeps today's choice.
PRIOR = {"salience": 1.0, "cost": -0.3}
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


def fit(articles: list[Article], ridge: float) -> list[float]:
    """The prior rule scaled to the target, plus a ridge least-squares fit of what it leaves."""
    prior = [PRIOR.get(name, 0.0) for name in FEATURES]
    scale = _least_squares(
        [
            ([candidate_score(f, prior)], t)
            for fs, ts, _ in _centred(articles)
            for f, t in zip(fs, ts)
        ],
        0.0,
    )[0]
    rest = [
        (fs, [t - scale * candidate_score(f, prior) for f, t in zip(fs, ts)], b)
        for fs, ts, b in articles
    ]
    rows = [(f, t) for fs, ts, _ in _centred(rest) for f, t in zip(fs, ts)]
    delta = _least_squares(rows, ridge * len(articles))
    return [scale * p + d for p, d in zip(prior, delta)]


def _centred(articles: list[Article]) -> list[Article]:
    """Features and targets less their article's mean (articles with one candidate drop out)."""
    out: list[Article] = []
    for features, targets, baseline in articles:
        if len(features) < 2:
            continue
        k = len(features[0])
        means = [sum(f[i] for f in features) / len(features) for i in range(k)]
        mean_target = sum(targets) / len(targets)
        out.append(
            (
                [tuple(f[i] - means[i] for i in range(k)) for f in features],
                [t - mean_target for t in targets],
                baseline,
            )
        )
    return out


def _least_squares(
    rows: list[tuple[list[float] | tuple[float, ...], float]], ridge: float
) -> list[float]:
    """Ridge least squares on standardised columns, in the columns' own units."""
    k = len(rows[0][0])
    scale = [max((sum(x[i] ** 2 for x, _ in rows) / len(rows)) ** 0.5, 1e-9) for i in range(k)]
    standard = [([x[i] / scale[i] for i in range(k)], t) for x, t in rows]
    gram = [[sum(x[i] * x[j] for x, _ in standard) for j in range(k)] for i in range(k)]
    for i in range(k):
        gram[i][i] += ridge
    moment = [sum(x[i] * t for x, t in standard) for i in range(k)]
    return [w / s for w, s in zip(_solve(gram, moment), scale)]


def choose_ridge(articles: list[Article]) -> tuple[float, dict[float, float]]:
    """The ridge whose fits pick the best titles on held-out folds, and each one's mean ROUGE-L."""
    folds = [articles[i::FOLDS] for i in range(FOLDS)]
    scores = {}
    for ridge in RIDGES:
        total = 0.0
        for k, held in enumerate(folds):
            train = [a for j, fold in enumerate(folds) if j != k for a in fold]
            total += picked(held, fit(train, ridge)) * len(held)
        scores[ridge] = total / len(articles)
    return max(scores, key=lambda r: scores[r]), scores


def picked(articles: list[Article], weights: list[float] | tuple[float, ...]) -> float:
    """Mean ROUGE-L of the titles ``weights`` pick (no title scores 0)."""
    total = 0.0
    for features, targets, _ in articles:
        if features:
            # the first of equal scores, as generate_title takes it
            best = max(range(len(features)), key=lambda i: candidate_score(features[i], weights))
            total += targets[best]
    return total / len(articles)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--write", action="store_true", help="save the refit weights")
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    warnings.filterwarnings("ignore")
    found = {name: collect(items) for name, items in sources(args.corpus).items()}
    ridge, scores = choose_ridge(found[FIT_ON])
    print("ridge (3-fold cross-validation on half 0, mean ROUGE-L): ", end="")
    print(", ".join(f"{r:g}: {v:.4f}" for r, v in scores.items()), f"-> {ridge:g}")
    weights = fit(found[FIT_ON], ridge)
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
            "fitted": (
                f"benchmarks/fit_title_ranker.py --write on {FIT_ON} ({len(found[FIT_ON])}"
                " articles of ../shared/corpus/pd2019/articles-dev whose md5(doc_id) is even):"
                " each passing candidate's ROUGE-L F1 against the printed headline, features and"
                " target centred within each article; the rule before the ranker (salience 1,"
                f" cost -0.3) scaled to the target plus a ridge least-squares fit (ridge {ridge:g},"
                " chosen by 3-fold cross-validation within the same articles) of what it leaves"
            ),
            "features": list(FEATURES),
            "weights": [round(w, 5) for w in weights],
        }
        text = json.dumps(fitted, ensure_ascii=False, indent=1) + "\n"
        (data.DIRECTORY / "title_ranker.json").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
