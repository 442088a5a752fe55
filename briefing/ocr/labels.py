"""Column labels (栏目 logos such as a column's name drawn as art): a short name of two to six
characters set apart from an article's headline, which names the column the article runs in.

In a text PDF such a label is an image (read here by OCR); on a scanned page it is a line of
display type that is not a headline. Either way it becomes the ``column`` of the article it
labels, never a headline of its own; lettering of more than one line (a series banner) or a
longer text labels no article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..read.layout.glyphs import Box, LayoutLine
from ..read.layout.roles import DISPLAY, MID

LABEL_CHARS = (2, 6)  # a column's name: this many characters, CJK only, no punctuation
NEAR = 5.0  # x body size: a label this close to a headline labels its article
ABOVE = 10.0  # x body size: or this close above it, with nothing between them
SIZE_STEP = 0.1  # a line this much smaller or larger than the title is not its next line


@dataclass
class Label:
    text: str
    box: Box


def label_text(lines: list[str]) -> str | None:
    """The column name that lettering of these lines reads as, or None: one line of two to six
    CJK characters (spaces inside a spaced name dropped)."""
    if len(lines) != 1:
        return None
    text = re.sub(r"\s+", "", lines[0])
    low, high = LABEL_CHARS
    if low <= len(text) <= high and all("\u4e00" <= c <= "\u9fff" for c in text):
        return text
    return None


def _overlap(a0: float, a1: float, b0: float, b1: float) -> float:
    return min(a1, b1) - max(a0, b0)


def scanned_labels(
    lines: list[LayoutLine], lettering: list[LayoutLine], body: float
) -> list[LayoutLine]:
    """Column labels on a scanned page: short horizontal lines of display size, apart from other
    large type and lettering (two lines of lettering together are a banner). A label drawn in
    greys (``lettering``) is one as it is; one set as type must also sit right above a vertical
    title, or under a wider horizontal title (below its byline, not its next line: another size,
    a line's gap or more away), mostly within its width."""
    large = [ln for ln in lines + lettering if ln.size >= DISPLAY * body]
    set_off = [ln for ln in lines if ln.size >= MID * body] + lettering
    found = []
    for ln in large:
        text = label_text([ln.text()])
        if ln.vertical or text is None or not _alone(ln, set_off, body):
            continue
        if ln.x1 - ln.x0 < 0.7 * len(text) * ln.size:  # squeezed: text in a picture, not a name
            continue
        if ln in lettering or any(_under_title(ln, title, text, body) for title in large):
            found.append(ln)
    return found


def _alone(line: LayoutLine, others: list[LayoutLine], body: float) -> bool:
    """No other large type or lettering within the line's own height of it."""
    margin = max(body, line.y1 - line.y0)
    return all(
        other is line
        or _overlap(other.y0 - margin, other.y1 + margin, line.y0, line.y1) <= 0
        or _overlap(other.x0 - margin, other.x1 + margin, line.x0, line.x1) <= 0
        for other in others
    )


def _under_title(line: LayoutLine, title: LayoutLine, text: str, body: float) -> bool:
    if title is line or len(title.text().strip()) <= len(text):
        return False
    if title.vertical:
        return (
            0 <= title.y0 - line.y1 < 2 * NEAR * body
            and _overlap(title.x0, title.x1, line.x0, line.x1) > 0
        )
    return (
        body <= line.y0 - title.y1 <= 4 * NEAR * body
        and _overlap(title.x0, title.x1, line.x0, line.x1) > 0.5 * (line.x1 - line.x0)
        and abs(line.size / title.size - 1) > SIZE_STEP
    )


def attach_columns(articles, labels: list[Label], body: float) -> dict[int, str]:
    """Which article each label names: the one whose text runs around it (its headline and body
    chains enclose the label's centre), else the one whose headline is nearest, within
    :data:`NEAR` body sizes. ``articles``: ``PageArticle`` records; returns article index ->
    column."""
    best: dict[int, tuple[float, str]] = {}
    for label in labels:
        x0, y0, x1, y1 = label.box
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        choice: tuple[float, float, int] | None = None
        for i, article in enumerate(articles):
            boxes = [c.box for c in article.chains]
            head = article.headline.box if article.headline else None
            if head:
                boxes.append(head)
            if not boxes:
                continue
            ax0, ay0 = min(b[0] for b in boxes), min(b[1] for b in boxes)
            ax1, ay1 = max(b[2] for b in boxes), max(b[3] for b in boxes)
            area = (ax1 - ax0) * (ay1 - ay0)  # of two articles around a label, the smaller
            if ax0 <= cx <= ax1 and ay0 <= cy <= ay1:
                distance = 0.0
            elif head and _heads(label.box, head, [a for a in articles if a is not article], body):
                distance = head[1] - y1
            elif head:
                dx = max(0.0, head[0] - x1, x0 - head[2])
                dy = max(0.0, head[1] - y1, y0 - head[3])
                distance = (dx * dx + dy * dy) ** 0.5
                if distance > NEAR * body:
                    continue
            else:
                continue
            if choice is None or (distance, area) < choice[:2]:
                choice = (distance, area, i)
        if choice is not None and (choice[2] not in best or choice[0] < best[choice[2]][0]):
            best[choice[2]] = (choice[0], label.text)
    return {i: text for i, (_, text) in best.items()}


def _heads(label: Box, head: Box, articles, body: float) -> bool:
    """The label stands over the headline, within :data:`ABOVE` body sizes, with no text of other
    ``articles`` between them (a column's logo over a vertical title, a byline beside it)."""
    left, right = max(label[0], head[0]), min(label[2], head[2])
    top, bottom = label[3], head[1]
    if right <= left or not 0 <= bottom - top <= ABOVE * body:
        return False
    for article in articles:
        boxes = [c.box for c in article.chains]
        if article.headline:
            boxes.append(article.headline.box)
        for b in boxes:
            if b[0] < right and b[2] > left and b[1] < bottom and b[3] > top:
                return False
    return True


def take_labels(page) -> list[Label]:
    """The column labels of a scanned layout page (``briefing.read.layout.glyphs.LayoutPage``), out of its
    lines (type) and its lettering (art), so that none of them is read as a headline."""
    found = scanned_labels(page.lines, page.other_text, page.body_size)
    page.lines = [ln for ln in page.lines if ln not in found]
    page.other_text = [ln for ln in page.other_text if ln not in found]
    return [Label(label_text([ln.text()]) or "", ln.box) for ln in found]
