"""Command-line interface: a thin layer over the library's keyword-only functions.

Standard output carries only the data; logs and errors go to standard error. Errors in what
the user supplied (:class:`~briefing.errors.BriefingError`) become one line and exit status 2;
set ``BRIEFING_DEBUG=1`` to see the traceback instead.
"""

from __future__ import annotations

import copy
import logging
import os
import sys
from collections.abc import Callable
from typing import Any

import typer

from .. import pattern_cache
from ..errors import BriefingError
from . import split, topics, summarize, build, send, batch, models, epaper, review  # noqa: F401  (each attaches its commands)
from .app import app, flush_stdout


LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
DEFAULT_LOG_LEVEL = "WARNING"


def log_level() -> str:
    """``BRIEFING_LOG_LEVEL`` when it names a level; else a one-line warning and the default
    (a typo in a cron job's environment must not stop the job)."""
    given = os.environ.get("BRIEFING_LOG_LEVEL", "")
    level = given.strip().upper()
    if level in LOG_LEVELS:
        return level
    if level:
        sys.stderr.write(
            f"briefing: warning: BRIEFING_LOG_LEVEL={given!r} is not one of "
            f"{', '.join(LOG_LEVELS)}; using {DEFAULT_LOG_LEVEL}\n"
        )
    return DEFAULT_LOG_LEVEL


# Options whose name is not the setting's with dashes (max_chars: --max-chars).
OPTION_NAMES = {"top_stories": "--top"}


def in_cli_terms(error: BriefingError) -> str:
    """The error's message, a setting the caller gave named as the option that gives it
    (the library says "max_chars must be ...", the CLI "--max-chars must be ...")."""
    if error.setting is None or error.problem is None:
        return str(error)
    option = OPTION_NAMES.get(error.setting, "--" + error.setting.replace("_", "-"))
    return f"{option} {error.problem}"


def _drop_stdout() -> None:
    # What standard output still buffers cannot be written: point it at /dev/null so the
    # interpreter's own flush at exit adds no second message.
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real file descriptor (an embedding host)
        pass
    finally:
        os.close(devnull)


def command_line(args: list[str]) -> Callable[[], Any]:
    """What runs the command ``args`` name: the application made with that command alone (or
    the ``eval`` group alone) when ``args`` begin with a command's name, else the whole
    application (``briefing``, ``briefing --help``, a mistyped name, which click matches against
    every name). Typer makes the options of every command, inspecting each function's
    signature and types, before it runs one; for the other 17 that was 3% of the instructions
    of a cold ``briefing build``. The command itself is made as before, under the same application, so
    it reads its arguments and writes its help and errors as before."""
    name = args[0] if args else ""
    commands = [
        info
        for info in app.registered_commands
        if info.callback is not None
        and (info.name or typer.main.get_command_name(info.callback.__name__)) == name
    ]
    groups = [info for info in app.registered_groups if info.name == name]
    if not commands and not groups:
        return app
    alone = copy.copy(app)
    alone.registered_commands, alone.registered_groups = commands, groups
    # a group, as the application is: typer would run a lone command as the program itself
    return typer.main.get_group(alone)


def main() -> None:
    logging.basicConfig(
        level=log_level(), format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr
    )
    try:
        try:
            command_line(sys.argv[1:])()
        finally:
            try:
                flush_stdout()  # the data must have reached its destination before the exit status says so
            finally:
                pattern_cache.keep()  # the next command starts with this one's patterns compiled
    except BriefingError as exc:
        if os.environ.get("BRIEFING_DEBUG"):
            raise
        sys.stderr.write(f"briefing: error: {in_cli_terms(exc)}\n")
        _drop_stdout()
        sys.exit(2)
    except BrokenPipeError:
        # `briefing ... | head`: the reader left; not an error of ours.
        _drop_stdout()
        sys.stderr.close()
        sys.exit(0)
