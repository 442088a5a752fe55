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

from ..records import Article, Furniture, Issue
from ..text import fold_width
from .features import AUTHOR_NOTE_RE, COLUMN_TAG_RE
from .grouping import Draft, group
from .labeller import label_lines
from .lines import Line, Role, dateline_of, page_lines

logger = logging.getLogger(__name__)

DATE_RE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_WEEKDAY_RE = re.compile(r"(?:星期|周)[一二三四五六日天]")
_EDITOR_RE = re.compile(r"(?:本版)?(?:责任编辑|美术编辑|编辑|责编|版式设计)\s*[:：].*$")
# The page number and the section name in what is left of a page header: 11 经济, 第3版 综合新闻.
_PAGE_TOKEN_RE = re.compile(r"^[-—]*(?:第)?(\d{1,3})(?:版)?[-—]*$")
_SECTION_RE = re.compile(r"^[\u4e00-\u9fff·]{2,8}$")
PAPER_RE = re.compile(r"^\s*([\u4e00-\u9fff]{2,10}(?:日报|晚报|早报|时报|商报|报))")
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
        for page_index, page in enumerate(issue.pages, start=1):
            page_no = page_index if many_pages else None
            lines = page_lines(page.lines)
            labels = label_lines(lines, page.lines, model=self.model)
            drafts, furniture = group(lines, labels, usual_gap=_usual_gap(lines))
            printed = None
            for line in furniture:
                _read_metadata(
                    issue, line.text, masthead=line is furniture[0] and len(line.folded) <= 12
                )
                printed = printed or page_header(line.text)
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


def _read_metadata(issue: Issue, text: str, *, masthead: bool = False) -> None:
    """Date and paper name from a page header, when the page prints them; never guessed."""
    folded = fold_width(text)
    date = DATE_RE.search(folded)
    if date and issue.date is None:
        year, month, day = (int(g) for g in date.groups())
        if 1 <= month <= 12 and 1 <= day <= 31:
            issue.date = f"{year:04d}-{month:02d}-{day:02d}"
    paper = PAPER_RE.match(folded)
    if issue.paper is None and (
        paper or masthead and re.fullmatch(r"[\u4e00-\u9fff]{2,12}", folded)
    ):
        issue.paper = paper.group(1) if paper else folded


def page_header(text: str) -> tuple[int, str | None] | None:
    """The page number and section name a page-header line prints, if it prints a number:
    ``2019年10月10日 星期四 11 经济 责任编辑：X`` gives (11, "经济"), ``－5－`` gives (5, None)."""
    folded = fold_width(text)
    paper = PAPER_RE.match(folded)
    if paper:
        folded = folded[paper.end() :]
    rest = _EDITOR_RE.sub("", _WEEKDAY_RE.sub(" ", DATE_RE.sub(" ", folded)))
    tokens = rest.split()
    if not 1 <= len(tokens) <= 4:
        return None
    for index, token in enumerate(tokens):
        number = _PAGE_TOKEN_RE.match(token)
        if number and 0 < int(number[1]) < 1000:
            around = tokens[index + 1 : index + 2] + tokens[max(0, index - 1) : index]
            section = next((t for t in around if _SECTION_RE.match(t)), None)
            return int(number[1]), section
    return None


def _article(draft: Draft, *, article_id: str, page: int | None) -> Article:
    article = Article(id=article_id, page=page)
    numbers = [n for line in draft.lines for n in (line.number, *line.joined)]
    article.lines = [min(numbers), max(numbers)]
    article.column = draft.column
    head: dict[str, list[str]] = {}
    for name, line in draft.head:
        if name != "column":
            head.setdefault(name, []).append(line.text)
    if "title" not in head and "kicker" in head:
        head["title"] = head.pop("kicker")  # a lone heading over a subtitle is the title
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
        elif line.role is Role.CAPTION:
            article.captions.append(line.text)
        elif line.role is Role.CREDIT:
            article.credit = f"{article.credit} {line.text}" if article.credit else line.text
        elif (
            line.role is Role.TRAILER and AUTHOR_NOTE_RE.match(line.folded) and article.note is None
        ):
            article.note = line.text
        elif line.role is Role.TRAILER and article.byline is None:
            article.byline = line.text.strip("()（） ")
        else:
            article.body.append(line.text)
    return article
