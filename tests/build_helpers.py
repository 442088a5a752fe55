"""Parsers that read each rendered format back into (section, entry) pairs, for the build tests."""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser

from briefing.render import marked_title
from briefing.render.docx import ENTRY_STYLE


def expected_placement(briefing) -> list[tuple[str, str, str]]:
    """(section title, article id, marked title) of every entry, in reading order."""
    return [(s.title, e.article_id, marked_title(e)) for s in briefing.sections for e in s.entries]


class BriefingHTML(HTMLParser):
    """Collects sections, entries (by data-article-id), all start tags and all text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.placement: list[tuple[str, str]] = []
        self.text: list[str] = []
        self.section: str | None = None
        self._in_h2 = False
        self._h2: list[str] = []
        self.lang: str | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag == "html":
            self.lang = attributes.get("lang")
        if tag == "h2":
            self._in_h2, self._h2 = True, []
        if tag == "div" and "data-article-id" in attributes:
            self.placement.append((self.section, attributes["data-article-id"]))

    def handle_endtag(self, tag):
        if tag == "h2" and self._in_h2:
            self._in_h2 = False
            self.section = "".join(self._h2)

    def handle_data(self, data):
        self.text.append(data)
        if self._in_h2:
            self._h2.append(data)


def parse_html(document: str) -> BriefingHTML:
    parser = BriefingHTML()
    parser.feed(document)
    parser.close()
    return parser


def parse_markdown(document: str) -> list[tuple[str, str]]:
    """(section, title as written) for every `### ` entry under its `## ` section."""
    placement, section = [], None
    for line in document.splitlines():
        if line.startswith("## "):
            section = line[3:]
        elif line.startswith("### "):
            placement.append((section, re.sub(r"\\(.)", r"\1", line[4:])))
    return placement


def parse_text(document: str) -> list[tuple[str, str]]:
    placement, section = [], None
    for line in document.splitlines():
        match = re.fullmatch(r"【(.+)】", line)
        if match:
            section = match.group(1)
            continue
        match = re.match(r"\d+\. (.*)", line)
        if match and section:
            placement.append((section, match.group(1)))
    return placement


def parse_docx(data: bytes):
    """(section, title line) of every entry paragraph, and the document itself."""
    import docx

    document = docx.Document(io.BytesIO(data))
    placement, section = [], None
    for paragraph in document.paragraphs:
        style = paragraph.style.name
        if style == "Heading 2":
            section = paragraph.text
        elif style == ENTRY_STYLE:
            placement.append((section, paragraph.text.split("\n")[0]))
    return placement, document
