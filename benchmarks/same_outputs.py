"""Check that a speed change leaves the outputs as they were: briefings, articles, summaries.

    python benchmarks/same_outputs.py dump AFTER.json
    PYTHONPATH=OLD_TREE python benchmarks/same_outputs.py dump BEFORE.json   # run outside the tree
    python benchmarks/same_outputs.py compare BEFORE.json AFTER.json

``dump`` builds every issue (the People's Daily 1998 dev pages less the held-out ones of
held_out.py when ../shared/corpus is present, and the project's samples) with one Pipeline and
writes, per issue, the JSON and Markdown briefings and every annotated article (topic, summary,
display title); then the summarize stage's output on articles of LCSTS length and over 1,000
characters (the sets bench_summaries.py times), less the items of the held-out pages. ``compare``
names the first items that differ and exits 1 if any do.
OLD_TREE is a checkout of the commit before the change (``git archive REV briefing | tar -x -C
OLD_TREE``); run the dump from outside this tree, so that ``python`` does not import it first.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
CORPUS = ROOT.parent / "shared" / "corpus"
DEV_PAGES = CORPUS / "pd1998" / "pages-dev"
sys.path.insert(0, str(Path(__file__).resolve().parent))  # held_out, when run by path

from held_out import page_files, without_held_out  # noqa: E402


def issues() -> list[Path]:
    pages = page_files(DEV_PAGES) if DEV_PAGES.is_dir() else []
    return [
        *pages,
        *sorted(SAMPLES.glob("*.txt")),
        SAMPLES / "old-style-1998",
        SAMPLES / "articles.jsonl",
    ]


def dump(path: Path) -> None:
    from briefing.evaluate.summaries import item_article
    from briefing.pipeline import Pipeline
    from briefing.render import render
    from briefing.summarize import summarize

    logging.disable(logging.WARNING)
    pipeline = Pipeline()
    out: dict[str, object] = {}
    for issue in issues():
        briefing, articles = pipeline.run_with_articles(issue)
        out[issue.name] = {
            "json": render(briefing, format="json"),
            "md": render(briefing, format="md"),
            "articles": [article.to_dict() for article in articles],
        }
    if CORPUS.is_dir():
        from bench_summaries import length_buckets

        for bucket, items in length_buckets(CORPUS, 400).items():
            articles = summarize([item_article(item) for item in without_held_out(items)])
            out[bucket] = [
                [a.summary.to_dict() if a.summary else None, a.display_title] for a in articles
            ]
    path.write_text(json.dumps(out, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
    print(f"{path}: {len(out)} items", file=sys.stderr)


def compare(before: Path, after: Path) -> int:
    old = json.loads(before.read_text(encoding="utf-8"))
    new = json.loads(after.read_text(encoding="utf-8"))
    differ = [key for key in sorted(old.keys() | new.keys()) if old.get(key) != new.get(key)]
    for key in differ[:10]:
        print(f"differs: {key}")
    print(f"{len(old)} items before, {len(new)} after, {len(differ)} differ")
    return 1 if differ else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("dump").add_argument("output", type=Path)
    check = commands.add_parser("compare")
    check.add_argument("before", type=Path)
    check.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.command == "dump":
        dump(args.output)
    else:
        sys.exit(compare(args.before, args.after))


if __name__ == "__main__":
    main()
