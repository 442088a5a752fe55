"""briefing: turn one issue of a Chinese newspaper into a short daily briefing.

Importing this package is cheap: the stages, and any models behind them, load when first used.

    from briefing import build_briefing, render
    briefing = build_briefing("issue.txt")
    markdown = render(briefing, format="md")
"""

import importlib
import sys
import types

from . import pattern_cache

# before any module of the package, or logging, compiles its patterns: re finds them compiled
pattern_cache.load()

import logging  # noqa: E402  (after the load: logging, traceback and textwrap compile patterns)

from .api import load_articles, split_issue
from .errors import BriefingError, ConfigError, ContractError, InputError, OutputError
from .read.text import read_articles, read_issue
from .records import Article, Briefing, Entry, Furniture, Issue, Page, Section, Summary, Topic

logging.getLogger(__name__).addHandler(logging.NullHandler())

# Public names that live in heavier modules, imported on first access (PEP 562).
_LAZY = {
    "Pipeline": "briefing.pipeline",
    "build_briefing": "briefing.pipeline",
    "build_combined_briefing": "briefing.jobs.combined",
    "classify": "briefing.topics",
    "summarize": "briefing.summarize",
    "check_summary": "briefing.summarize",
    "render": "briefing.render",
    "send_issue": "briefing.deliver",
}


def __getattr__(name: str) -> object:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'briefing' has no attribute {name!r}")


class _Package(types.ModuleType):
    """The package module; it keeps its public functions from being shadowed by subpackages.

    Importing a subpackage binds it on its parent (``import briefing.render`` sets
    ``briefing.render`` to the module), which would hide the function of the same name that
    ``from briefing import render`` promises. The binding is skipped for those names, so they
    stay the functions; the subpackages are still in ``sys.modules`` for ``from briefing.render
    import ...``.
    """

    def __setattr__(self, name: str, value: object) -> None:
        if name in _LAZY and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


__all__ = [
    "Article",
    "Briefing",
    "BriefingError",
    "ConfigError",
    "ContractError",
    "Entry",
    "Furniture",
    "InputError",
    "OutputError",
    "Issue",
    "Page",
    "Section",
    "Summary",
    "Topic",
    "load_articles",
    "read_articles",
    "read_issue",
    "split_issue",
    *_LAZY,
]
__version__ = "0.1.0"
