"""The default splitter: label every line of a page with a CRF, then group the labelled lines.

See :mod:`briefing.split.features` for what the model sees, :mod:`briefing.split.labels` for
what it decides and :mod:`briefing.split.grouping` for the post-pass that turns its labels
into articles.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from pathlib import Path

from ..conventions import DATE_ONLY_RE, ITEM_MAX, ITEM_NUMBER, KICKER_END_RE
from ..read.masthead import page_header
from ..records import Article, Furniture, Issue
from ..text import clipped, fold_width
from .features import AUTHOR_NOTE_RE, BRIEFS_BOX_LABELS, CLOSING_RE, COLUMN_TAG_RE
from .grouping import Draft, group
from .labeller import label_lines
from .lines import (
    HAN,
    HAN_CHAR,
    Line,
    Role,
    dateline_of,
    is_bare_name,
    is_subtitle,
    is_unlisted_name,
    page_lines,
)
from .rejoin import join_cut_paragraphs

logger = logging.getLogger(__name__)

# Boxes that print several briefs under one label (速览, 速览·国庆假期, 数读, 资讯速递): the
# page's gold counts the box as one article, and its briefs become the article's items.
_BRIEFS_BOX = re.compile(rf"^[■●◆\s]*(?:{BRIEFS_BOX_LABELS})(?:$|[·・:：\s])")
# A photo's number printed alone on its line (2、): its caption, on the next line, is its text.
_NUMBER_ALONE = re.compile(ITEM_NUMBER)
# One or two words of two or three characters alone on a line under the headline: where the 1998
# pages print the writer's name (a deck that ends on a name, ……会见周海, is longer).
_NAMES_SHAPE = re.compile(rf"^[{HAN}]{{2,3}}(?:\s+[{HAN}]{{2,3}})?$")
# Bracketed endings of titles that are part of the title, not a column or series name.
_NOT_A_COLUMN = re.compile(
    r"书法|篆刻|国画|画|木刻|剪纸|素描|速写|雕塑|摄影|图片|照片|组图|之[一二三四五六七八九十]|[上中下]$|续"
)


class LineSplitter:
    """Learned splitter for text extracted from printed pages; see :mod:`briefing.split`.

    ``model`` is a model file written by ``briefing train-splitter``; the packaged one by default.
    """

    def __init__(self, *, model: str | Path | None = None) -> None:
        self.model = model

    def split(self, issue: Issue) -> list[Article]:
        articles: list[Article] = []
        many_pages = len(issue.pages) > 1
        # The furniture lines are this splitter's finding: splitting the issue again replaces
        # them (kept, they would sit inside the articles found again and break the contract).
        issue.furniture[:] = [f for f in issue.furniture if f.kind != "furniture"]
        for page_index, page in enumerate(issue.pages, start=1):
            page_no = page_index if many_pages else None
            lines = page_lines(page.lines)
            labels = label_lines(lines, page.lines, model=self.model)
            drafts, furniture = group(lines, labels, usual_gap=_usual_gap(lines))
            printed = next(filter(None, (page_header(line.text) for line in furniture)), None)
            if printed:
                # The page as printed (第11版 经济) rather than its place among the files.
                page.number, page.name = printed[0], printed[1] or page.name
                page_no = page.number
            for line in furniture:
                issue.furniture.append(
                    Furniture(line=line.number, text=line.text, kind="furniture", page=page_no)
                )
            for draft in drafts:
                articles.append(_article(draft, article_id=f"a{len(articles) + 1}", page=page_no))
        issue.furniture.sort(key=lambda f: (f.page or 0, f.line))
        return articles


def _usual_gap(lines: list[Line]) -> int:
    """The page's ordinary number of blank lines between paragraphs."""
    gaps = Counter(line.gap for line in lines[1:])
    return min(gaps.most_common(1)[0][0], 2) if gaps else 1


def _names_someone(trailer: Line) -> bool:
    """Whether a closing line names its writer: a row of marks (＊＊＊＊＊) closing a part names
    no one, nor does a date closing a letter or a decree."""
    return bool(HAN_CHAR.search(trailer.text)) and not DATE_ONLY_RE.match(
        trailer.folded.replace(" ", "")
    )


def _article(draft: Draft, *, article_id: str, page: int | None) -> Article:
    article = Article(id=article_id, page=page)
    numbers = [n for line in draft.lines for n in (line.number, *line.joined)]
    article.lines = [min(numbers), max(numbers)]
    article.column = draft.column
    head: dict[str, list[str]] = {}
    # A byline or a signature of its own: the name line is something else (推荐人, a label).
    signed = any(
        name == "byline"
        or line.role is Role.BYLINE
        or (line.role is Role.TRAILER and _names_someone(line))
        for name, line in draft.head + draft.content
    )
    for name, line in draft.head:
        if (
            name == "subtitle"
            and "byline" not in head
            and not signed
            and _NAMES_SHAPE.match(line.folded)
            and (is_bare_name(line.text) or all(map(is_unlisted_name, line.folded.split())))
        ):
            # A name alone under the headline's decks is its writer's (……的故事 / 周海), read as
            # the training labels read it or as a surname and an unlisted word (a pen name the
            # tagger cuts); a short deck (故乡, 上篇, 诗二首, 今日谈) names no one.
            name = "byline"
        elif name == "byline" and line.role is Role.SUBTITLE and "subtitle" not in head:
            # A line opening on the dash (——记临江市医生周海) is the subtitle, not who wrote it.
            name = "subtitle"
        if name != "column":
            head.setdefault(name, []).append(line.text)
    if "title" not in head and "kicker" in head:
        head["title"] = head.pop("kicker")  # a lone heading over a subtitle is the title
    elif (
        "kicker" not in head
        and len(head.get("title", ())) == 1
        and head.get("subtitle")
        and KICKER_END_RE.search(head["title"][0].strip())
        and not is_subtitle(head["subtitle"][0].strip())
    ):
        # A title line ending as a kicker does (……——, ……时强调) over a deck: it introduces the
        # deck, which is the main title (a lone title ending so stays the title, and so does one
        # over a deck opening on a dash: that is its subtitle, 防火再强调 / ——记……).
        head["kicker"] = head.pop("title")
        head["title"] = [head["subtitle"].pop(0)]
        if not head["subtitle"]:
            del head["subtitle"]
    for name in ("kicker", "title", "subtitle", "byline"):
        if name in head:
            setattr(article, name, " ".join(head[name]))
    if article.title and article.column is None:
        tag = COLUMN_TAG_RE.match(fold_width(article.title))
        if tag and not _NOT_A_COLUMN.search(tag["tag"]) and tag["title"][-1] not in ")）":
            # 需要认清…（钟声）: the series tag is the column, the title stays clean.
            article.column = article.title[tag.start("tag") : tag.end("tag")]
            article.title = article.title[: tag.end("title")]
    for name, line in draft.content:
        if name == "subhead":
            article.subheads.append(line.text)
        elif article.byline is None and (
            name == "byline" or line.role is Role.BYLINE and not article.body
        ):
            article.byline = line.text  # 本报记者 X above the text, as the 2019 pages print it
        elif line.role is Role.DATELINE and not article.body and article.dateline is None:
            article.dateline, rest = dateline_of(line.text)
            if rest:
                article.body.append(rest)
        elif line.role is Role.CAPTION and not (
            article.body and _NUMBER_ALONE.fullmatch(fold_width(article.body[-1]).strip())
        ):
            article.captions.append(line.text)
        elif line.role is Role.CREDIT:
            article.credit = f"{article.credit} {line.text}" if article.credit else line.text
        elif (
            line.role is Role.TRAILER and AUTHOR_NOTE_RE.match(line.folded) and article.note is None
        ):
            article.note = line.text
        elif line.role is Role.TRAILER and article.byline is None and _names_someone(line):
            article.byline = line.text.strip("()（） ")
        else:
            article.body.append(line.text)
    # A paragraph that a column break cut between two words is made one here, once, for every
    # reader of the body; the article's lines stay as the labeller grouped them.
    article.body = join_cut_paragraphs(article.body)
    if article.title and _BRIEFS_BOX.match(article.title):
        article.items = _brief_items(draft)
    return article


def _brief_items(draft: Draft) -> list[str]:
    """The briefs of a box, one item each: a brief's heading (its subhead lines in a row), or,
    for a brief printed without one, the first sentence after its dateline."""
    # The summarizer's sentence reader keeps a closing quotation with its sentence (…“好。”).
    from ..summarize.sentences import split_sentences

    items: list[str] = []
    heading: list[str] = []
    after_heading = False  # no text since the last heading: a dateline here is that brief's
    for name, line in draft.content:
        if name == "subhead" and not CLOSING_RE.search(line.folded):  # not 本版制图：X
            heading.append(line.text)
            continue
        if heading:
            items.append(" ".join(heading))
            heading, after_heading = [], True
        if line.role is Role.BYLINE:
            continue
        opens_untitled = line.role is Role.DATELINE and not after_heading
        after_heading = False
        if opens_untitled:
            sentences = split_sentences(dateline_of(line.text)[1], limit=1)
            if sentences:
                first = sentences[0].text
                items.append(clipped(first, ITEM_MAX))
    if heading:
        items.append(" ".join(heading))
    return items
