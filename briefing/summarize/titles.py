"""Display titles: the printed title (with an acting kicker folded in), or a short generated one.

A generated title is cut from the article's lead sentence: the actor, the action and its
object, with times, adverbs, prepositional settings and long quotations deleted, at most
``max_chars`` characters, cut only at word boundaries.
"""

from __future__ import annotations

import re

from ..records import Article
from ..text import tagged
from .compress import _IDIOM_DE, _ORG_SUFFIX, _TIME_START, compress_clauses, delete_asides, tidy
from .actors import kicker_actor, lacks_subject
from .ranking import rank_sentences
from .sentences import dateline_place, split_dateline, split_sentences

MAX_TITLE_CHARS = 20
_LEADING_TIME = re.compile(
    r"^(?:(?:\d{1,4}|[一二三四五六七八九十〇]{1,4})年)?(?:(?:\d{1,2}|[一二三四五六七八九十]{1,2})月)?"
    r"(?:(?:\d{1,3}|[一二三四五六七八九十]{1,3})日)?(?:至\d{1,2}日)?(?:[上下中]午|晚上|早上|凌晨|傍晚|晚|上旬|中旬|下旬)?"
    r"(?:\d{1,2}(?:点半?|时许?|点\d{1,2}分))?"
)
_LONG_QUOTE = re.compile(r"“[^“”]{9,}”")
_BAD_END = set("的了和与及或在对把被将并、，,：:；;是从向以为也都就又而且")
_PARTICLE_TAGS = ("ul", "uz", "ug", "y")


def fold_kicker(article: Article) -> str:
    """The printed title, with the kicker in front when the kicker names who acts in it."""
    title = (article.title or "").strip()
    actor = kicker_actor(article)
    if actor and actor not in title and lacks_subject(title):
        return actor + title
    return title


_ORG_END = re.compile(f"(?:{_ORG_SUFFIX.pattern})$")
_LOCATED = re.compile(r"^位于[^，,的]{1,15}的")


def _has_verb(text: str) -> bool:
    return any(tag.startswith("v") and tag != "vn" for _, tag in tagged(text))


def _has_predicate(text: str) -> bool:
    """A verb, or a closing verbal noun (……通过专家评审): the title says what happened."""
    tags = tagged(text)
    return any(tag.startswith("v") and tag != "vn" for _, tag in tags) or (len(tags) >= 3 and tags[-1][1] == "vn")


def _drop_setting(tags: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Delete 在……/于…… between the actor and the verb, and particles after verbs."""
    out: list[tuple[str, str]] = []
    skipping = False
    for i, (word, tag) in enumerate(tags):
        if skipping:
            if tag.startswith("v") and tag != "vn":
                skipping = False
            else:
                continue
        if word in ("在", "于") and tag == "p" and out:
            skipping = True
            continue
        if tag in _PARTICLE_TAGS and out and out[-1][1].startswith("v"):
            continue
        out.append((word, tag))
    # A setting that never reached a verb was not a setting: keep the words as they were.
    return out if not skipping else [t for t in tags if not (t[1] in _PARTICLE_TAGS)]


# Tags a title may end on: a noun, a verb, an idiom or abbreviation, a closing quote. A cut that
# stops on a modifier (新型, 的, 多项) or a function word leaves the phrase hanging.
_END_TAGS = ("n", "v", "j", "l", "i", "eng", "s", "an")
_CLOSING = "”》）)」"


def _ends_well(words: list[tuple[str, str]]) -> bool:
    word, tag = words[-1]
    if word[-1] in _CLOSING:
        return True
    return tag.startswith(_END_TAGS) and tag not in ("vd", "ad") and word[-1] not in _BAD_END


def _cut(text: str, limit: int, *, back_off: bool = True) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, ending on a noun or a verb."""
    if len(text) <= limit:
        out = text
    else:
        kept: list[tuple[str, str]] = []
        length = 0
        for word, tag in tagged(text):
            if length + len(word) > limit:
                break
            kept.append((word, tag))
            length += len(word)
        # Cut mid-phrase: back off to the last word a phrase can end on (never below 4 characters).
        while back_off and len(kept) > 1 and not _ends_well(kept) and length - len(kept[-1][0]) >= 4:
            length -= len(kept.pop()[0])
        out = "".join(w for w, _ in kept)
    out = out.strip(" 　，,、；;：:")
    while out and (out[-1] in _BAD_END or out.count("“") != out.count("”") or out.count("《") != out.count("》")):
        out = out[:-1].rstrip(" 　，,、；;：:")
    return out


def _without_modifier(text: str, limit: int) -> str | None:
    """江源公司自主研发的新型材料通过评审 -> 新型材料通过评审: drop a relative clause (a verb before 的)
    that opens the subject when the whole does not fit, so the title keeps its own verb."""
    words = tagged(text)
    seen_verb = False
    position = 0
    for word, tag in words:
        position += len(word)
        if tag.startswith("v") or tag == "j":
            seen_verb = True
        elif word == "的" and seen_verb:
            rest = text[position:]
            if 6 <= len(rest) <= limit:
                return rest
            return None
        elif word[-1] in "，,；;：:":
            return None
    return None


# Festivals and observances a title keeps: the event is the news (元宵, 中秋, 植树节, 世界读书日).
_EVENT_NAME = re.compile(
    r"春节|元宵节?|清明节?|端午节?|七夕节?|中秋节?|重阳节?|国庆节?|元旦|除夕|腊八节?|冬至|小年|藏历新年|雪顿节|三八|五一|五四|六一|七一|八一"
    r"|植树节|劳动节|青年节|儿童节|教师节|妇女节|护士节|建军节|记者节|读书日|世界[\u4e00-\u9fff]{1,6}日|全国[\u4e00-\u9fff]{1,6}日"
)


def _drop_quote(match: re.Match) -> str:
    """A long quotation goes from a title; a festival it names stays (“……元宵闹……”主题活动 -> 元宵主题活动)."""
    event = _EVENT_NAME.search(match.group(0))
    return event.group(0) if event else ""


def shorten(clause: str, *, limit: int = MAX_TITLE_CHARS) -> str:
    """A headline-like phrase from a clause: actor, action, object."""
    text = delete_asides(clause, keep_figures=False)
    text = _LEADING_TIME.sub("", text).lstrip("，, ")
    text = _LOCATED.sub("", text)
    text = re.sub(r"^(?:近日|日前|连日来|近期|目前|今天|昨天|昨日|今日|当天)", "", text)
    if len(text) <= limit:
        return _cut(text, limit)
    text = tidy(_IDIOM_DE.sub("", text))
    tags = _drop_setting(tagged(text))
    text = "".join(w for w, t in tags if t != "t" or not _TIME_START.match(w))
    if len(text) > limit:
        text = _LONG_QUOTE.sub(_drop_quote, text)
    if len(text) > limit:
        text = re.sub(r"以[^，。]{2,20}?为(?:契机|抓手|载体|重点|主题|核心)", "", text)
    if len(text) > limit:
        raw = _cut(text, limit, back_off=False)
        # The cut stops inside a modified subject, before the verb: drop the modifier instead.
        if "的" in raw and not _has_verb(raw[raw.rindex("的") + 1 :]):
            return _without_modifier(text, limit) or _cut(text, limit)
        return _cut(text, limit)
    return _cut(text, limit)


_BYLINE = re.compile(r"记者|通讯员|编辑|摄影?$|^[（(].*[）)]$|^(?:本报|新华社|据)|[讯电]$|^图[为①-⑩]")


def heading_line(article: Article, *, limit: int) -> str | None:
    """A heading the body opens with (a line without a final stop that is no byline): the page's own title."""
    sentences = split_sentences(article.body[:2])
    if not sentences or sentences[0].complete:
        return None
    line = sentences[0].text.strip()
    if not 4 <= len(line) <= 40 or _BYLINE.search(line) or split_dateline(line)[0]:
        return None
    if len(line) > limit:
        # Two-part headings (主题　副题): keep the first part when the whole is too long.
        first = re.split(r"[\s　]+|——|：|:", line)[0]
        line = first if 4 <= len(first) <= limit else _cut(line, limit)
    return line if len(line) >= 4 else None


def generate_title(article: Article, *, limit: int = MAX_TITLE_CHARS) -> str:
    """A short title for an article the page prints without one."""
    heading = heading_line(article, limit=limit)
    if heading:
        return heading
    ranked = rank_sentences(article)
    actor = kicker_actor(article)
    place = dateline_place(article.dateline or split_dateline(article.body[0] if article.body else "")[0])
    for scored in ranked[:3]:
        clauses = compress_clauses(scored.sentence.text)
        if not clauses:
            continue
        # The first clause, or more of them until the title holds a verb (乡村振兴局……，复核……现状).
        options = ["".join(c for c, _ in clauses[:n]) for n in range(1, min(len(clauses), 3) + 1)]
        first, title = options[0], shorten(options[0], limit=limit)
        for option in options:
            candidate = shorten(option, limit=limit)
            if _has_predicate(candidate) and len(candidate) >= 6 and not _ORG_END.search(candidate):
                first, title = option, candidate
                break
        if len(title) < 4:
            continue
        prefix = actor or place
        if prefix and prefix not in title and lacks_subject(title) and len(prefix) + 4 <= limit:
            title = prefix + shorten(first, limit=limit - len(prefix))
        return title
    fallback = article.kicker or (article.body[0] if article.body else "")
    return _cut(split_dateline(fallback)[1], limit) or "（无标题）"


class ExtractiveTitler:
    """Keeps printed titles (folding in an acting kicker); generates one where none is printed."""

    def __init__(self, *, max_chars: int = MAX_TITLE_CHARS) -> None:
        self.max_chars = max_chars

    def title(self, articles: list[Article]) -> list[tuple[str, bool]]:
        out: list[tuple[str, bool]] = []
        for article in articles:
            if article.title and article.title.strip():
                out.append((fold_kicker(article), False))
            else:
                out.append((generate_title(article, limit=self.max_chars), True))
        return out
