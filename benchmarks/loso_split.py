"""Leave-one-source-out table for the splitter's line labeller: how a model reads pages of a
source (or of days) it was not trained on, beside the model trained on every source.

    python benchmarks/loso_split.py [CORPUS] [--iterations N] [--folds=all,-print,...]

CORPUS defaults to ``../shared/corpus``; the project's samples are always added. Folds:

- ``-crawl``, ``-print``, ``-pd1998pages``: one folder of real pages left out; the renderings of
  the articles files stay (the model still sees that paper's structure, not that rendering).
- ``-pd1998days``, ``-pd2019days``: the real pages of some days and the renderings of those days'
  articles left out (6–10 January 1998; October 2019), scored on those days' pages only.
- ``-pd2019``, ``-pd1998``: a whole paper left out, pages and articles (another era's structure).

``--cv K`` adds a K-fold cross-validation by day within each paper, the fair reference for the
leave-one-source-out scores: fold j leaves out every j-th day of each paper (its pages in every
folder and the renderings of its articles), and each page is scored once, by the model that did
not see its day; the ``cv`` entry pools the K folds per page folder. (The ``all`` fold scores
pages it was trained on: a fit, not a held-out figure.)

The pages of benchmarks/held_out.py are left out of every fold's training (their page files and
the renderings of their articles) and of every set scored.

Prints one JSON object: for each fold, start-F1 and headlines right on each set it is scored on;
the ``all`` fold is scored on every set. Training is the costly part (about a minute a fold on
one core at 150 iterations); progress goes to stderr.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import tempfile
import time
from pathlib import Path

from held_out import HELD_OUT_PAGES, linked

from briefing.evaluate.split import SplitScore, evaluate_split
from briefing.split.training import collect, train

ROOT = Path(__file__).resolve().parents[1]
DEV = ("pd1998/pages-dev", "pd2019/pages-dev", "pd2019/crawl-dev", "seed")
DAYS = {
    "pd1998days": (("pd1998/pages-dev",), tuple(f"199801{d:02d}" for d in range(6, 11))),
    "pd2019days": (("pd2019/pages-dev", "pd2019/crawl-dev"), ("201910",)),
}
# fold -> (sources left out by name, sets scored)
FOLDS = {
    "-crawl": (("crawl-dev",), ("pd2019/crawl-dev",)),
    "-print": (("pd2019/pages-dev",), ("pd2019/pages-dev",)),
    "-pd1998pages": (("pd1998/pages-dev",), ("pd1998/pages-dev",)),
    "-pd2019": (("pd2019",), ("pd2019/pages-dev", "pd2019/crawl-dev")),
    "-pd1998": (("pd1998",), ("pd1998/pages-dev",)),
}


def _days_folder(corpus: Path, scratch: Path, folder: str, days: tuple[str, ...]) -> Path:
    """A folder of links to the pages (and gold) of ``days`` in ``corpus/folder``, less the
    held-out pages."""
    return linked(corpus / folder, scratch / folder.replace("/", "_"), days=days)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--iterations", type=int, default=150)
    parser.add_argument("--renders", type=int, default=2)
    parser.add_argument("--cv", type=int, default=0, help="K folds by day within each paper")
    parser.add_argument(
        "--folds", default="all,-crawl,-print,-pd1998pages,-pd1998days,-pd2019days,-pd2019,-pd1998"
    )
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="%(message)s")
    corpus = Path(args.corpus)
    examples = collect([corpus, ROOT / "samples"], renders=args.renders, exclude=HELD_OUT_PAGES)
    scratch = Path(tempfile.mkdtemp(prefix="loso-"))
    # Every set scored, as a folder of links less the held-out pages.
    dev_sets = {name: _days_folder(corpus, scratch / "dev", name, ("",)) for name in DEV}
    day_sets = {
        name: [_days_folder(corpus, scratch, folder, days) for folder in folders]
        for name, (folders, days) in DAYS.items()
    }
    table: dict[str, dict[str, list[float]]] = {}
    for fold in args.folds.split(","):
        kept = examples
        if fold in FOLDS:
            left_out, sets = FOLDS[fold]
            kept = [e for e in examples if not any(part in e.source for part in left_out)]
            targets = [dev_sets[s] for s in sets]
        elif fold.lstrip("-") in DAYS:
            days = DAYS[fold.lstrip("-")][1]
            kept = [e for e in examples if not any(day in e.name for day in days)]
            targets = day_sets[fold.lstrip("-")]
        elif fold == "all":
            targets = list(dev_sets.values()) + [p for ps in day_sets.values() for p in ps]
        else:
            parser.error(f"unknown fold {fold}")
        model = scratch / f"{fold}.model"
        started = time.perf_counter()
        train(kept, model, iterations=args.iterations)
        scores = {}
        for target in targets:
            score = evaluate_split(target, model=model).to_dict()
            name = next((set_ for set_, p in dev_sets.items() if p == target), target.name)
            scores[name] = [score["start_f1"], score["headlines_right"]]
        table[fold] = scores
        logging.info(
            "%s (%d pages, %.0f s): %s", fold, len(kept), time.perf_counter() - started, scores
        )
    if args.cv:
        table["cv"] = _cross_validate(corpus, scratch, examples, args.cv, args.iterations)
    print(json.dumps(table, ensure_ascii=False, indent=2))


PAPERS = {"pd1998": ("pd1998/pages-dev",), "pd2019": ("pd2019/pages-dev", "pd2019/crawl-dev")}


def _cross_validate(corpus: Path, scratch: Path, examples, folds: int, iterations: int) -> dict:
    """Start-F1 and headlines right per page folder, each page scored by the model of the fold
    that left its day out (see the module's docstring)."""
    pooled: dict[str, list] = {folder: [] for folders in PAPERS.values() for folder in folders}
    for fold in range(folds):
        left_out: list[str] = []
        for folders in PAPERS.values():
            days = sorted({path.name[2:10] for path in (corpus / folders[0]).glob("*.txt")})
            left_out += days[fold::folds]
        started = time.perf_counter()
        kept = [e for e in examples if not any(day in e.name for day in left_out)]
        model = scratch / f"cv{fold}.model"
        train(kept, model, iterations=iterations)
        for folder in pooled:
            target = _days_folder(corpus, scratch / f"cv{fold}", folder, tuple(left_out))
            pooled[folder] += evaluate_split(target, model=model).pages
        logging.info(
            "cv fold %d (%d pages, %.0f s)", fold, len(kept), time.perf_counter() - started
        )
    scores = {}
    for folder, pages in pooled.items():
        score = SplitScore(pages=pages).to_dict()
        scores[folder] = [score["start_f1"], score["headlines_right"]]
    return scores


if __name__ == "__main__":
    main()
