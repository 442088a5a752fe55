"""The default summarizer: pick the sentence that carries the news, then delete what it need not say.

Offline and model-free. Sentences are scored by position, overlap with the title and kicker,
centrality (shared character bigrams) and whether they name an actor, an action, a date and a
figure; the best one is compressed (dateline, purpose clauses, fillers, asides go) and cut at
clause boundaries to the length budget. A second sentence joins when the first lacks a figure.
"""

from __future__ import annotations

import functools
import logging
import re
from collections import Counter
from itertools import chain
from dataclasses import dataclass
from typing import Callable

from ..records import Article, Summary
from ..text import fold_width
from .compress import (
    _EFFECT_TAIL,
    _FILLER_CLAUSE,
    _FRAME,
    _ORG_SUFFIX,
    _PURPOSE,
    _TIME_START,
    _jieba,
    clean_clause,
    compress_clauses,
    dangling,
    fit_clauses,
    join_clauses,
)
from .guard import SourceIndex, check_summary
from .sentences import Sentence, has_quantity, quantities, split_clauses, split_dateline, split_sentences

logger = logging.getLogger(__name__)

METHOD = "extractive"
MAX_SENTENCES = 40
_WORD_CHARS = re.compile(r"[^0-9A-Za-z\u4e00-\u9fff]+")
_ACTION = re.compile(
    r"开展|举办|举行|召开|发布|出台|启动|组织|完成|实现|发放|签署|会见|考察|通过|印发|部署|推进|建成|开通|成立|"
    r"签约|表彰|授予|查处|破获|检查|整治|宣讲|提高|下降|增长|投入|接收|救助|帮助|看望|慰问|走访|决定|宣布|发表|举报"
)
_DATE = re.compile(r"\d{1,4}年|\d{1,2}月\d{1,2}日|\d{1,2}日|近日|日前|今天|昨天|昨日|今年|去年|上午|下午")
# A named day (１５日, 3月2日) dates an event: hard news, though no key figure.
_EVENT_DAY = re.compile(r"(?<![\d０-９])[\d０-９]{1,2}日")
# The reporter at work (昨天，记者采访了……) is how the news was gathered, not the news.
_REPORTING = re.compile(r"^(?:[^，,。]{0,8}[，,])?(?:本报)?记者(?:[^，,。]{0,6})?(?:采访|走访|来到|走进|了解到|看到|获悉|注意到|随同|跟随)")
_HOLLOW = re.compile(r"^据[^，,。]{1,20}(?:报道|消息|介绍|了解|统计|悉)[。！!]?$")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_DEPENDENT = re.compile(
    r"^(?:这|该|此|他|她|它|其|但|而|因此|所以|于是|通过|此次|今后|随后|对此|为此|总之|可见|另外|同时|据此|由此|那么|并且|并|也)"
)
_CAPTION = re.compile(r"^(?:图为|图[①-⑩\d一二三四五六七八九十]|上图|下图|左图|右图|（?[图照]片)")
_SUBJECTLESS_TAGS = ("v", "d", "ad", "vn", "c")
# 为/向/给/对 + object + verb with no actor before it: 为760名困难群众发放……
_OBJECT_PREPOSITIONS = frozenset("为 向 给 对".split())
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
_NAMED_PLACE = re.compile(
    r"[\u4e00-\u9fff]{2}(?:省|市|县|区|州|镇|乡|村|街道|社区|站|广场|公园|馆|中心|机场|码头|港|景区|园区|医院|学校|大学|局|委|厅|院|所|队|公司|集团)"
)
# Staff named only by their role: 工作人员走进……. The article's actor says whose staff they are.
_GENERIC_AGENT = re.compile(
    r"^(?:[^，,]{1,12}[，,])?(?:工作人员|志愿者|队员|民警|干警|医护人员|网格员|检查人员|执法人员|社工|干部职工|党员干部|职工|技术人员|服务队员|指战员|消防员)"
)


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


def _core_grams(text: str) -> set[str]:
    """Bigrams of a sentence without its opening time, purpose and framing, and its closing effect."""
    core = [
        c
        for c, _ in split_clauses(text)
        if not (_FILLER_CLAUSE.match(c) or _FRAME.match(c) or _PURPOSE.match(c) or _EFFECT_TAIL.match(c) or (_TIME_START.match(c) and len(c) <= 8))
    ]
    return _grams_folded("".join(core))


def restates(text: str, head: set[str]) -> bool:
    """Whether a sentence says little beyond the headline (most of its bigrams are the headline's)."""
    core = _core_grams(text)
    if len(head) < 6 or len(core) < 4:
        return False
    return len(core & head) / len(core) >= 0.7


def is_scene(text: str) -> bool:
    """一大早，……人头攒动: a sentence that sets a scene rather than reports what was done."""
    opening = _SCENE_OPENING.match(text)
    atmosphere = _ATMOSPHERE.search(text)
    return bool(atmosphere and (opening or not _ACTION.search(text))) or bool(
        opening and not _ACTION.search(text) and not has_quantity(text)
    )


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
    scored: list[Scored] = []
    repeats: list[tuple[int, float]] = []  # sentences that restate the headline, and their cost
    informative: list[int] = []  # sentences with an action or a figure, and no penalty
    for sentence, bag, text in zip(sentences, sets, folded):
        text = split_dateline(text)[1]
        position = 1.0 / (1.0 + 0.6 * sentence.index) + (0.3 if sentence.paragraph == 0 else 0.0)
        overlap = len(bag & head) / len(head) if head else 0.0
        centrality = len(bag & shared) / len(bag) if bag else 0.0
        # The key figures are amounts, counts and shares; a date says when, not how much.
        counted = len(quantities(text))
        figure = counted > 0
        features = (
            0.35 * bool(_ORG_SUFFIX.search(text))
            + 0.3 * bool(_ACTION.search(text))
            + 0.3 * bool(_DATE.search(text))
            + 0.25 * bool(_EVENT_DAY.search(text))
            + (0.35 + 0.05 * min(counted - 1, 3) if figure else 0.0)
            + 0.08 * min(len(_NAMED_PLACE.findall(text)), 3)
        )
        penalty = 0.0
        if is_scene(text):
            penalty += 1.2
        if not figure:
            # A sentence of rhetoric (以“小切口”撬动“大民生”……举措) states no fact to report.
            penalty += 0.3 * min(len(_RHETORIC.findall(text)), 4)
        # Cheap test first: a sentence that restates the headline shares many of its bigrams.
        restating = len(bag & head) >= max(4, 0.3 * len(bag)) and restates(text, head)
        if restating and not figure:
            # Beside its headline it adds nothing: it loses its overlap credit, when another sentence informs.
            repeats.append((len(scored), 1.5 + 1.2 * overlap))
        if not sentence.complete:
            penalty += 2.0
        if len(text) < 12:
            penalty += 1.0
        if _HOLLOW.match(text) or len(_CJK.findall(_DATE.sub("", text))) < 4:
            # 据《卫报》报道。/ 2012年5月5日-11日。: an attribution or a date with no news in it.
            penalty += 2.0
        if _DEPENDENT.match(text):
            penalty += 0.5
        if _REPORTING.match(text):
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
        if penalty < 0.5 and len(text) >= 12 and (figure or _ACTION.search(text)) and not restating:
            informative.append(len(scored) - 1)
    for i, cost in repeats:
        if any(j != i for j in informative):
            scored[i].score -= cost
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
    """Whether a compressed sentence opens with a verb or adverb (稳步推进……) rather than an actor.

    为/向/给/对 + object + verb (为760名困难群众发放……) lacks one too.
    """
    text = _split_time(text)[1]
    tags = _jieba().tag(text[:12])
    for i, (word, tag) in enumerate(tags):
        if tag in ("t", "x", "m") or re.fullmatch(r"[\d０-９年月日，]+", word):
            continue
        if tag == "p" and word in _OBJECT_PREPOSITIONS:
            clause = "".join(w for w, _ in tags[i:]) + text[12:]
            clause = re.split(r"[，,；;：:。]", clause, maxsplit=1)[0][:30]
            return any(t.startswith("v") and t != "vn" for _, t in _jieba().tag(clause)[1:])
        return tag.startswith(_SUBJECTLESS_TAGS)
    return False


_LEADING_TIME_CLAUSE = re.compile(r"^[^，,。]{1,12}[，,]")


def _split_time(text: str) -> tuple[str, str]:
    """``2023年底，为……`` -> (``2023年底，``, ``为……``); no time clause -> ("", text)."""
    match = _LEADING_TIME_CLAUSE.match(text)
    if match and _TIME_START.match(text) and not _ACTION.search(match.group(0)):
        return match.group(0), text[match.end():]
    return "", text


def insert_actor(text: str, actor: str) -> str:
    """The actor after an opening time clause: 2023年底，拉萨市民政局为……"""
    time, rest = _split_time(text)
    return time + actor + rest


def lead_actor(article: Article, ranked: list[Scored]) -> str | None:
    """Who the article is about: an acting kicker, else the organisation that opens the lead sentence."""
    actor = kicker_actor(article)
    if actor:
        return actor
    for sentence in split_sentences(article.body[:1])[:2]:
        clauses = compress_clauses(sentence.text)
        text = _split_time(join_clauses(clauses))[1] if clauses else ""
        words: list[str] = []
        for word, tag in _jieba().tag(text[:20]):
            if not (tag.startswith(("n", "j")) and tag != "nr"):
                break
            words.append(word)
        name = "".join(words)
        if len(words) >= 2 and 3 <= len(name) <= 16 and _ACTOR_NAME.search(name) and not name.startswith(("记者", "通讯员")):
            return name
    return None


# An organisation's name ends in what it is: 民政局, 人民法院, 消防救援大队, 街道党工委, 社区.
_ACTOR_NAME = re.compile(r"(?:局|委|委员会|会|院|法院|检察院|厅|办|所|站|队|大队|中心|社区|街道|政府|公司|集团|学校|大学|医院|银行|馆|协会|联合会|妇联|团委|党委|党工委|支部)$")


def single_actor(actor: str) -> bool:
    """One organisation, not a partnership (甲联合乙, 甲和乙): its staff are unambiguous."""
    return not re.search(r"联合|携手|会同|和|与|及|、", actor)


class ExtractiveSummarizer:
    """Extractive-compressive summaries within a character budget; faithful by construction."""

    method = METHOD
    # The shortest share of the budget the chosen sentence keeps when it makes room for a figure.
    min_main_chars = 24

    def __init__(self, *, candidates: int = 6) -> None:
        self.candidates = candidates

    def summarize(self, articles: list[Article], *, max_chars: int = 90) -> list[Summary]:
        return [self.summarize_one(article, max_chars=max_chars) for article in articles]

    def summarize_one(self, article: Article, *, max_chars: int = 90) -> Summary:
        ranked = rank_sentences(article)
        if not summarizable(article, ranked):
            return Summary(text="", method=METHOD, sentences=[], reason="the article has no sentence to summarize")
        source = SourceIndex(article)
        # Who acts is looked up only when a summary leaves it out.
        actor = functools.cache(lambda: lead_actor(article, ranked))
        for scored in ranked[: self.candidates]:
            found = self._from_sentence(scored, ranked, article, source, actor, max_chars)
            if found:
                return found
        return self._last_resort(ranked, article, source, max_chars)

    def _fit(self, sentence: Sentence, budget: int, source: SourceIndex, *, squeeze_only: bool = False) -> str | None:
        """The sentence compressed and cut to ``budget``; None when it cannot fit or fails the guard."""
        for squeeze in (True,) if squeeze_only else (False, True):
            clauses = compress_clauses(sentence.text, squeeze=squeeze)
            kept = fit_clauses(clauses, budget)
            if kept:
                text = join_clauses(kept)
                if len(text) >= 8 and check_summary(text, source):
                    return text
        return None

    def _with_actor(self, sentence: Sentence, text: str, actor: Callable[[], str | None], budget: int, source: SourceIndex) -> str:
        """Name who acts when the sentence leaves it out (稳步推进……) or names only a role (工作人员……)."""
        role = bool(_GENERIC_AGENT.match(text))
        if not role and not lacks_subject(text):
            return text
        actor = actor()
        if not actor or actor in text or (role and not single_actor(actor)):
            return text
        fitted = text if len(text) + len(actor) <= budget else self._fit(sentence, budget - len(actor), source)
        if not fitted:
            return text
        named = insert_actor(fitted, actor)
        return named if check_summary(named, source) else text

    def _main(self, sentence: Sentence, budget: int, source: SourceIndex, actor: Callable[[], str | None], **options) -> str | None:
        text = self._fit(sentence, budget, source, **options)
        return self._with_actor(sentence, text, actor, budget, source) if text else None

    def _from_sentence(self, scored, ranked, article, source, actor, max_chars) -> Summary | None:
        sentence = scored.sentence
        text = self._main(sentence, max_chars, source, actor)
        if text is None:
            return None
        used = [sentence.index]
        if not has_quantity(text):
            paired = self._with_figure(sentence, text, ranked, source, actor, max_chars)
            if paired:
                text, used = paired
        return Summary(text=text, method=METHOD, sentences=used)

    def _with_figure(self, sentence, text, ranked, source, actor, max_chars) -> tuple[str, list[int]] | None:
        """A second sentence that states the key figures the first leaves out, squeezing both to fit."""
        best = ranked[0].score
        candidates = [
            other
            for other in ranked[:10]
            if other.figure
            and other.sentence.index != sentence.index
            and other.score >= max(best - 2.5, 0.3)
            # Figures about the same event: near the sentence that reports it, or ranked close to it.
            and (abs(other.sentence.index - sentence.index) <= 4 or other.score >= best - 1.0)
            and not (other.sentence.index < sentence.index and _DEPENDENT.match(other.sentence.text))
        ]

        def relevance(other: Scored) -> float:
            # Figures about the same event sit near the sentence that reports it.
            near = other.sentence.paragraph == sentence.paragraph
            return other.score + 0.5 * near - 0.1 * min(abs(other.sentence.index - sentence.index), 8)

        for other in sorted(candidates, key=relevance, reverse=True)[:3]:
            main = text
            extra = self._fit(other.sentence, max_chars - self.min_main_chars, source)
            if not (extra and has_quantity(extra)):
                continue
            if len(text) + len(extra) > max_chars:
                # Make room by squeezing asides and slogans (以“……”为主题的) out of the first sentence,
                # as long as none of its clauses is lost; else cut the figure sentence to the room left.
                squeezed = self._main(sentence, max_chars - len(extra), source, actor, squeeze_only=True)
                if squeezed and squeezed == self._main(sentence, max_chars, source, actor, squeeze_only=True):
                    main = squeezed
                else:
                    room = max_chars - len(text)
                    extra = self._fit(other.sentence, room, source) if room >= 12 else None
                    if not (extra and has_quantity(extra)):
                        continue
            pair = sorted([(sentence.index, main), (other.sentence.index, extra)])
            joined = "".join(t for _, t in pair)
            if len(joined) <= max_chars and check_summary(joined, source):
                return joined, [i for i, _ in pair]
        return None

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
