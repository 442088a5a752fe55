"""The pairwise fit that weighs the title and summary rankers' features
(benchmarks/fit_title_ranker.py), with and without a prior to re-weight."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def fit(monkeypatch):
    monkeypatch.syspath_prepend(str(ROOT / "benchmarks"))
    return importlib.import_module("fit_title_ranker").fit


# Three features; the better candidate of each article has more of the first, less of the second.
ARTICLES = [
    ([(1.0, 0.0, 0.5), (0.0, 1.0, 0.5)], [1.0, 0.0], 0.0),
    ([(0.0, 0.3, 0.2), (1.0, 0.2, 0.1)], [0.0, 1.0], 0.0),
]
UNTOLD = [([(1.0, 0.0, 0.5), (0.0, 1.0, 0.5)], [0.5, 0.5], 0.0)]


def test_with_nothing_to_learn_the_weights_are_the_prior_or_zeros_of_the_data_width(fit):
    assert fit(UNTOLD, 1.0, prior=(0.2, -0.1, 0.3)) == [0.2, -0.1, 0.3]
    assert fit(UNTOLD, 1.0) == [0.0, 0.0, 0.0]


def test_the_fit_learns_which_feature_tells_the_better_candidate(fit):
    weights = fit(ARTICLES, 0.01)
    assert weights[0] > 0 > weights[1]


def test_a_heavy_penalty_keeps_the_weights_near_the_prior(fit):
    prior = (0.1, 0.5, -0.2)
    close = fit(ARTICLES, 8.0, prior=prior)
    loose = fit(ARTICLES, 0.01, prior=prior)

    def distance(weights):
        return sum((w - p) ** 2 for w, p in zip(weights, prior))

    assert 0 < distance(close) < 0.1 * distance(loose)
