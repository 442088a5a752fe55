"""Topic classification measured on the shared labelled sets (skipped when ../shared is absent).

The default (keyword) classifier, accuracy counting alternates. The issue's targets are not all met;
the assertions are regression guards: the figure measured when the term lists were last revised,
less a small margin. Raise a floor when the figure rises; never lower one to make a change pass.
"""

from __future__ import annotations

import json

import pytest

from briefing.records import Article
from briefing.topics import get_classifier
from briefing.topics.evaluate import evaluate, read_labelled

# Issue targets (accuracy counting alternates), for reference.
TARGETS = {
    "pd1998-dev": 0.85,
    "cnews-dev": 0.90,
    "tnews-dev": 0.75,
    "nlpcc-headlines-dev": 0.75,
}
# Regression floors: measured figure minus about 0.02.
FLOORS = {
    "pd1998-dev": 0.84,  # target 0.85; measured 0.860 (was 0.847)
    "cnews-dev": 0.79,  # target 0.90; measured 0.807 (was 0.790); many 时政 items are diplomacy/health by our scopes
    "tnews-dev": 0.54,  # target 0.75; measured 0.558 (was 0.538); short headlines, noisy labels
    "nlpcc-headlines-dev": 0.65,  # target 0.75; measured 0.670 (was 0.640)
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_default_classifier_holds_dev_floor(corpus, name):
    report = evaluate(read_labelled(corpus / "topics" / f"{name}.jsonl"), get_classifier(), name=name)
    print(report.format(), f"(target {TARGETS[name]:.2f})")
    assert report.strict_accuracy <= report.accuracy
    assert report.accuracy >= FLOORS[name], report.format()


def seed_articles(corpus) -> list[tuple[Article, str]]:
    """The seed page's articles built from the gold line spans (until the splitter is measured here)."""
    seed = corpus / "seed"
    gold = json.loads((seed / "000_edc864bb9d2a5cb4.gold.json").read_text(encoding="utf-8"))
    lines = (seed / "000_edc864bb9d2a5cb4.txt").read_text(encoding="utf-8").split("\n")
    out = []
    for number, entry in enumerate(gold["articles"]):
        first, last = entry["lines"]
        heads = {entry.get(k) for k in ("kicker", "title", "subtitle", "column")} - {None}
        body = [ln.strip() for ln in lines[first - 1 : last] if ln.strip() and ln.strip() not in heads]
        article = Article(
            id=str(number), kicker=entry.get("kicker"), title=entry.get("title"),
            subtitle=entry.get("subtitle"), column=entry.get("column"), body=body,
        )
        out.append((article, entry["topic"]))
    return out


def test_seed_page_topics_all_right(corpus):
    pairs = seed_articles(corpus)
    topics = get_classifier().classify([a for a, _ in pairs])
    got = [t.label for t in topics]
    assert got == [label for _, label in pairs]
