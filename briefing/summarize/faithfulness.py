"""Faithfulness beyond vocabulary: errors that reuse the article's own words.

:func:`briefing.summarize.guard.check_summary` already stops numbers, quotations and names the
article never prints. This module catches the errors that pass that test because every word is
the article's: a name or number moved into another role, an added negation, a dropped hedge, an
added superlative, a clause whose subject and object became the same name.

Each summary sentence is first aligned with the article sentences it comes from (the few that
cover most of its character bigrams); the checks then compare the summary's local wording with
those sentences only:

* a name or number must keep a neighbour it has there (``北京支持天津`` may not become
  ``天津支持天津``; ``贷款60亿`` may not become ``损失60亿``);
* a negation must stand where the source has one, with the same neighbours;
* a hedge or modal the source always puts before (将、拟、有望、预计、可能、或、未、不……) or after
  (边缘、左右……) some words may not be dropped when the summary keeps those words;
* a superlative or "first" (最、首次、唯一、第一……) must be the source's, with its neighbour;
* a clause may name the same name twice only if a source clause does.

The article is prepared once per text (cached), so the extractive summarizer can check many
candidates cheaply.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from .references import name_here
from .sentences import dateline_place, split_dateline
from ..text import (
    NAME_TAGS,
    bigram_numbers,
    fold_width,
    frozen_bigram_numbers,
    occurrences,
    tagged,
    without_spaces,
    words,
)

# Sentence ends and clause marks inside a summary or an article.
_SENTENCE = re.compile(r"[^。！？!?；;\n]+[。！？!?；;]*[”’」』）)]*")
_ASIDE = re.compile(r"\([^()]*\)")
_CLAUSE = re.compile(r"[，,；;：:。！？!?\n]")
_PUNCT = set("，,。！？!?；;：:、“”‘’「」『』《》（）()【】…—-·\n ")
_PUNCT_CLASS = re.escape("".join(sorted(_PUNCT)))
_PUNCT_RUN = re.compile(f"[{_PUNCT_CLASS}]+")  # removed by one sub: 6x a join over characters
# 85.74万, 1,000, 100%, 3.5亿: digits with their magnitude and percent sign, read as one token
# (here and by the guard). The first digit is taken before looking behind it (not after a digit
# or a point): a pattern that opens on a digit is searched for in C; one that opens on the
# look-behind is tried at every place (3x the time on an article). The same matches as
# (?<![\d.])\d+.
ARABIC_NUMBER = re.compile(r"\d(?<![\d.]\d)\d*(?:,\d{3})*(?:\.\d+)?(?:万亿|亿|万|千)?[%‰]?")
# 一九九八, 三十六, 两千 (and words such as 统一: the guard keeps the runs that are numbers).
CHINESE_NUMBER = re.compile(r"[零〇一二两三四五六七八九十百千万亿]{2,}")
_NUMBER = re.compile(f"{ARABIC_NUMBER.pattern}|{CHINESE_NUMBER.pattern}")

NEGATIONS = "不没未无非勿莫别"
# Words with a negation character inside that negate (并非) and words that start with one that do not (非常).
NEGATION_WORDS = {
    "并非",
    "绝非",
    "从未",
    "尚未",
    "并未",
    "决不",
    "并不",
    "从不",
    "毫不",
    "绝不",
    "永不",
    "毫无",
    "从没",
    "并没",
    "还没",
    "还未",
}
NOT_NEGATIONS = {
    "非常",
    "无论",
    "不断",
    "不仅",
    "不少",
    "未来",
    "无数",
    "不但",
    "不论",
    "不管",
    "不久",
    "非洲",
    "无人机",
}
# Hedges and modals that weaken what follows them (将 建设 -> 建设 is a stronger claim).
HEDGES_BEFORE = (
    "将",
    "拟",
    "有望",
    "预计",
    "可能",
    "或",
    "未",
    "不",
    "计划",
    "准备",
    "争取",
    "力争",
    "也许",
    "估计",
    "预期",
    "约",
    "近",
)
# Hedges that weaken what precedes them (破产边缘 -> 破产).
HEDGES_AFTER = ("边缘", "左右", "前后")
SUPERLATIVES = ("最", "首次", "唯一", "第一", "首个", "首家", "首位", "首批", "首创", "史上")
CONTEXT = 2  # characters of context on each side of a word
GAP = 2  # characters a compressor may have dropped between a word and its context
MAX_ALIGNED = 3  # source sentences one summary sentence may draw on
MIN_GAIN = 0.15  # share of a summary sentence's bigrams a further source sentence must add
# Sentences whose problems one prepared article keeps: the summarizer checks a few dozen per
# article; a long-running server guarding a model's summaries against one article checks more.
MAX_CHECKED = 512


@dataclass(frozen=True)
class PreparedSource:
    """An article's sentences (compact text), its words and text, and the names it prints (the
    sentences' bigrams are :func:`_sentence_grams`)."""

    sentences: tuple[str, ...]
    words: str  # the whole text without spaces or punctuation, to find verbatim copies
    text: str  # the whole text without spaces
    # Each summary sentence checked against the article -> its problems. The summarizer checks
    # a sentence alone, then joined with a partner or after a name, then vetting checks the
    # summary: a fifth of the sentences checked were checked before.
    checked: dict[str, list[str]] = field(default_factory=dict, compare=False, repr=False)

    @cached_property
    def names(self) -> tuple[str, ...]:
        """The names the article prints, longest first, so 北京市 is found before 北京.

        Tagged on first use: tagging the whole article was three fifths of preparing it, and
        only a summary sentence that is no verbatim copy of the article asks for its names.
        """
        names = {w for w, tag in tagged(self.text) if tag.startswith(NAME_TAGS) and len(w) >= 2}
        return tuple(sorted(names, key=len, reverse=True))


def _compact(text: str) -> str:
    return without_spaces(fold_width(text))


def _bigrams(text: str) -> set[int]:
    """The bigrams of ``text`` without punctuation, as numbers (:func:`bigram_numbers`)."""
    return bigram_numbers(_words(text))


@lru_cache(maxsize=8192)
def _sentence_grams(sentence: str) -> frozenset[int]:
    """The bigrams of an article's sentence, computed when the alignment first asks for them (a
    summary sentence copied from the lead is aligned on the first sentences alone) and kept
    while the article's summaries are checked (a large issue's worth of sentences)."""
    return frozen_bigram_numbers(_words(sentence))


@lru_cache(maxsize=64)
def prepare(source_text: str) -> PreparedSource:
    """Split the article's text (every line it prints) into sentences; its names are tagged
    later, when a check first asks for them (:attr:`PreparedSource.names`)."""
    folded = fold_width(source_text)  # folded and compacted once: the parts below share them
    compact = without_spaces(folded)
    pieces = _SENTENCE.findall(folded)
    # No sentence holds a line break: where those are the text's only spaces, it holds none.
    if len(folded) - len(compact) != folded.count("\n"):
        pieces = [without_spaces(piece) for piece in pieces]
    return PreparedSource(
        sentences=tuple(piece for piece in pieces if piece),
        words=_words(compact),
        text=compact,
    )


def align(sentence: str, source: PreparedSource) -> str:
    """The source sentences ``sentence`` comes from, greedily by bigram cover, joined by newlines."""
    wanted = _bigrams(sentence)
    if not wanted:
        return ""
    sentences = source.sentences
    total = len(wanted)
    chosen: list[int] = []
    while wanted and len(chosen) < MAX_ALIGNED:
        best, gain = -1, 0
        for i, candidate in enumerate(sentences):
            if i not in chosen:
                covered = len(wanted & _sentence_grams(candidate))
                if covered > gain:
                    best, gain = i, covered
                    # No sentence covers more: the rest's bigrams are not computed (a sentence
                    # copied from the lead is aligned on the first sentences alone).
                    if covered == len(wanted):
                        break
        if best < 0 or (chosen and gain / total < MIN_GAIN):
            break
        chosen.append(best)
        wanted -= _sentence_grams(sentences[best])
    return "\n".join(sentences[i] for i in sorted(chosen))


def _left(text: str, start: int) -> str:
    """Up to CONTEXT characters before ``start``, from the nearest punctuation mark on (kept)."""
    context = text[max(0, start - CONTEXT) : start]
    cut = max((i for i, c in enumerate(context) if c in _PUNCT), default=0)
    return context[cut:]


def _right(text: str, end: int) -> str:
    """Up to CONTEXT characters after ``end``, up to and including the nearest punctuation mark."""
    context = text[end : end + CONTEXT]
    cut = next((i + 1 for i, c in enumerate(context) if c in _PUNCT), len(context))
    return context[:cut]


def _words(text: str) -> str:
    return _PUNCT_RUN.sub("", text)


def _near(aligned: str, before: str, after: str) -> bool:
    """Whether ``before`` is followed in ``aligned`` by ``after``, at most GAP characters of one
    clause apart (a compressor drops 了, 大力, 分别 between them)."""
    if before + after in aligned:
        return True
    if not _words(before) or not _words(after):
        return False
    # Each place ``before`` starts (overlaps included), then 1 to GAP characters that are no
    # punctuation, then ``after``: what a search for that pattern finds, without building one.
    start = aligned.find(before)
    while start >= 0:
        end = start + len(before)
        for gap in range(1, GAP + 1):
            if end + gap > len(aligned) or aligned[end + gap - 1] in _PUNCT:
                break
            if aligned.startswith(after, end + gap):
                return True
        start = aligned.find(before, start + 1)
    return False


def _spans(sentence: str, source: PreparedSource) -> list[tuple[int, int, str]]:
    """Names (the article's) and numbers in ``sentence``, as non-overlapping (start, end, kind)."""
    taken = [False] * len(sentence)
    spans = []
    for name in source.names:
        if name not in sentence:  # most of the article's names: no pattern to build
            continue
        for start in occurrences(name, sentence):
            end = start + len(name)
            if not any(taken[start:end]):
                taken[start:end] = [True] * len(name)
                spans.append((start, end, "name"))
    for match in _NUMBER.finditer(sentence):
        if not any(taken[match.start() : match.end()]):
            spans.append((match.start(), match.end(), "number"))
    return sorted(spans)


def _displaced(aligned: str, left: str, right: str) -> str | None:
    """What the aligned source has between ``left`` and a word, or between a word and ``right``
    (None when those neighbours stand there with nothing before or after them: an insertion)."""
    if left and left[-1] not in _PUNCT:
        for start in occurrences(left, aligned):
            end = start + len(left)
            following = aligned[end : end + CONTEXT]
            if following and following[0] not in _PUNCT:
                return following
    if right and right[0] not in _PUNCT:
        for start in occurrences(right, aligned):
            preceding = aligned[max(0, start - CONTEXT) : start]
            if preceding and preceding[-1] not in _PUNCT:
                return preceding
    return None


def _dateline_here(word: str, left: str, right: str, aligned: str) -> bool:
    """Whether ``word`` is the place a dateline names (新华社星城1月5日电), standing where that
    dateline's own sentence says here (在这里, 此间) as the summarizer names it
    (:func:`.references.name_here`; the summarizer reads the dateline of the sentence it opens on,
    so a dispatch later in a roundup names its own place)."""
    for line in aligned.split("\n"):
        dateline, rest = split_dateline(line)
        if dateline_place(dateline) == word and left + word + right in name_here(rest, word):
            return True
    return False


def _moved(sentence: str, aligned: str, source: PreparedSource) -> list[str]:
    """Names and numbers that keep neither neighbour they have in the aligned source, where those
    neighbours stand next to something else there. (A name put before words that had none before
    them, as the extractive summarizer names who acts, is no move.)"""
    problems = []
    for start, end, kind in _spans(sentence, source):
        word = sentence[start:end]
        left, right = _left(sentence, start), _right(sentence, end)
        if (left and _near(aligned, left, word)) or (right and _near(aligned, word, right)):
            continue
        if start == 0 and right and word + right in source.text:
            continue  # who acts, named as the article names it elsewhere (the summarizer's actor)
        if not _words(left + right) and word not in aligned:  # a list item or a clause of its own
            problems.append(
                f"{kind} in another role: {word} is not in the sentences this one comes from"
            )
            continue
        if kind == "name" and _dateline_here(word, left, right, aligned):
            continue
        instead = _displaced(aligned, left, right)
        if instead:
            problems.append(
                f"{kind} in another role: {word} where the article has …{instead}… ({left}…{right})"
            )
    return problems


def _negating(sentence: str, source: PreparedSource) -> list[int]:
    """Positions of the negations in ``sentence``: 不 in 不支持, 并不; not 别 in 特别, 非 in 非洲."""
    if not any(c in NEGATIONS for c in sentence):
        return []
    in_name = {
        i
        for start, end, kind in _spans(sentence, source)
        if kind == "name"
        for i in range(start, end)
    }
    found, position = [], 0
    for word in words(sentence):
        for offset, char in enumerate(word):
            i = position + offset
            # A word that holds one of those (前不久, 不久前, 不断地) is no negation either.
            if (
                char not in NEGATIONS
                or i in in_name
                or any(other in word for other in NOT_NEGATIONS)
            ):
                continue
            # 不没未 negate wherever the segmenter puts them; 非无别莫勿 mostly spell other words (特别, 无人).
            if (
                char in "不没未"
                or len(word) == 1
                or word in NEGATION_WORDS
                or (offset == 0 and char not in "别莫")
            ):
                found.append(i)
        position += len(word)
    return found


def _negations(sentence: str, aligned: str, source: PreparedSource) -> list[str]:
    problems = []
    for i in _negating(sentence, source):
        char = sentence[i]
        left, right = _left(sentence, i), _right(sentence, i + 1)
        # The word negated must be the source's; words a compressor dropped may stand before it.
        if (
            (right and char + right not in aligned)
            or (left and not _near(aligned, left, char))
            or char not in aligned
        ):
            problems.append(f"negation added: {left}{char}{right}")
    return problems


def _dropped_hedges(sentence: str, aligned: str) -> list[str]:
    """Hedges the summary drops while keeping the words around them (我们将全面 -> 我们全面), or the
    words they govern wherever those carry the hedge throughout the source (拟投资 -> 投资)."""
    problems = []
    for hedges, after in ((HEDGES_BEFORE, False), (HEDGES_AFTER, True)):
        for hedge in hedges:
            if hedge not in aligned:  # most: no pattern to build
                continue
            for start in occurrences(hedge, aligned):
                left, right = _left(aligned, start), _right(aligned, start + len(hedge))
                hedged = left + hedge + right
                if not _words(left + right) or hedged in sentence:
                    continue
                governed = left if after else right
                with_hedge = governed + hedge if after else hedge + governed
                if left + right in sentence or (
                    len(_words(governed)) >= CONTEXT
                    and governed in sentence
                    and with_hedge not in sentence
                    and aligned.count(governed) == aligned.count(with_hedge)
                ):
                    problems.append(f"hedge dropped: {hedge} ({hedged})")
    return list(dict.fromkeys(problems))


def _superlatives(sentence: str, aligned: str) -> list[str]:
    problems = []
    for marker in SUPERLATIVES:
        if marker not in sentence:  # most: no pattern to build
            continue
        for start in occurrences(marker, sentence):
            right, left = _right(sentence, start + len(marker)), _left(sentence, start)
            phrase = marker + right[:1] if right else left[-1:] + marker
            if phrase not in aligned:
                problems.append(f"superlative added: {phrase}")
    return problems


def _name_counts(clause: str, source: PreparedSource) -> Counter:
    return Counter(clause[s:e] for s, e, kind in _spans(clause, source) if kind == "name")


def _same_name_twice(sentence: str, aligned: str, source: PreparedSource) -> list[str]:
    """A clause naming one name twice (天津支持天津) where no source clause does."""
    problems = []
    # Asides in brackets (见图, 记者 X摄) split a source clause that a summary keeps whole.
    source_clauses = _CLAUSE.split(_ASIDE.sub("", aligned))
    for clause in _CLAUSE.split(sentence):
        for name, count in _name_counts(clause, source).items():
            if count >= 2 and not any(_name_counts(c, source)[name] >= 2 for c in source_clauses):
                problems.append(f"same name on both sides: {name}")
                break
    return problems


def unfaithful(summary: str, source_text: str) -> list[str]:
    """Problems of ``summary`` against the article text it summarizes ([] when none found)."""
    source = prepare(source_text)
    problems: list[str] = []
    for match in _SENTENCE.finditer(_compact(summary)):
        sentence = match.group(0)
        found = source.checked.get(sentence)
        if found is None:
            found = _sentence_problems(sentence, source)
            if len(source.checked) < MAX_CHECKED:
                source.checked[sentence] = found
        problems += found
    return list(dict.fromkeys(problems))


def _sentence_problems(sentence: str, source: PreparedSource) -> list[str]:
    """Problems of one summary sentence against the article."""
    aligned = align(sentence, source)
    if not aligned:
        return []
    problems = _dropped_hedges(sentence, aligned)
    if _words(sentence) in source.words:
        return problems  # the article's own words in its own order: nothing moved, added or merged
    return (
        problems
        + _moved(sentence, aligned, source)
        + _negations(sentence, aligned, source)
        + _superlatives(sentence, aligned)
        + _same_name_twice(sentence, aligned, source)
    )
