"""HTML: one self-contained file for the HTML part of an email and for a browser or a phone.

Mail clients drop ``<style>`` blocks, scripts and external files, so every style is an inline
``style`` attribute, the layout is a single centred column (``max-width``, no tables, no
floats) that narrows on a phone, and the font stack names the CJK system fonts of Windows,
macOS, Android and Linux. Every piece of text from the issue goes through :func:`html.escape`
(quotes included), so an article containing ``<script>`` shows the tag as text.
"""

from __future__ import annotations

import html
import re

from ..records import Briefing, Entry, Section
from . import (
    APPENDIX_HEADING,
    EMPTY_NOTICE,
    COMMENTARY_MARK,
    GENERATED_MARK,
    GENERATED_NOTE,
    KEYWORDS_HEADING,
    also_in_text,
    appendix_tag,
    document_title,
    has_generated,
    header_line,
    provenance_text,
    printable,
    source_text,
)


# Bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) reorder what follows
# them: a crafted title could show another title's words or hide its own. Chinese text needs none.
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def escape(text: str) -> str:
    """HTML-escape ``text`` (quotes too: it also goes into attributes), controls and bidi
    overrides removed."""
    return html.escape(_BIDI_CONTROLS.sub("", printable(text)), quote=True)


FONTS = (
    "-apple-system,BlinkMacSystemFont,'PingFang SC','Hiragino Sans GB','Microsoft YaHei',"
    "'Noto Sans CJK SC','Noto Sans SC','Source Han Sans SC','WenQuanYi Micro Hei',sans-serif"
)
STYLE = {
    "body": "margin:0;padding:0;background:#f3f3f0;",
    "page": (
        f"max-width:680px;margin:0 auto;padding:24px 18px 32px;background:#ffffff;color:#222222;"
        f"font-family:{FONTS};font-size:16px;line-height:1.75;word-wrap:break-word;overflow-wrap:break-word;"
    ),
    "h1": "margin:0 0 6px;font-size:24px;line-height:1.35;font-weight:700;color:#111111;",
    "meta": "margin:0 0 14px;font-size:14px;color:#666666;",
    "keywords": "margin:0 0 8px;padding:10px 12px;background:#f7f5ee;border-left:3px solid #b8860b;font-size:15px;",
    "h2": (
        "margin:26px 0 12px;padding:0 0 4px;font-size:19px;line-height:1.4;font-weight:700;"
        "color:#8b1a1a;border-bottom:1px solid #e2d6d6;"
    ),
    "entry": "margin:0 0 18px;",
    "h3": "margin:0 0 4px;font-size:17px;line-height:1.5;font-weight:700;color:#111111;",
    "mark": "color:#a0522d;font-weight:400;",
    "summary": "margin:0 0 4px;",
    "items": "margin:0 0 4px;padding-left:1.5em;",
    "source": "margin:0;font-size:13px;line-height:1.5;color:#777777;",
    "note": "margin:20px 0 0;font-size:13px;color:#777777;",
    "empty": "margin:20px 0;font-size:16px;color:#444444;",
    "list": "margin:0;padding:0 0 0 18px;font-size:13px;line-height:1.6;color:#555555;",
}


def _unbroken(line: str, *, max_piece: int = 16) -> str:
    """Escape a line of ``·``- or ``、``-separated pieces so that a phone breaks it between pieces, not inside them
    (第73–83 / 行 on two lines reads badly); long pieces may still wrap."""
    out = []
    for i, piece in enumerate(re.split(r"( · |、)", line)):
        if i % 2 or len(piece) > max_piece:  # a separator, or a piece too long to keep whole
            out.append(escape(piece))
        else:
            out.append(f'<span style="white-space:nowrap;">{escape(piece)}</span>')
    return "".join(out)


def _entry(section: Section, entry: Entry, provenance: bool = False) -> str:
    mark = (
        f'<span class="commentary" title="评论文章，非新闻报道" style="{STYLE["mark"]}">{COMMENTARY_MARK}</span>'
        if entry.commentary
        else ""
    ) + (
        f'<span class="generated" title="编者根据正文拟定的标题" style="{STYLE["mark"]}">{GENERATED_MARK}</span>'
        if entry.title_generated
        else ""
    )
    parts = [
        f'<div class="entry" data-article-id="{escape(entry.article_id)}" style="{STYLE["entry"]}">',
        f'<h3 style="{STYLE["h3"]}">{mark}<span class="title">{escape(entry.title)}</span></h3>',
    ]
    if entry.summary:
        parts.append(f'<p class="summary" style="{STYLE["summary"]}">{escape(entry.summary)}</p>')
    if entry.items:
        listed = "".join(f"<li>{escape(item)}</li>" for item in entry.items)
        parts.append(f'<ul class="items" style="{STYLE["items"]}">{listed}</ul>')
    parts.append(
        f'<p class="source" style="{STYLE["source"]}">{_unbroken(source_text(section, entry))}</p>'
    )
    if entry.also_in:
        parts.append(
            f'<p class="also-in" style="{STYLE["source"]}">{escape(also_in_text(entry))}</p>'
        )
    if provenance and provenance_text(entry):
        parts.append(
            f'<p class="provenance" style="{STYLE["source"]}">{escape(provenance_text(entry))}</p>'
        )
    parts.append("</div>")
    return "\n".join(parts)


def render_html(briefing: Briefing, *, provenance: bool = False) -> str:
    """The briefing as one HTML document with inline styles; ``provenance`` adds how each entry was made."""
    title = escape(document_title(briefing))
    out = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{title}</title>",
        "</head>",
        f'<body style="{STYLE["body"]}">',
        f'<div class="briefing" style="{STYLE["page"]}">',
        f'<h1 style="{STYLE["h1"]}">{title}</h1>',
        f'<p class="meta" style="{STYLE["meta"]}">{_unbroken(header_line(briefing))}</p>',
    ]
    if briefing.keywords:
        words = "、".join(escape(k) for k in briefing.keywords)
        out.append(
            f'<p class="keywords" style="{STYLE["keywords"]}"><strong>{KEYWORDS_HEADING}</strong>：{words}</p>'
        )
    if not briefing.sections:
        out.append(f'<p class="empty" style="{STYLE["empty"]}">{EMPTY_NOTICE}</p>')
    for section in briefing.sections:
        out.append(
            f'<h2 class="section" data-kind="{escape(section.kind)}" style="{STYLE["h2"]}">{escape(section.title)}</h2>'
        )
        out.extend(_entry(section, entry, provenance) for entry in section.entries)
    if has_generated(briefing):
        out.append(f'<p class="note" style="{STYLE["note"]}">{GENERATED_NOTE}</p>')
    if briefing.appendix:
        out.append(f'<h2 class="appendix" style="{STYLE["h2"]}">{APPENDIX_HEADING}</h2>')
        out.append(f'<ul style="{STYLE["list"]}">')
        for item in briefing.appendix:
            label = escape(appendix_tag(item))
            out.append(f"<li>〔{label}〕{escape(item.text)}</li>")
        out.append("</ul>")
    out += ["</div>", "</body>", "</html>"]
    return "\n".join(out) + "\n"
