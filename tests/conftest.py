from pathlib import Path

import pytest

# The delivery tests' `server` (an SMTP server on localhost) and `issue` fixtures.
pytest_plugins = ["deliver_helpers"]

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"


@pytest.fixture(scope="session")
def samples() -> Path:
    return SAMPLES


@pytest.fixture(autouse=True)
def _ocr_cache(tmp_path_factory, monkeypatch):
    """OCR results go to a cache of the test session's own, never the user's."""
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))
