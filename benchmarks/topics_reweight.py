"""Would per-term weights learned from labelled data help the keyword classifier? (issue 17)

    python benchmarks/topics_reweight.py [CORPUS] [--min-gain 1]

Learns a multiplier (0, 0.5, 1 or 2) for each listed term by greedy coordinate ascent on a
training pool: a term's multiplier changes only where that gains at least ``--min-gain`` items of
the pool. Then scores every topic set (accuracy, alternates accepted: all / half 0 / half 1, the
halves of ``briefing eval topics --half``). Two pools, each scored on what it leaves out:

- ``mapped``: the sets whose source categories were mapped onto the taxonomy (THUCNews, TNEWS,
  NLPCC), less the items an editor also labelled; held out: the editor-labelled sets.
- ``half0``: half 0 of the editor-labelled sets; held out: their half 1 and the mapped sets.

Nothing learned here ships: the sources may not be published (corpus README), and the default
classifier ships no weights trained on them. The multipliers scale each term's contributions as
:meth:`KeywordClassifier.scores` reports them (a setting's bonus rides on the term that showed
it); items with no listed term keep their noun-vote or fallback label. CORPUS defaults to
``../shared/corpus``. Prints a table; the terms changed go to stderr.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from briefing.evaluate.topics import half_of  # noqa: E402
from briefing.topics.keywords import KeywordClassifier  # noqa: E402
from briefing.topics.labelled import read_labelled  # noqa: E402

EDITOR = ("pd1998-dev", "pd2019-dev", "cnews-taxo-dev", "tnews-taxo-dev")
MAPPED = ("cnews-dev", "tnews-dev", "nlpcc-headlines-dev")
MULTIPLIERS = (0.0, 0.5, 1.0, 2.0)


@dataclass
class Scored:
    """One labelled item as the classifier scored it: each term's contribution to each label."""

    source: str
    half: int
    item_id: str
    accepted: frozenset[int]  # label indexes counted right
    contributions: dict[str, dict[int, float]]  # term -> label index -> contribution
    fixed: bool | None  # right or wrong whatever the weights (no listed term), else None

    def right(self, multipliers: dict[str, float], labels: int) -> bool:
        if self.fixed is not None:
            return self.fixed
        totals = [0.0] * labels
        strongest = [0.0] * labels  # a tie goes to the label with the strongest single term
        for term, per_label in self.contributions.items():
            m = multipliers.get(term, 1.0)
            for index, value in per_label.items():
                totals[index] += m * value
                strongest[index] = max(strongest[index], m * value)
        best = max(range(labels), key=lambda i: (totals[i], strongest[i], -i))
        return best in self.accepted


def score_all(corpus: Path, classifier: KeywordClassifier) -> list[Scored]:
    names = classifier.taxonomy.names
    items: list[Scored] = []
    for source in EDITOR + MAPPED:
        labelled = read_labelled(corpus / "topics" / f"{source}.jsonl")
        halves = {item.id: half for half in (0, 1) for item in half_of(labelled, half)}
        for item in labelled:
            totals, contributions = classifier.scores(item.article)
            accepted = frozenset(names.index(x) for x in (item.topic, *item.alternates))
            per_term: dict[str, dict[int, float]] = defaultdict(dict)
            for index, terms in contributions.items():
                for term, value in terms.items():
                    per_term[term][index] = value
            fixed = None
            if not any(totals):
                fixed = names.index(classifier.classify_one(item.article).label) in accepted
            items.append(Scored(source, halves[item.id], item.id, accepted, dict(per_term), fixed))
    return items


def learn(pool: list[Scored], labels: int, min_gain: int) -> dict[str, float]:
    """Greedy coordinate ascent: the most frequent terms first, two passes."""
    by_term: dict[str, list[Scored]] = defaultdict(list)
    for item in pool:
        for term in item.contributions:
            by_term[term].append(item)
    multipliers: dict[str, float] = {}
    for _ in range(2):
        for term in sorted(by_term, key=lambda t: (-len(by_term[t]), t)):
            touched = by_term[term]
            current = multipliers.get(term, 1.0)
            best_count = sum(item.right(multipliers, labels) for item in touched)
            best = current
            for m in MULTIPLIERS:
                if m == current:
                    continue
                trial = {**multipliers, term: m}
                count = sum(item.right(trial, labels) for item in touched)
                if count >= best_count + min_gain:
                    best_count, best = count, m
            multipliers[term] = best
    return {t: m for t, m in multipliers.items() if m != 1.0}


def row(items: list[Scored], multipliers: dict[str, float], labels: int) -> str:
    cells = []
    for source in EDITOR + MAPPED:
        right = [(i.half, i.right(multipliers, labels)) for i in items if i.source == source]
        halves = [sum(ok for h, ok in right if h == half) for half in (0, 1)]
        n = [sum(1 for h, _ in right if h == half) for half in (0, 1)]
        cells.append(
            f"{sum(halves) / len(right):.3f} / {halves[0] / n[0]:.3f} / {halves[1] / n[1]:.3f}"
        )
    return " | ".join(cells)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--min-gain", type=int, default=1)
    args = parser.parse_args()
    classifier = KeywordClassifier()
    labels = len(classifier.taxonomy.names)
    items = score_all(Path(args.corpus), classifier)
    editor_ids = {i.item_id for i in items if i.source in EDITOR}
    pools = {
        "mapped": [i for i in items if i.source in MAPPED and i.item_id not in editor_ids],
        "half0": [i for i in items if i.source in EDITOR and i.half == 0],
    }
    print("pool | " + " | ".join(EDITOR + MAPPED) + "  (all / half 0 / half 1)")
    print("none (shipped weights) | " + row(items, {}, labels))
    for name, pool in pools.items():
        multipliers = learn(pool, labels, args.min_gain)
        print(f"{name} ({len(multipliers)} terms changed) | " + row(items, multipliers, labels))
        changed = ", ".join(f"{t}x{m:g}" for t, m in sorted(multipliers.items()))
        print(f"{name}: {changed}", file=sys.stderr)


if __name__ == "__main__":
    main()
