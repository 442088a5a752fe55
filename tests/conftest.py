from pathlib import Path

import pytest

# The delivery tests' `server` (an SMTP server on localhost) and `issue` fixtures.
pytest_plugins = ["deliver_helpers"]

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"


@pytest.fixture(scope="session")
def samples() -> Path:
    return SAMPLES


@pytest.fixture(autouse=True, scope="session")
def _own_cache(tmp_path_factory):
    """The cache (OCR results, the keyword classifier's tables) is the test session's own, never
    the user's; set for the whole session, before any module fixture runs the CLI."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BRIEFING_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))
        yield
