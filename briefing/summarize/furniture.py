"""Page furniture the splitter leaves in an article, read as what it is, without changing it.

The splitter's records stay as it made them (its output is fixed by its own tests), and so do
the records an importer passes in; the stages after the split read three conventions of
newspaper pages through :func:`read_furniture`, which gives the article as read:

- a box label printed where a title stands (图片报道, 图片新闻 above a photo and its caption:
  :data:`~briefing.conventions.PHOTO_BOX_LABELS`) is no headline: the article as read is
  untitled, the label its column, and its title is made from the caption like any untitled
  article's (the label shown where the caption gives none);
- a brief printed as one paragraph with its signature on the next line can reach the splitter
  as a heading with no body (本报讯……。 then （周海）): the heading is the brief's text;
- a body line that only credits the page or its pictures (版式设计：周海, 本版制图：陈岩,
  周海摄), read as the text splitter reads such lines, is no text to summarize.
"""

from __future__ import annotations

import dataclasses
import re
from typing import NamedTuple

from ..conventions import PHOTO_BOX_LABELS
from ..records import Article
from ..split.features import CLOSING_RE
from ..split.lines import FURNITURE_RE, is_credit, is_furniture
from ..text import fold_width
from .sentences import ENDS, split_dateline

# A headline is one line of at most a few dozen characters and does not end on a stop; a
# heading that does, and is longer than any headline or opens on a dateline, is a brief.
_BRIEF_MIN_CHARS = 30
_CLOSERS = "”’」』）)"
# The longest credit line the splitter reads as one (lines.tag): a longer line is text.
_CREDIT_MAX_CHARS = 40
# After a credit's label (版式设计：, 本版制图：) and an opening of at most this many characters
# before it (本版): names and nothing else.
_LABEL_OPENING = 2
# Names, or an outlet's or a photo agency's: short runs without a comma or a stop, set apart by
# spaces, 、 or ／ (周海、陈岩; 陈 岩 as old papers print a two-character name).
_NAMES = re.compile(r"(?:[\u4e00-\u9fff·A-Za-z]{1,6}(?:[\s、/／]+[\u4e00-\u9fff·A-Za-z]{1,6})*)?")
_SPACES = re.compile(r"[\s\u3000\xa0]+")


class Reading(NamedTuple):
    """An article as read: ``article`` is a copy with its furniture read (the original where
    there is none), ``label`` the box label printed where its title stands, or None."""

    article: Article
    label: str | None


def box_label(text: str | None) -> str | None:
    """The box label ``text`` is (图片报道, however spaced), or None for anything else."""
    label = _SPACES.sub("", text or "")
    return label if label in PHOTO_BOX_LABELS else None


def is_credit_line(line: str) -> bool:
    """Whether a body line only credits the page (版式设计：周海, 责任编辑：陈岩) or its pictures
    (本报记者 周海摄), as the text splitter reads such lines; a label with a sentence after it
    (设计：新桥全长八百米，……) is text."""
    text = fold_width(line).strip().rstrip("。.")
    if not text:
        return True
    if len(text) > _CREDIT_MAX_CHARS:
        return False
    if is_credit(text):
        return True
    label = FURNITURE_RE.search(text) if is_furniture(text) else CLOSING_RE.search(text)
    return (
        label is not None
        and label.start() <= _LABEL_OPENING
        and _NAMES.fullmatch(text[label.end() :].strip(" :：")) is not None
    )


def has_text(article: Article) -> bool:
    """Whether ``article``'s body has text to summarize: a line that is no credit."""
    return any(not is_credit_line(line) for line in article.body)


def is_brief_in_title(article: Article) -> bool:
    """Whether ``article``'s heading is a whole brief and its body is empty."""
    title = (article.title or "").strip()
    if not title or has_text(article):
        return False
    ends_on_stop = title.rstrip(_CLOSERS)[-1:] in ENDS
    return ends_on_stop and (len(title) >= _BRIEF_MIN_CHARS or split_dateline(title)[0] is not None)


def read_furniture(article: Article) -> Reading:
    """``article`` as read (see the module's docstring); ``article`` itself is not changed."""
    if is_brief_in_title(article):
        body = [article.title or "", *article.body]
        return Reading(dataclasses.replace(article, title=None, body=body), None)
    label = box_label(article.title)
    if label and has_text(article):
        read = dataclasses.replace(article, title=None, column=article.column or label)
        return Reading(read, label)
    return Reading(article, None)


def is_listed(article: Article) -> bool:
    """Whether ``article`` is an entry of the briefing: its text as read (:func:`read_furniture`),
    a summary an importer or a summarizer gave it, or captions; else it goes to the appendix."""
    summary = article.summary.text if article.summary else ""
    return (
        bool(summary)
        or any(c.strip() for c in article.captions)
        or has_text(read_furniture(article).article)
    )
