"""OCR's two kinds of input: a PDF page with no text layer (its scanned image as it is, else
the page rendered at :data:`RENDER_DPI`) and a page image file (read at its own dpi)."""

from __future__ import annotations

from pathlib import Path

from . import RENDER_DPI, OcrResult, load_image, ocr_page, read_lines
from .labels import LABEL_CONFIDENCE, Label, label_text
from .page import LOW_CONFIDENCE, LowConfidence, PageGeometry

MAX_SCAN_DPI = (
    300  # a scan finer than this is rendered at RENDER_DPI instead (OCR time grows with pixels)
)
LABEL_DPI = 200  # images of lettering in a text PDF are rendered at this resolution for OCR


def ocr_pdf_page(pdf_page, *, source: str) -> OcrResult:
    """The layout page of a ``pymupdf.Page`` read by OCR, in the page's own points."""
    import numpy as np
    import pymupdf

    rect = pdf_page.rect
    pix = _scan_image(pdf_page, pymupdf) or pdf_page.get_pixmap(
        dpi=RENDER_DPI, colorspace=pymupdf.csGRAY, alpha=False
    )
    grey = np.frombuffer(pix.samples, dtype=np.uint8).reshape(pix.height, pix.stride)[
        :, : pix.width
    ]
    geometry = PageGeometry(scale=rect.width / pix.width, width=rect.width, height=rect.height)
    return ocr_page(
        np.ascontiguousarray(grey), geometry=geometry, source=source, page=pdf_page.number + 1
    )


def _scan_image(pdf_page, pymupdf):
    """A scanned page's own image, grey, when one upright image covers the page at up to
    :data:`MAX_SCAN_DPI` (read as scanned, not resampled); else None (the page is rendered)."""
    images = pdf_page.get_images(full=True)
    if len(images) != 1:
        return None
    rects = pdf_page.get_image_rects(images[0][0], transform=True)
    rect = pdf_page.rect
    if (
        len(rects) != 1
        or rects[0][0].get_area() < 0.9 * rect.get_area()
        or not rects[0][1].is_rectilinear
        or rects[0][1].a <= 0
        or rects[0][1].d <= 0
    ):
        return None
    try:
        pix = pymupdf.Pixmap(pdf_page.parent, images[0][0])
        if pix.width / rect.width * 72 > MAX_SCAN_DPI:
            return None
        if pix.colorspace is None or pix.colorspace.n != 1 or pix.alpha:
            pix = pymupdf.Pixmap(pymupdf.csGRAY, pix)
    except Exception:  # an image PyMuPDF cannot decode alone: render the page instead
        return None
    return pix


def ocr_image_file(path: Path, *, source: str) -> OcrResult:
    """The layout page of a page image, in points at the image's dpi (150 when it has none)."""
    grey, dpi = load_image(path)
    height, width = grey.shape
    scale = 72 / dpi
    return ocr_page(
        grey,
        geometry=PageGeometry(scale=scale, width=width * scale, height=height * scale),
        source=source,
        page=1,
    )


def image_labels(pdf_page, boxes, *, source: str) -> list[Label]:
    """Column labels among a text page's images of lettering (``boxes``, in points): each image
    is rendered and read; one that reads as a single short name is a label, other lettering
    (a two-line series banner, a headline drawn as art) is none. An image whose words are read
    only weakly (art, such as calligraphy) is a label with its doubtful characters: reported,
    never taken as the column's name."""
    import numpy as np
    import pymupdf

    labels = []
    for box in boxes:
        pix = pdf_page.get_pixmap(
            dpi=LABEL_DPI, clip=pymupdf.Rect(box), colorspace=pymupdf.csGRAY, alpha=False
        )
        grey = np.frombuffer(pix.samples, dtype=np.uint8).reshape(pix.height, pix.stride)
        lines = read_lines(
            np.ascontiguousarray(grey[:, : pix.width]),
            source=source,
            page=pdf_page.number + 1,
            announce=False,
        )
        # ornaments of a logo read as stray marks ("00°"): no CJK, not words
        words = [ln for ln in lines if any("\u4e00" <= c <= "\u9fff" for c in ln.text)]
        sure = [ln for ln in words if ln.confidence >= LABEL_CONFIDENCE]
        text = label_text([ln.text for ln in sure])
        if text:
            labels.append(Label(text, tuple(box)))
        elif words and not sure:
            weak = label_text([" ".join(ln.text for ln in words)]) or " ".join(
                ln.text for ln in words
            )
            scale = 72 / LABEL_DPI
            doubtful = [_doubtful(ln, box, scale) for ln in words]
            labels.append(Label(weak, tuple(box), [d for ds in doubtful for d in ds], sure=False))
    return labels


def _doubtful(line, box, scale: float) -> list[LowConfidence]:
    """A weakly read line's characters below :data:`LOW_CONFIDENCE`, placed on the page (the
    image's ``box`` in points, its pixels ``scale`` points each): along the line where the
    recogniser saw them; a vertical line's glyphs one below the other, as the page reader
    places them (its spaces are the gaps between the cells it was read in, not glyphs)."""
    xs, ys = [p[0] for p in line.quad], [p[1] for p in line.quad]
    x0, y0 = box[0] + min(xs) * scale, box[1] + min(ys) * scale
    x1, y1 = box[0] + max(xs) * scale, box[1] + max(ys) * scale
    if line.vertical:
        glyphs = [ch for ch in line.chars if not ch.c.isspace()]
        step = (y1 - y0) / max(len(glyphs), 1)
        boxes = [(x0, y0 + i * step, x1, y0 + (i + 1) * step) for i in range(len(glyphs))]
    else:
        glyphs = line.chars
        boxes = [(x0 + ch.x0 * (x1 - x0), y0, x0 + ch.x1 * (x1 - x0), y1) for ch in glyphs]
    return [
        LowConfidence(ch.c, round(ch.confidence, 3), line.text, [round(v, 1) for v in where])
        for ch, where in zip(glyphs, boxes)
        if ch.confidence < LOW_CONFIDENCE
    ]
