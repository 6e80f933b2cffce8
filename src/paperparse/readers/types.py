"""A list of publication types (PubMed's ``Publication types``): the article type in it.

The article type is the types that are no funding type (``Research Support, …``),
joined with ``"; "`` as Web of Science types are
(:func:`paperparse.fields.ncbi.read_publication_types`). A page that also shows the type
as a badge above its citation line must agree with the list: when they differ, which
one the record should hold cannot be told, and the article type is left empty.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..fields.ncbi import read_publication_types
from ..notes import Notes, quote
from ..sections import Section
from .base import Reading, span


def read_types(sections: Sequence[Section], badge: str | None) -> Reading[str | None]:
    """The article type of the publication-type *sections*, checked against the *badge*."""
    notes = Notes()
    lines = [line for section in sections for line in section.lines()]
    if not lines:
        return Reading(badge)
    found = read_publication_types(text for _, text in lines)
    if found is None:
        notes.warn(
            "unreadable_value",
            "An item of the publication types is no publication type; the article type "
            "was taken from the badge only."
            if badge
            else "An item of the publication "
            "types is no publication type; the article type was left empty.",
            lines[0][0],
        )
        return Reading(badge, tuple(notes))
    listed = found.article_type
    if badge is not None and listed is not None and badge not in listed.split("; "):
        notes.warn(
            "conflicting_values",
            f"The badge above the citation line says {quote(badge)}, and the publication "
            f"types say {quote(listed)}; the article type was left empty.",
            lines[0][0],
        )
        return Reading(None, tuple(notes))
    return Reading(listed or badge, tuple(notes), span(lines) if listed else span(()))
