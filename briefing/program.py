"""The program (``briefing``, ``python -m briefing``): the CLI in its own process.

Kept apart from :mod:`briefing.cli` so that the collector is tuned before the CLI's modules
(typer, the commands) are imported: their objects live as long as the process. Most commands end
within a second; the two that run until stopped (``watch``, ``review``) call :func:`long_lived`.
"""

from __future__ import annotations

import gc

# Allocations between two collections of the youngest generation in the program (Python's
# default: 700). A command allocates mostly objects that live as long as the process (modules,
# classes, tables), which every collection walks again: at 700 a cold build collected 105 times,
# 2.5% of its instructions, and its peak memory is the same either way (72 MB).
GC_THRESHOLD = 100_000


# The collector's pace as Python set it, before run() slowed it.
_DEFAULT_THRESHOLD = gc.get_threshold()


def long_lived() -> None:
    """For a command that runs until stopped: the collector's default pace again, so that the
    garbage of each issue or request is collected as usual."""
    gc.set_threshold(*_DEFAULT_THRESHOLD)


def run() -> None:
    """:func:`briefing.cli.main`, tuned for a short life: the garbage collector runs less often
    (until a long-lived command restores its pace), and at the exit it leaves what is alive as it
    is (:func:`gc.freeze`): the interpreter's last collections walked every object to free memory
    that the exit frees anyway, 3% of the instructions of a cold build. Callers of ``main()`` in
    their own process (tests, other programs) keep their collector as it was."""
    gc.set_threshold(GC_THRESHOLD, *gc.get_threshold()[1:])
    try:
        from .cli import main

        main()
    finally:
        gc.freeze()
