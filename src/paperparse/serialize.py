"""JSON (un)structuring of the record with a private cattrs converter."""

from __future__ import annotations

import json
from typing import Any

import attrs
import cattrs
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
    """Return *paper* as a dict of JSON types (the schema v1 layout).

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


def from_dict(data: dict[str, Any]) -> Paper:
    """Build a :class:`Paper` from a dict made by :func:`to_dict` (or read from JSON).

    Args:
        data: A dict in the schema v1 layout, such as ``json.loads(to_json(paper))``.

    Returns:
        The record, equal to the one *data* was made from.

    Raises:
        ValueError: *data* is not a valid record (an unknown key, a missing key or a
            value of the wrong type); the message names every offending path.

    Examples:
        >>> from paperparse import Paper
        >>> from_dict(to_dict(Paper(title="T"))) == Paper(title="T")
        True
    """
    try:
        return _converter.structure(data, Paper)
    except (cattrs.BaseValidationError, KeyError, TypeError, ValueError) as error:
        problems = (
            "; ".join(cattrs.transform_error(error, path="paper"))
            if isinstance(error, cattrs.BaseValidationError)
            else str(error)
        )
        raise ValueError(f"The data is not a valid Paper record: {problems}.") from error


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
