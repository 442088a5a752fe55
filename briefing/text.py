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


_TRAILING_NOTE = re.compile(r"[(（][^()（）]*[)）]$")


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
    note = _TRAILING_NOTE.search(stripped)
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


def longest_first(word: str) -> tuple[int, str]:
    """Sort key for a regex alternation: longest first (委员长 before 委员), then in a fixed
    order, so every process builds the same pattern (briefing/pattern_cache.py finds it
    compiled)."""
    return -len(word), word
