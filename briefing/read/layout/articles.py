"""From a page's layout to articles: which column chains belong to which headline, the order
of the chains inside an article, paragraphs, subheads and the author note; articles in
reading order (top to bottom by their top-left corner, a row of tops taken left to right).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .glyphs import LayoutLine, LayoutPage
from .roles import Box, Chain, Headline, Layout, blocked_h, span_overlap

NOTE_RE = re.compile(r"^[（(](本文)?作者.{2,80}[）)]$")
ROW_TOLERANCE = 40.0  # points: tops this close are one row, read left to right


@dataclass
class PageArticle:
    headline: Headline | None
    chains: list[Chain] = field(default_factory=list)
    kicker: str | None = None
    title: str | None = None
    subtitle: str | None = None
    byline: str | None = None
    body: list[str] = field(default_factory=list)
    subheads: list[str] = field(default_factory=list)
    note: str | None = None
    boxes: list[list[float]] = field(default_factory=list)
    column: str | None = None  # the column label printed with it (an image, read by OCR)

    @property
    def top_left(self) -> tuple[float, float]:
        boxes = [c.box for c in self.chains] + ([self.headline.box] if self.headline else [])
        return min(b[1] for b in boxes), min(b[0] for b in boxes)


def _blocked_v(a: Box, b: Box, page: LayoutPage) -> bool:
    """A vertical rule between two rectangles side by side, along most of ``b``'s height."""
    for x, ry0, ry1 in page.vrules:
        between = a[2] - 1 <= x <= b[0] + 1 or b[2] - 1 <= x <= a[0] + 1
        if between and span_overlap(ry0, ry1, b[1], b[3]) > 0.3 * (b[3] - b[1]):
            return True
    return False


def _distance(group: Headline, chain: Chain, layout: Layout) -> float | None:
    """How far a chain is from a headline, or None when it cannot belong to it."""
    page, body = layout.page, layout.page.body_size
    g, s = group.box, chain.box
    dx = max(0.0, g[0] - s[2], s[0] - g[2])
    if group.vertical:
        if s[3] <= g[1]:
            return None
    elif s[1] < g[1] - 0.5 * body and not (
        dx > 0 and s[1] >= g[1] - 2 * group.title_size and s[3] > g[3]
    ):
        return None  # starts above the headline, unless it runs down beside it
    dy = max(0.0, s[1] - g[3])
    if dy > 0 and blocked_h(g[3], s[1], s[0], s[2], page):
        return None
    if dx > 0 and _blocked_v(g, s, page):
        return None
    for other in layout.headlines:  # another headline in between takes the chain
        o = other.box
        if (
            other is not group
            and other.container == group.container
            and o[1] >= g[3] - 1
            and o[3] <= s[1] + 1
            and span_overlap(o[0], o[2], s[0], s[2]) > 0
        ):
            return None
    return dy + 2 * dx


def assign(layout: Layout) -> list[Chain]:
    """Give each body chain to its headline; return the chains that no headline can take."""
    orphans = []
    for chain in layout.chains:
        best, best_d = None, float("inf")
        for group in layout.headlines:
            if group.container != chain.container:
                continue
            d = _distance(group, chain, layout)
            if d is not None and d < best_d:
                best, best_d = group, d
        if best is None:
            orphans.append(chain)
        else:
            best.chains.append(chain)
    return orphans


def order_chains(chains: list[Chain]) -> list[Chain]:
    """Reading order inside one article: XY-cut, columns left to right, bands top to bottom."""
    if len(chains) <= 1:
        return list(chains)
    for axis in (0, 1):  # 0: cut between columns first; 1: between bands
        lo, hi = (0, 2) if axis == 0 else (1, 3)
        items = sorted(chains, key=lambda c: c.box[lo])
        groups, reach = [[items[0]]], items[0].box[hi]
        for c in items[1:]:
            if c.box[lo] >= reach - 2:
                groups.append([c])
            else:
                groups[-1].append(c)
            reach = max(reach, c.box[hi])
        if len(groups) > 1:
            return [c for g in groups for c in order_chains(g)]
    return sorted(chains, key=lambda c: (c.box[1], c.box[0]))


def _join(parts: list[str]) -> str:
    out = ""
    for part in parts:
        if (
            out
            and out[-1].isascii()
            and out[-1].isalnum()
            and part[:1].isascii()
            and part[:1].isalnum()
        ):
            out += " "
        out += part
    return out


def _spaced(lines: list[LayoutLine]) -> str | None:
    parts: list[str] = []
    previous: list[LayoutLine | None] = [None, *lines[:-1]]
    for prev, ln in zip(previous, lines):
        if (
            prev is not None
            and abs(prev.y1 - ln.y1) < 0.3 * ln.size
            and ln.x0 - prev.x1 > 0.4 * ln.size
        ):
            parts.append(" ")  # a visible gap between two pieces of one line
        parts.append(ln.text(gaps=True).strip())
    text = _join(parts)
    return re.sub(r"\s+", " ", text).strip() or None


def fill(article: PageArticle, body: float) -> None:
    """Headline fields, paragraphs, subheads and the note, from the article's lines."""
    group = article.headline
    if group is not None:
        size = group.title_size
        title = [ln for ln in group.lines if ln.size >= 0.9 * size]
        top = min(ln.y0 for ln in title)
        article.title = _spaced(title)
        article.kicker = _spaced([ln for ln in group.lines if ln not in title and ln.y1 <= top + 1])
        subtitle = [
            ln for ln in group.lines if ln not in title and ln.y1 > top + 1
        ] + group.subtitle_lines
        article.subtitle = _spaced(sorted(subtitle, key=lambda l: l.y0))
        article.byline = _spaced(sorted(group.bylines, key=lambda l: (l.y0, l.x0)))
        article.boxes.append([round(v, 1) for v in group.box])
    paragraphs: list[list[str]] = []
    open_paragraph = False
    subhead: list[str] = []
    for chain in article.chains:
        article.boxes.append([round(v, 1) for v in chain.box])
        text_lines = [ln for ln in chain.lines if ln.role != "subhead"]
        left = min((ln.x0 for ln in text_lines), default=chain.box[0])
        for i, ln in enumerate(chain.lines):
            if ln.role == "subhead":
                subhead.append(ln.text())
                open_paragraph = False
                continue
            if subhead:
                article.subheads.append(_join(subhead))
                subhead = []
            indented = (
                ln.x0 - left >= 1.2 * body
                and len(text_lines) > 1
                or ln.text().startswith(("（作者", "(作者"))
            )
            if indented or not open_paragraph or not paragraphs:
                paragraphs.append([])
            paragraphs[-1].append(ln.text())
            # a line that stops short of the column's right edge ends its paragraph
            near = chain.lines[max(0, i - 3) : i + 4]
            open_paragraph = ln.x1 >= max(n.x1 for n in near) - 1.5 * body
    if subhead:
        article.subheads.append(_join(subhead))
    article.body = _close_notes([p for p in (_join(parts).strip() for parts in paragraphs) if p])
    if article.body and NOTE_RE.match(article.body[-1]):
        article.note = article.body.pop()


def _close_notes(paragraphs: list[str]) -> list[str]:
    """An author note set in a narrow space breaks like short paragraphs: one note until ）."""
    out: list[str] = []
    for para in paragraphs:
        if out and out[-1].startswith(("（作者", "(作者")) and not out[-1].endswith(("）", ")")):
            out[-1] += para
        else:
            out.append(para)
    return out


def _reading_order(articles: list[PageArticle]) -> list[PageArticle]:
    items = sorted(articles, key=lambda a: a.top_left)
    out: list[PageArticle] = []
    while items:
        row_top = items[0].top_left[0]
        row = [a for a in items if a.top_left[0] - row_top <= ROW_TOLERANCE]
        out.extend(sorted(row, key=lambda a: a.top_left[1]))
        items = [a for a in items if a not in row]
    return out


def page_articles(layout: Layout) -> tuple[list[PageArticle], list[tuple[str, str, Box]]]:
    """Articles of one page in reading order, and what else the page holds (kind, text, box)."""
    orphans = assign(layout)
    body = layout.page.body_size
    furniture = list(layout.furniture)
    articles: list[PageArticle] = []
    for group in layout.headlines:
        if not group.chains:
            lines = group.lines + group.subtitle_lines + group.bylines
            furniture.append(("headline-only", _spaced(lines) or "", group.box))
            continue
        articles.append(PageArticle(headline=group, chains=order_chains(group.chains)))
    # chains that no headline takes: one headline-less item per container when they hold real text
    by_container: dict[int, list[Chain]] = {}
    for chain in orphans:
        by_container.setdefault(chain.container, []).append(chain)
    for chains in by_container.values():
        if sum(len(c.text()) for c in chains) >= 80:
            articles.append(PageArticle(headline=None, chains=order_chains(chains)))
        else:
            furniture.extend(
                ("other", " ".join(ln.text(gaps=True) for ln in c.lines), c.box) for c in chains
            )
    for article in articles:
        fill(article, body)
    return _reading_order(articles), furniture
