"""The line labeller: a linear-chain CRF over the lines of a page (python-crfsuite).

The model file ships in ``briefing/data/splitter.model``; it is read once, on first use.
``briefing train-splitter`` writes a new one (:mod:`briefing.split.training`).
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from ..data import DIRECTORY
from ..errors import InputError
from .features import page_features
from .lines import Line

logger = logging.getLogger(__name__)

DEFAULT_MODEL = DIRECTORY / "splitter.model"
_taggers: dict[Path, object] = {}
_lock = threading.Lock()


def load_tagger(model: str | Path | None = None):
    """The CRF tagger for ``model`` (default: the packaged one), opened once per process."""
    import pycrfsuite

    path = Path(model) if model else DEFAULT_MODEL
    with _lock:
        if path not in _taggers:
            if not path.is_file():
                raise InputError(
                    f"{path}: no splitter model (train one with `briefing train-splitter`)"
                )
            tagger = pycrfsuite.Tagger()
            try:
                tagger.open(str(path))
            except Exception as error:  # crfsuite raises a bare ValueError/OSError on a bad file
                raise InputError(f"{path}: not a splitter model ({error})") from None
            _taggers[path] = tagger
            logger.debug("loaded splitter model %s", path)
        return _taggers[path]


def label_lines(
    lines: list[Line], raw_lines: list[str], *, model: str | Path | None = None
) -> list[str]:
    """One label per non-blank line (see :mod:`briefing.split.labels`)."""
    if not lines:
        return []
    tagger = load_tagger(model)
    with _lock:  # a crfsuite tagger is not safe to share between threads
        return list(tagger.tag(page_features(lines, raw_lines)))
