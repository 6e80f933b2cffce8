"""paperparse: turn text dumps of scholarly aggregator pages into typed records.

>>> import paperparse
>>> page = "4.7 Review\\nA title\\nKeywords\\na; b\\nDOI: 10.1000/xyz\\nRecommended"
>>> paper = paperparse.parse(page)
>>> paper.keywords, paper.doi, paper.rating.score
(('a', 'b'), '10.1000/xyz', 4.7)
"""

from __future__ import annotations

from .api import parse
from .errors import (
    EmptyInput,
    InputTooLarge,
    ParseError,
    StrictModeError,
    UndecodableInput,
    UnrecognizedPage,
)
from .model import (
    Author,
    AuthorClaim,
    Funding,
    Journal,
    PageRange,
    Paper,
    ParseWarning,
    Rating,
    SecondaryRating,
    Source,
)
from .serialize import from_dict, to_dict, to_json

__version__ = "0.1.0"

__all__ = [
    "Author",
    "AuthorClaim",
    "EmptyInput",
    "Funding",
    "InputTooLarge",
    "Journal",
    "PageRange",
    "Paper",
    "ParseError",
    "ParseWarning",
    "Rating",
    "SecondaryRating",
    "Source",
    "StrictModeError",
    "UndecodableInput",
    "UnrecognizedPage",
    "__version__",
    "from_dict",
    "parse",
    "to_dict",
    "to_json",
]
