"""Weighted term lists and a fast matcher for them.

Chinese terms are found by leftmost-longest substring matching (what an Aho-Corasick automaton
with longest-match semantics gives, done here with a prefix table, which is faster in Python):
a term inside a longer listed term does not count separately (人民币 is not also 人民), and no
segmenter is needed, so multi-word terms like 乡村振兴 match however a segmenter would cut them.
Latin and digit terms (NBA, 5G, iPhone) match whole words only, case-insensitively.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable

from .. import data
from ..errors import ConfigError
from ..text import fold_width

logger = logging.getLogger(__name__)

# key: the term names the topic outright, even inside a story told in another label's words
# (装修 in a story told in prices and costs is still home decoration, so 生活; a furniture
# company's results are 家具企业, the trade, so 经济).
TIER_WEIGHTS = {"key": 6.0, "strong": 3.0, "medium": 2.0, "weak": 1.0}
SINGLE_CHAR_FACTOR = 0.5  # one character is a weaker cue than a word: 军 is not 军队
# A generic word (a verb or adjective such as 发现 or 检查 that, in unlabelled news, mostly turns
# up in stories of other labels) names its label only in some senses: it counts half.
GENERIC_FACTOR = 0.5
_LATIN = re.compile(r"[a-z0-9][a-z0-9.+\-]*[a-z0-9+]|[a-z0-9]")
_LATIN_ONLY = re.compile(r"^[a-z0-9][a-z0-9.+\- ]*$")


def normalize(text: str) -> str:
    """Fold widths and case, so ＮＢＡ, nba and NBA are one term."""
    return fold_width(text).lower()


Weights = dict[str, dict[str, float]]  # term -> {label: weight}


def parse_terms(tables: dict[str, dict[str, str]], *, source: str) -> Weights:
    """``{label: {tier: "space separated terms"}}`` -> ``{term: {label: weight}}``."""
    weights: Weights = {}
    for label, tiers in tables.items():
        if not isinstance(tiers, dict):
            raise ConfigError(f"{source}: terms for {label!r} must be a table of tiers")
        for tier, value in tiers.items():
            if tier not in TIER_WEIGHTS:
                raise ConfigError(
                    f"{source}: {label!r}: unknown tier {tier!r} (use {', '.join(TIER_WEIGHTS)})"
                )
            if not isinstance(value, str):
                raise ConfigError(
                    f"{source}: {label!r}.{tier} must be a string of space-separated terms"
                )
            # Normalized as one string (folding and lowering never make or remove a space): a
            # tenth of the time the classifier takes to load went to normalizing term by term.
            for term in normalize(value).split():
                weight = TIER_WEIGHTS[tier] * (SINGLE_CHAR_FACTOR if len(term) == 1 else 1.0)
                per_label = weights.setdefault(term, {})
                # A term listed twice for a label keeps its highest weight.
                per_label[label] = max(weight, per_label.get(label, 0.0))
    return weights


@lru_cache(maxsize=1)
def listed_terms() -> Weights:
    """The shipped term lists (``briefing/data/topic_terms.toml``) as written, parsed once."""
    from ..compat import tomllib  # here: the built classifier is read from the cache

    text = data.read_text("topic_terms.toml")
    return parse_terms(tomllib.loads(text), source="<default topic terms>")


def _words(name: str) -> frozenset[str]:
    """The words of the shipped word list ``name``, normalized."""
    return frozenset(normalize(word) for word in data.read_words(name))


@lru_cache(maxsize=1)
def generic_terms() -> frozenset[str]:
    """The listed terms that are generic words (``briefing/data/generic_terms.txt``, made
    without labels by ``benchmarks/topics_generic_terms.py``)."""
    return _words("generic_terms.txt")


@lru_cache(maxsize=1)
def lookalikes() -> frozenset[str]:
    """Words that hold a listed term across their parts and carry no label
    (``briefing/data/topic_lookalikes.txt``: 吸引力 holds 引力): matched like terms, so the
    term inside them is not found, they count for nothing."""
    return _words("topic_lookalikes.txt")


@lru_cache(maxsize=1)
def default_terms() -> Weights:
    """The shipped term lists, a generic word counting :data:`GENERIC_FACTOR` of its weight."""
    generic = generic_terms()
    return {
        term: {label: w * GENERIC_FACTOR for label, w in per_label.items()}
        if term in generic
        else per_label
        for term, per_label in listed_terms().items()
    }


class TermMatcher:
    """Finds listed terms in text: leftmost-longest for Chinese, whole words for Latin."""

    def __init__(self, terms: Iterable[str]) -> None:
        self.cjk: set[str] = set()
        self.latin: set[str] = set()
        self.singles: set[str] = set()
        lengths: dict[str, set[int]] = {}
        for term in terms:
            if term.isascii() and _LATIN_ONLY.match(term):  # most terms are Chinese: no regex
                self.latin.add(term)
            elif len(term) == 1:
                self.singles.add(term)
            else:
                self.cjk.add(term)
                lengths.setdefault(term[:2], set()).add(len(term))
        # Two-character prefix -> candidate lengths, longest first.
        self.prefixes = {p: tuple(sorted(ls, reverse=True)) for p, ls in lengths.items()}

    def find(self, text: str) -> list[str]:
        """The terms in ``text`` (already normalized), in order, repeats included."""
        found: list[str] = []
        if self.latin:
            found.extend(w for w in _LATIN.findall(text) if w in self.latin)
        found.extend(text[start:end] for start, end in self.spans(text))
        return found

    def spans(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of each Chinese term and single character in ``text`` (already
        normalized), leftmost-longest, in order; Latin terms are left to :meth:`find`."""
        spans: list[tuple[int, int]] = []
        prefixes, cjk, singles = self.prefixes, self.cjk, self.singles
        i, n = 0, len(text)
        while i < n:
            lengths = prefixes.get(text[i : i + 2])
            if lengths is not None:
                for length in lengths:
                    if text[i : i + length] in cjk:
                        spans.append((i, i + length))
                        i += length
                        break
                else:
                    if text[i] in singles:
                        spans.append((i, i + 1))
                    i += 1
                continue
            if text[i] in singles:
                spans.append((i, i + 1))
            i += 1
        return spans


@dataclass(frozen=True)
class Setting:
    """Where or when a story happens (``briefing/data/topic_settings.toml``): a story that leads
    with one of the labels it ``outweighs`` and whose ``terms`` show in the right place gives
    ``label`` as much again as that label."""

    name: str
    label: str
    outweighs: tuple[str, ...]
    terms: tuple[str, ...]
    # "subject": the term starts the headline or the body (after a dateline and a lead-in such
    # as 当地时间3日，), or a meeting is with a foreign official; "headline": anywhere in the
    # headline or the first sentence; "no_evidence": only for an item with no listed term and no
    # noun that votes, where a word of the headline or first sentence that the segmenter tags
    # with one of ``tags`` shows it.
    where: str = "headline"
    articles_only: bool = False  # a headline alone does not show this setting reliably
    officials: tuple[str, ...] = ()  # who a meeting must be with: 总统 in 法国总统, 外宾
    tags: tuple[str, ...] = ()  # segmenter tags (ns: a place name) for where = "no_evidence"
    # Words one of which must be in the openings (headline, first sentence) beside the term (春节
    # for 坚守岗位: on duty over a holiday, not any duty), found as terms are (国庆 in 中国庆祝 is
    # none); a term of the setting's label holding one (春节坚守) shows it itself. Empty: no such
    # need.
    with_words: tuple[str, ...] = ()


def _tables(name: str) -> dict[str, Any]:
    """The tables of the shipped TOML data file ``name``."""
    from ..compat import tomllib

    return tomllib.loads(data.read_text(name))


def _table_words(table: dict[str, Any], key: str) -> tuple[str, ...]:
    """The words of ``table[key]`` (space-separated; none where absent), normalised, each once."""
    return tuple(dict.fromkeys(normalize(t) for t in table.get(key, "").split()))


@lru_cache(maxsize=1)
def default_settings() -> tuple[Setting, ...]:
    """The shipped settings (``briefing/data/topic_settings.toml``), parsed once."""
    return tuple(
        Setting(
            name=name,
            label=table["label"],
            outweighs=tuple(table.get("outweighs", ())),
            terms=_table_words(table, "terms"),
            where=table.get("where", "headline"),
            articles_only=bool(table.get("articles_only", False)),
            officials=_table_words(table, "officials"),
            tags=tuple(table.get("tags", "").split()),
            with_words=_table_words(table, "with"),
        )
        for name, table in _tables("topic_settings.toml").items()
    )


@dataclass(frozen=True)
class Sense:
    """Listed words with two senses (``briefing/data/topic_senses.toml``): each of ``terms``
    counts for ``label`` alone in an article that holds one of ``companions``, and for its other
    listed labels in one that does not."""

    name: str
    label: str
    terms: tuple[str, ...]
    companions: tuple[str, ...]


@lru_cache(maxsize=1)
def default_senses() -> tuple[Sense, ...]:
    """The shipped senses (``briefing/data/topic_senses.toml``), parsed once."""
    return tuple(
        Sense(
            name=name,
            label=table["label"],
            terms=_table_words(table, "terms"),
            companions=_table_words(table, "companions"),
        )
        for name, table in _tables("topic_senses.toml").items()
    )
