"""Would words that keep company with one label's listed terms help? Found without labels (issue 17).

    python benchmarks/topics_cooccurrence_terms.py [CORPUS] [--headlines]
        [--min-stories 5] [--min-share 0.7] [--tags n]

Many items carry no listed term for their label: a headline names a film star, a car model or a
folk custom that the term lists do not hold. This reads unlabelled news text, lets the shipped
keyword classifier label each story it is sure of (probability at least 0.5), and counts, for
each word of the story's headline and opening (300 characters) that the segmenter tags with one
of ``--tags`` (n: nouns of every kind), the stories of each label it appears in. A word that is
not listed and holds no listed term of two characters or more, is not a background word, turns
up in at least ``--min-stories`` stories, and whose stories go to one label at least
``--min-share`` of the time (count / (stories + 1): one story of smoothing, so 5 of 5 is 0.83),
is kept with that label and that share. Then every topic set is scored (accuracy, alternates
accepted: all / half 0 / half 1, the halves of ``briefing eval topics --half``) by the shipped
classifier and by one that also counts each kept word as a weak term for its label, weighted by
its share, so the word would show as evidence like any listed term.

No label of any labelled set is read to find the words. The stories: the People's Daily
articles of 1998 and 2019 (``pd1998``/``pd2019`` ``articles-dev.jsonl``, duplicates skipped)
and the Sohu items of ``titles/``; with ``--headlines`` also the texts of
``topics/tnews-dev.jsonl`` and ``topics/nlpcc-headlines-dev.jsonl`` (their source labels
unread). The items of the editor-labelled sets are left out of the stories, so those sets
measure the words as held-out items would. Nothing here ships: with this much unlabelled text
(about 2,100 stories, 2,600 more with the headlines) the words found are few (90 to 950) and
mostly People's Daily vocabulary, and no setting tried gained on every set without a loss on a
mapped one (session 7's note on issue 17 has the table). The words go to stderr.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from briefing.assemble.day_keywords import background_words  # noqa: E402
from briefing.records import Article  # noqa: E402
from briefing.text import tagged  # noqa: E402
from briefing.evaluate.topics import evaluate, half_of  # noqa: E402
from briefing.topics.keywords import LEAD_CHARS, KeywordClassifier  # noqa: E402
from briefing.topics.labelled import read_labelled  # noqa: E402
from briefing.topics.terms import TIER_WEIGHTS, default_terms, normalize  # noqa: E402
from topics_generic_terms import unlabelled_articles  # noqa: E402
from topics_reweight import EDITOR, MAPPED  # noqa: E402

HEADLINE_SETS = ("tnews-dev", "nlpcc-headlines-dev")  # of MAPPED: headlines, no label read
MIN_CONFIDENCE = 0.5  # the classifier's probability for a story to count as of its label


def editor_ids(corpus: Path) -> set[str]:
    ids: set[str] = set()
    for name in EDITOR:
        path = corpus / "topics" / f"{name}.jsonl"
        if path.exists():
            ids.update(json.loads(line)["id"] for line in path.read_text("utf-8").splitlines())
    return ids


def stories(corpus: Path, *, headlines: bool) -> Iterator[Article]:
    held_out = editor_ids(corpus)
    for article in unlabelled_articles(corpus):
        if article.id not in held_out:
            yield article
    if headlines:
        for name in HEADLINE_SETS:
            for line in (corpus / "topics" / f"{name}.jsonl").read_text("utf-8").splitlines():
                row = json.loads(line)
                if row["id"] not in held_out:
                    yield Article(id=row["id"], body=[row["text"]])


def cooccurrence_terms(
    corpus: Path,
    *,
    headlines: bool,
    min_stories: int = 5,
    min_share: float = 0.7,
    tags: tuple[str, ...] = ("n",),
) -> list[tuple[str, str, float, int]]:
    """(word, label, share, stories) for each word found (see the module docstring)."""
    classifier = KeywordClassifier(terms=default_terms())
    background = background_words()
    per_label: dict[str, Counter[str]] = defaultdict(Counter)
    for article in stories(corpus, headlines=headlines):
        totals, contributions = classifier.scores(article)
        if not any(totals):
            continue
        topic = classifier.decide(article, totals, contributions)
        if topic.score < MIN_CONFIDENCE:
            continue
        heads = " ".join(h for h in (article.kicker, article.title, article.subtitle) if h)
        text = normalize(f"{heads} {article.text[:LEAD_CHARS]}")
        for word in {w for w, tag in tagged(text) if tag.startswith(tags) and len(w) >= 2}:
            per_label[word][topic.label] += 1
    found = []
    for word, counts in per_label.items():
        total = sum(counts.values())
        if total < min_stories or word in background:
            continue
        if any(len(term) > 1 for term in classifier.matcher.find(word)):
            continue  # listed, or holds a listed word: the lists already speak for it
        label, count = counts.most_common(1)[0]
        share = count / (total + 1)  # one story of smoothing: 5 of 5 is 0.83, not 1
        if share >= min_share:
            found.append((word, label, round(share, 2), total))
    return sorted(found, key=lambda row: (row[1], -row[2], row[0]))


def accuracies(corpus: Path, classifier: KeywordClassifier) -> dict[str, list[float]]:
    """Per topic set, accuracy on all items, half 0 and half 1."""
    out = {}
    for name in (*EDITOR, *MAPPED):
        items = read_labelled(corpus / "topics" / f"{name}.jsonl")
        out[name] = [
            evaluate(part, classifier, name=name).accuracy
            for part in (items, half_of(items, 0), half_of(items, 1))
        ]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--headlines", action="store_true", help="also read headline sets")
    parser.add_argument("--min-stories", type=int, default=5)
    parser.add_argument("--min-share", type=float, default=0.7)
    parser.add_argument("--tags", default="n", help="comma-separated segmenter tag prefixes")
    args = parser.parse_args()
    found = cooccurrence_terms(
        args.corpus,
        headlines=args.headlines,
        min_stories=args.min_stories,
        min_share=args.min_share,
        tags=tuple(args.tags.split(",")),
    )
    for word, label, share, total in found:
        print(f"{word}\t{label}\t{share}\t{total}", file=sys.stderr)
    words = {word: {label: TIER_WEIGHTS["weak"] * share} for word, label, share, _ in found}
    before = accuracies(args.corpus, KeywordClassifier())
    after = accuracies(args.corpus, KeywordClassifier(terms={**words, **default_terms()}))
    print(f"{len(found)} words; accuracy all / half 0 / half 1, shipped -> with the words")
    for name, rows in before.items():
        cells = "  ".join(f"{b:.3f}->{a:.3f}" for b, a in zip(rows, after[name]))
        print(f"{name:<22} {cells}")


if __name__ == "__main__":
    main()
