"""JSON Schema of the records, generated from the dataclasses' type hints (never kept by hand).

``json_schema(Briefing)`` describes what ``briefing build --format json`` writes; each nested
record becomes one entry of ``$defs``. Only the types the records use are supported: str, int,
float, bool, Any, ``X | None``, ``list[X]``, ``dict[str, X]`` and nested records. A field can add
constraints through ``field(metadata={"schema": {...}})``.
"""

from __future__ import annotations

import dataclasses
import inspect
import types
import typing
from typing import Any

from .records import Record

DIALECT = "https://json-schema.org/draft/2020-12/schema"
_SCALARS = {str: "string", int: "integer", float: "number", bool: "boolean"}


def _type_schema(hint: Any, defs: dict[str, Any]) -> dict[str, Any]:
    if hint is Any:
        return {}
    if hint is type(None):
        return {"type": "null"}
    if hint in _SCALARS:
        return {"type": _SCALARS[hint]}
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        return {"anyOf": [_type_schema(arg, defs) for arg in args]}
    if origin in (list, tuple):
        return {"type": "array", "items": _type_schema(args[0], defs) if args else {}}
    if origin is dict:
        return {
            "type": "object",
            "additionalProperties": _type_schema(args[1], defs) if args else {},
        }
    if isinstance(hint, type) and issubclass(hint, Record) and dataclasses.is_dataclass(hint):
        if hint.__name__ not in defs:
            defs[hint.__name__] = {}  # placeholder first: records may refer to themselves
            defs[hint.__name__] = _record_schema(hint, defs)
        return {"$ref": f"#/$defs/{hint.__name__}"}
    raise TypeError(f"no JSON Schema for type {hint!r}")


def _record_schema(cls: type[Record], defs: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        properties[f.name] = _type_schema(hints[f.name], defs)
        if "schema" in f.metadata:  # extra constraints a field declares, e.g. a date pattern
            properties[f.name] = {**properties[f.name], **f.metadata["schema"]}
        required.append(f.name)  # to_dict writes every field, defaults included
    schema: dict[str, Any] = {"type": "object", "properties": properties, "required": required}
    doc = inspect.getdoc(cls)
    if doc and not doc.startswith(f"{cls.__name__}("):  # skip the dataclass's generated signature
        schema["description"] = doc.split("\n\n")[0]
    return schema


def json_schema(cls: type[Record]) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of ``cls.to_dict()`` output, nested records in ``$defs``."""
    defs: dict[str, Any] = {}
    root = _record_schema(cls, defs)
    schema: dict[str, Any] = {
        "$schema": DIALECT,
        "$id": f"urn:briefing:{cls.__name__.lower()}",
        "title": cls.__name__,
    }
    schema.update(root)
    if defs:
        schema["$defs"] = defs
    return schema


def briefing_schema() -> dict[str, Any]:
    """The schema of the JSON format of a briefing."""
    from .records import Briefing

    return json_schema(Briefing)
