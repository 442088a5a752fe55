"""The default summarizer: pick the sentence that carries the news, then delete what it need not say.

Offline and model-free. Sentences are scored by position, overlap with the title and kicker,
centrality (shared character bigrams) and whether they name an actor, an action, a date and a
figure; the best one is compressed (dateline, purpose clauses, fillers, asides go) and cut at
clause boundaries to the length budget. A second sentence joins when the first lacks a figure.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from itertools import chain
from dataclasses import dataclass

from ..records import Article, Summary
from ..text import fold_width
from .compress import (
    _ORG_SUFFIX,
    _jieba,
    clean_clause,
    compress_clauses,
    dangling,
    fit_clauses,
    join_clauses,
)
from .guard import SourceIndex, check_summary
from .sentences import Sentence, split_clauses, split_dateline, split_sentences

logger = logging.getLogger(__name__)

METHOD = "extractive"
MAX_SENTENCES = 40
_WORD_CHARS = re.compile(r"[^0-9A-Za-z\u4e00-\u9fff]+")
_ACTION = re.compile(
    r"开展|举办|举行|召开|发布|出台|启动|组织|完成|实现|发放|签署|会见|考察|通过|印发|部署|推进|建成|开通|成立|"
    r"签约|表彰|授予|查处|破获|检查|整治|宣讲|提高|下降|增长|投入|接收|救助|帮助|看望|慰问|走访|决定|宣布|发表|举报"
)
_DATE = re.compile(r"\d{1,4}年|\d{1,2}月\d{1,2}日|\d{1,2}日|近日|日前|今天|昨天|昨日|今年|去年|上午|下午")
_DEPENDENT = re.compile(
    r"^(?:这|该|此|他|她|它|其|但|而|因此|所以|于是|通过|此次|今后|随后|对此|为此|总之|可见|另外|同时|据此|由此|那么|并且|并|也)"
)
_CAPTION = re.compile(r"^(?:图为|图[①-⑩\d一二三四五六七八九十]|上图|下图|左图|右图|（?[图照]片)")
_SUBJECTLESS_TAGS = ("v", "d", "ad", "vn", "c")


def grams(text: str) -> set[str]:
    """Character bigrams of the words in ``text`` (punctuation and spaces removed)."""
    return _grams_folded(fold_width(text))


def _grams_folded(text: str) -> set[str]:
    chars = _WORD_CHARS.sub("", text)
    return {chars[i : i + 2] for i in range(len(chars) - 1)}


def is_slogan(sentence: str) -> bool:
    """民生无小事，枝叶总关情。: short parallel clauses without a figure or an actor."""
    clauses = split_clauses(sentence)
    return (
        0 < len(clauses) <= 3
        and all(len(c) <= 9 for c, _ in clauses)
        and not any(ch.isdigit() for ch in fold_width(sentence))
        and not _DATE.search(fold_width(sentence))
    )


@dataclass(slots=True)
class Scored:
    sentence: Sentence
    score: float
    figure: bool


def rank_sentences(article: Article) -> list[Scored]:
    """The article's sentences, best first."""
    # News puts what matters first: long articles are scored on their opening sentences.
    sentences = split_sentences(article.body)[:MAX_SENTENCES]
    if not sentences:
        return []
    headline = " ".join(p for p in (article.kicker, article.title, article.subtitle) if p)
    head = grams(headline)
    folded = [fold_width(s.text) for s in sentences]
    sets = [_grams_folded(t) for t in folded]
    shared = {g for g, count in Counter(chain.from_iterable(sets)).items() if count > 1}
    scored = []
    for sentence, bag, text in zip(sentences, sets, folded):
        text = split_dateline(text)[1]
        position = 1.0 / (1.0 + 0.6 * sentence.index) + (0.3 if sentence.paragraph == 0 else 0.0)
        overlap = len(bag & head) / len(head) if head else 0.0
        centrality = len(bag & shared) / len(bag) if bag else 0.0
        figure = any(ch.isdigit() for ch in text)
        features = (
            0.35 * bool(_ORG_SUFFIX.search(text))
            + 0.3 * bool(_ACTION.search(text))
            + 0.3 * bool(_DATE.search(text))
            + 0.3 * figure
        )
        penalty = 0.0
        if not sentence.complete:
            penalty += 2.0
        if len(text) < 12:
            penalty += 1.0
        if _DEPENDENT.match(text):
            penalty += 0.5
        if text.startswith(("“", "‘", "「", '"')):
            penalty += 0.7
        if text.rstrip("”’」").endswith(("？", "?")):
            penalty += 1.0
        if sentence.enumerated:
            penalty += 0.7
        if _CAPTION.match(text):
            penalty += 2.0
        if len(text) <= 40 and is_slogan(text):
            penalty += 1.5
        score = 1.2 * position + 1.2 * overlap + 0.6 * centrality + features - penalty
        scored.append(Scored(sentence, score, figure))
    return sorted(scored, key=lambda s: (-s.score, s.sentence.index))


def summarizable(article: Article, ranked: list[Scored] | None = None) -> bool:
    """Whether the article holds a sentence to summarize, not just a byline such as （王某）."""
    for scored in rank_sentences(article) if ranked is None else ranked:
        clauses = compress_clauses(scored.sentence.text)
        if clauses and len(grams(join_clauses(clauses))) >= 5:
            return True
    return False


def kicker_actor(article: Article) -> str | None:
    """The kicker when it names who acts (城关区消防救援大队), not when it is a slogan."""
    kicker = (article.kicker or "").strip()
    if not kicker or len(kicker) > 24 or re.search(r"[，,。！!？?“”：:]", kicker):
        return None
    tags = _jieba().tag(kicker)
    if not tags or tags[0][1].startswith(("v", "d", "p", "c")):
        return None
    if re.search(_ORG_SUFFIX.pattern + "$", kicker) or tags[-1][1].startswith(("nt", "ns", "nr")):
        return kicker
    return None


def lacks_subject(text: str) -> bool:
    """Whether a compressed sentence opens with a verb or adverb (稳步推进……) rather than an actor."""
    tags = _jieba().tag(text[:12])
    for word, tag in tags:
        if tag in ("t", "x", "m") or re.fullmatch(r"[\d０-９年月日，]+", word):
            continue
        return tag.startswith(_SUBJECTLESS_TAGS)
    return False


class ExtractiveSummarizer:
    """Extractive-compressive summaries within a character budget; faithful by construction."""

    method = METHOD

    def __init__(self, *, candidates: int = 6) -> None:
        self.candidates = candidates

    def summarize(self, articles: list[Article], *, max_chars: int = 90) -> list[Summary]:
        return [self.summarize_one(article, max_chars=max_chars) for article in articles]

    def summarize_one(self, article: Article, *, max_chars: int = 90) -> Summary:
        ranked = rank_sentences(article)
        if not summarizable(article, ranked):
            return Summary(text="", method=METHOD, sentences=[], reason="the article has no sentence to summarize")
        source = SourceIndex(article)
        actor = kicker_actor(article)
        for scored in ranked[: self.candidates]:
            found = self._from_sentence(scored, ranked, article, source, actor, max_chars)
            if found:
                return found
        return self._last_resort(ranked, article, source, max_chars)

    def _fit(self, sentence: Sentence, budget: int, source: SourceIndex) -> str | None:
        """The sentence compressed and cut to ``budget``; None when it cannot fit or fails the guard."""
        for squeeze in (False, True):
            clauses = compress_clauses(sentence.text, squeeze=squeeze)
            kept = fit_clauses(clauses, budget)
            if kept:
                text = join_clauses(kept)
                if len(text) >= 8 and check_summary(text, source):
                    return text
        return None

    def _from_sentence(self, scored, ranked, article, source, actor, max_chars) -> Summary | None:
        sentence = scored.sentence
        text = self._fit(sentence, max_chars, source)
        if text is None:
            return None
        used = [sentence.index]
        if actor and actor not in text and lacks_subject(text):
            prefixed = self._fit(sentence, max_chars - len(actor), source)
            if prefixed and check_summary(actor + prefixed, source):
                text = actor + prefixed
        # Two sentences where the first leaves out the key figure and a strong one states it.
        if not any(ch.isdigit() for ch in fold_width(text)):
            best = ranked[0].score
            for other in ranked[1:4]:
                if other.figure and other.score >= best - 1.0 and other.sentence.index != sentence.index:
                    room = max_chars - len(text)
                    extra = self._fit(other.sentence, room, source) if room >= 12 else None
                    if extra and any(ch.isdigit() for ch in fold_width(extra)):
                        pair = sorted([(sentence.index, text), (other.sentence.index, extra)])
                        joined = "".join(t for _, t in pair)
                        if check_summary(joined, source):
                            text, used = joined, [i for i, _ in pair]
                    break
        return Summary(text=text, method=METHOD, sentences=used)

    def _last_resort(self, ranked, article, source, max_chars) -> Summary:
        """Nothing fits whole: the best single clause that does, then the title, then a cut."""
        for scored in ranked:
            clauses = compress_clauses(scored.sentence.text, squeeze=True)
            for clause in clauses:
                text = join_clauses([clause])
                if 8 <= len(text) <= max_chars and check_summary(text, source):
                    return Summary(text=text, method=METHOD, sentences=[scored.sentence.index], reason="one clause")
        title = clean_clause(article.title or "", squeeze=True)
        if title and len(title) + 1 <= max_chars:
            return Summary(text=title + "。", method=METHOD, sentences=[], reason="title")
        clauses = compress_clauses(ranked[0].sentence.text, squeeze=True)
        if not clauses:
            return Summary(text="", method=METHOD, sentences=[], reason="nothing in the article reads as a sentence")
        text = ""
        for word in re.findall(r"[0-9０-９.．%％]+|“[^”]*”|《[^》]*》|[^0-9０-９“《]+?(?=[0-9０-９“《]|$)", clauses[0][0]):
            for piece in [word] if word[0] in "0123456789０１２３４５６７８９“《" else _jieba().cut(word):
                if len(text) + len(piece) + 1 > max_chars:
                    break
                text += piece
            else:
                continue
            break
        pieces = _jieba().cut(text)
        while pieces and dangling("".join(pieces)):
            pieces.pop()
        text = "".join(pieces) or text
        return Summary(text=text + "。", method=METHOD, sentences=[ranked[0].sentence.index], reason="cut")
