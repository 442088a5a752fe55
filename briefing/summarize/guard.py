"""The faithfulness guard: a summary may state no number, quotation or name its article lacks,
nor a name in a shorter form than the article gives it, nor a sentence cut to a set-up clause or
to a quotation without its speaker.

Every summarizer's output passes through :func:`check_summary`; the extractive default passes
by construction (it only deletes), model-backed summarizers fall back when it fails.
"""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, field

from ..records import Article, Summary
from ..text import NAME_TAGS, fold_width, tagged, without_spaces
from .faithfulness import ARABIC_NUMBER, CHINESE_NUMBER, unfaithful
from .wholeness import dangling_clauses, shortened_names, unattributed_quotations

_CHINESE_MAGNITUDE = set("零〇十百千亿")
_QUOTED = re.compile(r"“([^“”]*)”|《([^《》]*)》|「([^「」]*)」|『([^『』]*)』|\"([^\"]*)\"")
_QUOTE_PAIRS = (("“", "”"), ("《", "》"), ("「", "」"), ("（", "）"), ("(", ")"))
_TRAILING_STOPS = "。！？!?，,；;、…"


@dataclass
class GuardResult:
    ok: bool
    problems: list[str] = field(default_factory=list)
    # The offending spans of the checked text (width-folded), for an editor to highlight.
    spans: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return self.ok


def article_source(article: Article | str) -> str:
    """Everything the page prints for an article that a summary may draw on: column, kicker,
    headline, byline, dateline, body, subheads, captions. The author note is left out: a
    misattached note (two articles merged by the splitter) would license any name it holds; a
    commentary's opening, built from it, is checked apart (:func:`check_summary`)."""
    if isinstance(article, str):
        return article
    # The column (栏目) is printed with the article: a commentary's summary names it.
    parts = [
        article.column,
        article.kicker,
        article.title,
        article.subtitle,
        article.byline,
        # On the page the dateline opens the text's first line (新华社东港1月5日电 周海今天在这里
        # ……): printed so, the guard reads the here of that line's sentence as the summarizer does.
        f"{article.dateline} {article.text}" if article.dateline else article.text,
    ]
    parts += article.subheads + article.captions
    return "\n".join(p for p in parts if p)


def _numbers(text: str) -> set[str]:
    return {m.group(0).replace(",", "") for m in ARABIC_NUMBER.finditer(text)}


def _chinese_numbers(text: str) -> list[str]:
    # 一九九八, 三十六, 两千: runs that are numbers; single characters (统一, 万家) are words.
    return [
        m.group(0)
        for m in CHINESE_NUMBER.finditer(text)
        if len(m.group(0)) >= 3 or _CHINESE_MAGNITUDE & set(m.group(0))
    ]


class SourceIndex:
    """An article prepared once for checking several summaries against it."""

    def __init__(self, article: Article | str) -> None:
        self.text = fold_width(article_source(article))
        self.compact = without_spaces(self.text)
        self.numbers = _numbers(self.text)
        # (summary, names) -> its verdict: the extractive summarizer checks its summary, then
        # vetting checks it again against the same (cached) index; the second check is free.
        self.verdicts: dict[tuple[str, bool], GuardResult] = {}

    def contains(self, span: str) -> bool:
        return span in self.text or without_spaces(span) in self.compact


@lru_cache(maxsize=2048)
def source_index(text: str) -> SourceIndex:
    """The index of an article's text, built once however often its summaries are checked (an
    issue's articles are summarized first, then each summary is checked again: the cache holds
    a large issue)."""
    return SourceIndex(text)


def check_summary(
    summary: str | Summary, article: Article | str | SourceIndex, *, names: bool = True
) -> GuardResult:
    """Check that every number, quoted span and proper name in ``summary`` occurs in ``article``.

    Given a :class:`~briefing.records.Summary`, its opening of who argues or writes
    (星国驻东港大使撰文认为，, 周海写道，) is not checked: the summarizer built it from the printed
    column, byline, signature or author note, not from the text. A string is checked whole."""
    if isinstance(summary, Summary):
        summary = summary.text.removeprefix(summary.opening)
    source = article if isinstance(article, SourceIndex) else source_index(article_source(article))
    verdict = source.verdicts.get((summary, names))
    if verdict is None:
        verdict = source.verdicts[summary, names] = _check(summary, source, names=names)
    return GuardResult(ok=verdict.ok, problems=list(verdict.problems), spans=list(verdict.spans))


def _check(summary: str, source: SourceIndex, *, names: bool) -> GuardResult:
    text = fold_width(summary)
    problems: list[str] = []
    spans: list[str] = []
    for number in sorted(_numbers(text) - source.numbers):
        problems.append(f"number {number} is not in the article")
        spans.append(number)
    # A summary the article prints as it is (a whole sentence, a run of one; spaces aside, as
    # SourceIndex.contains reads a span) holds only spans the article holds: its Chinese numbers,
    # quotations and names are found without looking (and without tagging it). Arabic numbers
    # are read as tokens, so those above are still compared.
    verbatim = source.contains(text)
    for number in () if verbatim else _chinese_numbers(text):
        if not source.contains(number):
            problems.append(f"number {number} is not in the article")
            spans.append(number)
    for match in () if verbatim else _QUOTED.finditer(text):
        inner = next(g for g in match.groups() if g is not None).rstrip(_TRAILING_STOPS)
        if inner and not source.contains(inner):
            problems.append(f"quotation {match.group(0)} is not in the article")
            spans.append(match.group(0))
    for opener, closer in _QUOTE_PAIRS:
        if text.count(opener) != text.count(closer):
            problems.append(f"unbalanced {opener}{closer}")
    if names:
        for word, tag in () if verbatim else tagged(text):
            if tag.startswith(NAME_TAGS) and len(word) >= 2 and not source.contains(word):
                problems.append(f"name {word} is not in the article")
                spans.append(word)
        problems += shortened_names(text, source.text)
    problems += dangling_clauses(text) + unattributed_quotations(text)
    if not problems:  # words the article has, in roles it gives them (faithfulness.py)
        problems = unfaithful(text, source.text)
    return GuardResult(ok=not problems, problems=problems, spans=spans)
