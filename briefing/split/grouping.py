"""Grouping tagged lines into articles.

The page is read top to bottom. A new article starts at a heading block (title with kicker,
subtitle or byline), at a single heading line that scores as a title rather than as an
in-article subhead, at a dateline paragraph that no heading introduces, and at body text that
follows a photo caption and credit. Everything else joins the article being read.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from ..text import CLOSERS, tagged, words
from .lines import ENUMERATION_RE, Line, Role, dateline_of, ends_sentence, is_bare_name

_HEAD_ROLES = (Role.HEADING, Role.SUBTITLE, Role.BYLINE)
_BODY_ROLES = (Role.BODY, Role.DATELINE, Role.CAPTION)
_STOP = set("的了和与在是为对把将及等")
# Labels that stand inside an article, and the mark of a photo-news title.
INSIDE_LABEL_RE = re.compile(r"^(?:编后(?:语|记)?|编者按|记者手记|短评|(?:相关)?链接|背景资料|小资料|延伸阅读|新闻背景|点评)$")
EDITOR_NOTE_RE = re.compile(r"^(?:编者按|编辑点评|编者的话|编者附言|导语)")  # a note above the report it introduces
PHOTO_CREDIT_END_RE = re.compile(r"[(（][^()（）]{2,30}摄[)）]$")  # the lead photo's caption, credit at its end
PHOTO_NEWS_RE = re.compile(r"[(（](?:附?图片[^)）]*|组图|照片)[)）]$|^(?:图片新闻|新闻图片|图片报道)$")
# A work of art printed on the page: 迎虎年（书法）, 山花烂漫（水墨画）（孙其峰）.
ARTWORK_RE = re.compile(
    r"[(（](?:书法|篆刻|国画|中国画|油画|水墨画?|水彩画?|版画|木刻|漫画|剪纸|素描|速写|年画|工笔画|宣传画|雕塑|摄影)[)）]"
    r"(?:[(（][^()（）]{2,12}[)）])?$"
)
COLUMN_MAX = 8  # column headings (栏目) are short labels: 时讯快速, 图片新闻
VERSE_RUN = 6  # a longer run of short lines is verse or a list, not a heading block


@dataclass
class Draft:
    """An article while it is being read: its heading lines and its content lines in order."""

    head: list[Line] = field(default_factory=list)
    content: list[Line] = field(default_factory=list)
    column: str | None = None
    complete: bool = False  # a work of art with its artist: nothing more joins its head

    @property
    def lines(self) -> list[Line]:
        return self.head + self.content

    def has_body(self) -> bool:
        return any(line.role in (Role.BODY, Role.DATELINE) for line in self.content)

    def ended_by_photo(self) -> bool:
        """Text, then captions and credit: the item is complete, what follows is another one."""
        trailing = 0
        while trailing < len(self.content) and self.content[-1 - trailing].role in (Role.CAPTION, Role.CREDIT):
            trailing += 1
        before = self.content[: len(self.content) - trailing]
        return trailing > 0 and any(line.role in (Role.BODY, Role.DATELINE) for line in before)


def _blocks(lines: list[Line]) -> list[list[Line]]:
    """Runs of heading-like lines that open with a heading, and every other line on its own.

    Within a run, a bare name under a heading (李学勤) is the author's byline, and a note such
    as （附图片1张） stays with the heading. A ——signature after body text opens no run.
    """
    blocks: list[list[Line]] = []
    for index, line in enumerate(lines):
        run = blocks[-1] if blocks else []
        following = lines[index + 1] if index + 1 < len(lines) else None
        after_note = bool(run) and _photo_note(run[-1])
        if line.role is Role.HEADING and (run and run[-1].role is Role.HEADING or after_note) and _author(line, following):
            line.role = Role.BYLINE
        in_run = bool(run) and run[0].role is Role.HEADING and (run[-1].role in _HEAD_ROLES or after_note)
        if after_note and line.role is Role.HEADING:
            in_run = False  # under （附图片1张） only the author's name still belongs to the heading
        if _artwork(line) or run and _artwork(run[-1]):
            in_run = False  # a work of art stands alone: its title, then at most its artist
        if len(run) >= VERSE_RUN and line.role is Role.HEADING and following is not None and line.gap > run[-1].gap:
            if following.role is Role.HEADING and is_bare_name(following.text):
                in_run = False  # after verse, a title over its author's name opens the next piece
        if in_run and (line.role in _HEAD_ROLES or _photo_note(line)):
            run.append(line)
        else:
            blocks.append([line])
    return blocks


def _photo_note(line: Line) -> bool:
    return line.role is Role.TRAILER and "图" in line.text


def _author(line: Line, following: Line | None) -> bool:
    """An author's line under a title: a name (李学勤), or a pen name of two or three characters
    (粒砂) with the text right below it."""
    if is_bare_name(line.text):
        return True
    pen_name = re.fullmatch(r"[\u4e00-\u9fff]{2,3}", line.folded) is not None
    return pen_name and following is not None and following.role in (Role.BODY, Role.DATELINE)


def _artwork(line: Line) -> bool:
    return line.role is Role.HEADING and ARTWORK_RE.search(line.folded) is not None and not ENUMERATION_RE.match(line.folded)


@lru_cache(maxsize=4096)
def _content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in words(re.sub(r"\s+", "", text)) if len(w) >= 2 and not set(w) & _STOP)


def _title_score(line: Line, draft: Draft, following: Line | None, usual_gap: int, family: bool) -> float:
    """Evidence that a single heading line inside an article starts a new article (>= 0) or is a subhead."""
    score = 0.0
    if following is not None and following.role is Role.DATELINE:
        score += 2.5
    if any(c.role is Role.DATELINE for c in draft.content):
        score += 0.5  # news items with a dateline rarely carry subheads
    elif any(h.role is Role.BYLINE for h in draft.head):
        score -= 0.5  # features and essays under a byline often do
    if line.gap > usual_gap:
        score += 1.0
    if PHOTO_NEWS_RE.search(line.folded):
        score += 2.0
    if INSIDE_LABEL_RE.match(line.folded):
        score -= 2.0
    if ENUMERATION_RE.match(line.folded):
        score -= 2.0
    if family:
        score -= 1.5
    headline = " ".join(h.text for h in draft.head if h.role is not Role.BYLINE)
    if headline and _content_words(line.text) & _content_words(headline):
        score -= 1.0
    if any(c.role is Role.SUBHEAD for c in draft.content):
        score -= 0.5
    if draft.content and draft.content[-1].role is Role.BYLINE:
        score -= 1.5  # the byline under a lead paragraph, then the first subhead
    return score


def _families(blocks: list[list[Line]]) -> set[int]:
    """Line numbers of single heading lines that share their opening with another one: parallel subheads."""
    singles = [b[0] for b in blocks if len(b) == 1 and b[0].role is Role.HEADING]
    groups: dict[str, list[Line]] = {}
    for line in singles:
        text = PHOTO_NEWS_RE.sub("", line.folded)  # every photo item ends in （图片）
        if len(text) >= 4:
            groups.setdefault("^" + text[:2], []).append(line)  # 聚焦…, 聚焦…
            groups.setdefault(text[-3:] + "$", []).append(line)  # 固定汇率制, 联系汇率制
    return {line.number for group in groups.values() if len(group) > 1 for line in group}


def _reread_in_context(lines: list[Line]) -> None:
    """Roles that only the neighbours tell: a short line ending in ？ or ！ (or with a comma in it)
    is a title when a subtitle or byline follows it; short lines after a paragraph ending in a colon are a list."""
    in_list = False
    for index, line in enumerate(lines[:-1]):
        # A headline with a comma in it: above （附图片1张）, or between a title and the dateline.
        if line.role is Role.BODY and len(line.folded) <= 40 and not ends_sentence(line.folded):
            following = lines[index + 1]
            photo_note = following.role is Role.TRAILER and "图" in following.text
            under_title = index > 0 and lines[index - 1].role is Role.HEADING and following.role is Role.DATELINE
            if photo_note or under_title:
                line.role = Role.HEADING
    for index, (line, following) in enumerate(zip(lines, lines[1:])):
        exclaims = line.role is Role.BODY and len(line.folded) <= 20 and line.folded.rstrip(CLOSERS)[-1:] in "?!…"
        with_comma = line.role is Role.BODY and len(line.folded) <= 30 and not ends_sentence(line.folded)
        after = lines[index + 2] if index + 2 < len(lines) else None
        signed = following.role in (Role.SUBTITLE, Role.BYLINE) or (
            following.role is Role.HEADING and _author(following, after)
        )
        if (exclaims or with_comma) and signed:
            line.role = Role.HEADING
        in_list = following.role is Role.HEADING and (in_list or line.role is Role.BODY and line.folded.endswith(":"))
        if in_list:
            following.role = Role.BODY


def _fact_rows(blocks: list[list[Line]]) -> set[int]:
    """Line numbers opening runs of label-value rows that recur across the page (荣誉…,
    工作单位…, 目前状况… in each profile of a series): facts inside articles, not headlines.
    A pair of rows counts only when another run opens with the same two labels: a kicker and
    title pair shares at most one opening with its neighbours."""
    runs = [b for b in blocks if len(b) >= 2 and all(line.role is Role.HEADING for line in b)]
    seen_in: dict[str, set[int]] = {}
    openings: Counter[tuple[str, str]] = Counter()
    for run in runs:
        openings[run[0].folded[:2], run[1].folded[:2]] += 1
        for line in run:
            seen_in.setdefault(line.folded[:2], set()).add(run[0].number)
    return {
        run[0].number
        for run in runs
        if all(len(seen_in[line.folded[:2]]) >= 2 for line in run)
        and (len(run) >= 3 or openings[run[0].folded[:2], run[1].folded[:2]] >= 2)
    }


_DAY_RE = re.compile(r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})日|日前|近日|最近|年底|年来|去年|\d{4}年")


_SPEAKERS = frozenset("政府 官方 警方 当局 外交部 国防部 外长 总统 总理 首相 议会 军方 央行 内阁".split())


def _brief(line: Line) -> bool:
    """A self-contained brief of a round-up: opens with a country or body's name and a day."""
    text = line.folded
    if line.role is not Role.BODY or not 40 <= len(text) <= 300 or not ends_sentence(text):
        return False
    if ENUMERATION_RE.match(text):
        return False  # an item of a list
    if not _DAY_RE.search(text[:30]):
        return False
    opening = [(word, flag) for word, flag in tagged(text[:14].lstrip("●")) if word not in ("据", "截至")]
    if not opening:
        return False
    # The tagger misses some names (约旦 as an adverb): a body that speaks still names one.
    speaker = len(opening) > 1 and opening[1][0] in _SPEAKERS
    return opening[0][1] in ("ns", "nt", "nz") or speaker


def _unrelated(line: Line, other: Line) -> bool:
    """Two paragraphs that share few words tell separate stories; a roundup's paragraphs (each
    leader's new-year address) repeat theirs."""
    return len(_content_words(line.text) & _content_words(other.text)) <= 4


def _next_brief(line: Line, previous: Line, following: Line | None) -> bool:
    """One of several untitled briefs in a row, each a story of its own."""
    in_a_row = _brief(previous) or following is not None and _brief(following)
    return (
        _brief(line)
        and in_a_row
        and _unrelated(line, previous)
        and (following is None or _unrelated(line, following))
    )


def _labels(blocks: list[list[Line]]) -> set[int]:
    """Very short single heading lines that recur on the page (韩国, 印尼): labels inside a roundup.
    A person's name (陈金水) heads a profile instead."""
    short = [
        b[0].number
        for b in blocks
        if len(b) == 1 and b[0].role is Role.HEADING and len(b[0].folded) <= 3 and not is_bare_name(b[0].text)
    ]
    return set(short) if len(short) >= 2 else set()


def group(lines: list[Line], *, usual_gap: int) -> tuple[list[Draft], list[Line]]:
    """Group a page's tagged, rejoined lines into article drafts; also return stray lines."""
    _reread_in_context(lines)
    blocks = _blocks(lines)
    family = _families(blocks)
    labels = _labels(blocks)
    facts = _fact_rows(blocks)
    drafts: list[Draft] = []
    strays: list[Line] = []
    column: str | None = None
    current: Draft | None = None

    def start(head: list[Line], first_gap: int) -> Draft:
        nonlocal column
        if first_gap > usual_gap:
            column = None
        head = list(head)
        trailing: list[Line] = []
        bylines = [i for i, h in enumerate(head) if h.role is Role.BYLINE]
        if bylines and bylines[0] > 0 and all(h.role is Role.HEADING for h in head[bylines[-1] + 1 :]):
            # Title, byline, then a heading: the article's first subhead, not part of its headline.
            trailing, head = head[bylines[-1] + 1 :], head[: bylines[-1] + 1]
            for line in trailing:
                line.role = Role.SUBHEAD
        draft = Draft(head=head, content=trailing)
        headings = [h for h in head if h.role is Role.HEADING]
        if len(headings) >= 3 and len(headings[0].folded) <= COLUMN_MAX:
            column = headings[0].text
        draft.column = column
        drafts.append(draft)
        return draft

    for index, block in enumerate(blocks):
        following = blocks[index + 1][0] if index + 1 < len(blocks) else None
        first = block[0]
        if first.role in _HEAD_ROLES:
            body_follows = following is not None and following.role in _BODY_ROLES
            if len(block) >= VERSE_RUN and len(block) > 2 and block[1].role is Role.BYLINE:
                # A poem: title and author, then verse.
                current = start(block[:2], first.gap)
                current.content.extend(block[2:])
                continue
            artist = following is not None and following.role is Role.TRAILER and following.folded.startswith("(")
            if (artist or _artwork(first)) and first.role is Role.HEADING:
                # A work on its own: 迎虎年（书法） over （关山月）; a dated signature is not an artist.
                current = start(block, first.gap)
                current.complete = True
                continue
            if len(block) >= VERSE_RUN or not body_follows or first.number in facts:
                # Verse, a table, a graphic's label: part of the article being read.
                if current is None:
                    strays.extend(block)
                else:
                    current.content.extend(block)
                continue
            if current is None or not current.has_body():
                if current is not None and not current.complete:
                    current.head.extend(block)
                else:
                    current = start(block, first.gap)
                continue
            if not any(line.role is Role.HEADING for line in block):
                current.content.extend(block)  # an author line (——张三) closing an essay
                continue
            single = len(block) == 1 and first.role is Role.HEADING
            if single and first.number in labels:
                first.role = Role.SUBHEAD
                current.content.append(first)
                continue
            if single and _title_score(first, current, following, usual_gap, first.number in family) < 0:
                first.role = Role.SUBHEAD
                current.content.append(first)
                continue
            if len(block) > 2 and ENUMERATION_RE.match(first.folded):
                current.content.append(block.pop(0))  # the last item of a list, not a kicker
            current = start(block, block[0].gap)
            continue
        if first.role is Role.DATELINE and (current is None or _dateline_starts(first, current, following)):
            current = start([], first.gap)
        elif first.role is Role.BODY and (
            current is None
            or current.ended_by_photo() and first.gap > usual_gap
            or current.has_body() and _next_brief(first, current.content[-1], following)
        ):
            current = start([], first.gap)
        elif first.role is Role.CAPTION and current is not None and first.folded.startswith("图为"):
            item = _split_photo_item(current, drafts, usual_gap)
            if item is not None:
                column = None  # the item sits apart, after a wide gap
                current = item
        if current is None:
            strays.append(first)
        else:
            current.content.append(first)
    return drafts, strays


def _dateline_starts(line: Line, current: Draft, following: Line | None) -> bool:
    """Whether a dateline paragraph opens a new item rather than a part of a roundup.

    It does after a brief (no title), after a feature with no dateline of its own, after a
    photo item or a closing note. A titled article that has its own dateline (or opens with an
    editor's note or its photo's caption) goes on: wire roundups print several datelines under
    one headline, unless they are one-paragraph items in a row that share nothing with it.
    Gaps are not trusted here: extraction spaces paragraphs unevenly.
    """
    if not current.has_body() and not current.ended_by_photo():
        return False
    if current.ended_by_photo() or current.content[-1].role is Role.TRAILER:
        return True
    if re.match(r"本报讯", line.folded):
        return True  # a local brief: roundups carry place and date in their datelines
    titled = any(h.role is Role.HEADING for h in current.head)
    has_dateline = any(c.role is Role.DATELINE for c in current.content)
    opens_with_note = bool(current.content) and EDITOR_NOTE_RE.match(current.content[0].folded) is not None
    photo_lead = len(current.content) == 1 and PHOTO_CREDIT_END_RE.search(current.content[0].folded) is not None
    if not (titled and (has_dateline or opens_with_note or photo_lead)):
        return True
    in_a_row = current.content[-1].role is Role.DATELINE or following is not None and following.role is Role.DATELINE
    headline = " ".join(h.text for h in current.head if h.role is Role.HEADING)
    return in_a_row and len(_content_words(dateline_of(line.text)[1]) & _content_words(headline)) <= 1


def _split_photo_item(current: Draft, drafts: list[Draft], usual_gap: int) -> Draft | None:
    """A headline-less photo item (text, 图为…, credit) set apart by a wide gap after another article."""
    body = [i for i, line in enumerate(current.content) if line.role in (Role.BODY, Role.DATELINE)]
    if len(body) < 2:
        return None
    for position in reversed(body[1:]):
        line = current.content[position]
        if line.gap > usual_gap and len(body) - body.index(position) <= 2:
            item = Draft(content=current.content[position:])
            current.content = current.content[:position]
            drafts.append(item)
            return item
    return None
