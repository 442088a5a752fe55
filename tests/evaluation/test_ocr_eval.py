"""The OCR path on scanned copies of the dev e-paper pages (made here, in a temporary folder):
articles found, in order, no graphic as an article, body text as the text layer has it, and no
column logo guessed (a logo read only weakly names no column).
Slow: every page is OCR'd (a fresh cache)."""

import pytest

pytest.importorskip("pymupdf")
pytest.importorskip("rapidocr_onnxruntime")

from briefing.evaluate.ocr import ANGLES, score_scanned, summarise  # noqa: E402
from briefing.ocr.scan import ScanSettings, scan_page  # noqa: E402


@pytest.mark.slow
def test_scanned_dev_pages(corpus, tmp_path):
    originals = sorted(
        p for p in (corpus / "epaper").glob("*.pdf") if p.with_suffix(".gold.json").is_file()
    )
    scores = []
    for i, original in enumerate(originals):
        pdf, png = scan_page(
            original, tmp_path, settings=ScanSettings(angle=ANGLES[i % len(ANGLES)])
        )
        scores.append(score_scanned(pdf, original))
    result = summarise(scores)
    assert result["found_share"] >= 0.90
    assert result["pages_in_order"] == result["pages"]
    assert result["graphics_as_articles"] == 0
    assert result["body_accuracy"] >= 0.98
    assert result["columns_wrong"] == 0
