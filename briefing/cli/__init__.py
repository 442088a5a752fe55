"""Command-line interface: a thin layer over the library's keyword-only functions.

Standard output carries only the data; logs and errors go to standard error. Errors in what
the user supplied (:class:`~briefing.errors.BriefingError`) become one line and exit status 2;
set ``BRIEFING_DEBUG=1`` to see the traceback instead.
"""

from __future__ import annotations

import logging
import os
import sys

from ..errors import BriefingError
from . import split, topics, summarize, build, send, batch, models, epaper, review  # noqa: F401  (each attaches its commands)
from .app import app


def main() -> None:
    logging.basicConfig(
        level=os.environ.get("BRIEFING_LOG_LEVEL", "WARNING").upper(),
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    try:
        app()
    except BriefingError as exc:
        if os.environ.get("BRIEFING_DEBUG"):
            raise
        sys.stderr.write(f"briefing: error: {exc}\n")
        sys.exit(2)
    except BrokenPipeError:
        # `briefing ... | head`: the reader left; not an error of ours.
        sys.stderr.close()
        sys.exit(0)
