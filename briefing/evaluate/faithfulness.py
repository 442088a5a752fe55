"""A FactCC-style test set for the faithfulness check, built from any corpus of articles.

Faithful sentences are article sentences, as printed and as the extractive compressor shortens
them. Each is corrupted the ways a summarizer errs while reusing the article's words:

* ``entity``: a name swapped for another name of the same kind from the article;
* ``number``: a number swapped for another number from the article;
* ``negation``: 不/没有/未 put before a verb;
* ``hedge``: a hedge or modal (将、拟、有望、预计、可能、或、边缘、未、不……) deleted;
* ``superlative``: 最 before an adjective, 首次 before a verb, 唯一 before a noun;
* ``same-name``: in a clause with two names, the second replaced by the first.

Articles are split in two halves by a hash of their id: rules are written on one half and
measured on the other (``half="test"``).
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..config import DEFAULT_MAX_CHARS
from ..records import Article, Summary
from ..text import fold_width, tagged
from ..summarize.compress import compress_clauses, join_clauses
from ..summarize.extractive import ExtractiveSummarizer, summarizable
from ..summarize.faithfulness import unfaithful
from ..summarize.guard import SourceIndex, check_summary
from ..summarize.sentences import split_sentences
from ..summarize.wholeness import dangling_clauses, deletion_cuts, unattributed_quotations

KINDS = ("entity", "number", "negation", "hedge", "superlative", "same-name")
_NUMBER = re.compile(r"(?<![\d.])\d+(?:\.\d+)?")
_HEDGE_WORDS = (
    "将",
    "拟",
    "有望",
    "预计",
    "可能",
    "或",
    "边缘",
    "未",
    "不",
    "计划",
    "争取",
    "力争",
    "约",
)
_NAME_KINDS = ("nr", "ns", "nt")
MIN_SENTENCE, MAX_SENTENCE = 12, 120
SENTENCES_PER_ARTICLE = 3


def half_of(doc_id: str) -> str:
    """ "dev" or "test": a stable split by the hash of the article's id."""
    return "test" if hashlib.md5(doc_id.encode("utf-8")).digest()[0] % 2 else "dev"


def pd2019_articles(path: Path, *, half: str | None = None) -> Iterator[Article]:
    """Articles of a People's Daily 2019 ``articles-dev.jsonl`` (duplicates skipped)."""
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row.get("dup_of") or (half and half_of(row["doc_id"]) != half):
            continue
        yield Article(
            id=row["doc_id"],
            body=list(row["paragraphs"]),
            kicker=row.get("kicker") or None,
            title=row.get("title") or None,
            subtitle=row.get("subtitle") or None,
        )


@dataclass
class Example:
    article: Article
    kind: str  # "faithful", "compressed" (faithful) or one of KINDS
    text: str
    original: str


def _names_by_kind(article: Article) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    text = fold_width("\n".join(p for p in (article.headline, article.text) if p))
    for word, tag in tagged(text):
        kind = tag[:2]
        if kind in _NAME_KINDS and len(word) >= 2 and word not in found.get(kind, []):
            found.setdefault(kind, []).append(word)
    return found


def _replace_at(text: str, start: int, end: int, new: str) -> str:
    return text[:start] + new + text[end:]


def corrupt(
    sentence: str, article: Article, kind: str, rng: random.Random, names: dict[str, list[str]]
) -> str | None:
    """``sentence`` corrupted one way, or None when that corruption does not apply to it."""
    words = tagged(sentence)
    offsets, position = [], 0
    for word, _ in words:
        offsets.append(position)
        position += len(word)
    if kind == "entity":
        slots = [
            (i, w, t[:2]) for i, (w, t) in enumerate(words) if t[:2] in _NAME_KINDS and len(w) >= 2
        ]
        rng.shuffle(slots)
        for i, word, tag in slots:
            others = [
                n
                for n in names.get(tag, [])
                if n not in sentence and word not in n and n not in word
            ]
            if others:
                return _replace_at(sentence, offsets[i], offsets[i] + len(word), rng.choice(others))
        return None
    if kind == "number":
        numbers = list(_NUMBER.finditer(sentence))
        pool = sorted({m.group(0) for m in _NUMBER.finditer(fold_width(article.text))})
        rng.shuffle(numbers)
        for match in numbers:
            others = [n for n in pool if n not in sentence]
            if others:
                return _replace_at(sentence, match.start(), match.end(), rng.choice(others))
        return None
    if kind == "negation":
        verbs = [
            i
            for i, (w, t) in enumerate(words)
            if t == "v" and i > 0 and words[i - 1][0] not in ("不", "没有", "未", "没")
        ]
        if not verbs:
            return None
        i = rng.choice(verbs)
        return _replace_at(sentence, offsets[i], offsets[i], rng.choice(("不", "没有", "未")))
    if kind == "hedge":
        hedges = [i for i, (w, _) in enumerate(words) if w in _HEDGE_WORDS]
        if not hedges:
            return None
        i = rng.choice(hedges)
        return _replace_at(sentence, offsets[i], offsets[i] + len(words[i][0]), "")
    if kind == "superlative":
        markers = [
            (i, "最")
            for i, (w, t) in enumerate(words)
            if t in ("a", "ad") and (i == 0 or words[i - 1][0] != "最")
        ]
        markers += [(i, "首次") for i, (w, t) in enumerate(words) if t == "v" and i > 0]
        markers += [(i, "唯一") for i, (w, t) in enumerate(words) if t == "n" and i > 0]
        if not markers:
            return None
        i, marker = rng.choice(markers)
        if marker in sentence:
            return None
        return _replace_at(sentence, offsets[i], offsets[i], marker)
    if kind == "same-name":
        for clause in re.split(r"[，,；;：:。！？]", sentence):
            found = [
                (w, clause.find(w))
                for w, t in tagged(clause)
                if t[:2] in _NAME_KINDS and len(w) >= 2
            ]
            distinct = list(dict.fromkeys(w for w, _ in found))
            if (
                len(distinct) >= 2
                and distinct[0] not in distinct[1]
                and distinct[1] not in distinct[0]
            ):
                start = sentence.find(clause)
                fixed = clause.replace(distinct[1], distinct[0], 1)
                return sentence[:start] + fixed + sentence[start + len(clause) :]
        return None
    raise ValueError(f"unknown corruption kind {kind!r}")


def stands_alone(sentence: str) -> bool:
    """A sentence a summary could be: whole (no set-up clause without its main clause) and not a
    bare quotation. Other article sentences are faithful but no summary, and the checks reject
    them for that, which is not what this set measures."""
    return not dangling_clauses(sentence) and not unattributed_quotations(sentence)


def examples(articles: Iterable[Article], *, seed: int = 0) -> Iterator[Example]:
    """Faithful and corrupted sentences, a few sentences per article."""
    for article in articles:
        rng = random.Random(f"{seed}:{article.id}")
        candidates = [
            s.text.strip()
            for s in split_sentences(article.body)
            if s.complete
            and MIN_SENTENCE <= len(s.text.strip()) <= MAX_SENTENCE
            and stands_alone(s.text.strip())
        ]
        if not candidates:
            continue
        names = _names_by_kind(article)
        for sentence in rng.sample(candidates, min(SENTENCES_PER_ARTICLE, len(candidates))):
            yield Example(article, "faithful", sentence, sentence)
            compressed = join_clauses(compress_clauses(sentence, squeeze=True))
            # Only compressions the summarizer itself would keep (its deletion audit passes them).
            if (
                compressed
                and compressed != sentence
                and not deletion_cuts(compressed, sentence)
                and stands_alone(compressed)
            ):
                yield Example(article, "compressed", compressed, sentence)
            for kind in KINDS:
                wrong = corrupt(sentence, article, kind, rng, names)
                if wrong and wrong != sentence:
                    yield Example(article, kind, wrong, sentence)


@dataclass
class Figures:
    caught: Counter = field(default_factory=Counter)
    total: Counter = field(default_factory=Counter)
    by_words: Counter = field(default_factory=Counter)  # caught by the word-level guard alone
    reasons: Counter = field(
        default_factory=Counter
    )  # first word of why faithful text was rejected

    def add(self, kind: str, problems: list[str], new: list[str]) -> None:
        """One example: all its problems, and those only the faithfulness check found."""
        self.total[kind] += 1
        self.caught[kind] += bool(problems)
        self.by_words[kind] += bool(problems) and problems != new

    def rate(self, *kinds: str) -> float:
        total = sum(self.total[k] for k in kinds)
        return sum(self.caught[k] for k in kinds) / total if total else 0.0

    def report(self) -> dict[str, object]:
        per_kind = {k: f"{self.caught[k]}/{self.total[k]}" for k in sorted(self.total)}
        words_only = {k: f"{self.by_words[k]}/{self.total[k]}" for k in sorted(self.total)}
        corrupted = sum(self.total[k] for k in KINDS)
        return {
            "detection": round(self.rate(*KINDS), 4),
            "detection_words_only": round(sum(self.by_words[k] for k in KINDS) / corrupted, 4)
            if corrupted
            else 0.0,
            "faithful_rejected": round(self.rate("faithful", "compressed"), 4),
            "extractive_rejected": round(self.rate("extractive"), 4),
            "per_kind": per_kind,
            "per_kind_words_only": words_only,
            "faithful_rejected_reasons": dict(self.reasons.most_common()),
        }


def evaluate(
    articles: list[Article], *, max_chars: int = DEFAULT_MAX_CHARS, seed: int = 0
) -> Figures:
    """Detection of each corruption kind, false rejections of faithful sentences, and of the
    extractive default's summaries."""
    figures = Figures()

    def judge(kind: str, summary: str | Summary, article: Article) -> None:
        # A Summary's opening (who argues or writes) is built from the byline or note, not the text.
        text = (
            summary.text.removeprefix(summary.opening) if isinstance(summary, Summary) else summary
        )
        problems = check_summary(summary, article).problems
        figures.add(kind, problems, unfaithful(text, SourceIndex(article).text))
        if problems and kind in ("faithful", "compressed", "extractive"):
            figures.reasons[f"{kind}: {problems[0].split(' ')[0]}"] += 1

    for example in examples(articles, seed=seed):
        judge(example.kind, example.text, example.article)
    summarizer = ExtractiveSummarizer()
    for article in articles:
        if summarizable(article):
            summary = summarizer.summarize_one(article, max_chars=max_chars)
            if summary.text:
                judge("extractive", summary, article)
    return figures
