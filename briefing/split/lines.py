"""Line roles: what each non-blank line of a page looks like on its own.

Each role has a small recogniser (a regular expression or a scoring function); the roles are
features of the line labeller (:mod:`briefing.split.features`), which decides with context. Rules look at width-folded text,
so full-width digits and punctuation as printed in older papers (１９９８年) read the same.
"""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, field
from enum import Enum

from ..conventions import (
    AGENCIES,
    AGENCY,
    CAPTION_RE,
    CREDIT_MARK,
    DATE,
    DATELINE_END,
    NOT_A_REPORTER,
    NOTE_LABEL,
    SURNAMES,
)
from ..text import ends_sentence, fold_width, listed, word_tags


class Role(str, Enum):
    HEADING = "heading"  # short line without a sentence end: kicker, title, column, subhead
    SUBHEAD = "subhead"  # a heading line that the labeller found inside an article
    SUBTITLE = "subtitle"  # ——...
    BYLINE = "byline"  # 本报记者 X
    DATELINE = "dateline"  # a body paragraph opening with 本报X讯 / 新华社…电
    BODY = "body"
    CAPTION = "caption"  # 图①:… / 图为…
    CREDIT = "credit"  # 本报记者 X 摄
    TRAILER = "trailer"  # （张三）: the reporter's name closing a brief
    FURNITURE = "furniture"  # page header, page number, 责任编辑


HAN = r"\u4e00-\u9fff"
HAN_CHAR = re.compile(rf"[{HAN}]")  # one Han character anywhere in a text
NAME = rf"[{HAN}·]{{2,5}}"
OPEN, CLOSE = r"[(（]", r"[)）]"

# 本报拉萨讯(记者 刘琳琳) / 本报北京1月5日讯 记者X报道: / 新华社北京1月4日电(记者X) / 据新华社…电
DATELINE_RE = re.compile(
    rf"""^(?:
        (?:据)?{AGENCY}
        (?:[{HAN}\s]{{0,12}}?\d{{0,2}}\s*月?\s*\d{{0,2}}\s*日?)?\s*{DATELINE_END}
        (?:\s*{OPEN}[^)）]{{1,40}}(?:{CLOSE}|$))?
        (?:\s*(?:[{HAN}、\s]{{0,20}}记者|通讯员)[{HAN}、·\s]{{2,30}}报道\s*[:：])?
      )""",
    re.VERBOSE,
)
BYLINE_RE = re.compile(
    rf"^(?:(?:本报|新华社|特约|本报特约|见习)?(?:记者|通讯员|评论员){NOT_A_REPORTER}[\s{HAN}、·]{{2,40}}|文\s*[/:：]\s*{NAME}.*|[{HAN}、·\s]{{2,20}}(?:记者|通讯员){NOT_A_REPORTER}[\s{HAN}、·]{{2,30}})$"
)
CREDIT_RE = re.compile(
    rf"^{OPEN}?[^。，]{{2,40}}{CREDIT_MARK}\s*{CLOSE}?(?:{OPEN}(?:传真|资料)?(?:照片|图片){CLOSE})?$"
)
SUBTITLE_RE = re.compile(r"^(?:—|--|－－)")
# （张三）, （李四）（图表由…制作）, ［附记：…］: notes closing an item, all in brackets.
TRAILER_RE = re.compile(rf"^(?:{OPEN}[^()（）。]{{1,30}}{CLOSE})+$|^[［\[【](?:{NOTE_LABEL})[:：]")
PAGE_NUMBER_RE = re.compile(
    r"^[-－—\s]*(?:第\s*)?[\d一二三四五六七八九十]{1,3}\s*(?:版|页)?[-－—\s]*$"
)
FURNITURE_RE = re.compile(
    r"^[(（]?(?:本版)?(?:责任编辑|编辑|美术编辑|版式设计|版面设计|责编|校对|组版|联系电话|新闻热线)\s*[:：\s]"
    r"|第\s*\d{1,3}\s*版|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*星期[一二三四五六日天]"
)
ENUMERATION_RE = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d{1,2}[、.．]\s*\S|[①-⑳]|第[一二三四五六七八九十]+[，、\s])"
)

# The date under a letter or speech: 一九九七年六月十六日 张三 / 1997年12月29日 / 1997年岁暮.
SIGNATURE_RE = re.compile(rf"^(?:{DATE}\s*[{HAN}·]{{0,8}}|.{{0,24}}{DATE}(?:于.{{1,6}})?)$")
SIGNATURE_MAX = 50  # no line that SIGNATURE_RE matches is longer
_WORD_CHAR = re.compile(r"\w")
_NAME_GAPS = re.compile(r"[\s、·]")
HEADING_MAX = 48  # the longest headlines, kicker and subtitle run together, stay under this


@dataclass(slots=True)
class Line:
    """One non-blank line of a page, with the context the rules need."""

    number: int  # 1-based line number in the page file
    text: str  # as printed, stripped
    gap: int  # blank lines before it (a large number at the top of a page)
    folded: str = ""
    role: Role = Role.BODY
    joined: list[int] = field(default_factory=list)  # numbers of continuation lines glued on

    def __post_init__(self) -> None:
        self.folded = fold_width(self.text)


def page_lines(raw_lines: list[str]) -> list[Line]:
    """The non-blank lines of a page with the gap before each."""
    lines: list[Line] = []
    gap = 99
    for number, raw in enumerate(raw_lines, start=1):
        text = raw.lstrip("\ufeff").strip()
        if not text:
            gap += 1
            continue
        lines.append(Line(number=number, text=text, gap=gap))
        gap = 0
    return lines


def digit_share(text: str) -> float:
    figures = sum(map(str.isdigit, text)) + text.count(".") + text.count("%") + text.count(",")
    return figures / max(1, len(text))


@lru_cache(maxsize=1024)  # asked twice of each line: by tag() and by the labeller's features
def looks_like_heading(folded: str) -> bool:
    """Short, no sentence end, not a list of figures: could be a title, kicker or subhead.

    ``folded`` is width-folded text, so full-width commas and colons appear as ASCII here.
    """
    if len(folded) > HEADING_MAX or ends_sentence(folded):
        return False
    if folded[-1] in ',、;:“"' or digit_share(folded) > 0.55:
        return False
    # A piece of a paragraph cut by a column break, not a headline: a full stop inside, or
    # commas in a long line (headlines set phrases apart with spaces, rarely with commas).
    if any(folded.count(o) > folded.count(c) for o, c in ("『』", "“”", "《》", "()")):
        return False  # a quotation left open: the line was cut out of a paragraph
    inner = folded[:-1]
    if "。" in inner or ":“" in inner or (len(folded) >= 16 and ("," in inner or ";" in inner)):
        return False
    return True


# The recognisers: each pattern behind cheap tests that it cannot match without (necessary
# conditions, so that the answer is the pattern's): most lines of a page fail them and skip the
# regular expression. tag() and the labeller's own features (features._own) both ask them.
# Each takes width-folded, stripped, non-blank text.
_PAGE_NUMBER_OPENINGS = "-－—第一二三四五六七八九十"  # or a digit
_DATELINE_OPENINGS = frozenset("据" + "".join(agency[0] for agency in AGENCIES))
_SUBTITLE_OPENINGS = "—-－"
_TRAILER_OPENINGS = "(（［[【"
# What one of those four opens with (a digit aside): tag() asks those only of a line that opens
# so, as few do (a call per recogniser and line was 0.8% of the splitter's instructions).
_MARKED_OPENINGS = _DATELINE_OPENINGS.union(
    _PAGE_NUMBER_OPENINGS, _SUBTITLE_OPENINGS, _TRAILER_OPENINGS
)


def is_furniture(text: str) -> bool:
    """A page header or an editor's line (FURNITURE_RE, searched: each branch holds 编, 版, 期,
    校, 话 or 线)."""
    return (
        "编" in text or "版" in text or "期" in text or "校" in text or "话" in text or "线" in text
    ) and FURNITURE_RE.search(text) is not None


def is_page_number(text: str) -> bool:
    """A page number alone (PAGE_NUMBER_RE: opens with a dash, 第, a digit or a numeral)."""
    first = text[:1]
    return (first in _PAGE_NUMBER_OPENINGS or first.isdigit()) and PAGE_NUMBER_RE.match(
        text
    ) is not None


def is_caption(text: str) -> bool:
    """A photo caption (CAPTION_RE: 图 in the first two characters)."""
    return "图" in text[:2] and CAPTION_RE.match(text) is not None


def is_credit(text: str) -> bool:
    """A photo or graphic credit (CREDIT_RE: its CREDIT_MARK holds 摄, 图 or 绘)."""
    return ("摄" in text or "图" in text or "绘" in text) and CREDIT_RE.match(text) is not None


def is_dateline(text: str) -> bool:
    """A paragraph opening with a dateline (DATELINE_RE: opens with 据 or an agency)."""
    return text[:1] in _DATELINE_OPENINGS and DATELINE_RE.match(text) is not None


def is_subtitle(text: str) -> bool:
    """A subtitle line (SUBTITLE_RE: opens with a dash)."""
    return text[:1] in _SUBTITLE_OPENINGS and SUBTITLE_RE.match(text) is not None


def is_byline(text: str) -> bool:
    """A byline (BYLINE_RE: each branch holds 记者, 通讯员, 评论员 or 文)."""
    return ("记" in text or "通" in text or "评" in text or "文" in text) and BYLINE_RE.match(
        text
    ) is not None


def is_trailer(text: str) -> bool:
    """Notes in brackets closing an item (TRAILER_RE: opens with a bracket)."""
    return text[:1] in _TRAILER_OPENINGS and TRAILER_RE.match(text) is not None


def is_signature(text: str) -> bool:
    """The date under a letter or speech (SIGNATURE_RE: holds 年, at most SIGNATURE_MAX long)."""
    return len(text) <= SIGNATURE_MAX and "年" in text and SIGNATURE_RE.match(text) is not None


def opens_enumeration(text: str) -> bool:
    """A numbered point, 一、 (1) 2. ① 第三, (ENUMERATION_RE: opens with a numeral, a digit, a
    bracket, a circled number or 第)."""
    first = text[:1]
    return (
        first in "一二三四五六七八九十(（第" or first.isdigit() or "①" <= first <= "⑳"
    ) and ENUMERATION_RE.match(text) is not None


def tag(line: Line) -> Role:
    """The role a line has on its own; the labeller may still read a HEADING as body."""
    text = line.folded
    first = text[0]
    marked = first in _MARKED_OPENINGS or first.isdigit()
    if len(text) <= 60 and is_furniture(text) or marked and is_page_number(text):
        return Role.FURNITURE
    if is_caption(text):
        return Role.CAPTION
    if len(text) <= 40 and is_credit(text):
        return Role.CREDIT
    if marked and len(text) > 6 and is_dateline(text):
        return Role.DATELINE
    if marked and len(text) <= 60 and is_subtitle(text):
        return Role.SUBTITLE
    if len(text) <= 40 and is_byline(text) and not ends_sentence(text):
        return Role.BYLINE
    if (
        marked
        and is_trailer(text)
        or not (first.isalnum() or first == "_" or _WORD_CHAR.search(text))  # \w: alnum or _
        or is_signature(text)
    ):
        return Role.TRAILER  # a closing note (张三), or a row of ＊＊＊ between sections
    if looks_like_heading(text):
        return Role.HEADING
    return Role.BODY


def dateline_of(text: str) -> tuple[str, str]:
    """Split a dateline paragraph into (dateline as printed, the body text after it)."""
    match = DATELINE_RE.match(fold_width(text))
    if not match:
        return "", text
    # Folding keeps lengths, so the match offsets apply to the printed text.
    end = match.end()
    dateline = text[:end].strip().rstrip(":：").rstrip()
    rest = text[end:].lstrip(" \u3000:：")
    return dateline, rest


def is_unlisted_name(word: str) -> bool:
    """A word of two or three characters that opens on a common surname and that the segmenter's
    dictionary does not list (陈岩): a name, a pen name too, that the tagger may not tag as one,
    where a short deck is a listed word (故乡, 上篇) or opens on no surname (今日谈, 再出发)."""
    return 2 <= len(word) <= 3 and word[0] in SURNAMES and not listed(word)


@lru_cache(maxsize=1024)
def is_bare_name(text: str) -> bool:
    """A bare author line such as 李学勤, or 东港市财政局局长周海."""
    compact = _NAME_GAPS.sub("", text)
    if not 2 <= len(compact) <= 24:
        return False
    tags = word_tags(compact)
    return tags[-1][1].startswith("nr") and (
        len(compact) <= 8 or any(t[1] in ("n", "nt") for t in tags[:-1])
    )
