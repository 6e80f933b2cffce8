"""A list of short items: keywords, categories.

The items stand one a line, or on one line separated by a mark (``;``, ``|``, ``·``,
``,``); :func:`paperparse.fields.lists.read_keywords` splits and checks them. A list
given one item per line whose end cannot be told (a label right after it that the page
shows again elsewhere may be one of its items) is left empty.
"""

from __future__ import annotations

from ..fields.lists import read_keywords
from ..notes import Notes
from ..sections import Section
from .base import Context, Reading, span


def read_items(section: Section, context: Context, what: str) -> Reading[tuple[str, ...]]:
    """The keyword (or category) list of *section*; a refused item is a warning."""
    notes = Notes()
    if section.suspect_end is not None:
        item = "keyword" if section.kind == "keywords" else "category"
        notes.warn(
            "unreadable_value",
            f"The section label on line {section.suspect_end} ends the {item} list, and "
            "the page shows that section again elsewhere: the label may be an item of a "
            "list given one item per line, so where the list ends cannot be told; "
            f"the {item} list was left empty.",
            section.line,
        )
        return Reading((), tuple(notes))
    lines = section.lines()
    keywords, problems = read_keywords([t for _, t in lines], context.layout.compiled.items)
    for code, message in problems:
        notes.warn(code, message, lines[0][0] if lines else section.line)
    return Reading(keywords, tuple(notes), span(lines))
