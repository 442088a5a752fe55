"""briefing: turn one issue of a Chinese newspaper into a short daily briefing.

Importing this package is cheap: stages and their models load when first used.
"""

import logging

from .api import load_articles, split_issue
from .errors import BriefingError, ConfigError, InputError
from .reading import read_articles, read_issue
from .records import Article, Furniture, Issue, Page, Summary, Topic

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "Article",
    "BriefingError",
    "ConfigError",
    "Furniture",
    "InputError",
    "Issue",
    "Page",
    "Summary",
    "Topic",
    "load_articles",
    "read_articles",
    "read_issue",
    "split_issue",
]
__version__ = "0.1.0"
