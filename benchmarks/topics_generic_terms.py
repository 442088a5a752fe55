"""Which listed topic terms are generic words? Found without labels (issue 17).

    python benchmarks/topics_generic_terms.py [CORPUS] [--write]

A term listed as a medium or strong cue for a label should mostly turn up in stories of that
label. This runs the keyword classifier, with the term lists as written (no term counting half),
over unlabelled news text: the People's Daily articles of 1998 and 2019 (``pd1998`` and
``pd2019`` ``articles-dev.jsonl``, duplicates and the pages of ``held_out.py`` skipped) and the
Sohu items of ``titles/``. No label of any set is read. For each term it counts the stories it
appears in and how many of them the classifier gives one of the term's own labels. A term is
generic when

- it appears in at least ``--min-stories`` stories (20),
- fewer than ``--max-share`` of them (0.10) go to its labels,
- it is listed medium or stronger, is two characters or more, and
- the segmenter tags it, on its own, as a verb, adjective or adverb (tags v*, a*, d*): the
  words that say what happens or how (发现, 检查, 保护, 紧急), not the nouns that name things.

Such a word names its label only in some senses (发现 is a scientific discovery in 科学家发现,
not in 没有被发现), so in the shipped classifier it counts half
(``briefing/data/generic_terms.txt``, ``terms.GENERIC_FACTOR``). ``--write`` rewrites that file
with the words found; without it they are printed, with their counts. CORPUS defaults to
``../shared/corpus``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from held_out import held_out  # noqa: E402

from briefing import data  # noqa: E402
from briefing.records import Article  # noqa: E402
from briefing.text import tagged  # noqa: E402
from briefing.topics.keywords import KeywordClassifier  # noqa: E402
from briefing.topics.terms import TIER_WEIGHTS, listed_terms  # noqa: E402

GENERIC_TAGS = ("v", "a", "d")
HEADER = """\
# Generic words among the keyword classifier's listed terms: each counts half its listed weight
# (terms.GENERIC_FACTOR). A word is here when, in unlabelled news text (People's Daily 1998 and
# 2019, Sohu items), fewer than 10% of the 20 or more stories it appears in go to its own labels,
# and the segmenter tags it as a verb, adjective or adverb (as it may tag 服装 or 邻居), listed
# medium or stronger. Made without labels by
# benchmarks/topics_generic_terms.py --write; edit the term lists, then remake this file.
"""


def unlabelled_articles(corpus: Path) -> Iterator[Article]:
    """The unlabelled news stories: People's Daily 1998 and 2019 (less the held-out pages of
    benchmarks/held_out.py), Sohu items."""
    for name in ("pd1998", "pd2019"):
        path = corpus / name / "articles-dev.jsonl"
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if row.get("dup_of") or held_out(str(row["doc_id"])):
                continue
            paragraphs = row["paragraphs"]
            if "title" in row:  # 2019: the heads are fields of their own
                heads = (row.get("kicker"), row.get("title"), row.get("subtitle"))
                title = " ".join(h for h in heads if h)
                body = paragraphs
            elif len(paragraphs) > 1:  # 1998: the first paragraph is the headline
                title, body = paragraphs[0], paragraphs[1:]
            else:
                title, body = "", paragraphs
            yield Article(id=row["doc_id"], title=title or None, body=list(body))
    for line in (corpus / "titles" / "sogoucs-dev.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        yield Article(id=row["id"], title=row.get("title") or None, body=[row["text"]])


def generic_terms(
    corpus: Path, *, min_stories: int = 20, max_share: float = 0.10
) -> list[tuple[str, int, int]]:
    """(term, stories it appears in, stories that go to its labels) for each generic term."""
    classifier = KeywordClassifier(terms=listed_terms())
    stories: Counter[str] = Counter()
    own: Counter[str] = Counter()
    for article in unlabelled_articles(corpus):
        totals, contributions = classifier.scores(article)
        if not any(totals):
            continue
        winner = classifier.taxonomy.names.index(classifier.classify_one(article).label)
        for term in {t for per_label in contributions.values() for t in per_label}:
            stories[term] += 1
            own[term] += any(index == winner for index, _ in classifier.weights[term])
    found = []
    for term, count in stories.items():
        weight = max(w for _, w in classifier.weights[term])
        if (
            count < min_stories
            or own[term] / count >= max_share
            or len(term) < 2
            or weight < TIER_WEIGHTS["medium"]
        ):
            continue
        words = tagged(term)
        if len(words) == 1 and words[0][1].startswith(GENERIC_TAGS):
            found.append((term, count, own[term]))
    return sorted(found, key=lambda row: (row[2] / row[1], row[0]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--min-stories", type=int, default=20)
    parser.add_argument("--max-share", type=float, default=0.10)
    parser.add_argument("--write", action="store_true", help="rewrite data/generic_terms.txt")
    args = parser.parse_args()
    found = generic_terms(args.corpus, min_stories=args.min_stories, max_share=args.max_share)
    for term, count, own in found:
        print(f"{term}\t{count}\t{own}\t{own / count:.2f}", file=sys.stderr)
    words = sorted(term for term, _, _ in found)
    lines = [" ".join(words[i : i + 20]) for i in range(0, len(words), 20)]
    if args.write:
        (data.DIRECTORY / "generic_terms.txt").write_text(
            HEADER + "\n".join(lines) + "\n", encoding="utf-8"
        )
    else:
        print("\n".join(lines))


if __name__ == "__main__":
    main()
