"""Topic classification measured on the shared labelled sets (skipped when ../shared is absent).

The default (keyword) classifier, accuracy counting alternates. Quality is measured on the sets an
editor labelled under TAXONOMY.md (issue 17); the sets whose source categories were mapped onto the
taxonomy only guard against regression, as those categories disagree with the taxonomy's rules on
many items. The assertions are floors: the figure measured when the term lists were last revised,
less a small margin. Raise a floor when the figure rises; never lower one to make a change pass.
"""

from __future__ import annotations

import json

import pytest

from briefing.records import Article
from briefing.topics import default_keyword_classifier
from briefing.evaluate.topics import evaluate
from briefing.topics.labelled import read_labelled

# Editor-labelled sets: issue 17's targets (accuracy counting alternates), for reference.
TARGETS = {
    "pd1998-dev": 0.93,
    "pd2019-dev": 0.95,
    "cnews-taxo-dev": 0.96,
    "tnews-taxo-dev": 0.82,
}
# What blocks the targets (`briefing eval topics` counts the errors by how the scores stood;
# close: the right label has at least half the winner's score): pd1998 13 (gold far behind 8,
# close 5; 3 more right items needed), pd2019 10 (close 7, far 2, gold without evidence 1; target
# met), tnews-taxo 36 (gold without evidence 16, close 12, no listed term 5, far 3; target met on
# all, half 1 still 0.780: its 22 errors are 12 without evidence for the right label). Per-term
# weights learned from the labelled sets do not carry over to held-out halves
# (benchmarks/topics_reweight.py). The unlabelled news here is too little to learn vocabulary
# from: words that keep company with one label's listed terms number 90 to 950 and gain nowhere
# without a loss elsewhere (benchmarks/topics_cooccurrence_terms.py).
# Regression floors: measured figure minus about 0.015.
FLOORS = {
    "pd1998-dev": 0.895,  # target 0.93; measured 0.913 (was 0.860 before issue 17)
    "pd2019-dev": 0.935,  # target 0.95; measured 0.950 (0.915 before issue 17)
    "cnews-taxo-dev": 0.955,  # target 0.96; measured 0.973 (was 0.913 before issue 17)
    "tnews-taxo-dev": 0.805,  # target 0.82; measured 0.820 (0.725 before issue 17)
    # Mapped source categories: regression guards only.
    # cnews-dev measured 0.773 (0.807 when issue 17 was filed). The 10 items lost since: 8
    # THUCNews 家居 items mapped to 生活 that are the home-furnishing trade, 经济 by the taxonomy's
    # scopes, and 2 diplomacy items mapped to 时政, 国际 by our conventions. The 8 家居 items are all in
    # cnews-taxo-dev: the editor's label accepts the new prediction on all 8, the old one on 1.
    "cnews-dev": 0.76,
    "tnews-dev": 0.565,  # measured 0.580 (0.558 when issue 17 was filed)
    # measured 0.680 (0.670 when issue 17 was filed). Of the 16 items lost earlier in issue 17, 12
    # are NLPCC 'story' items mapped to 社会 whose evidence is 民间故事: folk tales, 文化 by the taxonomy.
    "nlpcc-headlines-dev": 0.665,
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_default_classifier_holds_dev_floor(corpus, name):
    report = evaluate(
        read_labelled(corpus / "topics" / f"{name}.jsonl"), default_keyword_classifier(), name=name
    )
    target = f"(target {TARGETS[name]:.2f})" if name in TARGETS else "(mapped labels: floor only)"
    print(report.format(), target)
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
        body = [
            ln.strip() for ln in lines[first - 1 : last] if ln.strip() and ln.strip() not in heads
        ]
        article = Article(
            id=str(number),
            kicker=entry.get("kicker"),
            title=entry.get("title"),
            subtitle=entry.get("subtitle"),
            column=entry.get("column"),
            body=body,
        )
        out.append((article, entry["topic"]))
    return out


def test_seed_page_topics_all_right(corpus):
    pairs = seed_articles(corpus)
    topics = default_keyword_classifier().classify([a for a, _ in pairs])
    got = [t.label for t in topics]
    assert got == [label for _, label in pairs]
