"""Scoring a topic classifier on labelled items.

Labelled items are JSON lines ``{"id", "text", "title"?, "topic", "alternates"?}``. Reported:
accuracy (a prediction among ``alternates`` counts as right), strict accuracy (only ``topic``),
macro-F1 (per label over the labels that occur as gold or prediction, with a prediction in
``alternates`` credited as the gold label), the most frequent confusions, and the per-label
confusion: for each gold label, what its items were labelled (alternates credited as gold).
For a classifier that reports its scores (the keyword one), the errors are also counted by how
the scores stood (:func:`error_kind`): what blocks a target, and whether weights or vocabulary
could help.
"""

from __future__ import annotations

import hashlib
import logging
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..errors import InputError
from ..records import Topic
from ..topics.labelled import LabelledItem

logger = logging.getLogger(__name__)

# A wrong item's right label (or an alternate) has at least this share of the winner's score.
CLOSE_SHARE = 0.5


def half_of(items: list[LabelledItem], half: int) -> list[LabelledItem]:
    """The items whose id hashes to ``half`` (md5 of the id, mod 2): a fixed split of a dev set,
    so rules can be written from one half and measured on the other."""
    if half not in (0, 1):
        raise InputError(f"half must be 0 or 1, not {half}")
    return [
        item
        for item in items
        if int(hashlib.md5(item.id.encode("utf-8")).hexdigest(), 16) % 2 == half
    ]


@dataclass
class TopicReport:
    name: str
    n: int
    accuracy: float
    strict_accuracy: float
    macro_f1: float
    per_label: dict[str, dict[str, float]]
    confusions: list[tuple[str, str, int]]  # (gold, predicted, count), most frequent first
    confusion: dict[str, dict[str, int]] = field(default_factory=dict)  # gold -> {predicted: count}
    errors: list[dict[str, Any]] = field(default_factory=list)
    # error kind (see error_kind) -> count; empty when the classifier reports no scores
    error_kinds: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data = dict(self.__dict__)
        data["confusions"] = [
            {"gold": g, "predicted": p, "count": c} for g, p, c in self.confusions
        ]
        return data

    def format(self) -> str:
        lines = [
            f"{self.name}: n={self.n} accuracy={self.accuracy:.3f} strict={self.strict_accuracy:.3f} macro-F1={self.macro_f1:.3f}"
        ]
        if self.confusions:
            lines.append(
                "  confusions: " + ", ".join(f"{g}->{p} {c}" for g, p, c in self.confusions)
            )
        for gold, row in self.confusion.items():
            stats = self.per_label[gold]
            wrong = ", ".join(
                f"{p} {c}"
                for p, c in sorted(row.items(), key=lambda kv: (-kv[1], kv[0]))
                if p != gold
            )
            lines.append(
                f"  {gold}: {row.get(gold, 0)}/{int(stats['support'])} right, P={stats['precision']:.2f} R={stats['recall']:.2f}"
                + (f"; labelled {wrong}" if wrong else "")
            )
        if self.error_kinds:
            lines.append(
                "  errors by how the scores stood: "
                + ", ".join(f"{kind} {count}" for kind, count in self.error_kinds.items())
            )
        return "\n".join(lines)


def score(
    items: list[LabelledItem], topics: list[Topic], *, name: str = "items", top_confusions: int = 8
) -> TopicReport:
    """Score predicted ``topics`` against ``items`` (same order)."""
    if len(items) != len(topics):
        raise ValueError("items and predictions differ in number")
    right = strict = 0
    credited: list[tuple[str, str]] = []  # (gold, prediction with alternates credited as gold)
    confusions: Counter[tuple[str, str]] = Counter()
    errors: list[dict[str, Any]] = []
    for item, topic in zip(items, topics):
        ok = topic.label == item.topic or topic.label in item.alternates
        right += ok
        strict += topic.label == item.topic
        credited.append((item.topic, item.topic if ok else topic.label))
        if not ok:
            confusions[(item.topic, topic.label)] += 1
            errors.append(
                {
                    "id": item.id,
                    "gold": item.topic,
                    "predicted": topic.label,
                    "evidence": topic.evidence,
                }
            )
    labels = sorted({g for g, _ in credited} | {p for _, p in credited})
    confusion: dict[str, dict[str, int]] = {}
    for gold, predicted in credited:
        row = confusion.setdefault(gold, {})
        row[predicted] = row.get(predicted, 0) + 1
    confusion = {
        gold: confusion[gold]
        for gold in sorted(confusion, key=lambda g: (-sum(confusion[g].values()), g))
    }
    per_label: dict[str, dict[str, float]] = {}
    for label in labels:
        tp = sum(1 for g, p in credited if g == label and p == label)
        fp = sum(1 for g, p in credited if g != label and p == label)
        fn = sum(1 for g, p in credited if g == label and p != label)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_label[label] = {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
            "support": tp + fn,
        }
    n = len(items)
    return TopicReport(
        name=name,
        n=n,
        accuracy=right / n if n else 0.0,
        strict_accuracy=strict / n if n else 0.0,
        macro_f1=sum(v["f1"] for v in per_label.values()) / len(per_label) if per_label else 0.0,
        per_label=per_label,
        confusions=[(g, p, c) for (g, p), c in confusions.most_common(top_confusions)],
        confusion=confusion,
        errors=errors,
    )


def error_kind(totals: list[float], accepted: list[int]) -> str:
    """How the scores stood on a wrong item: ``totals`` per label, ``accepted`` the indexes of its
    right label and alternates. "no listed term" (nothing scored), "right label without evidence"
    (the right labels scored nothing), "close" (the best right label has at least
    :data:`CLOSE_SHARE` of the winner's score) or "far behind"."""
    if not any(totals):
        return "no listed term"
    right = max((totals[i] for i in accepted), default=0.0)
    if right == 0:
        return "right label without evidence"
    return "close" if right >= CLOSE_SHARE * max(totals) else "far behind"


def evaluate(items: list[LabelledItem], classifier, *, name: str = "items") -> TopicReport:
    """Classify the items' articles with ``classifier`` and score the result; a classifier with
    ``scores(article)`` and a ``taxonomy`` (the keyword one) also has its errors counted by kind."""
    topics = classifier.classify([item.article for item in items])
    report = score(items, topics, name=name)
    scores = getattr(classifier, "scores", None)
    taxonomy = getattr(classifier, "taxonomy", None)
    if scores is None or taxonomy is None:
        return report
    by_id = {item.id: item for item in items}
    kinds: Counter[str] = Counter()
    for error in report.errors:  # score() decided which items are wrong; read them from it
        item = by_id[error["id"]]
        totals, _ = scores(item.article)
        accepted = [taxonomy.index(x) for x in (item.topic, *item.alternates) if x in taxonomy]
        error["kind"] = error_kind(totals, accepted)
        kinds[error["kind"]] += 1
    report.error_kinds = dict(kinds.most_common())
    return report
