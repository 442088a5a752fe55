"""Renderers: functions of a :class:`~briefing.records.Briefing` that return a document.

Built-in formats (``md``, ``html``, ``txt``, ``json``, ``docx``) are in the ``renderers``
registry, which plugins extend through the ``briefing.renderers`` entry point group. A renderer
returns ``str`` for a text format; one that returns ``bytes`` (Word) sets ``binary = True`` on
the function so callers know before building that it needs an output file.

The wording shared by every format (headings, the mark of a generated title, the header line)
lives here, so all formats say the same thing.
"""

from __future__ import annotations

import datetime
import re
from typing import Any, Callable

from ..records import AppendixItem, Briefing, Entry, Section
from ..provenance import method_name

GENERATED_MARK = "〔拟〕"
COMMENTARY_MARK = "〔评论〕"
GENERATED_NOTE = "标〔拟〕的标题为编者根据正文拟定，原文无标题或标题不完整。"
KEYWORDS_HEADING = "今日关键词"
APPENDIX_HEADING = "附：未编入条目的版面内容"
EMPTY_NOTICE = "本期没有可编入简报的文章。"
APPENDIX_KINDS = {"furniture": "版面", "fragment": "残段", "empty": "空条目", "graphic": "图表"}
_WEEKDAYS = "一二三四五六日"
# C0 controls other than tab and newline (a form feed between pages, say) are invalid in XML
# and show as junk in HTML.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def printable(text: str) -> str:
    """``text`` without control characters that XML forbids; a removed one becomes a space."""
    return _CONTROLS.sub(" ", text)


def format_date(iso: str | None) -> str | None:
    """``2024-03-12`` -> ``2024年3月12日 星期二`` (the weekday follows from the date)."""
    if not iso:
        return None
    try:
        day = datetime.date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{day.year}年{day.month}月{day.day}日 星期{_WEEKDAYS[day.weekday()]}"


def document_title(briefing: Briefing) -> str:
    return f"{briefing.paper} 每日简报" if briefing.paper else "每日简报"


def header_line(briefing: Briefing) -> str:
    """Date, number of articles and counts per topic, on one line."""
    parts = []
    date = format_date(briefing.date)
    if date:
        parts.append(date)
    parts.append(f"共 {briefing.article_count} 篇")
    counts = "、".join(f"{label} {n}" for label, n in briefing.topic_counts.items())
    if counts:
        parts.append(counts)
    return " · ".join(parts)


def title_marks(entry: Entry) -> str:
    """The marks before an entry's title: 〔评论〕 for commentary, 〔拟〕 for a generated title."""
    return (COMMENTARY_MARK if entry.commentary else "") + (
        GENERATED_MARK if entry.title_generated else ""
    )


def marked_title(entry: Entry) -> str:
    """The display title, with its marks (〔评论〕, 〔拟〕) in front."""
    return f"{title_marks(entry)}{entry.title}"


def source_text(section: Section, entry: Entry) -> str:
    """The entry's source line; under 要闻, led by the entry's topic (its section elsewhere)."""
    if section.kind == "top" and entry.topic:
        return f"{entry.topic} · {entry.source}" if entry.source else entry.topic
    return entry.source


PROVENANCE_LABEL = "生成方式"
PROVENANCE_FORMATS = ("md", "html")


def _made(what: str, field: str, made: Any) -> str:
    if made is None:
        return ""
    if made.method.startswith("model:"):
        return f"{what}由模型 {made.model or made.method[6:]} 撰写"
    text = f"{what}：{method_name(made, field)}"
    if made.by:  # an editor wrote it on the review page
        return text + f"（{made.by}）"
    return text + (f"（模型 {made.model} 未采用）" if made.model else "")


def provenance_text(entry: Entry) -> str:
    """How the entry's summary and title were made (the optional marker of md and html)."""
    parts = [
        p
        for p in (
            _made("摘要", "summary", entry.summary_provenance),
            _made("标题", "title", entry.title_provenance),
        )
        if p
    ]
    return f"{PROVENANCE_LABEL}：" + "；".join(parts) if parts else ""


ALSO_IN_LABEL = "又见于"
ITEM_MARK = "·"  # before each brief of a box (速览, 数读) in plain text and Word


def also_in_text(entry: Entry) -> str:
    """Where else the story ran (a combined briefing merges duplicates): ``又见于：A；B``, or ``""``."""
    return f"{ALSO_IN_LABEL}：" + "；".join(entry.also_in) if entry.also_in else ""


def has_generated(briefing: Briefing) -> bool:
    return any(entry.title_generated for entry in briefing.entries)


def appendix_label(kind: str) -> str:
    return APPENDIX_KINDS.get(kind, kind)


def appendix_place(page: int | None, line: int | None) -> str:
    place = (f"第{page}版" if page is not None else "") + (
        f"第{line}行" if line is not None else ""
    )
    return place


def appendix_tag(item: AppendixItem) -> str:
    """What an appendix item is and where it was: ``版面·第1版第3行``."""
    place = appendix_place(item.page, item.line)
    return appendix_label(item.kind) + ("·" + place if place else "")


def get_renderer(name: str) -> Callable[..., str | bytes]:
    """The renderer for format ``name`` (called with the briefing, and ``provenance=True`` in the
    formats that support it); an unknown one is a ConfigError listing the formats."""
    from ..errors import ConfigError
    from ..registry import renderers

    # knows() finds a built-in name without reading the entry points (importlib.metadata costs
    # a cold start 25 ms); the listing of every format is only for the error.
    if not renderers.knows(name):
        raise ConfigError(f"unknown format {name!r}; available: {', '.join(renderers.names())}")
    return renderers.get(name)


def is_binary(renderer: Callable[..., Any]) -> bool:
    return bool(getattr(renderer, "binary", False))


def render(briefing: Briefing, *, format: str = "md", provenance: bool = False) -> str | bytes:
    """Render ``briefing`` in ``format`` (a name in the renderers registry); ``provenance`` marks
    how each entry was made, in the formats that support it (md, html)."""
    if not isinstance(briefing, Briefing):
        raise TypeError(
            f"render() takes a Briefing (from build_briefing or Briefing.from_dict); got {type(briefing).__name__}"
        )
    if not isinstance(format, str):
        raise TypeError(
            f"format must be a string such as 'md' or 'html'; got {type(format).__name__}"
        )
    renderer = get_renderer(format)
    return (
        renderer(briefing, provenance=True)
        if provenance and format in PROVENANCE_FORMATS
        else renderer(briefing)
    )


__all__ = [
    "COMMENTARY_MARK",
    "GENERATED_MARK",
    "format_date",
    "get_renderer",
    "header_line",
    "is_binary",
    "marked_title",
    "render",
]
