"""Keywords of the day: a handful of names and terms that characterise one issue.

Candidates are whole names and terms: the segmenter's nouns, names and abbreviations, with a
person's name rejoined where the segmenter splits it (栗 / 战书 -> 栗战书), a name kept with its
bracketed qualifier (刚果（金）), and pieces that keep appearing side by side read as one term
(河湖 / 长制 -> 河湖长制). Function words, numbers with their units (亿美元), verbs, time words and
the built-in background list (``data/common_words.txt``) never count. A term scores by how many
articles use it and how prominently (headline over body, lead stories over briefs), times how
specific it is against a background frequency (the segmenter's dictionary counts, so 中国, 时代 and
世界 weigh little). A word found in many articles of a larger issue (the city's name in a city
daily) is damped, as are place names (江北区); a word that occurs only inside a longer chosen
name (战书 in 栗战书) is never a keyword of its own; one chosen before a title it is part of
(条例 of 《星城禁烟条例》) gives way to the title, unless it is a person's name. A word that,
wherever the issue has it, sits beside the same word (护幼助 before 孤, 数据中心 after 乡镇融) is
a cut piece: the longer run is the keyword when it is a term, else the piece is dropped; an
ordinary noun after a run of pieces everywhere is its head (……绿色 / 发展). A common noun (观众,
艺术) weighs its specificity cubed. A word the dictionary lacks that the issue has once is the
segmenter's guess, no keyword (树牢). The first half of a four-character set phrase standing
alone (花香 of 花香四溢) is none; nor is a word printed only inside brackets (a series tag, a
photo's note, a credit), nor a pair of 中 and a state's one-character abbreviation (中塞, 卡中, 欧中).
A name that nearly everywhere goes on alike is a piece of a longer one (周海 of 周海燕, one part
of a transliterated name across its dot, 志远 after the 陈 of 陈志远): the longer name is the
keyword, or none. A term the issue barely stands behind weighs less: a name one body names
once (one of a dozen speakers), or any other term of one article's body alone; a term of a
headline or of two articles, and a name (a title in 《》 or quotation marks too) one body repeats,
count in full. The person the day's main story names in its headline leads the keywords.
"""

from __future__ import annotations

import heapq
import math
import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from collections import Counter, defaultdict
from functools import lru_cache
from itertools import accumulate
from operator import itemgetter, neg

from .. import data
from ..conventions import REPORTER, REPORTERS, SURNAMES
from ..records import Article
from ..summarize.headlines import POSTS
from ..summarize.sentences import PAIRS
from ..summarize.verbs import SPEECH_VERBS
from ..summarize.wholeness import ASIDE, ASIDE_MAX, qualified_names
from ..text import NAME_TAGS, fold_width, listed, occurrences, tagged, word_tags

HEADLINE_WEIGHT = 4.0
MAX_PIECES, MAX_TERM = 4, 10  # a term glued from the segmenter's pieces: 临江职业技术学院
BODY_CHARS = 2000  # a keyword shows early; reading further costs time and adds little
_CJK = re.compile(r"[\u4e00-\u9fff]")
_CREDIT = re.compile(
    rf"[（(][^（）()]*{REPORTER}[^（）()]*[）)]"
)  # (记者 李婉清): a name, not a topic
_PLACE = re.compile(
    r"^[\u4e00-\u9fff]{1,3}[省市县区镇乡]$"
)  # a local paper names its places everywhere
PLACE_WEIGHT = 0.4
_NUMERIC = re.compile(
    r"[\d０-９〇零一二三四五六七八九十百千万亿.%％]+[年月日号时点个名家件项条座元]?"
)


@lru_cache(maxsize=1)
def background_words() -> frozenset[str]:
    """The built-in list of words too common in news to characterise an issue."""
    return frozenset(data.read_words("common_words.txt"))


# The tags of words that may be a keyword: nouns, names, abbreviations (j) and Latin words
# (eng). Never: function words, numbers and measures, time and place words, pronouns, verbs and
# adverbs (p c u d r m q f t y e o x v a b z s ad uj).
_TERM_TAGS = (
    "n",
    "j",
    "eng",
    "vn",
    "nz",
    "nt",
    "ns",
    "nr",
)  # not i/l: 美好生活, 重要讲话 are phrases
_SHORT_TITLE = re.compile(r"《([^《》]{2,10})》")
# A person's post glued to the name says less than the name (习近平 / 主席 stay two words).
_POSTS = frozenset(
    "主席 总书记 总理 副总理 书记 第一书记 委员长 部长 省长 市长 大使 总统 首相 同志 先生 女士 记者 院士 教授 主任 代表 委员".split()
)
# What stands after a name in a sentence and is no part of it: a post (周海局长, 陈岩董事长)
# or a speech verb the segmenter may tag as a noun (陈岩坦言).
_ALL_POSTS = _POSTS | POSTS
_BESIDE_NAME = _ALL_POSTS | SPEECH_VERBS
_BESIDE_NAME_WORDS = tuple(_BESIDE_NAME)
_POST_WORDS = tuple(_ALL_POSTS)
# The tags of function words (prepositions, conjunctions, particles, adverbs, pronouns,
# modal and interjection words), and of place, measure and time words: the base of the tag sets
# that tell a sentence's words from a name's or a term's.
_FUNCTION_TAGS = ("p", "c", "u", "d", "r", "y", "e", "o")
_FRAME_TAGS = ("f", "q", "t")
_NOT_TERM = re.compile(
    r"^[第约近超逾共每各该本此这那其之]|[了着过的地得么吗呢吧啊]$|^[零〇一二两三四五六七八九十百千万亿\d]|(?:举行|召开|举办|开幕|闭幕|起来|下去)$"
)
_FRAME_ENDS = "时后前中上里间内"


def _speech_frame(word: str) -> bool:
    """Whether ``word`` is the character that closes a frame of time or place and the speech verb
    after it (在……时说 / 会见后称), which the segmenter's dictionary lists as one word (时说) or its
    character model joins (时称): the verb of a sentence of reported speech, never a term."""
    return len(word) > 1 and word[0] in _FRAME_ENDS and word[1:] in SPEECH_VERBS


_SURNAME_TAGS = ("nr",)
BACKGROUND_TOTAL = 60_101_967  # sum of the segmenter's dictionary counts (jieba's dict.txt)


@lru_cache(maxsize=100_000)
def specificity(word: str) -> float:
    """How rare ``word`` is in general Chinese text, in (0, 1]: 1 for a word the segmenter's
    dictionary lacks (a name, a new term), about 0.3 for 中国, 0.5 for 时代."""
    count = _background_count(word)
    return max(0.05, math.log(BACKGROUND_TOTAL / count) / math.log(BACKGROUND_TOTAL))


COMMON_COUNT = 1000  # a dictionary count from which a word is an ordinary word (部门, 地位, 服务)


@lru_cache(maxsize=100_000)
def generic_compound(word: str) -> float | None:
    """The specificity of ``word`` as a compound of ordinary words (主管部门, 主体地位,
    建立健全: each piece a common dictionary word and none a name), or None for any other word.

    Such a compound is no more specific than its most specific piece, whatever its own count
    says: the segmenter's dictionary lists many of them with a token count of 3 or 4, which would
    make them look as rare as a name."""
    pieces = _pieces(word)
    if len(pieces) < 2 or any(len(p) < 2 or _background_count(p) < COMMON_COUNT for p in pieces):
        return None
    if any(t.startswith(NAME_TAGS + ("j", "eng")) for p in pieces for _, t in tagged(p)):
        return None
    # The dictionary lists some whole as names (改革开放/nz, 首都国际机场/nt), and an adverb and
    # its verb (大力发展/nz) as names too.
    whole = tagged(word)
    if len(whole) == 1 and whole[0][1] in ("nt", "nz") and pieces[0] not in _ADVERBS:
        return None
    return max(map(specificity, pieces))


# A common noun's specificity counts to this power in the score, a term's to the square: 观众,
# 艺术, 孩子 (counts of 2,000-45,000) are nouns of every kind of story, and squared they still
# outweighed a name the issue used a little less (a culture page's 观众 and 艺术 over its
# 评书 and 莫高窟).
COMMON_NOUN_POWER = 3


@lru_cache(maxsize=100_000)
def common_noun(word: str) -> bool:
    """Whether ``word`` is a common noun of everyday text: one word to the segmenter, tagged a
    noun (not a name: 香港, 以色列, 奥运会 and 国务院 are names however often they occur) and
    listed COMMON_COUNT times or more in its dictionary."""
    if _background_count(word) < COMMON_COUNT:
        return False
    tags = tagged(word)
    return len(tags) == 1 and tags[0][1] in ("n", "vn", "an", "ng")


def _pieces(word: str) -> list[str]:
    """The dictionary words ``word`` is made of, left to right: the segmenter's cut, or for a
    word the dictionary lists whole, its longest listed pieces, a character where none opens
    (致力 / 于, 新 / 亮点)."""
    import rjieba

    pieces = list(rjieba.cut(word, False))
    if len(pieces) > 1:
        return pieces
    inner = sorted({p for p in rjieba.cut_for_search(word) if p != word}, key=len, reverse=True)
    tiled, at = [], 0
    while at < len(word):
        piece = next((p for p in inner if word.startswith(p, at)), word[at])
        tiled.append(piece)
        at += len(piece)
    return tiled


def _background_count(word: str) -> int:
    import rjieba  # the segmenter briefing.text uses: its dictionary is the background

    # suggest_freq gives a dictionary word's own count (plus one), and 1 for unknown words.
    return max(1, rjieba.suggest_freq(word) if listed(word) else 1)


def _term(word: str, tag: str = "n") -> int:
    """0: not a candidate (function word, number, verb, background word, single character, no
    Chinese); 1: a candidate; 2: a candidate that is a place name. Judged once per (word, tag)
    a run of issues meets: the tables' cache (_Tables.judged) holds the answers."""
    # The tag first: it turns away most words (verbs, function words) without a pattern.
    if len(word) < 2 or not tag.startswith(_TERM_TAGS):
        return 0
    if (
        word in background_words()
        or not _CJK.search(word)
        or _NUMERIC.fullmatch(word)
        or _NOT_TERM.search(word)
        or _speech_frame(word)
        or word in _POSTS
        or verb_phrase(word)
    ):
        return 0
    return 2 if _PLACE.match(word) else 1


# Manner adverbs the segmenter's dictionary files as nouns or adjectives (全面/n): with the
# tagger's own adverbs (d, ad, vd) they make a word that opens on them an adverb + verb phrase.
_ADVERBS = frozenset(
    "全面 全力 大力 积极 深入 切实 扎实 稳步 有序 加快 持续 不断 广泛 严格 认真 坚决 统筹 着力 进一步 努力".split()
)


def _inner_pieces(word: str) -> list[str]:
    """The dictionary words inside ``word``, itself left out (the segmenter's search cut)."""
    import rjieba

    return [p for p in rjieba.cut_for_search(word) if p != word]


@lru_cache(maxsize=100_000)
def verb_phrase(word: str) -> bool:
    """Whether ``word`` says what is done rather than naming something: an adverb and a verb
    (全面推行, which the segmenter's dictionary files as one noun). A name (nz: 改革开放), a
    noun before the verb (环境保护, 文物保护) and a verbal noun at the end (大力发展) are terms."""
    if len(word) < 3:  # before tagging: most words are two characters
        return False
    tags = tagged(word)
    if len(tags) != 1 or tags[0][1].startswith(NAME_TAGS + ("vn",)):
        return False
    # The dictionary's pieces of the word: the longest that opens it and the longest that ends it.
    pieces = _inner_pieces(word)
    starts = [p for p in pieces if word.startswith(p)]
    ends = [p for p in pieces if word.endswith(p)]
    if not starts or not ends:
        return False
    modifier, head = max(starts, key=len), max(ends, key=len)
    adverb = modifier in _ADVERBS or tagged(modifier)[0][1] in ("d", "ad", "vd")
    return adverb and len(head) >= 2 and tagged(head)[0][1] == "v"


# What a phrase's last word is when the phrase is a word and its pronoun or preposition.
_GOVERNED_TAGS = ("r", "p", "u", "y")
FILLER_COUNT = 5  # the count the segmenter's dictionary gives the phrases it lists by the thousand


@lru_cache(maxsize=100_000)
def dictionary_phrase(word: str) -> bool:
    """Whether ``word`` is a phrase the segmenter's dictionary lists whole with a filler count
    (FILLER_COUNT or less: 热烈祝贺, 坚守岗位, 迎新年, 致力于): a verb or an adjective and the word it
    governs or qualifies, or a word and its pronoun or preposition. Its tag says nothing (the
    dictionary tags such entries at random: 热烈祝贺/ns), nor its count (as low as a name's). A
    term listed so opens with a noun (改革开放, 依法治国) or an adverb (从严治党); a verb with a
    one-character noun (慰安妇) is a word."""
    if len(word) < 3 or not listed(word) or _background_count(word) > FILLER_COUNT:
        return False
    # The longest dictionary word that opens it (or a character) and what follows, a word or one
    # character: verb_phrase's pieces (_pieces, which cuts the word first, costs three times as
    # much, on every word the dictionary lists with a filler count).
    pieces = _inner_pieces(word)
    head = max((p for p in pieces if word.startswith(p)), key=len, default=word[:1])
    rest = word[len(head) :]
    if len(rest) > 1 and not listed(rest):
        return False
    if tagged(rest)[0][1].startswith(_GOVERNED_TAGS):  # 谢谢 / 你们, 致力 / 于
        return True
    return len(rest) > 1 and tagged(head)[0][1] in ("v", "a", "ad", "vd")


def _names_a_thing(phrase: str, text: str) -> bool:
    """Whether ``text`` uses ``phrase``, a dictionary phrase, as the name of a thing: a title
    (《迎新年》), or a modifier and its head before a common noun they qualify, at half of its
    occurrences or more (虚拟现实 / 影院, 扶贫开发 / 领导小组), where a verb and its object stand
    before a pause (坚守岗位，) and a word and its preposition before the object (致力于 / 科技)."""
    if _set_off(phrase, text):
        return True
    if tagged(_pieces(phrase)[-1])[0][1].startswith(_GOVERNED_TAGS):
        return False
    # At half of its occurrences: a noun after it once may be the next clause's (加入适量 / 食盐).
    before_noun = 0
    starts = list(occurrences(phrase, text))
    for start in starts:
        after = tagged(text[start + len(phrase) : start + len(phrase) + MAX_TERM])
        before_noun += bool(after) and after[0][1] == "n" and len(after[0][0]) > 1
    return before_noun * 2 >= len(starts) > 0


def _words(text: str) -> list[tuple[str, str]]:
    """Tagged words, with a person's name the segmenter split rejoined (栗/nr 战书 -> 栗战书/nr)
    and a name kept whole with its bracketed qualifier (刚果（金）)."""
    tags = _said_apart(tagged(text))
    qualified = _qualified(text)
    surnames = [i for i, (w, t) in enumerate(tags) if len(w) == 1 and t.startswith(_SURNAME_TAGS)]
    # Most texts have neither a lone surname nor a qualified name: their words stand as the
    # segmenter gives them.
    return _rejoined(tags, qualified, surnames) if qualified or surnames else tags


def _qualified(text: str) -> dict[int, tuple[int, str]]:
    """Where each name with a bracketed qualifier (刚果（金）) or short title in 《》 starts: its end
    and the name."""
    qualified = {start: (end, name) for start, end, name in qualified_names(text)}
    # A short title in 《》 is one name (《禁止蒙面规例》 -> 禁止蒙面规例), kept without its marks.
    for match in _SHORT_TITLE.finditer(text):
        qualified.setdefault(match.start(), (match.end(), match.group(1)))
    return qualified


def _rejoined(
    tags: list[tuple[str, str]], qualified: dict[int, tuple[int, str]], surnames: list[int]
) -> list[tuple[str, str]]:
    """``tags`` with each qualified name (a start in ``qualified``) one word, and each lone
    surname (``surnames``: the indices of single-character nr words) joined to the one- or
    two-character name that follows it.

    Only the words where a name may start are looked at; the words between are copied in
    slices (a loop over every word took a fifth of the day's keywords)."""
    starts = [0, *accumulate(map(len, map(itemgetter(0), tags)))]  # of each word, and the end
    index_at = dict(zip(starts, range(len(tags))))
    events = sorted({index_at[s] for s in qualified if s in index_at}.union(surnames))
    out: list[tuple[str, str]] = []
    done = skip_to = 0  # tags[:done] are handled; words that start before skip_to are taken
    for i in events:
        start = starts[i]
        if start < skip_to:
            continue
        out.extend(tags[done:i])
        word, tag = tags[i]
        name = qualified.get(start)
        if name is not None and name[0] > start + len(word):
            out.append((name[1], "nz"))
            skip_to = name[0]
            done = bisect_left(starts, skip_to, i + 1)
            continue
        # How many words after a lone surname are its given name: rare characters the tagger
        # cannot place (周 / 呦 / 呦), or one word of one or two characters (栗 / 战书).
        given = 0
        if len(word) == 1 and tag.startswith(_SURNAME_TAGS):
            following = tags[i + 1] if i + 1 < len(tags) else ("", "x")
            given = _rare_given_name(tags, i + 1) or int(
                1 <= len(following[0]) <= 2
                and _CJK.fullmatch(following[0][0]) is not None
                and following[1].startswith(("n", "j"))
            )
        if given:
            out.append((word + "".join(w for w, _ in tags[i + 1 : i + 1 + given]), "nr"))
            skip_to, done = starts[i + 1 + given], i + 1 + given
            continue
        out.append((word, tag))
        done = i + 1
    out.extend(tags[done:])
    return out


# The interjections of speech, which follow a name called out (小李哎，快来), not a name's rare
# characters. Not "before punctuation": a rare name ends a clause as often as any name does.
_INTERJECTIONS = frozenset("哎呀哦唉哟啊嘿喂嗯噢呐呃哈嗨咦呵")


def _rare_given_name(tags: list[tuple[str, str]], at: int) -> int:
    """How many of the words from ``at`` on are the characters of a given name the tagger
    cannot place (two at most): a single character it tags an interjection (e), as it does a
    rare character (周 / 呦 / 呦 of 周呦呦), which in running news text after a surname is a
    name's."""
    count = 0
    while count < 2 and at + count < len(tags):
        piece, tag = tags[at + count]
        if tag != "e" or len(piece) != 1 or not _CJK.fullmatch(piece) or piece in _INTERJECTIONS:
            break
        count += 1
    return count


def _positions(values: list, value: object) -> list[int]:
    """Where ``value`` is in ``values``, found by C code (list.index): few are."""
    found: list[int] = []
    at = -1
    try:
        while True:
            at = values.index(value, at + 1)
            found.append(at)
    except ValueError:
        return found


# No candidate: a candidate has two characters or more, so one control character is free.
_LONE_SURNAME = "\x00"
_TABLE_LIMIT = 200_000  # distinct (word, tag) pairs kept: new tables are started beyond it
# Two pieces or more in a row; written with its literal opening "11", which the pattern engine
# finds by a fast scan (a repeat of "1" it tries at every character: 8x slower on the kinds).
_PIECE_RUN = re.compile("11+")


class _Tables:
    """What each tagged word is to the counts, judged once: words recur all day, and a table
    read through map() runs no Python code per word (the per-word code was most of the
    keywords' time beside the segmenter)."""

    def __init__(self) -> None:
        # (word, tag) -> the word itself if it is a candidate term, "" if it is not,
        # _LONE_SURNAME for a surname the segmenter split from its name (栗 / 战书).
        self.candidate: dict[tuple[str, str], str] = {}
        # Each candidate -> "1" if it may be a piece of a longer term, "2" if it is a place
        # name (never a piece); the gap "" -> "0".
        self.kind: dict[str, str] = {"": "0"}

    def judged(self, word: str, tag: str) -> str:
        """What (``word``, ``tag``) is to the counts, added to the tables."""
        term = _term(word, tag)
        if term:
            self.kind[word] = "1" if term == 1 else "2"
            value = word
        elif len(word) == 1 and tag.startswith(_SURNAME_TAGS):
            value = _LONE_SURNAME
        else:
            value = ""
        self.candidate[word, tag] = value
        return value

    def looked_up(self, tags: list[tuple[str, str]]) -> list[str]:
        """The table's value for each pair of ``tags``, judging the pairs it lacks."""
        values = list(map(self.candidate.get, tags))
        for at in _positions(values, None):  # pairs not judged before
            value = self.candidate.get(tags[at])  # judged already if it came twice
            values[at] = self.judged(*tags[at]) if value is None else value
        return values  # type: ignore[return-value]  # no None is left

    def candidates(self, text: str) -> list[str]:
        """The words of ``text``, each a candidate term or an empty gap (as _words gives)."""
        tags = _said_apart(tagged(text))
        values = self.looked_up(tags)
        qualified = _qualified(text)
        surnames = _positions(values, _LONE_SURNAME)
        if qualified or surnames:
            tags = _rejoined(tags, qualified, surnames)
            values = self.looked_up(tags)
            if _LONE_SURNAME in values:  # one that stays alone is no candidate
                values = [v if v != _LONE_SURNAME else "" for v in values]
        return values


# The speech verbs of one character (说, 称), which the tagger's character model runs into a
# name it does not know after a quotation's close (周小岚说 read as one name).
_SAID = tuple(sorted(v for v in SPEECH_VERBS if len(v) == 1))


def _said_apart(tags: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """``tags`` with each name of three or four characters that ends in a one-character speech
    verb split into the name and the verb (周小岚说/nr -> 周小岚/nr 说/v): a given name hardly
    ends in 说 or 称, a quotation's close often does."""
    glued = [
        i
        for i, (word, tag) in enumerate(tags)
        if word.endswith(_SAID) and 3 <= len(word) <= 4 and tag.startswith("nr")
    ]
    if not glued:
        return tags
    out = list(tags)
    for i in reversed(glued):
        word, tag = tags[i]
        out[i : i + 1] = [(word[:-1], tag), (word[-1], "v")]
    return out


_tables = _Tables()


def _current_tables() -> _Tables:
    """The tables to count an article with, new ones when they have grown past the limit
    (between articles, so an article's words stay; a thread counting another article at that
    moment keeps the tables it started with)."""
    global _tables
    if len(_tables.candidate) > _TABLE_LIMIT:
        _tables = _Tables()
    return _tables


def _read_texts(article: Article) -> tuple[str, str]:
    """The article's headline and the body as far as it is read, width-folded (once: the
    counts and the check for pieces of longer names both read them)."""
    return fold_width(article.headline), fold_width(article.text[:BODY_CHARS])


def _counts(headline: str, body: str) -> dict[str, float]:
    """Weighted occurrences of the candidate terms of an article's (folded) headline and body,
    in order of first occurrence; pieces that keep appearing side by side count as one term."""
    tables = _current_tables()
    in_head = tables.candidates(headline) if headline else []
    if any(word in body for word in REPORTERS):  # each credit holds one (most bodies none)
        body = _CREDIT.sub(" ", body)  # a non-candidate: a gap
    words = in_head + tables.candidates(body)
    weights = [HEADLINE_WEIGHT] * len(in_head) + [1.0] * (len(words) - len(in_head))
    seen = Counter(filter(None, words))  # occurrences, unweighted
    # A body word counts 1, a headline word HEADLINE_WEIGHT: whole numbers, so these sums are
    # the ones adding word by word gives.
    counts: defaultdict[str, float] = defaultdict(float, zip(seen, map(float, seen.values())))
    for word, times in Counter(filter(None, in_head)).items():
        counts[word] += (HEADLINE_WEIGHT - 1.0) * times
    # The segmenter cuts new terms and long names into pieces (河湖长制 -> 河湖 / 长制,
    # 临江职业技术学院 -> four words); pieces that keep appearing side by side in this
    # article are read as one term, the longest run first.
    # run[i]: how many tokens from i on are candidate pieces in a row, for each i where two
    # pieces or more start (paired, in order): found as runs of "1" in the words' kinds, so a
    # window of pieces is found without looking at every word (most tokens are gaps). Only
    # pieces the article uses twice or more count: a run pairs only where it occurs twice, and
    # cutting the runs at the other pieces leaves out only windows that would not pair.
    run: dict[int, int] = {}
    for match in _PIECE_RUN.finditer("".join(map(tables.kind.__getitem__, words))):
        end = match.end()
        for i in range(end - 1, match.start() - 1, -1):
            if seen[words[i]] < 2:
                end = i
            elif end - i > 1:
                run[i] = end - i
    paired = sorted(run)
    used: set[int] = set()
    for size in range(MAX_PIECES, 1, -1):
        runs: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for start in paired:
            if run[start] < size:
                continue
            pieces = tuple(words[start : start + size])
            if (
                len(set(pieces)) < size
                or len("".join(pieces)) > MAX_TERM
                or pieces[-1] in _BESIDE_NAME
            ):
                continue
            if not used.intersection(range(start, start + size)):
                runs[pieces].append(start)
        for pieces, starts in runs.items():
            if len(starts) < 2:  # found once: it cannot pair (most windows)
                continue
            # Decided by the body only: a headline is short and its pieces would pair by accident.
            together = sum(weights[i] == 1.0 for i in starts)
            if together < 2 or together < 0.6 * min(seen[w] for w in pieces):
                continue
            weight = min(sum(weights[i] for i in starts), *(counts[w] for w in pieces))
            counts["".join(pieces)] += weight
            for word in pieces:
                counts[word] -= weight
            for i in starts:
                used.update(range(i, i + size))
    return {w: c for w, c in counts.items() if c > 0}


def issue_keywords(
    articles: list[Article],
    *,
    count: int = 8,
    paper: str | None = None,
    importance: list[float] | None = None,
) -> list[str]:
    """Up to ``count`` terms that characterise this issue, most characteristic first.

    ``importance`` (one value in [0, 1] per article) lets the stories the briefing leads with
    weigh more than the briefs.
    """
    if count <= 0 or not articles:
        return []
    total: dict[str, float] = defaultdict(float)
    spread: Counter[str] = Counter()
    texts = [_read_texts(article) for article in articles]
    for index, (headline, body) in enumerate(texts):
        counts = _counts(headline, body)
        boost = 0.5 + importance[index] if importance else 1.0
        length = sum(counts.values()) or 1.0
        # Damped term frequency, normalized so one long article does not decide the day.
        damping = min(1.0, 60.0 / length) ** 0.2
        for word, weight in counts.items():
            total[word] += (1.0 + math.log(weight)) * damping * boost
        spread.update(counts.keys())
    n = len(articles)
    scores: dict[str, float] = {}  # as rare as the background says (the first ranking)
    for word, value in total.items():
        if paper and (word in paper or paper in word):
            continue
        score = value * (1.0 + 0.5 * math.log(spread[word])) * _weight(word, specificity(word))
        # A place name, as _term tells it (it ends with this test): every word scored is a
        # candidate or a run of candidate pieces, which _PLACE cannot match (a run as short as
        # a place is two two-character pieces, and its last piece would be a place, no piece).
        if _PLACE.match(word):
            score *= PLACE_WEIGHT
        if n >= 4 and spread[word] > n / 3:
            score *= 0.3
        scores[word] = score
    text = "\n".join(headline + "\n" + body for headline, body in texts)
    headlines = [headline for headline, _ in texts]
    untagged = _untagged(headlines)
    # The best candidates, each scored again as the term it is part of (数据中心 ->
    # 乡镇融数据中心) and as rare as that term is: a compound of ordinary words (主管部门) weighs as
    # its pieces do. Highest first, ties by the word so the output is stable; a word whose term
    # weighs less than its first score goes back into the queue with the new score.
    # (Pairs of the negated score and the word, made by C code: no key function per word.)
    queue = heapq.nsmallest(count * 8, zip(map(neg, scores.values()), scores))
    judged: dict[str, str | None] = {}
    chosen: list[str] = []
    keys: str | None = None  # the scored words, one a line, made when first needed
    while queue and len(chosen) < count:
        score, word = heapq.heappop(queue)
        if word not in judged:
            whole = whole_run(word, text)
            judged[word] = whole
            if whole is not None:
                factor = _weight(whole, _rarity(whole)) / _weight(word, specificity(word))
                factor = min(1.0, factor) * _support(whole, untagged, texts, text)
                if factor < 1.0:
                    heapq.heappush(queue, (score * factor, word))
                    continue
        whole = judged[word]
        if whole is not None:
            whole = longer_name(whole, text)
        if whole is None:
            continue
        # A piece of a title chosen before the title (条例 of 《星城禁烟条例》): the title says it.
        # Not a person's name: a book named after her (《周海燕传》) is no more than she is.
        held = [other for other in chosen if other in whole]
        people = any(_words(other)[0][1].startswith("nr") for other in held)
        if held and _set_off(whole, text) and not people:
            chosen = [
                whole if other == held[0] else other for other in chosen if other not in held[1:]
            ]
            continue
        if held or any(whole in other for other in chosen):
            continue  # 河湖 beside 河湖长制 says the same thing twice
        if any(drop(whole, text, headlines) for drop, _ in _DROPS) or (
            dictionary_phrase(whole) and not _names_a_thing(whole, text)
        ):
            continue
        # The scored words that hold it: looked for in one string of them all (most hold none),
        # not word by word.
        if keys is None:
            keys = "\n".join(scores)
        if keys.count(whole) > (whole in scores) and piece_of_longer_name(
            whole, text, [w for w in scores if whole in w and w != whole]
        ):
            continue
        chosen.append(whole)
    lead = lead_name(texts, importance, text, pages=[a.page for a in articles])
    if lead is None:
        return chosen
    return _led_by(chosen, longer_name(lead, text) or lead)  # 帕洛 of 帕洛·门多萨: the whole name


# What a headline closes with in brackets (width-folded): a series tag or a photo mark the
# splitter left in it (COLUMN_TAG_RE takes a short tag of Han characters alone, not 读史③).
_CLOSING_BRACKET = re.compile(r"\([^()]*\)$")
WEAK_SUPPORT = 0.7  # what a term the issue barely stands behind counts for in a score


def _untagged(headlines: Iterable[str]) -> list[str]:
    """``headlines`` (width-folded) without the tag each closes with in brackets (……(新论·读史③)):
    a column's words, no news."""
    return [_CLOSING_BRACKET.sub("", headline) for headline in headlines]


def _support(
    term: str, untagged: Sequence[str], texts: Sequence[tuple[str, str]], text: str
) -> float:
    """What ``term`` counts for by where the issue (``texts``: each article's headline and body;
    ``untagged``: the headlines less their closing tags, :func:`_untagged`; ``text``: all of
    them) has it: in full for a term of a headline or of two articles or more, and for a name
    one body names twice or more; WEAK_SUPPORT for a term one body has once (one of a dozen
    speakers) and for an ordinary term of one article's body alone (篇章 in one story's closing
    lines), which a long story has by the dozen."""
    if any(term in headline for headline in untagged):
        return 1.0
    if sum(term in body for _, body in texts) > 1:
        return 1.0
    return 1.0 if text.count(term) > 1 and _is_name(term, text) else WEAK_SUPPORT


def _is_name(term: str, text: str) -> bool:
    """Whether ``term`` is a name: one word the tagger calls a name or an abbreviation (a
    person's name rejoined: 栗 / 战书), or a title ``text`` prints in 《》 or quotation marks
    (“星城一号”: a programme, a probe, a campaign)."""
    words = _words(term)
    if len(words) == 1 and words[0][1].startswith((*NAME_TAGS, "j")):
        return True
    return _set_off(term, text, (*_TITLE_MARKS, *_QUOTES))


def _led_by(chosen: list[str], lead: str) -> list[str]:
    """``chosen`` led by the person the day's main story is about, however often the dictionary
    has the name (a head of state) and however many articles name them: the chosen term that
    holds the name moves to the front (周海 of 周海思想 stays in its term), or the name goes
    first in place of the last keyword and of any piece of it."""
    holding = next((term for term in chosen if lead in term), None)
    if holding is not None:
        return [holding, *(term for term in chosen if term != holding)]
    rest = [term for term in chosen if term not in lead]
    return [lead, *rest[: len(chosen) - 1]] if chosen else []


# After a person's name: a post, or 说, which a report or a document does not do (白皮书指出). Not
# 记者: a reporter's credit (记者周海) says who wrote a story, not whom it is about.
_PERSON_POSTS = tuple(_ALL_POSTS.difference(REPORTERS))
_PERSON_AFTER = (*_PERSON_POSTS, "说")


def _person(word: str, text: str) -> bool:
    """Whether ``text`` treats ``word`` as a person: somewhere it says what ``word`` said (周海说)
    or gives a post beside it (主任陈岩, 周海同志). The tagger's name tag alone does not
    tell: its dictionary files many words as names too (祝贺, 卓越); a name it never calls one
    alone (白皮书 before 介绍) or one with its post (乌外长) is none. Not speakers._SPEAKER's
    reading: that finds a summary's first speaker at a clause break, so misses 周海说 after a
    closing quote, and takes any speech verb, which a document has too (白皮书指出)."""
    tags = _words(word)
    if len(tags) != 1 or not tags[0][1].startswith("nr") or word.endswith(_PERSON_POSTS):
        return False
    for start in occurrences(word, text):
        after = text[start + len(word) : start + len(word) + 4]
        before = text[max(0, start - 4) : start]
        if any(after.startswith(w) for w in _PERSON_AFTER) or any(
            before.endswith(p) for p in _PERSON_POSTS
        ):
            return True
    return False


LEAD_STORIES = 2  # the most important stories whose headline may name the day's main person


def lead_name(
    texts: list[tuple[str, str]],
    importance: list[float] | None,
    text: str,
    *,
    pages: Sequence[int | None] = (),
) -> str | None:
    """The person the day's main story is about: the first person's name in the headline
    (kicker, title, subtitle) of the most important story, or of the next when it names none,
    where the headline makes them its subject (_subject_in), that story's body names them too
    and the text treats them as a person. Of an issue of several pages (``pages``: each story's
    page, where known) only the first page's stories lead: a back page's profile is no main
    story."""
    known = [p for p in pages if p is not None]
    first_page = min(known) if known else None
    front = [i for i, p in enumerate(pages) if p == first_page] if known else range(len(texts))
    order = sorted(front, key=lambda i: -importance[i]) if importance else list(front)
    text = _CREDIT.sub(" ", text)  # (记者 周海): the reporter, not whom the story is about
    for index in order[:LEAD_STORIES]:
        headline, body = texts[index]
        for word, tag in _words(headline):
            if (
                tag.startswith("nr")
                and len(word) >= 2
                and _term(word, tag)
                and _subject_in(word, headline)
                and _person(word, text)
                and word in body
                and text.count(word) >= 2
            ):
                return word
    return None


# What parts the clauses of a headline (its kicker, title and subtitle are lines of it).
# Not 、: a name after it is the next of a list (刊登周海、陈岩寄语), whose first the clause decides.
_CLAUSE_BREAK = re.compile(r"[\s，,。；;！!？?“”‘’《》（）()—]")
# What opens a profile's subtitle before its person (——访星国前总统周海, 追记西岭镇支书陈岩):
# the person it names is whom the story is about.
_PROFILE = re.compile(r"^(?:专访|访|追记|记|走近)")


def _subject_in(name: str, headline: str) -> bool:
    """Whether ``headline`` makes ``name`` the subject of a clause: the name opens it (周海调研
    西岭镇), follows the person's role or place (市长周海出席, 西岭镇茶农陈岩: a headline of one
    run of characters may hold two clauses), or stands before a colon (周海：……). A name right
    after a verb or a preposition (牢记周海书记嘱托, 以周海命名) is what the clause is about,
    not who; a name after 记者 is the story's byline."""
    at = headline.find(name)
    while at >= 0:
        after = headline[at + len(name) : at + len(name) + 1]
        start = at
        while start > 0 and not _CLAUSE_BREAK.match(headline[start - 1]):
            start -= 1
        before = _PROFILE.sub("", headline[start:at])
        # A byline: 本报记者 周海, a break between them.
        byline = headline[:at].rstrip().endswith(REPORTERS)
        if not byline and (
            after in (":", "：") or not before or _role_word(*word_tags(before)[-1])
        ):
            return True
        at = headline.find(name, at + 1)
    return False


# The words of a role or a place before a name (星国外交部长, 西岭镇茶农): nouns and
# distinguishing words (副), not a verb or a preposition.
_ROLE_TAGS = ("n", "j", "b", "f", "m", "q")  # f: 前 of 前总统; m, q: 十周年


def _role_word(word: str, tag: str) -> bool:
    """Whether ``word`` (tagged ``tag``), right before a name, ends what may be its role, place
    or time (市长周海, 西岭镇茶农陈岩, 十周年之际周海), or 的 (忆西岭镇时期的周海同志: the
    person is the head of the phrase): no verb, no preposition."""
    return (tag.startswith(_ROLE_TAGS) and word not in _OBJECT_AFTER) or word == "的"


# Verbs the tagger files as nouns that take a person as their object (牢记/n 周海书记嘱托).
_OBJECT_AFTER = frozenset(
    "牢记 学习 纪念 缅怀 追忆 怀念 悼念 致敬 告别 送别 看望 会见 追思".split()
)


def _weight(word: str, rarity: float) -> float:
    """What ``rarity`` (``word``'s specificity or _rarity) counts for in a score: its square, or
    its cube for a common noun, the same for a word as for the run it is scored again as."""
    return rarity ** (COMMON_NOUN_POWER if common_noun(word) else 2)


def _rarity(term: str) -> float:
    """How specific ``term`` is: its background specificity, or for a compound of ordinary
    words, nearer that of its rarest piece."""
    generic = generic_compound(term)
    own = specificity(term)
    # Halfway (geometric mean) to its pieces: tags and counts cannot tell 主管部门 from 金融危机,
    # but a topic the issue keeps repeating still outweighs a phrase it uses in passing.
    return own if generic is None else math.sqrt(own * generic)


# Words that end a run: whatever the issue puts beside a term with one of these tags is a
# sentence around it (function words, verbs, numbers' and time words, places in a text: 上, 中),
# not the rest of a longer word.
_NOT_IN_RUN = (*_FUNCTION_TAGS, *_FRAME_TAGS, "x", "ad", "z")
_NUMERAL = re.compile("[零〇一二两三四五六七八九十百千万亿]")


def whole_run(word: str, text: str) -> str | None:
    """``word``, or the longer run it always sits in, or None when it is a cut piece of one.

    Where ``word`` occurs twice or more in ``text`` and the same word stands beside it each
    time (护幼助 before 孤, 数据中心 after 乡镇融), it is a piece of that longer run: the run
    is the keyword when it is a term (护幼助孤, 乡镇融数据中心), else the piece is dropped. A
    word beside it that a sentence would put there is no part of it: a function word, a verb,
    a number or a post (周海 / 说, 陈岩 / 主任 stay whole)."""
    starts = list(occurrences(word, text))
    if len(starts) < 2:
        return word
    # The characters that stand beside the word at every occurrence, on each side.
    left = _common([text[max(0, s - MAX_TERM) : s][::-1] for s in starts])[::-1]
    right = _common([text[s + len(word) : s + len(word) + MAX_TERM] for s in starts])
    if not left and not right:
        return word
    tokens = word_tags(left + word + right)  # the words of the run, cut where the run is cut
    ends = list(accumulate((len(w) for w, _ in tokens), initial=0))
    if len(left) not in ends or len(left) + len(word) not in ends:
        return word  # the word is not whole words here: leave it to the scores
    first = ends.index(len(left))
    after = ends.index(len(left) + len(word))
    # The words after it while each may belong to a term; those before only when a lone
    # character joins them (乡镇 / 融 / 数据中心): a word before a term is its own word
    # (西岭镇 / 护幼助孤), the term's head is at its end.
    last = after
    while last < len(tokens) and _in_run(*tokens[last]):
        last += 1
    # An ordinary noun that follows at every occurrence is the head the term was cut from
    # (新时代文明 / 实践, 京津冀绿色 / 发展, 药品监督管理 / 部门): it closes the run. Not after a
    # word of its own (a dictionary word, a name): 周海 / 同志, 临江 / 企业 stay apart.
    if last < len(tokens) and _head_noun(*tokens[last]) and not listed(word):
        last += 1
        while last < len(tokens) and _in_run(*tokens[last]):
            last += 1
    begin = first
    while begin > 0 and _in_run(*tokens[begin - 1]):
        if len(tokens[begin - 1][0]) > 1 and not (begin < first and len(tokens[begin][0]) == 1):
            break
        begin -= 1
    # A lone character where the occurrences part ways may belong to the word beyond it
    # (食品药品监 / 督 and 管, 一 / 期募资): where it makes a dictionary word with the
    # character beyond it at most occurrences, it is no part of the run.
    if last > after and last == len(tokens) and len(tokens[-1][0]) == 1:
        end = len(word) + len(right)
        if _joins([tokens[-1][0] + text[s + end : s + end + 1] for s in starts]):
            last -= 1
    # A lone character before a word that stopped the run (a verb, a function word) opens the
    # next phrase (河湖长制 / 河 / 运行), unless the run with it is a dictionary word.
    elif last > after and len(tokens[last - 1][0]) == 1:
        if not listed("".join(w for w, _ in tokens[begin:last])):
            last -= 1
    if begin < first and begin == 0 and len(tokens[0][0]) == 1:
        start = len(left) + 1
        if _joins([text[max(0, s - start) : s - start + 1] + tokens[0][0] for s in starts]):
            begin += 1
    run = "".join(w for w, _ in tokens[begin:last])
    if run == word:
        return word
    if len(run) > MAX_TERM or not _term(run, "n"):
        return None
    return run


# The dots that join the parts of a transliterated name (帕洛·门多萨).
_NAME_DOTS = "·・•‧"
# Of a word's occurrences, the share that continue alike for it to be a piece of a name, or the
# first half of a set phrase.
SAME_SHARE = 0.8
# One character after a name that starts the rest of its sentence, not the rest of the name.
# Not e: the tagger calls a rare character of a given name an interjection.
_AFTER_NAME_TAGS = (*(t for t in _FUNCTION_TAGS if t not in ("e", "o")), *_FRAME_TAGS, "m")


# Not whole_run's reading: a name's other part is what whole_run stops at (a dot, a given name's
# character the tagger calls a verb or a bound morpheme, a surname it calls a measure), and
# one occurrence in five may go on otherwise (周海燕 and 周海 / 说). Left to whole_run alone,
# 31 of the 462 dev issues kept half a name.
def longer_name(word: str, text: str) -> str | None:
    """``word``, or the longer name it is a piece of wherever ``text`` has it, or None when it is
    a piece whose name cannot be told.

    A piece is a name that, at SAME_SHARE of its occurrences or more, continues alike: a
    transliterated name's other part across a dot (帕洛 / ·门多萨, 门多萨 after 帕洛·; printed
    once, a piece whose name cannot be told), or, for a surname and one character at two
    occurrences at least, the same third character of a given name (周海 / 燕 of 周海燕) that
    does not open the next word (周海 / 说, 周海 / 表示 stay whole)."""
    starts = list(occurrences(word, text))
    if not starts or not any(t.startswith("nr") for _, t in word_tags(word)):
        return word  # a dot between titles (新春·临江) joins no name
    need = SAME_SHARE * len(starts)
    ends = [s + len(word) for s in starts]
    after = [text[e : e + MAX_TERM] for e in ends]
    before = [text[max(0, s - MAX_TERM) : s][::-1] for s in starts]
    for first, sides in ((True, after), (False, before)):
        dotted = [a[1:] for a in sides if a[:1] in _NAME_DOTS and _CJK.match(a[1:2])]
        if len(dotted) >= need:
            part = _common(dotted) if first else _common(dotted)[::-1]
            whole = _name_part(part, first=first, word=word)
            # Printed once (帕洛·门多萨 in one headline), a name across a dot is a piece whose
            # other part has no end to tell (the sentence runs on after it): none.
            return None if len(starts) == 1 and whole != word else whole
    if len(starts) < 2:
        return word
    surname = _surname_before(word, before, need)
    if surname:
        return surname + word
    if len(word) != 2 or word_tags(word) != ((word, "nr"),) or word_tags(word[0])[0][1] != "nr":
        return word
    third = Counter(a[:1] for a in after).most_common(1)[0][0]
    if not _CJK.fullmatch(third) or sum(a.startswith(third) for a in after) < need:
        return word
    alike = [a for a in after if a.startswith(third)]
    opens_next = _joins([third + a[1:2] for a in alike])
    if opens_next or third in SPEECH_VERBS or word_tags(third)[0][1].startswith(_AFTER_NAME_TAGS):
        return word
    # The sentence after the name, not the name: a post there or a character on (周海 / 副主任,
    # 王刚 / 总经理), a frame of time (周海 / 时), or a verb that a frame or an aspect follows
    # (王刚 / 听后, 周海 / 笑了): the tagger may call a given name's last character a verb, so the
    # verb is told by what comes after it.
    if third in _FRAME_ENDS or sum(map(_sentence_after_name, alike)) * 2 > len(alike):
        return word
    return word + third


# Surnames that are prepositions or adverbs too (向 / 雷锋, 于 / 雷锋纪念馆, 曾 / 志远): before a
# name, such a character is the sentence's.
_NAME_SURNAMES = SURNAMES - frozenset("向于曾任莫方白")


def _surname_before(word: str, before: list[str], need: float) -> str:
    """The surname that stands before ``word``, a given name of two characters, at ``need`` of
    its occurrences or more (``before``: the text before each, reversed), where the segmenter cut
    the name after it (陈 / 志远, 周 / 海生); "" when none does. Not a surname that ends the word
    before it (……临 / 江志远 where 临江 is a word), nor a preposition or an adverb (向 / 雷锋), and
    not before a whole name the dictionary lists (雷锋: a surname opens it)."""
    if len(word) != 2 or not all(t.startswith("nr") for _, t in word_tags(word)):
        return ""
    if word[:1] in SURNAMES and listed(word):
        return ""
    first = Counter(b[:1] for b in before).most_common(1)[0][0]
    alike = [b for b in before if b.startswith(first)]
    # Not 万, which before a name of a currency (万 / 卢布) is a number's.
    if first not in _NAME_SURNAMES or _NUMERAL.match(first) or len(alike) < need:
        return ""
    return "" if _joins([b[1:2] + first for b in alike]) else first


_ASPECTS = "了着过"


def _sentence_after_name(chars: str) -> bool:
    """Whether ``chars``, the text right after a name, opens the rest of its sentence: a post at
    its first character or its second (主任 / 副主任), or a character then a frame or an aspect
    (听后, 笑了)."""
    return (
        chars.startswith(_BESIDE_NAME_WORDS)
        or chars[1:].startswith(_POST_WORDS)  # not a speech verb: 周海燕 / 说
        or chars[1:2] in tuple(_FRAME_ENDS + _ASPECTS)
    )


def _name_part(chars: str, *, first: bool, word: str) -> str | None:
    """``word`` joined across a dot to the other part of its name: ``chars``, the characters
    every occurrence has on that side, less the words of the sentence on their far end (帕洛·门多萨
    / 举行), or None when no character is left (two people of one first name)."""
    tokens = list(word_tags(chars))
    while tokens and _beside(*tokens[-1 if first else 0]):
        tokens.pop(-1 if first else 0)
    part = "".join(w for w, _ in tokens)
    if not part:
        return None
    # A column's title before the dot (对话·周海): an ordinary word, no part of a name.
    if len(tokens) == 1 and tokens[0][1] in ("n", "vn", "v") and listed(part):
        return word
    return f"{word}·{part}" if first else f"{part}·{word}"


def _beside(piece: str, tag: str) -> bool:
    """Whether ``piece`` (tagged ``tag``) is a word a sentence puts beside a name: a verb, a
    function word or a post."""
    return piece in _BESIDE_NAME or tag == "v" or tag.startswith(_AFTER_NAME_TAGS + ("x",))


def fragment(word: str, text: str) -> bool:
    """Whether ``word``, two characters the dictionary lacks, crosses a word boundary wherever
    ``text`` has it: its first character makes a word with the one before it (有 / 人会 in
    没有人会), or its last with the one after it, at most of its occurrences."""
    if len(word) != 2 or listed(word):
        return False
    starts = list(occurrences(word, text))
    return bool(starts) and (
        _joins([text[max(0, s - 1) : s] + word[0] for s in starts])
        or _joins([word[1] + text[s + 2 : s + 3] for s in starts])
    )


def set_phrase_half(word: str, text: str) -> bool:
    """Whether ``word``, two characters and no name, is the first half of a four-character set
    phrase wherever ``text`` has it (at SAME_SHARE of its occurrences or more): the same verb
    or adjective of two characters follows it (花香 / 四溢, 梦想 / 起航), and the four stand alone
    between breaks (a headline, a slogan, one of a list of them), as a set phrase does and a
    sentence's subject and verb do not (……的梦想起航于……). whole_run stops at the verb, so
    the half stays a keyword otherwise."""
    if len(word) != 2 or any(t.startswith(NAME_TAGS) for _, t in word_tags(word)):
        return False
    starts = list(occurrences(word, text))
    need = SAME_SHARE * len(starts)
    pairs: Counter[str] = Counter()
    for left, start in enumerate(starts, start=1):
        if not _CJK.match(text[start - 1 : start]) and not _CJK.match(text[start + 4 : start + 5]):
            pairs[text[start + 2 : start + 4]] += 1
        elif pairs.total() + len(starts) - left < need:  # most words: after one occurrence
            return False
    if not pairs:
        return False
    pair, alone = pairs.most_common(1)[0]
    if alone < need or len(pair) != 2 or not listed(pair):
        return False
    tags = word_tags(word + pair)
    if len(tags) == 1:  # the dictionary's own set phrase (idiom, fixed expression)
        return tags[0][1] in ("i", "l")
    return tags[-1] == (pair, "v") or tags[-1] == (pair, "a")


# The one character a state's (or the EU's) name is abbreviated to beside 中 (中俄, 卡中, 欧中):
# a closed list.
# Not a province's (鄂中, 陇中: a region) nor a word's (中甲, 中铝: a league, a company).
_STATE_CHARACTERS = frozenset(
    "美英法德俄意西葡荷比瑞挪丹芬冰波捷斯匈罗保塞希阿土伊以埃摩突苏利卡沙科约黎叙巴印"
    "孟尼越老柬泰缅马新菲文蒙哈吉乌塔澳斐汤萨瓦加墨古委智秘厄玻哥几南肯坦赞津纳安刚喀欧卢奥爱"
)


def two_parties(word: str) -> bool:
    """Whether ``word`` pairs 中 with the one character of a state's name (中俄, 卡中: China
    and Russia, Qatar and China), two characters the dictionary lacks and the tagger reads as
    one name: an abbreviation that modifies the word after it (……友谊, ……关系, ……合作), no
    keyword of its own. whole_run has made it the term it always sits in, where there is one;
    a pair the dictionary lists (中医, 中学) is a word, and a pair with a province's or a
    word's character names a region, a league or a company (鄂中, 中甲, 中铝)."""
    if len(word) != 2 or "中" not in word or listed(word):
        return False
    other = word[1] if word[0] == "中" else word[0]
    if other not in _STATE_CHARACTERS:
        return False
    # Read as a name or an abbreviation (ns, nrt, j), not as a person's name (陈中/nr) nor
    # as a word and its place word (星中/f: in the star).
    tags = word_tags(word)
    return (
        len(tags) == 1
        and tags[0][1].startswith((*NAME_TAGS, "j"))
        and tags[0][1] not in ("nr", "nrfg")
    )


def aside_only(word: str, text: str) -> bool:
    """Whether ``text`` has ``word`` only inside asides in brackets (wholeness.ASIDE): a series
    tag or a column's label (（星城故事·纪实）), a photo's note (见图, 附图片) or its credit
    (（周海、陈岩）). None of these is what the issue reports. ``text`` is width-folded: its
    brackets are half-width."""
    reach = ASIDE_MAX + 1  # an aside's characters and its bracket
    found = False
    for start in occurrences(word, text):  # most words: no bracket opens before the first
        left = max(0, start - reach)
        before = text[left:start]
        if "(" not in before:
            return False
        window = text[left : start + len(word) + reach]
        at, end = start - left, start - left + len(word)
        if not any(m.start() < at and end < m.end() for m in ASIDE.finditer(window)):
            return False
        found = True
    return found


def confirmed(word: str, text: str, headlines: Sequence[str] = ()) -> bool:
    """Whether ``word`` is read as a word with some confidence: the segmenter's dictionary lists
    it, ``text`` has it twice or more, prints it as a title (《…》), or one of the ``headlines``
    opens with it before a colon (the person a profile is about: 周海：……). A word the
    dictionary lacks is the guess of the segmenter's character model; met once, it is as often
    a misreading of a phrase (中星 / 共赢 read as a name, the verb and its complement of 树牢) or
    a byline run into the end of a headline as a term of the day."""
    if listed(word) or text.count(word) > 1 or _set_off(word, text):
        return True
    # Not an abbreviation the tagger calls one (j): on the dev pages that brought back 央企
    # twice but a headline's compressed phrases four times (the first half of a four-character
    # pair, a verb of return), each in place of a name or a term.
    if any(headline.startswith((word + ":", word + "：")) for headline in headlines):
        return True
    return quoted_term(word, headlines)


# The quotation marks a headline sets a coined term or an abbreviation in (“临创”, 『蓝鹊』).
_QUOTES = (*((o, PAIRS[o]) for o in "“『「"), ('"', '"'))
_TITLE_MARKS = (("《", "》"),)


def _set_off(word: str, text: str, marks: Sequence[tuple[str, str]] = _TITLE_MARKS) -> bool:
    """Whether ``text`` prints ``word`` alone between one pair of ``marks``: a title (《…》) by
    default."""
    return any(f"{opening}{word}{closing}" in text for opening, closing in marks)


def quoted_term(word: str, headlines: Sequence[str]) -> bool:
    """Whether one of ``headlines`` sets ``word`` alone in quotation marks, as a headline marks
    a coined term or an abbreviation (“临创”), and ``word`` is nouns only: a quoted phrase with
    a verb or an adverb (“别掉队”, “不打烊”) is a saying, no term."""
    if not any(_set_off(word, headline, _QUOTES) for headline in headlines):
        return False
    # Not a name the tagger guesses (“真香” read as a person's name): a coined term is a noun.
    return all(tag.startswith(("n", "j")) and tag != "nr" for _, tag in tagged(word))


def _joins(pairs: list[str]) -> bool:
    """Whether more than half of ``pairs`` (two characters each) are dictionary words."""
    return sum(len(pair) == 2 and listed(pair) for pair in pairs) * 2 > len(pairs)


def _common(texts: list[str]) -> str:
    """The Chinese characters all ``texts`` open with."""
    common = ""
    for chars in zip(*texts):
        if len(set(chars)) > 1 or not _CJK.fullmatch(chars[0]):
            break
        common += chars[0]
    return common


def _head_noun(piece: str, tag: str) -> bool:
    """Whether ``piece`` is an ordinary noun of the background list that may end a term."""
    return (
        tag in ("n", "vn")
        and len(piece) > 1
        and piece in background_words()
        and piece not in _BESIDE_NAME
    )


def _in_run(piece: str, tag: str) -> bool:
    """Whether ``piece`` (tagged ``tag``) may be part of a longer term beside a keyword."""
    return (
        _CJK.fullmatch(piece[0]) is not None
        and not tag.startswith(_NOT_IN_RUN)
        and tag != "v"  # a verbal noun (融/vn) may be part of a term
        and not (tag.startswith("m") and _NUMERAL.search(piece))
        and piece not in _BESIDE_NAME
        and piece not in background_words()
    )


def piece_of_longer_name(word: str, text: str, longer: list[str]) -> bool:
    """Whether every occurrence of ``word`` in ``text`` lies inside one of the ``longer`` names."""
    if word not in text:
        return False
    for name in sorted(longer, key=len, reverse=True):
        text = text.replace(name, "")
    return word not in text


def names_in(text: str) -> list[str]:
    """The names in ``text`` (people, places, organisations, other proper names) as whole names."""
    return [
        w
        for w, t in _words(fold_width(text))
        if t.startswith(("nr", "ns", "nt", "nz")) and len(w) >= 2
    ]


# 亿美元, 万千瓦, 第一副: a magnitude or unit without its number, an ordinal without its noun.
_NUMBER_PIECE = re.compile(
    r"^(?:[万亿千百][\u4e00-\u9fff]{0,3}|第[一二三四五六七八九十]+[副届次个]?)$"
)


# Drops issue_keywords makes and keyword_problems names, each a test of a word in width-folded
# text and headlines with what keyword_problems says of it (in the order it says them).
_DROPS: tuple[tuple[Callable[[str, str, Sequence[str]], bool], str], ...] = (
    (
        lambda word, text, heads: not confirmed(word, text, heads),
        "is a word the dictionary lacks, met once",
    ),
    (lambda word, text, _: fragment(word, text), "crosses a word boundary"),
    (lambda word, text, _: set_phrase_half(word, text), "is half of a four-character set phrase"),
    (lambda word, _, __: two_parties(word), "abbreviates two parties (中 and another)"),
    (
        lambda word, text, _: aside_only(word, text),
        "is printed only in asides in brackets (a tag, a credit)",
    ),
)


def keyword_problems(keyword: str, text: str, headlines: Sequence[str] = ()) -> list[str]:
    """Why ``keyword`` is no keyword of ``text`` (whose articles' headlines are ``headlines``): a
    function word (关于, 尝到了, 那么), a piece of a number (亿美元, 第一副), a piece of a longer
    name in the text (战书 where it says 栗战书), a guess of the segmenter met once, the first half
    of a four-character set phrase standing alone (花香 of 花香四溢), a word printed only inside
    brackets (a series tag, a photo's note, a credit), or a pair of 中 and a state's
    one-character abbreviation (中塞, 卡中, 欧中)."""
    problems = []
    folded = fold_width(text)
    tags = tagged(keyword)
    if (len(tags) == 1 and tags[0][1].startswith(_FUNCTION_TAGS)) or re.search(
        r"[了着过么吗呢吧啊]$", keyword
    ):
        problems.append(f"{keyword} is a function word")
    if verb_phrase(keyword):
        problems.append(f"{keyword} is a verb phrase")
    if dictionary_phrase(keyword) and not _names_a_thing(keyword, folded):
        problems.append(f"{keyword} is a phrase the dictionary lists (a verb and its object)")
    if _speech_frame(keyword):
        problems.append(f"{keyword} is a speech verb after a frame of time (……时说)")
    if _NUMBER_PIECE.match(keyword):
        problems.append(f"{keyword} is a piece of a number")
    folded_headlines = [fold_width(h) for h in headlines]
    problems.extend(
        f"{keyword} {message}"
        for drop, message in _DROPS
        if drop(keyword, folded, folded_headlines)
    )
    longer = sorted({n for n in names_in(text) if keyword in n and n != keyword})
    if longer and piece_of_longer_name(keyword, folded, longer):
        problems.append(f"{keyword} is a piece of {longer[0]}")
    return problems
