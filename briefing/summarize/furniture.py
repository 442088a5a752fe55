"""Page furniture the splitter leaves in an article, read as what it is before summarizing.

The splitter's records stay as it made them (its output is fixed by its own tests); the stages
after it read three conventions of newspaper pages here, once:

- a box label printed where a title stands (图片报道, 图片新闻 above a photo and its caption) is
  no headline: the article is untitled, the label its column, and its title is made from the
  caption like any untitled article's;
- a brief printed as one paragraph with its signature on the next line can reach the splitter
  as a heading with no body (本报讯……。 then （周海）): the heading is the brief's text;
- a body line that only credits the page's design or pictures (版式设计：周海, 本版制图：陈岩,
  周海摄) is no text to summarize: an article with nothing else has no summary to give.
"""

from __future__ import annotations

import re

from ..conventions import CREDIT_MARK
from ..records import Article
from .sentences import ENDS, split_dateline

# Labels a paper prints over a photo or a box of them, where a headline would stand.
BOX_LABELS = frozenset(
    "图片报道 图片新闻 新闻图片 摄影报道 图片故事 图说 图说新闻 新闻图说".split()
)
# A headline is one line of at most a few dozen characters and does not end on a stop; a
# heading that does, and is longer than any headline or opens on a dateline, is a brief.
_BRIEF_MIN_CHARS = 30
_CLOSERS = "”’」』）)"
# 版式设计：周海 / 本版制图：陈岩 / 图片来源：东港日报 / 责任编辑：林青: who made the page.
_PAGE_CREDIT = re.compile(
    r"^(?:本版)?(?:版式设计|版面设计|美术设计|设计|制图|绘图|图片来源|图片提供|图片说明|摄影|"
    r"责任编辑|责编|美编|编辑|校对)[\s　]*[：:]"
)
# 本报记者 周海摄 / 陈岩摄（东港视觉） / 图片均由东港博物馆提供: a picture's credit alone on a line.
_PICTURE_CREDIT = re.compile(
    rf"^.{{0,24}}?{CREDIT_MARK}(?:[（(][^（）()]{{1,10}}[）)])?$|^图片(?:均)?由.{{1,20}}提供$"
)
_SPACES = re.compile(r"[\s\u3000\xa0]+")


def is_box_label(title: str | None) -> bool:
    """Whether ``title`` is a box label (图片报道) rather than a headline."""
    return bool(title) and _SPACES.sub("", title or "") in BOX_LABELS


def is_credit_line(line: str) -> bool:
    """Whether a body line only credits the page's design or its pictures."""
    text = _SPACES.sub("", line).rstrip("。")
    return not text or bool(_PAGE_CREDIT.match(text) or _PICTURE_CREDIT.match(text))


def has_text(article: Article) -> bool:
    """Whether ``article`` has text to summarize: a body line that is no credit."""
    return any(not is_credit_line(line) for line in article.body)


def is_brief_in_title(article: Article) -> bool:
    """Whether ``article``'s heading is a whole brief and its body is empty."""
    title = (article.title or "").strip()
    if not title or has_text(article):
        return False
    ends_on_stop = title.rstrip(_CLOSERS)[-1:] in ENDS
    return ends_on_stop and (len(title) >= _BRIEF_MIN_CHARS or split_dateline(title)[0] is not None)


def read_furniture(article: Article) -> str | None:
    """Read a box label or a brief in ``article``'s title as what it is (in place); the box
    label taken off, if one was (:func:`restore_label` puts it back)."""
    if is_brief_in_title(article):
        article.body = [article.title or "", *article.body]
        article.title = None
    elif is_box_label(article.title) and has_text(article):
        label = _SPACES.sub("", article.title or "")
        article.column = article.column or label
        article.title = None
        return label
    return None


def restore_label(article: Article, label: str) -> None:
    """Put back the box label :func:`read_furniture` took off, where its caption gave no title:
    the printed label is a truer heading than none."""
    article.title = label
    if article.column == label:
        article.column = None
