"""Small text utilities shared by the stages: width folding, word segmentation and tagging."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from itertools import chain

# Full-width ASCII (！ to ～) and the ideographic space fold to their ASCII forms. A regular
# expression finds them: 2.4x faster than str.translate, which looks up every character.
_FOLD = {chr(cp): chr(cp - 0xFEE0) for cp in range(0xFF01, 0xFF5F)}
_FOLD["\u3000"] = " "
_FULL_WIDTH = re.compile("[\uff01-\uff5e\u3000]")

# Characters that end a sentence or a complete paragraph in Chinese print.
SENTENCE_END = "。！？!?…"
CLOSERS = "”’」』）)》】"
# Opening marks and the marks that close them.
PAIRS = {
    "“": "”",
    "‘": "’",
    "「": "」",
    "『": "』",
    "（": "）",
    "(": ")",
    "《": "》",
    "【": "】",
    "〈": "〉",
}


# The full-width characters Chinese news prints most (the comma, brackets, colon, semicolon and
# the digits: 97% of those folded on People's Daily pages), each folded by str.replace, which
# scans in C; the pattern then finds the rare rest. One call of Python per character found
# was more than half the time of folding, and the stages fold every article several times.
_COMMON_FULL_WIDTH = tuple((mark, _FOLD[mark]) for mark in "，（）：；０１２３４５６７８９")


def fold_width(text: str) -> str:
    """Fold full-width digits, Latin letters and punctuation to ASCII (１９９８年 -> 1998年)."""
    # A third to two fifths of what the stages fold (clauses, words, short pieces) holds no
    # full-width form: one scan tells, instead of one per common mark and the pattern's.
    if not _FULL_WIDTH.search(text):
        return text
    for mark, ascii_form in _COMMON_FULL_WIDTH:
        if mark in text:
            text = text.replace(mark, ascii_form)
    return _FULL_WIDTH.sub(lambda match: _FOLD[match.group()], text)


def without_spaces(text: str) -> str:
    """``text`` with all its white space removed (what ``re.sub(r"\\s+", "", text)`` gives:
    str.split and the pattern's \\s take the same characters, Python's isspace), five to six
    times faster than the substitution."""
    return "".join(text.split())


TRAILING_NOTE = re.compile(r"[(（][^()（）]*[)）]$")


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends a sentence, allowing closing quotes and brackets after the stop,
    and a closing note such as 。（新华社北京1月4日电） or 。（张三摄）."""
    # Most text ends with a stop, or with a character that is neither a closer nor white space
    # (then no note or closer can stand after a stop): decided by the last character alone.
    if not text:
        return False
    last = text[-1]
    if last in SENTENCE_END:
        return True
    if last not in CLOSERS and not last.isspace():
        return False
    stripped = text.rstrip()
    note = TRAILING_NOTE.search(stripped)
    if note and note.start() > 0:
        stripped = stripped[: note.start()]
    stripped = stripped.rstrip(CLOSERS)
    return bool(stripped) and stripped[-1] in SENTENCE_END


def _pair_views(text: str) -> tuple[memoryview, memoryview]:
    data = memoryview(text.encode("utf-32-le", "surrogatepass"))
    return data[: len(data) // 8 * 8].cast("Q"), data[4 : 4 + (len(data) - 4) // 8 * 8].cast("Q")


def bigram_numbers(text: str) -> set[int]:
    """The distinct pairs of adjacent characters of ``text``, each as one number.

    Read straight from the UTF-32 encoding: eight bytes at an even offset hold characters 0-1,
    2-3, ...; at an odd one 1-2, 3-4, ... Three times faster than building pairs of characters,
    and the same sets up to naming (one number per pair: equal pairs, equal numbers)."""
    even, odd = _pair_views(text)
    pairs = set(even)
    pairs.update(odd)
    return pairs


def frozen_bigram_numbers(text: str) -> frozenset[int]:
    """:func:`bigram_numbers` as a frozenset, built once: freezing the set afterwards copies
    it, which cost more than building it."""
    return frozenset(chain(*_pair_views(text)))


@lru_cache(maxsize=1)
def _jieba():
    import rjieba  # imported on first use: the segmenter builds its dictionary when loaded

    return rjieba


def words(text: str) -> list[str]:
    """Segment Chinese text into words (rjieba, precise mode)."""
    return _jieba().cut(text)


# The segmenter's tags of names: people, places, organisations, other proper names.
NAME_TAGS = ("nr", "ns", "nt", "nz")


def listed(word: str) -> bool:
    """Whether the segmenter's dictionary lists ``word``."""
    return bool(_jieba().has_word(word))


def tagged(text: str) -> list[tuple[str, str]]:
    """Segment Chinese text into words with their part-of-speech tags (rjieba)."""
    return _jieba().tag(text)


@lru_cache(maxsize=8192)
def word_tags(text: str) -> tuple[tuple[str, str], ...]:
    """:func:`tagged`, kept per text (up to 8,192 texts), for short pieces that several rules
    ask about: the splitter's features ask for a heading's twice (the words at its ends; is it a
    bare name?)."""
    return tuple(tagged(text))


def occurrences(needle: str, text: str) -> Iterator[int]:
    """Where ``needle`` (not empty) starts in ``text``, left to right and not overlapping: the
    starts of ``re.finditer(re.escape(needle), text)``, found by str.find without a pattern to
    compile or look up per needle."""
    start = text.find(needle)
    while start >= 0:
        yield start
        start = text.find(needle, start + len(needle))


_CLAUSE_MARKS = frozenset("，；、：,;:")


def clipped(line: str, limit: int) -> str:
    """``line``, or where it is longer than ``limit`` characters its first ``limit`` cut back to
    the last clause mark (，；、：) in their second half (or one right after them), then …: a listed line cut mid-word (……以引…)
    reads as broken, one cut after a clause reads as shortened."""
    if len(line) <= limit:
        return line
    # A mark right after the cap leaves the cap whole; a mark between digits (12,500) is none.
    marks = [
        i
        for i, c in enumerate(line[: limit + 1])
        if c in _CLAUSE_MARKS and not (line[i - 1 : i].isdigit() and line[i + 1 : i + 2].isdigit())
    ]
    mark = marks[-1] if marks else -1
    return (line[:mark] if mark >= limit // 2 else line[:limit]) + "…"


def longest_first(word: str) -> tuple[int, str]:
    """Sort key for a regex alternation: longest first (委员长 before 委员), then in a fixed
    order, so every process builds the same pattern (briefing/pattern_cache.py finds it
    compiled)."""
    return -len(word), word


# A figure that tells how much or how many: 236.19万元, 760名, 300余名, 92%, 三十余名. Dates,
# clock times, years and ordinals (2023年, 2月24日, 11点半, 第20届, 2024临江马拉松) are not.
_ARABIC_FIGURE = re.compile(r"(?<![\d.:：])(第)?(\d+(?:\.\d+)?)([万亿千百]*(?:余|多)?)(.?)")
_NOT_A_COUNT = set("年月日号时点分秒届期版楼层级世:：-—/.")  # 世: 19世纪, a date
_YEAR_LIKE = re.compile(r"(?:19|20)\d\d")
# A four-digit year that opens a name (2024临江半程马拉松) is no count; one with a measure word is.
_COUNT_AFTER_YEAR = set("余多万亿千百个人名户家元件项次处份册场所亩吨株米辆台套位%％")
_CHINESE_FIGURE = re.compile(
    r"(?<![\d.第星礼周])(?:[一二两三四五六七八九]?十|[一二两三四五六七八九][百千万])[一二两三四五六七八九十百千万]{0,3}(?:余|多)?(?:个|名|位|户|家|项|次|人次|场|件|所|支|处|份|万元|亿元|元|倍|成)"
)


_ANY_NUMERAL = re.compile(r"[0-9０-９十百千万]")
# What each figure pattern cannot match without: both try every position of the text, these
# quick scans tell when that is in vain.
_DIGIT = re.compile(r"\d")
_MAGNITUDE = re.compile("[十百千万]")
_QUOTED_SPAN = re.compile(r"“[^“”，。]{0,10}”|《[^《》]{0,40}》")


def quantities(text: str) -> list[str]:
    """The amounts, counts and percentages ``text`` states, in order (dates and ordinals left out)."""
    # _ANY_NUMERAL holds the full-width digits and their ASCII forms alike: it finds the same
    # before folding as after, and most clauses are not folded to be told they hold no figure.
    if not _ANY_NUMERAL.search(text):
        return []
    return _quantities(fold_width(text))


def folded_quantities(text: str) -> list[str]:
    """:func:`quantities` of a text whose width is folded already (the ranking's sentences)."""
    if not _ANY_NUMERAL.search(text):
        return []
    return _quantities(text)


def _quantities(text: str) -> list[str]:
    """:func:`quantities` of a folded text that holds a numeral."""
    # A figure inside quotes names something (“四个能力”, “12345”热线); it does not count it.
    text = _QUOTED_SPAN.sub("“”", text)
    found: list[str] = []
    for match in _ARABIC_FIGURE.finditer(text) if _DIGIT.search(text) else ():
        ordinal, digits, magnitude, following = match.groups()
        if ordinal:
            continue
        if not magnitude and following in _NOT_A_COUNT:
            # 5年 is a span of years (连续5年); 2023年 is a date, and so is 90年代.
            if not (following == "年" and len(digits) <= 2) or text.startswith("代", match.end()):
                continue
        if _YEAR_LIKE.fullmatch(digits) and not magnitude and following not in _COUNT_AFTER_YEAR:
            continue
        found.append(digits + magnitude + (following if following in "%％" else ""))
    # 三十余名, 一百多户: a count in words (ten or more; 两个, 三项 are too small to be the key figure).
    if _MAGNITUDE.search(text):
        found += [m.group(0) for m in _CHINESE_FIGURE.finditer(text)]
    return found


def has_quantity(text: str) -> bool:
    return bool(quantities(text))
