"""The default topic classifier: weighted term lists, offline, deterministic and explainable.

Each label has terms in tiers (``briefing/data/topic_terms.toml``); a generic word among them
(``data/generic_terms.txt``: one the segmenter tags as a verb or adjective that mostly turns up in
other labels' stories) counts half. An article's score for
a label adds up the weights of the label's terms found in it, more for the title than the body
(kicker, subtitle, column and subheads in between), with repeats counting less and less. The
winning label's strongest terms are its evidence. Scores become probabilities by a softmax with
a fixed temperature, widened for articles with much evidence, so a long article is not certain
just because it is long. No listed term at all: the nouns of the headline and the first sentence
stand in, each voting for the label whose listed terms share its two-character parts most (a
part that several labels share, or that belongs to background words, votes for none); the
voting nouns are the evidence. Scant evidence (no label with more than one weak term's worth, as
a headline with one weak term has): the nouns, or the names below, vote beside it.
A listed word with two senses (``data/topic_senses.toml``: 公牛 a team or a bull) counts for the
sense its companions in the article show, or else for its other labels; as a noun it votes for
none. A companion is found as a term is; a listed term of the sense's label that holds one
shows the sense too (平板电脑 a computer, 季后赛首轮 a game; not 运载火箭, a 科技 term). A look-alike (``data/topic_lookalikes.txt``: 吸引力, which holds 引力) is matched like a
term and counts for nothing, so the term inside it is not found.
No noun votes: a headline or first sentence that names a place (segmenter tag ns) is about the
place, which the shipped settings file under 文化 (travel, local history and lore); one that
names a person (nr), most likely a celebrity, goes there too. Still
nothing: the taxonomy's fallback label (社会 by default). Either way the score is low.

Who acts, where and when weigh more than subject-matter words (settings,
``data/topic_settings.toml``): a story whose headline or opening starts with a foreign country,
place, government or official (after any dateline and lead-in such as 当地时间3日，), or reports
a meeting with a foreign official, is foreign news; one set in the past (a dynasty, an emperor's
court, a legend) is culture. When the story leads with a label the setting outweighs (for
foreign news: politics, economy, crime and the like, not sport, culture or military), the
setting's label gets as much again as that label, and the place or period is then its first
evidence. A first paragraph that is only a byline or a one-line hook does not say who acts: the
next paragraph's opening is read too.
"""

from __future__ import annotations

import logging
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ..records import Article, Topic
from .taxonomy import Taxonomy, load_taxonomy
from .terms import (
    TIER_WEIGHTS,
    Sense,
    Setting,
    TermMatcher,
    Weights,
    default_senses,
    default_settings,
    lookalikes,
    default_terms,
    normalize,
    parse_terms,
)

logger = logging.getLogger(__name__)

# How much a term counts in each part of an article: the title decides more than the body.
FIELD_WEIGHTS = {
    "title": 3.0,
    "kicker": 2.0,
    "subtitle": 2.0,
    "column": 1.5,
    "subheads": 1.5,
    "captions": 1.0,
}
LEAD_CHARS = 300  # the first characters of the body count fully; the rest half
OPENING_CHARS = 40  # without a title, the body's opening usually is one: it counts double
OPENING_WEIGHT = 2.0
# Beyond this the body is not read (speed). Features often open with a scene (a meal, a village,
# a legend) and say what they are about only later: 1,500 characters cut some of them short.
BODY_CHARS = 3000
REST_WEIGHT = 0.5
EVIDENCE_TERMS = 5
# Calibration: set by hand, not fitted; check with a reliability table before relying on it.
TEMPERATURE = 1.6
EVIDENCE_SCALE = 12.0  # above this much total evidence, margins are damped by sqrt(total/scale)
# No label has more than one weak term's worth (a weak term, or two single characters, in a
# headline): the nouns vote too, as they do where nothing is listed.
SCANT_EVIDENCE = TIER_WEIGHTS["weak"]
PARTIAL_SHARE = 0.6  # a two-character part votes only for a label holding this share of its weight
SETTING_CHARS = 80  # the body's opening that tells where a story happens: dateline and subject
HOOK_CHARS = 20  # a first paragraph this short is a byline or a hook: the next one is read too
HEADLINE_CHARS = 100  # a text this short is a headline or a brief, not an article
SUBJECT_CHARS = 3  # a place or actor starting this close to the start is the subject, not a detail
_LONGEST_TERM = 10
_OPENING_MARKS = " \t\n“\"'「『《【（(—-·"
# A dateline says where the story was filed: 新华社华盛顿1月5日电（记者 X）, 本报驻法国记者 X.
_DATELINE = re.compile(
    r"(?:[^。，,；\s]{0,12}?\d{1,2}月\d{1,2}日|新华社[^。，,；\s]{1,12}?)(?:电|讯)(?:[（(][^）)]{0,20}[）)])?\s*"
    r"|本报讯\s*(?:[（(][^）)]{0,20}[）)])?\s*|本报驻[^。，,；\s]{1,8}?记者[^。，,；\s]{0,4}\s*"
)
# When, or on whose word, before the subject: 当地时间3日，美国警方…; 1月3日，日本央行…;
# 据报道，日前，…
_LEAD_IN = re.compile(
    r"(?:(?:当地时间|北京时间)?(?:\d{4}年)?(?:\d{1,2}月)?"
    r"(?:\d{1,2}日|周[一二三四五六日天]|星期[一二三四五六日天])"
    r"(?:上午|下午|中午|早上|早间|晚间|晚上|晚|凌晨|夜间)?"
    r"|日前|近日|近期|此前|昨天|今天|昨日|今日|本周|上周|(?:另)?据(?:报道|悉|了解|介绍))[，,]"
)
_OFFICIAL_GAP = 8  # 法国总统, 马来西亚总理, 美国国务卿特使: the office follows the place closely
# A meeting with, or attendance at a summit of, foreign officials (举行会谈 is 会谈).
_MEETING_VERBS = ("会见", "会谈", "会晤", "通电话", "致电", "致信", "贺电", "接见", "出席")
# China and a partner: 中国同巴西…, 我国与东盟…: the partner is who the story is about.
_PARTNER = re.compile(r"(?:中国|我国|中方)(?:政府)?(?:同|与|和)")


Pairs = tuple[tuple[int, float], ...]  # a term's (label index, weight) pairs
_LATIN_START = re.compile(r"[a-z0-9]")
_BREAKS = frozenset("\n ,.;:!?，。；：！？、")
_BREAK_SEARCH = 30
_LATIN_WORD = re.compile(r"[a-z0-9]{2}")


def _prefix_in(term: str, terms: frozenset[str]) -> str | None:
    """The longest of ``terms`` that starts ``term`` and is shorter, if any."""
    return next((term[:n] for n in range(len(term) - 1, 1, -1) if term[:n] in terms), None)


def _setting_shown_by(term: str, pairs: Pairs, terms: frozenset[str], label: int) -> str | None:
    """The setting's term that a found ``term`` shows: itself if one of the setting's
    ``terms``, else the longest of them that starts it if it is a term of the setting's
    ``label`` (美国 in 美国总统, not 朝鲜 in 朝鲜族)."""
    if term in terms:
        return term
    if any(index == label for index, _ in pairs):
        return _prefix_in(term, terms)
    return None


def _cut(text: str, at: int, matcher: TermMatcher | None = None) -> int:
    """Where to split ``text`` near ``at``: at the next punctuation or line break, so the split
    does not cut a term in two (党性|修养 would count as 党性 and 修养); with none near, after the
    term (of ``matcher``, found in the uncut text) that starts before ``at``, and never inside a
    Latin word: cut hard, 西汉姆 would leave 西汉."""
    for i in range(at, min(len(text), at + _BREAK_SEARCH)):
        if text[i] in _BREAKS:
            return i
    end = at
    if end < len(text):
        if matcher is not None:
            reach = text[: at + _BREAK_SEARCH]
            ends = [stop for start, stop in matcher.spans(reach) if start < at]
            end = max(end, *ends) if ends else end
        while end < len(text) and _LATIN_WORD.match(text, end - 1, end + 1):
            end += 1
    return end


def _opening(paragraph: str, matcher: TermMatcher | None) -> str:
    """The first sentence of ``paragraph`` within about :data:`SETTING_CHARS`, cut as the fields
    are (:func:`_cut`), so a term found in it is found in the fields too."""
    return paragraph[: _cut(paragraph, SETTING_CHARS, matcher)].split("。")[0]


@dataclass
class ArticleTexts:
    """An article's texts normalized for matching, each normalized once."""

    fields: list[tuple[str, float]]  # text part and the weight it carries
    # where a setting shows: kicker, title and subtitle, the body's first sentence and, after a
    # byline or a one-line hook, the next paragraph's (see :meth:`KeywordClassifier.setting_term`)
    openings: list[str]
    # text -> the listed terms in it, found once for the scores and the settings (a headline
    # is both a field and where a setting shows)
    found: dict[str, list[str]] = field(default_factory=dict)
    # opening -> the listed terms and settings' with-words in it (see
    # :meth:`KeywordClassifier.openings_show`)
    found_with: dict[str, list[str]] = field(default_factory=dict)


def article_texts(article: Article, *, matcher: TermMatcher | None = None) -> ArticleTexts:
    """The article's texts; a field or opening too long to cut at a break is cut after the
    ``matcher``'s term that straddles the limit (see :func:`_cut`)."""
    heads = {
        name: normalize(getattr(article, name))
        for name in ("title", "kicker", "subtitle", "column")
        if getattr(article, name)
    }
    parts: list[tuple[str, float]] = [(text, FIELD_WEIGHTS[name]) for name, text in heads.items()]
    for name in ("subheads", "captions"):
        values = getattr(article, name) or []
        if values:
            parts.append((normalize("\n".join(values)), FIELD_WEIGHTS[name]))
    body = normalize(article.text[:BODY_CHARS])
    if body:
        lead = _cut(body, LEAD_CHARS, matcher)
        if not article.title and len(body) > OPENING_CHARS:
            opening = _cut(body, OPENING_CHARS, matcher)
            parts.append((body[:opening], OPENING_WEIGHT))
            parts.append((body[opening:lead], 1.0))
        else:
            parts.append((body[:lead], 1.0))
        if len(body) > lead:
            parts.append((body[lead:], REST_WEIGHT))
    paragraphs = body[: HOOK_CHARS + 1 + SETTING_CHARS + _BREAK_SEARCH].split("\n", 2)
    openings = [heads[name] for name in ("kicker", "title", "subtitle") if name in heads]
    openings.append(_opening(paragraphs[0], matcher))
    if len(paragraphs) > 1 and len(paragraphs[0]) <= HOOK_CHARS:
        # A byline or a one-line hook (小事见真情。) opens the text: who acts and where come in
        # the next paragraph.
        openings.append(_opening(paragraphs[1], matcher))
    stripped = [text.lstrip(_OPENING_MARKS) for text in openings]
    return ArticleTexts(parts, [text for text in stripped if text])


def article_fields(article: Article) -> list[tuple[str, float]]:
    """The article's text parts with the weight each carries, normalized for matching."""
    return article_texts(article).fields


class KeywordClassifier:
    """Labels articles by weighted term lists; see the module docstring."""

    method = "keywords"

    def __init__(
        self, *, taxonomy: str | Path | Taxonomy | None = None, terms: Weights | None = None
    ) -> None:
        self.taxonomy = load_taxonomy(taxonomy)
        weights = dict(terms if terms is not None else default_terms())
        # A custom taxonomy may bring terms of its own, added to (or replacing weights of) the defaults.
        for label in self.taxonomy.labels:
            if label.terms:
                for term, per_label in parse_terms(
                    {label.name: dict(label.terms)}, source=self.taxonomy.source
                ).items():
                    weights[term] = {**weights.get(term, {}), **per_label}
        position = {name: i for i, name in enumerate(self.taxonomy.names)}
        # Keep only the labels this taxonomy has: term -> ((label index, weight), ...).
        self.weights: dict[str, Pairs] = {}
        for term, per_label in weights.items():
            kept = tuple([(position[lab], w) for lab, w in per_label.items() if lab in position])
            if kept:
                self.weights[term] = kept
        covered = {index for pairs in self.weights.values() for index, _ in pairs}
        without = [n for i, n in enumerate(self.taxonomy.names) if i not in covered]
        if without:
            logger.warning(
                "taxonomy %s: no terms for %s; they can only be the fallback",
                self.taxonomy.source,
                ", ".join(without),
            )
        for word in lookalikes():  # matched, so the term inside is not, and worth nothing
            self.weights.setdefault(word, ())
        self._setup_settings(default_settings())  # adds the settings' terms
        self._setup_senses(default_senses())
        del self._label_terms  # needed only to set up: the cached classifier does not carry it
        self.matcher = TermMatcher(self.weights)
        self._with_matcher: TermMatcher | None = None  # built on first need
        self._parts: dict[str, tuple[int, float]] | None = None  # built on first need

    @property
    def with_matcher(self) -> TermMatcher:
        """The matcher of the settings' with-words, sought in the openings alone, beside the
        listed terms so that leftmost-longest still holds (三分 in 三分之一 is not): the scores'
        matcher has only listed terms, so an unlisted with-word (佳节) hides no term (节日, 节目)
        elsewhere. Built on first need, which few articles have (the cached classifier does
        not carry it)."""
        if self._with_matcher is None:
            unlisted = self._with_words - self.weights.keys()
            self._with_matcher = (
                TermMatcher([*self.weights, *unlisted]) if unlisted else self.matcher
            )
        return self._with_matcher

    @property
    def parts(self) -> dict[str, tuple[int, float]]:
        """Two-character part of the listed terms -> (the label holding most of its weight, that
        share), for the parts where the share is clear and that are not in background words."""
        if self._parts is None:
            from ..assemble.day_keywords import background_words

            weights: dict[str, dict[int, float]] = defaultdict(lambda: defaultdict(float))
            for term, pairs in self.weights.items():
                if len(term) < 2 or _LATIN_START.match(term):
                    continue
                for part in {term[i : i + 2] for i in range(len(term) - 1)}:
                    for index, weight in pairs:
                        weights[part][index] += weight
            background = {w[i : i + 2] for w in background_words() for i in range(len(w) - 1)}
            self._parts = {}
            for part, per_label in weights.items():
                index, weight = max(per_label.items(), key=lambda kv: (kv[1], -kv[0]))
                share = weight / sum(per_label.values())
                # A word with two senses (公牛) votes for neither without its companions.
                if share >= PARTIAL_SHARE and part not in background and part not in self.senses:
                    self._parts[part] = (index, share)
        return self._parts

    def noun_votes(self, article: Article) -> tuple[list[float], dict[int, dict[str, float]]]:
        """Per label, the votes of the headline's and first sentence's nouns (see the module doc)."""
        from ..text import tagged

        totals = [0.0] * len(self.taxonomy.labels)
        contributions: dict[int, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        opening = article.text[:SETTING_CHARS].split("。")[0]
        dateline = _DATELINE.match(opening)  # 本报讯（记者王明）: the reporter is not the subject
        if dateline:
            opening = opening[dateline.end() :]
        text = normalize(" ".join(p for p in (article.headline, opening) if p))
        parts = self.parts
        words = [(word, tag) for word, tag in tagged(text) if len(word) >= 2]
        for word, tag in words:
            if not tag.startswith("n"):
                continue
            for part in {word[i : i + 2] for i in range(len(word) - 1)}:
                if part in parts:
                    index, share = parts[part]
                    totals[index] += share
                    contributions[index][word] += share
        if not any(totals):
            # No part votes: a word of a kind a no-evidence setting names (a place) decides.
            for index, tags in self.no_evidence:
                for word, tag in words:
                    if tag.startswith(tags):  # nr covers nrfg and nrt, as names do elsewhere
                        totals[index] += 1.0
                        contributions[index][word] += 1.0
        return totals, contributions

    def _setup_settings(self, settings: tuple[Setting, ...]) -> None:
        """The settings whose label this taxonomy has; their terms also count as medium terms
        for that label."""
        kept: list[tuple[Setting, int, frozenset[int], frozenset[str]]] = []
        self._with_words: set[str] = set()
        self.no_evidence: list[tuple[int, tuple[str, ...]]] = []  # label, segmenter tags
        for setting in settings:
            if setting.label not in self.taxonomy:
                continue
            label = self.taxonomy.index(setting.label)
            if setting.where == "no_evidence":
                self.no_evidence.append((label, tuple(setting.tags)))
                continue
            outweighs = frozenset(
                self.taxonomy.index(name) for name in setting.outweighs if name in self.taxonomy
            )
            for term in setting.terms:
                pairs = dict(self.weights.get(term, ()))
                pairs[label] = max(pairs.get(label, 0.0), TIER_WEIGHTS["medium"])
                self.weights[term] = tuple(pairs.items())
            kept.append((setting, label, outweighs, frozenset(setting.terms)))
        # Label -> its listed terms, indexed once for the settings' and the senses' scans (the
        # words these add are worth nothing, of no label).
        self._label_terms: dict[int, list[str]] = defaultdict(list)
        for term, listed in self.weights.items():
            for index in {index for index, _ in listed}:
                self._label_terms[index].append(term)
        # Setting, its label, the labels it outweighs, its terms, the terms it is found by (its
        # own, and its label's terms that start with one, as 美国总统 starts with 美国): in an
        # article holding none of them it cannot show; and the terms that show its with-words
        # (:meth:`_shown_by`; none: no such need).
        self.settings = [
            (
                setting,
                label,
                outweighs,
                terms,
                self._found_by(terms, label),
                self._shown_by(frozenset(setting.with_words), label, listed=False),
            )
            for setting, label, outweighs, terms in kept
        ]

    def _found_by(self, terms: frozenset[str], label: int) -> frozenset[str]:
        """The listed terms that show a setting of ``terms`` and ``label`` where found (see
        :func:`_setting_shown_by`): its terms, all listed, and those of ``label`` that one
        starts."""
        return terms | frozenset(
            term for term in self._label_terms[label] if _prefix_in(term, terms) is not None
        )

    def _shown_by(
        self, words: frozenset[str], label: int, *, listed: bool = True
    ) -> frozenset[str]:
        """The listed terms that show one of ``words`` where found: the words themselves, found
        as terms are (leftmost-longest, so 三分 in 三分之一 is not), and the terms of ``label``
        that hold one (平板电脑 holds 电脑, 季后赛首轮 季后赛; not 运载火箭, a 科技 term, for a
        game's 火箭, nor a look-alike such as 热火朝天, which has no label). A word not listed is
        matched so that it is found: where ``listed``, by the scores' matcher, worth nothing;
        else, by the openings' matcher alone (:meth:`openings_show`)."""
        if not listed:
            self._with_words.update(words)
        return words | frozenset(self._holders(words, label, listed=listed))

    def _holders(
        self, words: frozenset[str], label: int, *, listed: bool = True
    ) -> dict[str, frozenset[str]]:
        """Each listed term of ``label`` that holds one of ``words`` -> the words it holds, found
        in one pass over the label's terms; where ``listed``, ``words`` not listed are listed,
        worth nothing (see :meth:`_shown_by`)."""
        for word in words if listed else ():
            self.weights.setdefault(word, ())
        held: dict[str, frozenset[str]] = {}
        for term in self._label_terms[label]:
            inside = frozenset(word for word in words if word in term)
            if inside:
                held[term] = inside
        return held

    def _setup_senses(self, senses: tuple[Sense, ...]) -> None:
        """Listed term of a sense whose label this taxonomy has -> (the terms that show the
        sense, itself left out (:meth:`_shown_by`); its weights where one is in the article: the
        sense's label alone, at the term's highest weight; and where none is: its other
        labels)."""
        self.senses: dict[str, tuple[frozenset[str], Pairs, Pairs]] = {}
        for sense in senses:
            if sense.label not in self.taxonomy:
                continue
            label = self.taxonomy.index(sense.label)
            if not any(self.weights.get(term) for term in sense.terms):
                continue  # a sense the lists in use lack: its companions are not listed either
            companions = frozenset(sense.companions)
            # One pass over the weights per sense, not per term: a sense's terms share its
            # companions, a term only leaves itself out of them.
            held = self._holders(companions, label)
            for term in sense.terms:
                pairs = self.weights.get(term)
                if pairs:  # a term the lists in use lack has no sense to tell
                    shown = ((label, max(weight for _, weight in pairs)),)
                    others = tuple((index, weight) for index, weight in pairs if index != label)
                    words = companions - {term}
                    holders = {held_by for held_by, inside in held.items() if inside - {term}}
                    self.senses[term] = (words | holders - {term}, shown, others)

    def terms_in(self, text: str, texts: ArticleTexts) -> list[str]:
        """The listed terms in ``text``, a part of the article ``texts`` holds, found once."""
        found = texts.found.get(text)
        if found is None:
            found = texts.found[text] = self.matcher.find(text)
        return found

    def setting_hits(
        self, terms: frozenset[str], label: int, text: str, texts: ArticleTexts
    ) -> list[str]:
        """A setting's ``terms`` in ``text``, found as the scores find terms: leftmost-longest
        over every listed term, so one inside a longer term does not count (民国 in
        全民国家安全教育日) unless it starts a longer term of the setting's ``label`` (美国 in
        美国总统, not 朝鲜 in 朝鲜族)."""
        hits = []
        for term in self.terms_in(text, texts):
            shown = _setting_shown_by(term, self.weights[term], terms, label)
            if shown is not None:
                hits.append(shown)
        return hits

    def openings_show(self, shown_by: frozenset[str], texts: ArticleTexts) -> bool:
        """Whether the article's openings (headline, first sentence) hold one of the terms
        ``shown_by`` gives for a setting's with-words (a holiday's name beside duty words),
        found as terms are: 国庆 in 中国庆祝 or 过年 in 超过年度 is no holiday."""
        matcher = self.with_matcher
        for text in texts.openings:
            found = texts.found_with.get(text)
            if found is None:
                found = texts.found_with[text] = matcher.find(text)
            if not shown_by.isdisjoint(found):
                return True
        return False

    def setting_term(
        self,
        setting: Setting,
        label: int,
        terms: frozenset[str],
        texts: ArticleTexts,
        with_shown: frozenset[str] = frozenset(),
    ) -> str | None:
        """The term that shows ``setting`` in the article, if any (see :class:`Setting`); where
        ``with_shown`` is not empty, only beside one of its terms in the openings."""
        for text in texts.openings:
            if setting.where != "subject":
                found = self.setting_hits(terms, label, text, texts)
                if found and (not with_shown or self.openings_show(with_shown, texts)):
                    return found[0]
                continue
            # The subject: a place or actor at the start, after any dateline (本报驻法国记者) and
            # any lead-in of time or source (当地时间3日，据报道，).
            dateline = _DATELINE.match(text)
            start = dateline.end() if dateline else 0
            while lead_in := _LEAD_IN.match(text, start):
                start = lead_in.end()
            if partner := _PARTNER.match(text, start):
                start = partner.end()
            zone = text[: start + SUBJECT_CHARS + _LONGEST_TERM]
            for term in self.setting_hits(terms, label, zone, texts):
                if zone.find(term) < start + SUBJECT_CHARS:
                    return term
            # Or a meeting with a foreign official: 会见法国总统, 会见外宾.
            if any(verb in text for verb in _MEETING_VERBS):
                for term in self.setting_hits(terms, label, text, texts):
                    after = text.find(term) + len(term)
                    if any(
                        o in term or o in text[after : after + _OFFICIAL_GAP]
                        for o in setting.officials
                    ):
                        return term
        return None

    def scores(self, article: Article) -> tuple[list[float], dict[int, dict[str, float]]]:
        """Raw score per label (taxonomy order) and, per label, each term's contribution."""
        totals = [0.0] * len(self.taxonomy.labels)
        contributions: dict[int, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        weights, senses = self.weights, self.senses
        texts = article_texts(article, matcher=self.matcher)
        fields = [(self.terms_in(text, texts), weight) for text, weight in texts.fields]
        present = {term for in_field, _ in fields for term in in_field}  # every listed term
        for in_field, field_weight in fields:
            counts: dict[str, int] = {}
            for term in in_field:
                counts[term] = counts.get(term, 0) + 1
            for term, count in counts.items():
                damped = field_weight * (1.0 + math.log(count))
                pairs = weights[term]
                if term in senses:
                    shown_by, sensed, others = senses[term]
                    pairs = others if shown_by.isdisjoint(present) else sensed
                for index, weight in pairs:
                    value = weight * damped
                    totals[index] += value
                    contributions[index][term] += value
        for setting, label, outweighs, terms, found_by, with_shown in self.settings:
            # A headline alone seldom says who acts (日本车 is a car, 日本央行 an actor).
            if setting.articles_only and len(article.text) <= HEADLINE_CHARS:
                continue
            if found_by.isdisjoint(present):  # the openings are parts of the fields
                continue
            leading = max(range(len(totals)), key=totals.__getitem__)
            # Only a story led by a label the setting outweighs moves: foreign sport stays sport.
            if leading in outweighs and totals[leading] > 0:
                found = self.setting_term(setting, label, terms, texts, with_shown)
                if found is not None:
                    totals[label] += totals[leading]
                    contributions[label][found] += totals[leading]
        return totals, contributions

    def classify_one(self, article: Article) -> Topic:
        return self.decide(article, *self.scores(article))

    def decide(
        self,
        article: Article,
        totals: list[float],
        contributions: dict[int, dict[str, float]],
    ) -> Topic:
        """The topic of ``article`` from its :meth:`scores` (which this may change), for a caller
        that has read them already."""
        labels = self.taxonomy.names
        fallback = self.taxonomy.fallback
        if max(totals) <= SCANT_EVIDENCE:
            # No evidence, or one weak cue, which is no more telling than the headline's nouns:
            # they vote beside it.
            votes, voters = self.noun_votes(article)
            for index, vote in enumerate(votes):
                totals[index] += vote
                for word, value in voters[index].items():
                    contributions[index][word] += value
        if not any(totals):
            has_text = bool(article.text.strip() or article.headline.strip())
            score = 1.0 / len(labels) if has_text else 0.0
            return Topic(
                label=fallback,
                score=round(score, 4),
                runner_up=None,
                evidence=[],
                method=self.method,
            )
        # Highest score wins; a tie goes to the label with the single strongest term, then to
        # the label earlier in the taxonomy.
        order = sorted(range(len(labels)), key=lambda i: (-totals[i], i))
        if totals[order[0]] == totals[order[1]]:
            tied = [i for i in order if totals[i] == totals[order[0]]]
            tied.sort(key=lambda i: (-max(contributions[i].values()), i))
            order = tied + order[len(tied) :]
        best, second = order[0], order[1]
        runner_up = labels[second] if totals[second] > 0 else None
        total = sum(totals)
        damp = max(1.0, math.sqrt(total / EVIDENCE_SCALE))
        top = totals[best]
        norm = sum(math.exp((t - top) / (TEMPERATURE * damp)) for t in totals)
        evidence = sorted(contributions[best].items(), key=lambda kv: (-kv[1], kv[0]))[
            :EVIDENCE_TERMS
        ]
        return Topic(
            label=labels[best],
            score=round(1.0 / norm, 4),
            runner_up=runner_up,
            evidence=[term for term, _ in evidence],
            method=self.method,
        )

    def classify(self, articles: list[Article]) -> list[Topic]:
        return [self.classify_one(article) for article in articles]
