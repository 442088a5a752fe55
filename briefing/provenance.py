"""How each summary and title was made, and the one-line account of a run's model use.

Every briefing entry records a :class:`~briefing.records.Provenance` for its summary and its
title: the method (``extractive``, ``model:CARD``, ``extractive-fallback``, ``printed``,
``printed-joined``, ``none``), the
model card that was asked, and why a model's output was not used. :func:`model_use` counts
them, so a run that used a model can say how much of the briefing the model wrote.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from .records import Article, Provenance

MODEL_PREFIX = "model:"
_DETAIL = re.compile(r"[^\x00-\x7f]+|\d+(?:\.\d+)?|\([^)]*\)|https?://\S+")


# The methods whose summaries are made of the article's own sentences.
SENTENCE_METHODS = ("extractive", "extractive-fallback")
# What an editor reads for them: the article's words as printed, or compressed from them.
VERBATIM_NAME = "原文摘句"
COMPRESSED_NAME = "原文压缩"
_STOPS = re.compile(r"(?<=[。！？!?])(?![”’」』])|(?<=[。！？!?][”’」』])")


def verbatim(text: str, article: Article) -> bool:
    """Whether each sentence of ``text`` is printed in ``article`` as it stands (up to its stop):
    nothing deleted inside it (了, an adverb, an aside) and nothing added (an actor, a voice)."""
    from .summarize.guard import article_source, source_index
    from .text import fold_width, without_spaces

    source = source_index(article_source(article))
    pieces = [p.strip() for p in _STOPS.split(fold_width(text)) if p.strip()]
    return bool(pieces) and all(
        _printed_whole(piece.rstrip("。！？!?"), source.text)
        or _printed_whole(without_spaces(piece.rstrip("。！？!?")), source.compact)
        for piece in pieces
    )


# Where a sentence the article prints may open (after a stop, an ellipsis, a closing quote or
# bracket, a list's bullet, a paragraph's start or the dateline's space) and close (at a stop, a
# closing quote, the paragraph's end): a clause cut at its comma, or a sentence without its
# opening clause (为……，/ 会议指出：), is not the sentence as printed.
_OPENS_AFTER = frozenset("。！？!?…”’」』）)■□●○◆◇▲△★☆•\n \u3000")
_CLOSES_AT = frozenset("。！？!?”’」』\n")


def _printed_whole(sentence: str, source: str) -> bool:
    start = source.find(sentence)
    while sentence and start >= 0:
        end = start + len(sentence)
        if (start == 0 or source[start - 1] in _OPENS_AFTER) and (
            end == len(source) or source[end] in _CLOSES_AT
        ):
            return True
        start = source.find(sentence, start + 1)
    return False


def summary_method(article: Article) -> Provenance:
    """How the summary was made (method, model, why a model's output was not used), without
    comparing its text to the article's: what counting model use reads."""
    summary = article.summary
    if summary is None or not summary.text:
        return Provenance(method="opening")
    model = summary.model or (
        summary.method[len(MODEL_PREFIX) :] if summary.method.startswith(MODEL_PREFIX) else None
    )
    return Provenance(method=summary.method, model=model, reason=summary.reason)


def summary_provenance(article: Article) -> Provenance:
    """:func:`summary_method`, and for a summary of the article's sentences whether it quotes
    them as printed (:func:`verbatim`): the record a briefing entry keeps."""
    made = summary_method(article)
    summary = article.summary
    if summary is not None and summary.text and made.method in SENTENCE_METHODS:
        made.verbatim = verbatim(summary.text, article)
    return made


# Each method as an editor reads it, by what was made: one table for the 生成方式 line of md and
# html and for the review page (a generated title is 据正文拟定, not a quoted sentence).
METHOD_NAMES = {
    "summary": {
        "extractive": VERBATIM_NAME,
        "extractive-fallback": VERBATIM_NAME,
        "opening": "原文开头",
        "edited": "编辑修改",
    },
    "title": {
        "printed": "原文标题",
        "printed-joined": "原文标题组合",
        "none": "原文无标题",
        "extractive": "据正文拟定",
        "extractive-fallback": "据正文拟定",
        "edited": "编辑修改",
    },
}


def method_name(made: Provenance, field: str) -> str:
    """The method of a ``field`` ("summary" or "title") as an editor reads it: a summary of the
    article's sentences that changed any of them says it was compressed, not quoted."""
    if made.method in SENTENCE_METHODS and made.verbatim is False:
        return COMPRESSED_NAME
    return METHOD_NAMES[field].get(made.method, made.method)


def title_provenance(article: Article, generated: bool, shown: str | None = None) -> Provenance:
    """How the title ``shown`` (the article's display title where not given) was made."""
    if article.title_provenance is not None:
        return article.title_provenance
    return Provenance(method="extractive" if generated else kept_title_method(article, shown))


def kept_title_method(article: Article, shown: str | None = None) -> str:
    """How a title that was not generated came about: the page printed it as shown
    (``printed``); the line joins the printed headline's parts or leaves some out (``printed-joined``:
    a kicker or a subtitle run onto the title, a series tag dropped, the page never printed that
    line); or the page printed none and no candidate read as a headline (``none``: the entry
    shows the titler's placeholder, which is no printed title). ``shown`` is the title the entry
    shows, the article's display title where not given."""
    printed = " ".join((article.title or "").split())
    if not printed:
        return "none"
    shown = " ".join((shown if shown is not None else article.display_title or printed).split())
    return "printed" if shown == printed else "printed-joined"


def by_model(made: Provenance) -> bool:
    return made.method.startswith(MODEL_PREFIX)


def fell_back(made: Provenance) -> bool:
    """A model was asked and its output was not used."""
    return made.model is not None and not by_model(made)


def reason_kind(reason: str | None) -> str:
    """A reason without its particulars (names, numbers, URLs), so like reasons count together:
    'qwen: timed out after 60 s (http://…)' -> 'timed out after s'."""
    if not reason:
        return "no reason given"
    text = (
        reason.split(": ", 1)[1] if re.match(r"^[\w.\-]+( output rejected)?: ", reason) else reason
    )
    text = text.split(";")[0]
    if ":" in text and not _DETAIL.search(text.split(":")[0]):
        text = text.split(":")[0]  # "hedge dropped: 将 (…)" -> "hedge dropped"
    return re.sub(r"\s+", " ", _DETAIL.sub(" ", text)).strip(" ,.:") or "other"


@dataclass
class ModelUse:
    """How many summaries and titles models wrote in a run, how many fell back, and why."""

    models: set[str] = field(default_factory=set)
    summaries: int = 0
    summaries_by_model: int = 0
    summary_fallbacks: int = 0
    titles: int = 0  # titles a model was asked for
    titles_by_model: int = 0
    title_fallbacks: int = 0
    reasons: Counter = field(default_factory=Counter)

    @property
    def used(self) -> bool:
        return bool(self.models)

    @property
    def fallbacks(self) -> int:
        return self.summary_fallbacks + self.title_fallbacks

    def add(self, summary: Provenance | None, title: Provenance | None) -> None:
        for made, what in ((summary, "summary"), (title, "title")):
            if made is None or made.model is None:
                if made is not None and what == "summary":
                    self.summaries += 1
                continue
            self.models.add(made.model)
            if what == "summary":
                self.summaries += 1
                self.summaries_by_model += by_model(made)
                self.summary_fallbacks += fell_back(made)
            else:
                self.titles += 1
                self.titles_by_model += by_model(made)
                self.title_fallbacks += fell_back(made)
            if fell_back(made):
                self.reasons[reason_kind(made.reason)] += 1

    def line(self) -> str:
        """One line for standard error: what the model(s) wrote, what fell back, the commonest reasons."""
        names = ", ".join(sorted(self.models))
        text = f"model {names}: wrote {self.summaries_by_model} of {self.summaries} summaries"
        if self.titles:
            text += f" and {self.titles_by_model} of {self.titles} titles asked for"
        if not self.fallbacks:
            return text + "; no fallbacks"
        common = ", ".join(f"{kind} ×{n}" for kind, n in self.reasons.most_common(3))
        return (
            text
            + f"; {_count(self.summary_fallbacks, 'summary', 'summaries')} and {_count(self.title_fallbacks, 'title', 'titles')} fell back ({common})"
        )


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def model_use(pairs: Iterable[tuple[Provenance | None, Provenance | None]]) -> ModelUse:
    """Count (summary provenance, title provenance) pairs, one per entry or article."""
    use = ModelUse()
    for summary, title in pairs:
        use.add(summary, title)
    return use


def articles_model_use(articles: Iterable[Article]) -> ModelUse:
    return model_use((summary_method(a), a.title_provenance) for a in articles)
