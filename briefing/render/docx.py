"""Word (.docx): the format briefings circulate in among Chinese newsroom and office staff.

Built with python-docx (imported only when this format is asked for). A4 pages, headings for
the title and the sections, one paragraph per entry (title, summary and source line separated
by line breaks, in the "Briefing Entry" style) and fonts set for East Asian text: ``w:eastAsia``
on every style's ``rFonts`` (宋体 for text, 黑体 for headings, the faces every Chinese Windows and
WPS install has; LibreOffice substitutes Noto CJK where they are missing), with the theme fonts
of the default template removed since they would override the names.
"""

from __future__ import annotations

import io
from typing import Any

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
    printable,
    source_text,
    title_marks,
)

BODY_FONT = ("Times New Roman", "宋体")  # (Latin, East Asian)
HEADING_FONT = ("Arial", "黑体")
ENTRY_STYLE = "Briefing Entry"
GREY = (0x66, 0x66, 0x66)
MARK_COLOUR = (0xA0, 0x52, 0x2D)
HEADING_COLOUR = (0x8B, 0x1A, 0x1A)


def _set_fonts(element: Any, latin: str, east_asian: str) -> None:
    """Name the Latin and East Asian fonts on a style or run element, dropping theme fonts."""
    from docx.oxml.ns import qn

    rpr = element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:eastAsia"), east_asian)
    fonts.set(qn("w:cs"), latin)


def _set_language(element: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rpr = element.get_or_add_rPr()
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")


def _setup(document: Any) -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Cm, Pt, RGBColor

    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.6)
    section.top_margin = section.bottom_margin = Cm(2.4)
    styles = document.styles
    normal = styles["Normal"]
    normal.font.size = Pt(11)
    _set_fonts(normal.element, *BODY_FONT)
    _set_language(normal.element)
    normal.paragraph_format.space_after = Pt(4)
    normal.paragraph_format.line_spacing = 1.3
    for name, size in (("Heading 1", 20), ("Heading 2", 15)):
        style = styles[name]
        _set_fonts(style.element, *HEADING_FONT)
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.color.rgb = (
            RGBColor(*HEADING_COLOUR) if name == "Heading 2" else RGBColor(0x11, 0x11, 0x11)
        )
        style.paragraph_format.space_before = Pt(16 if name == "Heading 2" else 0)
        style.paragraph_format.space_after = Pt(8)
    entry = styles.add_style(ENTRY_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    entry.base_style = normal
    entry.paragraph_format.space_after = Pt(10)
    entry.paragraph_format.keep_together = True


def _grey_paragraph(document: Any, text: str, size: float = 9.5) -> Any:
    from docx.shared import Pt, RGBColor

    paragraph = document.add_paragraph()
    run = paragraph.add_run(printable(text))
    run.font.size = Pt(size)
    run.font.color.rgb = RGBColor(*GREY)
    return paragraph


def render_docx(briefing: Briefing) -> bytes:
    """The briefing as a Word document (the bytes of a .docx file)."""
    from docx import Document
    from docx.shared import Pt, RGBColor

    document = Document()
    _setup(document)
    title = document_title(briefing)
    document.core_properties.title = printable(title)
    document.core_properties.language = "zh-CN"
    document.add_heading(printable(title), level=1)
    _grey_paragraph(document, header_line(briefing), size=10)
    if briefing.keywords:
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{KEYWORDS_HEADING}：").bold = True
        paragraph.add_run(printable("、".join(briefing.keywords)))
    if not briefing.sections:
        document.add_paragraph(EMPTY_NOTICE)
    for section in briefing.sections:
        document.add_heading(printable(section.title), level=2)
        for entry in section.entries:
            paragraph = document.add_paragraph(style=ENTRY_STYLE)
            if entry.commentary or entry.title_generated:
                mark = paragraph.add_run(title_marks(entry))
                mark.font.color.rgb = RGBColor(*MARK_COLOUR)
            heading = paragraph.add_run(printable(entry.title))
            heading.bold = True
            heading.font.size = Pt(12)
            last = heading
            if entry.summary:
                last.add_break()
                last = paragraph.add_run(printable(entry.summary))
            for brief in entry.items:
                last.add_break()
                last = paragraph.add_run(printable(f"{ITEM_MARK} {brief}"))
            last.add_break()
            source = paragraph.add_run(printable(source_text(section, entry)))
            source.font.size = Pt(9)
            source.font.color.rgb = RGBColor(*GREY)
            if entry.also_in:
                source.add_break()
                also = paragraph.add_run(printable(also_in_text(entry)))
                also.font.size = Pt(9)
                also.font.color.rgb = RGBColor(*GREY)
    if has_generated(briefing):
        _grey_paragraph(document, GENERATED_NOTE, size=9)
    if briefing.appendix:
        document.add_heading(APPENDIX_HEADING, level=2)
        for item in briefing.appendix:
            _grey_paragraph(document, f"〔{appendix_tag(item)}〕{item.text}")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


render_docx.binary = True  # type: ignore[attr-defined]
