"""Plain text: the text part of an email, and what a terminal shows.

No markup at all; headings are underlined, entries numbered within their section, the source
line indented below the summary. Lines are not wrapped: mail clients and terminals wrap Chinese
text themselves, and a hard break in the middle of a sentence reads badly.
"""

from __future__ import annotations

from ..records import Briefing
from . import (
    APPENDIX_HEADING,
    EMPTY_NOTICE,
    GENERATED_NOTE,
    ITEM_MARK,
    KEYWORDS_HEADING,
    also_in_text,
    appendix_tag,
    document_title,
    has_generated,
    header_line,
    marked_title,
    source_text,
)


def _underline(text: str, char: str) -> str:
    # CJK characters take two columns in a terminal.
    width = sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)
    return char * width


def _one_line(text: str) -> str:
    return " ".join(text.split())


def render_text(briefing: Briefing) -> str:
    """The briefing as plain text."""
    title = document_title(briefing)
    out = [title, _underline(title, "="), header_line(briefing), ""]
    if briefing.keywords:
        out += [f"{KEYWORDS_HEADING}：" + "、".join(briefing.keywords), ""]
    if not briefing.sections:
        out += [EMPTY_NOTICE, ""]
    for section in briefing.sections:
        out += [f"【{section.title}】", ""]
        for number, entry in enumerate(section.entries, start=1):
            out.append(f"{number}. {_one_line(marked_title(entry))}")
            if entry.summary:
                out.append(f"   {_one_line(entry.summary)}")
            out += [f"   {ITEM_MARK} {_one_line(item)}" for item in entry.items]
            out.append(f"   —— {_one_line(source_text(section, entry))}")
            if entry.also_in:
                out.append(f"   {_one_line(also_in_text(entry))}")
            out.append("")
    if has_generated(briefing):
        out += [GENERATED_NOTE, ""]
    if briefing.appendix:
        out += [APPENDIX_HEADING, _underline(APPENDIX_HEADING, "-")]
        for item in briefing.appendix:
            out.append(f"〔{appendix_tag(item)}〕{_one_line(item.text)}")
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
