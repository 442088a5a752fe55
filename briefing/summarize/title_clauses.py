"""A clause of an article made into a headline: the candidates' wording for a generated title.

A clause loses what a headline leaves out (its dateline and reported time, a bare place setting,
manner adverbs, posts before a name, what an occasion marks, long quotations), and is cut only
at word boundaries, where the phrase it stops in does not go on; a clause that is all setting
or ends on a modifier gives nothing. :mod:`briefing.summarize.titles` offers these as candidates
and picks one.
"""

from __future__ import annotations

import bisect
import itertools
import re
from functools import lru_cache

from ..records import Article
from ..text import longest_first, tagged
from .compress import (
    BOOK_TITLE,
    IDIOM_DE,
    TIME_START,
    delete_asides,
    tidy,
)
from .headlines import (
    AUXILIARIES,
    BAD_END,
    CONNECTIVES,
    MAX_TITLE_CHARS,
    MIN_HEADLINE_CHARS,
    OPEN_VERBS,
    POSTS,
    has_verb,
    open_phrase,
)
from .sentences import split_dateline, split_sentences
from .verbs import ACTION, ACTION_END, MEANS_COVERBS, SPEECH_VERBS, verbal
from .wholeness import edits

# A generated title is at least this long, one more than any title must be
# (MIN_HEADLINE_CHARS): cut to five characters, a clause is mostly a fragment that passes the
# checks (……要求, ……记得, ……建成前, a photo credit). With 5, 10 of the 1,684 bench_titles
# titles change, 7 of them to such fragments.
MIN_GENERATED_CHARS = 6
# The hour of a day (7时40分, 8点半, 9时许), after its date or after 当地时间.
_HOUR = r"[\d０-９]{1,2}(?:[时点][\d０-９]{1,2}分|[时点]半|时许|[时点])"
_LEADING_TIME = re.compile(
    r"^(?:当地时间|北京时间)?(?:(?:\d{1,4}|[一二三四五六七八九十〇]{1,4})年(?![度代级]))?(?:(?:\d{1,2}|[一二三四五六七八九十]{1,2})月)?"
    r"(?:(?:\d{1,3}|[一二三四五六七八九十]{1,3})日)?(?:至\d{1,2}日)?(?:[上下中]午|晚上|早上|凌晨|傍晚|晚|上旬|中旬|下旬)?"
    rf"(?:{_HOUR})?"
)
# What is left of a time phrase once its date is cut (2013年以来, 10日后, 春节期间): no actor.
_TIME_TAIL = re.compile(
    r"^(?:以来|期间|之际|前后|后|起|以前|之前|以后|之后|左右|年初|年底|年末|月初|月底|月末|初|底|末|前)"
    r"(?![\u4e00-\u9fff]{0,1}(?:勤|续|期|来|台|端|面|步|衷|心|级|线|层|气|色|端|尾|往|进|景|提|列|沿|夕))"
)
# Scene-setting openers a headline leaves out: when, and from whom the reporter heard it.
_SCENE_OPENER = re.compile(
    r"^图为(?=[\u4e00-\u9fff])|^(?:近日|日前|连日来|近期|目前|今天|昨天|昨日|今日|当天|眼下|当前|时下|如今|而今|近年来|近些年来?|多年来|长期以来|一直以来)"
    r"|^(?:期间|以来)(?=[\u4e00-\u9fff]{2})"
    rf"|^(?:截至|截止到?)[^，,。]{{0,16}}?(?:底|末|止|为止|前|时|日)(?:{_HOUR})?"
)
_ORDINAL = re.compile(r"第[一二三四五六七八九十百零〇\d]{1,4}[届次期批轮个](?=[\u4e00-\u9fff“《])")
# 春节假日期间, 新年前夕: a span of time that opens the clause (with no verb in it: 李红看望慰问节日
# 期间…… is an actor and an action, not a time).
_SPAN_OPENER = re.compile(r"^[^，,、“”]{2,8}?(?:期间|前夕|之际)(?=[\u4e00-\u9fff]{4})")


def _without_venue(text: str) -> str:
    """The clause without where its subject was held (:data:`_HELD_AT`); a setting that an
    event and a localiser close (在……召开的……会上, ……推进会上周海强调, ……茶博会期间) keeps its
    在: it is the scene, not the subject."""
    held = _HELD_AT.match(text)
    rest = text[held.end() :] if held else text
    return text if _EVENT_LOCALISED.match(rest) else rest


# An event's name and the localiser that makes it a scene (会上, 会议上, 仪式上, 活动中, 展会期间);
# not inside another word (晚会上演, 活动中心, 带动中小企业) nor past a 在 of a later setting
# (……茶博会吸引客商在会上签约).
_EVENT_LOCALISED = re.compile(
    r"^[^，,。；;“”在]{0,16}?(?:[会议式节展赛礼坛宴]|活动)(?:上|中|期间|现场|之际)(?![演心小])"
)


def _without_scene(text: str) -> str:
    """The clause without the scene-setting time or source it opens with."""
    text = _SCENE_OPENER.sub("", text).lstrip("，, ")
    span = _SPAN_OPENER.match(text)
    if span and not has_verb(span.group(0)):
        text = text[span.end() :]
    return text


# （以下简称《方案》）: how the article will refer to a name, never part of a headline.
_ALIAS = re.compile(r"[（(](?:以下)?(?:简称|下称|称)[^（）()]{1,20}[）)]")
# 『』 as well: the 1998 pages print their quotation marks so (『书香临江……』).
_LONG_QUOTE = re.compile(r"“[^“”]{9,}”|『[^『』]{9,}』")
_PARTICLE_TAGS = ("ul", "uz", "ug", "y")


_LOCATED = re.compile(r"^位于[^，,的]{1,15}的")
# 在东港市民中心举行的灯会吸引……: where the subject was held, which opens the clause; the
# subject and what it did are the headline. Without ^: matched at the start (_without_venue) or
# searched anywhere (周海出席在……举行的……).
_HELD_AT = re.compile(
    rf"在[^，,。；“”的]{{1,20}}?(?:{ACTION.pattern}|展出|上演)的(?=[\u4e00-\u9fff]{{4}})"
)


# Coverbs whose phrase a long title can do without (周海代表市委和市政府看望…… ->
# 周海看望……, 临江茶业依靠电商平台走出…… -> 临江茶业走出……): the means or the mandate,
# not the action. 通过, 对, 就 and 围绕 stay: they are main verbs too, or the verb needs them
# (就……进行, 围绕……加以推进); so do 按照/根据 (……的决定任免: the segmenter tags the words of
# their objects as verbs). 代表 is a coverb only after a person's name (使节代表 is a noun).
_COVERBS = MEANS_COVERBS | {"代表"}


_PARTNER_COVERBS = frozenset("同 与 和 跟".split())
# With the coverbs of a person addressed (向……致敬) too: what opens an action on a name.
_ADDRESS_COVERBS = _PARTNER_COVERBS | {"向"}
# Those a bare place setting may end at (在临江同……会谈, 在临江向……致敬, 在临江对……进行).
_BARE_SETTING_COVERBS = _ADDRESS_COVERBS | {"对"}
# Nouns that close a phrase as a localiser does (在推进乡村振兴方面, 在茶产业发展过程中).
_SETTING_NOUNS = frozenset("方面 领域 过程".split())
# What a mission's name ends on (星国驻临江领事馆, 东港驻京办事处, 驻联合国代表团).
_MISSION_END = re.compile(r"[馆处团]$")


def _names_mission(tags: list[tuple[str, str]], j: int) -> bool:
    """Whether 驻 at ``j`` is part of a mission's name (星国驻临江领事馆), not a verb (驻守, 驻足):
    the one-character 驻, or a word on 驻 with the mission noun next (驻京 | 办事处) or a place
    and then the mission noun (驻足 | 参观展馆 is a verb and its object). Whatever its tag: the
    segmenter makes a verb of 驻华 in ……驻华大使馆."""
    word, _ = tags[j]
    if word == "驻":
        return True
    if word[0] != "驻":
        return False
    k = j + 1
    if k < len(tags) and tags[k][1].startswith(("ns", "nt")):
        k += 1  # the place the mission is in
    return k < len(tags) and bool(_MISSION_END.search(tags[k][0]))


def _closes_setting(words: list[tuple[str, str]], k: int) -> bool:
    """Whether ``words[k]`` is a localiser or a noun that closes a setting (中, 前, 过程中, 方面,
    会上; not 市场上的: a 的 after it makes it a modifier)."""
    word, tag = words[k]
    following = words[k + 1][0] if k + 1 < len(words) else ""
    return following != "的" and (
        tag == "f"
        or word in _SETTING_NOUNS
        # 过程中, 基础上: a noun on a localiser; not a name (班达里, 千岛里: nz, ns).
        or (word[-1] in "中上里内" and len(word) > 1 and tag == "n")
    )


def _localised(words: list[tuple[str, str]]) -> bool:
    """Whether a localiser (中, 上, 前, 过程中, 方面) closes a phrase among ``words`` before the
    clause ends: a setting that 在 opened before them ends there, not at the verb before it."""
    return _first_closer(list(itertools.takewhile(lambda t: t[1] != "x", words))) is not None


def _first_closer(words: list[tuple[str, str]]) -> int | None:
    """Where the first localiser or noun that closes a phrase (:func:`_closes_setting`) stands
    among ``words``; None where none does."""
    return next((k for k in range(len(words)) if _closes_setting(words, k)), None)


def _setting_end(tags: list[tuple[str, str]], start: int, *, bare: bool = False) -> int | None:
    """Where the setting that 在/于 opens at ``start`` ends: at its verb (在京 | 召开), past a verb
    inside the place at a news verb that follows before any coverb (在东港下榻饭店 | 会见), or
    at the verb after a localiser that closes it (在庆祝活动中 | 表演, 在哨所里 | 驻守); None
    where it reaches no verb.

    ``bare``: only a setting that names a place or an occasion (在临江, 在招待会上) and that the
    action follows at once (a verb, a manner adverb, or a coverb with its partner: 在临江同……会谈);
    None where it holds a verb or a 的 (在参与救灾过程中, 在……举行的……上: an event of its own)."""
    partners = _BARE_SETTING_COVERBS if bare else _PARTNER_COVERBS
    for j in range(start + 1, len(tags)):
        word, tag = tags[j]
        # 在人民大会堂 | 同……举行会谈: a coverb after the place opens the action's own phrase.
        if word in partners and tag == "p" and j > start + 1:
            return j
        # 在星国驻临江领事馆: 驻 names the mission, it is no verb of the clause.
        if _names_mission(tags, j):
            continue
        following = tags[j + 1][0] if j + 1 < len(tags) else ""
        if bare:
            if j > start + 1 and (verbal(word, tag) or _manner_before_verb(tags, j)):
                rest = tags[j + 1 :]
                # 在东港举办的……: a relative clause; 在大会上发表讲话: the occasion is the news.
                if following == "的" or _localised(rest) or word in _SPEECH_ACTS:
                    return None
                return j
            if not tag.startswith(_PLACE_TAGS) or word == "的":
                return None
            continue
        if verbal(word, tag) and following != "的" and tags[j - 1][0] != "的":
            # 在哨所里 | 驻守: a localiser right before the verb has closed the setting.
            if j > start + 1 and _closes_setting(tags, j - 1):
                return j
            # 在庆祝活动中 | 表演, 在推进乡村振兴方面: a verb before a localiser that closes the
            # phrase, with no 的 between, is inside the setting; the setting ends at the verb
            # after the localiser, and without one it is no setting.
            clause = list(itertools.takewhile(lambda t: t[1] not in ("x", "p"), tags[j + 1 :]))
            inside = list(itertools.takewhile(lambda t: t[0] != "的", clause))
            closer = _first_closer(inside)
            if closer is not None:
                if closer + 1 >= len(clause) or not verbal(*clause[closer + 1]):
                    return None
                return j + 1 + closer + 1
            # A setting that ran past a clause's end is its own clause: its first verb ends it.
            if ACTION_END.search(word) or any(t == "x" for _, t in tags[start:j]):
                return j
            # The news verb ends it; of several, the last (在庆祝东港茶叶节开幕大会上 | 致辞).
            # Not a verb of a relative clause (在东港出席李强举行的宴会: 出席 ends it).
            news = [
                k
                for k, (w, _) in enumerate(clause)
                if ACTION_END.search(w) and "的" not in [t[0] for t in clause[k + 1 : k + 2]]
            ]
            if not news:
                return j
            # With the verbs just before it (继续举行会晤).
            end = j + 1 + news[-1]
            while end > j and verbal(*tags[end - 1]):
                end -= 1
            return end
    return None


_TIME_WORDS = frozenset("后 之后 以后 时 之时 前 之前 以前".split())


def _time_clause_end(tags: list[tuple[str, str]], start: int) -> int | None:
    """Where the time clause that 在 opens at ``start`` ends (在失去半数蜂箱后 |): past a time word
    within six words, with a verb before it and no punctuation or 的; None where it is no such
    clause."""
    for j in range(start + 2, min(start + 8, len(tags))):
        word, tag = tags[j]
        # 在西岭镇举行的北山县前县长……: a relative clause, and 前 is the post's (former).
        if tag == "x" or word in ("在", "的"):
            return None
        if word in _TIME_WORDS and any(verbal(*t) for t in tags[start + 1 : j]):
            return j + 1 if j + 1 < len(tags) else None
    return None


def _complements(previous: tuple[str, str]) -> bool:
    """Whether 在/于 after the word ``previous`` is its complement, not a setting: after a
    one-character verb (躺在……, 站在雪地里)."""
    return len(previous[0]) == 1 and verbal(*previous)


def _drop_setting(tags: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Delete 在……/于…… and a coverb's phrase (代表……, 依靠……) between the actor and the verb,
    and particles after verbs."""
    out: list[tuple[str, str]] = []
    skipping = ""
    resume = 0  # where a setting that is being deleted ends
    for i, (word, tag) in enumerate(tags):
        if i < resume:
            continue
        following = tags[i + 1] if i + 1 < len(tags) else ("", "x")
        if skipping:
            # A coverb's object may hold verbs of its own (依靠科技创新走出……): it ends at the
            # last verb of a run. A verb before 的 or after it is in the phrase (按照……的要求).
            ends = verbal(word, tag) and following[0] != "的" and tags[i - 1][0] != "的"
            if ends and not verbal(*following):
                skipping = ""
            else:
                continue
        # 在失去半数蜂箱后, 在参观展览时: when the action happened, an event of its own.
        if word == "在" and tag == "p" and (end := _time_clause_end(tags, i)):
            resume = end
            continue
        if (
            out
            and word in ("在", "于")
            and tag == "p"
            and not _complements(out[-1])
            and (end := _setting_end(tags, i)) is not None
        ):
            resume = end
            continue
        if out and word in _COVERBS and (word != "代表" or out[-1][1].startswith("nr")):
            skipping = word
            continue
        if tag in _PARTICLE_TAGS and out and out[-1][1].startswith("v"):
            continue
        out.append((word, tag))
    # A phrase that never reached a verb was not a setting: keep the words as they were.
    return out if not skipping else [t for t in tags if not (t[1] in _PARTICLE_TAGS)]


# Tags a title may end on: a noun, a verb, an idiom or abbreviation, a closing quote. A cut that
# stops on a modifier (新型, 的, 多项) or a function word leaves the phrase hanging.
_END_TAGS = ("n", "v", "j", "l", "i", "eng", "s", "an")
_CLOSING = "”》）)」"


def _ends_well(words: list[tuple[str, str]]) -> bool:
    word, tag = words[-1]
    if word[-1] in _CLOSING:
        return True
    return tag.startswith(_END_TAGS) and tag not in ("vd", "ad") and word[-1] not in BAD_END


def _cut(text: str, limit: int, *, back_off: bool = True) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, ending on a noun or a verb
    and at a phrase boundary (:func:`open_phrase`, :func:`_open_at_cut`); empty where backing off
    finds no such boundary."""
    if len(text) <= limit:
        out = text
    else:
        words = tagged(text)
        kept: list[tuple[str, str]] = []
        length = 0
        for word, tag in words:
            if length + len(word) > limit:
                break
            kept.append((word, tag))
            length += len(word)
        # What someone said, cut short, puts words in their mouth (该负责人表示一些蒙面暴徒集结):
        # a statement is whole or not in the title.
        if back_off and any(w in SPEECH_VERBS for w, _ in kept[:-1]):
            return ""

        def hanging() -> bool:
            return (
                not _ends_well(kept)
                or not _balanced("".join(w for w, _ in kept))
                or bool(open_phrase(kept) or _open_at_cut(kept, _after_cut(words, len(kept))))
            )

        # Cut mid-phrase: back off to the last word a phrase can end on (never below 4 characters).
        while back_off and len(kept) > 1 and hanging() and length - len(kept[-1][0]) >= 4:
            # Backing off drops trailing modifiers, never the clause's own verb: only a verb
            # after a conjunction or a comma (……会见李四并出席) goes, the clause before it stays.
            if verbal(*kept[-1]) and kept[-2][1] not in "xc":
                return ""
            length -= len(kept.pop()[0])
        if (
            back_off
            and kept
            and (open_phrase(kept) or _open_at_cut(kept, _after_cut(words, len(kept))))
        ):
            return ""
        out = "".join(w for w, _ in kept)
    out = out.strip(" 　，,、；;：:")
    # Whole words go, never a character of one: 是 alone dangles, 实事求是 and 反对 end well.
    while out and ((last := tagged(out)[-1][0]) in BAD_END or not _balanced(out)):
        out = out[: -len(last)].rstrip(" 　，,、；;：:")
    return out


def _after_cut(words: list[tuple[str, str]], at: int) -> tuple[str, str]:
    """The word a cut at ``at`` stops before; a dash of two or more (……最高峰———西岭峰) opens an
    aside as a comma does, where one dash joins a range or a list (1—3号)."""
    if words[at][0] == "—" and at + 1 < len(words) and words[at + 1][0] == "—":
        return ("，", "x")
    return words[at]


# A cut before these goes on with the phrase it stops in: a noun or a name, a number or a
# measure, a modifier, 的, a list or a name's middle dot (……战胜另一名 | 东港棋手陈岩,
# ……走出一条茶产业发展 | 之路, 星国执政党第一书记马可 | ·罗西, 关爱留守儿童健康 | 、安全).
_PHRASE_GOES_ON = ("n", "m", "q", "a", "b", "f", "s", "j", "u", "eng", "l", "i", "z")
_LIST_JOINERS = frozenset("和 与 及 以及 或 或者 跟 同 、 · ・ — － - / （ ( “ 《".split())


def _balanced(text: str) -> bool:
    return text.count("“") == text.count("”") and text.count("《") == text.count("》")


_WORDLIKE = re.compile(r"[\u4e00-\u9fff\w]")


def _open_at_cut(kept: list[tuple[str, str]], following: tuple[str, str]) -> str | None:
    """Why cutting the clause before ``following`` leaves its last phrase open: a verb whose object
    (or the rest of its phrase) is cut away (……在京召开 | 会议), a copula 是 whose complement is
    cut short, or a noun phrase cut before its head or the rest of a list. A cut at a clause's
    punctuation, before a conjunction of clauses (出席 | 并讲话), an adverb, a coverb or another
    verb (签署协议 | 推动合作) ends a phrase."""
    word, tag = following
    if not word.strip() or word[0] in "，,。；;！!？?：:）)”》":
        return None
    last, last_tag = kept[-1]
    if word in _LIST_JOINERS or word[0] in _LIST_JOINERS:
        return f"{last} cut from the rest of its phrase ({word}……)"
    if tag in ("x", "c") or not _WORDLIKE.match(word):
        return None
    if verbal(last, last_tag):
        return f"{last} without its object"
    clause = kept[max((i + 1 for i, (w, t) in enumerate(kept) if t == "x"), default=0) :]
    if any(w == "是" for w, _ in clause):
        return "是 with its complement cut short"
    if (tag.startswith(_PHRASE_GOES_ON) or tag == "vn") and not verbal(word, tag):
        return f"{last} cut from the rest of its phrase ({word}……)"
    # 走出一条农民 | 增收致富之路: an object counted (一条, 多个) and cut inside a clause has lost its head.
    verb_at = min((i for i, (w, t) in enumerate(kept) if verbal(w, t)), default=-1)
    if any(t.startswith(("m", "q")) for _, t in kept[verb_at + 1 :]) and verb_at >= 0:
        return f"the counted object after {kept[verb_at][0]} cut short"
    return None


def _without_modifier(text: str, limit: int) -> str | None:
    """江源公司自主研发的新型材料通过评审 -> 新型材料通过评审: drop a relative clause (a verb before 的)
    that opens the subject when the whole does not fit, so the title keeps its own verb.
    习近平出席班达里举行的欢迎宴会 -> 习近平出席欢迎宴会: a clause on the object of the title's own
    verb goes and the subject and verb stay; the object alone is no title."""
    words = tagged(text)
    verbs: list[int] = []  # where each verb before the 的 ends
    subject = False
    # The clause is on the object where the first verb is a news verb (会见来访的……) or already
    # has a noun after it (出席班达里举行的……).
    on_object = False
    position = 0
    for word, tag in words:
        position += len(word)
        if tag.startswith("v") or tag == "j" or verbal(word, tag):
            on_object = on_object or (not verbs and subject and bool(ACTION_END.search(word)))
            verbs.append(position)
        elif not verbs and tag.startswith(("n", "r")):
            subject = True
        elif verbs and tag.startswith(("n", "r")):
            on_object = on_object or subject
        elif word == "的" and not verbs:
            return None  # 儿童的清唱拉开……: the subject is modified already, no clause to drop
        elif word == "的":
            rest = text[position:]
            if on_object:
                return (
                    text[: verbs[0]] + rest
                    if MIN_GENERATED_CHARS <= verbs[0] + len(rest) <= limit
                    else None
                )
            if MIN_GENERATED_CHARS <= len(rest) <= limit:
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


# 海拔5000米的, 全长12公里的, 总投资3亿元的: a measure and its figure before 的.
_MEASURE_MODIFIER = re.compile(
    r"(?:海拔|全长|总长|总面积|总投资|总价值)"
    r"[\d０-９.．零〇一二两三四五六七八九十百千万亿多余近约]{1,12}[^\s，,、的“”]{0,4}的(?=[\u4e00-\u9fff])"
)
# 根据……的决定, 按照……的部署 before the verb they mandate.
_MANDATE = re.compile(
    r"(?:根据|按照|依据|依照|遵照)[^，,。；;“”]{2,30}?的(?:决定|要求|部署|规定|安排|精神|指示)"
    r"(?=[\u4e00-\u9fff])"
)


def _strip_leading_time(text: str) -> str:
    """The clause without the date or time it opens with, nor what is left of that phrase (以来, 期间)."""
    stripped = _LEADING_TIME.sub("", text)
    if stripped != text:
        # 2031年的西岭镇蜂蜜产量……: the year modified the subject; 的 goes with it.
        stripped = _TIME_TAIL.sub("", stripped)
        if opening_word(stripped) == "的":  # not 的确 (2031年的确是……)
            stripped = stripped[1:]
    return stripped.lstrip("，, ")


def _without_object_clause(text: str, limit: int) -> str | None:
    """东港海事局救起12名误入禁渔区的外地渔民 -> 东港海事局救起12名外地渔民,
    周海会见来港出席……洽谈会的星国商务次长柯林 -> 周海会见星国商务次长柯林: a relative clause
    (with a verb of its own, before 的) on the object of the title's verb goes, its count stays;
    None where that does not bring the clause within ``limit``."""
    words = tagged(text)
    # The governor: the first verb after the actor, with no coverb before it (在……上的讲话 is a
    # setting, 对……表明 a topic: the verb after them is not the title's).
    governor = next((i for i, (w, t) in enumerate(words) if t == "p" or verbal(w, t)), None)
    if (
        not governor
        or words[governor][1] in ("p", "vn", "vd")
        or len(words[governor][0]) < 2
        or words[governor][0][-1] in "上中里内外下"  # 展上: a place the segmenter takes for a verb
        or words[governor][0] in AUXILIARIES | OPEN_VERBS
        or words[0][1].startswith(("c", "d"))
        or not _balanced("".join(w for w, _ in words[:governor]))
    ):
        return None
    start = governor + 1
    while start < len(words) and words[start][1].startswith(("m", "q")):
        start += 1
    for end in range(start, len(words)):
        word, tag = words[end]
        if not _WORDLIKE.match(word) or tag == "p":
            return None
        if word == "的":
            span, head = words[start:end], words[end + 1 :]
            if (
                not any(verbal(w, t) for w, t in span)
                # 累计帮助……的: a verb right after another is the title's own, unless the first
                # is a news verb that takes a person (会见来华出席……的).
                or (
                    start == governor + 1
                    and verbal(*span[0])
                    and not ACTION_END.search(words[governor][0])
                )
                or span[-1][1] == "f"  # ……大会上的讲话: a setting, not a clause
                # 展出了数十份珍贵的: a verb with 了 is the title's own, not a relative clause's.
                or any(t in ("ul", "uz", "ug") for _, t in span)
                # 累计资助200多名……的: a count after a word the segmenter files as a noun says
                # that word is the title's verb.
                or any(
                    t == "m" and span[i - 1][1] in ("n", "vn") for i, (_, t) in enumerate(span) if i
                )
                or not head
                or not head[0][1].startswith(("n", "b", "l", "j"))
                # The object ends the title: a verb after it belongs to another clause.
                or any(verbal(w, t) for w, t in head)
            ):
                return None
            out = "".join(w for w, _ in words[:start] + head)
            return out if MIN_GENERATED_CHARS <= len(out) <= limit else None
    return None


def shorten(clause: str, *, limit: int = MAX_TITLE_CHARS) -> str:
    """A headline-like phrase from a clause: actor, action, object."""
    text = shortened_clause(clause, limit)
    if len(text) > limit and (without := _without_object_clause(text, limit)):
        return without
    if len(text) > limit:
        raw = _cut(text, limit, back_off=False)
        # The cut stops inside a modified subject, before the verb: drop the modifier instead.
        # A verb inside a title of a work (纪录片《绕道》) is no verb of the clause.
        head = BOOK_TITLE.sub("", raw[raw.rindex("的") + 1 :]) if "的" in raw else ""
        if "的" in raw and not has_verb(head):
            return _without_modifier(text, limit) or _cut(text, limit)
    return _cut(text, limit)


def opening_word(clause: str) -> str:
    """The first word of ``clause`` (tagged on its opening: the words after it do not matter)."""
    words = tagged(clause[:12])
    return words[0][0] if words else ""


# 意味着西岭镇茶园进入采摘季: what it marks is a clause of its own, with its subject (西岭镇茶园);
# the link to the event before it goes, as a connective does.
_MARKS_WHAT_FOLLOWS = re.compile(r"(?:这|此|这也|也|更|则)?(?:标志着|意味着)")


def _without_connective(text: str) -> str:
    """A clause that opens on a connective (但养蜂户的信心依然十足) states its own news: a headline
    drops the link to the clause before it. The connective is a word (但丁, 同时期 are none), and
    it goes only where a clause of four characters or more follows it."""
    if marks := _MARKS_WHAT_FOLLOWS.match(text):
        connective = marks.group(0)
    elif (connective := opening_word(text)) not in CONNECTIVES:
        return text
    rest = text[len(connective) :]
    return rest if re.match(r"[\u4e00-\u9fff]{4}", rest) else text


# A candidate clause is compressed once to ask whether it fits and again to be shortened (and a
# third time at four times the limit): the last results are kept (strings: safe to share).
@lru_cache(maxsize=256)
def shortened_clause(clause: str, limit: int) -> str:
    """The clause with what a headline leaves out deleted, step by step until it fits ``limit``
    (longer where the deletions do not make it fit: it is then cut)."""
    text = _ALIAS.sub("", delete_asides(clause, keep_figures=False))
    text = _strip_leading_time(_without_connective(text))
    text = _without_venue(_LOCATED.sub("", text))
    # Before the dates inside go: 截至12日18时 is a scene opener whole, 截至 alone is none.
    text = _without_scene(text)
    # A headline dates nothing and names a person without the posts before the name; a date
    # cut from 图为2月7日…… bares the caption's opener.
    text = _without_scene(_DATE_INSIDE.sub("", text))
    text = _without_posts(text)
    if len(text) <= limit:
        return text
    text = tidy(IDIOM_DE.sub("", text))
    # 出席在……举行的庆祝……酒会: a setting that is a relative clause on the event stands in the
    # occasion's way, so the occasion goes first; else only where dropping the setting does not
    # make the clause fit (……在镇文化广场参加庆祝元宵节活动: the festival is the news).
    venue = _HELD_AT.search(text)
    occasion = _OCCASION.search(text)
    if venue and occasion and venue.end() <= occasion.start():
        text = _without_occasion(text)
    tags = _drop_setting(tagged(text))
    text = "".join(
        w for k, (w, t) in enumerate(tags) if not _reported_time(w, t, tags[k - 1][0] if k else "")
    )
    # Deleting a time may bare what was left of its phrase (春节期间 -> 期间).
    text = _without_scene(text)
    if len(text) > limit:
        text = _without_occasion(text)
    if len(text) > limit:
        text = _LONG_QUOTE.sub(_drop_quote, text)
    if len(text) > limit:
        text = re.sub(r"以[^，。]{2,20}?为(?:契机|抓手|载体|重点|主题|核心)", "", text)
    if len(text) > limit:
        # 根据全国人大常委会的决定任免……: the mandate of an act, not the act.
        text = _MANDATE.sub("", text)
        # 任免下列驻外大使: what follows in the article is not in the title.
        text = re.sub(r"(?<=[\u4e00-\u9fff])(?:下列|以下|如下)(?=[\u4e00-\u9fff]{2})", "", text)
    if len(text) > limit:
        # 登上海拔5000米的西岭峰 -> 登上西岭峰: a measure on the object, whole with its figure.
        text = _MEASURE_MODIFIER.sub("", text)
    if len(text) > limit:
        # 第二届, 第十次: the ordinal of an event a headline can do without when the whole is long.
        text = _ORDINAL.sub("", text)
    if len(text) > limit:
        text = _without_manner(text)
    if len(text) > limit:
        text = _without_inner_posts(text)
    return text


# 庆祝星国独立25周年酒会 -> 酒会: what an event marks, before the event.
_OCCASION = re.compile(
    r"(?:(?:(?<=出席|举行|参加|举办|召开)|(?<=的))(?:庆祝|纪念)[^，,。；“”的]{2,24}?(?:周年|胜利|成立|建交|诞辰|国庆|节)(?:的)?"
    r"|[\u4e00-\u9fff]{2}建交[\d０-９]{1,3}周年)"
    r"(?=(?:招待会|活动|大会|晚会|酒会|庆典|仪式|音乐会|文艺演出|座谈会|图片展))"
)
# ……出席酒会并讲话: a second action after the first, which the headline can do without.
_SECOND_ACTION = re.compile(r"并(?:致辞|讲话|发表讲话|发表重要讲话|致贺词|作主旨演讲|发表演讲)$")


def _without_occasion(text: str) -> str:
    """周海应邀出席星国驻临江领事馆庆祝星国独立25周年酒会并讲话 -> 周海出席星国驻临江领事馆
    酒会: for a long clause, the occasion an event marks, 应邀 before the verb and a closing
    second act (并讲话) go; the actor, the verb and the event stay."""
    text = _SECOND_ACTION.sub("", _OCCASION.sub("", text))
    return re.sub(r"(?<=[\u4e00-\u9fff])应邀(?=出席|参加|访问|来华|赴|前往|对)", "", text)


# Manner adverbs a long headline can do without (李克强分别会见……, ……隆重举行, 亲切会见): how,
# not what. 将, 首次, 已 and negations stay: they change what the title says.
_MANNER = frozenset(
    "分别 正式 隆重 亲切 顺利 圆满 热情 认真 深入 积极 专门 共同 一起 一道 友好 热烈".split()
)


def _manner_before_verb(words: list[tuple[str, str]], i: int) -> bool:
    """Whether ``words[i]`` is a manner adverb (:data:`_MANNER`) before the verb it qualifies."""
    return (
        i + 1 < len(words)
        and words[i][0] in _MANNER
        and words[i][1] in ("d", "ad", "a", "vd")
        and verbal(*words[i + 1])
    )


def _bare_verb(word: str) -> str:
    """``word`` without the manner adverb the segmenter joined to its verb (隆重举行 -> 举行)."""
    return word[2:] if word[:2] in _MANNER and ACTION_END.fullmatch(word[2:]) else word


def _without_manner(text: str) -> str:
    words = tagged(text)
    return "".join(
        _bare_verb(word) for i, (word, _) in enumerate(words) if not _manner_before_verb(words, i)
    )


# Where a place setting may end: the words of a place (临江, 市民中心, 会上) and of a time.
_PLACE_TAGS = ("n", "s", "f", "j", "eng", "m", "q", "t")
_SPEECH_ACTS = frozenset("发表 致辞 讲话 作 做 宣读".split())
# Times a headline leaves out, besides those that open a clause (compress.TIME_START).
_TIME_WORDS_MORE = frozenset("今晚 昨晚 今晨 本月 上月 本周 上周 本周末 年初 年底".split())
# Times that say whether the event is still to come or came before the news (临江新机场明年
# 建成通航, 明年初, 临江茶厂此前停产): without them a plan reads as done. They stay, as 将 does.
# A prefix, as TIME_START is one; only those of its times and of _TIME_WORDS_MORE (后天, 下周,
# 今后, 届时 are in neither: never left out).
_TIME_KEPT = re.compile(r"^(?:明|此前|随后)")


def _reported_time(word: str, tag: str, previous: str = "") -> bool:
    """Whether ``word`` (tagged ``tag``, after the word ``previous``) dates the reported event
    (今年, 上午, 昨天), which a headline leaves out; not one of :data:`_TIME_KEPT`, nor the rest
    of one the segmenter split (明 | 年底)."""
    return (
        tag == "t"
        and (bool(TIME_START.match(word)) or word in _TIME_WORDS_MORE)
        and not _TIME_KEPT.match(word)
        and previous != "明"
    )


def headline_form(text: str) -> str:
    """A clause as a headline states it, though it fits as it is (周海在临江会见星国外长柯林 ->
    周海会见星国外长柯林, ……正式开通 -> ……开通): without a place setting between the actor and
    the verb, a time word after the actor (今年, 上午), a manner adverb before the verb, and 了/着
    between a verb and its object. Each deletion takes whole words; what is left is the actor,
    the action and its object."""
    words = tagged(text)
    kept: list[str] = []
    i = 0
    while i < len(words):
        word, tag = words[i]
        following = words[i + 1] if i + 1 < len(words) else ("", "x")
        if kept and word in ("在", "于") and tag == "p" and not _complements(words[i - 1]):
            end = _setting_end(words, i, bare=True)
            if end is not None:
                i = end
                continue
        # 东港市民在观看灯会: 在 right before a verb says it is under way, as 正在 does.
        if (
            kept
            and word == "在"
            and verbal(*following)
            and not verbal(*words[i - 1])
            and not _localised(words[i + 1 :])  # 在参与救灾过程中: a setting after all
        ):
            i += 1
            continue
        # 周海上午来到……, 今年临江港吞吐……: when, before the actor's action or the actor.
        if _reported_time(word, tag, words[i - 1][0] if i else "") and (
            verbal(*following) or _manner_before_verb(words, i + 1)
            if kept
            else following[1].startswith(("n", "r", "t")) or following[0] == "“"
        ):
            i += 1
            continue
        if _manner_before_verb(words, i):
            i += 1
            continue
        word = _bare_verb(word)
        # 种植着……茶树, 收购了三家茶园: the aspect goes before an object, not before a verb
        # (站着讲) nor at the end.
        if (
            word in ("了", "着")
            and tag in ("ul", "uz")
            and kept
            and verbal(*words[i - 1])
            and following[1].startswith(("n", "m"))
        ):
            i += 1
            continue
        kept.append(word)
        i += 1
    return "".join(kept)


# What closes a phrase from behind (在……中, 五年以上, “……”的): left alone where the phrase went.
_CLOSES_BEHIND = frozenset("的 之 为".split())


def deletion_breaks(source: str, kept: str) -> bool:
    """Whether the deletions that made ``kept`` of ``source`` broke a phrase: a coverb left
    without its object (以“……”为主题 -> 以为主题, 自去年十月以来 -> 自以来, 对在临江投资……保持 ->
    对保持), or what closed the deleted phrase left behind (一条“……”的路 -> 一条的路, 五年以上
    -> 以上). A deletion between the actor and the verb, or of a whole modifier with its 的,
    breaks nothing. A closing word the segmenter joins to the next (在贺信中说 -> 中说) is not
    seen."""
    words = tagged(source)
    starts = list(itertools.accumulate((len(w) for w, _ in words), initial=0))

    def word_at(position: int) -> tuple[str, str]:
        return words[bisect.bisect_right(starts, position) - 1]

    # The deletions as the wholeness audit reads them (wholeness.deletion_cuts).
    for operation, begin, end, kept_begin, kept_end in edits(kept, source):
        if operation != "delete":
            continue
        if kept_begin > 0 and word_at(begin - 1)[1] == "p":
            return True
        if kept_end < len(kept) and end < len(source):
            word, tag = word_at(end)
            if word in _CLOSES_BEHIND or tag == "f":
                return True
    return False


def _without_inner_posts(text: str) -> str:
    """周海会见星国副议长兼港务大臣柯林 -> 周海会见柯林: the posts before a
    name in the object of a verb go, as they do before the actor's (:func:`_without_posts`)."""
    position = 0
    for i, (word, tag) in enumerate(tagged(text)):
        position += len(word)
        if not i or tag.startswith(("nr", "ns", "nt", "nz")):
            continue  # 参加座谈的……: a verb with no actor before it; 星国青年组织: a name
        # After the title's first verb or coverb (会见……, 同……举行会谈) only: a verb further on
        # may be inside a relative clause on the object (同来港访问的……总理柯林 | 举行会谈),
        # whose posts and name would be left without the clause's start.
        if verbal(word, tag) or (tag == "p" and word in _ADDRESS_COVERBS):
            # 周海同来港访问的……: a verb before 的 is a relative clause's, whose start (同来,
            # which the segmenter joins) would be left behind.
            if position >= len(text) or text[position] == "的":
                return text
            rest = _without_posts(text[position:], relative=True)
            return text[:position] + rest
    return text


_BYLINE = re.compile(
    r"记者|通讯员|编辑|摄影?$|^[（(].*[）)]$|^(?:本报|新华社|据)|[讯电]$|^图[为①-⑩]"
)


def _box_label(line: str) -> bool:
    """核心阅读, 编者的话, 人物小传 (a label over a box) or 同志们，朋友们： (a salutation): no
    headline, however the page sets it. A headline names who acts and what happens: more than
    four characters, and no colon at its end."""
    return len(line) <= MIN_HEADLINE_CHARS - 1 or line.endswith(("：", ":"))


def heading_line(article: Article, *, limit: int) -> str | None:
    """A heading the body opens with (a line without a final stop that is no byline): the page's own title."""
    sentences = split_sentences(article.body[:2])
    if not sentences or sentences[0].complete:
        return None
    line = sentences[0].text.strip()
    if not 4 <= len(line) <= 40 or _BYLINE.search(line) or split_dateline(line)[0]:
        return None
    if _box_label(line):
        return None
    if len(line) > limit:
        # Two-part headings (主题　副题): keep the first part when the whole is too long.
        first = re.split(r"[\s　]+|——|：|:", line)[0]
        line = first if 4 <= len(first) <= limit else _cut(line, limit)
    return line if len(line) >= 4 else None


# 10月4日, 4日晚, 日前 inside a clause (the leading time is cut separately).
_DAY = r"(?:(?:\d{1,4}|[一二三四五六七八九十〇]{2,4})年)?(?:\d{1,2}月)?\d{1,2}日"
_DATE_INSIDE = re.compile(
    # 11日至13日 is one date: cut as a whole, it leaves no 至 behind.
    # 于2日起 goes whole too: a coverb or 起 left alone reads as a broken phrase (美国于起暂停……).
    rf"(?:[于自从](?=[\d一二三四五六七八九十]))?(?:(?:当地时间|北京时间)?{_DAY}(?:[至到—－\-和、及]{_DAY})*"
    rf"(?:[上下中]午|晚间|晚|凌晨|早)?(?:{_HOUR})?|(?:当地时间|北京时间)(?:[上下中]午|晚间|晚|凌晨|早)?{_HOUR})"
    r"(?:起)?(?=[\u4e00-\u9fff])"
    r"|(?<=[\u4e00-\u9fff])(?:日前|近日|当天|今天|昨天|昨日|今日)(?=[\u4e00-\u9fff])"
)
# The posts before a name (headlines.POSTS), longest first (委员长 before 委员), in one order from
# run to run (briefing.pattern_cache keeps the compiled pattern between runs).
POST_WORDS = "(?:" + "|".join(sorted(POSTS, key=longest_first)) + ")"


def _acts_after(word: tuple[str, str]) -> bool:
    """Whether ``word``, after a person's name, opens what the person does: a verb, a coverb or
    a conjunction, or a word the segmenter made of a coverb and a noun (同星国)."""
    return word[1] in ("p", "c") or verbal(*word) or word[0][0] in _ADDRESS_COVERBS


# Matched from a position (re.match with pos), so without ^.
_POSTS = re.compile(r"[^，。；：“”]{0,40}?" + POST_WORDS + r"(?=[\u4e00-\u9fff]{2,4})")


_COVERB_START = frozenset("应受在由据经对为从自把被")


def _without_posts(text: str, *, relative: bool = False) -> str:
    """The clause from the person's name on, when it opens with the posts of a named person.
    The name follows the last post (临江市委书记处书记周海), not one inside another (书记处).
    ``relative``: the text is the object of a verb, and a relative clause before the posts
    (来港出席洽谈会的星国商务次长柯林) goes with them."""
    if text[:1] in _COVERB_START:
        return text  # 应……市长路德维希邀请: the posts of whom the actor meets, not of the actor
    end = 0
    while match := _POSTS.match(text, end):
        # 周海会见星国外长柯林, 参加座谈的区长陈岩: before the actor's name, a span with an
        # action, a coverb or a 的 is a clause of its own, not the posts of the person it names.
        span = tagged(match.group(0))
        # 周海同星国总理柯林……, 周海致电……: a person named and then an action or a coverb is
        # the actor, and the posts are another's (the segmenter may join the coverb to them:
        # 同星国, n). A name before a post or a noun is the post's or the name's own (星国总统,
        # 周海特使, 孔子学院: the segmenter files some countries as names).
        if any(
            t.startswith("nr") and len(w) >= 2 and _acts_after(span[k + 1])
            for k, (w, t) in enumerate(span[:-1])
        ):
            return text
        if not relative and any(
            w == "的" or t == "p" or ACTION_END.search(w) or w in SPEECH_VERBS for w, t in span
        ):
            return text
        # 负责人纷纷致电……市长周海: on the object too, the posts after the relative
        # clause's 的 hold no verb and no coverb.
        if relative:
            posts = span[max((i for i, (w, _) in enumerate(span) if w == "的"), default=-1) + 1 :]
            if any(t in ("p", "d") or (verbal(w, t) and len(w) > 1) for w, t in posts):
                return text
        rest = text[match.end() :]
        words = tagged(rest[:8])
        if words and words[0][1].startswith("nr") and len(words[0][0]) >= 2:
            return rest
        end = match.end()
    return text
