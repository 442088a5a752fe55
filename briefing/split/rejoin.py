"""Paragraphs that a column break cut in two, and the evidence for it.

A printed page's text extraction can cut a paragraph where a column ends, leaving two lines
with a blank line between (……今年要让 / 更多孩子……). Two readings glue the pieces:

- the break cuts a word (``将临`` / ``时救助``, :func:`cuts_word`): the line labeller weighs it
  with its other features (:mod:`briefing.split.features`) and the post-pass glues a line
  labelled ``cont`` to the one above (:mod:`briefing.split.grouping`);
- the break falls between two words, yet the text says the first piece cannot end there
  (:func:`runs_on`): :func:`join_cut_paragraphs` joins such paragraphs once, where the
  splitter makes an article's body, so that every reader of the body (summaries, titles,
  rendering, review) sees one paragraph. The labels and the lines of each article stay as
  the labeller and the post-pass made them.

A break is read as a cut between words only where the article is prose and the text itself
says that the first piece cannot end there:

- prose: at least :data:`_MIN_PROSE` other paragraphs of the article read as text (a comma or
  a stop in :data:`_PROSE_CHARS` characters or more), and :data:`_PROSE_SHARE` of them end with
  a stop, a colon or a semicolon (an item of a list in the text); poems, lists, data boxes
  and credits do not;
- the first piece reads as text (a comma or a stop in it: not a heading, a byline or a line of
  verse), ends without a stop on a character or on a comma, and the second piece opens on a
  character and is no dateline or byline;
- and one of: the first piece ends on a comma (a paragraph of prose never does; see below); a
  sentence ended inside the first piece and what follows its last stop is short and no line
  of its own (……。临江市的这所学校 — not a credit, a signature, a date or a
  来源： line); the first piece ends on a word that cannot end a clause (的, 是, a preposition,
  a conjunction, a modal, an adverb of degree or time; 的, 都, 也 or 最 ending a line shaped
  like a heading end a phrase there); the second opens
  on one that cannot open a sentence (们, 了, 吧, 及, a place word with 的: 屋顶 / 上的); a quote
  or bracket opened in the first closes in the second; a verb of amount (提高, 增长) before a
  figure with its unit (3.5万吨) and the clause going on.

A deck, a subhead or the last line of a box ends on a whole phrase and none of these holds.
Verse, a salutation or a toast runs lines on commas (……，/ ……，/ ……：): a break after a comma
is read as a cut where both pieces read as prose, the second ends the sentence, and every other
paragraph of prose ends (two of them are enough, :data:`_MIN_PROSE_BY_COMMA`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..text import PAIRS, ends_sentence, fold_width, quantities, words
from .lines import (
    is_bare_name,
    is_byline,
    is_caption,
    is_credit,
    is_dateline,
    is_signature,
    looks_like_heading,
)

# What makes an article prose (see the module's docstring).
_MIN_PROSE = 3
_PROSE_CHARS = 15
_PROSE_SHARE = 0.8
# What makes an article prose when the first piece ends on a comma: fewer paragraphs, all ended.
_MIN_PROSE_BY_COMMA = 2
# The longest run after the first piece's last stop that is read as a sentence left open.
_SHORT_TAIL = 12
# The longest name read as a signature rather than as the subject of the sentence cut.
_NAME_ALONE = 3
# The segmenter reads this many characters on each side of the break.
_CONTEXT = 8

_TEXT_MARK = re.compile("[，,。！？；]")
_LAST_STOP = re.compile("[。！？；][^。！？；]*$")
# A character a piece of text can end or open on at a cut: Han, a digit, a Latin letter.
_RUNS = re.compile(r"[\u4e00-\u9fff0-9０-９A-Za-z%％]")
# The marks a clause goes on after: a first piece ending on one is cut (……和电梯加装，/ 居民……).
_COMMAS = "，,、"
# A byline or dateline that opens the second piece, up to the text after it: 记者周海 临江报道.
_BYLINE_OPENING = re.compile(r"^\S+")
# Words a clause cannot end on: the structural 的, the copula, prepositions, conjunctions,
# modals, determiners and adverbs that need what follows.
_OPEN_END = frozenset(
    "的 是 达 要 让 使 应 应该 将 把 被 给 必须 对 向 从 在 为 以 由 于 同 跟 据 按 和 与 及 以及 "
    "并 而 或 而且 并且 但 但是 因为 如果 虽然 一 这 那 其 每 各 该 最 更 很 都 也 还 又 再 "
    "才 就 可以 往往 较 十分 相对".split()
)
# Of those, the words a heading can end on (好日子，是干出来的; 山更绿了，水也更清了，日子也):
# after them a line shaped like a heading is read as one.
_PHRASE_END = frozenset("的 都 也 最".split())
# Words a sentence cannot open on: a plural suffix, aspect and modal particles, 及 and 并; nor
# on a place word that belongs to the noun before it (……屋顶 / 上的……).
_BOUND_START = frozenset("们 了 着 过 吧 的 地 得 及 以及 并".split())
_LOCATIVE_START = re.compile("[上下里中内外前后旁]的")
# Verbs that take an amount (达 and 为 are words a clause cannot end on already).
_AMOUNT_VERBS = frozenset("约 近 逾 超过 提高 增长 下降 减少 增加 共 计 仅".split())


def cuts_word(left: str, right: str, *, context: int = 6) -> bool:
    """Whether segmenting across the break puts a word of two or more Han characters on both sides."""
    tail, head = left[-context:], right[:context]
    if (
        not tail
        or not head
        or not ("\u4e00" <= tail[-1] <= "\u9fff" and "\u4e00" <= head[0] <= "\u9fff")
    ):
        return False
    position = 0
    for word in words(tail + head):
        start, position = position, position + len(word)
        if start < len(tail) < position:
            return True
        if position >= len(tail):
            return False
    return False


def closes(text: str) -> bool:
    """Whether ``text`` (stripped) ends a sentence or on a colon: nothing is cut after it."""
    return ends_sentence(text) or text[-1:] in ":："


def _is_prose(paragraph: str) -> bool:
    return len(paragraph) >= _PROSE_CHARS and _TEXT_MARK.search(paragraph) is not None


def column_breaks(paragraphs: Sequence[str]) -> list[bool]:
    """For each paragraph of an article, whether a column break cut it from the next between
    two words (see the module's docstring); the last is never."""
    stripped = [p.strip() for p in paragraphs]
    breaks = [False] * len(stripped)
    candidates = [
        i
        for i in range(len(stripped) - 1)
        if stripped[i]
        and stripped[i + 1]
        and (_RUNS.match(stripped[i][-1]) or stripped[i][-1] in _COMMAS)
        and _RUNS.match(stripped[i + 1][0])
    ]
    if not candidates:
        return breaks
    prose = [_is_prose(p) for p in stripped]
    # An item of a list in the text ends on a semicolon (第一，……；): prose too.
    ended = [is_prose and (closes(p) or p[-1] in "；;") for p, is_prose in zip(stripped, prose)]
    total, total_ended = sum(prose), sum(ended)
    for i in candidates:
        others = total - prose[i]
        if stripped[i][-1] in _COMMAS:
            # Not verse, a salutation or a toast (see the module's docstring).
            if (
                not (prose[i] and prose[i + 1] and ends_sentence(stripped[i + 1]))
                or others < _MIN_PROSE_BY_COMMA
                or total_ended - ended[i] < others
            ):
                continue
        elif others < _MIN_PROSE or total_ended - ended[i] < _PROSE_SHARE * others:
            continue
        breaks[i] = runs_on(stripped[i], stripped[i + 1])
    return breaks


def _stands_alone(tail: str) -> bool:
    """A line of its own after a stop: a credit, a signature or date, a name alone (a title
    before it, 馆长陈岩, opens a sentence as often), a 来源： label."""
    return (
        any(c.isspace() for c in tail)
        or ":" in fold_width(tail)
        or is_credit(tail)
        or is_signature(tail)
        or (len(tail) <= _NAME_ALONE and is_bare_name(tail))
    )


def _opens_with_byline(text: str) -> bool:
    opening = _BYLINE_OPENING.match(text)
    return is_dateline(text) or is_byline(text) or bool(opening and is_byline(opening.group()))


def runs_on(left: str, right: str) -> bool:
    """Whether the text says ``left`` runs on into ``right`` across a break between two words
    (both stripped and non-empty; see the module's docstring)."""
    if not _TEXT_MARK.search(left) or is_caption(left) or _opens_with_byline(right):
        return False
    if left[-1] in _COMMAS:
        return True
    last_stop = _LAST_STOP.search(left)
    if last_stop:
        tail = last_stop.group()[1:]
        if len(tail) <= _SHORT_TAIL and not _stands_alone(tail):
            return True
    last_word = words(left[-_CONTEXT:])[-1]
    first_word = words(right[:_CONTEXT])[0]
    if first_word in _BOUND_START or _LOCATIVE_START.match(right):
        return True
    if last_word in _OPEN_END and not (
        last_word in _PHRASE_END and last_stop is None and looks_like_heading(fold_width(left))
    ):
        return True
    if any(
        left.count(o) > left.count(c) and right.count(c) > right.count(o) for o, c in PAIRS.items()
    ):
        return True
    return (
        last_word in _AMOUNT_VERBS
        and _opens_with_amount(right)
        and _TEXT_MARK.search(right) is not None
    )


def _opens_with_amount(text: str) -> bool:
    """Whether ``text`` opens on an amount, a count or a percentage (not a date, a time or an
    ordinal: :func:`briefing.text.quantities`)."""
    opening = fold_width(text[:_CONTEXT])
    amounts = quantities(opening)
    return bool(amounts) and opening.startswith(amounts[0])


def join_cut_paragraphs(paragraphs: Sequence[str]) -> list[str]:
    """``paragraphs`` with each one that a column break cut between two words run into the
    next (:func:`column_breaks`); the others as they are."""
    breaks = column_breaks(paragraphs)
    if not any(breaks):
        return list(paragraphs)
    joined: list[str] = []
    glue = False
    for paragraph, cut in zip(paragraphs, breaks):
        if glue:
            joined[-1] = joined[-1].rstrip() + paragraph.strip()
        else:
            joined.append(paragraph)
        glue = cut
    return joined
