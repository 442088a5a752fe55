"""Display titles of articles that print a title: dump them, and compare two dumps.

    python benchmarks/display_titles.py dump AFTER.json
    PYTHONPATH=OLD_TREE python benchmarks/display_titles.py dump BEFORE.json  # outside the tree
    python benchmarks/display_titles.py compare BEFORE.json AFTER.json [--show 30]

``dump`` writes the display title the extractive titler gives each article of the shared corpus
that prints a title, the held-out pages of held_out.py left out: the articles the splitter finds
on every dev page (pd2019 pages-dev and crawl-dev, pd1998 pages-dev: the pipeline's own kicker,
title, subtitle and column), and the gold records of pd2019 and pd1998 articles-dev (kicker,
title and subtitle as printed; the title's closing column tag taken off as the splitter takes
it, conventions.COLUMN_TAG_RE). ``compare`` counts the titles that changed, the titles without
news before and after (:func:`slogan`, by the headline checks, not by the display titles' own
rule), the titles over 40 characters, and prints a random sample of the changes to read: the
editor's reading of that sample is the measure.
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import re
import sys
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
sys.path.insert(0, str(Path(__file__).resolve().parent))  # held_out, when run by path

from held_out import held_out, page_files  # noqa: E402

PAGE_SETS = ("pd2019/pages-dev", "pd2019/crawl-dev", "pd1998/pages-dev")


def slogan(title: str) -> bool:
    """A title without news: the headline checks (briefing.summarize.headlines.headline_problems,
    which the display titles do not use) find no action or no actor before it. Not the rule the
    display titles are folded by (printed_titles.states_news): a count by that rule would measure
    the rule with itself."""
    from briefing.summarize.headlines import NO_ACTOR, headline_problems

    problems = headline_problems(title, limit=10_000)
    return NO_ACTOR in problems or "no action (no verb)" in problems


def _records(path: Path) -> list[dict[str, Any]]:
    """The records of an articles file, less those of the held-out pages."""
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [record for record in records if not held_out(record["doc_id"])]


def _gold_articles() -> list[tuple[str, Any]]:
    from briefing.conventions import COLUMN_TAG_RE
    from briefing.records import Article

    out = []
    for record in _records(CORPUS / "pd2019" / "articles-dev.jsonl"):
        if record.get("dup_of"):
            continue
        title, column = record["title"].strip(), None
        tag = COLUMN_TAG_RE.match(title)
        if tag and not re.search("图片|照片|之[一二三四五六七八九十]|[上中下]$", tag["tag"]):
            title, column = tag["title"], tag["tag"]
        out.append(
            (
                "pd2019/" + record["doc_id"],
                Article(
                    id=record["doc_id"],
                    body=record["paragraphs"],
                    kicker=record["kicker"] or None,
                    title=title,
                    subtitle=record["subtitle"] or None,
                    column=column,
                ),
            )
        )
    for record in _records(CORPUS / "pd1998" / "articles-dev.jsonl"):
        paragraphs = record["paragraphs"]
        if len(paragraphs) < 2:
            continue  # a headline-less brief
        article = Article(id=record["doc_id"], body=paragraphs[1:], title=paragraphs[0])
        out.append(("pd1998/" + record["doc_id"], article))
    return out


def _page_articles() -> list[tuple[str, Any]]:
    from briefing.api import split_issue
    from briefing.read import read

    out = []
    for name in PAGE_SETS:
        for page in page_files(CORPUS / name):
            for i, article in enumerate(split_issue(read(page))):
                if article.title and article.title.strip():
                    out.append((f"{name}/{page.stem}#{i}", article))
    return out


def dump(path: Path) -> None:
    from briefing.summarize.titles import ExtractiveTitler

    logging.disable(logging.WARNING)
    titler = ExtractiveTitler()
    out = {}
    for key, article in _gold_articles() + _page_articles():
        (display, _), *_ = titler.title([article])
        heads = [article.kicker or "", article.title or "", article.subtitle or ""]
        out[key] = {"display": display, "printed": " | ".join(heads), "column": article.column}
    path.write_text(json.dumps(out, ensure_ascii=False, indent=0), encoding="utf-8")


def compare(before_path: Path, after_path: Path, show: int, seed: int) -> None:
    before = json.loads(before_path.read_text(encoding="utf-8"))
    after = json.loads(after_path.read_text(encoding="utf-8"))
    keys = sorted(set(before) & set(after))
    for group in ("pd2019/2", "pd1998/1", "pd2019/pages-dev", "pd2019/crawl-dev", "pd1998/pages"):
        mine = [k for k in keys if k.startswith(group)]
        changed = [k for k in mine if before[k]["display"] != after[k]["display"]]
        slogans = [sum(slogan(d[k]["display"]) for k in mine) for d in (before, after)]
        long = [sum(len(d[k]["display"]) > 40 for k in mine) for d in (before, after)]
        print(
            f"{group:18} titles {len(mine):5}  changed {len(changed):4}  "
            f"slogans {slogans[0]} -> {slogans[1]}  over 40 chars {long[0]} -> {long[1]}"
        )
    changed = [k for k in keys if before[k]["display"] != after[k]["display"]]
    random.Random(seed).shuffle(changed)
    for key in changed[:show]:
        print(f"\n{key}\n  printed: {after[key]['printed']}  [{after[key]['column']}]")
        print(f"  before:  {before[key]['display']}\n  after:   {after[key]['display']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    dumping = commands.add_parser("dump")
    dumping.add_argument("path", type=Path)
    comparing = commands.add_parser("compare")
    comparing.add_argument("before", type=Path)
    comparing.add_argument("after", type=Path)
    comparing.add_argument("--show", type=int, default=30)
    comparing.add_argument("--seed", type=int, default=10)
    args = parser.parse_args()
    if args.command == "dump":
        dump(args.path)
    else:
        compare(args.before, args.after, args.show, args.seed)


if __name__ == "__main__":
    main()
