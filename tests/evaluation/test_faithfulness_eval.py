"""The faithfulness check on a FactCC-style corruption set from the held-out half of pd2019 dev."""

from __future__ import annotations

from briefing.evaluate.faithfulness import KINDS, evaluate, pd2019_articles


def test_corruptions_caught_and_faithful_text_kept(corpus):
    articles = list(pd2019_articles(corpus / "pd2019" / "articles-dev.jsonl", half="test"))[:120]
    figures = evaluate(articles)
    assert figures.rate(*KINDS) >= 0.90
    for kind in KINDS:
        assert figures.rate(kind) >= 0.80, (kind, figures.report())
    assert figures.rate("faithful") <= 0.02
    assert figures.rate("extractive") <= 0.01
