"""Errors the library raises for bad input or configuration.

The CLI turns each into one line on standard error and exit status 2; library users catch
:class:`BriefingError` (a ``ValueError``) or a subclass.
"""

from __future__ import annotations

from typing import TypeVar


class BriefingError(ValueError):
    """Base class: something the user supplied is wrong, and the message says what.

    An error about one setting that the caller gave (an argument, an option) carries its name as
    the library spells it (``setting = "max_chars"``) and what is wrong (``problem``), so that
    the CLI can say it with the option's name (``--max-chars must be ...``); see
    :func:`setting_error`.
    """

    setting: str | None = None
    problem: str | None = None


class InputError(BriefingError):
    """An input file or stream cannot be read as an issue or as articles."""


class ConfigError(BriefingError):
    """A configuration, taxonomy, model card or registry name is wrong."""


class OutputError(BriefingError):
    """An output (an ``-o`` path, an output directory, standard output) cannot be written."""


E = TypeVar("E", bound=BriefingError)


def setting_error(kind: type[E], setting: str, problem: str, *, source: str | None = None) -> E:
    """A ``kind`` error saying that ``setting`` is wrong, in library terms: "max_chars must be
    at least 20, got 5". ``source``: the file the value was read from, named in the message;
    None when the caller gave it, which the CLI then reports by the option's name."""
    if source is not None:
        return kind(f"{source}: {setting} {problem}")
    error = kind(f"{setting} {problem}")
    error.setting, error.problem = setting, problem
    return error


class ContractError(BriefingError):
    """A component gave output that breaks its stage's contract (see :mod:`briefing.contracts`).

    ``stage`` names the stage (``split``, ``classify``, ``summarize``, ``title``), ``component``
    the component that broke it (its registry name or method, else its class), ``problem`` what
    is wrong. Usually a plugin's bug, found before a malformed record reaches a briefing.
    """

    def __init__(self, stage: str, component: str, problem: str) -> None:
        super().__init__(f"{stage} stage: {component} broke its contract: {problem}")
        self.stage = stage
        self.component = component
        self.problem = problem

    def __reduce__(self):  # pickled as it was made (batch workers send errors to their parent)
        return (type(self), (self.stage, self.component, self.problem))


class SplitterError(ConfigError):
    """The splitter asked for cannot read the issue's kind of pages (``rules`` on page PDFs, any
    splitter on a JSONL file of articles already split)."""
