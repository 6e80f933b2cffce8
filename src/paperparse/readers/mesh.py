"""PubMed's ``MeSH terms`` list: one MeSH heading an item, read into typed terms.

Each item is a descriptor with its qualifiers and major-topic marks (``Liver /
pathology*``), read by :func:`paperparse.fields.ncbi.read_mesh_term`; PubMed lists a
descriptor with two qualifiers as two items, which become one heading
(:func:`~paperparse.fields.ncbi.merge_mesh_terms`). An item that is no MeSH term leaves
the whole list empty: a list with an item left out would be a wrong list.
"""

from __future__ import annotations

from ..fields.ncbi import merge_mesh_terms, read_mesh_term
from ..model import MeshTerm
from ..notes import Notes, quote
from ..sections import Section
from .base import Context, Reading, span


def read_mesh(section: Section, context: Context, what: str) -> Reading[tuple[MeshTerm, ...]]:
    """The MeSH terms of *section*, or none (with a warning) if an item is no term."""
    notes = Notes()
    lines = section.lines()
    terms: list[MeshTerm] = []
    for number, text in lines:
        term = read_mesh_term(text)
        if term is None:
            notes.warn(
                "unreadable_value",
                f"The item {quote(text)} is no MeSH term (a descriptor, its qualifiers "
                f"and major-topic marks); the {what} was left empty.",
                number,
            )
            return Reading((), tuple(notes))
        terms.append(term)
    return Reading(merge_mesh_terms(terms), tuple(notes), span(lines))
