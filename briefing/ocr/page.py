"""From OCR lines on a page image to the page the layout analysis reads (``briefing.read.layout.glyphs.LayoutPage``).

Coordinates become points on the page (a PDF page's own size, or the image at its dpi). The
page's skew is measured from the slope of its long lines and taken out of every box. A line's
type size comes from the height of its ink; sizes within a few percent of each other are one
size, as they are in a text layer. Rules and boxes are long thin runs of ink; pictures are
areas of varied grey outside the text lines.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from ..read.layout.glyphs import WHITE, Box, Char, LayoutLine, LayoutPage, join_horizontal
from ..read.layout.roles import MID
from .engine import OcrLine

INK_TO_SIZE = 1 / 0.9  # a CJK glyph's ink fills about 0.9 of its type size
SIZE_TOLERANCE = 0.07  # sizes this close (share) are one size
BODY_TOLERANCE = 0.05  # and sizes this close to the body size are the body size
LOW_CONFIDENCE = 0.8  # a character scored below this is reported
TINT = 12  # a ground this much darker than the paper is a tint
PLAIN, TINTED, ART = (
    "ocr",
    "ocr-tint",
    "ocr-art",
)  # the "font" of characters on paper, on a tint, in lettering


@dataclass
class PageGeometry:
    """Image pixels to page points."""

    scale: float  # points per pixel
    width: float  # the page, in points
    height: float


@dataclass
class LowConfidence:
    """A character the recogniser was unsure of, where it is, and its line."""

    char: str
    confidence: float
    line: str
    box: list[float]


def skew_angle(lines: list[OcrLine]) -> float:
    """The page's skew in radians (positive: lines rise to the right in image coordinates
    where y grows downward, i.e. negative slope), the median over long horizontal lines."""
    angles = []
    for line in lines:
        (x0, y0), (x1, y1) = line.quad[0], line.quad[1]
        length = math.hypot(x1 - x0, y1 - y0)
        height = math.hypot(line.quad[3][0] - x0, line.quad[3][1] - y0)
        if not line.vertical and length > 4 * height:
            angles.append(math.atan2(y1 - y0, x1 - x0))
    return statistics.median(angles) if len(angles) >= 3 else 0.0


def rotate_points(points, angle: float, centre: tuple[float, float]) -> list[tuple[float, float]]:
    cos, sin = math.cos(-angle), math.sin(-angle)
    cx, cy = centre
    return [
        (cx + (x - cx) * cos - (y - cy) * sin, cy + (x - cx) * sin + (y - cy) * cos)
        for x, y in points
    ]


def _chars(
    line: OcrLine, corners: list[tuple[float, float]], geo: PageGeometry, paper: int
) -> list[Char]:
    """The line's characters with boxes in points: along the line where the recogniser saw
    them, across it where the ink is."""
    xs, ys = [p[0] for p in corners], [p[1] for p in corners]
    x0, y0, x1, y1 = (v * geo.scale for v in (min(xs), min(ys), max(xs), max(ys)))
    lo, hi = line.ink
    chars: list[Char] = []
    color = WHITE if line.reversed else 0
    font = (
        ART
        if line.art
        else TINTED
        if line.background < paper - TINT and not line.reversed
        else PLAIN
    )
    if line.vertical:
        left, right = x0 + lo * (x1 - x0), x0 + hi * (x1 - x0)
        size = (right - left) * INK_TO_SIZE
        glyphs = [ch for ch in line.chars if not ch.c.isspace()]
        step = (y1 - y0) / max(len(glyphs), 1)
        for i, ch in enumerate(glyphs):
            top = y0 + i * step + max(0.0, step - size) / 2
            chars.append(
                Char(
                    ch.c, left, top, right, top + min(size, step), size=size, font=font, color=color
                )
            )
        return chars
    top, bottom = y0 + lo * (y1 - y0), y0 + hi * (y1 - y0)
    ink_length = (line.along[1] - line.along[0]) * (x1 - x0)
    ink_height = bottom - top
    if (
        len(line.text.strip()) == 1
    ):  # a lone glyph is about square: the smaller side is the one not touched by a neighbour's ink
        ink_height = min(ink_height, ink_length)
    size = _line_size(line, ink_height * INK_TO_SIZE, ink_length)
    length = x1 - x0
    prev_end = x0
    for ch in line.chars:
        centre = x0 + (ch.x0 + ch.x1) / 2 * length
        width = size * (0.5 if ch.c.isascii() else 0.95)
        # runs of Latin letters and digits are set solid: the recogniser's places jitter by more
        # than the gap that would read as a space between them
        solid = (
            ch.c.isascii()
            and not ch.c.isspace()
            and chars
            and chars[-1].c.isascii()
            and not chars[-1].c.isspace()
        )
        start = prev_end if solid else max(centre - width / 2, prev_end)
        end = max(start + 0.1, min(centre + width / 2, x1))
        chars.append(Char(ch.c, start, top, end, bottom, size=size, font=font, color=color))
        prev_end = end
    return chars


def _join_columns(pieces: list[list[Char]]) -> list[LayoutLine]:
    """Vertical lines from their detected pieces (a column, or its characters boxed one by
    one): pieces one above the other, overlapping across, close along, are one line."""
    out: list[LayoutLine] = []
    for line in sorted((LayoutLine(p, vertical=True) for p in pieces), key=lambda ln: ln.y0):
        for prev in out:
            overlap = min(prev.x1, line.x1) - max(prev.x0, line.x0)
            gap = line.y0 - prev.y1
            if (
                overlap > 0.5 * min(prev.width, line.width)
                and -0.5 * line.size < gap < 1.5 * line.size
                and abs(prev.size - line.size) < 0.25 * line.size
            ):
                prev.chars.extend(line.chars)
                prev.refresh()
                break
        else:
            out.append(line)
    return out


def _stacked(ch: Char, singles: list[Char]) -> bool:
    """A lone character with another right above or below it: a short vertical line (a
    vertical byline) that the detector boxed character by character."""
    cx = (ch.x0 + ch.x1) / 2
    for other in singles:
        if (
            other is not ch
            and abs((other.x0 + other.x1) / 2 - cx) < 0.3 * ch.size
            and min(abs(other.y0 - ch.y1), abs(ch.y0 - other.y1)) < 0.8 * ch.size
        ):
            return True
    return False


def _line_size(line: OcrLine, ink_size: float, ink_length: float) -> float:
    """Type size of a horizontal line. Solid-set lines (body text) give it by their pitch, the
    length of their ink over their characters (CJK one em, others half), to within a percent;
    the ink's height is a pixel more or less (7% at 150 dpi). Spaced lines (headlines, bylines)
    and short ones keep the height."""
    ems = sum(1.0 if not ch.c.isascii() else 0.5 for ch in line.chars if not ch.c.isspace())
    if ems < 3 or any(ch.c.isspace() for ch in line.chars):
        return ink_size
    pitch = ink_length / (ems - 0.05)
    # a pitch well over the ink's size is letter-spacing; one under it is ink that a neighbour
    # (a comma's tail, the next line) stretched
    return pitch if 0.75 < pitch / ink_size < 1.15 else ink_size


def _split_at_gaps(
    chars: list[Char], line: OcrLine, corners, geo: PageGeometry
) -> list[list[Char]]:
    """Pieces of a detected line between its gutters (``line.gaps``, blank stretches found in
    the image): the detector can run one box across a narrow gutter into the next column."""
    xs = [p[0] for p in corners]
    x0, length = min(xs) * geo.scale, (max(xs) - min(xs)) * geo.scale
    cuts = [x0 + (a + b) / 2 * length for a, b in line.gaps]
    pieces: list[list[Char]] = [[]]
    for ch in chars:
        if cuts and (ch.x0 + ch.x1) / 2 > cuts[0] and pieces[-1]:
            pieces.append([])
        while cuts and (ch.x0 + ch.x1) / 2 > cuts[0]:
            cuts.pop(0)
        pieces[-1].append(ch)
    if len(line.pieces_ink) == len(pieces) > 1:
        ys = [p[1] for p in corners]
        top, height = min(ys) * geo.scale, (max(ys) - min(ys)) * geo.scale
        for piece, (lo, hi) in zip(pieces, line.pieces_ink):
            size = (hi - lo) * height * INK_TO_SIZE
            centres = [(ch.x0 + ch.x1) / 2 for ch in piece if not ch.c.isascii()]
            if len(centres) >= 3 and len(centres) == len(piece):  # solid CJK: the pitch is the size
                pitch = (centres[-1] - centres[0]) / (len(centres) - 1)
                size = pitch if abs(pitch / size - 1) < 0.25 else size
            for ch in piece:
                ch.y0, ch.y1, ch.size = top + lo * height, top + hi * height, size
    out = []
    for piece in pieces:
        while piece and piece[-1].c.isspace():
            piece.pop()
        while piece and piece[0].c.isspace():
            piece.pop(0)
        if piece:
            out.append(piece)
    return out


def _snap_sizes(lines: list[LayoutLine]) -> float:
    """Give lines of nearly one size that size (weighted by characters); return the body size.

    The body size is the median size of all characters; lines within ``BODY_TOLERANCE`` of it
    are body lines (a pixel more or less of ink is 7% at 150 dpi). Other sizes are grouped by
    ``SIZE_TOLERANCE``."""
    weighted = sorted((ln.size, len(ln.chars)) for ln in lines)
    half, seen, body = sum(c for _, c in weighted) / 2, 0, weighted[0][0]
    for size, count in weighted:
        seen += count
        if seen >= half:
            body = size
            break
    body_lines = [ln for ln in lines if abs(ln.size / body - 1) <= BODY_TOLERANCE]
    body = round(
        sum(ln.size * len(ln.chars) for ln in body_lines) / sum(len(ln.chars) for ln in body_lines),
        1,
    )
    for ln in body_lines:
        for ch in ln.chars:
            ch.size = body
        ln.refresh()
    rest = [ln for ln in lines if ln not in body_lines]
    _group_sizes(rest)
    return body


def _group_sizes(lines: list[LayoutLine]) -> None:
    sizes = sorted((ln.size, len(ln.chars)) for ln in lines)
    groups: list[list[tuple[float, int]]] = []
    for size, count in sizes:
        if groups and size <= groups[-1][0][0] * (1 + SIZE_TOLERANCE):
            groups[-1].append((size, count))
        else:
            groups.append([(size, count)])
    target: dict[float, float] = {}
    for group in groups:
        weights = sum(c for _, c in group)
        value = round(sum(s * c for s, c in group) / weights, 1)
        for size, _ in group:
            target[size] = value
    for ln in lines:
        value = target[ln.size]
        for ch in ln.chars:
            ch.size = value
        ln.refresh()


def text_boxes(
    lines: list[OcrLine], angle: float, centre: tuple[float, float]
) -> tuple[list[tuple[float, float, float, float]], float]:
    """The lines' boxes in the deskewed image (pixels), and the body type's ink height there."""
    boxes, heights = [], []
    for line in lines:
        corners = rotate_points(line.quad, angle, centre)
        xs, ys = [p[0] for p in corners], [p[1] for p in corners]
        boxes.append((min(xs), min(ys), max(xs), max(ys)))
        lo, hi = line.ink
        across = (max(xs) - min(xs)) if line.vertical else (max(ys) - min(ys))
        heights += [across * (hi - lo)] * len(line.text)
    return boxes, (statistics.median(heights) if heights else 10.0)


def build_page(
    lines: list[OcrLine],
    *,
    image_size: tuple[int, int],
    geometry: PageGeometry,
    rules: "Rules | None" = None,
    angle: float = 0.0,
    paper: int = 255,
) -> tuple[LayoutPage, list[LowConfidence]]:
    """The layout page of one OCR'd image (deskewed by ``angle``; ``paper``: the grey of the
    paper), and the characters read with low confidence."""
    width, height = image_size
    centre = (width / 2, height / 2)
    page = LayoutPage(width=geometry.width, height=geometry.height)
    horizontal: list[list[Char]] = []
    vertical: list[list[Char]] = []
    doubtful: list[LowConfidence] = []
    for line in lines:
        corners = rotate_points(line.quad, angle, centre)
        chars = _chars(line, corners, geometry, paper)
        if not chars:
            continue
        if line.vertical:
            vertical.append(chars)
        else:
            horizontal.extend(_split_at_gaps(chars, line, corners, geometry))
        glyphs = [ch for ch in line.chars if not ch.c.isspace()] if line.vertical else line.chars
        for ocr_char, char in zip(glyphs, chars):
            if ocr_char.confidence < LOW_CONFIDENCE:
                doubtful.append(
                    LowConfidence(
                        ocr_char.c,
                        round(ocr_char.confidence, 3),
                        line.text,
                        [round(v, 1) for v in (char.x0, char.y0, char.x1, char.y1)],
                    )
                )
    singles = [piece[0] for piece in horizontal if len(piece) == 1]
    stacked = {id(ch) for ch in singles if _stacked(ch, singles)}
    horizontal = [
        piece for piece in horizontal if not (len(piece) == 1 and id(piece[0]) in stacked)
    ]
    vertical += [[ch] for ch in singles if id(ch) in stacked]
    # One size per group of near sizes first: joining pieces of a line compares their sizes.
    pieces = [LayoutLine(p) for p in horizontal] + [LayoutLine(p, vertical=True) for p in vertical]
    body = _snap_sizes(pieces) if pieces else 0.0
    page.body_size = body
    joined = join_horizontal(horizontal, body) + _join_columns(vertical)
    # Lettering (column logos, series labels) is not a headline: in a text PDF it is an image;
    # here it goes where the layout puts text it does not read.
    art = [ln for ln in joined if ln.font == ART or _is_figure(ln, body)]
    page.lines = [ln for ln in joined if ln not in art]
    page.other_text = art
    page.boxes = tint_boxes(page.lines, body)
    if rules is not None:
        page.hrules = [
            (y * geometry.scale, a * geometry.scale, b * geometry.scale)
            for y, a, b in rules.horizontal
        ]
        page.vrules = [
            (x * geometry.scale, a * geometry.scale, b * geometry.scale)
            for x, a, b in rules.vertical
        ]
        page.boxes += [_scaled(box, geometry.scale) for box in rules.boxes]
        page.images = [_scaled(box, geometry.scale) for box in rules.pictures]
    return page, doubtful


def _scaled(box: Sequence[float], scale: float) -> Box:
    x0, y0, x1, y1 = box
    return (x0 * scale, y0 * scale, x1 * scale, y1 * scale)


def tint_boxes(lines: list[LayoutLine], body: float) -> list[tuple[float, float, float, float]]:
    """Areas of text set on a tint (a summary box, a fact file): each is a box of its own, as a
    ruled box is, so that its lines stay out of the articles around it. Tinted lines that run on
    from plain text in their column, at its line spacing, are not a box: the ground is the edge
    of a picture printed faintly behind the text."""
    groups: list[list[LayoutLine]] = []
    for ln in sorted(
        (ln for ln in lines if ln.font == TINTED and not ln.white), key=lambda l: (l.y0, l.x0)
    ):
        for group in groups:
            x0, y0, x1, y1 = _extent_of(group)
            near_y = ln.y0 - y1 < 1.5 * body and y0 - ln.y1 < 1.5 * body
            near_x = ln.x0 < x1 + body and ln.x1 > x0 - body
            if near_y and near_x:
                group.append(ln)
                break
        else:
            groups.append([ln])
    plain = [ln for ln in lines if ln.font == PLAIN and not ln.white and not ln.vertical]
    pad = 0.5 * body
    out = []
    for group in groups:
        if len(group) < 2 or any(_runs_on(ln, group, plain, body) for ln in group):
            continue
        x0, y0, x1, y1 = _extent_of(group)
        out.append((x0 - pad, y0 - pad, x1 + pad, y1 + pad))
    return out


def _extent_of(lines: list[LayoutLine]) -> tuple[float, float, float, float]:
    return (
        min(ln.x0 for ln in lines),
        min(ln.y0 for ln in lines),
        max(ln.x1 for ln in lines),
        max(ln.y1 for ln in lines),
    )


def _runs_on(
    line: LayoutLine, group: list[LayoutLine], plain: list[LayoutLine], body: float
) -> bool:
    """A plain line of ``line``'s size right above or below it, outside ``group``, in its
    column: no box's padding between them (a box keeps half a body size inside its edge)."""
    _, top, _, bottom = _extent_of(group)
    for other in plain:
        width = min(other.x1 - other.x0, line.x1 - line.x0)
        if (
            abs(other.size - line.size) <= SIZE_TOLERANCE * line.size
            and min(other.x1, line.x1) - max(other.x0, line.x0) > 0.5 * width
            and (
                (other.y1 <= top + 0.3 * body and 0 <= line.y0 - other.y1 < 0.8 * body)
                or (other.y0 >= bottom - 0.3 * body and 0 <= other.y0 - line.y1 < 0.8 * body)
            )
        ):
            return True
    return False


def _is_figure(line: LayoutLine, body: float) -> bool:
    """A large number set as a chart's figure ("80%", "153.7万人"): mostly digits, not a headline."""
    text = line.text()
    digits = sum(c.isdigit() or c in "%.,．％" for c in text)
    return line.size >= MID * body and digits >= 0.4 * len(text)


def is_lettering(lines: list[LayoutLine]) -> bool:
    """Text set wholly on a tint with no headline of its own: a graphic's text, not an article;
    or a headline over a line or two (a chart's title over its labels)."""
    return bool(lines) and all(ln.font == TINTED for ln in lines)


TINY_BODY = 40  # characters: a "headline" over less than this is a chart's title over its labels


@dataclass
class Rules:
    """What the image shows besides text, in pixels of the deskewed image."""

    horizontal: list[tuple[float, float, float]]  # (y, x0, x1)
    vertical: list[tuple[float, float, float]]  # (x, y0, y1)
    boxes: list[tuple[float, float, float, float]]
    pictures: list[tuple[float, float, float, float]]
