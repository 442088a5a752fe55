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


class SplitterError(ConfigError):
    """The splitter asked for cannot read the issue's kind of pages (``rules`` on page PDFs, any
    splitter on a JSONL file of articles already split)."""
