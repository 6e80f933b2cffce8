"""The titles of a list of other papers (the ``Recommended`` list).

One title a line, or a numbered or bulleted list whose items a dump tool may have
wrapped. Placeholders (``No Data Available``) and phrases a cut page left behind
(``No Data Av``) are no titles; a sentence ends the list. Where an unmarked line may be
the rest of a title or text after the list, the list is left empty.
"""

from __future__ import annotations

from typing import Final

from ..fields.funding import is_bare_marker, strip_marker
from ..normalize import fold, join_wrapped
from ..notes import Notes, quote
from ..page import wrapped_onto
from ..sections import Section
from .base import Context, Reading, span

#: A recommended title is a title: a line of this many words or more that ends in a
#: full stop is a sentence (a notice, a stray line after the list), not a title.
_SENTENCE_WORDS: Final = 6
#: The placeholder that, inside a line, shows that a dump ran blocks together. (One
#: substring test: 0.2 against 0.5 µs a title for a tuple of them mapped with any().)
_GLUED_PLACEHOLDER: Final = "no data available"


def read_titles(section: Section, context: Context, what: str) -> Reading[tuple[str, ...]]:
    """The titles of the recommended list (none on a page whose dump glued its blocks)."""
    notes = Notes()
    layout = context.layout
    compiled = layout.compiled
    glued = context.glued
    lines = section.lines()
    titles: list[str] = []
    marked = False  # a numbered or bulleted list
    previous = ""
    for index, (number, text) in enumerate(lines):
        has_marker, body = strip_marker(text)
        if (
            marked
            and titles
            and not has_marker
            and wrapped_onto(previous, body, context.wrap_width)
        ):
            # In a numbered or bulleted list, an unmarked line where the tool had to
            # break the line above goes on the item above.
            titles[-1] = join_wrapped([titles[-1], body])
            previous = text
            continue
        marked = marked or has_marker
        previous = text
        if body.endswith(".") and body.count(" ") + 1 >= _SENTENCE_WORDS:
            # The list has ended: this and what follows is page text after it.
            for line in lines[index:]:
                notes.unplaced(line, "after the recommended list")
            break
        if len(body.rstrip(":. ")) <= compiled.max_placeholder:
            key = fold(body).rstrip(".")
            if key in layout.empty_markers or key in compiled.phrase_starts or is_bare_marker(body):
                continue  # a placeholder, a cut label, or a list marker without its item
        if _GLUED_PLACEHOLDER in body.casefold():
            glued = True  # "No Data AvailableNo Data Available": placeholders run together
        if marked and not has_marker:
            # A line without a marker in a marked list, that the tool did not have to
            # wrap onto (or whose wrap width is unknown): the rest of a wrapped title,
            # or text after the list. Either reading may give a wrong title.
            notes.warn(
                "unreadable_value",
                f"The recommended list is numbered or bulleted, but the line {quote(body)} "
                "has no marker: it may be the rest of a title the dump tool wrapped, or "
                "text after the list; the recommended list was left empty.",
                number,
            )
            return Reading((), tuple(notes))
        titles.append(body)
    if glued and titles:
        notes.warn(
            "unreadable_value",
            "The dump glues the page's blocks together, so the recommended titles cannot "
            "be told apart; the recommended list was left empty.",
            lines[0][0],
        )
        return Reading((), tuple(notes))
    return Reading(tuple(titles), tuple(notes), span(lines))
