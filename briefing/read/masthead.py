"""The masthead: the date and paper name that a page header prints, read into the issue when the
caller gave none. Never guessed: a page that prints neither leaves them unknown.

A text page's header lines are known once the splitter has found the page's furniture (the line
labeller tells a header from a headline), so :func:`read_masthead` reads them from
``issue.furniture`` after splitting; :func:`printed_date` is the date rule for every kind of page.
"""

from __future__ import annotations

import re

from ..records import Issue
from ..text import fold_width

DATE_RE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
PAPER_RE = re.compile(r"^\s*([\u4e00-\u9fff]{2,10}(?:日报|晚报|早报|时报|商报|报))")
_WEEKDAY_RE = re.compile(r"(?:星期|周)[一二三四五六日天]")
_EDITOR_RE = re.compile(r"(?:本版)?(?:责任编辑|美术编辑|编辑|责编|版式设计)\s*[:：].*$")
# The page number and the section name in what is left of a page header: 11 经济, 第3版 综合新闻.
_PAGE_TOKEN_RE = re.compile(r"^[-—]*(?:第)?(\d{1,3})(?:版)?[-—]*$")
_SECTION_RE = re.compile(r"^[\u4e00-\u9fff·]{2,8}$")
# A first header line this short and all Han characters is the paper's name (人民日报 alone).
MASTHEAD_NAME = re.compile(r"[\u4e00-\u9fff]{2,12}")


def printed_date(text: str) -> str | None:
    """The ISO date (YYYY-MM-DD) a line prints (２０１９年２月１日 too), or None."""
    match = DATE_RE.search(fold_width(text))
    if not match:
        return None
    year, month, day = (int(g) for g in match.groups())
    return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else None


def read_masthead(issue: Issue) -> None:
    """Fill ``issue.date`` and ``issue.paper``, where not given, from the header lines the
    splitter put in ``issue.furniture`` (kind ``furniture``), in page and line order: the first
    date printed, and the first paper name (…日报, …晚报, or a short first header line)."""
    seen_pages: set[int | None] = set()
    for item in issue.furniture:
        if item.kind != "furniture":
            continue
        first_of_page = item.page not in seen_pages
        seen_pages.add(item.page)
        folded = fold_width(item.text)
        if issue.date is None:
            issue.date = printed_date(folded)
        paper = PAPER_RE.match(folded)
        if issue.paper is None and (
            paper or first_of_page and len(folded) <= 12 and MASTHEAD_NAME.fullmatch(folded)
        ):
            issue.paper = paper.group(1) if paper else folded


def page_header(text: str) -> tuple[int, str | None] | None:
    """The page number and section name a page-header line prints, if it prints a number:
    ``2021年6月17日 星期四 11 财经 责任编辑：X`` gives (11, "财经"), ``－5－`` gives (5, None)."""
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
