"""Scanned copies of page PDFs, for tests and benchmarks of the OCR path.

A page is rasterised to grey, rotated by a small angle (a scanner's skew), JPEG-compressed and
saved both as an image-only PDF (the JPEG on a page of the original's size) and as a PNG.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ScanSettings:
    dpi: int = 150
    angle: float = 0.3  # degrees, counter-clockwise
    quality: int = 75  # JPEG quality


def scan_page(
    pdf: str | Path, out_dir: str | Path, *, page: int = 0, settings: ScanSettings = ScanSettings()
) -> tuple[Path, Path]:
    """Write ``STEM.pdf`` (image only) and ``STEM.png`` into ``out_dir``; return both paths."""
    import pymupdf
    from PIL import Image

    src = Path(pdf)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    with pymupdf.open(src) as doc:
        original = doc[page]
        rect = original.rect
        pix = original.get_pixmap(dpi=settings.dpi, colorspace=pymupdf.csGRAY)
    image = Image.frombytes("L", (pix.width, pix.height), pix.samples)
    image = image.rotate(settings.angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
    jpeg = io.BytesIO()
    image.save(jpeg, format="JPEG", quality=settings.quality)
    scanned = Image.open(io.BytesIO(jpeg.getvalue()))
    png = out / f"{src.stem}.png"
    scanned.save(png, dpi=(settings.dpi, settings.dpi))
    target = out / f"{src.stem}.pdf"
    with pymupdf.open() as doc:
        new = doc.new_page(width=rect.width, height=rect.height)
        new.insert_image(new.rect, stream=jpeg.getvalue())
        doc.save(target)
    return target, png
