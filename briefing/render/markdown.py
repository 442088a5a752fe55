"""Markdown: for reading and for pasting into chat tools, wikis and mail editors.

Every piece of article text is escaped for Markdown (a backslash before the characters that
make markup, HTML tags included), so an article that contains ``*``, ``[..](..)`` or
``<script>`` comes out as the text it is when the Markdown is turned into HTML.
"""

from __future__ import annotations

import re

from ..records import Briefing
from . import (
    APPENDIX_HEADING,
    EMPTY_NOTICE,
    GENERATED_NOTE,
    KEYWORDS_HEADING,
    also_in_text,
    appendix_tag,
    document_title,
    has_generated,
    header_line,
    provenance_text,
    source_text,
    title_marks,
)

# Enough to keep text text: no emphasis, code, links ([ ]), HTML (< >), entities (&), tables.
_INLINE = re.compile(r"([\\`*_\[\]<>#|~&])")
# What CommonMark reads as block markup at the start of a line: a bullet (- or + and a space),
# an ordered-list marker (1-9 digits, then . or ) and a space: "3.15" and "1.2万" are text), a
# thematic break or setext underline (--- / ===). Only these get a backslash, and a backslash
# only before punctuation, where CommonMark removes it (before a digit it would show).
_BULLET = re.compile(r"^(?:[-+](?=\s|$)|-{2,}\s*$|=+\s*$)")
_ORDERED = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")


def escape_md(text: str) -> str:
    """``text`` on one line, with Markdown's special characters backslash-escaped."""
    text = " ".join(text.split())
    text = _INLINE.sub(r"\\\1", text)
    text = _BULLET.sub(lambda m: "\\" + m.group(0), text)
    return _ORDERED.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def render_markdown(briefing: Briefing, *, provenance: bool = False) -> str:
    """The briefing as Markdown (CommonMark); ``provenance`` adds how each entry was made."""
    out = [f"# {escape_md(document_title(briefing))}", "", escape_md(header_line(briefing)), ""]
    if briefing.keywords:
        out += [
            f"**{KEYWORDS_HEADING}**：" + "、".join(escape_md(k) for k in briefing.keywords),
            "",
        ]
    if not briefing.sections:
        out += [EMPTY_NOTICE, ""]
    for section in briefing.sections:
        out += [f"## {escape_md(section.title)}", ""]
        for entry in section.entries:
            mark = title_marks(entry)
            out += [f"### {mark}{escape_md(entry.title)}", ""]
            if entry.summary:
                out += [escape_md(entry.summary), ""]
            if entry.items:
                out += [*(f"- {escape_md(item)}" for item in entry.items), ""]
            out += [f"—— {escape_md(source_text(section, entry))}", ""]
            if provenance and provenance_text(entry):
                out += [f"*{escape_md(provenance_text(entry))}*", ""]
            if entry.also_in:
                out += [escape_md(also_in_text(entry)), ""]
    if has_generated(briefing):
        out += [f"*{GENERATED_NOTE}*", ""]
    if briefing.appendix:
        out += [f"## {APPENDIX_HEADING}", ""]
        for item in briefing.appendix:
            out.append(f"- 〔{appendix_tag(item)}〕{escape_md(item.text)}")
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
