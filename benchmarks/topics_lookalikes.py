"""Which listed topic terms hide inside longer words? Found without labels (issue 17).

    python benchmarks/topics_lookalikes.py [CORPUS] [--min-matches 2] [--min-share 0.8]

Chinese terms match as substrings, leftmost-longest, so a term is also found inside a longer
word that means something else: 引力 in 吸引力, 热火 in 热火朝天, 上单 in 以上单位. This walks the
classifier's terms (``topic_terms.toml`` and the settings' terms, without the look-alikes) over the
unlabelled news text that ``topics_generic_terms.py`` reads (People's Daily 1998 and 2019, Sohu
items; no label of any set is read) and, for each match, asks whether the segmenter (rjieba)
cuts the text at both of its ends. A term whose matches mostly straddle a cut is printed, with
its labels, how many of its matches straddle, and the segmenter's words that cover it most often
(the look-alike candidates). The shipped list (``briefing/data/topic_lookalikes.txt``) holds the
covering words that, read by hand, do not mean what the term's label is about; a covering word
that does (中国科学院 for 科学院) stays out. CORPUS defaults to ``../shared/corpus``.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from briefing.text import words  # noqa: E402
from briefing.topics.keywords import KeywordClassifier  # noqa: E402
from briefing.topics.terms import TermMatcher, lookalikes, normalize  # noqa: E402

sys.path.insert(0, str(ROOT / "benchmarks"))
from topics_generic_terms import unlabelled_articles  # noqa: E402


def straddlers(
    corpus: Path, classifier: KeywordClassifier, *, min_matches: int, min_share: float
) -> list[tuple[str, int, int, list[tuple[str, int]]]]:
    """(term, matches, straddling matches, covering words by count) for each straddling term."""
    matcher = TermMatcher(set(classifier.weights) - lookalikes())
    total: Counter[str] = Counter()
    straddling: Counter[str] = Counter()
    covers: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for article in unlabelled_articles(corpus):
        for paragraph in [article.title or "", *article.body]:
            text = normalize(paragraph)
            cuts = [0]
            for word in words(text):
                cuts.append(cuts[-1] + len(word))
            at = set(cuts)
            for start, end in matcher.spans(text):
                if end - start < 2:  # a single character straddles nothing
                    continue
                term = text[start:end]
                total[term] += 1
                if start not in at or end not in at:
                    straddling[term] += 1
                    left = max(c for c in cuts if c <= start)
                    right = min((c for c in cuts if c >= end), default=len(text))
                    covers[term][text[left:right]] += 1
    rows = [
        (term, total[term], straddling[term], covers[term].most_common(4))
        for term in total
        if total[term] >= min_matches and straddling[term] / total[term] >= min_share
    ]
    return sorted(rows, key=lambda row: -row[2])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--min-matches", type=int, default=2)
    parser.add_argument("--min-share", type=float, default=0.8)
    args = parser.parse_args()
    classifier = KeywordClassifier()
    names = classifier.taxonomy.names
    for term, n, straddled, cover in straddlers(
        args.corpus, classifier, min_matches=args.min_matches, min_share=args.min_share
    ):
        labels = ",".join(names[index] for index, _ in classifier.weights[term])
        print(f"{term}\t{labels}\t{straddled}/{n}\t" + " ".join(f"{w}:{c}" for w, c in cover))


if __name__ == "__main__":
    main()
