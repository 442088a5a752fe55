"""Page furniture the splitter leaves in an article, read as what it is, without changing it.

The splitter's records stay as it made them (its output is fixed by its own tests), and so do
the records an importer passes in; the stages after the split read conventions of
newspaper pages through :func:`read_furniture`, which gives the article as read:

- a box label printed where a title stands (图片报道, 图片新闻 above a photo and its caption:
  :data:`~briefing.conventions.PHOTO_BOX_LABELS`) is no headline: the article as read is
  untitled, the label its column, and its title is made from the caption like any untitled
  article's (the label shown where the caption gives none); a box of numbered photos
  (1、……; 2、……) is read as its first photo, and its further photos are the ``items`` of the
  article as read, one line each, which the briefing lists under the entry;
- a brief printed as one paragraph with its signature or the rest of its text on the next lines
  can reach the splitter as a heading (本报讯……。 then （周海）): the heading is the brief's
  text, and the article as read is untitled;
- a body line that only credits the page or its pictures (版式设计：周海, 本版制图：陈岩,
  周海摄), read as the text splitter reads such lines, is no text to summarize;
- a box printed inside the article's span (:func:`box_paragraphs`: a sidebar under a label
  such as 相关链接 or 名词解释, a short biography 周海，1962年生，现任……, an author note) tells
  the reader more, and is not what the article reports: the summary's lead is not taken from it.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from ..conventions import (
    BIO_LABEL,
    CAPTION_MARKS_RE,
    ITEM_MAX,
    ITEM_NUMBER,
    PHOTO_MARK_RE,
    PHOTO_BOX_LABELS,
    SIDEBAR_LABEL,
)
from ..records import Article
from ..split.features import AUTHOR_NOTE_RE, CLOSING_RE
from ..split.lines import FURNITURE_RE, is_credit, is_furniture
from ..text import TRAILING_NOTE, clipped, fold_width
from .sentences import DECK_MARKS, ENDS, split_dateline, split_sentences

# A headline is one line of at most a few dozen characters and does not end on a stop; a
# heading that does, and is longer than any headline or opens on a dateline, is a brief.
_BRIEF_MIN_CHARS = 30
_CLOSERS = "”’」』）)"
# The longest credit line the splitter reads as one (lines.tag): a longer line is text.
_CREDIT_MAX_CHARS = 40
# After a credit's label (版式设计：, 本版制图：) and an opening of at most this many characters
# before it (本版): names and nothing else.
_LABEL_OPENING = 2
# Names, or an outlet's or a photo agency's: short runs without a comma or a stop, set apart by
# spaces, 、 or ／ (周海、陈岩; 陈 岩 as old papers print a two-character name).
_NAMES = re.compile(r"(?:[\u4e00-\u9fff·A-Za-z]{1,6}(?:[\s、/／]+[\u4e00-\u9fff·A-Za-z]{1,6})*)?")
_SPACES = re.compile(r"[\s\u3000\xa0]+")
# A box's label on a line of its own or run in before its text (■相关链接, 【名词解释】：……).
_BOX_LABEL_LINE = re.compile(
    rf"^[{DECK_MARKS}【\[〔]?\s*(?:(?P<sidebar>{SIDEBAR_LABEL})|{BIO_LABEL})"
    r"\s*[】\]〕]?\s*(?:[:：]\s*(?P<text>.*))?$"
)
# A short biography: a name of two to four characters, its birth year (生 before a comma or
# 于: 生效, 生产, 出生在 are no birth year), and a post in the same or the next clause (周海，男，
# 1962年生，现任临江市……; 陈岩，1958年出生于东港，研究员). A story that opens on its hero's
# birth (陈岩，1930年生于西岭镇。) names no post there: it is told, not boxed; so is 据介绍，……
_BIO = re.compile(
    r"^(?!据)(?P<name>[\u4e00-\u9fff·]{2,4})[，,]\s*(?:[男女][，,]\s*)?"
    r"(?:[\u4e00-\u9fff]{1,4}族[，,]\s*)?\d{4}年(?:\d{1,2}月)?(?:出生|生)(?=[，,于])"
    r"[^，,。；]*?(?:[，,][^，,。；]*?)?"
    r"(?:现任|历任|曾任|现为|兼任|教授|研究员|院士|导师|院长|会长|主席|理事长|作家|艺术家)"
)
# An author note （作者为……, not 作者单位 nor 作者摄） or a caption on its own: one pattern, one
# call per paragraph.
_ASIDE = re.compile(
    "|".join(f"(?:{p})" for p in (AUTHOR_NOTE_RE.pattern, CAPTION_MARKS_RE.pattern))
)
_ITEM_NUMBER = re.compile(ITEM_NUMBER)
_CHINESE_DIGITS = "一二三四五六七八九"
# How far into a line a caption's marks reach to its 图 (（12）上图：).
_CAPTION_MARKS_REACH = 12


class Reading(NamedTuple):
    """An article as read: ``article`` is a copy with its furniture read (the original where
    there is none), ``label`` the box label printed where its title stands, or None."""

    article: Article
    label: str | None


def box_label(text: str | None) -> str | None:
    """The box label ``text`` is (图片报道, however spaced), or None for anything else."""
    label = _SPACES.sub("", text or "")
    return label if label in PHOTO_BOX_LABELS else None


def is_credit_line(line: str) -> bool:
    """Whether a body line only credits the page (版式设计：周海, 责任编辑：陈岩) or its pictures
    (本报记者 周海摄), as the text splitter reads such lines; a label with a sentence after it
    (设计：新桥全长八百米，……) is text."""
    return _is_credit_text(fold_width(line).strip())


def _is_credit_text(folded: str) -> bool:
    """:func:`is_credit_line` of a line already folded and stripped."""
    text = folded.rstrip("。.")
    if not text:
        return True
    if len(text) > _CREDIT_MAX_CHARS:
        return False
    if is_credit(text):
        return True
    label = FURNITURE_RE.search(text) if is_furniture(text) else CLOSING_RE.search(text)
    return (
        label is not None
        and label.start() <= _LABEL_OPENING
        and _NAMES.fullmatch(text[label.end() :].strip(" :：")) is not None
    )


def box_paragraphs(body: Sequence[str], headline: str = "") -> frozenset[int]:
    """The paragraphs of ``body`` that make a box beside the article's text: a sidebar from its
    label (:data:`~briefing.conventions.SIDEBAR_LABELS`) to the body's end, where papers print
    it below the text; a sidebar above the text or a biography under its label (人物简介), the
    label and the paragraph it heads; a short
    biography that is its paragraph's one sentence (周海，1962年生，现任……), of someone
    ``headline`` does not name (a profile's subject is its story); an author note （作者为……）
    or a photo's caption (图为……) on its own."""
    boxed: set[int] = set()
    for index, paragraph in enumerate(body):
        # Unfolded: the patterns read either width (\d is any digit, [:：]).
        text = paragraph.lstrip()
        label = _BOX_LABEL_LINE.match(text)
        if label and label.group("sidebar") and index > 0:
            return frozenset(boxed | set(range(index, len(body))))
        if label:
            # Above the text, a box is its label and the paragraph it heads.
            boxed.update((index, index + 1) if not label.group("text") else (index,))
        elif _ASIDE.match(text) or _is_bio(text, headline):
            boxed.add(index)
    return frozenset(i for i in boxed if i < len(body))


def _is_bio(text: str, headline: str) -> bool:
    """Whether paragraph ``text`` is a short biography alone (:data:`_BIO`), of someone
    ``headline`` does not name."""
    bio = _BIO.match(text)
    if bio is None or bio.group("name") in headline:
        return False
    # One sentence: a paragraph that goes on (……书记。二十年来，他带领……) tells a story.
    return not any(end in text.rstrip().rstrip("。！？!?”’）)") for end in "。！？!?")


def has_text(article: Article) -> bool:
    """Whether ``article``'s body has text to summarize: a line that is no credit."""
    return any(not is_credit_line(line) for line in article.body)


def is_brief_in_title(article: Article) -> bool:
    """Whether ``article``'s heading is a whole paragraph: a brief's text, not a headline. What
    follows it, if anything, is the brief's signature or the rest of its text (本报讯……。 then
    这次……). Over text, only a full stop or a dateline says so: a long headline may end on ？
    or ！ (a question or a call put to the reader over its article)."""
    title = (article.title or "").strip()
    if not title:
        return False
    stop = title.rstrip(_CLOSERS)[-1:]
    if stop not in ENDS:
        return False
    if split_dateline(title)[0] is not None:
        return True
    return len(title) >= _BRIEF_MIN_CHARS and (stop == "。" or not has_text(article))


def read_furniture(article: Article) -> Reading:
    """``article`` as read (see the module's docstring); ``article`` itself is not changed."""
    article = _without_photo_marks(article)
    if is_brief_in_title(article):
        body = [article.title or "", *article.body]
        return Reading(dataclasses.replace(article, title=None, body=body), None)
    label = box_label(article.title)
    if label and has_text(article):
        body, photos = _captions_as_text(article.body, _folded(article.body))
        read = dataclasses.replace(
            article,
            title=None,
            column=article.column or label,
            body=body,
            items=photos or article.items,
        )
        return Reading(read, label)
    # Each line folded once, where a caption may stand, for both the test and the reading.
    if any("图" in line[:_CAPTION_MARKS_REACH] for line in article.body):
        folded = _folded(article.body)
        if _captions_only(article.body, folded):
            body, photos = _captions_as_text(article.body, folded)
            read = dataclasses.replace(article, body=body, items=photos or article.items)
            return Reading(read, None)
    return Reading(article, None)


def _folded(body: list[str]) -> list[str]:
    """Each line of ``body`` folded (:func:`~briefing.text.fold_width`), without the white space
    it opens with (folding keeps each character's place and what is white space)."""
    return [fold_width(line).lstrip() for line in body]


def _without_photo_marks(article: Article) -> Article:
    """``article`` without the marks that say it comes with a photo (（图片）, （附图片1张）) in
    its headline and byline (a copy), or ``article`` itself where it has none."""
    heads = (article.kicker, article.title, article.subtitle, article.byline)
    marked = [
        bool(text and ("图" in text or "照" in text) and PHOTO_MARK_RE.search(fold_width(text)))
        for text in heads
    ]
    if not any(marked):
        return article
    kicker, title, subtitle, byline = (
        _unmarked(text) if text and mark else text for text, mark in zip(heads, marked)
    )
    return dataclasses.replace(
        article, kicker=kicker, title=title, subtitle=subtitle, byline=byline
    )


def _unmarked(text: str) -> str | None:
    """``text`` without its photo marks (folded text keeps its positions), and without a
    bracket the mark leaves unpaired (本报记者 周海)(附照片3幅 -> 本报记者 周海; （本报记者 周海
    附照片2幅） -> （本报记者 周海）)."""
    folded = fold_width(text)
    kept = "".join(
        text[start:end]
        for start, end in _spans_between(PHOTO_MARK_RE.finditer(folded), len(folded))
    ).strip()
    opened = kept.count("(") + kept.count("（") - kept.count(")") - kept.count("）")
    if opened < 0:
        kept = kept.rstrip(")）").strip()
    elif opened > 0 and kept[:1] in "(（":
        # The mark took the bracket that closed the line: （本报记者 周海 附照片2幅）.
        kept += ")" if kept[0] == "(" else "）"
    return kept or None


def _spans_between(marks: Iterator[re.Match[str]], length: int) -> Iterator[tuple[int, int]]:
    start = 0
    for mark in marks:
        yield start, mark.start()
        start = mark.end()
    yield start, length


def _captions_only(body: list[str], folded: list[str]) -> bool:
    """Whether the text of ``body`` (``folded``: :func:`_folded`) is captions, each of its lines a
    caption (图为……) or an item of a numbered box of photos that opens on one (1、图为……; 2、……),
    under its label if printed."""
    lines = [
        text
        for line, text in zip(body, (text.rstrip() for text in folded))
        if not _is_credit_text(text) and box_label(line) is None  # 图片新闻 over the box
    ]
    captions = sum(CAPTION_MARKS_RE.match(line) is not None for line in lines)
    if captions == 0:
        return False
    # A box is read as its first photo: numbered prose with a caption further on is no box.
    return captions == len(lines) or (
        CAPTION_MARKS_RE.match(lines[0]) is not None
        and all(_ITEM_NUMBER.match(line) for line in lines)
        and _numbered_in_sequence(lines)
    )


def _item_number(line: str) -> int | None:
    """The number of the item ``line`` opens (1、…, （2）…, ③… -> 1, 2, 3); None where it opens
    none."""
    match = _ITEM_NUMBER.match(line)
    if match is None:
        return None
    mark = match.group().strip(" \t\u3000()（）、.．")
    if mark and "①" <= mark[0] <= "⑳":
        return ord(mark[0]) - ord("①") + 1
    if mark.isdigit():
        return int(mark)
    tens, _, units = mark.rpartition("十")
    if "十" not in mark:
        return _CHINESE_DIGITS.index(mark) + 1 if mark in _CHINESE_DIGITS else None
    return (_CHINESE_DIGITS.index(tens) + 1 if tens else 1) * 10 + (
        _CHINESE_DIGITS.index(units) + 1 if units else 0
    )


def _numbered_in_sequence(lines: list[str]) -> bool:
    """Whether ``lines`` hold a box of numbered items: two numbered in sequence (1、 then 2、;
    ３、 then ４、 where the page's box went on from an item before); a line that opens on a
    figure, 2.5万名……, or on one number alone makes no box."""
    numbers = [n for n in map(_item_number, lines) if n is not None]
    return len(numbers) >= 2 and numbers[1] == numbers[0] + 1


def _captions_as_text(body: list[str], folded: list[str]) -> tuple[list[str], list[str]]:
    """``body`` with what its captions open with to point at their photos (图为……, 上图：) taken
    off: a summary or a title made from a caption says what the photo shows. A photo box of
    items numbered in sequence (1、……; 2、……), each a photo of its own, which no summary joins
    as one story, is read as its first item, without its number; its further photos are given
    apart, one line each (:func:`_photo_line`), for the briefing to list under the entry as it
    lists a box's briefs. ``folded``: :func:`_folded`."""
    numbered = _numbered_in_sequence(folded)
    out = []
    further: list[list[str]] = []
    items = 0
    for line, text in zip(body, folded):
        stripped = line.lstrip()
        number = _ITEM_NUMBER.match(text) if numbered else None
        items += number is not None
        marks = CAPTION_MARKS_RE.match(text) or number
        read = stripped[marks.end() :] if marks and marks.end() < len(stripped) else line
        if items <= 1:
            out.append(read)
        elif number is not None:
            # A number alone on its line (2、): the item's caption is on the lines after it.
            further.append([read] if number.end() < len(text.rstrip()) else [])
        else:
            further[-1].append(read)  # the item's caption goes on, or its credit
    return out, [line for line in map(_photo_line, further) if line]


def _photo_line(caption: list[str]) -> str:
    """A photo's line in the briefing: the first sentence of its ``caption`` (its lines as read,
    the first the numbered item), with the next where the first is a quotation alone (“……。”
    then who said it), without a credit line or a credit closing it in brackets (……（周海摄）),
    cut at :data:`~briefing.conventions.ITEM_MAX` characters as a 速览 box's brief is."""
    # A line that only credits the photo is no text, the numbered one too (2、新华社记者 周海摄);
    # a caption closing on its credit in brackets (……大桥（周海摄）) is text.
    lines = [line for line in caption if not is_credit_line(line) or _credit_note(line) > 0]
    sentences = [s.text.strip() for s in split_sentences(lines, limit=2)]
    if not sentences:
        return ""
    quoted = sentences[0].startswith(("“", "「")) and sentences[0].endswith(("”", "」"))
    line = "".join(sentences[: 2 if quoted else 1])
    opening = _credit_note(line)
    if opening > 0:
        line = line[:opening].rstrip()
    return clipped(line, ITEM_MAX)  # as a 速览 brief is cut


def _credit_note(text: str) -> int:
    """Where ``text`` closes on a credit in brackets (……（周海摄）); -1 where it does not."""
    note = TRAILING_NOTE.search(text.rstrip())
    return note.start() if note and is_credit_line(note.group()[1:-1]) else -1


def is_listed(article: Article, *, reading: Reading | None = None) -> bool:
    """Whether ``article`` is an entry of the briefing: its text as read (``reading``, where the
    caller holds it, else :func:`read_furniture`), a summary an importer or a summarizer gave
    it, or captions; else it goes to the appendix."""
    summary = article.summary.text if article.summary else ""
    return (
        bool(summary)
        or any(c.strip() for c in article.captions)
        or has_text((read_furniture(article) if reading is None else reading).article)
    )
