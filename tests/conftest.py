import os
import shutil
import tempfile
from pathlib import Path

import pytest

# The cache (OCR results, the keyword classifier's tables, compiled patterns) is the test run's
# own, never the user's: set before anything imports briefing (which reads the compiled patterns
# kept there), the plugin below included, and for every CLI the tests run.
_USERS_CACHE_DIR = os.environ.get("BRIEFING_CACHE_DIR")
_RUN_DIR = Path(tempfile.mkdtemp(prefix="briefing-tests-"))
os.environ["BRIEFING_CACHE_DIR"] = str(_RUN_DIR / "cache")

# The delivery tests' `server` (an SMTP server on localhost) and `issue` fixtures.
pytest_plugins = ["deliver_helpers"]

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"


@pytest.fixture(scope="session")
def samples() -> Path:
    return SAMPLES


def pytest_unconfigure(config):
    if _USERS_CACHE_DIR is None:
        os.environ.pop("BRIEFING_CACHE_DIR", None)
    else:
        os.environ["BRIEFING_CACHE_DIR"] = _USERS_CACHE_DIR
    shutil.rmtree(_RUN_DIR, ignore_errors=True)
