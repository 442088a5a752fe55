"""The splitter on real pages: the seed page exactly; People's Daily 1998 and 2019 (print and
crawl renderings) by article-start F1 and headline fields; and one leave-one-source-out fold."""

import json
import sys
from pathlib import Path

import pytest

from briefing.evaluate.split import evaluate_split
from briefing.split.training import train_splitter

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from held_out import linked  # noqa: E402


def test_seed_page_is_exactly_right(corpus):
    score = evaluate_split(corpus / "seed").to_dict()
    assert score["gold_articles"] == 8
    assert score["start_f1"] == 1.0 and score["exact_spans"] == 1.0
    assert score["field_errors"] == []


# The packaged model is trained on the dev pages less the held-out ones: on the others a fit
# figure, on the held-out pages a test. Measured (start F1, headline fields right): dev pd1998
# 0.979 / 1.0, print 0.962 / 0.987, crawl 0.997 / 0.998; held out 0.897 / 0.96, 0.901 / 0.917,
# 0.992 / 0.957 (61 pages; the rule ladder scored 0.951, 0.609 and 0.634 on all pages).
@pytest.mark.parametrize(
    ("pages", "held", "start_f1", "headlines"),
    [
        ("pd1998/pages-dev", False, 0.95, 0.95),
        ("pd2019/pages-dev", False, 0.95, 0.95),
        ("pd2019/crawl-dev", False, 0.99, 0.95),
        ("pd1998/pages-dev", True, 0.87, 0.93),
        ("pd2019/pages-dev", True, 0.87, 0.89),
        ("pd2019/crawl-dev", True, 0.97, 0.93),
    ],
)
def test_peoples_daily_dev_pages(corpus, tmp_path, pages, held, start_f1, headlines):
    score = evaluate_split(linked(corpus / pages, tmp_path / "pages", held=held)).to_dict()
    assert score["start_f1"] >= start_f1
    # A line the labeller calls furniture is outside every span: one held-out print line so.
    assert score["line_coverage"] >= (0.999 if held else 1.0)
    assert score["headlines_right"] >= headlines  # kicker, title and subtitle all right


def test_peoples_daily_pages_without_blank_lines(corpus, tmp_path):
    """Another rendering of the 1998 pages, with every blank line removed: no gap to lean on."""
    for gold_path in sorted((corpus / "pd1998" / "pages-dev").glob("*.gold.json")):
        lines = (
            gold_path.with_name(gold_path.name.replace(".gold.json", ".txt"))
            .read_text("utf-8")
            .split("\n")
        )
        kept = [number for number, line in enumerate(lines, start=1) if line.strip()]
        renumber = {old: new for new, old in enumerate(kept, start=1)}
        gold = json.loads(gold_path.read_text("utf-8"))
        for article in gold["articles"]:
            article["lines"] = [renumber[n] for n in article["lines"]]
        stem = gold_path.name.replace(".gold.json", "")
        (tmp_path / f"{stem}.txt").write_text("\n".join(lines[n - 1] for n in kept), "utf-8")
        (tmp_path / f"{stem}.gold.json").write_text(json.dumps(gold, ensure_ascii=False), "utf-8")
    score = evaluate_split(tmp_path).to_dict()
    # Measured 0.903 (0.889 before the cohesion attributes; the first labeller, trained on more
    # blank-free renderings, 0.910; the rule ladder 0.945).
    assert score["start_f1"] >= 0.88
    assert (
        score["line_coverage"] >= 0.999
    )  # a line the labeller calls furniture is outside every span


# Leave-one-source-out: a model trained without a folder of real pages (the renderings of the
# articles files stay: the model sees the paper's structure, not that rendering) against the
# packaged model trained on everything. One rendering per page and 50 iterations, to stay fast.
# The target is 0.03 everywhere; where it is not met yet, the margin is what was measured at the
# packaged settings (150 iterations, two renderings; benchmarks/loso_split.py) with some room:
# print pages left out 0.879 against 0.956, pd1998 pages left out 0.907 against 0.973 (before
# the cohesion attributes: 0.861 against 0.961, 0.892 against 0.966).
MARGIN_PRINT, MARGIN_1998 = 0.13, 0.10
LOSO_MARGIN = {
    "pd2019/crawl-dev": 0.03,
    "pd2019/pages-dev": MARGIN_PRINT,
    "pd1998/pages-dev": MARGIN_1998,
}


@pytest.mark.parametrize("pages", sorted(LOSO_MARGIN))
def test_leave_one_source_out(corpus, tmp_path, pages):
    model = tmp_path / "held-out.model"
    train_splitter([corpus], output=model, leave_out=[pages], renders=1, iterations=50)
    held_out = evaluate_split(corpus / pages, model=model).to_dict()
    packaged = evaluate_split(corpus / pages).to_dict()
    assert held_out["start_f1"] >= packaged["start_f1"] - LOSO_MARGIN[pages]
