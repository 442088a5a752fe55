"""Assembling the briefing: importance, 要闻, topic sections, keywords, appendix and header.

Works on articles that the earlier stages have annotated (``topic``, ``summary``,
``display_title``); an article with text but without them still gets an entry (its printed title
or an opening marked as generated, the opening of its text as summary). An article with no text
to summarize (a heading alone, a body of credits) is listed in the appendix, never dropped.
"""

from __future__ import annotations

import datetime
import logging
import math
import re
from collections import Counter
from collections.abc import Sequence

from ..config import DEFAULT_MAX_CHARS, BuildConfig
from ..errors import InputError, setting_error
from .day_keywords import issue_keywords
from ..provenance import summary_provenance, title_provenance
from ..summarize.commentary import is_commentary
from ..summarize.furniture import Reading, is_listed, read_furniture
from ..records import AppendixItem, Article, Briefing, Entry, Issue, Section
from ..text import fold_width

logger = logging.getLogger(__name__)

TOP_SECTION = "要闻"
UNCLASSIFIED = "其他"
# How much each signal counts towards an article's importance (the weights add up to 1).
WEIGHTS = {"position": 0.35, "length": 0.25, "prominence": 0.25, "topic": 0.15}
FULL_LENGTH = 2000  # characters at which an article counts as fully long
LATER_PAGE = 0.85  # each page further back counts this much of the one before
_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_SEPARATORS = "：:　 ，,"
# The marks a kicker closes on before the title it runs into (……——, ……：).
_KICKER_MARKS = "—－-：: 　"


def check_date(date: str | None) -> str | None:
    """``date`` if it is a real ISO date (YYYY-MM-DD); a malformed one is an :class:`InputError`."""
    if date is None:
        return None
    match = _DATE.match(date.strip())
    try:
        if not match:
            raise ValueError
        return datetime.date(*map(int, match.groups())).isoformat()
    except ValueError:
        raise setting_error(
            InputError, "date", f"{date!r} is not a date in the form YYYY-MM-DD"
        ) from None


def _position_scores(articles: list[Article]) -> list[float]:
    """1 for the first article of a page, falling towards 0 for its last; later pages count less."""
    per_page: dict[int | None, list[int]] = {}
    for index, article in enumerate(articles):
        per_page.setdefault(article.page, []).append(index)
    pages = sorted((p for p in per_page if p is not None))
    scores = [0.0] * len(articles)
    for page, indices in per_page.items():
        factor = LATER_PAGE ** pages.index(page) if page is not None else 1.0
        for rank, index in enumerate(indices):
            scores[index] = (1.0 - rank / len(indices)) * factor
    return scores


def _prominence(article: Article) -> float:
    """How prominent the headline is: a titled feature with subtitle and subheads scores high,
    an item in a column of briefs lower, an untitled brief lowest."""
    score = 0.0
    if article.title:
        score += 0.5
    if article.subtitle:
        score += 0.2
    if article.kicker:
        score += 0.1
    if article.subheads:
        score += 0.2
    if article.column:
        score -= 0.2
    return min(1.0, max(0.0, score))


def _topic_weight(article: Article, order: dict[str, int]) -> float:
    """Hard news first: the taxonomy lists its labels from 时政 down, so earlier counts more."""
    if article.topic is None or article.topic.label not in order:
        return 0.3
    return 1.0 - order[article.topic.label] / max(1, len(order))


def importance(articles: list[Article], *, taxonomy: Sequence[str] = ()) -> list[float]:
    """Each article's importance in [0, 1]: position on the page, length, headline, topic."""
    order = {label: i for i, label in enumerate(taxonomy)}
    positions = _position_scores(articles)
    result = []
    for article, position in zip(articles, positions):
        length = min(1.0, math.log1p(len(article.text)) / math.log1p(FULL_LENGTH))
        value = (
            WEIGHTS["position"] * position
            + WEIGHTS["length"] * length
            + WEIGHTS["prominence"] * _prominence(article)
            + WEIGHTS["topic"] * _topic_weight(article, order)
        )
        result.append(round(value, 4))
    return result


# Full-width digits and Latin letters (１９９７年, ＧＤＰ) as printed in older papers fold to ASCII for
# display; Chinese punctuation stays as it is (fold_width would turn ，into a comma).
_ALNUM = {
    cp: cp - 0xFEE0
    for cp in [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B)]
}
_NUMBER_MARKS = re.compile(r"(?<=\d)．(?=\d)|(?<=\d)％")


def display_text(text: str) -> str:
    """``text`` with full-width digits and letters folded (１４．２％ -> 14.2%), punctuation kept."""
    text = text.translate(_ALNUM)
    return _NUMBER_MARKS.sub(lambda m: "." if m.group() == "．" else "%", text)


def _opening(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _display_title(article: Article, label: str | None = None) -> tuple[str, bool]:
    """The title an entry shows: the titler's, else the printed one, else the box label printed
    where the title stands (``label``: no title is generated here), else the text's opening."""
    if article.display_title:
        generated = (
            article.title_generated
            if article.title_generated is not None
            else not (article.title or label)
        )
        return article.display_title, bool(generated)
    if article.title or label:
        return article.title or label or "", False
    if article.headline:
        return article.headline, False
    first = re.split(r"[。！？!?]", article.text, maxsplit=1)[0]
    return _opening(first, 24) or article.id, True


def source_line(article: Article, *, section: str | None = None) -> str:
    """Where the article comes from: column or kicker, byline or dateline, and its page as an
    editor finds it in the paper (第11版 经济, ``section`` being the page's printed name); the
    line numbers only where the page is not known (they stay in the JSON either way). A kicker
    the display title already shows (joined to the title) is not repeated."""
    parts = []
    label = (article.column or article.kicker or "").strip()
    if label and not (
        not article.column
        and article.display_title
        and label.rstrip(_KICKER_MARKS) in article.display_title
    ):
        parts.append(label)
    credit = article.byline or article.dateline
    if credit:
        parts.append(credit.strip().rstrip(_SEPARATORS))
    place = []
    if article.page is not None:
        place.append(f"第{article.page}版" + (f" {section}" if section else ""))
    elif article.lines:
        first, last = article.lines[0], article.lines[-1]
        place.append(f"第{first}行" if first == last else f"第{first}–{last}行")
    parts.append(" ".join(place) if place else f"编号 {article.id}")
    # Printed as in old papers (１月４日讯　记者…) the line reads better folded to 1月4日讯 记者….
    return fold_width(" · ".join(parts))


def make_entry(
    article: Article,
    value: float,
    *,
    max_chars: int = DEFAULT_MAX_CHARS,
    section: str | None = None,
    reading: Reading | None = None,
) -> Entry:
    """``article``'s entry, the article read as it stands on the page (``reading``, where the
    caller holds it, else :func:`~briefing.summarize.furniture.read_furniture`: a box label is
    its column)."""
    read, label = read_furniture(article) if reading is None else reading
    title, generated = _display_title(read, label)
    summary = (
        article.summary.text
        if article.summary and article.summary.text
        else _opening(read.text, max_chars)
    )
    return Entry(
        article_id=article.id,
        title=display_text(title),
        title_generated=generated,
        commentary=is_commentary(article),
        summary=display_text(summary),
        topic=article.topic.label if article.topic else None,
        importance=value,
        source=source_line(read, section=section),
        page=article.page,
        lines=list(article.lines) if article.lines else None,
        # A box's briefs, or a photo box's further photos, folded as the summary is.
        items=[display_text(item) for item in read.items],
        summary_provenance=summary_provenance(article),
        title_provenance=title_provenance(article, generated, title),
    )


def _appendix(issue: Issue, empty: list[Article]) -> list[AppendixItem]:
    items = [
        AppendixItem(kind=f.kind, text=f.text, page=f.page, line=f.line) for f in issue.furniture
    ]
    for article in empty:
        line = article.lines[0] if article.lines else None
        items.append(
            AppendixItem(
                kind="empty",
                text=article.headline or " ".join(article.body) or article.id,
                page=article.page,
                line=line,
            )
        )
    # Page order, then line order; items without a place keep their order at the end.
    return sorted(
        items, key=lambda it: (it.page is None, it.page or 0, it.line is None, it.line or 0)
    )


def assemble(
    issue: Issue,
    articles: list[Article],
    *,
    taxonomy: Sequence[str] = (),
    top_stories: int = BuildConfig.top_stories,
    keywords: int = BuildConfig.keywords,
    max_chars: int = DEFAULT_MAX_CHARS,
    paper: str | None = None,
    date: str | None = None,
) -> Briefing:
    """The briefing of ``issue``: ``taxonomy`` gives the section order (labels not in it follow)."""
    date = check_date(date) or issue.date
    paper = paper or issue.paper
    # Only articles with something to show are listed: a heading alone (a photo's title) or a
    # body of design and picture credits has nothing to summarize, and goes to the appendix.
    # Each is read as it stands on the page (a box label is its column), the records unchanged.
    # One reading per article, for the listing, the ranking and the entry.
    readings = [read_furniture(a) for a in articles]
    listed = [is_listed(a, reading=r) for a, r in zip(articles, readings)]
    empty = [a for a, shown in zip(articles, listed) if not shown]
    kept = [(a, r) for a, r, shown in zip(articles, readings, listed) if shown]
    as_read = [r.article for _, r in kept]
    values = importance(as_read, taxonomy=taxonomy)
    # The printed name of each page (经济), for the source lines.
    page_names = {page.number: page.name for page in issue.pages if page.number is not None}
    entries = [
        make_entry(
            a,
            v,
            max_chars=max_chars,
            section=page_names.get(a.page) if a.page is not None else None,
            reading=r,
        )
        for (a, r), v in zip(kept, values)
    ]
    # Most important first; ties keep the order of the page.
    ranked = sorted(range(len(entries)), key=lambda i: (-entries[i].importance, i))
    # 要闻 are news: commentary joins them only when there is too little news, and after it.
    news_first = [i for i in ranked if not entries[i].commentary] + [
        i for i in ranked if entries[i].commentary
    ]
    top_order = news_first[: max(0, top_stories)]
    top = set(top_order)
    sections: list[Section] = []
    if top:
        sections.append(
            Section(title=TOP_SECTION, kind="top", entries=[entries[i] for i in top_order])
        )
    labels = list(dict.fromkeys(list(taxonomy) + [e.topic or UNCLASSIFIED for e in entries]))
    by_label: dict[str, list[Entry]] = {label: [] for label in labels}
    for i in ranked:
        if i not in top:
            by_label[entries[i].topic or UNCLASSIFIED].append(entries[i])
    sections.extend(
        Section(title=label, entries=found) for label, found in by_label.items() if found
    )
    counts = Counter(e.topic or UNCLASSIFIED for e in entries)
    briefing = Briefing(
        source=issue.source,
        paper=paper,
        date=date,
        article_count=len(entries),
        topic_counts={label: counts[label] for label in labels if counts[label]},
        sections=sections,
        keywords=issue_keywords(as_read, count=keywords, paper=paper, importance=values),
        appendix=_appendix(issue, empty),
    )
    logger.info(
        "%s: briefing of %d entries in %d sections", issue.source, len(entries), len(sections)
    )
    return briefing
