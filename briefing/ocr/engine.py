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
from .crops import cover_matrices, crop_line, stack_columns

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
            crops = [crop_line(grey, quad) for quad in boxes]
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
        line are then one box (:func:`stack_columns`)."""
        return stack_columns(self._detect_passes(grey))

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
        covered, covering = cover_matrices(np.array(fine), np.array(coarse))
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


def _resize(image, width: int, height: int):
    import cv2

    return cv2.resize(image, (width, height), interpolation=cv2.INTER_LINEAR)


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
