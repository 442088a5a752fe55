"""Paragraphs that a column break cut in two, for the sentence splitter to read as one.

A printed page's text extraction can cut a paragraph where a column ends, leaving two lines
with a blank line between (……要让 / 工匠们……). The splitter glues the pieces when the cut
falls inside a word (:func:`briefing.split.rejoin.cuts_word`); a cut between two words reaches
the summarizer as two paragraphs, and the sentence across it is skipped or summarised half.

A break is read as a cut only where the article is prose and the text itself says that the
first piece cannot end there:

- prose: at least :data:`_MIN_PROSE` other paragraphs of the article read as text (a comma or
  a stop in :data:`_PROSE_CHARS` characters or more), and :data:`_PROSE_SHARE` of them end with
  a stop or a colon; poems, lists, data boxes and credits do not;
- the first piece reads as text (a comma or a stop in it: not a heading, a byline or a line of
  verse), ends without a stop on a character, and the second piece opens on one and is no
  dateline or byline;
- and one of: a sentence ended inside the first piece and what follows its last stop is short
  (……。这一部分是); the first piece ends on a word that cannot end a clause (的, 是, a
  preposition, a conjunction, a modal, an adverb of degree or time); the second opens on one
  that cannot open a sentence (们, 了, 吧, 及, a place word with 的: 上的); a quote or bracket opened in the first closes in the second; a
  verb of amount (达, 提高, 用时) before a figure with its unit (484.7万公里).

A deck, a subhead or the last line of a box ends on a whole phrase and none of these holds.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..conventions import AGENCY, DATELINE_END, REPORTER
from ..text import ends_sentence, words

# What makes an article prose (see the module's docstring).
_MIN_PROSE = 3
_PROSE_CHARS = 15
_PROSE_SHARE = 0.8
# The longest run after the first piece's last stop that is read as a sentence left open.
_SHORT_TAIL = 12
# The segmenter reads this many characters on each side of the break.
_CONTEXT = 8

_TEXT_MARK = re.compile("[，,。！？；]")
_PROSE_MARK = re.compile("[，。]")
_LAST_STOP = re.compile("[。！？；][^。！？；]*$")
# A character a piece of text can end or open on at a cut: Han, a digit, a Latin letter.
_RUNS = re.compile(r"[\u4e00-\u9fff0-9０-９A-Za-z%％]")
# A credit or a dateline opens a text, never the rest of one: 本报记者 周海, 本报临江1月5日电.
_BYLINE = re.compile(
    rf"(?:据)?(?:{AGENCY})?(?:特约|特派|驻\S{{1,6}})?(?:{REPORTER}|实习生)"
    rf"|(?:据)?{AGENCY}[^，。]{{0,16}}?{DATELINE_END}"
)
# Words a clause cannot end on: the structural 的, the copula, prepositions, conjunctions,
# modals, determiners and adverbs that need what follows.
_OPEN_END = frozenset(
    "的 是 达 要 让 使 应 应该 将 把 被 给 必须 对 向 从 在 为 以 由 于 同 跟 据 按 和 与 及 以及 "
    "并 而 或 而且 并且 但 但是 因为 如果 虽然 一 这 那 其 每 各 该 最 更 很 都 也 还 又 再 "
    "才 就 可以 到处 往往 相对 较 非常 十分 更加 越来越 颇 尤其".split()
)
# Words a sentence cannot open on: a plural suffix, aspect and modal particles, 及 and 并; nor
# on a place word that belongs to the noun before it (……阁楼 / 上的……).
_BOUND_START = frozenset("们 了 着 过 吧 的 地 得 及 以及 并".split())
_LOCATIVE_START = re.compile("[上下里中内外前后旁]的")
# Verbs that take an amount, and an amount with its unit (not a date, a time or an ordinal).
_AMOUNT_VERBS = frozenset("达 约 近 逾 超过 提高 增长 下降 减少 增加 用时 为 共 计 仅".split())
_AMOUNT = re.compile(r"[0-9０-９.．]+[万亿千百]*(?:[%％]|[^\W\d年月日号时点分秒届期版_A-Za-z])")
_PAIRS = (("（", "）"), ("(", ")"), ("“", "”"), ("《", "》"))


def _ended(paragraph: str) -> bool:
    return ends_sentence(paragraph) or paragraph.rstrip()[-1:] in ":："


def _is_prose(paragraph: str) -> bool:
    return len(paragraph) >= _PROSE_CHARS and _PROSE_MARK.search(paragraph) is not None


def column_breaks(paragraphs: Sequence[str]) -> list[bool]:
    """For each paragraph, whether a column break cut it from the next (see the module's
    docstring); the last is never."""
    stripped = [p.strip() for p in paragraphs]
    breaks = [False] * len(stripped)
    candidates = [
        i
        for i in range(len(stripped) - 1)
        if stripped[i]
        and stripped[i + 1]
        and _RUNS.match(stripped[i][-1])
        and _RUNS.match(stripped[i + 1][0])
    ]
    if not candidates:
        return breaks
    prose = [_is_prose(p) for p in stripped]
    ended = [is_prose and _ended(p) for p, is_prose in zip(stripped, prose)]
    total, total_ended = sum(prose), sum(ended)
    for i in candidates:
        others = total - prose[i]
        if others < _MIN_PROSE or total_ended - ended[i] < _PROSE_SHARE * others:
            continue
        breaks[i] = _runs_on(stripped[i], stripped[i + 1])
    return breaks


def _runs_on(left: str, right: str) -> bool:
    """Whether the text says ``left`` runs on into ``right`` (both stripped, non-empty)."""
    if not _TEXT_MARK.search(left):
        return False
    if _BYLINE.match(right):
        return False
    last_stop = _LAST_STOP.search(left)
    if (
        last_stop
        and len(last_stop.group()) - 1 <= _SHORT_TAIL
        and not any(c.isspace() for c in last_stop.group())
    ):
        return True
    last_word = words(left[-_CONTEXT:])[-1]
    first_word = words(right[:_CONTEXT])[0]
    if last_word in _OPEN_END or first_word in _BOUND_START or _LOCATIVE_START.match(right):
        return True
    if any(left.count(o) > left.count(c) and right.count(c) > right.count(o) for o, c in _PAIRS):
        return True
    return (
        last_word in _AMOUNT_VERBS
        and _AMOUNT.match(right) is not None
        and _TEXT_MARK.search(right) is not None
    )


def rejoined(paragraphs: Sequence[str]) -> list[tuple[int, str]]:
    """``paragraphs`` with each cut one run into the next: (index of its first piece, text)."""
    breaks = column_breaks(paragraphs)
    joined: list[tuple[int, str]] = []
    glue = False
    for index, paragraph in enumerate(paragraphs):
        if glue:
            first, text = joined[-1]
            joined[-1] = (first, text.rstrip() + paragraph.strip())
        else:
            joined.append((index, paragraph))
        glue = breaks[index]
    return joined
