"""OCR's two kinds of input: a PDF page with no text layer (rendered at :data:`RENDER_DPI`)
and a page image file (read at its own dpi)."""

from __future__ import annotations

from pathlib import Path

from . import RENDER_DPI, OcrResult, load_image, ocr_page
from .page import PageGeometry


def ocr_pdf_page(pdf_page, *, source: str) -> OcrResult:
    """The layout page of a ``pymupdf.Page`` read by OCR, in the page's own points."""
    import numpy as np
    import pymupdf

    pix = pdf_page.get_pixmap(dpi=RENDER_DPI, colorspace=pymupdf.csGRAY, alpha=False)
    grey = np.frombuffer(pix.samples, dtype=np.uint8).reshape(pix.height, pix.stride)[:, :pix.width]
    rect = pdf_page.rect
    geometry = PageGeometry(scale=rect.width / pix.width, width=rect.width, height=rect.height)
    return ocr_page(np.ascontiguousarray(grey), geometry=geometry, source=source, page=pdf_page.number + 1)


def ocr_image_file(path: Path, *, source: str) -> OcrResult:
    """The layout page of a page image, in points at the image's dpi (150 when it has none)."""
    grey, dpi = load_image(path)
    height, width = grey.shape
    scale = 72 / dpi
    return ocr_page(grey, geometry=PageGeometry(scale=scale, width=width * scale, height=height * scale),
                    source=source, page=1)
