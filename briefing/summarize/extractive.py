"""The default summarizer: pick the sentence that carries the news, then delete what it need not say.

Offline and model-free. Sentences are ranked (:mod:`.ranking`); the best one is compressed
(dateline, purpose clauses, fillers, procedures, asides go) and cut at clause boundaries to the
length budget. A compression whose deletion audit (:func:`.wholeness.deletion_cuts`) finds a cut
inside a word or a name is not used, nor one that ends on a clause that only sets up another. Who acts is named where the sentence leaves it out or names only a role
(:mod:`.actors`). When it states no key figure (an amount, a count, a share; a date is none), a
second sentence about the same event that does joins it, squeezing slogans out to make room.
A sentence whose summary points to what it does not name (……来到这所小学, 他……:
:mod:`.references`) comes with the sentence before when that one names it, or gives way to a
candidate close below it that stands on its own. Whole sentences are tried first, then one
clause of a whole sentence or the title, then lines without a stop (a caption, a cut line); a
text with no stop at all is its lines, and they are its sentences.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace
from typing import Callable

from ..config import DEFAULT_MAX_CHARS
from ..records import Article, Summary
from ..text import tagged, words
from .actors import GENERIC_AGENT, insert_actor, lacks_subject, lead_actor, single_actor
from .commentary import (
    THESIS_PARAGRAPHS,
    EDITORS_OPENING,
    argument_ranking,
    editors_label,
    editors_paragraphs,
    narrating,
    quotations,
    repeats_quotation,
    reports_speech,
    states_thesis,
    voice_opening,
    voiced,
    writer_opening,
)
from .compress import (
    TIME_START,
    clean_clause,
    compress_clauses,
    dangling,
    fit_clauses,
    join_clauses,
)
from .guard import SourceIndex, article_source, check_summary, source_index
from .references import (
    CONTRAST,
    leans_back,
    name_here,
    needs_context,
    past_turn,
    unresolved_reference,
    without_pointing_frame,
)
from .ranking import BACKGROUND, DEPENDENT, Scored, adjusted, grams, rank_sentences
from .speakers import speaker_with_role
from .sentences import (
    CLAUSE_MARKS,
    DECK_MARKS,
    ENDS,
    Sentence,
    article_dateline,
    dateline_place,
    has_quantity,
    split_clauses,
    split_dateline,
)
from .wholeness import dangling_clause, deletion_cuts

logger = logging.getLogger(__name__)

METHOD = "extractive"
_ANAPHOR = re.compile(
    r"^(?:有的|其中|其余|其|这些|那些|这|那|该|此|它们?|他们|她们|前者|后者|对此|上述)"
)
# A clause that points back anywhere in it (冷空气过后上述地区……): joined to a clause other than
# the one before it, what it points to is no longer what the source meant.
_REFERS_BACK = re.compile(
    r"上述|前述|以上[\u4e00-\u9fff]{0,2}(?:地区|单位|人员|措施)|这些|那些|其中|它们"
)


# 一生躬耕的水利科学家，深受乡亲敬重的农业教育家，……委员，……主席刘某同志，因病……逝世: a run of
# titles before the clause that names the person; cut to the budget, only titles would be left.
_TITLE_CLAUSE = re.compile(
    r"(?:战士|革命家|政治家|军事家|外交家|活动家|教育家|科学家|数学家|艺术家|作家|领导人|委员|主席|委员长"
    r"|书记|部长|院士|教授|专家|会长|理事长|主任)$"
)


def _without_leading_titles(clauses: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The clauses without a run of two or more opening titles (the name's clause keeps its own)."""
    run = 0
    while run < len(clauses) - 1 and _TITLE_CLAUSE.search(clauses[run][0]):
        run += 1
    return clauses[run:] if run >= 2 else clauses


_TIME_CLAUSE = re.compile(
    TIME_START.pattern + r"|^(?:腊月|正月|大年|除夕|农历|当晚|当天|当日|每年)"
)
# Words that carry the actor before them on: 先后4次来柬……
_CONTINUES = re.compile(r"^(?:先后|共|累计|共计|均|还|又|已|再|并|陆续|相继|曾)")
_MIN_PARTNER_CHARS = 12
_ANNIVERSARY = re.compile(r"[0-9０-９一二三四五六七八九十百]+周年")


def _noun_phrase(text: str) -> bool:
    """今年71岁的李名章 / 被称为……的望远镜: one clause whose verbs, if any, only modify the noun at
    its end (首次发布完整的地质图1264幅 has a verb of its own)."""
    if "的" not in text:
        return False  # 《条例》共10章61条: a figure is the predicate
    words = [(w, t) for w, t in tagged(text) if w.strip()]
    verbs = [i for i, (_, t) in enumerate(words) if t.startswith("v") and t != "vn"]
    if not verbs:
        # No verb, nor an idiom that acts as one (敢为人先): 今年71岁的老队员李某
        return not any(t in ("i", "l") for _, t in words)
    if any(mark in text for mark in CLAUSE_MARKS):
        return False
    last = max(i for i, (w, _) in enumerate(words) if w == "的")
    if any(i > last for i in verbs):
        return False
    return verbs == [last - 1] or words[0][0] == "被"


def _uncut(clauses: list[tuple[str, str]], budget: int, **fit: bool) -> list[tuple[str, str]]:
    """``clauses`` fitted to ``budget`` when every one fits (compressed, never cut); [] else."""
    kept = fit_clauses(clauses, budget, **fit)
    return kept if kept and len(kept) == len(clauses) else []


_CLOSING_MARKS = ENDS + "…”’」』）)》 "


def _keeps_closing(sentence: Sentence, kept: list[tuple[str, str]] | None) -> bool:
    """Whether the compression ``kept`` ends where the sentence ends, not on a clause before a
    closing one that compression dropped (临江市建市30周年，让……: the effect it goes on to state is
    the sentence's point). Its last character is compared with the sentence's last two:
    compression deletes words inside the closing clause (了)."""
    if not kept:
        return False
    closing = sentence.text.rstrip(_CLOSING_MARKS)[-2:]
    last = kept[-1][0].rstrip(_CLOSING_MARKS)[-1:]
    return bool(last) and last in closing


def summary_ranking(
    article: Article, ranked: list[Scored], opens: dict[int, str] | None = None
) -> list[Scored]:
    """The ranking as the summary needs it: sentences that are no summary of their own go down.

    - a foil: the sentence a contrast answers (元月3日，气温骤降。然而，……活动开幕);
    - the editors' note (编者按：……, or a paragraph signed ——编者), which introduces rather than
      reports;
    - a deck of key points (■ ……) printed above the dateline: the speech it quotes is reported
      below, with who made it.

    ``opens``: each sentence's text after its dateline, by index, when the caller has it.
    """
    if opens is None:
        opens = {s.sentence.index: split_dateline(s.sentence.text)[1] for s in ranked}
    dated = next(
        (i for i, p in enumerate(article.body) if i and split_dateline(p)[0] is not None), 0
    )
    notes = editors_paragraphs(article.body)

    def delta(scored: Scored) -> float:
        sentence = scored.sentence
        following = opens.get(sentence.index + 1, "")
        penalty = 1.0 if following and CONTRAST.match(following) else 0.0
        if editors_label(opens[sentence.index]) or sentence.paragraph in notes:
            penalty += 2.0
        if sentence.paragraph < dated and sentence.text.lstrip(" 　")[:1] in DECK_MARKS:
            penalty += 1.5
        return -penalty

    return adjusted(ranked, delta)


def summarizable(article: Article, ranked: list[Scored] | None = None) -> bool:
    """Whether the article holds a sentence to summarize, not just a byline such as （王某）."""
    for scored in rank_sentences(article) if ranked is None else ranked:
        clauses = compress_clauses(scored.sentence.text)
        if clauses and len(grams(join_clauses(clauses))) >= 5:
            return True
    return False


@dataclass(frozen=True, slots=True)
class _Prepared:
    """What both ways of summarising an article start from: the summary ranking, each ranked
    sentence's text after its dateline (by index), and the source the guard checks against."""

    ranked: list[Scored]
    opens: dict[int, str]
    source: SourceIndex
    # The place the article's dateline names (:func:`.sentences.article_dateline`): the here of
    # its first sentence, whose dateline the splitter may have taken off.
    place: str | None = None


def _prepared(
    article: Article, *, tail_paragraphs: int = 0, skip: frozenset[int] = frozenset()
) -> _Prepared | None:
    """The article ranked for its summary, without the sentences in ``skip``; None when it holds
    no sentence to summarize."""
    ranked = rank_sentences(article, tail_paragraphs=tail_paragraphs)
    if skip:
        ranked = [s for s in ranked if s.sentence.index not in skip]
    if not summarizable(article, ranked):
        return None
    opens = {s.sentence.index: split_dateline(s.sentence.text)[1] for s in ranked}
    ranked = summary_ranking(article, ranked, opens)
    place = dateline_place(article_dateline(article))
    return _Prepared(ranked, opens, source_index(article_source(article)), place)


def _here_place(sentence: Sentence, first: str | None = None) -> str | None:
    """The place the dateline that opens ``sentence`` names (新华社星城1月5日电 -> 星城); None
    where it names none (本报讯) or the sentence opens on none. ``first``: the place of the
    article's dateline (:attr:`_Prepared.place`), the first sentence's."""
    if sentence.index == 0 and first:
        return first
    return dateline_place(split_dateline(sentence.text)[0])


def _here_named(summary: Summary, prepared: _Prepared | None, max_chars: int) -> Summary:
    """The summary with the here of a dispatch's first sentence (……今天在这里宣布……) naming the
    dateline's place, which the summary leaves out (……今天在星城宣布……); as it was where its
    first sentence opens on no dateline that names a place, or the place would not fit."""
    if prepared is None or not summary.sentences:
        return summary
    first = next(
        (s.sentence for s in prepared.ranked if s.sentence.index == summary.sentences[0]), None
    )
    place = _here_place(first, prepared.place) if first else None
    if place is None:
        return summary
    text = name_here(summary.text, place)
    if text != summary.text and len(text) <= max_chars and check_summary(text, prepared.source):
        summary.text = text
    return summary


def _speaker_named(
    summary: Summary, article: Article, prepared: _Prepared | None, max_chars: int
) -> Summary:
    """The summary with its first speaker's role before their bare name (周海说， -> 星国外长
    周海说，), as the article introduced them (:func:`.speakers.speaker_with_role`), when it fits."""
    if prepared is None or not summary.text:
        return summary
    text = speaker_with_role(summary.text, "\n".join(article.body))
    if text != summary.text and len(text) <= max_chars and check_summary(text, prepared.source):
        summary.text = text
    return summary


def _without_others_words(article: Article, prepared: _Prepared | None) -> _Prepared | None:
    """A commentary's ranking without the sentences that give another's words: restated from
    a quotation the piece prints (:func:`.commentary.repeats_quotation`: a summary box over a
    leader's words) or reported with their speaker (周海说，……: :func:`.commentary.reports_speech`).
    Its opening says the writer argues, and they are not the writer's. As it was when nothing
    else is left."""
    if prepared is None:
        return prepared
    quoted = quotations(article)
    ranked = [
        scored
        for scored in prepared.ranked
        if not reports_speech(prepared.opens[scored.sentence.index])
        and not repeats_quotation(prepared.opens[scored.sentence.index], quoted)
    ]
    return replace(prepared, ranked=ranked) if ranked else prepared


def _editors_own(summary: Summary, article: Article, prepared: _Prepared | None) -> bool:
    """Whether ``summary`` is made of the editors' note alone (:func:`.commentary.editors_paragraphs`):
    the editors speak, not the author or the paper's report."""
    if prepared is None or not summary.sentences:
        return False
    notes = editors_paragraphs(article.body)
    if not notes:
        return False
    paragraphs = {s.sentence.index: s.sentence.paragraph for s in prepared.ranked}
    return all(paragraphs.get(i) in notes for i in summary.sentences)


def _writer(article: Article, summary: Summary, prepared: _Prepared | None) -> str:
    """Who writes, for the summary of a piece that is not commentary: the editors of their note
    (编者按指出，), else :func:`.commentary.writer_opening`."""
    if _editors_own(summary, article, prepared):
        return EDITORS_OPENING
    return writer_opening(article, summary.text, summary.sentences)


def _opened(summary: Summary, opening: str) -> Summary:
    """``summary`` after ``opening`` (who argues or writes), kept on the record so that later
    readers need not guess it from the text."""
    summary.text = voiced(opening, summary.text)
    summary.opening = opening if summary.text else ""
    return summary


class ExtractiveSummarizer:
    """Extractive-compressive summaries within a character budget; faithful by construction."""

    method = METHOD
    # The shortest share of the budget the chosen sentence keeps when it makes room for a figure.
    min_main_chars = 24
    # How far below a sentence that leans back (然而……) or points to what the summary does not name
    # (……这所小学) the next candidate may rank and still be preferred to it alone.
    lean_margin = 1.0

    def __init__(self, *, candidates: int = 6) -> None:
        self.candidates = candidates

    def summarize(
        self, articles: list[Article], *, max_chars: int = DEFAULT_MAX_CHARS
    ) -> list[Summary]:
        return [self.summarize_one(article, max_chars=max_chars) for article in articles]

    def summarize_one(
        self,
        article: Article,
        *,
        max_chars: int = DEFAULT_MAX_CHARS,
        skip: frozenset[int] = frozenset(),
    ) -> Summary:
        """The article's summary; commentary's opens with who argues (钟声文章指出，……).

        ``skip``: sentences not to use (another entry of the issue says what they say:
        :mod:`.distinct`)."""
        opening = voice_opening(article)
        if not opening:
            prepared = _prepared(article, skip=skip)
            made = self._summarize(article, max_chars, prepared)
            made = _here_named(made, prepared, max_chars)
            made = _speaker_named(made, article, prepared, max_chars)
            # A letter, and a first person kept with no speaker (我……), say who writes
            # (读者周海来信说，, 作者写道，); the editors' note, that the editors do.
            writer = _writer(article, made, prepared)
            # Made again within the room the opening leaves, unless it fits as it is; the remade
            # summary says who writes only where it still keeps a first person (and whose).
            if writer and len(writer) + len(made.text) > max_chars:
                room = max_chars - len(writer)
                made = self._summarize(article, room, prepared)
                made = _here_named(made, prepared, room)
                made = _speaker_named(made, article, prepared, room)
                again = _writer(article, made, prepared)
                writer = again if len(again) + len(made.text) <= max_chars else ""
            return _opened(made, writer)
        budget = max_chars - len(opening)
        # Ranked once for both ways: a long piece's closing paragraphs too (its thesis may be
        # there).
        prepared = _prepared(article, tail_paragraphs=THESIS_PARAGRAPHS, skip=skip)
        prepared = _without_others_words(article, prepared)
        summary = self._argument(article, prepared, budget) if prepared else None
        summary = summary or self._summarize(article, budget, prepared)
        if _editors_own(summary, article, prepared):
            # Made again within the room the editors' opening leaves, when it takes more.
            if len(EDITORS_OPENING) + len(summary.text) > max_chars:
                summary = self._summarize(article, max_chars - len(EDITORS_OPENING), prepared)
            opening = EDITORS_OPENING if _editors_own(summary, article, prepared) else opening
        # Read on the sentence as the piece prints it: compression drops an opening time
        # (近日，……) that says the sentence narrates.
        told = summary.text
        if prepared and summary.sentences:
            told = prepared.opens.get(summary.sentences[0], told)
        return _opened(summary, narrating(opening, told))

    def _argument(self, article: Article, prepared: _Prepared, max_chars: int) -> Summary | None:
        """A commentary's summary: one whole sentence of its argument, compressed but not cut,
        its thesis first (:func:`.commentary.argument_ranking`).
        The opening leaves less room, and an argument's sentence cut at a comma is most often a
        subject without its predicate (……，是……) or a premise without its conclusion; None when
        no whole sentence fits among the best candidates (then the news way, cut to fit)."""
        ranked = argument_ranking(article, prepared.ranked, prepared.opens)
        source = prepared.source
        notes = editors_paragraphs(article.body)
        candidates = []
        for scored in ranked[: self.candidates]:
            sentence, opened = scored.sentence, prepared.opens[scored.sentence.index]
            if not sentence.complete or sentence.paragraph in notes:
                continue
            if needs_context(opened, first=not sentence.index):
                # A turn (然而，……) may state the writer's point against the set-up before it: the
                # point, without the turn's word, when it stands alone and states a thesis (not a
                # reply to the sentence before, 事实恰恰相反，……, nor a story, 我上周去……).
                turned = past_turn(opened)
                if turned is None or not states_thesis(turned):
                    continue
                sentence = replace(sentence, text=turned)
            candidates.append(sentence)
        # First a sentence kept to its end; failing that, one whose closing effect compression
        # dropped (……，推动……) but that keeps two clauses or more: what is left still states
        # something, where the news way would put a fact first.
        for closing in (True, False):
            for sentence in candidates:
                text = self._fit(sentence, max_chars, source, whole=True, closing=closing)
                if text:
                    return Summary(text=text, method=METHOD, sentences=[sentence.index])
        return None

    def _summarize(self, article: Article, max_chars: int, prepared: _Prepared | None) -> Summary:
        if prepared is None:
            return Summary(
                text="",
                method=METHOD,
                sentences=[],
                reason="the article has no sentence to summarize",
            )
        ranked, source = prepared.ranked, prepared.source
        # Who acts is looked up only when a summary leaves it out, and then once. A closure, not
        # functools.cache: making that wrapper (update_wrapper) costs ~17,000 instructions per
        # article, 0.5% of the stage on LCSTS-length articles (valgrind).
        found_actor: list[str | None] = []

        def actor() -> str | None:
            if not found_actor:
                found_actor.append(lead_actor(article))
            return found_actor[0]

        # A paragraph's text without its stop (a line a column break or the extraction cut, a
        # caption, a table's row, a line of verse) is no sentence the summary may close with 。:
        # whole sentences first, then one clause of one or the title, and only then such a line.
        whole = [s for s in ranked if s.sentence.complete]
        lines = [s for s in ranked if not s.sentence.complete]
        if not whole:  # a text with no stop at all (web or typed input, ASCII marks): its lines
            whole, lines = lines, []
        by_index = {s.sentence.index: s.sentence for s in ranked}
        return (
            self._first_fitting(whole[: self.candidates], by_index, prepared, actor, max_chars)
            or self._one_clause_or_title(ranked, article, source, max_chars)
            or self._first_fitting(lines[: self.candidates], by_index, prepared, actor, max_chars)
            or self._cut(ranked, max_chars)
        )

    def _first_fitting(
        self,
        candidates: list[Scored],
        by_index: dict[int, Sentence],
        prepared: _Prepared,
        actor: Callable[[], str | None],
        max_chars: int,
    ) -> Summary | None:
        """The summary of the first of ``candidates`` (best first) that stands on its own;
        ``by_index`` holds every ranked sentence by its index (the sentence before one)."""
        ranked, source = prepared.ranked, prepared.source
        # Sentences put off because they lean back (然而……) or point to what the summary does not
        # name (……来到这所小学), with their summary where one was made: used only when no
        # candidate close below them stands on its own.
        deferred: list[tuple[Scored, Summary | None]] = []
        for scored in candidates:
            if deferred and scored.score < deferred[0][0].score - self.lean_margin:
                break  # far below the sentence put off: that one, alone, is better
            # The article's first sentence leans on nothing printed here (又有许多……).
            if scored.sentence.index and leans_back(scored.sentence):
                # Alone it leaves the reader asking "however what?"
                found = self._with_previous(scored.sentence, by_index, source, actor, max_chars)
                if not found:
                    deferred.append((scored, None))
                    continue
            else:
                main = self._main(scored.sentence, max_chars, source, actor)
                place = _here_place(scored.sentence, prepared.place)
                pointer = (
                    unresolved_reference(name_here(main, place) if place else main)
                    if main
                    else None
                )
                if main and pointer:
                    # 为此，……: the sentence without its pointing frame may stand alone.
                    unframed = without_pointing_frame(main, place=place)
                    if unframed and check_summary(unframed, source):
                        main, pointer = unframed, None
                found = (
                    self._from_sentence(scored, ranked, source, actor, max_chars, main=main)
                    if main
                    else None
                )
                if pointer:
                    # The sentence before may name what it points to (周海……。他……), when both fit.
                    joined = self._with_previous(
                        scored.sentence, by_index, source, actor, max_chars, alone=main
                    )
                    if not joined:
                        deferred.append((scored, found))
                        continue
                    found = joined
            if found:
                return found
        for scored, made in deferred:
            found = made or self._from_sentence(scored, ranked, source, actor, max_chars)
            if found:
                return found
        return None

    def _with_previous(
        self,
        sentence: Sentence,
        by_index: dict[int, Sentence],
        source: SourceIndex,
        actor: Callable[[], str | None],
        max_chars: int,
        *,
        alone: str | None = None,
    ) -> Summary | None:
        """A sentence that leans back (可去年……, 这个镇……, ……这所小学) after the one it leans on,
        when both fit and the pair names what it points to. ``alone``: the sentence's summary
        made on its own, which the pair may not cut to make room (alone it says more)."""
        previous = by_index.get(sentence.index - 1)
        if (
            previous is None
            or not previous.complete
            or previous.text.rstrip("”’」 ").endswith(("？", "?"))
            or leans_back(previous)
        ):
            return None
        text = self._main(sentence, max_chars - 12, source, actor)
        if not text:
            return None
        if alone is not None and text != alone:
            return None
        # The whole of the sentence leaned on (compressed, never cut): its last clause may be
        # what the contrast answers.
        clauses = compress_clauses(previous.text)
        kept = _uncut(clauses, max_chars - len(text), want_figure=False)
        if not kept:
            return None
        before = join_clauses(kept)
        if len(before) < 8 or deletion_cuts(before, previous.text):
            return None
        joined = before + text
        if len(joined) > max_chars or not check_summary(joined, source):
            return None
        if unresolved_reference(joined):
            return None  # 校园里热闹起来。这所小学……: the one before does not name it either
        return Summary(text=joined, method=METHOD, sentences=[previous.index, sentence.index])

    def _fit(
        self,
        sentence: Sentence,
        budget: int,
        source: SourceIndex,
        *,
        squeeze_only: bool = False,
        whole: bool = False,
        closing: bool = True,
    ) -> str | None:
        """The sentence compressed and cut to ``budget``; None when it cannot fit or fails the guard.
        ``whole``: compressed, never cut (every clause kept), and ending where the sentence ends
        unless not ``closing`` (then two clauses or more that compression left will do)."""
        for squeeze in (True,) if squeeze_only else (False, True):
            clauses = _without_leading_titles(compress_clauses(sentence.text, squeeze=squeeze))
            kept = _uncut(clauses, budget) if whole else fit_clauses(clauses, budget)
            ends = _keeps_closing(sentence, kept) or (not closing and len(kept or ()) > 1)
            if whole and not ends:
                continue
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
                # A figure clause that points back (有的……, 其中……, ……上述地区) needs the clauses
                # between.
                # Nor may the first clause be one that only sets up the clauses cut (中国政府在……
                # 的基础上，): its subject would become the figure's.
                if (
                    figure
                    and figure is not clauses[1]
                    and (
                        _ANAPHOR.match(figure[0])
                        or _REFERS_BACK.search(figure[0])
                        or dangling_clause(join_clauses(clauses[:1]))
                        # 腊月二十八晚上，(……“村晚”在某地举行，)16个节目精彩亮相: what
                        # the figure is about is in the clauses cut (一年多来，先后4次来柬…… goes
                        # on with the summary's actor).
                        or (
                            _TIME_CLAUSE.match(clauses[0][0])
                            and len(clauses[0][0]) <= 10
                            and not (_CONTINUES.match(figure[0]) or lacks_subject(figure[0]))
                        )
                    )
                ):
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

    def _from_sentence(
        self, scored, ranked, source, actor, max_chars, *, main: str | None = None
    ) -> Summary | None:
        """The sentence's summary (``main``, when already made), with a partner for its figures."""
        sentence = scored.sentence
        text = main or self._main(sentence, max_chars, source, actor)
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
        # Gaps by the hand weights' score: they were set on its scale.
        by_hand = sorted(ranked, key=lambda s: (-s.hand, s.sentence.index))
        best = by_hand[0].hand
        candidates = [
            other
            for other in by_hand[:10]
            if other.figure
            and other.sentence.complete  # not a caption's or a cut line's figures
            # 今年是新中国成立70周年。 names the year, not a figure of the news.
            and has_quantity(_ANNIVERSARY.sub("", other.sentence.text))
            and other.sentence.index != sentence.index
            and other.hand >= max(best - 2.5, 0.3)
            # Figures about the same event: near the sentence that reports it, or ranked close to it.
            and (abs(other.sentence.index - sentence.index) <= 4 or other.hand >= best - 1.0)
            and not (other.sentence.index < sentence.index and DEPENDENT.match(other.sentence.text))
            # 不过……/这……: it answers or points to the sentence just before it, so only that one.
            and not (other.sentence.index != sentence.index + 1 and leans_back(other.sentence))
            and not BACKGROUND.match(split_dateline(other.sentence.text)[1])
        ]

        def relevance(other: Scored) -> float:
            # Figures about the same event sit near the sentence that reports it.
            near = other.sentence.paragraph == sentence.paragraph
            return (
                other.hand + 0.5 * near - 0.1 * min(abs(other.sentence.index - sentence.index), 8)
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
            if not self._partner(extra, main):
                continue
            pair = sorted([(sentence.index, main), (other.sentence.index, extra)])
            joined = "".join(t for _, t in pair)
            if len(joined) > max_chars or not check_summary(joined, source):
                continue
            # A partner that points to what neither names (……这所小学) is no partner; after the
            # main sentence, that sentence may name it, and say what 对此 points to only when
            # the partner comes right after it.
            after = other.sentence.index > sentence.index
            if not unresolved_reference(
                extra,
                before=main if after else "",
                follows=other.sentence.index == sentence.index + 1,
            ):
                return joined, [i for i, _ in pair]
        return None

    @staticmethod
    def _partner(extra: str, main: str) -> bool:
        """Whether ``extra`` may join ``main`` as the sentence with the figures: a sentence, not a
        slogan (70年砥砺奋进。) or a noun phrase (今年71岁的李名章。), that says more than ``main``
        repeats."""
        if len(extra) < _MIN_PARTNER_CHARS or _noun_phrase(extra.rstrip(ENDS)):
            return False
        own = grams(extra)
        return not own or len(own & grams(main)) < 0.5 * len(own)

    def _one_clause_or_title(self, ranked, article, source, max_chars) -> Summary | None:
        """No whole sentence fits: the best single clause that does, else the title.
        A clause of a whole sentence first; of a line without its stop (a line of verse, a deck
        cut off its text), only the whole line: a clause cut from it is most often a subject
        without its predicate (西岭镇新修的三条路，让……)."""
        for scored in sorted(ranked, key=lambda s: not s.sentence.complete):
            if not scored.sentence.complete and len(split_clauses(scored.sentence.text)) > 1:
                continue
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
        return None

    def _cut(self, ranked, max_chars) -> Summary:
        """Nothing else fits: the best sentence's first clause, cut to the budget."""
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
