"""Text lines of a page image: PP-OCR detection and recognition (``rapidocr-onnxruntime``, the
optional ``[ocr]`` extra, models inside its wheel) on onnxruntime's CPU provider.

The library's own ``RapidOCR`` call is not used as is: it shrinks a page to 2,000 pixels on its
longest side (too small for newspaper body type at 150 dpi), recognises crops six at a time and
keeps only a line's mean score. Here the detector sees a page at :attr:`EngineSettings.det_side`
pixels, recognition crops come from the full-size image in batches of similar width, and the CTC
output is decoded here, so every character keeps its own confidence and its place in the line.
"""

from __future__ import annotations

import logging
import os
import threading
from dataclasses import asdict, dataclass, field

from ..errors import InputError

logger = logging.getLogger(__name__)

EXTRA_HINT = "pip install 'briefing[ocr]'"
TRAINED_HEIGHT = 48  # the recogniser's input height in training (PP-OCR's 48x320)
MIN_RATIO = 320 / 48  # a recognition input is at least this wide for its height


# corner brackets read from a vertical line's glyph turned back, and the marks they stand for
VERTICAL_QUOTES = {"『": "“", "』": "”", "「": "‘", "」": "’"}
MARK_DOUBT = 0.8  # a vertical line's glyph read with less confidence than this is read turned
MARK_SURE = 0.6  # and the turned reading is taken when it is a corner bracket this sure


@dataclass(frozen=True)
class EngineSettings:
    """What changes the engine's output (part of the cache key) and how fast it runs."""

    # the detector's input: the page's longer side, in pixels (a 150 dpi broadsheet page is
    # about 3,000 pixels long: 0.67; body type stays about 11 pixels high)
    det_side: int = 2000
    # a second pass for lines the first missed (0: none); 2,400 alone reads light close-set type
    # but changes how some vertical titles are cut, so it only adds what 2,000 did not find
    det_fine: int = 2400
    det_box_thresh: float = 0.5
    det_unclip: float = 1.6
    rec_batch: int = 24  # crops per recognition batch (sorted by width, so little padding)
    # the recogniser's input height for crops no taller than it: its cost grows with the square
    # of it (48, the height it was trained at, costs 1.6 times 40). Body type scanned at 150 dpi
    # has about 16 pixels of ink, which 40 still enlarges: the dev scans read as well at 40 as
    # at 48 (36 lost a little). Taller crops are read at 48.
    rec_height: int = 40
    min_score: float = 0.3  # lines scored lower are noise (texture in photos), dropped

    def key(self) -> dict:
        """The settings that change what is read (the batch size does not)."""
        return {k: v for k, v in asdict(self).items() if k != "rec_batch"}


@dataclass
class OcrChar:
    c: str
    x0: float  # along the line, as a share of its length (0..1)
    x1: float
    confidence: float


@dataclass
class OcrLine:
    """One detected line: its corners in image pixels (clockwise from top-left), its text."""

    quad: list[list[float]]
    text: str
    confidence: float
    vertical: bool = False
    chars: list[OcrChar] = field(default_factory=list)
    ink: tuple[float, float] = (
        0.0,
        1.0,
    )  # rows with ink, as shares of the box's height (width if vertical)
    along: tuple[float, float] = (
        0.0,
        1.0,
    )  # the same along the line: where its first and last glyph are
    background: int = 255  # the grey behind the text (below ~235: a tint)
    reversed: bool = False  # light type on a darker ground
    art: bool = (
        False  # lettering drawn in greys with no solid ink (logos): set from the image, not cached
    )
    gaps: list[tuple[float, float]] = field(
        default_factory=list
    )  # blank stretches wider than a gutter (shares); not cached
    pieces_ink: list[tuple[float, float]] = field(
        default_factory=list
    )  # ``ink`` of each piece between gaps; not cached


def _session(model_path, threads: int):
    """An onnxruntime CPU session on ``threads`` cores whose idle threads sleep instead of
    spinning: on a machine shared with other jobs, spinning threads take cores from them
    (and from each other) for nothing."""
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    options.log_severity_level = 3
    return ort.InferenceSession(
        str(model_path), sess_options=options, providers=["CPUExecutionProvider"]
    )


def _threads() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


class OcrEngine:
    """The detection and recognition models, loaded once; :meth:`read` is thread-safe."""

    def __init__(self, settings: EngineSettings = EngineSettings()) -> None:
        try:
            import rapidocr_onnxruntime  # noqa: F401  (the extra's presence)
            from rapidocr_onnxruntime.ch_ppocr_det.text_detect import TextDetector
            from rapidocr_onnxruntime.ch_ppocr_det.utils import DetPreProcess
            from rapidocr_onnxruntime.main import DEFAULT_CFG_PATH
            from rapidocr_onnxruntime.utils import OrtInferSession, read_yaml, update_model_path
        except ImportError as exc:
            raise InputError(f"reading scanned pages needs OCR: {EXTRA_HINT}") from exc
        self.settings = settings
        config = update_model_path(read_yaml(DEFAULT_CFG_PATH))
        threads = _threads()
        det = dict(
            config["Det"],
            limit_type="max",
            limit_side_len=settings.det_side,
            box_thresh=settings.det_box_thresh,
            unclip_ratio=settings.det_unclip,
            intra_op_num_threads=threads,
            inter_op_num_threads=1,
        )
        rec = dict(config["Rec"], intra_op_num_threads=threads, inter_op_num_threads=1)
        self._detector = TextDetector(det)
        # the page comes scaled already (see _detect): normalised, not resized again
        self._det_input = DetPreProcess(1 << 30, "max", det.get("mean"), det.get("std"))
        self._detector.infer.session = _session(det["model_path"], threads)
        self._rec = OrtInferSession(rec)
        self._rec.session = _session(rec["model_path"], threads)
        self._alphabet = ["<blank>"] + self._rec.get_character_list() + [" "]
        self._lock = threading.Lock()
        logger.info("OCR models loaded (%d threads)", threads)

    def read(self, grey) -> list[OcrLine]:
        """The text lines of a grey page image (a 2-D uint8 array), in no particular order."""

        with self._lock:
            boxes = self._detect(grey)
            if len(boxes) == 0:
                return []
            crops = [_crop(grey, quad) for quad in boxes]
            texts = self._recognise([c.image for c in crops])
            self._turn_marks(crops, texts)
        lines = []
        for quad, crop, (text, confidence, chars) in zip(boxes, crops, texts):
            if text.strip() and confidence >= self.settings.min_score:
                lines.append(
                    OcrLine(
                        quad=quad.tolist(),
                        text=text,
                        confidence=confidence,
                        vertical=crop.vertical,
                        chars=chars,
                        ink=crop.ink,
                        along=crop.along,
                        background=crop.background,
                        reversed=crop.reversed,
                    )
                )
        return lines

    def _turn_marks(self, crops, texts) -> None:
        """Quotation marks of vertical lines, read again turned back. Set vertically, a mark is
        turned a quarter clockwise (“ ” as ﹃ ﹄, ‘ ’ as ﹁ ﹂), which the recogniser, reading a
        vertical line's glyphs upright, reads as some other character and weakly. Each weak
        glyph of a vertical line (below :data:`MARK_DOUBT`) is read again turned a quarter
        counter-clockwise; when that reads surely as a corner bracket, the glyph is the
        quotation mark it stands for in vertical setting (GB/T 15834: 『』 for “ ”, 「」 for ‘ ’)."""
        import numpy as np

        weak: list[tuple[int, int]] = []  # (line, character)
        cells = []
        for i, (crop, (_, _, chars)) in enumerate(zip(crops, texts)):
            if not crop.vertical or not crop.cells:
                continue
            width = crop.image.shape[1]
            for k, ch in enumerate(chars):
                centre = (ch.x0 + ch.x1) / 2 * width
                span = next((c for c in crop.cells if c[0] <= centre < c[1] + 1), None)
                if ch.confidence < MARK_DOUBT and span is not None:
                    weak.append((i, k))
                    cells.append(np.ascontiguousarray(np.rot90(crop.image[:, span[0] : span[1]])))
        if not cells:
            return
        for (i, k), (text, score, _) in zip(weak, self._recognise(cells)):
            line_text, line_score, chars = texts[i]
            if text in VERTICAL_QUOTES and score >= MARK_SURE and score > chars[k].confidence:
                chars[k] = OcrChar(VERTICAL_QUOTES[text], chars[k].x0, chars[k].x1, score)
                mean = sum(c.confidence for c in chars) / len(chars)
                texts[i] = ("".join(c.c for c in chars), mean, chars)

    def _detect(self, grey):
        """Line quads in ``grey``'s pixels: the page read at :attr:`EngineSettings.det_side`,
        and again at ``det_fine`` for lines the first pass missed or found only in pieces
        (light type set close): a fine box that no coarse box mostly covers, and that covers at
        most one coarse box (its piece, which it replaces), is added. The pieces of a vertical
        line are then one box (:func:`_stack_columns`)."""
        return _stack_columns(self._detect_passes(grey))

    def _detect_passes(self, grey):
        import numpy as np

        coarse = list(self._detect_at(grey, self.settings.det_side))
        if not self.settings.det_fine or not coarse:
            return coarse
        fine = list(self._detect_at(grey, self.settings.det_fine))
        if not fine:
            return coarse
        # covered[i, j]: fine box i covers more than half of coarse box j; covering[i, j]: the
        # coarse box j covers more than half of fine box i (one matrix each, not a loop per pair:
        # a page has some 500 boxes on each side)
        covered, covering = _cover_matrices(np.array(fine), np.array(coarse))
        # a fine box over two coarse ones ran across a gutter into the next column: not taken
        take = ~covering.any(axis=1) & (covered.sum(axis=1) <= 1)
        added = [f for f, ok in zip(fine, take) if ok]
        gone = covered[take].any(axis=0)
        kept = [c for c, drop in zip(coarse, gone) if not drop]
        return np.array(kept + added) if kept or added else []

    def _detect_at(self, grey, side: int):
        """Line quads in ``grey``'s pixels, the page scaled to ``side`` (rapidocr's own scaling
        ignores a ``max`` limit on large pages and uses 2,000 pixels); the boxes are mapped back
        to the page by rapidocr's post-processing."""
        import cv2
        import numpy as np

        height, width = grey.shape
        scale = min(1.0, side / max(height, width))
        # sides rounded to multiples of 32 as rapidocr rounds them (the network needs them)
        size = (
            max(32, round(int(width * scale) / 32) * 32),
            max(32, round(int(height * scale) / 32) * 32),
        )
        small = cv2.resize(grey, size) if size != (width, height) else grey
        detector = self._detector
        prepared = self._det_input(np.repeat(small[:, :, None], 3, axis=2))
        boxes, _ = detector.postprocess_op(detector.infer(prepared)[0], (height, width))
        if boxes is None or len(boxes) == 0:
            return []
        return detector.filter_tag_det_res(boxes, (height, width))

    def _recognise(self, crops) -> list[tuple[str, float, list[OcrChar]]]:
        import numpy as np

        ratios = [c.shape[1] / max(c.shape[0], 1) for c in crops]
        # crops taller than rec_height (large type) are read at the trained height: they shrink
        # there, and are few; body lines, enlarged either way, at rec_height
        heights = [
            TRAINED_HEIGHT if c.shape[0] > self.settings.rec_height else self.settings.rec_height
            for c in crops
        ]
        order = sorted(range(len(crops)), key=lambda i: (heights[i], ratios[i]))
        out: list[tuple[str, float, list[OcrChar]]] = [("", 0.0, [])] * len(crops)
        batch = self.settings.rec_batch
        starts = [
            i for i in range(len(order)) if i == 0 or heights[order[i]] != heights[order[i - 1]]
        ]
        chunks = [
            order[a:b][k : k + batch]
            for a, b in zip(starts, starts[1:] + [len(order)])
            for k in range(0, b - a, batch)
        ]
        for chunk in chunks:
            height = heights[chunk[0]]
            widest = max(max(ratios[i] for i in chunk), MIN_RATIO)
            width = int(np.ceil(height * widest))
            tensor = np.zeros((len(chunk), 3, height, width), dtype=np.float32)
            used = []
            for row, i in enumerate(chunk):
                w = min(width, max(1, int(np.ceil(height * ratios[i]))))
                resized = _resize(crops[i], w, height)
                tensor[row, :, :, :w] = (resized.astype(np.float32) / 127.5 - 1.0)[None]
                used.append(w / width)
            probs = self._rec(tensor)[0]  # (batch, steps, classes)
            for row, i in enumerate(chunk):
                out[i] = self._decode(probs[row], used[row])
        return out

    def _decode(self, probs, used: float) -> tuple[str, float, list[OcrChar]]:
        """Greedy CTC: the best class per step, repeats and blanks dropped; each character keeps
        its probability and the steps it spans (as a share of the text's width)."""
        best = probs.argmax(axis=1)
        score = probs.max(axis=1)
        steps = len(best)
        chars: list[OcrChar] = []
        prev = 0
        for t, k in enumerate(best):
            if k != 0 and k != prev and k < len(self._alphabet):
                x = t / (steps * used)
                chars.append(
                    OcrChar(
                        self._alphabet[k],
                        min(x, 1.0),
                        min((t + 1) / (steps * used), 1.0),
                        float(score[t]),
                    )
                )
            prev = k
        if not chars:
            return "", 0.0, []
        text = "".join(ch.c for ch in chars)
        return text, float(sum(ch.confidence for ch in chars) / len(chars)), chars


STACK_WIDTH = 0.6  # pieces of one vertical line are at least this share of each other's width
STACK_GAP = 0.5  # x the piece's width: at most this far below the piece above it


def _stack_columns(boxes):
    """The pieces of one vertical line as one box. The detector often cuts a vertical title into
    pieces that overlap at their seams (each piece then reads half a glyph of its neighbour: a
    stray character, or one read twice) or boxes some of its glyphs one by one. Pieces one
    above the other in one column (overlapping across by most of the narrower one's width,
    of similar width, each at most :data:`STACK_GAP` widths below the one above), at least one
    of them tall and the others tall or one square glyph, become the box around them all; it
    is read once, cut into its glyphs by :func:`_unstack`. Horizontal lines are never joined."""
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


def _cover_matrices(first, second):
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


def _resize(image, width: int, height: int):
    import cv2

    return cv2.resize(image, (width, height), interpolation=cv2.INTER_LINEAR)


@dataclass
class _Crop:
    image: object  # what the recogniser reads
    vertical: bool
    ink: tuple[float, float]
    along: tuple[float, float]
    background: int
    reversed: bool
    cells: list[tuple[int, int]] = field(default_factory=list)  # a vertical line's glyphs in image


def _crop(grey, quad) -> _Crop:
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
    image, cells = _unstack(crop) if vertical else (crop, [])
    return _Crop(
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


def _unstack(column):
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


_engine: OcrEngine | None = None
_engine_lock = threading.Lock()


def get_engine() -> OcrEngine:
    """The process's engine: the models load on first use, once."""
    global _engine
    with _engine_lock:
        if _engine is None:
            _engine = OcrEngine()
        return _engine


def engine_available() -> bool:
    from importlib.util import find_spec

    return find_spec("rapidocr_onnxruntime") is not None
