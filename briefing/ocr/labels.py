"""Column labels (栏目 logos such as a column's name drawn as art): a short name of two to six
characters set apart from an article's headline, which names the column the article runs in.

In a text PDF such a label is an image (read here by OCR); on a scanned page it is a line of
display type that is not a headline. Either way it becomes the ``column`` of the article it
labels, never a headline of its own; lettering of more than one line (a series banner) or a
longer text labels no article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..read.layout.glyphs import Box, LayoutLine, enclosing
from ..read.layout.roles import DISPLAY, MID

if TYPE_CHECKING:  # annotations only: ocr.page imports statistics, which a text PDF needn't load
    from .page import LowConfidence

LABEL_CHARS = (2, 6)  # a column's name: this many characters, CJK only, no punctuation
NEAR = 5.0  # x body size: a label this close to a headline labels its article
ABOVE = 10.0  # x body size: or this close above it, with nothing between them
SIZE_STEP = 0.1  # a line this much smaller or larger than the title is not its next line
# a label whose characters score less than this on average is not read surely: not a name
LABEL_CONFIDENCE = 0.8


@dataclass
class Label:
    """A column label, what OCR read it as, and its characters read with low confidence. A label
    not read surely (art, such as calligraphy, that the recogniser reads only weakly) names no
    column: it is reported with its doubtful characters, never guessed."""

    text: str
    box: Box
    doubtful: list[LowConfidence] = field(default_factory=list)
    sure: bool = True


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


def _boxes(article) -> list[Box]:
    """An article's headline and text chains."""
    return [c.box for c in article.chains] + ([article.headline.box] if article.headline else [])


def attach_columns(articles, labels: list[Label], body: float) -> dict[int, str]:
    """Which articles each label names: the one whose text runs around it (its headline and
    body chains enclose the label's centre), else the one it stands over (its headline or its
    text, within :data:`ABOVE` body sizes, nothing between them), else the one whose headline is
    nearest, within :data:`NEAR` body sizes. A label that none of these places, set in the
    corner where the text of two or more articles meets (its box reaching into each of them,
    its centre in none), names all of them: one column's logo over the articles it holds.
    ``articles``: ``PageArticle`` records; returns article index -> column."""
    best: dict[int, tuple[float, str]] = {}
    boxes = [_boxes(article) for article in articles]
    extents = [enclosing(b) for b in boxes]
    for label in (lb for lb in labels if lb.sure):
        x0, y0, x1, y1 = label.box
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        choice: tuple[float, float, int] | None = None
        for i, (article, extent) in enumerate(zip(articles, extents)):
            if extent is None:
                continue
            ax0, ay0, ax1, ay1 = extent
            head = article.headline.box if article.headline else None
            area = (ax1 - ax0) * (ay1 - ay0)  # of two articles around a label, the smaller
            if ax0 <= cx <= ax1 and ay0 <= cy <= ay1:
                distance = 0.0
            elif _over(label.box, extent, _others(boxes, i), body):
                distance = ay0 - y1
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
        if choice is not None:
            named = [(choice[0], choice[2])]
        else:
            named = [(NEAR * body, i) for i in _corner(label.box, extents, body)]
        for distance, i in named:
            if i not in best or distance < best[i][0]:
                best[i] = (distance, label.text)
    return {i: text for i, (_, text) in best.items()}


def _others(boxes: list[list[Box]], i: int) -> list[Box]:
    """The boxes of every article but the ``i``-th."""
    return [b for j, theirs in enumerate(boxes) if j != i for b in theirs]


def _over(label: Box, extent: Box, others: list[Box], body: float) -> bool:
    """The label stands over an article (its headline or its text: a column's logo over a
    vertical title, or over the text beside it), within :data:`ABOVE` body sizes, with none of
    ``others`` (the other articles' headlines and chains) between them."""
    left, right = max(label[0], extent[0]), min(label[2], extent[2])
    top, bottom = label[3], extent[1]
    if right <= left or not 0 <= bottom - top <= ABOVE * body:
        return False
    return not any(b[0] < right and b[2] > left and b[1] < bottom and b[3] > top for b in others)


def _corner(label: Box, extents: list[Box | None], body: float) -> list[int]:
    """The articles whose text the label reaches into by a body size or more each way, when it
    reaches into two or more of them and its centre is in none (else an empty list)."""
    x0, y0, x1, y1 = label
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    into = []
    for i, extent in enumerate(extents):
        if extent is None:
            continue
        if extent[0] <= cx <= extent[2] and extent[1] <= cy <= extent[3]:
            return []
        if _overlap(x0, x1, extent[0], extent[2]) >= body and _overlap(
            y0, y1, extent[1], extent[3]
        ) >= min(body, y1 - y0):
            into.append(i)
    return into if len(into) >= 2 else []


def take_labels(page, doubtful: list[LowConfidence]) -> list[Label]:
    """The column labels of a scanned layout page (``briefing.read.layout.glyphs.LayoutPage``),
    out of its lines (type) and its lettering (art), so that none of them is read as a headline.
    ``doubtful``: the page's characters read with low confidence; a label whose characters
    average below :data:`LABEL_CONFIDENCE` (those not doubtful counted as sure) names no column."""
    found = scanned_labels(page.lines, page.other_text, page.body_size)
    page.lines = [ln for ln in page.lines if ln not in found]
    page.other_text = [ln for ln in page.other_text if ln not in found]
    return heading_labels([(ln.text(), ln.box) for ln in found], doubtful)


def heading_labels(headings: list[tuple[str, Box]], doubtful: list[LowConfidence]) -> list[Label]:
    """Headlines that head no text (the layout's "headline-only" furniture: ``(text, box)``)
    whose text is a column's name: a column's logo set as type that no rule told from a
    headline. They label the article :func:`attach_columns` places them with (over its text,
    by its headline); ``doubtful``: as for :func:`take_labels`."""
    labels = []
    for heading, box in headings:
        text = label_text([heading])
        if text is None:
            continue
        weak = [d for d in doubtful if _inside(d.box, box)]
        score = (sum(d.confidence for d in weak) + len(text) - len(weak)) / len(text)
        labels.append(Label(text, box, weak, sure=score >= LABEL_CONFIDENCE))
    return labels


def _inside(char: list[float], box: Box) -> bool:
    """The centre of a character's box is inside ``box``."""
    cx, cy = (char[0] + char[2]) / 2, (char[1] + char[3]) / 2
    return box[0] <= cx <= box[2] and box[1] <= cy <= box[3]
