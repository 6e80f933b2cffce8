"""The public record: frozen, slotted attrs classes (schema v1).

Attribute names are the JSON keys. Lists are tuples in Python (the record is
immutable and hashable) and arrays in JSON. See ``docs/schema.md``.
"""

from __future__ import annotations

from typing import Literal

import attrs

__all__ = [
    "Author",
    "AuthorClaim",
    "Funding",
    "Journal",
    "PageRange",
    "Paper",
    "ParseWarning",
    "Rating",
    "SecondaryRating",
    "Source",
]


@attrs.frozen
class PageRange:
    """Pages of an article as printed: ``first`` and, for a range, ``last``."""

    first: str
    last: str | None = None


@attrs.frozen
class Journal:
    """The journal block: name and where in the journal the paper sits."""

    name: str | None = None
    volume: str | None = None
    issue: str | None = None
    pages: PageRange | None = None
    article_number: str | None = None


@attrs.frozen
class Funding:
    """One entry of the funding list."""

    funder: str | None
    award_ids: tuple[str, ...] = ()
    text: str = ""


@attrs.frozen
class Author:
    """One author, as named on the page."""

    name: str


@attrs.frozen
class AuthorClaim:
    """The author-claim prompt that the site shows under the author list."""

    prompt: str | None = None
    action: str | None = None


@attrs.frozen
class SecondaryRating:
    """One named sub-score; ``score`` is ``None`` where the page shows ``-``."""

    name: str
    score: float | None = None


@attrs.frozen
class Rating:
    """The rating block: overall score, number of ratings, note and sub-scores."""

    score: float | None = None
    count: int | None = None
    note: str | None = None
    secondary: tuple[SecondaryRating, ...] = ()


@attrs.frozen
class Source:
    """Where the record came from: the site recognised and the input path used."""

    site: str | None = None
    format: Literal["text", "html"] = "text"


@attrs.frozen
class ParseWarning:
    """Something on the page that the parser could not place or read.

    ``code`` is a stable identifier (see ``docs/errors.md``), ``line`` the 1-based
    line of the input it refers to, or ``None`` when it concerns the whole page.
    """

    code: str
    message: str
    line: int | None = None


@attrs.frozen
class Paper:
    """One paper page, parsed."""

    title: str | None = None
    article_type: str | None = None
    journal: Journal | None = None
    publisher: str | None = None
    doi: str | None = None
    keywords: tuple[str, ...] = ()
    funding: tuple[Funding, ...] = ()
    abstract: str | None = None
    authors: tuple[Author, ...] = ()
    author_claim: AuthorClaim | None = None
    rating: Rating | None = None
    actions: tuple[str, ...] = ()
    recommended: tuple[str, ...] = ()
    source: Source = Source()
    warnings: tuple[ParseWarning, ...] = ()
