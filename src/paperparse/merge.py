"""The page's embedded metadata, merged into the record of what the page shows.

Metadata fills the fields the visible page leaves empty; where the two say different
things, which one is right cannot be told (a stale tag, or a line of the page read as
the wrong field), so the field is left empty and the conflict reported
(``metadata_conflict``). Which metadata attribute fills which
field, and what a warning calls it, come from the field specs
(:attr:`paperparse.specs.FieldSpec.metadata`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Final, TypeVar

import attrs

from .metadata import Metadata
from .model import Author, Journal, PageRange, Paper, Rating
from .normalize import fold
from .notes import Notes, quote
from .specs import SPECS

T = TypeVar("T")


def _same(visible: object, stated: object) -> bool:
    """Whether a visible value and a metadata value say the same thing."""
    if isinstance(visible, str) and isinstance(stated, str):
        return fold(visible) == fold(stated)
    if isinstance(visible, tuple) and isinstance(stated, tuple):
        return sorted(map(_name_key, visible)) == sorted(map(_name_key, stated))
    return visible == stated


def _name_key(item: object) -> tuple[str, ...]:
    """Compare names and keywords by their words: ``Zhang, Wei`` is ``Wei Zhang``."""
    text = item.name if isinstance(item, Author) else str(item)
    return tuple(sorted(_ALNUM_RUN.findall(text.casefold())))


#: A run of letters and digits (``str.isalnum``: the word characters but ``_``); one
#: search, not a test per character (1.1 against 2.0 µs a name).
_ALNUM_RUN: Final = re.compile(r"[^\W_]+")


def merge_metadata(paper: Paper, metadata: Metadata, notes: Notes) -> Paper:
    """Fill the fields the visible page lacks from *metadata*; report disagreements.

    A metadata value that differs from the visible one is reported as
    ``metadata_conflict``, and the field is left empty.
    """

    def take(field: str, visible: T, empty: T, convert: Callable[[Any], T]) -> T:
        found = getattr(metadata, field)
        if found is None:
            return visible
        line, raw = found
        stated = convert(raw)
        if visible == empty or visible is None:
            return stated
        if not _same(visible, stated):
            notes.warn(
                "metadata_conflict",
                f"The page's metadata gives the {_FIELD_NAMES[field]} as {quote(_shown(raw))}, "
                f"but the visible page says {quote(_shown(visible))}; which is right cannot "
                f"be told, so the {_FIELD_NAMES[field]} was left empty.",
                line,
            )
            return empty
        return visible

    journal = paper.journal or Journal()
    pages = journal.pages
    first = take("first_page", pages.first if pages else None, None, str)
    last = take("last_page", pages.last if pages else None, None, str)
    if pages is None and first is not None:
        pages = PageRange(first, last)
    journal = Journal(
        name=take("journal", journal.name, None, str),
        volume=take("volume", journal.volume, None, str),
        issue=take("issue", journal.issue, None, str),
        pages=pages,
        article_number=journal.article_number,
    )
    rating = paper.rating
    if metadata.score is not None or metadata.count is not None:
        rating = rating or Rating()
        rating = attrs.evolve(
            rating,
            score=take("score", rating.score, None, float),
            count=take("count", rating.count, None, int),
        )
    return attrs.evolve(
        paper,
        title=take("title", paper.title, None, str),
        doi=take("doi", paper.doi, None, str),
        publisher=take("publisher", paper.publisher, None, str),
        keywords=take("keywords", paper.keywords, (), tuple),
        authors=take("authors", paper.authors, (), lambda names: tuple(Author(n) for n in names)),
        journal=None if journal == Journal() else journal,
        rating=rating,
    )


#: What a metadata_conflict warning calls each Metadata attribute.
_FIELD_NAMES: Final = {attribute: what for spec in SPECS for attribute, what in spec.metadata}


def _shown(value: object) -> str:
    if isinstance(value, tuple):
        return "; ".join(v.name if isinstance(v, Author) else str(v) for v in value)
    return str(value)
