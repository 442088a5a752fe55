"""Topic taxonomies: the labels an article can get, their scopes, and their order.

A taxonomy is a TOML file (see ``briefing/data/taxonomy.toml`` for the default and the format).
The order of its labels is the order of the briefing's sections.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .. import data
from ..settings_file import read_settings_file
from ..errors import ConfigError
from .terms import TIER_WEIGHTS

logger = logging.getLogger(__name__)

TERM_TIERS = tuple(TIER_WEIGHTS)  # one list of tiers: the weights define them


@dataclass(frozen=True)
class Label:
    name: str
    scope: str = ""
    iptc: tuple[str, ...] = ()
    # Extra keyword-classifier terms from a custom taxonomy file: tier -> space-separated terms.
    terms: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Taxonomy:
    name: str
    labels: tuple[Label, ...]
    fallback: str
    source: str = "<default>"
    version: int = 1
    _index: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._index.update({label.name: i for i, label in enumerate(self.labels)})

    @property
    def names(self) -> list[str]:
        return [label.name for label in self.labels]

    def __contains__(self, name: object) -> bool:
        return name in self._index

    def index(self, name: str) -> int:
        return self._index[name]

    def fingerprint(self) -> str:
        """A short hash of the label names in order: tells whether a model fits this taxonomy."""
        import hashlib  # here: OpenSSL's start is 5 ms of a cold build, which never needs it

        return hashlib.sha256("\n".join(self.names).encode("utf-8")).hexdigest()[:16]


def _parse(data: dict[str, Any], source: str) -> Taxonomy:
    def fail(problem: str) -> ConfigError:
        return ConfigError(f"{source}: malformed taxonomy: {problem}")

    raw_labels = data.get("label")
    if raw_labels is None:
        raise fail("no [[label]] tables (each label needs a [[label]] table with a name)")
    if not isinstance(raw_labels, list) or not raw_labels:
        raise fail("'label' must be a list of [[label]] tables")
    labels: list[Label] = []
    seen: set[str] = set()
    for number, raw in enumerate(raw_labels, start=1):
        if not isinstance(raw, dict):
            raise fail(f"label {number} is not a table")
        name = raw.get("name")
        if not isinstance(name, str) or not name.strip():
            raise fail(f"label {number} has no 'name' (a non-empty string)")
        name = name.strip()
        if name in seen:
            raise fail(f"label {name!r} appears twice")
        seen.add(name)
        scope = raw.get("scope", "")
        if not isinstance(scope, str):
            raise fail(f"label {name!r}: 'scope' must be a string")
        iptc = raw.get("iptc", [])
        if isinstance(iptc, str):
            iptc = [iptc]
        if not isinstance(iptc, list) or not all(isinstance(x, str) for x in iptc):
            raise fail(f"label {name!r}: 'iptc' must be a list of strings")
        terms = raw.get("terms", {})
        if not isinstance(terms, dict):
            raise fail(f"label {name!r}: 'terms' must be a table of {', '.join(TERM_TIERS)}")
        for tier, value in terms.items():
            if tier not in TERM_TIERS:
                raise fail(
                    f"label {name!r}: unknown term tier {tier!r} (use {', '.join(TERM_TIERS)})"
                )
            if not isinstance(value, str):
                raise fail(
                    f"label {name!r}: terms.{tier} must be a string of space-separated terms"
                )
        labels.append(Label(name, scope.strip(), tuple(iptc), tuple(sorted(terms.items()))))
    fallback = data.get("fallback")
    if fallback is None:
        fallback = "社会" if "社会" in seen else labels[-1].name
    if not isinstance(fallback, str) or fallback not in seen:
        raise fail(f"fallback {fallback!r} is not one of the labels")
    name = data.get("name", Path(source).stem)
    if not isinstance(name, str):
        raise fail("'name' must be a string")
    version = data.get("version", 1)
    if not isinstance(version, int):
        raise fail("'version' must be an integer")
    return Taxonomy(
        name=name, labels=tuple(labels), fallback=fallback, source=source, version=version
    )


def parse_taxonomy(text: str, *, source: str = "<string>") -> Taxonomy:
    """Parse a taxonomy from TOML text; a malformed one raises :class:`ConfigError` naming the problem."""
    from ..compat import tomllib  # here: the default taxonomy is read from the cache

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{source}: malformed taxonomy: not valid TOML ({exc})") from exc
    return _parse(data, source)


@lru_cache(maxsize=1)
def default_taxonomy() -> Taxonomy:
    """The 16-label default taxonomy shipped with the package. Kept parsed in the user's cache
    (:mod:`briefing.cache`) while the file and the code that parses it are unchanged: a build
    then neither imports the TOML parser (40 M instructions, 3% of a cold build) nor parses."""
    from ..cache import kept

    def parsed() -> Taxonomy:
        return parse_taxonomy(data.read_text("taxonomy.toml"), source="<default taxonomy>")

    # The parser's module and the tier names it checks against (terms.py), and the file.
    sources = [
        Path(__file__),
        Path(__file__).with_name("terms.py"),
        data.DIRECTORY / "taxonomy.toml",
    ]
    return kept("default-taxonomy", sources=sources, make=parsed)


def load_taxonomy(path: str | Path | Taxonomy | None = None) -> Taxonomy:
    """The taxonomy in ``path`` (a TOML file), or the default one when ``path`` is None."""
    if path is None:
        return default_taxonomy()
    if isinstance(path, Taxonomy):
        return path
    file = Path(path)
    return parse_taxonomy(read_settings_file(file, what="taxonomy file"), source=str(file))
