"""Errors the library raises for bad input or configuration.

The CLI turns each into one line on standard error and exit status 2; library users catch
:class:`BriefingError` (a ``ValueError``) or a subclass.
"""


class BriefingError(ValueError):
    """Base class: something the user supplied is wrong, and the message says what."""


class InputError(BriefingError):
    """An input file or stream cannot be read as an issue or as articles."""


class ConfigError(BriefingError):
    """A configuration, taxonomy, model card or registry name is wrong."""


class OutputError(BriefingError):
    """An output (an ``-o`` path, an output directory, standard output) cannot be written."""


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
