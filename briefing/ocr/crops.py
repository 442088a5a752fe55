"""Geometry of the detector's boxes and the line images cut from them: the pieces of one vertical
line joined into one box, which boxes cover which, and a box straightened into the image the
recogniser reads (a vertical line's glyphs laid side by side), with where its ink is."""

from __future__ import annotations

from dataclasses import dataclass, field

STACK_WIDTH = 0.6  # pieces of one vertical line are at least this share of each other's width
STACK_GAP = 0.5  # x the piece's width: at most this far below the piece above it


def stack_columns(boxes):
    """The pieces of one vertical line as one box. The detector often cuts a vertical title into
    pieces that overlap at their seams (each piece then reads half a glyph of its neighbour: a
    stray character, or one read twice) or boxes some of its glyphs one by one. Pieces one
    above the other in one column (overlapping across by most of the narrower one's width,
    of similar width, each at most :data:`STACK_GAP` widths below the one above), at least one
    of them tall and the others tall or one square glyph, become the box around them all; it
    is read once, cut into its glyphs by :func:`unstack`. Horizontal lines are never joined."""
    import numpy as np

    if len(boxes) == 0:
        return boxes
    quads = np.asarray(boxes, dtype=np.float32)
    lo, hi = quads.min(axis=1), quads.max(axis=1)
    width, height = hi[:, 0] - lo[:, 0], hi[:, 1] - lo[:, 1]
    tall = height >= 1.5 * width
    square = ~tall & (width < 1.5 * height)
    groups: list[list[int]] = []
    for i in sorted(np.nonzero(tall | square)[0], key=lambda k: lo[k, 1]):
        for group in groups:
            x0, x1 = lo[group, 0].min(), hi[group, 0].max()
            narrow, wide = sorted((width[i], x1 - x0))
            if (
                min(x1, hi[i, 0]) - max(x0, lo[i, 0]) > 0.7 * narrow
                and narrow > STACK_WIDTH * wide
                and lo[i, 1] - hi[group, 1].max() < STACK_GAP * width[i]
            ):
                group.append(i)
                break
        else:
            groups.append([i])
    stacked = [g for g in groups if len(g) > 1 and tall[g].any()]
    if not stacked:
        return boxes
    used = {i for g in stacked for i in g}
    kept = [q for i, q in enumerate(quads) if i not in used]
    for g in stacked:
        x0, y0, x1, y1 = lo[g, 0].min(), lo[g, 1].min(), hi[g, 0].max(), hi[g, 1].max()
        kept.append(np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]], dtype=np.float32))
    return np.array(kept)


def cover_matrices(first, second):
    """For quads ``first`` (n, 4, 2) and ``second`` (m, 4, 2), judged on their upright extents:
    ``(a, b)`` where ``a[i, j]`` says first[i] covers more than half of second[j], and
    ``b[i, j]`` says second[j] covers more than half of first[i]."""
    import numpy as np

    lo1, hi1 = first.min(axis=1), first.max(axis=1)  # (n, 2): x0, y0 / x1, y1
    lo2, hi2 = second.min(axis=1), second.max(axis=1)
    span = np.minimum(hi1[:, None, :], hi2[None, :, :]) - np.maximum(lo1[:, None, :], lo2[None])
    inter = np.clip(span, 0.0, None).prod(axis=2)  # (n, m)
    area1, area2 = (hi1 - lo1).prod(axis=1), (hi2 - lo2).prod(axis=1)
    return inter > 0.5 * area2[None, :], inter > 0.5 * area1[:, None]


@dataclass
class LineCrop:
    image: object  # what the recogniser reads
    vertical: bool
    ink: tuple[float, float]
    along: tuple[float, float]
    background: int
    reversed: bool
    cells: list[tuple[int, int]] = field(default_factory=list)  # a vertical line's glyphs in image


def crop_line(grey, quad) -> LineCrop:
    """The straightened line image, whether the line runs top to bottom (then its characters
    are laid out left to right, so the horizontal recogniser reads them), and where its ink is
    across the line (the detector's boxes are padded; the type size comes from the ink)."""
    import cv2
    import numpy as np

    points = np.asarray(quad, dtype=np.float32)
    across, along = np.linalg.norm(points[1] - points[0]), np.linalg.norm(points[3] - points[0])
    if along >= 1.5 * across:  # a vertical line: the detector often clips its first and last glyph
        step = (points[3] - points[0]) / max(along, 1.0) * 0.3 * across
        points = np.array(
            [points[0] - step, points[1] - step, points[2] + step, points[3] + step],
            dtype=np.float32,
        )
        points[:, 0] = np.clip(points[:, 0], 0, grey.shape[1] - 1)
        points[:, 1] = np.clip(points[:, 1], 0, grey.shape[0] - 1)
    width = int(max(np.linalg.norm(points[0] - points[1]), np.linalg.norm(points[2] - points[3])))
    height = int(max(np.linalg.norm(points[0] - points[3]), np.linalg.norm(points[1] - points[2])))
    width, height = max(width, 1), max(height, 1)
    target = np.array([[0, 0], [width, 0], [width, height], [0, height]], dtype=np.float32)
    matrix = cv2.getPerspectiveTransform(points, target)
    crop = cv2.warpPerspective(
        grey, matrix, (width, height), borderMode=cv2.BORDER_REPLICATE, flags=cv2.INTER_CUBIC
    )
    vertical = height >= 1.5 * width
    counts = np.bincount(crop.ravel() // 8, minlength=32)
    background = int(counts.argmax() * 8 + 4)  # the commonest grey: bold type can cover half a crop
    lighter = (crop > background + 20).mean()
    darker = (crop < background - 60).mean()
    reversed_ = background < 235 and lighter > darker
    ink = crop > background + 20 if reversed_ else crop < min(128, background - 40)
    if reversed_:
        crop = 255 - crop  # the recogniser reads dark type on a light ground
    image, cells = unstack(crop) if vertical else (crop, [])
    return LineCrop(
        image,
        vertical,
        _ink_span(ink, axis=0 if vertical else 1),
        _ink_span(ink, axis=1 if vertical else 0),
        background,
        bool(reversed_),
        cells,
    )


def _ink_span(ink, axis: int) -> tuple[float, float]:
    """First and last row (``axis=1``) or column (``axis=0``) with a fair share of ink, as shares."""
    import numpy as np

    counts = ink.sum(axis=axis)
    rows = np.nonzero(counts >= max(1, 0.02 * ink.shape[axis]))[0]
    if len(rows) == 0:
        return 0.0, 1.0
    return rows[0] / len(counts), (rows[-1] + 1) / len(counts)


def unstack(column):
    """A vertical column's characters side by side, for the horizontal recogniser, and where
    each glyph's cell is in that row (x0, x1): the column is cut at its blank rows, the pieces
    of one character (上, 二, 川) joined again, smallest joins first, while they stay within a
    glyph's height; the cells are put in a row."""
    import numpy as np

    ink = (column < 160).sum(axis=1)
    cells: list[list[int]] = []
    start = None
    for y, count in enumerate(ink):
        if count and start is None:
            start = y
        elif not count and start is not None:
            cells.append([start, y])
            start = None
    if start is not None:
        cells.append([start, len(ink)])
    glyph = 1.15 * _ink_width(column)
    while len(cells) > 1:
        joined = [(cells[i + 1][1] - cells[i][0], i) for i in range(len(cells) - 1)]
        height, i = min(joined)
        if height > glyph:
            break
        cells[i : i + 2] = [[cells[i][0], cells[i + 1][1]]]
    if len(cells) < 2:
        return np.ascontiguousarray(np.rot90(column)), []
    width = column.shape[1]
    side = max(width, max(y1 - y0 for y0, y1 in cells))
    pad = max(2, side // 8)
    pieces = []
    for y0, y1 in cells:
        cell = np.full((side, side), 255, dtype=column.dtype)
        top, left = (side - (y1 - y0)) // 2, (side - width) // 2
        cell[top : top + y1 - y0, left : left + width] = column[y0:y1]
        pieces += [cell, np.full((side, pad), 255, dtype=column.dtype)]
    spans = [(k * (side + pad), k * (side + pad) + side) for k in range(len(cells))]
    return np.concatenate(pieces, axis=1), spans


def _ink_width(column) -> float:
    """How wide the type of a vertical column is: the span of its inked columns."""
    import numpy as np

    cols = np.nonzero((column < 160).sum(axis=0) >= max(1, 0.02 * column.shape[0]))[0]
    return float(cols[-1] - cols[0] + 1) if len(cols) else float(column.shape[1])
