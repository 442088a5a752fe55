"""Commentary: recognising an opinion piece, and saying who argues in its summary.

A paper prints its commentary under a column tag (（钟声）, （人民时评）, （评论员观察） at the end of
the title, or as the kicker or column) or with a commentator's byline (本报评论员). Its summary
opens with who argues (钟声文章指出，…; 本报评论员文章认为，…) so that an argument is never
forwarded as if it were reported fact.
"""

from __future__ import annotations

import re

from ..records import Article

from .sentences import DECK_MARKS

# Column tags and forms of commentary: 评论员文章/评论员观察, 人民时评, 人民论坛, 国际论坛, 钟声, 来论,
# 短评, 社论, 今日谈, 锐评.
# A tag is the column's name, whole (世界经济论坛 names a forum, not a column).
_COLUMN = re.compile(
    r"^(?:本报)?(?:特约)?评论员(?:文章|观察)?|^(?:人民|国际)论坛|^钟\s*声$|^来论$|^社论$|^今日谈$|^锐评$"
    r"|^[\u4e00-\u9fff]{0,4}(?:时评|短评|述评|评论)$"
)
_TITLE_TAG = re.compile(r"[（(]([^（）()]{2,40})[）)]\s*$")
# 本报评论员 / 本报特约评论员 / 钟 声 as a byline line of its own, at the start or end of the body.
_BYLINE = re.compile(r"^(?:本报|新华社)?(?:特约)?评论员(?:\s*[\u4e00-\u9fff]{2,4})?$|^钟\s*声$")


def _tags(article: Article) -> list[str]:
    tags = [t.strip() for t in (article.column, article.kicker) if t and t.strip()]
    for heading in (article.title, article.subtitle):
        match = _TITLE_TAG.search(heading or "")
        if match:
            tags.append(match.group(1).strip())
    return tags


def commentary_voice(article: Article) -> str | None:
    """Who argues, when ``article`` is commentary (钟声, 本报评论员, 人民时评); None for news."""
    for tag in _tags(article):
        name = re.split(r"[·・]", tag)[0].strip()
        if _COLUMN.search(name):
            name = re.sub(r"\s+", "", name)
            return "本报评论员" if "评论员" in name else name
    lines = [
        line.strip()
        for line in (
            article.body[:1] + article.body[-1:] + ([article.byline] if article.byline else [])
        )
    ]
    for line in lines:
        if _BYLINE.match(line):
            return "本报评论员" if "评论员" in line else re.sub(r"\s+", "", line)
    return None


def is_commentary(article: Article) -> bool:
    return commentary_voice(article) is not None


def attribution(voice: str) -> str:
    """The opening of a commentary's summary: 钟声文章指出， / 本报评论员文章认为，"""
    verb = "指出" if voice in ("钟声", "社论") else "认为"
    noun = "" if voice.endswith(("文章", "社论")) else "文章"
    return f"{voice}{noun}{verb}，"


def voice_opening(article: Article) -> str:
    """How the article's summary opens: who argues for commentary (钟声文章指出，), "" for news."""
    voice = commentary_voice(article)
    return attribution(voice) if voice else ""


def voiced(opening: str, text: str) -> str:
    """``text`` after the commentary's ``opening`` (nothing when there is no text)."""
    return opening + text.lstrip(DECK_MARKS + " 　") if text else ""  # no deck mark after it
