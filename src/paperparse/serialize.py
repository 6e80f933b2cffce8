"""JSON (un)structuring of the record: a private cattrs converter out, a strict check in."""

from __future__ import annotations

import functools
import json
import types
import typing
from collections.abc import Mapping
from typing import Any, Final, Literal

import attrs
from cattrs.gen import make_dict_unstructure_fn, override
from cattrs.preconf.json import make_converter

from .model import OMIT_IF_DEFAULT, Paper

_converter = make_converter(forbid_extra_keys=True)
_converter.register_unstructure_hook(tuple, list)  # JSON arrays, not tuples
# Optional keys (provenance) are written only when they hold something.
_OPTIONAL: dict[str, Any] = {
    field.name: override(omit_if_default=True)
    for field in attrs.fields(Paper)
    if field.metadata.get(OMIT_IF_DEFAULT)
}
_converter.register_unstructure_hook(
    Paper,
    make_dict_unstructure_fn(Paper, _converter, **_OPTIONAL),
)


def to_dict(paper: Paper) -> dict[str, Any]:
    """Return *paper* as a dict of JSON types (the schema v1.2 layout).

    Every key is present (null or empty when the page does not state the field);
    tuples become lists.

    Args:
        paper: A record from :func:`paperparse.parse`.

    Returns:
        A dict of ``str``, ``int``, ``float``, ``None``, lists and dicts, ready for
        :func:`json.dumps`.

    Raises:
        TypeError: *paper* is not a :class:`~paperparse.Paper`.

    Examples:
        >>> from paperparse import Paper
        >>> to_dict(Paper(title="T"))["title"]
        'T'
    """
    if not isinstance(paper, Paper):
        raise TypeError(f"to_dict() expects a Paper, not {type(paper).__name__}.")
    result: dict[str, Any] = _converter.unstructure(paper)
    return result


def from_dict(data: Mapping[str, Any]) -> Paper:
    """Build a :class:`Paper` from a dict made by :func:`to_dict` (or read from JSON).

    The input is checked, not coerced: every key of the schema v1 layout must be
    present (a key added to the model later, with a default, may be left out, so
    records of schema 1.0 and 1.1 stay loadable, their later fields empty), no other
    key is allowed, and every value must have the JSON type of its field: a string
    where a string belongs (``1`` is not ``"1"``), a list where a list belongs (a
    string is not a list of its characters), an integer or a number, ``null`` only
    where the field is nullable. Values of a fixed shape are checked as the model
    checks them (a PubMed id is digits, a date one the calendar has).

    Args:
        data: A dict in the schema v1 layout (1.0, 1.1 or 1.2), such as
            ``json.loads(to_json(paper))``.

    Returns:
        The record, equal to the one *data* was made from.

    Raises:
        ValueError: *data* is not a valid record (not a dict, an unknown key, a
            missing key, a value of the wrong type or shape); the message names every
            offending field by its path (``paper.journal.volume``).

    Examples:
        >>> from paperparse import Paper
        >>> from_dict(to_dict(Paper(title="T"))) == Paper(title="T")
        True
        >>> from_dict({**to_dict(Paper()), "keywords": "a; b"})
        Traceback (most recent call last):
        ...
        ValueError: The data is not a valid Paper record: paper.keywords: expected a list ...
    """
    problems: list[str] = []
    paper = _structure(Paper, data, "paper", problems)
    if problems or not isinstance(paper, Paper):
        raise ValueError(f"The data is not a valid Paper record: {'; '.join(problems)}.")
    return paper


#: The keys of each record class in the schema v1 layout: these must be present in
#: :func:`from_dict` input. A field added to the model later is not listed here, so
#: it may be missing from older records (its default is used): adding an optional
#: field is one change, in :mod:`paperparse.model`, and nothing here.
V1_KEYS: Final[Mapping[str, frozenset[str]]] = {
    "Paper": frozenset(
        {
            "title",
            "article_type",
            "journal",
            "publisher",
            "doi",
            "keywords",
            "funding",
            "abstract",
            "authors",
            "author_claim",
            "rating",
            "actions",
            "recommended",
            "source",
            "warnings",
        }
    ),
    "PageRange": frozenset({"first", "last"}),
    "Journal": frozenset({"name", "volume", "issue", "pages", "article_number"}),
    "Funding": frozenset({"funder", "award_ids", "text"}),
    "Author": frozenset({"name"}),
    "AuthorClaim": frozenset({"prompt", "action"}),
    "SecondaryRating": frozenset({"name", "score"}),
    "Rating": frozenset({"score", "count", "note", "secondary"}),
    "Source": frozenset({"site", "format"}),
    "ParseWarning": frozenset({"code", "message", "line"}),
    # New in schema 1.1: a record that has provenance has every key of it.
    "Provenance": frozenset({"field", "first_line", "last_line", "rule", "source"}),
    # New in schema 1.2: a record that has a date or MeSH terms has every key of them.
    "Published": frozenset({"year", "month", "day"}),
    "MeshTerm": frozenset({"descriptor", "major", "qualifiers"}),
    "MeshQualifier": frozenset({"name", "major"}),
}

_JSON_NAMES: Final[Mapping[type, str]] = {
    str: "a string",
    int: "an integer",
    float: "a number",
    bool: "a boolean",
    type(None): "null",
    list: "a list",
    dict: "an object",
}


def _describe(hint: Any) -> str:
    """The JSON type a field expects, in words: ``a list of strings``."""
    if hint in _JSON_NAMES:
        return _JSON_NAMES[hint]
    if attrs.has(hint):
        return f"an object ({hint.__name__})"
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is tuple:
        if attrs.has(args[0]):
            return f"a list of {args[0].__name__} objects"
        return f"a list of {_describe(args[0]).split(' ', 1)[-1]}s"
    if origin is Literal:
        return "one of " + ", ".join(json.dumps(arg) for arg in args)
    if origin is typing.Union or origin is types.UnionType:
        return " or ".join(_describe(arg) for arg in args)
    raise TypeError(f"from_dict() cannot check the type {hint!r}; teach _describe about it.")


def _shown(value: object) -> str:
    kind = next((name for cls, name in _JSON_NAMES.items() if type(value) is cls), None)
    text = json.dumps(value, ensure_ascii=False) if kind else repr(value)
    text = text if len(text) <= 40 else text[:37] + "..."
    if kind is None:
        return f"{type(value).__name__} {text}"
    return kind if kind in ("null", "an object", "a list") else f"{kind} ({text})"


def _structure(
    hint: Any, value: Any, where: str, problems: list[str], nullable: bool = False
) -> Any:
    """Check *value* against the type *hint* and build it; add problems, never raise."""
    if attrs.has(hint):
        return _structure_class(hint, value, where, problems, nullable)
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is typing.Union or origin is types.UnionType:
        if value is None and type(None) in args:
            return None
        others = [arg for arg in args if arg is not type(None)]
        if len(others) == 1:
            if value is None:
                problems.append(f"{where}: expected {_describe(hint)}, not null")
                return None
            return _structure(others[0], value, where, problems, nullable=True)
    elif origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        if isinstance(value, list):
            return tuple(
                _structure(args[0], item, f"{where}[{index}]", problems)
                for index, item in enumerate(value)
            )
    elif origin is Literal:
        if any(type(value) is type(arg) and value == arg for arg in args):
            return value
    elif hint is float:
        if type(value) in (int, float):
            return float(value)
    elif hint in (str, int, bool):
        if type(value) is hint:
            return value
    else:
        raise TypeError(f"from_dict() cannot check the type {hint!r}; teach _structure about it.")
    problems.append(_mismatch(hint, value, where, nullable))
    return None


def _mismatch(hint: Any, value: Any, where: str, nullable: bool) -> str:
    expected = _describe(hint) + (" or null" if nullable else "")
    return f"{where}: expected {expected}, not {_shown(value)}"


def _structure_class(
    cls: type, value: Any, where: str, problems: list[str], nullable: bool = False
) -> Any:
    if not isinstance(value, Mapping):
        problems.append(_mismatch(cls, value, where, nullable))
        return None
    hints = _hints(cls)
    fields = attrs.fields(cls)
    names = {field.name for field in fields}
    required = V1_KEYS.get(cls.__name__, frozenset())
    count = len(problems)
    unknown = [repr(key) for key in value if key not in names]
    if unknown:
        problems.append(f"{where}: unknown key{'s' * (len(unknown) > 1)} {', '.join(unknown)}")
    missing = [
        repr(field.name)
        for field in fields
        if field.name not in value and (field.name in required or field.default is attrs.NOTHING)
    ]
    if missing:
        problems.append(f"{where}: missing key{'s' * (len(missing) > 1)} {', '.join(missing)}")
    kwargs: dict[str, Any] = {}
    for field in fields:
        if field.name in value:
            path = f"{where}.{field.name}"
            kwargs[field.name] = _structure(hints[field.name], value[field.name], path, problems)
    if len(problems) > count:
        return None
    try:
        return cls(**kwargs)
    except (TypeError, ValueError) as error:  # a value of the wrong shape: the model's check
        problems.append(f"{where}: {str(error).removesuffix('.')}")
        return None


def upgrade(data: Mapping[str, Any]) -> dict[str, Any]:
    """Return a record dict of an older schema with the keys :func:`to_dict` writes now.

    A key added to the schema after *data* was written (``categories`` in 1.1,
    ``pmid`` in 1.2) gets the value :func:`to_dict` writes for its empty value
    (``null``, ``[]``), in every part of the record (``source.language``); an optional
    key (``provenance``) is not added. Nothing is checked or changed besides:
    :func:`from_dict` is the check. This is what an older snapshot is compared as, so
    that a parse that leaves the new fields empty equals it.

    Args:
        data: A record dict of schema 1.0, 1.1 or 1.2 (``json.loads`` of a snapshot).

    Returns:
        A new dict; *data* is not changed.

    Examples:
        >>> old = {k: v for k, v in to_dict(Paper(title="T")).items() if k != "pmid"}
        >>> upgrade(old) == to_dict(Paper(title="T"))
        True
    """
    result: dict[str, Any] = _upgrade(Paper, data)
    return result


def _upgrade(hint: Any, value: Any) -> Any:
    if attrs.has(hint):
        if not isinstance(value, Mapping):
            return value
        hints = _hints(hint)
        out = dict(value)
        for field in attrs.fields(hint):
            if field.name in out:
                out[field.name] = _upgrade(hints[field.name], out[field.name])
            elif field.default is not attrs.NOTHING and not field.metadata.get(OMIT_IF_DEFAULT):
                out[field.name] = _converter.unstructure(field.default)
        return out
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is typing.Union or origin is types.UnionType:
        if value is not None:
            others = [arg for arg in args if arg is not type(None)]
            return _upgrade(others[0], value) if len(others) == 1 else value
    elif origin is tuple and isinstance(value, list):
        return [_upgrade(args[0], item) for item in value]
    return value


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def to_json(paper: Paper, *, indent: int | None = None) -> str:
    """Return *paper* as a JSON string (UTF-8 text, non-ASCII kept as is).

    Args:
        paper: A record from :func:`paperparse.parse`.
        indent: As in :func:`json.dumps`: ``None`` for one line, ``2`` for the layout
            of ``paperparse snapshot``.

    Returns:
        The JSON text of :func:`to_dict`.

    Raises:
        TypeError: *paper* is not a :class:`~paperparse.Paper`.

    Examples:
        >>> from paperparse import Paper
        >>> to_json(Paper(title="T"))[:13]
        '{"title": "T"'
    """
    return json.dumps(to_dict(paper), ensure_ascii=False, indent=indent)
