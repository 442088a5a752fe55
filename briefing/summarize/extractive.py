"""The default summarizer: pick the sentence that carries the news, then delete what it need not say.

Offline and model-free. Sentences are ranked (:mod:`.ranking`); the best one is compressed
(dateline, purpose clauses, fillers, procedures, asides go) and cut at clause boundaries to the
length budget. A compression whose deletion audit (:func:`.wholeness.deletion_cuts`) finds a cut
inside a word or a name is not used, nor one that ends on a clause that only sets up another. Who acts is named where the sentence leaves it out or names only a role
(:mod:`.actors`). When it states no key figure (an amount, a count, a share; a date is none), a
second sentence about the same event that does joins it, squeezing slogans out to make room.
"""

from __future__ import annotations

import functools
import logging
import re
from typing import Callable

from ..config import DEFAULT_MAX_CHARS
from ..records import Article, Summary
from ..text import words
from .actors import GENERIC_AGENT, insert_actor, lacks_subject, lead_actor, single_actor
from .commentary import attribution, commentary_voice
from .compress import clean_clause, compress_clauses, dangling, fit_clauses, join_clauses
from .guard import SourceIndex, article_source, check_summary, source_index
from .ranking import BACKGROUND, DEPENDENT, Scored, grams, rank_sentences
from .sentences import Sentence, has_quantity, split_dateline
from .wholeness import deletion_cuts

logger = logging.getLogger(__name__)

METHOD = "extractive"
_ANAPHOR = re.compile(
    r"^(?:有的|其中|其余|其|这些|那些|这|那|该|此|它们?|他们|她们|前者|后者|对此)"
)


def summarizable(article: Article, ranked: list[Scored] | None = None) -> bool:
    """Whether the article holds a sentence to summarize, not just a byline such as （王某）."""
    for scored in rank_sentences(article) if ranked is None else ranked:
        clauses = compress_clauses(scored.sentence.text)
        if clauses and len(grams(join_clauses(clauses))) >= 5:
            return True
    return False


class ExtractiveSummarizer:
    """Extractive-compressive summaries within a character budget; faithful by construction."""

    method = METHOD
    # The shortest share of the budget the chosen sentence keeps when it makes room for a figure.
    min_main_chars = 24

    def __init__(self, *, candidates: int = 6) -> None:
        self.candidates = candidates

    def summarize(
        self, articles: list[Article], *, max_chars: int = DEFAULT_MAX_CHARS
    ) -> list[Summary]:
        return [self.summarize_one(article, max_chars=max_chars) for article in articles]

    def summarize_one(self, article: Article, *, max_chars: int = DEFAULT_MAX_CHARS) -> Summary:
        """The article's summary; commentary's opens with who argues (钟声文章指出，……)."""
        voice = commentary_voice(article)
        if not voice:
            return self._summarize(article, max_chars)
        opening = attribution(voice)
        summary = self._summarize(article, max_chars - len(opening))
        if summary.text:
            summary.text = opening + summary.text.lstrip("■□●◆ ")
        return summary

    def _summarize(self, article: Article, max_chars: int) -> Summary:
        ranked = rank_sentences(article)
        if not summarizable(article, ranked):
            return Summary(
                text="",
                method=METHOD,
                sentences=[],
                reason="the article has no sentence to summarize",
            )
        source = source_index(article_source(article))
        # Who acts is looked up only when a summary leaves it out.
        actor = functools.cache(lambda: lead_actor(article))
        for scored in ranked[: self.candidates]:
            found = self._from_sentence(scored, ranked, article, source, actor, max_chars)
            if found:
                return found
        return self._last_resort(ranked, article, source, max_chars)

    def _fit(
        self, sentence: Sentence, budget: int, source: SourceIndex, *, squeeze_only: bool = False
    ) -> str | None:
        """The sentence compressed and cut to ``budget``; None when it cannot fit or fails the guard."""
        for squeeze in (True,) if squeeze_only else (False, True):
            clauses = compress_clauses(sentence.text, squeeze=squeeze)
            kept = fit_clauses(clauses, budget)
            if kept:
                text = join_clauses(kept)
                if (
                    len(text) >= 8
                    and check_summary(text, source)
                    and not deletion_cuts(text, sentence.text)
                ):
                    return text
        return None

    def _fit_figure(self, sentence: Sentence, budget: int, source: SourceIndex) -> str | None:
        """The sentence cut to ``budget`` so that it keeps a key figure: its opening clauses, or its
        first clause and the clause with the figure; None when no such cut fits."""
        for squeeze in (False, True):
            clauses = compress_clauses(sentence.text, squeeze=squeeze)
            kept = fit_clauses(clauses, budget)
            if kept and not any(has_quantity(c) for c, _ in kept):
                figure = next((c for c in clauses[1:] if has_quantity(c[0])), None)
                # A figure clause that points back (有的……, 其中……) needs the clauses between.
                if figure and figure is not clauses[1] and _ANAPHOR.match(figure[0]):
                    figure = None
                kept = [clauses[0], figure] if figure else None
            if kept:
                text = join_clauses(kept)
                if (
                    8 <= len(text) <= budget
                    and has_quantity(text)
                    and check_summary(text, source)
                    and not deletion_cuts(text, sentence.text)
                ):
                    return text
        return None

    def _with_actor(
        self,
        sentence: Sentence,
        text: str,
        actor: Callable[[], str | None],
        budget: int,
        source: SourceIndex,
    ) -> str:
        """Name who acts when the sentence leaves it out (稳步推进……) or names only a role (工作人员……)."""
        role = bool(GENERIC_AGENT.match(text))
        if not role and not lacks_subject(text):
            return text
        name = actor()
        if not name or name in text or (role and not single_actor(name)):
            return text
        fitted = (
            text
            if len(text) + len(name) <= budget
            else self._fit(sentence, budget - len(name), source)
        )
        if not fitted:
            return text
        named = insert_actor(fitted, name)
        return named if check_summary(named, source) else text

    def _main(
        self,
        sentence: Sentence,
        budget: int,
        source: SourceIndex,
        actor: Callable[[], str | None],
        **options,
    ) -> str | None:
        text = self._fit(sentence, budget, source, **options)
        return self._with_actor(sentence, text, actor, budget, source) if text else None

    def _from_sentence(self, scored, ranked, article, source, actor, max_chars) -> Summary | None:
        sentence = scored.sentence
        text = self._main(sentence, max_chars, source, actor)
        if text is None:
            return None
        used = [sentence.index]
        if not has_quantity(text):
            paired = self._with_figure(sentence, text, ranked, source, actor, max_chars)
            if paired:
                text, used = paired
        return Summary(text=text, method=METHOD, sentences=used)

    def _with_figure(
        self, sentence, text, ranked, source, actor, max_chars
    ) -> tuple[str, list[int]] | None:
        """A second sentence that states the key figures the first leaves out, squeezing both to fit."""
        best = ranked[0].score
        candidates = [
            other
            for other in ranked[:10]
            if other.figure
            and other.sentence.index != sentence.index
            and other.score >= max(best - 2.5, 0.3)
            # Figures about the same event: near the sentence that reports it, or ranked close to it.
            and (abs(other.sentence.index - sentence.index) <= 4 or other.score >= best - 1.0)
            and not (other.sentence.index < sentence.index and DEPENDENT.match(other.sentence.text))
            and not BACKGROUND.match(split_dateline(other.sentence.text)[1])
        ]

        def relevance(other: Scored) -> float:
            # Figures about the same event sit near the sentence that reports it.
            near = other.sentence.paragraph == sentence.paragraph
            return (
                other.score + 0.5 * near - 0.1 * min(abs(other.sentence.index - sentence.index), 8)
            )

        for other in sorted(candidates, key=relevance, reverse=True)[:3]:
            main = text
            extra = self._fit_figure(other.sentence, max_chars - self.min_main_chars, source)
            if not extra:
                continue
            if len(text) + len(extra) > max_chars:
                # Make room by squeezing asides and slogans (以“……”为主题的) out of the first sentence,
                # as long as none of its clauses is lost; else cut the figure sentence to the room left.
                squeezed = self._main(
                    sentence, max_chars - len(extra), source, actor, squeeze_only=True
                )
                if squeezed and squeezed == self._main(
                    sentence, max_chars, source, actor, squeeze_only=True
                ):
                    main = squeezed
                else:
                    room = max_chars - len(text)
                    extra = self._fit_figure(other.sentence, room, source) if room >= 12 else None
                    if not extra:
                        continue
            pair = sorted([(sentence.index, main), (other.sentence.index, extra)])
            joined = "".join(t for _, t in pair)
            if len(joined) <= max_chars and check_summary(joined, source):
                return joined, [i for i, _ in pair]
        return None

    def _last_resort(self, ranked, article, source, max_chars) -> Summary:
        """Nothing fits whole: the best single clause that does, then the title, then a cut."""
        for scored in ranked:
            clauses = compress_clauses(scored.sentence.text, squeeze=True)
            for clause in clauses:
                text = join_clauses([clause])
                if (
                    8 <= len(text) <= max_chars
                    and check_summary(text, source)
                    and not deletion_cuts(text, scored.sentence.text)
                ):
                    return Summary(
                        text=text,
                        method=METHOD,
                        sentences=[scored.sentence.index],
                        reason="one clause",
                    )
        title = clean_clause(article.title or "", squeeze=True)
        if title and len(title) + 1 <= max_chars:
            return Summary(text=title + "。", method=METHOD, sentences=[], reason="title")
        clauses = compress_clauses(ranked[0].sentence.text, squeeze=True)
        if not clauses:
            return Summary(
                text="",
                method=METHOD,
                sentences=[],
                reason="nothing in the article reads as a sentence",
            )
        text = ""
        for word in re.findall(
            r"[0-9０-９.．%％]+|“[^”]*”|《[^》]*》|[^0-9０-９“《]+?(?=[0-9０-９“《]|$)",
            clauses[0][0],
        ):
            for piece in [word] if word[0] in "0123456789０１２３４５６７８９“《" else words(word):
                if len(text) + len(piece) + 1 > max_chars:
                    break
                text += piece
            else:
                continue
            break
        pieces = words(text)
        while pieces and dangling("".join(pieces)):
            pieces.pop()
        text = "".join(pieces) or text
        return Summary(
            text=text + "。", method=METHOD, sentences=[ranked[0].sentence.index], reason="cut"
        )
