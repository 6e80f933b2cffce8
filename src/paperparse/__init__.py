r"""paperparse: turn scholarly aggregator pages (text dumps or HTML) into typed records.

The public names are imported on first use (PEP 562), so ``import paperparse`` and
the command line's ``--version`` stay fast.

Examples:
    >>> import paperparse
    >>> page = "4.7 Review\nA title\nKeywords\na; b\nDOI: 10.1000/xyz\nRecommended"
    >>> paper = paperparse.parse(page)
    >>> paper.keywords, paper.doi, paper.rating.score
    (('a', 'b'), '10.1000/xyz', 4.7)
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "Author",
    "AuthorClaim",
    "EmptyInput",
    "Funding",
    "InputTooLarge",
    "Journal",
    "MeshQualifier",
    "MeshTerm",
    "PageRange",
    "Paper",
    "ParseError",
    "ParseWarning",
    "Provenance",
    "Published",
    "Rating",
    "SecondaryRating",
    "Source",
    "StrictModeError",
    "UndecodableInput",
    "UnrecognizedPage",
    "__version__",
    "from_dict",
    "parse",
    "parse_many",
    "to_dict",
    "to_json",
]

#: Public name -> the module that defines it.
_HOME = {
    "parse": ".api",
    "parse_many": ".batch",
    "from_dict": ".serialize",
    "to_dict": ".serialize",
    "to_json": ".serialize",
    **dict.fromkeys(
        [
            "EmptyInput",
            "InputTooLarge",
            "ParseError",
            "StrictModeError",
            "UndecodableInput",
            "UnrecognizedPage",
        ],
        ".errors",
    ),
    **dict.fromkeys(
        [
            "Author",
            "AuthorClaim",
            "Funding",
            "Journal",
            "MeshQualifier",
            "MeshTerm",
            "PageRange",
            "Paper",
            "ParseWarning",
            "Provenance",
            "Published",
            "Rating",
            "SCHEMA_VERSION",
            "SecondaryRating",
            "Source",
        ],
        ".model",
    ),
}

if TYPE_CHECKING:
    from .api import parse
    from .batch import parse_many
    from .errors import (
        EmptyInput,
        InputTooLarge,
        ParseError,
        StrictModeError,
        UndecodableInput,
        UnrecognizedPage,
    )
    from .model import (
        SCHEMA_VERSION,
        Author,
        AuthorClaim,
        Funding,
        Journal,
        MeshQualifier,
        MeshTerm,
        PageRange,
        Paper,
        ParseWarning,
        Provenance,
        Published,
        Rating,
        SecondaryRating,
        Source,
    )
    from .serialize import from_dict, to_dict, to_json


def __getattr__(name: str) -> Any:
    """Import a public name from the module that defines it, on first use."""
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module 'paperparse' has no attribute {name!r}")
    value = getattr(importlib.import_module(home, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The public names, including those not imported yet."""
    return sorted(set(__all__) | set(globals()))
