"""Chinese sentence and clause splitting, and the dateline that opens a news article.

Sentences end at 。！？ (and ……) outside quotes and brackets, so “……。”游客说道。 and
（……。） stay inside their sentence; 一是……；二是……。 stays one sentence because ； only
separates clauses. Clauses split at ，；： outside quotes and brackets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..conventions import AGENCY, DATELINE_END, NOT_A_REPORTER, REPORTER, REPORTERS
from ..records import Article
from ..text import PAIRS, fold_width

# The figure reader lives in text.py (the splitter reads it too); its users import it from here.
from ..text import folded_quantities as folded_quantities
from ..text import has_quantity as has_quantity
from ..text import quantities as quantities

ENDS = "。！？!?"
CLOSING = {v: k for k, v in PAIRS.items()}
CLAUSE_MARKS = "，,；;：:"
# The marks that open the lines of a deck of key points (■ 核心阅读): marks, not words.
DECK_MARKS = "■□●◆◇▲△★☆"

_NUM = "[0-9０-９一二三四五六七八九十〇零]"
_DATE = f"(?:{_NUM}{{1,4}}年)?(?:{_NUM}{{1,2}}月)?{_NUM}{{1,3}}日"
# 本报拉萨讯 / 新华社北京１２月３１日电 / 据新华社北京电: an agency, a place, a date, then 讯 or 电.
_DATELINE_STRONG = re.compile(
    rf"^\s*(?P<pre>据)?(?P<agency>{AGENCY})(?:驻[\u4e00-\u9fff]{{1,6}}记者)?(?P<place>[\u4e00-\u9fff]{{0,8}}?)"
    rf"(?P<date>{_DATE})?(?:专)?{DATELINE_END}"
)
# 南都讯　记者刘凡　/ 某某日报讯（记者 X）: a short name and 讯/电 that a space or bracket follows.
_DATELINE_WEAK = re.compile(rf"^\s*[\u4e00-\u9fff]{{1,10}}?(?:{_DATE})?{DATELINE_END}(?=[\s　（(])")
# Who is credited in a dispatch: a reporter, a correspondent, an intern (实习生).
_CREDITED = (*REPORTERS, "实习生")
_CREDITED_KIND = "(?:" + "|".join(_CREDITED) + ")"
_DATELINE_TAIL = re.compile(
    r"^(?:\s*[（(][^（）()]{0,60}[）)])"  # (记者 刘琳琳)
    r"|^[\s　]+(?:本报)?"
    + _CREDITED_KIND
    + r"[\s　]*[\u4e00-\u9fff]{2,4}(?:[\s　、,，]+[\u4e00-\u9fff]{2,4})*[\s　]+"
)
# One credit of a joint dispatch: an outlet (本报, 新华社, 中国国际广播电台, 《临江日报》, 本报驻外),
# the kind of reporter (记者, 摄影记者, 实习生, 通讯员), then names, none or several (周海、陈岩;
# 陈　岩 with the full-width space old papers print). The outlet has to end as an outlet's name
# does (…社, …台, …报, …网), so that 会见记者周海报道： is not read as a credit.
_OUTLET = (
    r"(?:本报|本刊|[\u4e00-\u9fff《》]{0,12}?(?:社|台|报》?|网|刊|站|中心))?"
    r"(?:驻[\u4e00-\u9fff]{1,6}?)?(?:特约|特派|摄影|见习)?"
)
_NAME = r"[\u4e00-\u9fff](?:[\s　]?[\u4e00-\u9fff]){1,3}"
_CREDIT = rf"{_OUTLET}{_CREDITED_KIND}{NOT_A_REPORTER}(?:[\s　]*{_NAME}(?:[、\s　]+{_NAME})*)?"
# 记者周海报道： / 综合本报驻东港记者报道： / 记者周海，临江电视台记者陈岩、林青报道：: the credits
# of a dispatch, separated by commas, and 报道： that ends them (after a dateline, or opening the
# body when the splitter has taken the dateline off).
_REPORTED = re.compile(rf"^[\s　]*(?:综合)?{_CREDIT}(?:[，,、][\s　]*{_CREDIT})*[\s　]*报道[：:]")
# The marker of an item of a list, which says nothing without the lead-in that says what it is an
# item of (会议提出三点要求。): 一是……, 其一，……, 第一，……, 首先，……, 其次，……, and a later
# paragraph's number (（二）……, 2、……, 二、……). One numeral before 是: not 五一是…… nor 十一是……
# (holidays), nor 一是一，二是二 (an idiom); not 第一次, 第一批 (an ordinal of a noun), 其一生, 首先
# without its comma, nor 2.5万 nor 2.00元 (a figure).
ITEM_MARKER = re.compile(
    r"^(?:(?P<numeral>[一二三四五六七八九十])是(?!(?P=numeral))|其(?:一[，,、]|[二三四五六七八九十])"
    r"|第[一二三四五六七八九十]+[，,、：:]|(?:首先|其次|再次)[，,]"
    r"|[（(][二三四五六七八九十2-9][)）]|[2-9](?:、|[.．](?!\d))|[二三四五六七八九十]+、)"
)
_ATTRIBUTION = re.compile(
    r"^[^，。“”]{0,14}(?:说|表示|说道|介绍|介绍说|指出|告诉记者|坦言|感慨)[。！]?$"
)


@dataclass(slots=True)
class Sentence:
    text: str
    index: int  # position among the article's sentences
    paragraph: int  # index of the body paragraph it comes from
    complete: bool  # ends with sentence punctuation (not a heading, byline or caption)
    enumerated: bool = False  # 一是…, 首先，…, （三）…: an item of a list (ITEM_MARKER)


# 记者　陈某　整理报道　: a byline run into the first paragraph.
_BYLINE_LEAD = re.compile(
    rf"^\s*(?:本报|新华社)?{REPORTER}[\s　]+[\u4e00-\u9fff]{{2,4}}(?:[\s　、]+[\u4e00-\u9fff]{{2,4}})*?[\s　]+(?:整理)?(?:报道)?(?=[\s　])"
)


def split_dateline(text: str) -> tuple[str | None, str]:
    """Split a dateline (本报拉萨讯(记者 X), 新华社北京１月１日电（记者 X）) off the start of ``text``."""
    # Each of the patterns ends on 讯 or 电 or names who is credited (记者, 通讯员, 实习生): most
    # sentences hold none of them, and are not matched four times to be told so.
    if not any(word in text for word in ("讯", "电", *_CREDITED)):
        return None, text
    match = _DATELINE_STRONG.match(text) or _DATELINE_WEAK.match(text) or _BYLINE_LEAD.match(text)
    if match:
        end = match.end()
        tail = _DATELINE_TAIL.match(text[end:])
        if tail:
            end += tail.end()
        reported = _REPORTED.match(text[end:])
        if reported:
            end += reported.end()
    elif reported := _REPORTED.match(text):
        end = reported.end()
    else:
        return None, text
    rest = text[end:].lstrip(" 　\t")
    if len(rest) < 2:
        return None, text
    return text[:end].strip(), rest


def article_dateline(article: Article) -> str | None:
    """The dateline the article opens on: the one the splitter took off its text
    (``Article.dateline``), else the one its first paragraph prints; None when it has none."""
    if article.dateline:
        return article.dateline
    return split_dateline(article.body[0] if article.body else "")[0]


def dateline_place(dateline: str | None) -> str | None:
    """The place a dateline names (本报拉萨讯 -> 拉萨), when it names one after a news agency."""
    if not dateline:
        return None
    match = _DATELINE_STRONG.match(dateline)
    if not match:
        return None
    place = match.group("place")
    return place if 2 <= len(place) <= 6 else None


def _balanced_pairs(text: str) -> set[str]:
    """Opening marks whose closers balance in ``text``; unbalanced ones are ignored when splitting."""
    balanced = set()
    for opener, closer in PAIRS.items():
        if opener in text and text.count(opener) == text.count(closer):
            balanced.add(opener)
    return balanced


# The marks one class of characters, an ellipsis's … among them: a class alone is looked for
# at twice the speed of a class or the literal …… (a lone … is then passed over).
_MARKS = re.compile("[" + re.escape("".join(PAIRS) + "".join(CLOSING) + ENDS + '"…') + "]")


# An ellipsis right after an item of a list (、教授……) ends the list, not the sentence, when
# the text runs straight on.
_OPEN_LIST = re.compile(r"、[^、，,。；;：:！？!?]{1,12}$")
_RUNS_ON = re.compile(r"[\u4e00-\u9fff]")


# What makes a split depend on more than the stops: an opening quote or bracket (a closer
# without its opener changes nothing), an ASCII quote, an ellipsis. Most paragraphs hold none.
# (A class and a literal looked for apart: a search for either would try both at each place.)
_CONTEXT = re.compile("[" + re.escape("".join(PAIRS) + '"') + "]")
# A run of stops, and the ellipses run into it (。……), ends a sentence.
_STOP_RUN = re.compile(f"([{re.escape(ENDS)}][{re.escape(ENDS)}…]*)")


def _cut_at(marks: re.Pattern[str], text: str) -> list[tuple[str, str]]:
    """``text`` cut after each match of ``marks`` (a pattern with one group): (piece, the marks
    that ended it) pairs, the last piece with ""."""
    parts = marks.split(text)
    cut = [(parts[i], parts[i + 1]) for i in range(0, len(parts) - 1, 2)]
    cut.append((parts[-1], ""))
    return cut


def _split_plain(paragraph: str) -> list[str]:
    """Sentences of a paragraph without quotes, brackets or a …… (see _CONTEXT; a lone … may
    be there): every run of stops ends one, and none ends in a closing quote to take an
    attribution."""
    cut = _cut_at(_STOP_RUN, paragraph)
    return [stripped for piece, stops in cut if (stripped := (piece + stops).strip())]


def _split_paragraph(paragraph: str) -> list[str]:
    if not _CONTEXT.search(paragraph) and "……" not in paragraph:
        return _split_plain(paragraph)
    trusted = _balanced_pairs(paragraph)
    even_ascii_quotes = paragraph.count('"') % 2 == 0
    pieces: list[str] = []
    stack: list[str] = []
    start = 0
    skip_to = 0
    n = len(paragraph)
    # Only punctuation matters: walk the marks, not every character.
    for match in _MARKS.finditer(paragraph):
        i = match.start()
        if i < skip_to:
            continue
        ch = match.group(0)
        if ch == "…":
            if not paragraph.startswith("…", i + 1):
                continue
            ch = "……"
        if ch in PAIRS and ch in trusted:
            stack.append(ch)
        elif ch in CLOSING and stack and stack[-1] == CLOSING[ch]:
            stack.pop()
        elif ch == '"':
            if stack and stack[-1] == '"':
                stack.pop()
            elif even_ascii_quotes:
                stack.append('"')
        elif ch in ENDS or ch == "……":
            j = i + len(ch)
            if (
                ch == "……"
                and _OPEN_LIST.search(paragraph, start, i)
                and _RUNS_ON.match(paragraph, j)
            ):
                continue  # 农户、商户、游客……都说好: an open list, the sentence runs on
            while j < n and (paragraph[j] in ENDS or paragraph[j] == "…"):
                j += 1
            # A stop just inside a closing quote ends the sentence once the quote closes.
            k = j
            depth = list(stack)
            while (
                k < n and paragraph[k] in CLOSING and depth and depth[-1] == CLOSING[paragraph[k]]
            ):
                depth.pop()
                k += 1
            if not depth:
                stack = depth
                pieces.append(paragraph[start:k])
                start = k
            skip_to = k if not depth else j
    if paragraph[start:].strip():
        pieces.append(paragraph[start:])
    # “……。”游客刘先生说道。 -> one sentence: reattach a short attribution to its quote.
    merged: list[str] = []
    for piece in (p.strip() for p in pieces):
        if not piece:
            continue
        if merged and merged[-1].endswith(("”", "’", "」")) and _ATTRIBUTION.match(piece):
            merged[-1] += piece
        else:
            merged.append(piece)
    return merged


# Line and paragraph separators, and private-use characters that web scrapes leave for line breaks.
_HARD_BREAK = re.compile(r"[\r\n\u2028\u2029\ue000-\uf8ff]+")


# The characters an item of a list (ITEM_MARKER) can open with, before width folding: a piece
# that opens with none of them is not folded just to be told so.
_ENUM_OPENERS = frozenset("一二三四五六七八九十其第首再(（23456789２３４５６７８９")


def split_sentences(paragraphs: list[str] | str, *, limit: int | None = None) -> list[Sentence]:
    """Split paragraphs (or one text, paragraphs on lines) into sentences; the first ``limit``
    of them when given (the rest of a long article is then never split)."""
    if isinstance(paragraphs, str):
        paragraphs = [paragraphs]
    # A hard break inside a paragraph ends a sentence too; pieces keep their paragraph number.
    sentences: list[Sentence] = []
    for number, paragraph in enumerate(paragraphs):
        if limit is not None and len(sentences) >= limit:
            break
        pieces = [
            piece
            for line in _HARD_BREAK.split(paragraph)
            if line.strip()
            for piece in _split_paragraph(line.strip())
        ]
        for piece in pieces:
            stripped = piece.rstrip("”’」』）)》】 ")
            complete = bool(stripped) and (stripped[-1] in ENDS or stripped.endswith("…"))
            enumerated = piece[:1] in _ENUM_OPENERS and bool(ITEM_MARKER.match(fold_width(piece)))
            sentences.append(
                Sentence(
                    text=piece,
                    index=len(sentences),
                    paragraph=number,
                    complete=complete,
                    enumerated=enumerated,
                )
            )
    return sentences[:limit]


_OPENER = re.compile("[" + re.escape("".join(PAIRS)) + "]")
_CLAUSE_MARK = re.compile(f"([{re.escape(CLAUSE_MARKS)}])")
_CLAUSE_SCAN = re.compile("[" + re.escape("".join(PAIRS) + "".join(CLOSING) + CLAUSE_MARKS) + "]")


def split_clauses(sentence: str) -> list[tuple[str, str]]:
    """Split a sentence into ``(clause, mark)`` pairs at ，；： outside quotes and brackets.

    The sentence's own final stop is dropped; ``mark`` is the punctuation that followed the
    clause ("" for the last one).
    """
    body = sentence.rstrip()
    while body and body[-1] in ENDS + "…":
        body = body[:-1]
    if not _OPENER.search(body):
        # No quote or bracket to stay inside: every mark ends a clause.
        cut = _cut_at(_CLAUSE_MARK, body)
        return [(stripped, mark) for clause, mark in cut if (stripped := clause.strip())]
    trusted = _balanced_pairs(body)
    clauses: list[tuple[str, str]] = []
    stack: list[str] = []
    start = 0
    # Only punctuation matters: walk the marks, not every character.
    for match in _CLAUSE_SCAN.finditer(body):
        i, ch = match.start(), match.group(0)
        if ch in PAIRS and ch in trusted:
            stack.append(ch)
        elif ch in CLOSING and stack and stack[-1] == CLOSING[ch]:
            stack.pop()
        elif ch in CLAUSE_MARKS and not stack:
            clauses.append((body[start:i], ch))
            start = i + 1
    clauses.append((body[start:], ""))
    return [(c.strip(), m) for c, m in clauses if c.strip()]
