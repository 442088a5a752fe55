"""Benchmark: what the headline checks reject that they should not, and pass that they should not.

    python benchmarks/headline_checks.py [--corpus ../shared/corpus] [--per-article 3]
        [--seed 0] [--extra cuts.jsonl] [--passing passing.jsonl]

False rejects: the printed headlines that fail ``headline_problems``, of People's Daily 2019
(articles-dev, later copies skipped), People's Daily 1998 (articles-dev, the headline paragraph of
each item with a body, as bench_titles reads it) and Sohu news (titles/sogoucs-dev); column tags and picture notes removed,
each headline once, only those of 5 to 20 characters that are one clause (no comma, colon,
semicolon, dash or space inside).

False accepts: headlines broken on purpose, with no label: each article's lead sentence (dateline
removed, its commas and stops dropped) cut to 8 to 20 characters by deleting whole segmenter words,
seeded by the sentence, ``--per-article`` times each way: ``words`` deletes words at random,
``runs`` keeps one or two runs of words, as a compressor does. Some of these are real headlines (a setting or an adverb
gone), so the share that passes is a ceiling on false accepts: read a sample of ``--passing`` to
sort them. ``--extra`` adds titles from a JSONL file (``{"source", "title"}``, e.g. a compression
model's cuts), scored the same way.

Per kind of problem: how many printed headlines and broken ones it rejects, and how many it
rejects alone (no other check does): the printed headlines a check alone rejects are its false
rejects.
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import re
import warnings
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench_titles import DEFAULT_CORPUS, _jsonl, pd1998_items
from held_out import without_held_out

from briefing.evaluate.summaries import item_article, read_items, reference_title
from briefing.summarize.headlines import MAX_TITLE_CHARS, MIN_HEADLINE_CHARS, headline_problems
from briefing.summarize.sentences import split_dateline, split_sentences
from briefing.text import fold_width, tagged

# Inside a headline these join two clauses (or a title and its subtitle): not one clause.
_CLAUSE_BREAK = re.compile(r"[，,：:；;—\s　]")
# Dropped from a broken headline, as a compressor drops them: a comma or a stop is no test.
_STOPS = frozenset("，,、；;：:。！？!?…—- 　")
MIN_BROKEN, MAX_BROKEN = 8, MAX_TITLE_CHARS


def articles(corpus: Path) -> dict[str, list[dict[str, Any]]]:
    """Per source, items ``{"id", "title", "text"}``: the printed headline and the body; the
    held-out pages' items left out."""
    return {
        "pd2019": without_held_out(read_items(corpus / "pd2019" / "articles-dev.jsonl")),
        "pd1998": without_held_out(pd1998_items(corpus)),
        "sogoucs": _jsonl(corpus / "titles" / "sogoucs-dev.jsonl"),
    }


def printed_headlines(items: list[dict[str, Any]]) -> list[str]:
    """The one-clause headlines of 5 to 20 characters, column tag removed, each once."""
    found = dict.fromkeys(fold_width(reference_title(item)).strip() for item in items)
    return [
        h
        for h in found
        if MIN_HEADLINE_CHARS <= len(h) <= MAX_TITLE_CHARS and not _CLAUSE_BREAK.search(h[:-1])
    ]


def lead_sentence(item: dict[str, Any]) -> str:
    article = item_article(item, with_title=False)
    paragraph = split_dateline(article.body[0])[1] if article.body else ""
    lead = split_sentences(paragraph, limit=1)
    return lead[0].text if lead else ""


def _deleted_words(words: list[str], rng: random.Random) -> str:
    target = rng.randint(MIN_BROKEN, MAX_BROKEN)
    kept = list(range(len(words)))
    while sum(len(words[i]) for i in kept) > target and len(kept) > 1:
        kept.pop(rng.randrange(len(kept)))
    return "".join(words[i] for i in kept)


def _kept_runs(words: list[str], rng: random.Random) -> str:
    target = rng.randint(MIN_BROKEN, MAX_BROKEN)
    runs = rng.choice((1, 2))
    ends = sorted(rng.sample(range(len(words) + 1), k=min(2 * runs, len(words) + 1)))
    pieces = []
    for start, end in zip(ends[::2], ends[1::2], strict=False):
        pieces.append("".join(words[start:end]))
    text = "".join(pieces)
    return text if len(text) <= target else ""


def broken_headlines(sentence: str, rng: random.Random, per_article: int) -> Iterator[tuple]:
    """(kind, title) of ``sentence`` cut to 8 to 20 characters, ``per_article`` of each kind."""
    words = [w for w, _ in tagged(sentence) if w not in _STOPS]
    if sum(map(len, words)) <= MAX_BROKEN:
        return
    for kind, cut in (("words", _deleted_words), ("runs", _kept_runs)):
        made: set[str] = set()
        for _ in range(per_article * 20):
            if len(made) == per_article:
                break
            title = cut(words, rng)
            if MIN_BROKEN <= len(title) <= MAX_BROKEN and title not in made:
                made.add(title)
                yield kind, title


def problem_kind(problem: str) -> str:
    """A problem's check: its message without the words it quotes (ends on 表示, … -> ends on, …)."""
    kind = re.sub(r"'[^']*'|\([^)]*\)|[^\x00-\x7f]+|\d+", " ", problem)
    return re.sub(r"\s+", " ", kind).strip(" ,")


@dataclass
class Judged:
    """Each set's titles with their problems, and which checks rejected them (alone: no other)."""

    sets: dict[str, list[tuple[str, list[str]]]] = field(default_factory=dict)
    anywhere: Counter[tuple[str, str]] = field(default_factory=Counter)
    alone: Counter[tuple[str, str]] = field(default_factory=Counter)
    rejected: list[dict[str, Any]] = field(default_factory=list)
    passing: list[dict[str, Any]] = field(default_factory=list)

    def judge(self, group: str, title: str, printed: bool, **record: Any) -> None:
        problems = headline_problems(title)
        self.sets.setdefault(group, []).append((title, problems))
        side = "printed" if printed else "broken"
        kinds = {problem_kind(p) for p in problems}
        for kind in kinds:
            self.anywhere[side, kind] += 1
        if len(kinds) == 1:
            self.alone[side, kinds.pop()] += 1
        if printed and problems:
            self.rejected.append({"source": group, "title": title, "problems": problems})
        if not printed and not problems:
            self.passing.append({"source": group, "title": title} | record)

    def rejected_share(self, group: str) -> float:
        results = self.sets[group]
        return sum(1 for _, problems in results if problems) / len(results)


def judge_corpus(corpus: Path, *, per_article: int = 3, seed: int = 0) -> Judged:
    """The printed headlines ("printed SOURCE") and the broken ones ("broken SOURCE KIND")."""
    judged = Judged()
    for name, items in articles(corpus).items():
        for headline in printed_headlines(items):
            judged.judge(f"printed {name}", headline, True)
        for item in items:
            sentence = lead_sentence(item)
            # Seeded by the sentence, not drawn in turn: leaving items out (the held-out pages)
            # leaves the cuts of every other lead as they were.
            rng = random.Random(f"{seed}:{sentence}")
            for kind, title in broken_headlines(sentence, rng, per_article):
                judged.judge(f"broken {name} {kind}", title, False, sentence=sentence)
    return judged


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--per-article", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--extra", type=Path, help="more titles to judge (JSONL: source, title)")
    parser.add_argument("--passing", type=Path, help="write the broken titles that pass here")
    parser.add_argument("--rejected", type=Path, help="write the printed headlines rejected here")
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    warnings.filterwarnings("ignore")
    judged = judge_corpus(args.corpus, per_article=args.per_article, seed=args.seed)
    for record in _jsonl(args.extra) if args.extra else []:
        extra = {k: v for k, v in record.items() if k not in ("source", "title")}
        judged.judge(f"extra {record['source']}", record["title"], False, **extra)

    print(f"{'set':<28}{'titles':>7}{'rejected':>10}{'passing':>9}")
    for group, results in judged.sets.items():
        share = judged.rejected_share(group)
        print(f"{group:<28}{len(results):>7}{share:>10.3f}{1 - share:>9.3f}")
    anywhere, alone = judged.anywhere, judged.alone
    print(f"\n{'check':<60}{'printed':>8}{'alone':>7}{'broken':>8}{'alone':>7}")
    for kind in sorted({k for _, k in anywhere}, key=lambda k: (-anywhere["broken", k], k)):
        print(
            f"{kind[:59]:<60}{anywhere['printed', kind]:>8}{alone['printed', kind]:>7}"
            f"{anywhere['broken', kind]:>8}{alone['broken', kind]:>7}"
        )
    for path, rows in ((args.passing, judged.passing), (args.rejected, judged.rejected)):
        if path:
            path.write_text(
                "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), "utf-8"
            )


if __name__ == "__main__":
    main()
