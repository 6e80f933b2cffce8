"""JSON Schema of the record, generated from the attrs classes of :mod:`paperparse.model`.

Nothing here is written by hand: the schema follows the model (``attrs.fields()``, the
type hints, and the shape checks a field states in its ``JSON_SCHEMA`` metadata: the
pattern of a PubMed id, the range of a month), so a field added to the model is in the
schema at once, and a type the generator does not know fails loudly instead of being
left out.

Examples:
    >>> schema = paper_schema()
    >>> schema["properties"]["doi"]
    {'type': ['string', 'null']}
    >>> schema["$defs"]["Journal"]["required"]
    ['name', 'volume', 'issue', 'pages', 'article_number']
"""

from __future__ import annotations

import inspect
import types
import typing
from typing import Any, Final, Literal, Union

import attrs

from .model import JSON_SCHEMA, OMIT_IF_DEFAULT, SCHEMA_VERSION, Paper

__all__ = ["SCHEMA_DIALECT", "output_schema", "paper_schema"]

SCHEMA_DIALECT: Final = "https://json-schema.org/draft/2020-12/schema"

_SCALARS: Final[dict[Any, str]] = {
    str: "string",
    int: "integer",
    float: "number",
    bool: "boolean",
    type(None): "null",
}


class _Builder:
    """Walks attrs classes depth first, collecting one ``$defs`` entry per class."""

    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}

    def of_class(self, cls: type) -> dict[str, Any]:
        hints = typing.get_type_hints(cls)
        fields = attrs.fields(cls)
        node: dict[str, Any] = {"type": "object"}
        description = _description(cls)
        if description:
            node["description"] = description
        node["properties"] = {
            field.name: {**self.of_type(hints[field.name]), **field.metadata.get(JSON_SCHEMA, {})}
            for field in fields
        }
        # to_dict() writes every key, null or empty included, except the optional ones
        # (provenance) that it writes only when they hold something.
        node["required"] = [f.name for f in fields if not f.metadata.get(OMIT_IF_DEFAULT)]
        node["additionalProperties"] = False
        return node

    def ref(self, cls: type) -> dict[str, Any]:
        name = cls.__name__
        if name not in self.defs:
            self.defs[name] = {}  # placeholder against recursion
            self.defs[name] = self.of_class(cls)
        return {"$ref": f"#/$defs/{name}"}

    def of_type(self, hint: Any) -> dict[str, Any]:
        if hint in _SCALARS:
            return {"type": _SCALARS[hint]}
        if attrs.has(hint):
            return self.ref(hint)
        origin = typing.get_origin(hint)
        args = typing.get_args(hint)
        if origin is Literal:
            kinds = sorted({_SCALARS[type(value)] for value in args})
            return {"type": kinds[0] if len(kinds) == 1 else kinds, "enum": list(args)}
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": self.of_type(args[0])}
        if origin in (list, frozenset, set) and len(args) == 1:
            return {"type": "array", "items": self.of_type(args[0])}
        if origin is Union or origin is types.UnionType:
            options = [self.of_type(arg) for arg in args]
            if all(set(option) == {"type"} for option in options):
                kinds = [
                    kind
                    for option in options
                    for kind in (
                        option["type"] if isinstance(option["type"], list) else [option["type"]]
                    )
                ]
                return {"type": kinds}
            return {"anyOf": options}
        raise TypeError(
            f"paperparse.schema cannot express the type {hint!r} in JSON Schema; "
            "teach _Builder.of_type about it."
        )


def _description(cls: type) -> str:
    doc = inspect.getdoc(cls) or ""
    return " ".join(doc.split("\n\n")[0].split())


def paper_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of a record as :func:`paperparse.to_dict` writes it.

    Returns:
        The schema, generated from the attrs classes of :mod:`paperparse.model`:
        every key required, no other key allowed, one ``$defs`` entry per class.
    """
    builder = _Builder()
    root = builder.of_class(Paper)
    return {
        "$schema": SCHEMA_DIALECT,
        "title": f"paperparse Paper record (schema v{SCHEMA_VERSION})",
        **root,
        "$defs": dict(sorted(builder.defs.items())),
    }


def output_schema() -> dict[str, Any]:
    """Return the JSON Schema of one record of the command line's JSON (Lines) output.

    Returns:
        A ``oneOf`` schema: a parsed page (``path`` followed by every key of the
        Paper record) or a page that failed (``path`` and ``error``).
    """
    builder = _Builder()
    paper = builder.of_class(Paper)
    path = {"type": "string", "description": "The page file as walked, or '-' for stdin."}
    parsed = {
        **paper,
        "properties": {"path": path, **paper["properties"]},
        "required": ["path", *paper["required"]],
    }
    parsed["description"] = "A page that parsed: its path and its record."
    failed = {
        "type": "object",
        "description": "A page that failed: its path and the error.",
        "properties": {
            "path": path,
            "error": {
                "type": "object",
                "properties": {
                    "type": {
                        "type": "string",
                        "description": "The ParseError subclass name, or 'OSError' when "
                        "the file could not be read.",
                    },
                    "message": {"type": "string"},
                },
                "required": ["type", "message"],
                "additionalProperties": False,
            },
        },
        "required": ["path", "error"],
        "additionalProperties": False,
    }
    return {
        "$schema": SCHEMA_DIALECT,
        "title": f"paperparse command line output record (schema v{SCHEMA_VERSION})",
        "oneOf": [parsed, failed],
        "$defs": dict(sorted(builder.defs.items())),
    }
