"""A name on a section's first line: a publisher, a journal, an article type.

The line must read as a name: a sentence, or a name with a DOI, a locator or an address
glued to it, is some other text that a dump ran into the section (:func:`not_a_name`).
"""

from __future__ import annotations

import re
from typing import Final

from ..fields.doi import DOI_PREFIX
from ..notes import Notes, quote
from ..roles import is_prose
from ..sections import Section
from .base import Context, Reading

#: What a journal's or a publisher's name never holds: a DOI, a locator
#: (``Volume 49``), a web address.
_NOT_IN_A_NAME: Final = re.compile(
    rf"{DOI_PREFIX}|\bdoi\s*:|(?:volume|vol\.|issue|pages)\s*[0-9]|://", re.IGNORECASE
)
#: What each of those holds: a name with neither is spared the case-blind scan of the
#: pattern above (0.2 against 2.7 µs a journal name).
_DIGIT_OR_COLON: Final = re.compile(r"[0-9:]")
#: A name is short: longer than this, or a sentence, it is some other text.
MAX_NAME: Final = 200


def not_a_name(text: str) -> str | None:
    """Why *text* cannot be a journal's or publisher's name, or ``None``.

    >>> not_a_name("NATURE") is None, not_a_name("NATURE Volume 12, Issue 3")
    (True, 'it holds a DOI, a volume or pages, or an address glued to the name')
    """
    if len(text) > MAX_NAME or (is_prose(text) and (". " in text or _ends_a_sentence(text))):
        return "it is a sentence, not a name"
    if not any(char.isalpha() for char in text):
        return "it has no letter (a glyph or a number), so it names nothing"
    if _DIGIT_OR_COLON.search(text) is not None and _NOT_IN_A_NAME.search(text) is not None:
        return "it holds a DOI, a volume or pages, or an address glued to the name"
    return None


#: A word that ends a sentence, not an abbreviation (``Sci.``): longer than this.
_ABBREVIATION: Final = 4


def _ends_a_sentence(text: str) -> bool:
    """Whether the full stop that ends *text* ends a sentence, not an abbreviation.

    >>> _ends_a_sentence("data structure."), _ends_a_sentence("Proc. Natl. Acad. Sci.")
    (True, False)
    """
    last = text[:-1].rsplit(" ", 1)[-1]
    return len(last) > _ABBREVIATION and last.isalpha() and last.islower()


def first_line_name(section: Section, what: str) -> Reading[str | None]:
    """The name on the first line of *section*, if it is one; later lines are reported."""
    notes = Notes()
    if not section.blocks:
        return Reading(None)
    for block in section.blocks[1:]:
        notes.unplaced((block.line, block.text), f"after the {what}")
    first = section.blocks[0]
    if (reason := not_a_name(first.text)) is not None:
        notes.warn(
            "unreadable_value",
            f"The {what} {quote(first.text)} cannot be right: {reason}; the {what} was left empty.",
            first.line,
        )
        return Reading(None, tuple(notes))
    return Reading(first.text, tuple(notes), (first.line, section.blocks[-1].line))


def read_first_line(section: Section, context: Context, what: str) -> Reading[str | None]:
    """The value on the section's first line (a publisher, an article type)."""
    return first_line_name(section, what)
