"""The author list and the author-claim prompt under it.

Each line of the ``Authors`` section is read by
:func:`paperparse.fields.authors.read_authors` (names split, affiliation marks and link
numbers dropped, each name checked); the site's author-claim prompt (``I am an author
on this paper``) is no name but the record's ``author_claim``.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from ..fields.authors import read_authors
from ..model import Author, AuthorClaim
from ..normalize import Line
from ..notes import Notes
from ..roles import claim_key
from ..sections import Section
from .base import Context, Reading, span


@attrs.frozen
class People:
    """What the author sections hold: the names, and the claim prompt."""

    authors: tuple[Author, ...] = ()
    claim: AuthorClaim | None = None


def read_people(sections: Sequence[Section], context: Context) -> Reading[People]:
    """The authors and the author-claim prompt of the page's author sections."""
    notes = Notes()
    claim_lines = context.layout.claim_lines
    names: list[tuple[int | None, tuple[Author, ...]]] = []
    prompt: str | None = None
    action: str | None = None
    first: list[Line] = []
    for section in sections:
        lines: list[Line] = []
        for block in section.blocks:
            claim_line = claim_lines.get(claim_key(block.text))
            if claim_line is not None:
                slot, canonical = claim_line
                if slot == "prompt":
                    prompt = canonical
                else:
                    action = canonical
                continue
            lines.append((block.line, block.text))
        found, problems = read_authors(lines, context.layout.compiled.items)
        for code, message, where in problems:
            notes.warn(code, message, where)
        names.append((section.line, tuple(Author(name) for name in found)))
        if not first and section.blocks:
            first = section.lines()
    authors = notes.pick("author list", [n for n in names if n[1]], ())
    claim = AuthorClaim(prompt, action) if prompt or action else None
    return Reading(People(authors, claim), tuple(notes), span(first))
