"""Duplicate merging on reprints of real People's Daily articles (see briefing.evaluate.dedupe)."""

from briefing.jobs import dedupe
from briefing.evaluate.dedupe import evaluate_dedupe


def test_merging_precision_and_recall(corpus):
    report = evaluate_dedupe(corpus / "pd1998" / "articles-dev.jsonl")
    assert report.positive_pairs > 5000 and report.same_page_pairs > 50000
    assert report.precision >= 0.99, report.false_merges[:10]
    assert report.recall >= 0.95, report.missed[:10]
    assert report.same_page_false_merges == 0
    assert min(report.recall_by_kind.values()) >= 0.95, report.recall_by_kind


def test_reprints_find_each_other_without_the_original(corpus):
    report = evaluate_dedupe(
        corpus / "pd1998" / "articles-dev.jsonl", originals=False, limit_days=4
    )
    assert report.precision >= 0.99, report.false_merges[:10]
    assert report.recall >= 0.95, report.missed[:10]


def test_threshold_sits_in_the_gap(corpus):
    # The stated threshold is not on an edge: a little lower or higher measures the same.
    for containment in (dedupe.CONTAINMENT - 0.1, dedupe.CONTAINMENT + 0.1):
        report = evaluate_dedupe(
            corpus / "pd1998" / "articles-dev.jsonl", containment=containment, limit_days=3
        )
        assert report.precision >= 0.99 and report.recall >= 0.95, containment
