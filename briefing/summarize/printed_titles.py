"""The display title of an article that prints one: its headline's parts on one line.

A paper prints a headline in up to three parts: a kicker (引题) above the main title, the main
title, and a subtitle (副题) under it. The main title is often a slogan, a call or a quotation
(山水有清音, 奋力开创新局面, “……”) whose news, who did what, the kicker or the subtitle
carries. A briefing shows one line, so the line takes that part along, with the mark the paper
itself joins the parts by:

- a kicker that names who or what the title is about, or whose words it gives (临江市市长周海——,
  周海在座谈会上强调): ``临江市市长周海：“……”``, ``周海强调：……``; one that states the news
  (临江市出台新规——): ``临江市出台新规——……``; a subtitle that opens with the dash:
  ``主题——副题``; the second line of a two-line headline, after a title that states news too:
  ``第一行 第二行``, after a slogan with the dash: ``携手前行——临江市与东港市签署……``;
- at most :data:`MAX_DISPLAY_CHARS` characters: longer, the kicker's news alone when the main
  title has none, else the main title as printed (a deck is never shortened: a cut the paper
  did not make can garble it);
- a title that states its news itself (临江市举办春季招聘会) is shown as printed, and an
  organisation's name before a title that lacks its subject reads as one clause
  (临江市消防救援大队 + 推进燃气安全排查).

A series tag closing the title that the splitter left (too long for a column's name, or a
numbered part) is left out.
"""

from __future__ import annotations

import re

from ..conventions import DATE_ONLY_RE, KICKER_MARK, REPORTER
from ..records import Article
from ..text import longest_first, tagged
from .actors import kicker_actor, lacks_subject
from .headlines import CREDIT, has_predicate, has_verb
from .title_clauses import POST_WORDS, SPEECH_VERBS
from .verbs import ACTION


# A briefing's title line: the printed parts joined are kept to this many characters, about two
# printed headlines' lengths; the paper's own two-part headlines rarely pass it.
MAX_DISPLAY_CHARS = 40
# Who or what acts opens the clause: a noun, a name, a pronoun (我省, 各地), an abbreviation.
_ACTOR_TAGS = ("n", "r", "j", "s", "eng")
_NAME_TAGS = ("nr", "ns", "nt", "nz", "j", "eng")
# Words a title opens on before its actor: a time, a figure and its measure (3万名志愿者).
_LEADING_TAGS = ("t", "m", "q", "x", "w")
# How a call is to be pursued, opening it where a headline names its actor; the segmenter files
# some as nouns (全力 n): 全力推动……, 携手共建…….
_MANNER = frozenset(
    "全力 大力 奋力 着力 努力 合力 倾力 竭力 齐心 携手 共同 持续 加快 加速 进一步 积极 切实"
    " 扎实 坚决 不断 深入 全面 更好".split()
)
_QUOTATION = re.compile(r"“[^“”]+”")
_BRACKETED = re.compile(r"[（(][^（）()]+[)）]")
# The dash a kicker ends on and a subtitle opens with: the paper's mark that the parts run on.
_KICKER_END = re.compile(rf"\s*{KICKER_MARK}$")
_SUBTITLE_OPENING = re.compile(r"^[—－-]{1,2}\s*")
# A kicker that says whose words the title gives (……强调, 报告显示——, 临江市律师协会：).
_STATEMENT_END = re.compile(
    "(?:"
    + "|".join(sorted(SPEECH_VERBS | {"显示", "表明", "要求", "寄语", "谈"}, key=longest_first))
    + ")$"
)
# A kicker that goes on past its statement verb: the title is the rest of what was said.
_SAID_WHAT = re.compile(r"(?:强调|指出|要求)[^，,。；：“”]{4,}$")
# A person named after their post, an honour in quotation marks or what they are (……获得者).
_NAMED_PERSON = re.compile(
    f"(?:{POST_WORDS}|”|者)"
    + r"(?:[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,5}·[\u4e00-\u9fff]{1,5})$"
)
_POST_END = re.compile(POST_WORDS + "$")
# A kicker with a clause break is a clause or more, never a name.
_CLAUSE_BREAK = re.compile("[，,；;。]")
# A name run onto a headline's second line from the byline under it (……有所回落 周海).
_RUN_ON_BYLINE = re.compile(r"(?<=[\u4e00-\u9fff]{8})\s+[\u4e00-\u9fff]{2,3}$")
# Who attended the event the headline reports: 周海出席, 陈岩出席并讲话, 周海陪同考察, 周海陈岩等出席.
_ATTENDANCE = re.compile(r"(?:出席|参加|陪同|主持)[\u4e00-\u9fff]{0,4}$")
# Who attended, after the deck's news and a space (……论坛开幕 周海陈岩等出席).
_ATTENDANCE_TAIL = re.compile(r"\s+\S{2,24}(?:出席|参加|陪同|主持)[\u4e00-\u9fff]{0,4}$")
# A byline under the headline (记者 周海 通讯员 陈岩) or a date alone (2026年3月5日): no news.
_BYLINE = re.compile(rf"^(?:本报)?{REPORTER}")
# A series tag closing the title that the splitter's column tag (2 to 12 characters, no numbered
# part) leaves: （……——来自……的故事）, （走进乡村⑦）. A name's qualifier in brackets is short
# (刚果（金）); a span of time is no tag (（3月2日8时—3日8时）).
_SERIES_TAG = re.compile(r"\s*[（(](?P<tag>[^（）()]{13,40}|[^（）()]{2,16}[①-⑳])[)）]$")
_TIME_SPAN = re.compile(
    r"[\d０-９]\s*[年月日时]|[〇零一二三四五六七八九]{4}年|[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{0,3}"
)
# What happened, in a kicker the segmenter tags as a name (……会议隆重开幕 nr): no name.
_EVENT = re.compile(ACTION.pattern + "|开幕|闭幕|落幕|揭幕|揭牌|开工|竣工|开通|召开")


def states_news(text: str) -> bool:
    """Whether a heading says who did what: it opens (after a time or a figure) on an actor and
    has an action after it. A slogan (锦绣山河), a call (大力发展……), a quotation alone and a
    phrase without a verb (勤劳致富的好榜样) do not."""
    text = text.strip()
    if not text or _QUOTATION.fullmatch(text):
        return False
    words = [(w, t) for w, t in tagged(text) if w.strip()]
    first = next((i for i, (_, t) in enumerate(words) if not t.startswith(_LEADING_TAGS)), None)
    if first is None or not words[first][1].startswith(_ACTOR_TAGS) or words[first][0] in _MANNER:
        return False
    # A noun of one character opening a call is the segmenter's reading of a verb (撸 n:
    # 撸起袖子加油干); an actor that opens a headline is named in two or more.
    if len(words[first][0]) == 1 and words[first][1] == "n":
        return False
    rest = words[first + 1 :]
    # A place, an organisation or a person opening the title acts in it (西岭镇村民用上自来水,
    # 临江大学团队研制新型电池), whatever the segmenter files the verb as; before 的 it only
    # qualifies a noun (临江的春天).
    if words[first][1].startswith(_NAME_TAGS) and rest and rest[0][0] != "的":
        return True
    return has_predicate("".join(w for w, _ in rest))


def _names(kicker: str) -> bool:
    """A kicker without a verb (and without a clause break, :data:`_CLAUSE_BREAK`, read first)
    names who or what the title is about (东港市、西岭镇, 东港龙舟). (One that ends on a post or
    an honour and a name names a person, whatever the segmenter makes of the name:
    :data:`_NAMED_PERSON`, read first too.)"""
    if _EVENT.search(kicker):
        return False
    return any(t.startswith(_ACTOR_TAGS) for _, t in tagged(kicker)) and not has_verb(kicker)


def _speaker(kicker: str) -> str | None:
    """周海在全省工作会议上强调 -> 周海强调: the person who spoke and the verb, for a long line."""
    words = tagged(kicker)
    verb = _STATEMENT_END.search(kicker)
    if not verb or not words or not words[0][1].startswith("nr"):
        return None
    short = words[0][0] + verb.group(0)
    return short if short != kicker else None


def _joined(kicker: str, title: str, *, says_whose: bool) -> str:
    return kicker + ("：" if says_whose else "——") + title


def _with_kicker(kicker: str, title: str, title_news: bool) -> str | None:
    """The line with the kicker's part, or None where the kicker adds nothing the title needs."""
    core = _KICKER_END.sub("", kicker)
    if not core or core == title:
        return None
    attribution = kicker.endswith(("：", ":")) or bool(_STATEMENT_END.search(core))
    if _POST_END.search(core) or _SAID_WHAT.search(core):
        # 临江市政府党组成员、副市长 + 周海……: the post before its holder's name, one phrase;
        # 周海强调加快建设 + 西岭新区……: what was said runs on from the kicker into the title.
        line = core + title
        return line if len(line) <= MAX_DISPLAY_CHARS else title
    person = bool(_NAMED_PERSON.search(core))
    names = not _CLAUSE_BREAK.search(core) and (person or _names(core))
    # A kicker printed with a dash runs into the title: who it names is the title's subject.
    runs_on = kicker != core and not kicker.endswith(("：", ":"))
    adds_nothing = title_news or not (names or states_news(core))
    if not attribution and not (names and runs_on) and adds_nothing:
        return None
    # Who (临江市市长周海：) against what happened (临江市出台新规——).
    who = person or (names and not has_predicate(core))
    line = _joined(core, title, says_whose=attribution or who)
    if len(line) <= MAX_DISPLAY_CHARS:
        return line
    speaker = _speaker(core) if attribution else None
    if speaker:
        line = _joined(speaker, title, says_whose=True)
        return line if len(line) <= MAX_DISPLAY_CHARS else title
    # Too long together: the kicker's news alone, where the title is a slogan beside it.
    return core if not attribution and not names and len(core) <= MAX_DISPLAY_CHARS else title


def without_series_tag(title: str) -> str:
    """``title`` without a closing series tag the splitter left (too long for a column's name,
    or a numbered part of a series)."""
    tag = _SERIES_TAG.search(title)
    if not tag or _TIME_SPAN.search(tag["tag"]):
        return title
    return title[: tag.start()].strip() or title


def _deck_with_news(deck: str) -> bool:
    """A deck under the dash that says more than who attended (周海出席并讲话), who wrote it
    (记者 周海 通讯员 陈岩) or when (2026年3月5日)."""
    return not (
        _ATTENDANCE.search(deck)
        or _BYLINE.match(deck)
        or CREDIT.search(deck)
        or DATE_ONLY_RE.match(deck.replace(" ", ""))
    )


def display_title(article: Article) -> str:
    """The printed title as a briefing shows it (see the module's docstring)."""
    title = without_series_tag((article.title or "").strip())
    title_news = states_news(title)
    kicker = (article.kicker or "").strip()
    if kicker:
        actor = kicker_actor(article)
        # An organisation's name before a title that lacks its subject reads as one clause
        # (临江市消防救援大队 + 推进燃气安全排查); a kicker with a verb is a clause of its own.
        if actor and actor not in title and lacks_subject(title) and not has_verb(actor):
            return actor + title
        line = _with_kicker(kicker, title, title_news)
        if line:
            # The kicker carries the news, or says whose words the title gives: the subtitle
            # (who attended, 周海出席) is left out.
            return line
    printed = (article.subtitle or "").strip()
    subtitle = _SUBTITLE_OPENING.sub("", printed)
    if not subtitle or "——" in title or "：" in subtitle or _BRACKETED.fullmatch(subtitle):
        # One in brackets dates a document (（二〇二六年三月一日 临江））; one with a colon
        # is a label (资料整理：……).
        return title
    dashed = subtitle != printed
    if not dashed:
        # Under the title without the dash: the second line of a two-line headline where both
        # lines state news (……销量大增 / 利润却下滑……: the turn is the news), else a byline or a
        # label (周海, 引子), or who attended (周海出席): the news is the first line's.
        second = _RUN_ON_BYLINE.sub("", subtitle)
        line = title + " " + second
        # A verb of its own: a byline of names (周海陈岩) opens on a name too.
        second_news = (
            states_news(second) and has_predicate(second) and not _ATTENDANCE.search(second)
        )
        if second_news and not title_news:
            # A slogan over the line that states the news (携手前行 / 临江市与东港市签署……):
            # the news runs on as a subtitle would.
            line = title + "——" + second
        return line if second_news and len(line) <= MAX_DISPLAY_CHARS else title
    subtitle = _ATTENDANCE_TAIL.sub("", subtitle)
    if title_news or not _deck_with_news(subtitle):
        return title
    line = title + "——" + subtitle
    return line if len(line) <= MAX_DISPLAY_CHARS else title
