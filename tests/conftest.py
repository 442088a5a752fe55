from pathlib import Path

import pytest

# The delivery tests' `server` (an SMTP server on localhost) and `issue` fixtures.
pytest_plugins = ["deliver_helpers"]

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"


@pytest.fixture(scope="session")
def samples() -> Path:
    return SAMPLES
