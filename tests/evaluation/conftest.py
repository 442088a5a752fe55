"""The evaluation suite: measures stages on ../shared/corpus, skipped when it is absent."""

from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "evaluation" in str(item.fspath):
            item.add_marker(pytest.mark.evaluation)
            if not CORPUS.is_dir():
                item.add_marker(pytest.mark.skip(reason=f"{CORPUS} is absent"))


@pytest.fixture(scope="session")
def corpus() -> Path:
    return CORPUS
