"""Refit the generated-title ranker's weights (``briefing/data/title_ranker.json``).

    python benchmarks/fit_title_ranker.py [--corpus ../shared/corpus] [--write]

For each article, headline withheld, the candidate titles that pass the headline checks and their
features (``titles.FEATURES``), and each candidate's ROUGE-L F1 against the printed headline
(column tag removed). The ranker only has to put an article's best candidate first, so it is
fitted on pairs: for every two candidates of one article whose ROUGE-L differs by more than
MARGIN, a logistic loss on the difference of their scores (RankNet), each pair weighed by how much
the two differ, with an L2 penalty; plain Python (gradient descent with momentum on standardised
features), no learning library.

It learns from three sources at once, People's Daily 2019 articles-dev half 0 (MD5 of the
doc_id, as in bench_titles.py), Sohu news and the labelled People's Daily 1998 items of
topics/pd1998-dev, so that no one paper's habits decide. Each source is held out in turn (leave one source out): the penalty is the one whose fits
score best on the source they never saw (mean of the three ratios), and those held-out figures
are printed beside the shipped weights' and the best candidate's (the ceiling of any ranker).
pd2019 half 1, the pd1998 articles outside topics/pd1998-dev ("pd1998 unseen") and the seed page
are always held out; the refit's figures on the three training sources are in-sample. ``--write``
saves the weights fitted on all three sources with the chosen penalty.
"""

from __future__ import annotations

import argparse
import json
import logging
import math
import warnings
from pathlib import Path

from bench_titles import DEFAULT_CORPUS, sources

from briefing import data
from briefing.evaluate.summaries import first_clause_title, item_article, reference_title, rouge_l
from briefing.summarize.titles import (
    FEATURES,
    candidate_score,
    title_candidates,
)

TRAIN_ON = ("pd2019 half 0", "sogoucs", "pd1998")
# L2 penalties tried (per article, on standardised features); leave-one-source-out picks one.
PENALTIES = (1.0, 3.0, 10.0, 30.0, 100.0, 300.0)
# Two candidates whose ROUGE-L differs by less than this are not told apart (a character or so).
MARGIN = 0.02
STEPS = 200
RATE = 0.5
MOMENTUM = 0.9

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


def _pairs(articles: list[Article]) -> list[tuple[list[float], float]]:
    """For each ordered pair of an article's candidates whose targets differ by more than MARGIN,
    the better one's features less the worse one's, and how much better it is."""
    return [
        ([a - b for a, b in zip(features[i], features[j])], targets[i] - targets[j])
        for features, targets, _ in articles
        for i in range(len(features))
        for j in range(len(features))
        if targets[i] - targets[j] > MARGIN
    ]


def fit(
    articles: list[Article], penalty: float, *, prior: tuple[float, ...] | None = None
) -> list[float]:
    """Weights that score the better candidate of each pair higher: the weighted logistic loss of
    the pairs' score differences, plus ``penalty`` × the squared weights over the articles (their
    distance from ``prior``, when given: a re-weighting of weights set by hand)."""
    pairs = _pairs(articles)
    if not pairs:
        # no two candidates of one article differ enough to be told apart: nothing to learn
        width = next((len(features[0]) for features, _, _ in articles if features), len(FEATURES))
        return list(prior) if prior is not None else [0.0] * width
    k = len(pairs[0][0])
    scale = [max(math.sqrt(sum(d[i] ** 2 for d, _ in pairs) / len(pairs)), 1e-9) for i in range(k)]
    rows = [([d[i] / scale[i] for i in range(k)], gap) for d, gap in pairs]
    total = sum(gap for _, gap in rows)
    # On standardised features the prior's weights are scaled up as the features are scaled down.
    start = [w * s for w, s in zip(prior, scale)] if prior is not None else [0.0] * k
    weights = list(start)
    velocity = [0.0] * k
    for _ in range(STEPS):
        gradient = [penalty * (w - w0) / len(articles) for w, w0 in zip(weights, start)]
        for x, gap in rows:
            margin = sum(w * v for w, v in zip(weights, x))
            # the derivative of log(1 + e^-margin), weighed by the pair's gap
            slope = -gap / (1.0 + math.exp(margin)) / total if margin < 30 else 0.0
            for i in range(k):
                gradient[i] += slope * x[i]
        for i in range(k):
            velocity[i] = MOMENTUM * velocity[i] + gradient[i]
            weights[i] -= RATE * velocity[i]
    return [w / s for w, s in zip(weights, scale)]


def picked(
    articles: list[Article], weights: list[float] | tuple[float, ...]
) -> tuple[float, float]:
    """Mean ROUGE-L of the titles ``weights`` pick (no title scores 0), and the share of articles
    with a candidate where the pick is the best one."""
    total, best, titled = 0.0, 0, 0
    for features, targets, _ in articles:
        if features:
            # the first of equal scores, as generate_title takes it
            pick = max(range(len(features)), key=lambda i: candidate_score(features[i], weights))
            total += targets[pick]
            best += targets[pick] == max(targets)
            titled += 1
    return total / len(articles), best / max(titled, 1)


def ratio(articles: list[Article], weights: list[float] | tuple[float, ...]) -> float:
    """ROUGE-L of the picked titles over the first-clause baseline's."""
    return picked(articles, weights)[0] / (sum(b for *_, b in articles) / len(articles))


def held_out(found: dict[str, list[Article]], penalty: float) -> dict[str, list[float]]:
    """Each training source's weights fitted without it (leave one source out)."""
    return {
        source: fit([a for other in TRAIN_ON if other != source for a in found[other]], penalty)
        for source in TRAIN_ON
    }


def shipped_weights() -> tuple[float, ...]:
    """The weights in the data file now, 0 for a feature they do not weigh yet (a new one)."""
    weights = data.weights_by_name("title_ranker.json")
    return tuple(weights.get(name, 0.0) for name in FEATURES)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--write", action="store_true", help="save the refit weights")
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    warnings.filterwarnings("ignore")
    found = {name: collect(items) for name, items in sources(args.corpus).items()}
    unseen: dict[float, dict[str, list[float]]] = {}
    mean_unseen: dict[float, float] = {}
    print("penalty: mean ROUGE-L ratio on the held-out training source")
    for penalty in PENALTIES:
        unseen[penalty] = held_out(found, penalty)
        scores = [ratio(found[s], w) for s, w in unseen[penalty].items()]
        mean_unseen[penalty] = sum(scores) / len(scores)
        print(f"  {penalty:g}: {mean_unseen[penalty]:.4f}")
    penalty = max(PENALTIES, key=mean_unseen.__getitem__)
    weights = fit([a for source in TRAIN_ON for a in found[source]], penalty)
    shipped = shipped_weights()
    print(f"-> {penalty:g}; ROUGE-L ÷ first clause (share where the best candidate is picked)")
    print(f"{'source':<15}{'items':>6}{'shipped':>15}{'held out':>15}{'refit':>15}{'best':>7}")
    for name, articles in found.items():
        base = sum(b for *_, b in articles) / len(articles)
        never_seen = unseen[penalty].get(name, weights)
        cells = ""
        for w in (shipped, never_seen, weights):
            mean, share = picked(articles, w)
            cells += f"{mean / base:>8.3f} ({share:.2f})"
        ceiling = sum(max(t, default=0.0) for _, t, _ in articles) / len(articles) / base
        print(f"{name:<15}{len(articles):>6}{cells}{ceiling:>7.3f}")
    print("(held out: fitted without the source; refit: on all of " + ", ".join(TRAIN_ON) + ")")
    for name, weight in zip(FEATURES, weights):
        print(f"  {name:<20}{weight:>9.4f}")
    if args.write:
        sizes = ", ".join(f"{s} {len(found[s])}" for s in TRAIN_ON)
        fitted = {
            "fitted": (
                f"benchmarks/fit_title_ranker.py --write on {sizes} articles of ../shared/corpus"
                " (headline withheld): for each two candidates of one article whose ROUGE-L F1"
                f" against the printed headline differs by more than {MARGIN:g}, a logistic loss"
                " on their score difference weighed by the gap (RankNet), L2 penalty"
                f" {penalty:g} chosen by leave-one-source-out over the three sources"
            ),
            "features": list(FEATURES),
            "weights": [round(w, 5) for w in weights],
        }
        text = json.dumps(fitted, ensure_ascii=False, indent=1) + "\n"
        (data.DIRECTORY / "title_ranker.json").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
