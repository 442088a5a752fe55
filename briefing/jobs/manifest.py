"""Manifests: files that name several inputs with the paper and date of each.

TOML (``*.toml``), one ``[[issue]]`` table per input::

    [[issue]]
    path = "linjiang/2024-03-12.txt"   # relative paths are relative to the manifest
    paper = "临江日报"
    date = "2024-03-12"                 # optional; else the date printed on the page
    id = "linjiang-0312"                # optional; names the outputs of `briefing batch`

JSON Lines (any other name, usually ``*.jsonl``), one object a line with the same keys.
``path`` is required; a key that is not one of these is an error naming it, so a typo does
not silently drop a setting.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..compat import tomllib
from ..errors import InputError

KEYS = ("path", "paper", "date", "id")


@dataclass(frozen=True)
class ManifestItem:
    """One input of a manifest: where it is, and what is known about it."""

    path: str
    paper: str | None = None
    date: str | None = None
    id: str | None = None


def _item(record: Any, *, where: str, base: Path) -> ManifestItem:
    if not isinstance(record, dict):
        raise InputError(
            f"{where}: expected a table/object with 'path', got {type(record).__name__}"
        )
    unknown = sorted(set(record) - set(KEYS))
    if unknown:
        raise InputError(f"{where}: unknown key {unknown[0]!r}; known keys: {', '.join(KEYS)}")
    for key in KEYS:
        if record.get(key) is not None and not isinstance(record[key], str):
            raise InputError(f"{where}: {key!r} must be a string, got {record[key]!r}")
    if not record.get("path"):
        raise InputError(f"{where}: missing 'path'")
    path = Path(record["path"]).expanduser()
    if not path.is_absolute():
        path = base / path
    return ManifestItem(
        path=str(path),
        paper=record.get("paper") or None,
        date=record.get("date") or None,
        id=record.get("id") or None,
    )


def read_manifest(path: str | Path) -> list[ManifestItem]:
    """The inputs a manifest names, in its order; a malformed manifest is an :class:`InputError`."""
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"{file}: manifest not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{file}: cannot read the manifest: {exc}") from exc
    base = file.parent
    items: list[ManifestItem] = []
    if file.suffix.lower() == ".toml":
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise InputError(f"{file}: not valid TOML ({exc})") from exc
        tables = data.get("issue")
        if not isinstance(tables, list):
            raise InputError(f"{file}: expected [[issue]] tables, each with a 'path'")
        items = [
            _item(t, where=f"{file}: [[issue]] #{n}", base=base)
            for n, t in enumerate(tables, start=1)
        ]
    else:
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{file}:{number}: not valid JSON ({exc.msg})") from exc
            items.append(_item(record, where=f"{file}:{number}", base=base))
    if not items:
        raise InputError(f"{file}: the manifest names no inputs")
    return items
