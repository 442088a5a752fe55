"""What a page image shows besides text: rules, boxes and pictures (numpy and OpenCV, both
installed with the ``[ocr]`` extra). All sizes are relative to the page's body type size.
"""

from __future__ import annotations

import math

from .page import Rules

RULE_THICKNESS = 0.5  # x body size: a rule is at most this thick (hairlines to bold rules)
RULE_LENGTH = 4.0  # x body size: and at least this long (as a text layer's drawings)
PICTURE_SIDE = 3.0  # x body size: pictures smaller than this are ornaments


def deskew(grey, angle: float):
    """The image turned by ``-angle`` (radians) about its centre, white where it was not."""
    import cv2

    if abs(angle) < 1e-4:
        return grey
    h, w = grey.shape
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), math.degrees(angle), 1.0)
    return cv2.warpAffine(grey, matrix, (w, h), flags=cv2.INTER_LINEAR, borderValue=255)


def mark_ground(grey, lines) -> None:
    """Set each line's ``background`` and ``reversed`` from the ground around its type: the
    border of its box (the detector pads it), which bold type covering half a box cannot sway."""
    import numpy as np

    height, width = grey.shape
    for line in lines:
        xs, ys = [p[0] for p in line.quad], [p[1] for p in line.quad]
        x0, x1 = int(max(0, min(xs))), int(min(width, max(xs) + 1))
        y0, y1 = int(max(0, min(ys))), int(min(height, max(ys) + 1))
        if x1 - x0 < 3 or y1 - y0 < 3:
            continue
        area = grey[y0:y1, x0:x1]
        border = np.concatenate([area[0], area[-1], area[:, 0], area[:, -1]])
        ground = int(np.median(border))
        inner = area[1:-1, 1:-1]
        line.background = ground
        line.reversed = bool(ground < 160 and (inner > ground + 40).mean() > 0.03)


def inside_pictures(lines, pictures, pad: float = 2.0) -> None:
    """Set ``art`` on lines whose box lies inside a picture: the text of a chart or drawing."""
    for line in lines:
        xs, ys = [p[0] for p in line.quad], [p[1] for p in line.quad]
        cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
        for x0, y0, x1, y1 in pictures:
            if (
                x0 - pad <= min(xs)
                and max(xs) <= x1 + pad
                and y0 - pad <= cy <= y1 + pad
                and x0 <= cx <= x1
            ):
                line.art = True


def mark_lettering(grey, lines) -> None:
    """Set ``art`` on lines drawn as lettering: large type in greys with no solid ink (column
    logos, series labels in outline or gradient), which a text PDF holds as an image."""
    heights = sorted(min(_extent(ln.quad)) for ln in lines)
    if not heights:
        return
    typical = heights[len(heights) // 2]
    for line in lines:
        w, h = _extent(line.quad)
        if min(w, h) < 2 * typical:
            continue
        xs, ys = [p[0] for p in line.quad], [p[1] for p in line.quad]
        area = grey[
            int(max(0, min(ys))) : int(max(ys)) + 1, int(max(0, min(xs))) : int(max(xs)) + 1
        ]
        if area.size:
            dark = (area <= 60).mean()
            mid = ((area > 60) & (area < 200)).mean()
            line.art = bool(dark < 0.02 and mid > 0.25)


GUTTER = (
    0.5  # x the type's height: a blank this wide, down the line and its neighbours, is a gutter
)
BAND = 2.0  # x the line's height, above and below: the neighbours that must be blank there too


def mark_gutters(grey, lines) -> None:
    """Set ``gaps`` on horizontal lines that the detector ran across a gutter into the next
    column: stretches wider than :data:`GUTTER` with no ink in the line and in the lines above
    and below it (a gutter runs down the column; a gap after a 。 or in a spaced name does not)."""
    import numpy as np

    height, width = grey.shape
    for line in lines:
        if line.vertical or line.reversed:
            continue
        xs, ys = [p[0] for p in line.quad], [p[1] for p in line.quad]
        x0, x1, y0, y1 = int(max(0, min(xs))), int(min(width, max(xs) + 1)), min(ys), max(ys)
        lo, hi = line.ink
        em = (hi - lo) * (y1 - y0)
        band = grey[
            int(max(0, y0 - BAND * (y1 - y0))) : int(min(height, y1 + BAND * (y1 - y0))), x0:x1
        ]
        if band.size == 0 or em <= 0 or x1 - x0 < 4 * em:
            continue
        blank = ~(band < 180).any(axis=0)  # faint strokes count: a thin 。 is grey at 150 dpi
        mine = np.nonzero(
            ~(grey[int(y0 + lo * (y1 - y0)) : int(y0 + hi * (y1 - y0)) + 1, x0:x1] < 180).all(
                axis=0
            )
        )[0]
        if len(mine) < 2:
            continue
        gaps, start = [], None
        for x in range(mine[0], mine[-1] + 1):
            if blank[x] and start is None:
                start = x
            elif not blank[x] and start is not None:
                if x - start > GUTTER * em:
                    gaps.append((start / (x1 - x0), x / (x1 - x0)))
                start = None
        line.gaps = gaps
        if gaps:  # each piece has its own type size (a subhead run into the next column's text)
            rows = grey[int(y0) : int(y1) + 1, x0:x1] < 180
            edges = [0] + [int((a + b) / 2 * (x1 - x0)) for a, b in gaps] + [x1 - x0]
            line.pieces_ink = [_ink_rows(rows[:, a:b]) for a, b in zip(edges, edges[1:])]


def _ink_rows(ink) -> tuple[float, float]:
    """First and last row with a fair share of ink, as shares of the rows."""
    import numpy as np

    found = np.nonzero(ink.sum(axis=1) >= max(1, 0.02 * ink.shape[1]))[0]
    return (found[0] / len(ink), (found[-1] + 1) / len(ink)) if len(found) else (0.0, 1.0)


def _extent(quad) -> tuple[float, float]:
    xs, ys = [p[0] for p in quad], [p[1] for p in quad]
    return max(xs) - min(xs), max(ys) - min(ys)


def _runs(mask, kernel):
    """Bounding boxes (x0, y0, x1, y1) of the parts of ``mask`` that survive an opening by ``kernel``."""
    import cv2

    opened = cv2.morphologyEx(mask, cv2.MORPH_OPEN, kernel)
    count, _, stats, _ = cv2.connectedComponentsWithStats(opened, connectivity=8)
    return [(x, y, x + w, y + h) for x, y, w, h, _ in stats[1:count]]


def find_graphics(
    grey, *, body_px: float, text_boxes: list[tuple[float, float, float, float]]
) -> Rules:
    """Rules, boxes (four rules around an area) and pictures in a deskewed grey page image."""
    import numpy as np

    ink = (grey < 160).astype(np.uint8)
    length = max(8, int(RULE_LENGTH * body_px))
    thick = max(2, RULE_THICKNESS * body_px)
    horizontal = [b for b in _runs(ink, np.ones((1, length), np.uint8)) if b[3] - b[1] <= thick]
    vertical = [b for b in _runs(ink, np.ones((length, 1), np.uint8)) if b[2] - b[0] <= thick]
    boxes = _boxes(horizontal, vertical, body_px)
    pictures = _pictures(grey, body_px, text_boxes)
    return Rules(
        horizontal=[((y0 + y1) / 2, x0, x1) for x0, y0, x1, y1 in horizontal],
        vertical=[((x0 + x1) / 2, y0, y1) for x0, y0, x1, y1 in vertical],
        boxes=boxes,
        pictures=pictures,
    )


def _boxes(horizontal, vertical, body_px: float) -> list[tuple[float, float, float, float]]:
    """Rectangles closed by rules on all four sides: a top and a bottom rule of one span, and
    vertical rules at both of their ends."""
    tol = 0.6 * body_px
    found = []
    for top in horizontal:
        for bottom in horizontal:
            if (
                bottom[1] <= top[3] + 2 * body_px
                or abs(top[0] - bottom[0]) > tol
                or abs(top[2] - bottom[2]) > tol
            ):
                continue

            def side(x: float) -> bool:
                return any(
                    abs((v[0] + v[2]) / 2 - x) <= tol
                    and v[1] <= top[3] + tol
                    and v[3] >= bottom[1] - tol
                    for v in vertical
                )

            if side(top[0]) and side(top[2]):
                found.append((float(top[0]), float(top[1]), float(top[2]), float(bottom[3])))
                break  # the nearest bottom rule closes this box
    return found


def _pictures(grey, body_px: float, text_boxes) -> list[tuple[float, float, float, float]]:
    """Areas of varied grey (photos, drawings, charts) outside the text lines: a flat tint
    behind text is not a picture, nor are the lines of text themselves."""
    import cv2
    import numpy as np

    cell = max(4, int(body_px / 2))
    h, w = grey.shape
    small_w, small_h = max(1, w // cell), max(1, h // cell)
    tone = ((grey > 40) & (grey < 215)).astype(np.float32)
    g = grey.astype(np.float32)
    mean = cv2.resize(g, (small_w, small_h), interpolation=cv2.INTER_AREA)
    square = cv2.resize(g * g, (small_w, small_h), interpolation=cv2.INTER_AREA)
    spread = np.sqrt(np.maximum(square - mean * mean, 0))
    mid = cv2.resize(tone, (small_w, small_h), interpolation=cv2.INTER_AREA)
    picture = ((mid > 0.45) & (spread > 12)) | (mean < 120)
    for x0, y0, x1, y1 in text_boxes:
        picture[
            int(y0 // cell) : int(math.ceil(y1 / cell)), int(x0 // cell) : int(math.ceil(x1 / cell))
        ] = False
    mask = picture.astype(np.uint8)
    mask = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, np.ones((5, 5), np.uint8))
    count, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    side = PICTURE_SIDE * body_px / cell
    out = []
    for x, y, bw, bh, area in stats[1:count]:
        if bw >= side and bh >= side and area >= 0.4 * bw * bh:
            out.append(
                (float(x * cell), float(y * cell), float((x + bw) * cell), float((y + bh) * cell))
            )
    return out
