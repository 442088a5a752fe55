"""Summaries and titles measured on the shared corpus: the guard, the budget, full sentences, ROUGE."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing.evaluate.summaries import evaluate_summaries, evaluate_titles, read_items


def _jsonl(path: Path) -> list[dict]:
    return [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def sogou_items(corpus: Path, *, with_reference: bool) -> list[dict]:
    """Sohu items: the headline is withheld from the input and serves as a weak reference."""
    items = []
    for row in _jsonl(corpus / "titles" / "sogoucs-dev.jsonl"):
        item = {"id": row["id"], "text": row["text"]}
        if with_reference:
            item["reference"] = row["title"]
        items.append(item)
    return items


def pd1998_items(corpus: Path, *, headlines_as_title: bool) -> list[dict]:
    """People's Daily 1998: the first paragraph is the headline; one-paragraph items are briefs."""
    items = []
    for row in _jsonl(corpus / "pd1998" / "articles-dev.jsonl"):
        paragraphs = row["paragraphs"]
        if len(paragraphs) > 1 and all(
            p.startswith("（") and p.endswith("）") for p in paragraphs[1:]
        ):
            paragraphs = ["\n".join(paragraphs)]  # a brief and its byline: no headline
        if len(paragraphs) == 1:
            if headlines_as_title:
                continue
            items.append({"id": row["doc_id"], "text": paragraphs[0]})
        else:
            items.append(
                {"id": row["doc_id"], "text": "\n".join(paragraphs[1:]), "title": paragraphs[0]}
            )
    return items


def pd1998_unseen_items(corpus: Path) -> list[dict]:
    """The pd1998 articles with a headline other than the labelled items of topics/pd1998-dev,
    which the title ranker is fitted on."""
    labelled = {row["id"] for row in _jsonl(corpus / "topics" / "pd1998-dev.jsonl")}
    return [i for i in pd1998_items(corpus, headlines_as_title=True) if i["id"] not in labelled]


def _check_targets(report: dict) -> None:
    figures = report["systems"]["extractive"]
    assert figures["guard"] == 1.0, report
    assert figures["budget"] == 1.0, report
    assert figures["full_sentence"] >= 0.99, report
    assert figures["cuts"] == 0 and figures["dangling"] == 0, report


@pytest.mark.slow  # 1,371 articles at two budgets: about a minute
@pytest.mark.parametrize("max_chars", [90, 40])
def test_summaries_pd2019(corpus, max_chars):
    # Real 2019 articles: no cut inside a word or a name, no sentence cut to a set-up clause.
    _check_targets(
        evaluate_summaries(
            read_items(corpus / "pd2019" / "articles-dev.jsonl"), max_chars=max_chars
        )
    )


@pytest.mark.parametrize("max_chars", [90, 40])
def test_summaries_sogou(corpus, max_chars):
    report = evaluate_summaries(sogou_items(corpus, with_reference=True), max_chars=max_chars)
    # The headline is a weak reference: ROUGE is reported (`briefing eval summaries`), not asserted.
    _check_targets(report)


@pytest.mark.parametrize("max_chars", [90, 40])
def test_summaries_pd1998(corpus, max_chars):
    report = evaluate_summaries(pd1998_items(corpus, headlines_as_title=False), max_chars=max_chars)
    _check_targets(report)


def sogou_title_items(corpus: Path) -> list[dict]:
    return [
        {"id": r["id"], "text": r["text"], "title": r["title"]}
        for r in _jsonl(corpus / "titles" / "sogoucs-dev.jsonl")
    ]


@pytest.mark.parametrize("source", ["sogou", "pd1998", "pd2019"])
def test_titles_beat_first_clause(corpus, source):
    if source == "pd2019":
        items = read_items(corpus / "pd2019" / "articles-dev.jsonl")
    else:
        items = sogou_title_items(corpus) if source == "sogou" else pd1998_unseen_items(corpus)
    report = evaluate_titles(items)
    ours, baseline = report["systems"]["extractive"], report["systems"]["first_clause"]
    assert ours["rougeL"] > baseline["rougeL"], report
    assert ours["within_limit"] == 1.0, report
    assert ours["not_headline"] == 0, report
    if source == "pd2019":
        # 1.762x measured (half 0 in-sample: the ranker is fitted on it; half 1 held out; each
        # change's figure is in its commit message). ROUGE-L rewards a fragment's shared
        # characters: when titles stopped being cut inside a phrase (1.804x then), it fell while
        # the bad titles an editor counted in 80 graded ones fell from 42 to 18, and learned word
        # deletions that reached 1.97x were mostly word salad. The floor guards against a slide.
        # The first clause is read after the dateline; since a joint dispatch's credits come off
        # with it (……记者报道：), 9 baselines are news instead of credits: 0.1048 -> 0.1053, with
        # the titles the same (0.1847 -> 0.1846): 1.753x. A coverb's phrase that runs to the
        # end of a title (……以超过三成的增幅) fails the headline checks: fragments that shared
        # the headline's words gave way to clauses or none (8 of 9 changed titles better, none
        # worse): 1.753x -> 1.749x.
        assert ours["rougeL"] >= 1.745 * baseline["rougeL"], report
        # The ratio moves with the baseline (0.003 of margin): the titles' own score has a floor
        # too, so that a stronger first clause does not force the ratio lower again (0.1846).
        assert ours["rougeL"] >= 0.184, report
    else:
        # sogou is in-sample: the ranker is fitted on all of its items (1.343x measured, 1.311x
        # before the pairwise fit); the floor guards the fit, not how it does on unseen news.
        # pd1998 is held out: the articles outside topics/pd1998-dev, which the ranker is fitted
        # on (1.566x measured, 1.545x before the pairwise fit).
        floor = 1.33 if source == "sogou" else 1.55
        assert ours["rougeL"] >= floor * baseline["rougeL"], report


def restating_summaries(articles: list) -> list[str]:
    """The ids of ``articles`` whose summary says little beyond the headline (the ranking's own
    test, :func:`briefing.summarize.ranking.restates`)."""
    from briefing.summarize.ranking import grams, restates
    from briefing.text import fold_width

    return [
        a.id
        for a in articles
        if a.summary and a.summary.text and restates(fold_width(a.summary.text), grams(a.headline))
    ]


@pytest.mark.slow  # the seed issue and the pd2019 and pd1998 dev sets: about a minute
def test_summaries_say_more_than_their_headlines(corpus):
    """Naming the headline's subject is credit only for a sentence that says more than the
    headline: over the seed issues and the two dev sets, summaries that restate their headline
    stay rare. 16 of 2,160 measured: a long headline that is the lead itself (a formal
    announcement, an appointment notice), where the lead is the summary an editor would keep."""
    from briefing.evaluate.summaries import item_article
    from briefing.pipeline import Pipeline
    from briefing.summarize import summarize

    items = read_items(corpus / "pd2019" / "articles-dev.jsonl") + [
        i for i in pd1998_items(corpus, headlines_as_title=False) if i.get("title")
    ]
    articles = summarize([item_article(i) for i in items], max_chars=90)
    for issue in sorted((corpus / "seed").glob("*.txt")):
        articles += Pipeline().run_with_articles(issue)[1]
    assert len(articles) > 2000
    restated = restating_summaries(articles)
    assert len(restated) <= 0.01 * len(articles), restated
