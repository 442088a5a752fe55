"""The keywords of the day on every dev page of the corpus (pd2019 pages-dev and crawl-dev,
pd1998 pages-dev; each page is one issue; the held-out pages left out), counted by what is wrong
with them:

- cut: a keyword that, wherever the issue has it, sits inside the same longer run of Chinese
  characters (the same character before it each time, or the same after it, that is no function
  character), and is found there at least twice: a piece of a longer name or word (数据中心 where
  the issue always says 乡镇融数据中心).
- generic: a keyword that ``generic_compound`` calls a compound of ordinary words (主管部门,
  建立健全, 主体地位): the rule's own definition, imported, so this counts how many such
  compounds still make the day's keywords, not whether the definition is right (read them).
- one article: an issue of three articles or more where one article uses five of its eight
  keywords most (its long text decided the day).
- pieces: a keyword inside a longer segmenter token or a dotted name at 80% of its
  occurrences or more (周海 where the text says 周海燕 and the segmenter reads it whole).
- problems: what ``keyword_problems`` finds (function words, pieces of numbers or names,
  guesses of the segmenter met once).

    python benchmarks/bench_keywords.py [--cache /tmp/kw.pkl] [--show PAGE ...] [--dump OUT.json]
        [--rounds 3]

The split and classified articles of each page can be kept in ``--cache`` (a pickle outside
the project) so that later runs time and count the keywords stage alone. The CPU seconds of
the keywords stage over all pages are printed (the best of ``--rounds`` warm rounds; compare
two trees in the same run: ``PYTHONPATH=OTHER_TREE python benchmarks/bench_keywords.py``).
"""

from __future__ import annotations

import argparse
import json
import logging
import pickle
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # held_out, when run by path

from held_out import held_out  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
SOURCES = ("pd2019/pages-dev", "pd2019/crawl-dev", "pd1998/pages-dev")
_FUNCTION_CHARS = frozenset(
    "的地得了着过和与及或在是为对从把被将向于以也都就又还而并等之其这那我你他她它们、"
)


def _held_out(name: str) -> bool:
    """Whether the page ``name`` (a file's stem, or source/stem) is a held-out page."""
    return held_out(name.rsplit("/", 1)[-1])


def load_issues(cache: Path | None) -> dict[str, tuple[list, list[float], str | None]]:
    """Each page's kept articles, their importance and the paper's name, by page name."""
    if cache and cache.is_file():  # a cache written before the held-out pages were left out too
        kept = pickle.loads(cache.read_bytes()).items()
        return {name: issue for name, issue in kept if not _held_out(name)}
    from briefing.assemble.briefing import importance
    from briefing.pipeline import Pipeline
    from briefing.topics import classify

    pipeline = Pipeline()
    issues = {}
    for source in SOURCES:
        for page in sorted((CORPUS / source).glob("*.txt")):
            if _held_out(page.stem):
                continue
            issue, articles = pipeline.load(page)
            kept = [a for a in articles if a.text.strip() or a.headline]
            if not kept:
                continue
            classify(kept, classifier=pipeline.classifier, labels=pipeline.labels)
            values = importance(kept, taxonomy=pipeline.labels)
            issues[f"{source}/{page.stem}"] = (kept, values, issue.paper)
    if cache:
        cache.write_bytes(pickle.dumps(issues))
    return issues


def issue_text(articles: list) -> list[str]:
    from briefing.text import fold_width

    return [fold_width(a.headline + "\n" + a.text) for a in articles]


def is_cut(keyword: str, text: str) -> bool:
    """Whether every occurrence of ``keyword`` in ``text`` (two at least) has the same Chinese
    character, no function character, before it or after it."""
    from briefing.assemble.day_keywords import _CJK
    from briefing.text import occurrences

    starts = list(occurrences(keyword, text))
    if len(starts) < 2:
        return False
    before = {text[s - 1] if s > 0 else "" for s in starts}
    after = {text[s + len(keyword)] if s + len(keyword) < len(text) else "" for s in starts}
    return any(
        len(side) == 1 and _CJK.fullmatch(c := next(iter(side)) or " ") and c not in _FUNCTION_CHARS
        for side in (before, after)
    )


_WINDOW = 20


def is_piece(keyword: str, text: str) -> bool:
    """Whether ``keyword`` sits inside a longer word at SAME_SHARE of its occurrences or more:
    inside one segmenter token of the text around it (with a person's name rejoined) or inside a
    transliterated name joined by a dot (X·Y). Independent of how the keywords are chosen."""
    from briefing.assemble.day_keywords import _NAME_DOTS, SAME_SHARE, _words
    from briefing.text import occurrences

    starts = list(occurrences(keyword, text))
    if not starts:
        return False
    inside = 0
    for start in starts:
        left = max(0, start - _WINDOW)
        window = text[left : start + len(keyword) + _WINDOW]
        spans, at = [], left
        for word, _ in _words(window):
            # Found, not added up: a title's 《》 are no part of its word.
            found = window.find(word, at - left)
            at = left + (found if found >= 0 else at - left)
            spans.append([at, at + len(word)])
            at += len(word)
        for i in range(len(spans) - 2, 0, -1):  # X · Y: one name
            dot = text[spans[i][0] : spans[i][1]]
            if len(dot) == 1 and dot in _NAME_DOTS:
                spans[i - 1 : i + 2] = [[spans[i - 1][0], spans[i + 1][1]]]
        end = start + len(keyword)
        if any(a <= start and end <= b and b - a > len(keyword) for a, b in spans):
            inside += 1
    return inside >= SAME_SHARE * len(starts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache", type=Path, default=None)
    parser.add_argument("--show", nargs="*", default=[], help="page names to print keywords of")
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds (the best counts)")
    parser.add_argument("--dump", type=Path, default=None, help="write every issue's keywords")
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    if not CORPUS.is_dir():
        print(f"skipping: {CORPUS} is absent", file=sys.stderr)
        return
    from briefing.assemble.day_keywords import generic_compound, issue_keywords, keyword_problems

    issues = load_issues(args.cache)
    first = next(iter(issues.values()))
    issue_keywords(first[0], paper=first[2], importance=first[1])  # warm-up: dictionaries
    times = []
    for _ in range(args.rounds):
        start = time.process_time()
        chosen = {
            name: issue_keywords(articles, paper=paper, importance=values)
            for name, (articles, values, paper) in issues.items()
        }
        times.append(time.process_time() - start)
    print(
        f"keywords stage: {min(times):.2f} s CPU for {len(chosen)} issues (best of {args.rounds})"
    )
    for source in SOURCES:
        names = [n for n in chosen if n.startswith(source + "/")]
        total = cut = generic = problems = one_article = pieces = 0
        for name in names:
            texts = issue_text(issues[name][0])
            text = "\n".join(texts)
            keywords = chosen[name]
            total += len(keywords)
            cut += sum(is_cut(k, text) for k in keywords)
            pieces += sum(is_piece(k, text) for k in keywords)
            generic += sum(generic_compound(k) is not None for k in keywords)
            headlines = [a.headline for a in issues[name][0]]
            problems += sum(bool(keyword_problems(k, text, headlines)) for k in keywords)
            # Where each keyword is used most: one article home to five of eight is too many.
            homes = Counter(
                max(range(len(texts)), key=lambda i: texts[i].count(k)) for k in keywords
            )
            if len(texts) >= 3 and homes and max(homes.values()) * 8 >= 5 * len(keywords):
                one_article += 1
        print(
            f"{source:<18} {len(names):>3} issues {total:>5} keywords: cut {cut}, pieces {pieces}, "
            f"generic {generic}, problems {problems}, "
            f"issues with 5/8 from one article {one_article}"
        )
    for name in args.show:
        for key in chosen:
            if key.endswith(name):
                print(key, " ".join(chosen[key]))
    if args.dump:
        args.dump.write_text(json.dumps(chosen, ensure_ascii=False, indent=0))


if __name__ == "__main__":
    main()
