"""The author list and the author-claim prompt under it.

Each line of the ``Authors`` section is read by
:func:`paperparse.fields.authors.read_authors` (names split, affiliation marks and link
numbers dropped, each name checked); the site's author-claim prompt (``I am an author
on this paper``) is no name but the record's ``author_claim``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Final

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
            parts = _claim_parts(block.text, claim_lines)
            if parts:
                for slot, canonical in parts:
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


#: Where the prompt's sentences meet when a page writes them as one paragraph.
_SENTENCE_BREAK: Final = re.compile(r"(?<=[.\u3002])\s*")


def _claim_parts(text: str, claim_lines: Mapping[str, tuple[str, str]]) -> list[tuple[str, str]]:
    """The claim prompt's lines that *text* is: one, or several written as one paragraph.

    ``I am an author on this paper. Click your name to claim this paper and add it to
    your profile.`` is both lines; a text with any other sentence is none of them.
    """
    found = claim_lines.get(claim_key(text))
    if found is not None:
        return [found]
    if len(text) > _MAX_CLAIM_PARAGRAPH:
        return []
    first = _SENTENCE_BREAK.split(text, maxsplit=1)
    if len(first) < 2 or claim_key(first[0]) not in claim_lines:
        return []  # (most lines: the first sentence is no line of the prompt)
    parts = [claim_lines.get(claim_key(part)) for part in _SENTENCE_BREAK.split(text) if part]
    return [part for part in parts if part is not None] if all(parts) and len(parts) > 1 else []


#: The longest paragraph that may be the whole claim prompt.
_MAX_CLAIM_PARAGRAPH: Final = 400
