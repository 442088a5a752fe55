"""The briefing assembly: annotated articles -> a :class:`~briefing.records.Briefing`.

:mod:`.briefing` orders the entries (importance, 要闻, topic sections, appendix, header);
:mod:`.day_keywords` picks the keywords of the day shown in the header (not to be confused with
the keyword topic classifier in :mod:`briefing.topics.keywords`).
"""

from .briefing import (
    TOP_SECTION,
    UNCLASSIFIED,
    assemble,
    check_date,
    display_text,
    importance,
    source_line,
)

__all__ = [
    "TOP_SECTION",
    "UNCLASSIFIED",
    "assemble",
    "check_date",
    "display_text",
    "importance",
    "source_line",
]
