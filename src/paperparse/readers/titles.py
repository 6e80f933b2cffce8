"""The titles of a list of other papers (the ``Recommended`` list).

One title a line, or a numbered or bulleted list whose items a dump tool may have
wrapped. Placeholders (``No Data Available``) and phrases a cut page left behind
(``No Data Av``) are no titles; a sentence ends the list. Where an unmarked line may be
the rest of a title or text after the list, the list is left empty.
"""

from __future__ import annotations

import re
from typing import Final

from ..fields.doi import DOI_PREFIX
from ..fields.funding import is_bare_marker, strip_marker
from ..fields.rating import looks_like_score
from ..layouts import Layout
from ..normalize import fold, join_wrapped
from ..notes import Notes, quote
from ..outline.block import ITEM
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
    if (card := next((t for _, t in lines if _card_part(t, layout)), None)) is not None:
        return _read_cards(section, card, context, notes)
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
            if key in layout.empty_markers and not titles:
                # "No Data Available": the list is empty; what follows is not in it (a
                # sidebar's "Trending keywords").
                for line in lines[index + 1 :]:
                    if not _placeholder(line[1], layout):
                        notes.unplaced(line, "after the recommended list (it is empty)")
                break
            if _placeholder(body, layout):
                continue  # a placeholder, a cut label, or a list marker without its item
            if key in compiled.chrome_items:
                # A menu's link ("Papers", "Reviewers"): the list has ended, the page's
                # links follow it.
                for line in lines[index:]:
                    notes.unplaced(line, "after the recommended list (a menu)")
                break
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


#: A line of another paper's card: its DOI, its journal and year (``NATURE · 2021``,
#: ``NATURE, 2021``).
_CARD_META: Final = re.compile(
    rf"{DOI_PREFIX}"
    r"|[\u00b7,][ \t]{0,3}(?:19|20)[0-9]{2}$|\u00b7[ \t]{0,3}(?:19|20)[0-9]{2}\b"
    r"|^journal[ \t]{0,3}:",
    re.I,
)
#: Star glyphs before a score badge (``★ 4.1``).
_STARS: Final = "\u2605\u2606\u272d\u2b50 "


def _placeholder(text: str, layout: Layout) -> bool:
    """Whether *text* is a placeholder, a cut label or a list marker without its item."""
    if len(text.rstrip(":. ")) > layout.compiled.max_placeholder:
        return False
    key = fold(text).rstrip(".")
    return (
        key in layout.empty_markers or key in layout.compiled.phrase_starts or is_bare_marker(text)
    )


def _card_part(text: str, layout: Layout) -> bool:
    """Whether *text* is a part of another paper's card besides its title.

    Its badges (its article type, its score) and its meta line (journal, year, DOI)
    are never a title.
    """
    if fold(text) in layout.article_types:
        return True
    if looks_like_score(text.strip(_STARS)):
        return True
    return _CARD_META.search(text) is not None


def _read_cards(
    section: Section, part: str, context: Context, notes: Notes
) -> Reading[tuple[str, ...]]:
    """The titles of a list of cards: one line of each card that is no badge or meta line.

    Only the page's HTML says where a card ends (a list item a card); there, each card's
    title is its one line that is no card part. Elsewhere the list is left empty.
    """
    layout = context.layout
    cards: dict[tuple[int, int], list[str]] = {}
    for block in section.blocks:
        if block.kind != ITEM:
            cards.clear()
            break
        cards.setdefault((block.group, block.place), []).append(block.text)
    titles = []
    for lines in cards.values():
        kept = [t for t in lines if not _card_part(t, layout)]
        if len(kept) != 1:
            break
        titles.append(kept[0])
    else:
        if cards:
            return Reading(tuple(titles), tuple(notes), span(section.lines()))
    notes.warn(
        "unreadable_value",
        f"The recommended list shows cards (the line {quote(part)} is a badge or a "
        "paper's journal, year or DOI), and which of their lines are titles cannot be "
        "told; the recommended list was left empty.",
        section.blocks[0].line,
    )
    return Reading((), tuple(notes))
