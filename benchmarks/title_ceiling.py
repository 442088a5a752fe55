"""What a compression of one sentence can reach: the printed headline's share in the sentences.

    python benchmarks/title_ceiling.py [--corpus ../shared/corpus]

For each source of bench_titles.py (headline withheld, column tag removed), the mean share of the
printed headline's characters found, in order, in the lead sentence, the first paragraph and the
top-ranked sentence (the longest common subsequence over the headline's length). Then ROUGE-L ÷
the first-clause baseline of: a deletion oracle for each (the common subsequence itself, at most
20 characters), the best candidate title that passes the headline checks (the oracle of any
ranker over today's candidates) and the title the titler picks.
"""

from __future__ import annotations

import argparse
import logging
import warnings
from pathlib import Path

from bench_titles import DEFAULT_CORPUS, sources

from briefing.evaluate.summaries import (
    first_clause_title,
    item_article,
    reference_title,
    rouge_l,
    tokens,
)
from briefing.summarize.headlines import MAX_TITLE_CHARS
from briefing.summarize.ranking import rank_sentences
from briefing.summarize.sentences import split_dateline, split_sentences
from briefing.summarize.titles import generate_title, title_candidates

SPANS = ("lead", "paragraph", "ranked")


def common_length(text: str, reference: str) -> int:
    """The longest common subsequence of the two texts' ROUGE tokens."""
    return round(rouge_l(text, reference).recall * len(tokens(reference)))


def deletion_oracle(text: str, reference: str, limit: int = MAX_TITLE_CHARS) -> float:
    """ROUGE-L F1 of the best deletion of ``text`` of at most ``limit`` characters: its common
    subsequence with the reference (cut to ``limit`` where longer)."""
    kept = min(common_length(text, reference), limit)
    return 2 * kept / (kept + len(tokens(reference))) if kept else 0.0


def spans(item: dict) -> dict[str, str]:
    article = item_article(item, with_title=False)
    paragraph = split_dateline(article.body[0])[1] if article.body else ""
    lead = split_sentences(paragraph, limit=1)
    ranked = rank_sentences(article)
    return {
        "lead": lead[0].text if lead else "",
        "paragraph": paragraph,
        "ranked": split_dateline(ranked[0].sentence.text)[1] if ranked else "",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    warnings.filterwarnings("ignore")
    header = "".join(f"{'share ' + s:>17}" for s in SPANS)
    header += "".join(f"{'oracle ' + s:>18}" for s in SPANS)
    print(f"{'source':<15}{'items':>6}{header}{'candidates':>12}{'picked':>8}  (oracles ÷ first)")
    for name, items in sources(args.corpus).items():
        items = [i for i in items if reference_title(i) and i["text"].strip()]
        shares = {s: 0.0 for s in SPANS}
        oracles = {s: 0.0 for s in SPANS}
        best = picked = baseline = 0.0
        for item in items:
            reference = reference_title(item)
            length = len(tokens(reference))
            for span, text in spans(item).items():
                shares[span] += common_length(text, reference) / length
                oracles[span] += deletion_oracle(text, reference)
            article = item_article(item, with_title=False)
            candidates = title_candidates(article)
            best += max((rouge_l(c.title, reference).f1 for c in candidates), default=0.0)
            picked += rouge_l(generate_title(article), reference).f1
            baseline += rouge_l(first_clause_title(article), reference).f1
        row = "".join(f"{shares[s] / len(items):>17.3f}" for s in SPANS)
        row += "".join(f"{oracles[s] / baseline:>18.3f}" for s in SPANS)
        print(f"{name:<15}{len(items):>6}{row}{best / baseline:>12.3f}{picked / baseline:>8.3f}")


if __name__ == "__main__":
    main()
