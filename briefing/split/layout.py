"""The ``layout`` splitter: the articles of pages read from their layout (page PDFs, scanned
pages, saved e-paper HTML).

The reading layer (:mod:`briefing.read.layout`) finds each page's article blocks from font
sizes, rules, boxes and columns (or from an HTML page's headings); this splitter takes them in
page and reading order and numbers them, as the ``rules`` splitter numbers the articles it finds
in text lines. It reads only pages of kind ``layout``.
"""

from __future__ import annotations

import dataclasses

from ..records import Article, Issue


class LayoutSplitter:
    """Articles from the blocks of an issue's layout pages."""

    page_kinds = ("layout",)

    def split(self, issue: Issue) -> list[Article]:
        articles: list[Article] = []
        for page in issue.pages:
            for block in page.blocks:
                articles.append(dataclasses.replace(block, id=f"a{len(articles) + 1}"))
        return articles
