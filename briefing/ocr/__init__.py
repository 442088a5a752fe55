"""Reading scanned pages: OCR of page images and image-only PDF pages into the same layout
page a text layer gives (``briefing.read.layout.glyphs.LayoutPage``), so the layout splitter finds the
articles as it does for text PDFs.

The models (``[ocr]`` extra) load lazily, once per process. Results are cached by the page
image's fingerprint (see :func:`cache_dir`), so a rerun, a batch resume or ``watch`` never OCRs
one page twice. Every OCR'd page is announced to the progress listeners
(:mod:`briefing.read.progress`; the CLI draws a bar).
"""

from __future__ import annotations

import json
import logging
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..cache import cache_root
from ..config import OCR_MODES
from ..errors import InputError, setting_error
from ..read.files import IMAGE_SUFFIXES
from ..read.progress import OcrProgress, add_progress_listener
from ..read.progress import announce as _announce
from .engine import EXTRA_HINT, EngineSettings, OcrChar, OcrLine, engine_available

if TYPE_CHECKING:
    # The layout reader imports this package on its OCR path; .labels and .page (the layout
    # modules, statistics) are imported where pages are OCR'd, so that reading a PDF's text
    # layer does not load them.
    from ..read.layout.glyphs import LayoutPage
    from .labels import Label
    from .page import LowConfidence, PageGeometry

logger = logging.getLogger(__name__)

MAX_PIXELS = 100_000_000
RENDER_DPI = 150  # image-only PDF pages are rendered at this resolution for OCR
CACHE_VERSION = "4"  # 4: the pieces of a vertical line are read as one


def check_mode(mode: str) -> str:
    if mode not in OCR_MODES:
        raise setting_error(
            InputError, "ocr", f"must be one of {', '.join(OCR_MODES)}, got {mode!r}"
        )
    return mode


def cache_dir() -> Path:
    """``$BRIEFING_CACHE_DIR/ocr``, else ``$XDG_CACHE_HOME/briefing/ocr``, else ``~/.cache/briefing/ocr``."""
    return cache_root() / "ocr"


@dataclass
class OcrResult:
    """The layout page of one image, its lines' confidences and its doubtful characters."""

    page: LayoutPage
    confidence: float
    low_confidence: list[LowConfidence] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)  # column labels, for the articles' column


def fingerprint(grey, settings: EngineSettings) -> str:
    import hashlib  # here: OpenSSL's start is 5 ms of a cold build, which imports this package

    digest = hashlib.sha256(
        f"{CACHE_VERSION}:{grey.shape}:{json.dumps(settings.key(), sort_keys=True)}".encode()
    )
    digest.update(grey.tobytes())
    return digest.hexdigest()


def _cached_lines(key: str) -> list[OcrLine] | None:
    path = cache_dir() / key[:2] / f"{key}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    try:
        return [
            OcrLine(
                quad=d["quad"],
                text=d["text"],
                confidence=d["confidence"],
                vertical=d["vertical"],
                chars=[OcrChar(**c) for c in d["chars"]],
                ink=tuple(d["ink"]),
                along=tuple(d["along"]),
                background=d["background"],
                reversed=d["reversed"],
            )
            for d in data
        ]
    except (KeyError, TypeError):
        return None  # written by another version: read the page again


def _cache_record(line: OcrLine) -> dict:
    """What the cache keeps of a line: what the engine read, not what is set from the image
    afterwards (``art``, ``gaps``, ``pieces_ink``). Written out by hand: ``asdict`` deep-copies
    every character and cost about a second a page."""
    return {
        "quad": line.quad,
        "text": line.text,
        "confidence": line.confidence,
        "vertical": line.vertical,
        "chars": [
            {"c": c.c, "x0": c.x0, "x1": c.x1, "confidence": c.confidence} for c in line.chars
        ],
        "ink": line.ink,
        "along": line.along,
        "background": line.background,
        "reversed": line.reversed,
    }


def _store_lines(key: str, lines: list[OcrLine]) -> None:
    from ..cache import write_whole

    path = cache_dir() / key[:2] / f"{key}.json"
    data = json.dumps([_cache_record(line) for line in lines], ensure_ascii=False)
    try:
        write_whole(path, lambda handle: handle.write(data.encode("utf-8")))
    except OSError as exc:  # a read-only cache costs time on the next run, nothing else
        logger.warning("cannot write the OCR cache in %s: %s", path.parent, exc)


def read_lines(grey, *, source: str, page: int, announce: bool = True) -> list[OcrLine]:
    """The OCR lines of a grey page image, from the cache when this image was read before.
    ``announce``: tell the progress listeners (not for the small images of a text page)."""
    from .engine import get_engine

    settings = EngineSettings()
    key = fingerprint(grey, settings)
    lines = _cached_lines(key)
    if lines is not None:
        if announce:
            _announce(OcrProgress(source, page, done=True, cached=True))
        logger.info("%s page %d: OCR from the cache (%d lines)", source, page, len(lines))
        return lines
    engine = get_engine()
    if announce:
        _announce(OcrProgress(source, page, done=False))
    start = time.perf_counter()
    lines = engine.read(grey)
    seconds = time.perf_counter() - start
    _store_lines(key, lines)
    if announce:
        _announce(OcrProgress(source, page, done=True, seconds=seconds))
    logger.info("%s page %d: OCR read %d lines in %.1f s", source, page, len(lines), seconds)
    return lines


def ocr_page(grey, *, geometry: PageGeometry, source: str, page: int) -> OcrResult:
    """The layout page of a grey page image (2-D uint8 array) whose size on paper is ``geometry``."""
    try:  # OpenCV cleans the page up (the [ocr] extra brings it): absent, say so, not "cv2"
        import cv2  # noqa: F401
    except ImportError as exc:
        raise InputError(f"{source}: reading page images needs OCR: {EXTRA_HINT}") from exc
    import numpy as np

    from .graphics import (
        deskew,
        find_graphics,
        inside_pictures,
        mark_ground,
        mark_gutters,
        mark_lettering,
    )
    from .labels import take_labels
    from .page import build_page, skew_angle, text_boxes

    lines = read_lines(grey, source=source, page=page)
    height, width = grey.shape
    mark_ground(grey, lines)
    mark_lettering(grey, lines)
    mark_gutters(grey, lines)
    angle = skew_angle(lines)
    boxes, body_px = text_boxes(lines, angle, (width / 2, height / 2))
    rules = find_graphics(deskew(grey, angle), body_px=body_px, text_boxes=boxes) if lines else None
    if rules is not None:  # pictures are found in the deskewed image: compare in its frame
        from .page import rotate_points

        centre = (width / 2, height / 2)
        straight = [
            type(ln)(
                **{**ln.__dict__, "quad": [list(p) for p in rotate_points(ln.quad, angle, centre)]}
            )
            for ln in lines
        ]
        inside_pictures(straight, rules.pictures)
        for line, twin in zip(lines, straight):
            line.art = line.art or twin.art
    paper = int(
        np.bincount(grey[::4, ::4].ravel() // 4, minlength=64).argmax() * 4 + 2
    )  # the commonest grey
    layout_page, doubtful = build_page(
        lines, image_size=(width, height), geometry=geometry, rules=rules, angle=angle, paper=paper
    )
    confidence = sum(ln.confidence * len(ln.text) for ln in lines) / max(
        1, sum(len(ln.text) for ln in lines)
    )
    return OcrResult(
        page=layout_page,
        confidence=round(confidence, 4),
        low_confidence=doubtful,
        labels=take_labels(layout_page, doubtful),
    )


def load_image(path: Path):
    """A page image as a grey array and its dpi; a damaged, huge or animated file is an InputError."""
    try:
        from PIL import Image, UnidentifiedImageError
        import numpy as np
    except ImportError as exc:
        raise InputError(f"{path}: reading page images needs OCR: {EXTRA_HINT}") from exc
    if not path.is_file():
        raise InputError(
            f"{path}: no such file" if not path.exists() else f"{path}: not a regular file"
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter(
                "ignore", Image.DecompressionBombWarning
            )  # our own limit is below
            image = Image.open(path)
        with image:
            if getattr(image, "n_frames", 1) > 1:
                raise InputError(
                    f"{path}: an animated or multi-frame image; give one page per file"
                )
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise InputError(
                    f"{path}: {width}x{height} is over {MAX_PIXELS // 1_000_000} megapixels; "
                    "scale the page down (150-300 dpi is enough)"
                )
            dpi = image.info.get("dpi", (0, 0))[0]
            image.load()
            grey = np.asarray(image.convert("L"))
    except InputError:
        raise
    except (
        UnidentifiedImageError,
        OSError,
        SyntaxError,
        ValueError,
        Image.DecompressionBombError,
    ) as exc:
        raise InputError(f"{path}: not a readable image ({exc})") from exc
    try:
        dpi = float(dpi)
    except (TypeError, ValueError):
        dpi = 0.0
    return grey, (dpi if 50 <= dpi <= 1200 else RENDER_DPI)


__all__ = [
    "EXTRA_HINT",
    "IMAGE_SUFFIXES",
    "engine_available",
    "OCR_MODES",
    "OcrProgress",
    "OcrResult",
    "add_progress_listener",
    "cache_dir",
    "check_mode",
    "load_image",
    "ocr_page",
]
