"""Saved e-paper HTML pages (one article a page) read into the same articles as PDF pages.

The common e-paper template prints 引题 / 主题 / 副题 / author / paragraphs as
``<h3>`` / ``<h1>`` / ``<h2>`` / ``<h4>`` / ``<p>``; that is read with the standard library.
Other templates fall back to trafilatura's main-text extraction (the optional ``[html]`` extra).
"""

from __future__ import annotations

import importlib.util
import logging
import re
from html.parser import HTMLParser
from pathlib import Path

from ...errors import InputError
from ...records import Article, Furniture, Issue, Page
from ..text import read_input_bytes, decode

logger = logging.getLogger(__name__)

_SKIP = {
    "script",
    "style",
    "nav",
    "header",
    "footer",
    "noscript",
    "select",
    "option",
    "button",
    "form",
}
_BLOCKS = {"h1", "h2", "h3", "h4", "p"}
_SPACE_RE = re.compile(r"[\s\u3000\xa0]+")
_CJK = r"\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"
_CJK_GAP_RE = re.compile(rf"(?<=[{_CJK}]) (?=[{_CJK}])")


def _clean(text: str, *, keep_gaps: bool = False) -> str:
    """Collapse whitespace; between Chinese characters no space survives except in headlines."""
    text = _SPACE_RE.sub(" ", text).strip()
    return text if keep_gaps else _CJK_GAP_RE.sub("", text)


class _Blocks(HTMLParser):
    """(tag, text) for each heading and paragraph outside scripts and page chrome."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, str]] = []
        self.title = ""
        self._skip = 0
        self._tag: str | None = None
        self._text: list[str] = []
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP:
            self._skip += 1
        elif tag == "title":
            self._in_title = True
        elif tag in _BLOCKS and not self._skip:
            self._flush()
            self._tag = tag
        elif tag == "br" and self._tag:
            self._text.append("\n")

    def handle_endtag(self, tag):
        if tag in _SKIP and self._skip:
            self._skip -= 1
        elif tag == "title":
            self._in_title = False
        elif tag == self._tag:
            self._flush()

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        elif self._tag and not self._skip:
            self._text.append(data)

    def _flush(self) -> None:
        if self._tag:
            for part in "".join(self._text).split("\n"):
                if part.strip():
                    self.blocks.append((self._tag, part))
        self._tag, self._text = None, []


def _from_template(blocks: list[tuple[str, str]]) -> Article | None:
    """The 引题/主题/副题/作者/正文 template: h3 before the h1, h2 and h4 after it, then <p>s."""
    heads = [i for i, (tag, _) in enumerate(blocks) if tag == "h1"]
    if not heads:
        return None
    start = heads[0]
    article = Article(id="a1", title=_clean(blocks[start][1], keep_gaps=True))
    if start > 0 and blocks[start - 1][0] == "h3":
        article.kicker = _clean(blocks[start - 1][1], keep_gaps=True)
    for tag, text in blocks[start + 1 :]:
        if tag == "h2" and article.subtitle is None and not article.body:
            article.subtitle = _clean(text, keep_gaps=True)
        elif tag == "h4" and article.byline is None and not article.body:
            article.byline = _clean(text, keep_gaps=True)
        elif tag == "p":
            para = _clean(text)
            if para:
                article.body.append(para)
        elif tag == "h1":
            break  # a second article's title: this template holds one
    if article.body and re.match(r"^[（(](本文)?作者.{2,80}[）)]$", article.body[-1]):
        article.note = article.body.pop()
    return article if article.body else None


def _from_trafilatura(markup: str, source: str) -> Article | None:
    try:
        import trafilatura
    except ImportError:
        return None
    doc = trafilatura.bare_extraction(
        markup, include_comments=False, include_tables=False, with_metadata=True
    )
    if doc is None:
        return None
    text = getattr(doc, "text", None) if not isinstance(doc, dict) else doc.get("text")
    title = getattr(doc, "title", None) if not isinstance(doc, dict) else doc.get("title")
    body = [_clean(p) for p in (text or "").split("\n") if _clean(p)]
    if sum(len(p) for p in body) < 40:  # a menu or a copyright line is not an article
        return None
    logger.info("%s: read with the generic main-text extractor", source)
    return Article(id="a1", title=_clean(title, keep_gaps=True) if title else None, body=body)


def read_html_article(path: Path) -> Article:
    """The one article of a saved e-paper HTML page."""
    markup = decode(read_input_bytes(path), source=str(path))
    parser = _Blocks()
    try:
        parser.feed(markup)
        parser.close()
    except (
        Exception
    ) as exc:  # the standard parser is lenient; anything left is not HTML we can read
        raise InputError(f"{path}: cannot parse as HTML ({exc})") from exc
    article = _from_template(parser.blocks) or _from_trafilatura(markup, str(path))
    if article is None:
        hint = (
            ""
            if _has_trafilatura()
            else " (the generic reader needs: pip install 'briefing[html]')"
        )
        raise InputError(f"{path}: no article found in this HTML page{hint}")
    return article


def _has_trafilatura() -> bool:
    return importlib.util.find_spec("trafilatura") is not None


def read_html_issue(
    paths: list[Path], *, source: str, paper: str | None = None, date: str | None = None
) -> tuple[Issue, list[Article]]:
    """Each HTML file is one page holding one article; a file with none is an error when it
    is the only one, a skipped page otherwise."""
    issue = Issue(source=source, paper=paper, date=date, metadata={"input": "html"})
    articles: list[Article] = []
    for index, path in enumerate(paths, start=1):
        try:
            article = read_html_article(path)
        except InputError as exc:
            if len(paths) == 1:
                raise
            logger.warning("skipped page %s: %s", path, exc)
            issue.pages.append(Page(source=str(path)))
            issue.furniture.append(
                Furniture(line=0, text=str(exc), kind="skipped-page", page=index)
            )
            continue
        article.id, article.page = f"a{len(articles) + 1}", index
        articles.append(article)
        head = [p for p in (article.kicker, article.title, article.subtitle, article.byline) if p]
        issue.pages.append(Page(source=str(path), lines=head + article.body))
    if not articles:
        raise InputError(f"{source}: no article found in any of the HTML pages")
    return issue, articles
