"""Features of each line of a page, for the line labeller (:mod:`briefing.split.labeller`).

The recognisers of :mod:`briefing.split.lines` (dateline, byline, credit, caption, page header),
the rejoin evidence of :mod:`briefing.split.rejoin` (does the break cut a word in two?), blank
lines around a line, its length, how it starts and ends, the part of speech of its first and
last words, how much it shares with the lines around it and where it sits on the page: each
becomes a feature, and the model learns what they mean together. Features describe the shape
of a line, not its words, so that a model trained on one paper reads another: the only words
are the handful of box labels that papers print the same way (核心阅读, 图片报道).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Set as AbstractSet
from functools import lru_cache
from operator import itemgetter

from ..conventions import (
    AUTHOR_NOTE_KINDS,
    AUTHOR_NOTE_OPENING,
    COLUMN_TAG_RE,
    SPLITTER_PHOTO_BOX_LABELS,
)
from ..text import bigram_numbers as _bigrams
from ..text import frozen_bigram_numbers
from ..text import ends_sentence, word_tags
from .lines import (
    HAN_CHAR,
    HEADING_MAX,
    Line,
    Role,
    is_bare_name,
    is_byline,
    is_credit,
    is_furniture,
    is_signature,
    looks_like_heading,
    opens_enumeration,
    tag,
)
from .rejoin import cuts_word

# Labels of boxes that print several briefs under them: the splitter lists the briefs as items.
BRIEFS_BOX_LABELS = r"速览|数读|资讯速递|(?:新闻|国际)?速递"
# The label over a box of an article's key points, printed under its headline before the text.
KEY_POINTS_LABEL = "核心阅读"
# Labels of boxes and photo items that papers print on a line of their own. (A briefs label with
# a theme after it, 速览·国庆假期, is not matched here: the shipped model was trained so.)
BOX_LABEL_RE = re.compile(
    rf"^(?:{KEY_POINTS_LABEL}|{'|'.join(SPLITTER_PHOTO_BOX_LABELS)}|{BRIEFS_BOX_LABELS}|链接|相关链接|背景链接|"
    r"编后(?:语|记)?|编者按|记者手记|短评|小资料|延伸阅读|新闻背景|点评|数据|图表|一图读懂)$"
)


def box_label(folded: str) -> str | None:
    """The box label (核心阅读, 链接, 编者按…) that a width-folded line is, its marks (■) aside."""
    match = BOX_LABEL_RE.match(folded.strip("■●◆ "))
    return match.group() if match else None


AUTHOR_NOTE_RE = re.compile(rf"^{AUTHOR_NOTE_OPENING}(?:{AUTHOR_NOTE_KINDS})")
# Lines that close an item: 本版制图：X, 版式设计：X, 数据来源：X, 资料整理：X, X摄, X摄影报道,
# X摄（column tag） (_may_close: what each branch needs).
CLOSING_RE = re.compile(
    r"(?:制图|摄影?|供图|版式设计|设计|绘图?|资料来源|数据来源|图片来源|整理)\s*[:：]"
    r"|[摄绘]\s*[)）]?$|摄影报道$|摄\s*[(（][\u4e00-\u9fff]{2,8}[)）]$"
)
# A paragraph closed by its writer's name in brackets: …等措施。（张三）. The item ends there.
SIGNED_END_RE = re.compile(r"[。!?”…]\s*[(（][\u4e00-\u9fff、·\s]{2,12}[)）]$")
# A day near the opening of a paragraph: the mark of a news brief (约旦官方三日宣布…). Every
# branch holds 日, which _own tests first.
DAY_RE = re.compile(r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})日|日前|近日")
_SPACED = re.compile(r"\S\s+\S")  # words set apart by spaces, as headlines do
# The features the lines next to a line see: a heading over a line that opens like a news
# lead (a day: 近日, 3日) heads an item of its own more often than a subhead does.
_CORE = ("r", "L", "g", "e", "s", "ind", "name", "day")
_FAR = ("r", "L", "e", "s")  # and the lines two away: fewer, each costs every line a lookup


_LENGTH_BUCKETS = (
    (2, "1-2"),
    (4, "3-4"),
    (8, "5-8"),
    (12, "9-12"),
    (20, "13-20"),
    (30, "21-30"),
    (48, "31-48"),
    (80, "49-80"),
    (150, "81-150"),
)
# The bucket of each length up to the last bound, looked up rather than searched for.
_LENGTHS = [next(name for bound, name in _LENGTH_BUCKETS if n <= bound) for n in range(151)]


def _length(n: int) -> str:
    return _LENGTHS[n] if n <= 150 else "151+"


def _gap(n: int, usual: int, ranks: dict[int, str]) -> tuple[str, str]:
    """The gap's rank among the page's gap sizes (0: the narrowest; ``w``: the widest, when
    wider than usual) and how it compares with the usual gap: measures of the page, so that
    pages whose extraction leaves 1 and 3 blank lines read like pages that leave 0 and 2."""
    if n >= 99:
        return "top", "top"
    return ranks[n], "lt" if n < usual else "eq" if n == usual else "gt"


def _gap_ranks(lines: list[Line], usual: int) -> dict[int, str]:
    sizes = sorted({line.gap for line in lines[1:] if line.gap < 99} | {0})
    ranks = {size: str(min(rank, 3)) for rank, size in enumerate(sizes)}
    if sizes[-1] > usual:
        ranks[sizes[-1]] = "w"
    return ranks


def _end(folded: str) -> str:
    """How a line (stripped, so its last character is printed) ends."""
    if ends_sentence(folded):
        return "stop"
    last = folded[-1]
    if last in ",、;":
        return "comma"
    if last in ":":
        return "colon"
    if last in "?!":
        return "ask"
    if last in ")）]】":
        return "close"
    if last in '”’"』」':
        return "quote"
    if last.isdigit():
        return "digit"
    if HAN_CHAR.match(last):
        return "han"
    return "other"


def _start(folded: str) -> str:
    first = folded[0]
    if first in ",、;。.:!?）)”’":
        return "punct"  # a piece of a sentence: the line continues the one before
    if first in "—-－":
        return "dash"
    if first in "(（[［【":
        return "open"
    if first in '“"『「《':
        return "quote"
    if first.isdigit():
        return "digit"
    if HAN_CHAR.match(first):
        return "han"
    if first.isascii() and first.isalpha():
        return "latin"
    return "symbol"  # ■ ● ◆ ★


_COUNTS = ("0", "1", "2")


def _spaces(text: str) -> str:
    """How many runs of spaces set words apart (0, 1, 2 or more)."""
    if " " not in text and text.isprintable():
        return "0"  # no white space at all (all of it but " " is unprintable): most lines
    return str(min(2, len(_SPACED.findall(text))))


# Cheap tests that a pattern cannot match without (each a necessary condition, so that the
# features are the same): most lines of a page fail them and skip the regular expression.
def _may_close(text: str) -> bool:
    return ":" in text or "：" in text or "摄" in text or "绘" in text  # see CLOSING_RE


def _opens_more_than_closes(text: str) -> bool:
    """A quotation, book title or bracket opened and not closed on the line."""
    return (
        "“" in text
        and text.count("“") > text.count("”")
        or "《" in text
        and text.count("《") > text.count("》")
        or "(" in text
        and text.count("(") > text.count(")")
    )


def _indent(raw: str) -> str:
    body = raw.lstrip("\ufeff")
    lead = body[: len(body) - len(body.lstrip())]
    if not lead:
        return "none"
    if "\u3000" in lead:
        return "full"
    if "\xa0" in lead:
        return "nbsp"
    return "ascii"


def _end_pos(piece: str) -> tuple[str, str]:
    """The parts of speech of the first and last words of a short piece of text."""
    words = word_tags(piece)
    if not words:
        return "none", "none"
    return words[0][1][:2], words[-1][1][:2]


def _overlap_share(a: AbstractSet[int], b: AbstractSet[int]) -> float:
    """How much of the smaller set of bigrams the other holds (0 where either is empty)."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


_SHARES = ("0", "lo", "hi")
_SIMILAR_ABOVE = {share: f"simp:{share}" for share in _SHARES}
_SIMILAR_BELOW = {share: f"simn:{share}" for share in _SHARES}


def _share(a: set[int], b: set[int]) -> str:
    if a.isdisjoint(b):  # most pairs of lines: no set of shared pairs to build
        return "0"
    return "lo" if _overlap_share(a, b) < 0.25 else "hi"


def _own(line: Line, raw: str, gap_after: int, gaps: dict[int, tuple[str, str]]) -> dict[str, str]:
    """A line's own features; ``gaps`` names each gap size of the page (see _gap)."""
    text = line.folded
    n = len(text)
    gap, gap_rel = gaps[line.gap]
    after, after_rel = gaps[gap_after]
    opening = text[:24]
    inner = text[:-1]
    line.role = tag(line)  # grouping reads it again
    short = n <= 60
    feats = {
        "r": line.role._value_,  # not .value: the enum property costs more than the rest of a line
        "L": _length(n),
        "g": gap,
        "gr": gap_rel,
        "ga": after,
        "gar": after_rel,
        "e": _end(text),
        "s": _start(text),
        "ind": _indent(raw),
        "head": "1" if looks_like_heading(text) else "0",
        "commas": _COUNTS[min(2, inner.count(",") + inner.count(";"))],
        "spaces": _spaces(line.text),
        "tag": "1"
        if n > 6 and text[-1] in ")）" and COLUMN_TAG_RE.match(text)
        else "0",  # cheap test first
        "box": "1" if n <= 16 and box_label(text) else "0",
        "note": "1" if text[0] in "(（" and AUTHOR_NOTE_RE.match(text) else "0",
        "signed": "1" if text[-1] in ")）" and SIGNED_END_RE.search(text) else "0",
        "close": "1" if short and _may_close(text) and CLOSING_RE.search(text) else "0",
        "day": "1" if "日" in opening and DAY_RE.search(opening) else "0",
        "enum": "1" if opens_enumeration(text) else "0",
        "digits": "1" if short and sum(map(str.isdigit, text)) * 3 > n else "0",
        "open_q": "1" if _opens_more_than_closes(text) else "0",
    }
    # The parts of speech of the words opening and closing a short line: a line of up to
    # 24 characters is tagged whole, once; a longer one by its first and last six characters.
    ends = _end_pos(text) if n <= 24 else None
    if (
        2 <= n <= HEADING_MAX or feats["day"] == "1"
    ):  # the word opening a heading, a name, a brief (a place)
        feats["p0"] = (ends or _end_pos(text[:6]))[0]
    # An author's name under a title (李学勤, 东港市财政局局长周海), or a pen name (粒砂).
    feats["name"] = "1" if n <= 24 and feats["head"] == "1" and is_bare_name(line.text) else "0"
    if feats["day"] == "1" and 40 <= n <= 300 and feats["e"] == "stop":
        # One of a run of untitled briefs: a body (place, organisation) and a day, then the story.
        feats["brief"] = feats["p0"]
    if 2 <= n <= HEADING_MAX:
        feats["p1"] = (ends or _end_pos(text[-6:]))[1]
    if short:  # recognisers that the role can shadow (a dated byline, a credit that looks like
        # a header), asked as tag() asks them
        if is_byline(text):
            feats["by"] = "1"
        if is_credit(text):
            feats["cred"] = "1"
        # tag() has asked a line this short: only a furniture line is furniture.
        if line.role is Role.FURNITURE and is_furniture(text):
            feats["fur"] = "1"
        if is_signature(text):
            feats["sig"] = "1"
    return feats


def _heading_above(heads: list[int], count: int) -> list[int | None]:
    """For each line, the nearest heading-like line above it, not counting the line right before."""
    above: list[int | None] = [None] * count
    pointer = 0
    for index in range(count):
        while pointer + 1 < len(heads) and heads[pointer + 1] < index - 1:
            pointer += 1
        if heads and heads[pointer] < index - 1:
            above[index] = heads[pointer]
    return above


def _photo_ahead(lines: list[Line], reach: int = 6) -> list[bool]:
    """Whether a caption or credit follows within ``reach`` lines."""
    marks = [line.role in (Role.CAPTION, Role.CREDIT) for line in lines]
    return [any(marks[index + 1 : index + 1 + reach]) for index in range(len(lines))]


def _dated_since_heading(lines: list[Line], own: list[dict[str, str]]) -> list[bool]:
    """Whether a dateline paragraph stands between the heading-like line above and this line."""
    seen, out = False, []
    for line, mine in zip(lines, own):
        out.append(seen)
        if mine["head"] == "1":
            seen = False
        elif line.role is Role.DATELINE:
            seen = True
    return out


def _under_box(own: list[dict[str, str]]) -> list[bool]:
    """Whether the nearest heading-like line above is a box label (速览, 数读, 资讯速递)."""
    boxed, out = False, []
    for mine in own:
        out.append(boxed)
        if mine["head"] == "1":
            boxed = mine["box"] == "1"
    return out


# How much of the text just above a line the text from it on shares (character bigrams, up to
# WINDOW characters a side, heading lines left out): an article goes on about the same people
# and places across a subhead, a new one changes them. Cut points of its buckets.
WINDOW = 300
_COHESION = ((0.025, "0"), (0.05, "1"), (0.08, "2"))


def _window(
    lines: list[Line],
    own: list[dict[str, str]],
    indexes: range,
    known: dict[tuple[int, ...], frozenset[int]],
) -> frozenset[int]:
    """The bigrams of the text of the non-heading lines at ``indexes``, joined in that order and
    cut at WINDOW characters (one encoding of the joined text: cheaper than joining the lines'
    own sets). ``known`` holds the page's windows by the lines they take: a heading and the
    dateline under it look across the same two windows (headings are left out of both); frozen,
    as several lines share each."""
    taken: list[int] = []
    size = 0
    for index in indexes:
        if own[index]["head"] == "1":
            continue
        taken.append(index)
        size += len(lines[index].folded)
        if size >= WINDOW:
            break
    if not taken:
        return frozenset()
    key = tuple(taken)
    grams = known.get(key)
    if grams is None:
        grams = known[key] = frozen_bigram_numbers(
            "".join([lines[i].folded for i in taken])[:WINDOW]
        )
    return grams


def _cohesion(
    lines: list[Line],
    own: list[dict[str, str]],
    index: int,
    known: dict[tuple[int, ...], frozenset[int]],
) -> str:
    """The bucket of the text shared across the break above ``lines[index]`` (``known``: see
    _window)."""
    before = _window(lines, own, range(index - 1, max(-1, index - 12), -1), known)
    after = _window(lines, own, range(index, min(len(lines), index + 12)), known)
    if not before or not after:
        return "none"
    share = _overlap_share(before, after)
    return next((name for bound, name in _COHESION if share < bound), "3")


# Attribute names spelled out once per process, not once per line: lines of one shape share
# them. A line's own features are spelled in two parts, each cached: the ten every line has
# (its shape, first in _own's dict, which the style and the pairs read) and the marks after
# them (mostly "0"). Lines repeat each part far more often than the whole (on the 82 pd1998 dev
# pages 1,950 distinct wholes of 6,374 lines, each spelled from nothing), and the attributes
# come out in the same order.
_SHAPE = ("r", "L", "g", "gr", "ga", "gar", "e", "s", "ind", "head")
_SHAPED = len(_SHAPE)


@lru_cache(maxsize=4096)
def _spelled_shape(values: tuple[str, ...], style: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A line's shape features (``_SHAPE``) as attribute names (``o:r:body``) after the bias;
    and the page's style with the pairs of them that the model weighs together, which follow
    the line's other own features."""
    role, length, _, gap, _, gap_after, end, _, indent, head = values
    return (
        ("bias", *_spelled_marks(_SHAPE, values)),
        (
            f"style:{style}",
            f"ind|style:{indent}|{style}",
            f"r|L:{role}|{length}",
            f"r|g:{role}|{gap}",
            f"e|ga:{end}|{gap_after}",
            f"head|gr|gar:{head}|{gap}|{gap_after}",
        ),
    )


# Keyed by the names and the values as two flat tuples: a tuple of (name, value) pairs costs a
# tuple per feature to build and to hash.
@lru_cache(maxsize=4096)
def _spelled_marks(names: tuple[str, ...], values: tuple[str, ...]) -> tuple[str, ...]:
    """Own features (``names`` with their ``values``) as attribute names: o:name:value."""
    return tuple(f"o:{name}:{value}" for name, value in zip(names, values))


@lru_cache(maxsize=4096)
def _after(prev: tuple[str, str, str, str], mine: tuple[str, str, str, str]) -> tuple[str, ...]:
    """Pairs of the line above's features (end, role, signed, close) with this line's (start,
    role, gap, heading)."""
    end, role, signed, close = prev
    start, own_role, gap, head = mine
    return (
        f"pe|s:{end}|{start}",
        f"pr|r:{role}|{own_role}",
        f"pe|gr:{end}|{gap}",
        # The text above closed with its writer's name, a credit or a note: what follows
        # opens another item.
        f"psigned|head:{signed}|{head}",
        # A closing credit above (本版制图：X, X摄（column tag）): the heading under it opens
        # the next item (the line's own close mark reaches no neighbour otherwise).
        f"pclose|head:{close}|{head}",
    )


_PREV = itemgetter("e", "r", "signed", "close")
_MINE = itemgetter("s", "r", "gr", "head")
_CORE_OF = itemgetter(*_CORE)


# The lines a line's features look at, by offset, and which of their features each sees.
_NEIGHBOURS = ((-2, _FAR), (-1, _CORE), (1, _CORE), (2, _FAR))


@lru_cache(maxsize=4096)
def _seen_from(core: tuple[str, ...]) -> dict[int, tuple[str, ...]]:
    """What the lines around a line see of it (its ``_CORE`` values), by their offset to it."""
    values = dict(zip(_CORE, core))
    return {
        offset: tuple(f"{offset:+d}:{name}:{values[name]}" for name in names)
        for offset, names in _NEIGHBOURS
    }


# What a line sees of a neighbour that is not there (past the top or the bottom of the page).
_NONE: dict[int, tuple[str, ...]] = {offset: (f"{offset:+d}:none",) for offset, _ in _NEIGHBOURS}


def _distance(lines: int) -> str:
    return "2-3" if lines <= 3 else "4-8" if lines <= 8 else "9-20" if lines <= 20 else "21+"


def page_features(lines: list[Line], raw_lines: list[str]) -> list[list[str]]:
    """The features of each non-blank line of a page (``lines`` from :func:`page_lines`).

    Each line's features are a list of attribute names in python-crfsuite's item format, each
    with weight 1: ``o:r:body`` is the line's own feature ``r=body``, ``-1:r:body`` the line
    above's. Built as strings here (not as nested dicts for crfsuite to flatten): that halves
    the cost of handing a page to the tagger."""
    if not lines:
        return []
    gaps = Counter(line.gap for line in lines[1:])
    usual = min(gaps.most_common(1)[0][0], 2) if gaps else 1
    indented = sum(raw_lines[line.number - 1][:1].isspace() for line in lines) / len(lines)
    style = "crawl" if indented > 0.3 else "flat"
    ranks = _gap_ranks(lines, usual)
    names = {size: _gap(size, usual, ranks) for size in {99, *(line.gap for line in lines)}}
    own = []
    for index, line in enumerate(lines):
        gap_after = lines[index + 1].gap if index + 1 < len(lines) else 99
        own.append(_own(line, raw_lines[line.number - 1], gap_after, names))
    # Two rows past each end of the page, which the lines near it see as none.
    seen_from = [_NONE, _NONE, *(_seen_from(_CORE_OF(mine)) for mine in own), _NONE, _NONE]
    grams = [_bigrams(line.folded[:24]) for line in lines]
    # How much each line shares with the one above (symmetric: the line above's "next" too).
    shared = ["0", *(_share(grams[i], grams[i - 1]) for i in range(1, len(lines)))]
    last = len(lines) - 1
    heads = [index for index, mine in enumerate(own) if mine["head"] == "1"]
    openings = Counter(lines[i].folded[:2] for i in heads)
    endings = Counter(lines[i].folded[-2:] for i in heads)
    above = _heading_above(heads, len(lines))
    photo_ahead = _photo_ahead(lines)
    dated = _dated_since_heading(lines, own)
    boxed = _under_box(own)
    windows: dict[tuple[int, ...], frozenset[int]] = {}
    out: list[list[str]] = []
    for index, line in enumerate(lines):
        mine = own[index]
        # _own's dict opens on _SHAPE in its order (a test holds it to that): both parts are cut
        # from the line's features by position, read once.
        values = tuple(mine.values())
        shape, pairs = _spelled_shape(values[:_SHAPED], style)
        feats = [*shape, *_spelled_marks(tuple(mine)[_SHAPED:], values[_SHAPED:]), *pairs]
        feats.append(
            f"pos:{index}"
            if index < 5
            else "pos:mid"
            if index < last - 1
            else f"pos:end{last - index}"
        )
        # The four neighbours, -2 to +2 (``seen_from`` is padded: line ``index`` is at index + 2).
        feats += seen_from[index][-2]
        feats += seen_from[index + 1][-1]
        feats += seen_from[index + 3][1]
        feats += seen_from[index + 4][2]
        if index > 0:
            previous = lines[index - 1]
            prev = own[index - 1]
            feats += _after(_PREV(prev), _MINE(mine))
            feats.append(_SIMILAR_ABOVE[shared[index]])
            if (
                "brief" in mine
            ):  # briefs in a row tell different stories; a roundup's paragraphs repeat theirs
                similar = _share(_bigrams(line.folded), _bigrams(previous.folded))
                in_a_row = "brief" in prev or index < last and "brief" in own[index + 1]
                feats += (f"simw:{similar}", f"brief_run:{int(in_a_row)}|{similar}")
            if prev["e"] not in ("stop", "colon", "ask") and cuts_word(
                previous.folded, line.folded
            ):
                feats.append("cut")
        if index and (
            mine["head"] == "1"
            and own[index - 1]["head"] == "0"
            or "brief" in mine
            or line.role is Role.DATELINE
        ):
            feats.append(f"coh:{_cohesion(lines, own, index, windows)}")
        if mine["head"] == "1":
            # Subheads come in families (聚焦…, 聚焦…) and share words with the title above them.
            feats.append(
                f"fam:{int(openings[line.folded[:2]] > 1 or endings[line.folded[-2:]] > 1)}"
            )
            # A dateline in the text above: news items carry no subheads, so a heading after
            # one opens the next item.
            feats.append(f"dated:{int(dated[index])}")
            heading = above[index]
            if heading is not None:
                feats.append(f"simt:{_share(grams[index], grams[heading])}")
                feats.append(f"dh:{_distance(index - heading)}")
            else:
                feats.append("simt:none")
        if line.role is Role.DATELINE:
            # A second dateline under one heading opens an untitled item of its own, unless
            # the heading is a box label: the briefs of a 速览 box are one article.
            feats.append(f"redated|box:{int(dated[index])}|{int(boxed[index])}")
        # A photo item (text, 图为…, credit) below, set apart by a wide gap or not.
        feats.append(f"photo|gr:{int(photo_ahead[index])}|{mine['gr']}")
        if index < last:
            feats.append(_SIMILAR_BELOW[shared[index + 1]])
            feats.append(f"r|nr:{mine['r']}|{own[index + 1]['r']}")
        out.append(feats)
    return out
