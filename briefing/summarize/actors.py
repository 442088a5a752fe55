"""Who acts: the organisation an article is about, and naming it where a summary leaves it out."""

from __future__ import annotations

import re

from ..records import Article
from ..text import tagged
from .compress import ORG_SUFFIX, TIME_START, compress_clauses, join_clauses
from .verbs import ACTION
from .sentences import split_sentences
from .wholeness import SINCE

_SUBJECTLESS_TAGS = ("v", "d", "ad", "vn", "c")
# 为/向/给/对 + object + verb with no actor before it: 为860名困难群众发放……
_OBJECT_PREPOSITIONS = frozenset("为 向 给 对".split())
# Staff named only by their role: 工作人员走进……. The article's actor says whose staff they are.
GENERIC_AGENT = re.compile(
    r"^(?:[^，,]{1,12}[，,])?(?:工作人员|志愿者|队员|民警|干警|医护人员|网格员|检查人员|执法人员|社工|干部职工|党员干部|职工|技术人员|服务队员|指战员|消防员)"
)


# an organisation's suffix ending the text: 市政府, 协会
_ORG_SUFFIX_AT_END = re.compile(ORG_SUFFIX.pattern + "$")


def kicker_actor(article: Article) -> str | None:
    """The kicker when it names who acts (城关区消防救援大队), not when it is a slogan."""
    kicker = (article.kicker or "").strip()
    if not kicker or len(kicker) > 24 or re.search(r"[，,。！!？?“”：:]", kicker):
        return None
    tags = tagged(kicker)
    if not tags or tags[0][1].startswith(("v", "d", "p", "c")):
        return None
    if _ORG_SUFFIX_AT_END.search(kicker) or tags[-1][1].startswith(("nt", "ns", "nr")):
        return kicker
    return None


def lacks_subject(text: str) -> bool:
    """Whether a compressed sentence opens with a verb or adverb (稳步推进……) rather than an actor.

    为/向/给/对 + object + verb (为860名困难群众发放……) lacks one too.
    """
    text = _split_time(text)[1]
    tags = tagged(text[:12])
    for i, (word, tag) in enumerate(tags):
        if tag in ("t", "x", "m") or re.fullmatch(r"[\d０-９年月日，]+", word):
            continue
        if tag == "p" and word in _OBJECT_PREPOSITIONS:
            clause = "".join(w for w, _ in tags[i:]) + text[12:]
            clause = re.split(r"[，,；;：:。]", clause, maxsplit=1)[0][:30]
            return any(t.startswith("v") and t != "vn" for _, t in tagged(clause)[1:])
        return tag.startswith(_SUBJECTLESS_TAGS) and not short_place_name(word)
    return False


def short_place_name(word: str) -> bool:
    """保定, 遵义, 大同: a city named without its 市, which the segmenter's dictionary files as a
    verb or an adverb on its own but knows with the suffix (保定市). Only 市: 县 and 区 make
    words of verbs too (扶贫县, 开发区)."""
    import rjieba  # the segmenter briefing.text uses: its dictionary says what a word can be

    return len(word) >= 2 and rjieba.has_word(word + "市")


_LEADING_TIME_CLAUSE = re.compile(r"^[^，,。]{1,12}[，,]")


def _split_time(text: str) -> tuple[str, str]:
    """``2023年底，为……`` -> (``2023年底，``, ``为……``); no time clause -> ("", text)."""
    match = _LEADING_TIME_CLAUSE.match(text)
    # 建交70年来，: a span of time opens the sentence as a date does.
    timed = TIME_START.match(text) or (match and SINCE.search(match.group(0)[:-1]))
    if match and timed and not ACTION.search(match.group(0)):
        return match.group(0), text[match.end() :]
    return "", text


def insert_actor(text: str, actor: str) -> str:
    """The actor after an opening time clause: 2023年底，江北区民政局为……"""
    time, rest = _split_time(text)
    return time + actor + rest


def lead_actor(article: Article) -> str | None:
    """Who the article is about: an acting kicker, else the organisation that opens the lead sentence."""
    actor = kicker_actor(article)
    if actor:
        return actor
    for sentence in split_sentences(article.body[:3], limit=3):
        clauses = compress_clauses(sentence.text)
        text = _split_time(join_clauses(clauses))[1] if clauses else ""
        words: list[str] = []
        for word, tag in tagged(text[:20]):
            # A person (nr, nrfg) is no organisation; 代表 opens what they do on its behalf.
            if not (tag.startswith(("n", "j")) and not tag.startswith("nr")) or word == "代表":
                break
            words.append(word)
        name = "".join(words)
        if (
            len(words) >= 2
            and 3 <= len(name) <= 16
            and _ACTOR_NAME.search(name)
            and not name.startswith(("记者", "通讯员"))
        ):
            return name
    return None


# An organisation's name ends in what it is: 民政局, 人民法院, 消防救援大队, 街道党工委, 社区.
_ACTOR_NAME = re.compile(
    r"(?:局|委|委员会|会|院|法院|检察院|厅|办|所|站|队|大队|中心|社区|街道|政府|公司|集团|学校|大学|医院|银行|馆|协会|联合会|妇联|团委|党委|党工委|支部)$"
)


def single_actor(actor: str) -> bool:
    """One organisation, not a partnership (甲联合乙, 甲和乙): its staff are unambiguous."""
    return not re.search(r"联合|携手|会同|和|与|及|、", actor)
