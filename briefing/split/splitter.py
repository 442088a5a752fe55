"""The default splitter: tag lines, set furniture aside, rejoin cut paragraphs, group, fill fields."""

from __future__ import annotations

import logging
import re
from collections import Counter

from ..records import Article, Furniture, Issue
from ..text import fold_width
from .grouping import Draft, group
from .lines import Line, Role, dateline_of, page_lines, tag
from .rejoin import rejoin

logger = logging.getLogger(__name__)

DATE_RE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
PAPER_RE = re.compile(r"^\s*([\u4e00-\u9fff]{2,10}(?:日报|晚报|早报|时报|商报|报))")


class RuleSplitter:
    """Rule-based splitter for text extracted from printed pages; see :mod:`briefing.split`."""

    def split(self, issue: Issue) -> list[Article]:
        articles: list[Article] = []
        many_pages = len(issue.pages) > 1
        for page_index, page in enumerate(issue.pages, start=1):
            page_no = page_index if many_pages else None
            lines = page_lines(page.lines)
            for line in lines:
                line.role = tag(line)
            _mark_masthead(lines)
            furniture = [line for line in lines if line.role is Role.FURNITURE]
            content = [line for line in lines if line.role is not Role.FURNITURE]
            usual_gap = _usual_gap(content)
            drafts, strays = group(rejoin(content, usual_gap=usual_gap), usual_gap=usual_gap)
            for line in furniture:
                issue.furniture.append(Furniture(line=line.number, text=line.text, kind="furniture", page=page_no))
                _read_metadata(issue, line.text, masthead=line is furniture[0] and len(line.folded) <= 12)
            for line in strays:
                for number in [line.number, *line.joined]:
                    text = page.lines[number - 1].strip()
                    issue.furniture.append(Furniture(line=number, text=text, kind="fragment", page=page_no))
            for draft in drafts:
                articles.append(_article(draft, article_id=f"a{len(articles) + 1}", page=page_no))
        issue.furniture.sort(key=lambda f: (f.page or 0, f.line))
        return articles


def _mark_masthead(lines: list[Line]) -> None:
    """A short line right above the page header, before the first paragraph, is the masthead (青川新闻)."""
    printed = [line.role for line in lines]
    for index, line in enumerate(lines):
        if line.role in (Role.BODY, Role.DATELINE):
            return
        below = index + 1 < len(lines) and printed[index + 1] is Role.FURNITURE and lines[index + 1].gap <= 1
        if line.role is Role.HEADING and len(line.folded) <= 12 and below:
            line.role = Role.FURNITURE


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
    if issue.paper is None and (paper or masthead and re.fullmatch(r"[\u4e00-\u9fff]{2,12}", folded)):
        issue.paper = paper.group(1) if paper else folded


def _article(draft: Draft, *, article_id: str, page: int | None) -> Article:
    article = Article(id=article_id, page=page)
    numbers = [n for line in draft.lines for n in (line.number, *line.joined)]
    article.lines = [min(numbers), max(numbers)]
    article.column = draft.column
    headings: list[str] = []
    for line in draft.head:
        if line.role is Role.SUBTITLE:
            article.subtitle = f"{article.subtitle} {line.text}" if article.subtitle else line.text
        elif line.role is Role.BYLINE:
            article.byline = f"{article.byline} {line.text}" if article.byline else line.text
        elif not headings and line.text == draft.column:
            continue  # the column heading itself
        else:
            headings.append(line.text)
    if len(headings) == 1:
        article.title = headings[0]
    elif len(headings) >= 2:
        article.kicker, article.title = headings[0], headings[1]
        if len(headings) > 2:
            rest = " ".join(headings[2:])
            article.subtitle = f"{rest} {article.subtitle}" if article.subtitle else rest
    for line in draft.content:
        if line.role is Role.DATELINE and not article.body and article.dateline is None:
            article.dateline, rest = dateline_of(line.text)
            if rest:
                article.body.append(rest)
        elif line.role is Role.SUBHEAD:
            article.subheads.append(line.text)
        elif line.role is Role.CAPTION:
            article.captions.append(line.text)
        elif line.role is Role.CREDIT:
            article.credit = f"{article.credit} {line.text}" if article.credit else line.text
        elif line.role is Role.TRAILER and article.byline is None:
            article.byline = line.text.strip("()（） ")
        else:
            article.body.append(line.text)
    return article
