"""Ranking an article's sentences: which one carries the news.

Sentences are scored by position, overlap with the title and kicker, centrality (shared
character bigrams) and whether they name an actor, an action, a date, places and key figures
(amounts, counts, shares; not dates). Scene-setting, rhetoric, reporting, captions, slogans and
sentences that only restate the headline are marked down.
"""

from __future__ import annotations

import operator
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import NamedTuple
from dataclasses import dataclass, replace

from .. import data
from ..records import Article
from ..text import NAME_TAGS, bigram_numbers, fold_width, word_tags
from .furniture import box_paragraphs
from .references import CONSEQUENCES
from .verbs import ACTION
from .compress import (
    BOOK_TITLE,
    EFFECT_TAIL,
    FILLER_CLAUSE,
    FRAME,
    ORG_SUFFIX,
    PURPOSE,
    TIME_START,
)
from .sentences import (
    Sentence,
    folded_quantities,
    has_quantity,
    split_clauses,
    split_dateline,
    split_sentences,
)

MAX_SENTENCES = 40
_WORD_CHARS = re.compile(r"[^0-9A-Za-z\u4e00-\u9fff]+")
_DATE = re.compile(
    r"\d{1,4}年|\d{1,2}月\d{1,2}日|\d{1,2}日|近日|日前|今天|昨天|昨日|今年|去年|上午|下午"
)
# A named day (１５日, 3月2日) dates an event: hard news, though no key figure.
_EVENT_DAY = re.compile(r"(?<![\d０-９])[\d０-９]{1,2}日")
# Every date _DATE finds holds one of these characters, so a text without them is not searched:
# the two patterns above try every position, these quick scans cost a tenth of that.
_DATE_MARK = re.compile("[日年午今昨]")


def _date(text: str) -> re.Match[str] | None:
    """The first date in ``text`` (_DATE)."""
    return _DATE.search(text) if _DATE_MARK.search(text) else None


def _event_day(text: str) -> bool:
    return "日" in text and _EVENT_DAY.search(text) is not None


# The reporter at work (昨天，记者采访了……) is how the news was gathered, not the news.
_REPORTING = re.compile(
    r"^(?:[^，,。]{0,8}[，,])?(?:本报)?记者(?:[^，,。]{0,6})?(?:采访|走访|来到|走进|了解到|看到|获悉|注意到|随同|跟随)"
)
# Background figures (去年全市完成……, 目前全市共有……412家, 近年来……) are not this news's key figures.
BACKGROUND = re.compile(
    r"^(?:近年来|近几年来?|多年来|长期以来|去年(?!以来)|此前|历年|过去[一二三四五六七八九十\d]*年)"
    r"|^(?:目前|截至目前|当前)?[，,]?(?:全市|全省|全区|全县|全国|我市|我省|我国|全州)(?:目前)?(?:共有|现有|拥有)"
)
_HOLLOW = re.compile(r"^据[^，,。]{1,20}(?:报道|消息|介绍|了解|统计|悉)[。！!]?$")
# Four Chinese characters anywhere: matching stops at the fourth instead of counting them all.
_FOUR_CJK = re.compile(r"(?:[^\u4e00-\u9fff]*[\u4e00-\u9fff]){4}")
DEPENDENT = re.compile(
    r"^(?:这|该|此|他|她|它|其|但|而|于是|通过|此次|今后|随后|对此|为此|总之|可见|另外|同时|据此|那么|并且|并|也|"
    + "|".join(CONSEQUENCES)
    + ")"
)
_CAPTION = re.compile(r"^(?:图为|图[①-⑩\d一二三四五六七八九十]|上图|下图|左图|右图|（?[图照]片)")
# Scene-setting: a time of day or a walk-in, then atmosphere (一大早，……人头攒动; 中午11点半，……飘出饭菜香).
_SCENE_OPENING = re.compile(
    r"^(?:一大早|大清早|清晨|早上|早晨|中午|午后|傍晚|夜幕降临|入夜|深夜|凌晨|时下|眼下|正值|时值|走进|步入|来到|漫步|记者(?:走进|来到|看到)"
    r"|(?:[上下中]午|早上|晚上|清晨|傍晚)?\d{1,2}(?:点|时)(?:半|许|\d{1,2}分)?)"
)
_ATMOSPHERE = re.compile(
    r"人头攒动|热闹非凡|热闹起来|欢声笑语|笑声不断|飘出|飘来|飘散|扑鼻|香气|热气腾腾|映入眼帘|熙熙攘攘|络绎不绝|川流不息|人声鼎沸"
    r"|忙碌的身影|一派[\u4e00-\u9fff]{1,8}景象|如火如荼|其乐融融|格外热闹|喜气洋洋|张灯结彩|排起了?长队|只见|此起彼伏|焕然一新|春意盎然|寒风凛冽"
)
# Words of rhetoric rather than report: a sentence made of them and no figure is a generic one.
_RHETORIC = re.compile(
    r"举措|答卷|底色|亮点纷呈|亮点|堵点|难点|痛点|主责主业|新篇章|新局面|新成效|新气象|新征程|一系列|沉甸甸|画卷|新路子|获得感|幸福感|安全感"
    r"|撬动|打通|绘就|谱写|擘画|蓝图|赋能|初心|使命|担当|奋进|答好|托起|筑牢|织密|兜牢|守护|温度|厚度|成色|高质量|全方位|多维度|为民|惠民|暖心"
)
# Organisations, places and venues named in a sentence: more of them, more of who and where.
_PLACE_SUFFIXES = (
    "省 市 县 区 州 镇 乡 村 街道 社区 站 广场 公园 馆 中心 机场 码头 港 景区 园区 医院 学校 大学 局 委 厅"
    " 院 所 队 公司 集团"
).split()
# Two Han characters and a suffix. The look-ahead for a suffix's first character lets a place
# that is no suffix be passed over in one test instead of one per suffix (1.7x on sentences).
NAMED_PLACE = re.compile(
    r"[\u4e00-\u9fff]{2}"
    f"(?=[{''.join(sorted({suffix[0] for suffix in _PLACE_SUFFIXES}))}])"
    f"(?:{'|'.join(_PLACE_SUFFIXES)})"
)


# Word classes of a headline that say nothing of what the article is about.
_FUNCTION_TAGS = ("x", "u", "p", "c", "r", "d", "m", "q", "y", "e", "o", "f")
# A work's name is matched by its parts too (《临江往事：周海散文选》 -> 周海散文选).
_WORK_PARTS = re.compile(r"[：:·—\-\s]+")
# A bracketed tag of two to twelve characters (（城乡新貌）) names the page's column or series, not
# the subject.
_TAG = re.compile(r"[(（][\u4e00-\u9fff·“”\d]{2,12}[)）]")


@dataclass(frozen=True, slots=True)
class Subject:
    """What the headline says the article is about: the works it names (and those the body
    keeps naming), its names, and its content words."""

    works: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    words: tuple[str, ...] = ()

    def missed_by(self, text: str) -> float:
        """How far a sentence that does not name the headline's work or names falls behind one that
        does (a review's opening maxim behind the sentence that names the book)."""
        if self.works:
            return 0.0 if _holds_any(text, self.works) else 0.5
        return 0.3 if self.names and not _holds_any(text, self.names) else 0.0

    def touched_by(self, text: str) -> bool:
        """Whether ``text`` holds any word of the headline (or names the subject)."""
        return _holds_any(text, self.words) or _holds_any(text, self.works)


def _holds_any(text: str, needles: tuple[str, ...]) -> bool:
    # A loop, not any() over a generator: this runs for each sentence of every article.
    for needle in needles:
        if needle in text:
            return True
    return False


def bare_headline(headline: str) -> str:
    """``headline`` folded to half width, as ranked sentences are, less a trailing column or
    series tag (（城乡新貌）)."""
    return _TAG.sub("", fold_width(headline))


def content_words(tags: Iterable[tuple[str, str]]) -> set[str]:
    """The words of two characters or more among tagged ``tags`` that are no function words."""
    return {w for w, t in tags if len(w) >= 2 and not t.startswith(_FUNCTION_TAGS)}


def article_subject(headline: str) -> Subject:
    """The subject a headline names (a book review's 《work》, a profile's person), folded to half
    width as the ranked sentences are."""
    headline = bare_headline(headline)
    works = {
        part
        for work in BOOK_TITLE.findall(headline)
        for part in [work[1:-1], *_WORK_PARTS.split(work[1:-1])]
        if len(part) >= 3
    }
    tags = word_tags(BOOK_TITLE.sub("", headline)) if headline else ()
    # The four tags exactly, not their sub-tags: nrfg (a name in the segmenter's dictionary) is
    # most often a leader named as the actor of a notice or a speech others react to, not the
    # person a profile is about (with it, both summaries it changed on the dev pages got worse).
    names = {w for w, t in tags if t in NAME_TAGS and len(w) >= 2}
    words = content_words(tags)
    return Subject(tuple(sorted(works)), tuple(sorted(names)), tuple(sorted(words | names)))


def grams(text: str) -> set[int]:
    """Character bigrams of the words in ``text`` (punctuation and spaces removed), as numbers
    (:func:`briefing.text.bigram_numbers`: only their counts and overlaps are used)."""
    return _grams_folded(fold_width(text))


def _grams_folded(text: str) -> set[int]:
    return bigram_numbers(_WORD_CHARS.sub("", text))


def gram_strings(text: str) -> set[str]:
    """The pairs of :func:`grams` as strings, where a pair must be read (is it all Han?) or
    matched against pairs counted as strings (:func:`gram_counts`), as the titler's are."""
    return set(_pairs(fold_width(text)))


def gram_counts(texts: Iterable[str]) -> Counter[str]:
    """How often each bigram of :func:`gram_strings` occurs in ``texts`` (each text on its own:
    no pair spans two)."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(_pairs(fold_width(text)))
    return counts


def _pairs(folded: str) -> Iterator[str]:
    chars = _WORD_CHARS.sub("", folded)
    # Each character added to the next, pairwise in C: 1.6x the speed of slicing in a loop.
    return map(operator.add, chars, chars[1:])


def is_slogan(sentence: str) -> bool:
    """民生无小事，枝叶总关情。: short parallel clauses without a figure or an actor."""
    return _slogan(sentence, fold_width(sentence))


# 28 characters that are neither clause marks, stops nor spaces: more than three clauses of at
# most nine characters hold, so no slogan (one match in C instead of splitting the clauses).
_OVER_SLOGAN = re.compile(r"(?:[^，,；;：:。！？!?…\s][，,；;：:。！？!?…\s]*){28}")


def _slogan(sentence: str, folded: str) -> bool:
    # The character tests first: they are cheap, and most sentences fail one.
    if _OVER_SLOGAN.match(sentence) or any(map(str.isdigit, folded)) or _date(folded):
        return False
    clauses = split_clauses(sentence)
    return 0 < len(clauses) <= 3 and all(len(c) <= 9 for c, _ in clauses)


@dataclass(frozen=True, slots=True)  # rankings are cached and shared: never changed in place
class Scored:
    sentence: Sentence
    score: float
    figure: bool
    # The sentence's :data:`FEATURES`, which its score weighs (for fitting the weights).
    features: tuple[float, ...] = ()
    # The score by :data:`HAND_WEIGHTS` (moved as ``score`` is): gaps between scores are measured
    # on it (how far a figure's sentence may rank below the lead), so that re-weighting the
    # ranking changes which sentence leads and not those gaps.
    hand: float = 0.0


def adjusted(ranked: list[Scored], delta: Callable[[Scored], float]) -> list[Scored]:
    """``ranked`` with each score moved by ``delta`` (a bonus, or a penalty below zero) and sorted
    again, best first; ``ranked`` itself when nothing moves."""
    moves = [delta(scored) for scored in ranked]
    if not any(moves):
        return ranked
    moved = [
        replace(s, score=s.score + m, hand=s.hand + m) if m else s for s, m in zip(ranked, moves)
    ]
    return sorted(moved, key=lambda s: (-s.score, s.sentence.index))


def _core_grams(text: str) -> set[int]:
    """Bigrams of a sentence without its opening time, purpose and framing, and its closing effect."""
    core = [
        c
        for c, _ in split_clauses(text)
        if not (
            FILLER_CLAUSE.match(c)
            or FRAME.match(c)
            or PURPOSE.match(c)
            or EFFECT_TAIL.match(c)
            or (TIME_START.match(c) and len(c) <= 8)
        )
    ]
    return _grams_folded("".join(core))


def _shared(sets: list[set[int]]) -> set[int]:
    """The members of more than one of ``sets`` (set operations: no loop over members in Python)."""
    seen: set[int] = set()
    shared: set[int] = set()
    for members in sets:
        shared |= seen & members
        seen |= members
    return shared


def restates(text: str, head: set[int]) -> bool:
    """Whether a sentence says little beyond the headline (most of its bigrams are the headline's)."""
    core = _core_grams(text)
    if len(head) < 6 or len(core) < 4:
        return False
    return len(core & head) / len(core) >= 0.7


def is_scene(text: str, *, acts: bool | None = None) -> bool:
    """一大早，……人头攒动: a sentence that sets a scene rather than reports what was done.

    ``acts``: whether ``text`` names an action (ACTION), when the caller has looked already."""
    opening = _SCENE_OPENING.match(text)
    atmosphere = _ATMOSPHERE.search(text)
    if not (opening or atmosphere):
        return False
    if acts is None:
        acts = ACTION.search(text) is not None
    return bool(atmosphere and (opening or not acts)) or bool(
        opening and not acts and not has_quantity(text)
    )


def platitude(
    text: str,
    subject: Subject,
    *,
    figure: bool | None = None,
    dated: bool | None = None,
    named: bool | None = None,
) -> bool:
    """世所公认，……是……之一。: a sentence with no word of the headline, no name, no figure and no
    date, which could open any article (a preamble, a hook, a maxim). ``text`` is folded to half
    width.

    ``figure`` (a key figure), ``dated`` (a date) and ``named`` (an organisation or a place):
    what the caller has found in ``text`` already; looked for here when not given."""
    if figure is None:
        figure = bool(folded_quantities(text))
    if dated is None:
        dated = _date(text) is not None
    if named is None:
        named = bool(ORG_SUFFIX.search(text) or NAMED_PLACE.search(text))
    return not (
        figure
        or dated
        or named
        or "《" in text
        or any(map(str.isdigit, text))
        or subject.touched_by(text)
    )


def rank_sentences(
    article: Article, *, tail_paragraphs: int = 0, hand: bool = False
) -> list[Scored]:
    """The article's sentences, best first: of a long article, its first MAX_SENTENCES, and
    those of its last ``tail_paragraphs`` paragraphs (where a commentary states its thesis).

    ``hand``: ranked and scored by :data:`HAND_WEIGHTS` (the titler's ranker was fitted on the
    hand ranking's order and scores) rather than the weights fitted to printed headlines."""
    # The summarizer and then the titler rank each article of a batch: the last rankings are
    # kept so that the titler finds its article's (a few, so that memory stays flat). Callers
    # get their own list; the Scored records in it are frozen.
    body = tuple(article.body)
    if (
        tail_paragraphs
        and len(split_sentences(list(body), limit=MAX_SENTENCES + 1)) <= MAX_SENTENCES
    ):
        tail_paragraphs = 0  # ranked whole: the titler, which asks for no tail, finds it cached
    ranked = list(
        _ranked_by_hand(article.headline, body, tail_paragraphs)
        if hand
        else _ranked(article.headline, body, tail_paragraphs)
    )
    # A box beside the text (a sidebar, a biography: furniture.box_paragraphs) is what the
    # article tells besides its news: no lead of its summary nor source of its title, unless
    # the article holds nothing else to say.
    boxed = box_paragraphs(body, article.headline)
    if not boxed:
        return ranked
    return adjusted(ranked, lambda s: -BOX_PENALTY if s.sentence.paragraph in boxed else 0.0)


@lru_cache(maxsize=16)
def _ranked_by_hand(
    headline: str, body: tuple[str, ...], tail_paragraphs: int
) -> tuple[Scored, ...]:
    # The titler asks twice for each article's.
    by_hand = [replace(s, score=s.hand) for s in _ranked(headline, body, tail_paragraphs)]
    return tuple(sorted(by_hand, key=lambda s: (-s.score, s.sentence.index)))


def _head_and_tail(body: list[str], tail_paragraphs: int) -> list[Sentence]:
    """The first MAX_SENTENCES sentences of ``body``, and every one of its last paragraphs."""
    sentences = split_sentences(body, limit=MAX_SENTENCES)
    if tail_paragraphs and len(sentences) == MAX_SENTENCES:
        tail = len(body) - tail_paragraphs
        more = split_sentences(body)[MAX_SENTENCES:]
        sentences += [s for s in more if s.paragraph >= tail]
    return sentences


# The ranking's features, one number each per sentence, and the hand-set weights the ranking
# has long used (a sentence's score is their weighted sum). Features that mark a sentence down
# weigh below zero. ``restating`` and ``restating_overlap`` count only where another sentence
# informs; ``misses_subject`` (0.5 for a headline's 《work》, 0.3 for its names) only where a
# sentence names the subject and says more than the headline.
class Features(NamedTuple):
    """A number per feature of a sentence, or a weight per feature: each set by its name."""

    position: float = 0.0
    overlap: float = 0.0
    centrality: float = 0.0
    organisation: float = 0.0
    acts: float = 0.0
    dated: float = 0.0
    event_day: float = 0.0
    figure: float = 0.0
    more_figures: float = 0.0
    places: float = 0.0
    scene: float = 0.0
    rhetoric: float = 0.0
    incomplete: float = 0.0
    short: float = 0.0
    hollow: float = 0.0
    dependent: float = 0.0
    reporting: float = 0.0
    quote_opening: float = 0.0
    question: float = 0.0
    enumerated: float = 0.0
    caption: float = 0.0
    slogan: float = 0.0
    platitude: float = 0.0
    restating: float = 0.0
    restating_overlap: float = 0.0
    misses_subject: float = 0.0


FEATURES = Features._fields
HAND_WEIGHTS = Features(
    position=1.2,
    overlap=1.2,
    centrality=0.6,
    organisation=0.35,
    acts=0.3,
    dated=0.3,
    event_day=0.25,
    figure=0.35,
    more_figures=0.05,
    places=0.08,
    scene=-1.2,
    rhetoric=-0.3,
    incomplete=-2.0,
    short=-1.0,
    hollow=-2.0,
    dependent=-0.5,
    reporting=-0.5,
    quote_opening=-0.7,
    question=-1.0,
    enumerated=-0.7,
    caption=-2.0,
    slogan=-1.5,
    platitude=-0.6,
    restating=-1.5,
    restating_overlap=-1.2,
    misses_subject=-1.0,
)
# The features a sentence is marked down for as it is read (not the pass over all of them), and
# their hand weights.
_MARKED_FROM, _MARKED_TO = FEATURES.index("scene"), FEATURES.index("restating")
_MARK_WEIGHTS = HAND_WEIGHTS[_MARKED_FROM:_MARKED_TO]
# How far a sentence of a box beside the text (:func:`rank_sentences`) goes down: below any
# sentence of the text that a summary could open with.
BOX_PENALTY = 4.0


def weighted(features: tuple[float, ...], weights: tuple[float, ...]) -> float:
    """A sentence's score: its features weighed."""
    if len(weights) != len(features):
        raise ValueError("a weight for each feature")
    return sum(map(operator.mul, weights, features))


@lru_cache(maxsize=64)
def _ranked(headline: str, body: tuple[str, ...], tail_paragraphs: int) -> tuple[Scored, ...]:
    # News puts what matters first: long articles are scored on their opening sentences.
    sentences = _head_and_tail(list(body), tail_paragraphs)
    if not sentences:
        return ()
    head = grams(headline)
    subject = article_subject(headline)
    folded = [fold_width(s.text) for s in sentences]
    sets = [_grams_folded(t) for t in folded]
    shared = _shared(sets)
    rows: list[Features] = []
    repeats: list[tuple[int, float]] = []  # sentences that restate the headline, and their overlap
    informative: list[int] = []  # sentences with an action or a figure, and no penalty
    missing: list[tuple[int, float]] = []  # sentences that do not name the headline's subject
    names_subject = False  # whether a sentence names it and says more than the headline
    for sentence, bag, text in zip(sentences, sets, folded):
        text = split_dateline(text)[1]
        on_head = len(bag & head)
        overlap = on_head / len(head) if head else 0.0
        # The key figures are amounts, counts and shares; a date says when, not how much.
        counted = len(folded_quantities(text))  # text is folded already
        figure = counted > 0
        dated = _date(text)
        acts = ACTION.search(text) is not None
        org = ORG_SUFFIX.search(text) is not None
        places = len(NAMED_PLACE.findall(text))
        # Cheap test first: a sentence that restates the headline shares many of its bigrams.
        restating = on_head >= max(4, 0.3 * len(bag)) and restates(text, head)
        # Numbers, not the flags some features are read as; those not set here stay 0.0.
        row = Features(
            position=1.0 / (1.0 + 0.6 * sentence.index) + (0.3 if sentence.paragraph == 0 else 0.0),
            overlap=overlap,
            centrality=len(bag & shared) / len(bag) if bag else 0.0,
            organisation=float(org),
            acts=float(acts),
            dated=float(dated is not None),
            # A named day is a date (_DATE): an undated sentence is not searched for one.
            event_day=float(dated is not None and _event_day(text)),
            figure=float(figure),
            more_figures=float(min(counted - 1, 3) if figure else 0),
            places=float(min(places, 3)),
            scene=float(is_scene(text, acts=acts)),
            # A sentence of rhetoric (打通堵点、交出答卷……举措) states no fact to report.
            rhetoric=float(0 if figure else min(len(_RHETORIC.findall(text)), 4)),
            incomplete=float(not sentence.complete),
            short=float(len(text) < 12),
            # 据《卫报》报道。/ 2012年5月5日-11日。: an attribution or a date with no news in it.
            hollow=float(
                bool(_HOLLOW.match(text))
                or not _FOUR_CJK.match(_DATE.sub("", text) if dated else text)
            ),
            dependent=float(DEPENDENT.match(text) is not None),
            reporting=float(_REPORTING.match(text) is not None),
            quote_opening=float(text.startswith(("“", "‘", "「", '"'))),
            question=float(text.rstrip("”’」").endswith(("？", "?"))),
            enumerated=float(sentence.enumerated),
            caption=float(_CAPTION.match(text) is not None),
            slogan=float(len(text) <= 40 and _slogan(text, text)),  # text is folded already
            # A figure, a date or a name is no platitude: most sentences are not looked at further.
            platitude=float(
                bool(subject.words)
                and platitude(
                    text, subject, figure=figure, dated=dated is not None, named=org or places > 0
                )
            ),
        )
        if restating and not figure:
            # Beside its headline it adds nothing: it loses its overlap credit, when another
            # sentence informs.
            repeats.append((len(rows), overlap))
        missed = subject.missed_by(text)
        if missed and not figure:
            missing.append((len(rows), missed))
        elif not missed and not restating:
            names_subject = True
        # The cheap tests first: the penalty is weighed only for a sentence that could inform.
        if (
            len(text) >= 12
            and (figure or acts)
            and not restating
            and -weighted(row[_MARKED_FROM:_MARKED_TO], _MARK_WEIGHTS) < 0.5
        ):
            informative.append(len(rows))
        rows.append(row)
    for i, overlap in repeats:
        if any(j != i for j in informative):
            rows[i] = rows[i]._replace(restating=1.0, restating_overlap=overlap)
    if names_subject:
        # Only where a sentence names the subject and says more than the headline does: one
        # that only restates it is no better summary than a sentence that does not name it.
        for i, missed in missing:
            rows[i] = rows[i]._replace(misses_subject=missed)
    # The shipped weights were fitted on articles under printed headlines (what moved is how
    # much overlap with the headline and naming its subject count); an article without one is
    # outside what they learned and keeps the hand weights. Measured with the headlines of
    # pd2019 dev and pd1998 withheld: the fitted weights changed 42 of 2,095 summaries, 25 read
    # 12 better / 4 same / 9 worse, one of them newly cut at a comma.
    weights = ranking_weights() if headline else HAND_WEIGHTS
    scored = []
    for sentence, features in zip(sentences, rows):
        score = weighted(features, weights)
        scored.append(
            Scored(
                sentence,
                score,
                bool(features.figure),
                features,
                score if weights is HAND_WEIGHTS else weighted(features, HAND_WEIGHTS),
            )
        )
    return tuple(sorted(scored, key=lambda s: (-s.score, s.sentence.index)))


@lru_cache(maxsize=1)
def ranking_weights() -> tuple[float, ...]:
    """The weights of :data:`FEATURES` the ranking uses: the hand weights re-weighted to what
    printed headlines say articles are about (``briefing/data/lead_ranker.json``, written by
    ``benchmarks/fit_lead_ranker.py``)."""
    return Features(*data.read_weights("lead_ranker.json", FEATURES))
