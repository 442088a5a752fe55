"""Display titles: the printed headline on one line (printed_titles), or a short generated one.

A generated title is cut from the article's lead sentence: the actor, the action and its
object, with times, adverbs, prepositional settings and long quotations deleted, at most
``max_chars`` characters, cut only at word boundaries.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

from .. import data
from ..records import Article
from ..text import NAME_TAGS, tagged
from .actors import kicker_actor, lacks_subject
from .compress import (
    compress_clauses,
)
from .headlines import (
    MAX_TITLE_CHARS,
    NO_ACTOR,
    has_predicate,
    has_verb,
    headline_problems,
)
from .furniture import Reading, box_paragraphs, read_furniture
from .printed_titles import display_title
from .references import TURNS
from .ranking import gram_counts, gram_strings, rank_sentences, weighted
from .sentences import (
    article_dateline,
    dateline_place,
    has_quantity,
    split_dateline,
    split_sentences,
)
from .verbs import ACTION_END, main_verb, verbal

# Hard news under a dateline (本报北京2月5日电) states its event in the lead's opening clause:
# that clause costs this many ranking steps less than its place in the ranking. A lead that
# names the day (5日, 今天) reports an event; one that does not sets a scene (中午，食堂里……).
DATELINE_LEAD_STEPS = 2
_DATED_LEAD = re.compile(r"(?<![\d０-９])[\d０-９]{1,2}日|近日|日前|今天|昨天|今日|昨日|当天")
NO_TITLE = "（无标题）"  # shown, unmarked, where no candidate reads as a headline
from .title_clauses import (
    SPEECH_VERBS,
    MIN_GENERATED_CHARS,
    deletion_breaks,
    shortened_clause,
    headline_form,
    opening_word,
    heading_line,
    shorten,
)


class _Origin(NamedTuple):
    """Where a candidate title was cut from: the sentence (its place in the body and in the
    ranking; -1 for a heading the body opens with), the run of clauses, whether an actor or the
    dateline place was put before it, and how long the clauses were before they were shortened."""

    sentence: int
    rank: int
    start: int
    clauses: int
    prefixed: bool
    source_chars: int


class _Opening(NamedTuple):
    """The article's dateline (printed or given), the place it names, and the first paragraph
    after it: read once, for the candidates and for the ranker's context."""

    dateline: str
    place: str
    paragraph: str


def _opening(article: Article) -> _Opening:
    paragraph = split_dateline(article.body[0] if article.body else "")[1]
    dateline = article_dateline(article) or ""
    return _Opening(dateline, dateline_place(dateline) or "", paragraph)


def _candidates(
    article: Article, limit: int, opening: _Opening | None = None
) -> Iterator[tuple[str, float, _Origin]]:
    """Titles to choose from, best first: a heading the body opens with, then each of the leading
    and best-ranked sentences shortened (its first clause, or more until it has a verb)."""
    heading = heading_line(article, limit=limit)
    if heading:
        yield heading, 0, _Origin(-1, -1, 0, 1, False, len(heading))
    # A box beside the text (a biography above the news) ranks last, and is no title's source
    # either: neither among the best-ranked nor among the leading sentences, unless it is all.
    boxed = box_paragraphs(article.body, article.headline)
    by_hand = rank_sentences(article, hand=True)
    ranked = [s for s in by_hand if s.sentence.paragraph not in boxed] or by_hand
    actor = kicker_actor(article)
    dateline, place, lead_text = opening or _opening(article)
    dated_lead = bool(_DATED_LEAD.search(lead_text))
    lead = sorted(ranked, key=lambda s: s.sentence.index)[:3]
    seen: set[int] = set()
    for order, scored in enumerate(ranked[:5] + lead):
        if scored.sentence.index in seen:
            continue
        seen.add(scored.sentence.index)
        clauses = compress_clauses(scored.sentence.text)
        # Runs of one to three clauses from each of the first three: a later clause may hold the news.
        runs = [
            (start, n)
            for start in range(min(len(clauses), 3))
            for n in range(1, min(len(clauses) - start, 3) + 1)
        ]
        for start, n in runs:
            # A clause that only sets the scene (启动仪式上，) opens no headline: its actor follows it.
            if _is_setting(clauses[start][0]):
                continue
            # The clause before 但 concedes what the next one turns (……会因春旱而减产，但……):
            # the turn is the news, the concession alone misleads.
            if start + n < len(clauses) and opening_word(clauses[start + n][0]) in TURNS:
                continue
            first = "".join(c for c, _ in clauses[start : start + n])
            # A run of clauses is a title only whole: cut, it stops inside its last clause
            # (习近平乘专机抵达金奈 + 应……总理莫迪 | 邀请); its first clause alone is a run of one.
            if n > 1 and len(shortened_clause(first, limit)) > limit:
                continue
            title = shorten(first, limit=limit)
            prefix = actor or place
            prefixed = False
            # Who acts is supplied only for the opening clauses: a later clause may be someone else's.
            if (
                start == 0
                and prefix
                and prefix not in title
                and lacks_subject(title)
                and len(prefix) + 4 <= limit
                # Only a clause that lacks nothing but its actor gets one: 北京 put before
                # 经查……, 到2022年……, 这是…… names no actor, it makes a wrong one.
                and set(headline_problems(title, limit=limit)) <= {NO_ACTOR}
                # 活动将……, 破冰精神: a verbal noun is the subject itself, not a verb lacking one.
                and (first_word := tagged(title)[0])[1] != "vn"
                # The dateline's place acts only in an event (北京举行……, 北京“……”, 北京3万人……):
                # before 将加大……, 免去…… or 受冷空气影响 it names a wrong actor.
                and (actor or _place_leads_to(title, first_word[0]))
            ):
                title = prefix + shorten(first, limit=limit - len(prefix))
                prefixed = True
            # A later clause costs like a sentence further down: the subject opens the sentence.
            # The lead states the event: it costs at most one step, however the ranking places it.
            cost = min(order, scored.sentence.index + 1) + start
            if dateline and scored.sentence.index == 0 and start == 0 and dated_lead:
                cost -= DATELINE_LEAD_STEPS
            # A clause cut to fit may stop inside its subject (……自主研发的新型钠): no headline.
            whole = shorten(first, limit=4 * limit) in (
                title,
                title[len(prefix or "") :],
            ) or has_predicate(title.rsplit("的", 1)[-1])
            if whole:
                yield (
                    title,
                    cost,
                    _Origin(scored.sentence.index, order, start, n, prefixed, len(first)),
                )
            # The clause as a headline states it, though it fits as it is (周海在临江会见星国外长
            # 柯林 -> 周海会见星国外长柯林): without its setting, time and manner.
            form = headline_form(shortened_clause(first, limit))
            # Its length is for title_candidates to judge, as every candidate's is. Made by
            # deletions alone, never cut, it stands where the title above did not, unless a
            # deletion broke a phrase.
            if form != title or not (whole or deletion_breaks(first, form)):
                yield (
                    form,
                    cost,
                    _Origin(scored.sentence.index, order, start, n, False, len(first)),
                )


def _place_leads_to(title: str, first_word: str) -> bool:
    """Whether the clause opens (on ``first_word``) on a news verb, a quotation or a figure."""
    return title[0] in "“0123456789" or bool(ACTION_END.search(first_word))


_SETTING_END = re.compile(r"(?:[^\d一二三四五六七八九十]上|现场)$")


def _is_setting(clause: str) -> bool:
    """A place without a verb (会上, 启动仪式上, 签约现场): the scene, not the event."""
    return bool(_SETTING_END.search(clause.rstrip("，,、 "))) and not has_verb(clause)


# What the ranker knows of a candidate title (:func:`_features`), in the order of the weights in
# ``briefing/data/title_ranker.json``. None depends on one source's habits: where the clause stands
# and how it was cut, what it opens on, which verb it has, how much of the article's recurring
# terms and of the lead it carries.
FEATURES = (
    "salience",  # recurring words, as _salience weighs them
    "cost",  # ranking steps: one for each sentence further down the ranking or later clause
    "heading",  # a heading the body opens with
    "lead",  # cut from the lead sentence
    "sentence",  # the sentence's place in the body (capped at 6, over 6)
    "rank",  # its place in the salience ranking (capped at 7, over 7)
    "later_clause",  # cut from a clause after the sentence's first
    "clauses",  # clauses joined beyond the first
    "prefixed",  # the kicker's actor or the dateline place put before it
    "chars",  # length over the limit
    "short",  # characters short of 10, over 10
    "kept",  # share of its clauses' characters kept (1: not shortened)
    "opens_person",
    "opens_organisation",
    "opens_place",
    "news_verb",  # a verb of the action lexicon (会见, 举行, 签署……)
    "speech_verb",  # 表示, 指出……: someone's statement
    "key_terms",  # share of the article's most recurring terms it carries
    "lead_share",  # share of its character pairs found in the lead
    "dateline_place",  # names the dateline's place
    "digits",
    "quoted",  # a quotation or a named work
    "repeated_share",  # share of its character pairs the article repeats
    "paragraph_share",  # share of its character pairs found in the first paragraph
    "chars_squared",
    "ends_on_verb",
    "opens_noun",  # opens on a noun, a name or a pronoun (who or what acts)
    "ends_noun",  # ends on a noun (what is acted on)
    "headline_shape",  # both, with a verb between that is not a coverb: 临江市举行春季招聘会
    "top_actor",  # names the first name of the best-ranked sentence (after its dateline)
    "bare_figure",  # digits but no amount (sentences.quantities): a year, a date, an ordinal
    # The fourth feature of length with chars, short and chars_squared: they overlap, which an
    # L2-penalised fit spreads the weight over rather than doubles.
    "length_gap",  # distance from a printed headline's typical length, over the limit
)


# A printed headline's typical length in characters: the median of pd2019 half 0's, and of pd1998's;
# sogoucs's is 21, over the 20-character limit, so the feature pulls every source towards the
# People's Daily's lengths.
TYPICAL_HEADLINE_CHARS = 12
# Names and abbreviations (妇联, 人大); of nouns, r is a pronoun (我国, 各地).
_NAME_TAGS = NAME_TAGS + ("j",)
_ACTOR_TAGS = ("n", "r", "j")


class _Context(NamedTuple):
    """What the features need of the whole article, computed once."""

    recurring: dict[str, int]
    key_terms: frozenset[str]
    lead_pairs: frozenset[str]
    place: str
    paragraph_pairs: frozenset[str]
    top_actor: str


def _context(article: Article, opening: _Opening) -> _Context:
    # Folded as ranking.grams folds the pairs of the features (１５ and 15 are one figure).
    recurring = gram_counts(article.body[:12])
    # The ten character pairs the article repeats most (three times at least), Chinese only.
    frequent = sorted(
        (g for g, c in recurring.items() if c >= 3 and _ALL_HAN.match(g)),
        key=lambda g: -recurring[g],
    )
    lead = split_sentences(opening.paragraph, limit=1) if article.body else []
    return _Context(
        recurring,
        frozenset(frequent[:10]),
        frozenset(gram_strings(lead[0].text if lead else "")),
        opening.place,
        frozenset(gram_strings(article.body[0]) if article.body else ()),
        _top_actor(article),
    )


def _top_actor(article: Article) -> str:
    """The first name (two characters or more) of the article's best-ranked sentence: who the
    article is most about, as a sub-editor would put them in the headline."""
    ranked = rank_sentences(article, hand=True)
    # Without its dateline: the agency (新华社, 本报讯) or the place it is filed from is no actor.
    words = tagged(split_dateline(ranked[0].sentence.text)[1]) if ranked else []
    return next((w for w, t in words if t.startswith(_NAME_TAGS) and len(w) >= 2), "")


_ALL_HAN = re.compile(r"^[\u4e00-\u9fff]+$")


def _features(
    title: str, cost: float, origin: _Origin, context: _Context, limit: int
) -> tuple[float, ...]:
    words = tagged(title)
    opening = words[0][1] if words else ""
    pairs = gram_strings(title)
    digits = any(c.isdigit() for c in title)
    content = [i for i, (_, t) in enumerate(words) if t not in ("x", "w")]
    opens_noun = bool(content) and words[content[0]][1].startswith(_ACTOR_TAGS)
    # 会见 is tagged n, but a title ending on it ends on its verb (市长王明会见), not on a noun.
    last = words[content[-1]] if content else ("", "")
    ends_noun = (last[1].startswith(("n", "j")) or last[1] == "vn") and not verbal(*last)
    # The verb stands between who acts and what is acted on.
    acts = any(main_verb(words, i) for i in content[1:-1])
    return (
        _salience(title, context.recurring),
        cost,
        float(origin.sentence < 0),
        float(origin.sentence == 0),
        min(max(origin.sentence, 0), 6) / 6,
        min(max(origin.rank, 0), 7) / 7,
        float(origin.start > 0),
        origin.clauses - 1.0,
        float(origin.prefixed),
        len(title) / limit,
        max(0, 10 - len(title)) / 10,
        min(1.0, len(title) / max(origin.source_chars, 1)),
        float(opening.startswith("nr")),
        float(opening.startswith("nt")),
        float(opening.startswith("ns")),
        float(any(ACTION_END.search(w) for w, _ in words)),
        float(any(w in SPEECH_VERBS for w, _ in words)),
        len(pairs & context.key_terms) / len(context.key_terms) if context.key_terms else 0.0,
        len(pairs & context.lead_pairs) / len(pairs) if pairs else 0.0,
        float(bool(context.place) and context.place in title),
        float(digits),
        float(any(c in title for c in "“《")),
        sum(context.recurring.get(g, 0) >= 2 for g in pairs) / len(pairs) if pairs else 0.0,
        len(pairs & context.paragraph_pairs) / len(pairs) if pairs else 0.0,
        (len(title) / limit) ** 2,
        float(bool(words) and verbal(*words[-1])),
        float(opens_noun),
        float(ends_noun),
        float(opens_noun and acts and ends_noun),
        float(bool(context.top_actor) and context.top_actor in title),
        float(digits and not has_quantity(title)),
        abs(len(title) - TYPICAL_HEADLINE_CHARS) / limit,
    )


class TitleCandidate(NamedTuple):
    """A generated title that passes the headline checks, with what the ranker knows of it."""

    title: str
    features: tuple[float, ...]


def title_candidates(article: Article, *, limit: int = MAX_TITLE_CHARS) -> list[TitleCandidate]:
    """The candidate titles of ``article`` that read as a headline (:func:`headline_problems`),
    in the order they were cut, each with its :data:`FEATURES`."""
    origins: dict[str, tuple[float, _Origin]] = {}
    opening = _opening(article)
    for title, cost, origin in _candidates(article, limit, opening):
        origins.setdefault(title, (cost, origin))
    passing = [
        t
        for t in origins
        if len(t) >= MIN_GENERATED_CHARS and not headline_problems(t, limit=limit)
    ]
    if not passing:
        return []
    context = _context(article, opening)
    return [TitleCandidate(t, _features(t, *origins[t], context, limit)) for t in passing]


@lru_cache(maxsize=1)
def ranker_weights() -> tuple[float, ...]:
    """The shipped weights of the candidate ranker (``briefing/data/title_ranker.json``, written by
    ``benchmarks/fit_title_ranker.py``), one per name of :data:`FEATURES`."""
    return data.read_weights("title_ranker.json", FEATURES)


# A candidate's score: its features weighed, as a ranked sentence's is.
candidate_score = weighted


def generate_title(article: Article, *, limit: int = MAX_TITLE_CHARS) -> str:
    """A short title for an article the page prints without one: of the candidates that read as a
    headline (:func:`headline_problems`), the one a linear ranker fitted to printed headlines
    scores best (:data:`FEATURES`); else :data:`NO_TITLE` (a photo page's credits or a form yield
    no headline, and no fragment is shown)."""
    candidates = title_candidates(article, limit=limit)
    if not candidates:
        return NO_TITLE
    weights = ranker_weights()
    # max keeps the first of equal scores: the candidate the titler made first
    return max(candidates, key=lambda c: candidate_score(c.features, weights)).title


def _salience(title: str, recurring: dict[str, int]) -> float:
    """The recurring character pairs a title carries, each by the log of its count. The title's
    pairs are its raw ones, not folded as the counted ones are (a pair with a quotation mark or a
    full-width digit counts nothing): the ranker's weights were fitted on them, and the pairs of
    ranking.grams, unrefitted, lower every bench_titles source but pd1998 (pd2019 1.732 -> 1.729)."""
    grams = {title[i : i + 2] for i in range(len(title) - 1)}
    return math.fsum(math.log(recurring.get(g, 1)) for g in grams) / max(len(title), 8) ** 0.5


class ExtractiveTitler:
    """Shows printed titles with the part of the headline that carries the news
    (:func:`~briefing.summarize.printed_titles.display_title`); generates one where none is
    printed, or where a photo column's label stands as the title."""

    def __init__(self, *, max_chars: int = MAX_TITLE_CHARS) -> None:
        self.max_chars = max_chars

    def title(
        self, articles: list[Article], *, readings: list[Reading] | None = None
    ) -> list[tuple[str, bool]]:
        """``readings``: the articles as the caller read them (:func:`read_furniture`), else
        None: each is read here."""
        if readings is None:
            readings = [read_furniture(article) for article in articles]
        out: list[tuple[str, bool]] = []
        for as_read, label in readings:
            # A photo box's label is no headline: the caption gives one, where it can, else the
            # label stands (printed). A brief printed as its heading is titled from its text.
            printed = (as_read.title or "").strip()
            if printed:
                out.append((display_title(as_read), False))
                continue
            title = generate_title(as_read, limit=self.max_chars)
            if title == NO_TITLE and label:
                out.append((label, False))
            else:
                out.append((title, title != NO_TITLE))
        return out
