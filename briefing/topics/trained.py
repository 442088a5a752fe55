"""A topic classifier users train on their own labelled archive: complement naive Bayes.

Features are words (rjieba) and character bigrams of the headline and the body's opening, the
headline's also counted as ``h:`` features. Each article's features are weighted by inverse
document frequency (a word in every article says nothing) and scaled to unit length (a long
article is not more certain than a short one). Complement naive Bayes (Rennie et al. 2003)
estimates, per label, how typical a feature is of the *other* labels, which is steadier than plain
naive Bayes when labels have few or unequal numbers of examples; its per-label weights are
normalized so no label wins by having more features. Training is one counting pass: seconds
for thousands of articles in pure Python.

The model is a small JSON file of sufficient statistics: per feature its document frequency and
weighted mass per label (in large sets, features seen in one article only are dropped), the
taxonomy's labels it was trained for, a format version, and a softmax temperature fitted on a
held-out tenth so its scores are calibrated.
"""

from __future__ import annotations

import json
import logging
import math
import random
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import ConfigError, setting_error
from ..output import write_atomic
from ..records import Article, Topic
from ..text import words
from . import default_keyword_classifier
from .labelled import LabelledItem, read_labelled
from .taxonomy import Taxonomy, load_taxonomy
from .terms import normalize

logger = logging.getLogger(__name__)

FORMAT = "briefing-topic-model"
FORMAT_VERSION = 2  # 1 was plain naive Bayes over counts; retrain such models
METHOD = "complement-naive-bayes"
BODY_CHARS = 600  # the opening carries the topic; reading less keeps the model fast
ALPHA = 0.1  # additive smoothing of the complement estimates
MIN_DOCS = 2  # in a large training set a feature must occur in this many articles to be kept
PRUNE_FROM = 500  # below this many articles every feature is kept
HEADLINE_WEIGHT = 2.0  # a headline feature counts this much more than a body one
KEYWORD_WEIGHT = 24.0  # the keyword classifier's label, as a feature (before IDF and scaling)
EVIDENCE_TERMS = 5
_TEMPERATURES = tuple(0.005 * 1.5**k for k in range(20))  # scores are small: search a wide range


def _text_features(text: str, prefix: str) -> set[str]:
    found = {prefix + w for w in words(text) if w.strip() and not (len(w) == 1 and not w.isalnum())}
    compact = "".join(ch for ch in text if not ch.isspace())
    found.update(prefix + compact[i : i + 2] for i in range(len(compact) - 1))
    return found


def features(article: Article) -> dict[str, float]:
    """Word and character-bigram features with their raw weights (headline ones count more)."""
    headline = normalize(article.headline)
    if not headline and not article.title:
        # Without a title the body's opening usually is one (headline-only items, pre-split text).
        text = normalize(article.text[:BODY_CHARS])
        headline, body = text[:40], text
    else:
        body = normalize(article.text[:BODY_CHARS])
    found = dict.fromkeys(_text_features(headline + "\n" + body, ""), 1.0)
    if headline:
        found.update(dict.fromkeys(_text_features(headline, "h:"), HEADLINE_WEIGHT))
    # The keyword classifier's verdict is one more feature: the model learns how far to trust it.
    topic = default_keyword_classifier().classify_one(article)
    if topic.evidence:
        found["k:" + topic.label] = KEYWORD_WEIGHT
        if topic.runner_up:
            found["k2:" + topic.runner_up] = KEYWORD_WEIGHT / 2
    return found


def _softmax(logits: list[float], temperature: float) -> list[float]:
    top = max(logits)
    exps = [math.exp((x - top) / temperature) for x in logits]
    total = sum(exps)
    return [e / total for e in exps]


class ComplementNBModel:
    """Per (feature, label) weighted mass; the normalized complement weights computed once at load."""

    def __init__(
        self,
        labels: list[str],
        doc_counts: list[int],
        counts: dict[str, dict[int, float]],
        df: dict[str, int],
        *,
        alpha: float = ALPHA,
        temperature: float = 1.0,
        taxonomy: dict[str, Any] | None = None,
    ) -> None:
        self.labels = labels
        self.doc_counts = doc_counts
        self.counts = counts
        self.df = df
        self.alpha = alpha
        self.temperature = temperature
        self.taxonomy = taxonomy or {}
        k = len(labels)
        n_docs = max(1, sum(doc_counts))
        self.idf = {f: math.log((1 + n_docs) / (1 + n)) + 1.0 for f, n in df.items()}
        totals = [0.0] * k
        grand: dict[str, float] = {}
        for feature, per in counts.items():
            grand[feature] = sum(per.values())
            for i, mass in per.items():
                totals[i] += mass
        everything = sum(totals)
        vocabulary = max(1, len(counts))
        # Label i's weight for feature f is (D_i - log(alpha + rest_f - mass_fi)) / N_i, with rest_f the
        # feature's mass over all labels (the complement estimate, negated: higher means "more this
        # label") and N_i the label's sum of |weights| (Rennie's normalization). Written as
        # (D_i - base_f + delta_fi) / N_i it is sparse: delta is 0 for labels that never saw f.
        self.denominators = [math.log(alpha * vocabulary + everything - t) for t in totals]
        self.base: dict[str, float] = {}
        self.deltas: dict[str, dict[int, float]] = {}
        norms = [0.0] * k
        for feature, per in counts.items():
            base = math.log(alpha + grand[feature])
            self.base[feature] = base
            self.deltas[feature] = {
                i: base - math.log(alpha + grand[feature] - m) for i, m in per.items()
            }
            for i in range(k):
                norms[i] += abs(self.denominators[i] - base)
            for i, delta in self.deltas[feature].items():
                norms[i] += abs(self.denominators[i] - base + delta) - abs(
                    self.denominators[i] - base
                )
        self.scales = [vocabulary / n if n else 0.0 for n in norms]
        # A label with no training articles can never be predicted.
        self.allowed = [bool(c) for c in doc_counts]

    def vector(self, found: dict[str, float]) -> dict[str, float]:
        """The article's known features with TF-IDF weights, scaled to unit length."""
        vec = {f: w * self.idf[f] for f, w in found.items() if f in self.base}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {f: v / norm for f, v in vec.items()}

    def weight(self, feature: str, index: int) -> float:
        delta = self.deltas[feature].get(index, 0.0)
        return (self.denominators[index] - self.base[feature] + delta) * self.scales[index]

    def logits(self, vec: dict[str, float]) -> list[float]:
        total = sum(vec.values())
        based = sum(v * self.base[f] for f, v in vec.items())
        sums = [0.0] * len(self.labels)
        deltas = self.deltas
        for feature, value in vec.items():
            for index, delta in deltas[feature].items():
                sums[index] += value * delta
        return [
            (d * total - based + s) * scale if ok else -math.inf
            for d, s, scale, ok in zip(self.denominators, sums, self.scales, self.allowed)
        ]

    def predict(self, article: Article) -> Topic:
        vec = self.vector(features(article))
        if not vec:
            fallback = self.taxonomy.get("fallback") or self.labels[-1]
            return Topic(label=fallback, score=0.0, runner_up=None, evidence=[], method="trained")
        logits = self.logits(vec)
        finite = [x if x > -math.inf else -1e9 for x in logits]
        probs = _softmax(finite, self.temperature)
        order = sorted(range(len(self.labels)), key=lambda i: (-probs[i], i))
        best, second = order[0], order[1]
        # Evidence: the features seen with the winner that favour it over the runner-up most.
        lift: dict[str, float] = {}
        for feature, value in vec.items():
            if best not in self.deltas[feature]:
                continue
            gain = value * (self.weight(feature, best) - self.weight(feature, second))
            if gain > 0:
                name = feature[2:] if feature.startswith("h:") else feature
                lift[name] = max(gain, lift.get(name, 0.0))
        evidence = [
            f for f, _ in sorted(lift.items(), key=lambda kv: (-kv[1], kv[0]))[:EVIDENCE_TERMS]
        ]
        return Topic(
            label=self.labels[best],
            score=round(probs[best], 4),
            runner_up=self.labels[second],
            evidence=evidence,
            method="trained",
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "method": METHOD,
            "taxonomy": self.taxonomy,
            "labels": self.labels,
            "alpha": self.alpha,
            "temperature": self.temperature,
            "doc_counts": self.doc_counts,
            # feature -> [document frequency, [[label index, weighted mass], ...]]
            "features": {
                f: [self.df[f], [[i, round(m, 5)] for i, m in sorted(per.items())]]
                for f, per in sorted(self.counts.items())
            },
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], *, source: str) -> "ComplementNBModel":
        if data.get("format") != FORMAT:
            raise ConfigError(
                f"{source}: not a briefing topic model (format {data.get('format')!r})"
            )
        version = data.get("format_version")
        if version != FORMAT_VERSION:
            raise ConfigError(
                f"{source}: topic model format version {version!r}; this briefing reads version "
                f"{FORMAT_VERSION} (retrain it with `briefing train-topics`)"
            )
        try:
            labels = list(data["labels"])
            counts: dict[str, dict[int, float]] = {}
            df: dict[str, int] = {}
            for feature, (n, pairs) in data["features"].items():
                df[feature] = int(n)
                counts[feature] = {int(i): float(m) for i, m in pairs}
            return cls(
                labels,
                [int(c) for c in data["doc_counts"]],
                counts,
                df,
                alpha=float(data["alpha"]),
                temperature=float(data["temperature"]),
                taxonomy=data.get("taxonomy") or {},
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ConfigError(f"{source}: malformed topic model ({exc})") from exc


def _fit(
    examples: list[tuple[dict[str, float], int]], labels: list[str], *, alpha: float
) -> ComplementNBModel:
    n_docs = len(examples)
    doc_counts = [0] * len(labels)
    df: dict[str, int] = {}
    for found, index in examples:
        doc_counts[index] += 1
        for feature in found:
            df[feature] = df.get(feature, 0) + 1
    min_docs = MIN_DOCS if n_docs >= PRUNE_FROM else 1
    kept = {f: n for f, n in df.items() if n >= min_docs}
    idf = {f: math.log((1 + n_docs) / (1 + n)) + 1.0 for f, n in kept.items()}
    counts: dict[str, dict[int, float]] = {}
    for found, index in examples:
        vec = {f: w * idf[f] for f, w in found.items() if f in idf}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        for feature, value in vec.items():
            per = counts.setdefault(feature, {})
            per[index] = per.get(index, 0.0) + value / norm
    return ComplementNBModel(labels, doc_counts, counts, kept, alpha=alpha)


def _fit_temperature(
    model: ComplementNBModel, examples: list[tuple[dict[str, float], int]]
) -> float:
    """The softmax temperature that minimises log-loss on ``examples`` (held out from ``model``)."""
    logits = []
    for found, index in examples:
        vec = model.vector(found)
        if vec:
            logits.append(([x if x > -math.inf else -1e9 for x in model.logits(vec)], index))
    best, best_loss = 1.0, math.inf
    for t in _TEMPERATURES:
        loss = -sum(math.log(max(_softmax(lg, t)[i], 1e-12)) for lg, i in logits) / max(
            1, len(logits)
        )
        if loss < best_loss:
            best, best_loss = t, loss
    return best


def train(
    items: list[LabelledItem],
    *,
    taxonomy: Taxonomy | None = None,
    alpha: float = ALPHA,
    seed: int = 13,
) -> ComplementNBModel:
    """Fit a model on labelled items (labels must be in ``taxonomy``; default taxonomy if None)."""
    taxonomy = taxonomy or load_taxonomy()
    labels = taxonomy.names
    examples = []
    for item in items:
        if item.topic not in taxonomy:
            raise ConfigError(f"item {item.id}: unknown label {item.topic!r}")
        examples.append((features(item.article), taxonomy.index(item.topic)))
    if not examples:
        raise ConfigError("no labelled items to train on")
    temperature = 1.0
    if len(examples) >= 50:
        shuffled = examples[:]
        random.Random(seed).shuffle(shuffled)
        cut = len(shuffled) // 10
        temperature = _fit_temperature(_fit(shuffled[cut:], labels, alpha=alpha), shuffled[:cut])
    model = _fit(examples, labels, alpha=alpha)
    model.temperature = temperature
    model.taxonomy = {
        "name": taxonomy.name,
        "labels": labels,
        "fallback": taxonomy.fallback,
        "fingerprint": taxonomy.fingerprint(),
    }
    logger.info(
        "trained on %d items: %d features, temperature %.3f",
        len(examples),
        len(model.counts),
        temperature,
    )
    return model


def train_file(
    path: str | Path, output: str | Path, *, taxonomy: str | Path | Taxonomy | None = None
) -> ComplementNBModel:
    """Train from a labelled JSONL file and write the model to ``output`` (JSON, atomically)."""
    tax = load_taxonomy(taxonomy)
    model = train(read_labelled(path, labels=tax.names), taxonomy=tax)
    write_atomic(
        output, json.dumps(model.to_dict(), ensure_ascii=False, separators=(",", ":")) + "\n"
    )
    return model


@lru_cache(maxsize=8)
def _load_cached(path: str, mtime: float) -> ComplementNBModel:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the topic model: {exc}") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: not a briefing topic model")
    return ComplementNBModel.from_dict(data, source=path)


def load_model(path: str | Path) -> ComplementNBModel:
    file = Path(path)
    if not file.is_file():
        raise ConfigError(f"{file}: topic model not found")
    return _load_cached(str(file), file.stat().st_mtime)


class TrainedClassifier:
    """Classifies with a model from ``briefing train-topics`` (registry name ``trained``)."""

    method = "trained"

    def __init__(
        self, *, model: str | Path | None = None, taxonomy: str | Path | Taxonomy | None = None
    ) -> None:
        if model is None:
            raise setting_error(
                ConfigError,
                "topic_model",
                "is not set: the trained topic classifier needs a model (from `briefing train-topics`)",
            )
        self.model = load_model(model)
        if taxonomy is not None:
            tax = load_taxonomy(taxonomy)
            missing = [label for label in self.model.labels if label not in tax]
            if missing:
                raise ConfigError(
                    f"{model}: trained for labels not in taxonomy {tax.source}: {', '.join(missing)}"
                )

    def classify(self, articles: list[Article]) -> list[Topic]:
        return [self.model.predict(article) for article in articles]
