"""Measuring duplicate merging on real articles: reprints made the way papers make them.

Pairs of the same story printed by two papers are rare in a single paper's archive, so the
positives are made from real articles the way a reprint changes a story:

- ``shortened``: the story cut from the end to fit the space (the first half to two thirds of
  its characters, whole paragraphs; a one-paragraph story is cut at a sentence end);
- ``retitled``: a new headline and the dateline replaced by another paper's (本报讯 for 新华社…电);
- ``paragraph_cut``: one paragraph in the middle dropped;
- ``combined``: all three at once.

The negatives are the hard case: every pair of different articles printed on the same page of
the same day (one topic, one editor's choice of stories). Every variant and original of a day go
into one pool, :func:`briefing.jobs.dedupe.duplicate_groups` groups the pool (LSH candidates, exact
check, groups around a kept article), and pairs in the same group are scored against the truth:
precision and recall of merging, over pairs, with the false merges and missed reprints listed.

Run ``python -m briefing.evaluate.dedupe ../shared/corpus/pd1998/articles-dev.jsonl``.
"""

from __future__ import annotations

import json
import random
import re
import sys
import zlib
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from itertools import combinations
from pathlib import Path

from ..conventions import AGENCY, DATELINE_END
from ..jobs import dedupe

MAX_CUT = 0.3  # the share of a story that one cut paragraph may take at most
KINDS = ("shortened", "retitled", "paragraph_cut", "combined")
_DATELINE = re.compile(
    rf"^(?:据)?{AGENCY}[^，。：:；]{{0,24}}?{DATELINE_END}(?:（[^）]{{0,30}}）|[^，。：:]{{0,40}}?报道[：:])?"
)
_SENTENCE = re.compile(r"(?<=[。！？])")


@dataclass
class Story:
    """One printed text of the pool: which story it tells, how it was made, where it ran."""

    story: str  # the corpus doc_id of the story it tells
    kind: str  # "original" or a reprint kind
    day: str
    page: str
    title: str
    body: list[str]

    @property
    def text(self) -> str:
        return "\n".join(self.body)


@dataclass
class DedupeReport:
    """Pairwise precision and recall of merging, with the errors to look at."""

    texts: int = 0
    stories: int = 0
    positive_pairs: int = 0
    same_page_pairs: int = 0
    merged_pairs: int = 0
    true_merges: int = 0
    precision: float = 1.0
    recall: float = 1.0
    recall_by_kind: dict[str, float] = field(default_factory=dict)
    same_page_false_merges: int = 0
    false_merges: list[list[str]] = field(default_factory=list)
    missed: list[list[str]] = field(default_factory=list)
    settings: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return asdict(self)


def _rng(key: str) -> random.Random:
    return random.Random(zlib.crc32(key.encode("utf-8")))  # the same variants in every run


def _shorten(body: list[str], rng: random.Random) -> list[str]:
    total = sum(len(p) for p in body)
    share = rng.uniform(0.5, 0.67)
    if len(body) == 1:
        sentences = [s for s in _SENTENCE.split(body[0]) if s]
        kept: list[str] = []
        size = 0
        for sentence in sentences:
            if kept and size >= share * total:
                break
            kept.append(sentence)
            size += len(sentence)
        return ["".join(kept)]
    kept, size = [], 0
    for paragraph in body:
        if kept and size >= share * total:
            break
        kept.append(paragraph)
        size += len(paragraph)
    return kept


def _retitle(title: str, body: list[str]) -> tuple[str, list[str]]:
    first = body[0]
    stripped = _DATELINE.sub("", first, count=1)
    new_first = "本报讯　" + stripped if stripped != first else "本报综合消息　" + first
    opening = _SENTENCE.split(stripped)[0][:18] or title
    return opening, [new_first] + body[1:]


def _cut_paragraph(body: list[str], rng: random.Random) -> list[str]:
    # An editor drops a paragraph of the middle that is not the bulk of the story.
    total = sum(len(p) for p in body)
    choices = [i for i in range(1, len(body) - 1) if len(body[i]) <= MAX_CUT * total]
    if not choices:
        return body
    drop = rng.choice(choices)
    return body[:drop] + body[drop + 1 :]


def reprints(story: Story) -> list[Story]:
    """The four reprint variants of ``story`` (those that differ from the original)."""
    rng = _rng(story.story)
    out = []
    title, retitled = _retitle(story.title, story.body)
    combined_title, combined = _retitle(story.title, _shorten(_cut_paragraph(story.body, rng), rng))
    for kind, new_title, body in (
        ("shortened", story.title, _shorten(story.body, rng)),
        ("retitled", title, retitled),
        ("paragraph_cut", story.title, _cut_paragraph(story.body, rng)),
        ("combined", combined_title, combined),
    ):
        if body and body != story.body:
            out.append(Story(story.story, kind, story.day, story.page, new_title, body))
    return out


def read_stories(path: str | Path, *, min_chars: int = 60) -> list[Story]:
    """Articles of the People's Daily dev file: headline paragraph first, unless a one-paragraph brief."""
    stories = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            paragraphs = [p for p in row["paragraphs"] if p.strip()]
            title, body = (
                (paragraphs[0], paragraphs[1:]) if len(paragraphs) > 1 else ("", paragraphs)
            )
            if sum(len(p) for p in body) >= min_chars:
                stories.append(
                    Story(row["doc_id"], "original", row["date"], row["page"], title, body)
                )
    return stories


def evaluate_dedupe(
    path: str | Path,
    *,
    containment: float = dedupe.CONTAINMENT,
    jaccard_floor: float = dedupe.JACCARD_FLOOR,
    limit_days: int | None = None,
    originals: bool = True,
) -> DedupeReport:
    """Precision and recall of :func:`~briefing.jobs.dedupe.duplicate_groups` on reprints of ``path``'s articles.

    ``originals=False`` leaves the original articles out of the pools: only reprints, which
    then have to be matched with each other.
    """
    by_day: dict[str, list[Story]] = defaultdict(list)
    for story in read_stories(path):
        by_day[story.day].append(story)
    report = DedupeReport(
        settings={
            "containment": containment,
            "jaccard_floor": jaccard_floor,
            "shingle": dedupe.SHINGLE,
        }
    )
    positives_by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # kind -> [found, all]
    for day in sorted(by_day)[:limit_days]:
        # Without the originals, the reprints must find each other (two papers' cuts of one release).
        pool = [
            s
            for original in by_day[day]
            for s in ([original] if originals else []) + reprints(original)
        ]
        groups = dedupe.duplicate_groups(
            [s.text for s in pool], containment=containment, jaccard_floor=jaccard_floor
        )
        group_of = {index: n for n, group in enumerate(groups) for index in group}
        report.texts += len(pool)
        report.stories += len(by_day[day])
        for i, j in combinations(range(len(pool)), 2):
            a, b = pool[i], pool[j]
            truth = a.story == b.story
            merged = group_of[i] == group_of[j]
            report.positive_pairs += truth
            report.merged_pairs += merged
            report.true_merges += truth and merged
            same_page = not truth and a.page == b.page
            report.same_page_pairs += same_page
            if truth and "original" in (a.kind, b.kind):
                kind = b.kind if a.kind == "original" else a.kind
                positives_by_kind[kind][1] += 1
                positives_by_kind[kind][0] += merged
            if merged and not truth:
                report.same_page_false_merges += same_page
                report.false_merges.append([f"{a.story}/{a.kind}", f"{b.story}/{b.kind}"])
            elif truth and not merged:
                report.missed.append([f"{a.story}/{a.kind}", f"{b.story}/{b.kind}"])
    report.precision = report.true_merges / report.merged_pairs if report.merged_pairs else 1.0
    report.recall = report.true_merges / report.positive_pairs if report.positive_pairs else 1.0
    report.recall_by_kind = {
        k: round(f / n, 4) for k, (f, n) in sorted(positives_by_kind.items()) if n
    }
    return report


def main(argv: list[str] | None = None) -> None:
    args = argv if argv is not None else sys.argv[1:]
    if not args:
        sys.exit(
            "usage: python -m briefing.evaluate.dedupe ARTICLES.jsonl [CONTAINMENT [JACCARD_FLOOR]]"
        )
    containment = float(args[1]) if len(args) > 1 else dedupe.CONTAINMENT
    jaccard_floor = float(args[2]) if len(args) > 2 else dedupe.JACCARD_FLOOR
    found = evaluate_dedupe(args[0], containment=containment, jaccard_floor=jaccard_floor)
    report = found.to_dict()
    report["false_merges"] = report["false_merges"][:20]
    report["missed"] = report["missed"][:20]
    sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=2) + "\n")


if __name__ == "__main__":
    main()
