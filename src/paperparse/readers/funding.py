"""The funding list: its lines grouped into entries, each read as funder and award ids.

Entries start at a list marker (``1.``, ``•``), at a new list item of the page's HTML,
or — in an unmarked list — at a line that does not go on the one above
(:func:`_goes_on`). An entry that is not certain (a line that a dump tool may have
wrapped, award ids cut where the page may have had no space, text that is no funding
statement) leaves the whole list empty with a warning: a list missing an entry, or
holding one that is not funding, is a wrong list.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Final

from ..fields.clean import clean_item, foreign_text
from ..fields.funding import (
    is_column_heading_row,
    is_open_sentence,
    read_funding_cells,
    read_funding_line,
    split_funding_sentence,
    strip_marker,
)
from ..layouts import Layout
from ..model import Funding
from ..normalize import Line, join_wrapped
from ..notes import Notes, quote
from ..outline.block import ITEM, LABEL, VALUE, Block
from ..page import wrapped_onto
from ..sections import Section
from .base import Context, Reading, span

#: A funding entry is a funder and its grants: longer than this, an entry that took
#: in unmarked lines as its continuation has taken in something else (an abstract).
MAX_FUNDING_ENTRY: Final = 300
#: A sentence of acknowledgement lists several funders: it may be this long.
MAX_FUNDING_SENTENCE: Final = 2000


def _longest(parts: list[str]) -> int:
    """How long the entry of *parts* may grow: a sentence to its full stop is longer."""
    return MAX_FUNDING_SENTENCE if is_open_sentence(" ".join(parts)) else MAX_FUNDING_ENTRY


def read_funding(section: Section, context: Context, what: str) -> Reading[tuple[Funding, ...]]:
    """The funding list of *section*: its lines grouped into entries, each entry read."""
    notes = Notes()
    lines = section.lines()
    if context.format != "html" and _mixed_spacing(lines):
        notes.warn(
            "unreadable_value",
            "The funding list has blank lines between some of its lines and not between "
            "others, and no list markers: whether a line is an entry of its own or goes "
            "on the one above cannot be told (a tool that keeps the HTML source's line "
            "breaks); the funding list was left empty.",
            lines[0][0],
        )
        return Reading((), tuple(notes))
    if any(block.kind in _CELLS and block.place == 0 for block in section.blocks):
        # A table or a definition list of funders inside the section (not the cell
        # beside the section's own label, which holds its lines).
        found = _read_cells(section.blocks, context.layout, notes)
        return Reading(found, tuple(notes), span(lines) if found else span(()))
    grouped = _groups(section.blocks, context.wrap_width, notes)
    if grouped is None:
        return Reading((), tuple(notes))
    found = _read_groups(*_sentence_entries(grouped), context.layout, notes)
    return Reading(found, tuple(notes), span(lines) if found else span(()))


#: The blocks of a table's or a definition list's cells.
_CELLS: Final = frozenset({LABEL, VALUE})


def _read_cells(blocks: Sequence[Block], layout: Layout, notes: Notes) -> tuple[Funding, ...]:
    """Read a funding list that a table or a definition list gives, a row an entry.

    A row's first cell (a ``<dt>``, a table row's first cell) names the funder, and the cells
    after it (the ``<dd>``, the other cells) hold its award ids. Any other block among
    them leaves the rows' bounds in doubt: the list is left empty.
    """
    rows: list[tuple[int, list[str]]] = []
    for block in blocks:
        starts = block.place == 0 if block.kind in _CELLS else None
        if starts is None or (not starts and not rows):
            notes.warn(
                "unreadable_value",
                f"The funding list mixes table cells with the line {quote(block.text)}: "
                "which entry each line belongs to cannot be told; the funding list was "
                "left empty.",
                block.line,
            )
            return ()
        if starts:
            rows.append((block.line, [block.text]))
        else:
            rows[-1][1].append(block.text)
    out: list[Funding] = []
    for line, cells in rows:
        entry, reason, foreign = read_funding_cells(
            cells[0], ", ".join(cells[1:]), layout.compiled.items
        )
        foreign = foreign or _nameless(entry)
        if foreign is not None:
            notes.warn(
                "unreadable_value",
                f"The funding entry {quote(entry.text)} holds {foreign}, which no funding "
                "statement does; the funding list was left empty.",
                line,
            )
            return ()
        if reason is not None:
            notes.warn("unreadable_value", reason, line)
        out.append(entry)
    return tuple(out)


def _sentence_entries(grouped: _Groups) -> _Groups:
    """*grouped*, each sentence of acknowledgement in it read as the entries it lists.

    A funding list given as a sentence (``This work was supported by A [1]; B [2];
    and C.``, one block or lines a tool wrapped) is its entries.
    """
    entries: list[list[str]] = []
    starts: list[int | None] = []
    unsure: set[int] = set()
    for index, (parts, start) in enumerate(zip(*grouped[:2], strict=True)):
        listed = split_funding_sentence(join_wrapped(parts))
        for entry in [parts] if listed is None else [[entry] for entry in listed]:
            if index in grouped[2]:
                unsure.add(len(entries))
            entries.append(entry)
            starts.append(start)
    return entries, starts, unsure


#: Funding entries as grouped from their lines: the lines of each entry, the line each
#: starts on, and the entries a wrapping tool cut inside their award ids where no space
#: may have been.
_Groups = tuple[list[list[str]], list[int | None], set[int]]


def _groups(blocks: Sequence[Block], width: int | None, notes: Notes) -> _Groups | None:
    """Group the lines of a funding list into entries; ``None`` (warned) if unsure.

    A list item of the page's HTML is one entry or more, never part of another's.
    """
    entries: list[list[str]] = []
    starts: list[int | None] = []
    unsure: set[int] = set()
    marked = False
    stopped = False
    item: tuple[int, int] | None = None
    for block in blocks:
        number, text = block.line, block.text
        if is_column_heading_row(text):
            continue  # a table's heading row, laid out as text: "Funder  Grant number"
        has_marker, body = strip_marker(text)
        new_item = block.kind == ITEM and (block.group, block.place) != item
        if block.kind == ITEM:
            item = (block.group, block.place)
        if (
            not stopped
            and entries
            and not has_marker
            and not new_item
            and not marked
            and wrapped_onto(entries[-1][-1], body, width)  # (the cheap test first)
            and not _goes_on(entries[-1], body)
        ):
            _ambiguous_wrap(notes, "funding list", number)
            return None
        if stopped:
            notes.unplaced((number, text), "after the funding list")
        elif (
            has_marker
            or new_item
            or not entries
            or (not marked and not _goes_on(entries[-1], body))
        ):
            entries.append([body])
            starts.append(number)
            marked = marked or has_marker
        elif sum(map(len, entries[-1])) + len(body) <= _longest(entries[-1]):
            if body.startswith(_BREAKS_WITHOUT_SPACE) and _inside_brackets(entries[-1]):
                unsure.add(len(entries) - 1)  # "CX" / "(22)3032": was it "CX(22)3032"?
            entries[-1].append(body)  # a wrapped line of a marked list item
        else:
            stopped = True
            notes.unplaced((number, text), "after the funding list")
    return entries, starts, unsure


def _read_groups(
    entries: list[list[str]],
    starts: list[int | None],
    unsure: set[int],
    layout: Layout,
    notes: Notes,
) -> tuple[Funding, ...]:
    """Read each grouped entry; an entry that makes the list wrong empties it (warned)."""
    out: list[Funding] = []
    for index, (start, parts) in enumerate(zip(starts, entries, strict=True)):
        entry, reason, foreign = _entry(join_wrapped(parts), layout)
        if index in unsure and entry.award_ids:
            notes.warn(
                "unreadable_value",
                f"The award ids of {quote(entry.text)} were cut over two lines before a "
                "bracket, where the page may have had no space; the funding list was left "
                "empty.",
                start,
            )
            return ()  # a list with an entry left out would be a wrong list
        foreign = foreign or _nameless(entry)
        if foreign is not None:
            notes.warn(
                "unreadable_value",
                f"The funding entry {quote(entry.text)} holds {foreign}, which no funding "
                "statement does (text from around the list ran into it); the funding list "
                "was left empty.",
                start,
            )
            return ()  # a list with an entry that is not funding would be a wrong list
        if reason is not None:
            notes.warn("unreadable_value", reason, start)
        out.append(entry)
    return tuple(out)


def _nameless(entry: Funding) -> str | None:
    """What an entry without a letter holds: an award id a tool set apart from its funder."""
    if any(char.isalpha() for char in entry.text):
        return None
    return "no name, only a number (an award id a tool set apart from its funder)"


def _entry(text: str, layout: Layout) -> tuple[Funding, str | None, str | None]:
    """Read one funding entry; on a site that shows no award ids, it is a funder's name.

    Such a site's funder slot may hold a project's title with a number in it, which is
    still the funder as the site states it, not an award id. Returns the entry, why it
    was refused, and what foreign text it holds (see
    :func:`~paperparse.fields.funding.read_funding_line`).
    """
    words = layout.compiled.items
    if layout.funding_entry is not None:
        line = " ".join(text.split())
        found = layout.funding_entry(line)
        if found is not None:
            return found, None, None
        reason = (
            f"The funding entry {quote(line)} is not in the site's form of a funding "
            "entry; only its text was kept."
        )
        return Funding(None, (), line), reason, foreign_text(line, words)
    if layout.award_ids:
        return read_funding_line(text, words)
    line = text.strip()
    return Funding(clean_item(text), (), line), None, foreign_text(clean_item(line), words)


def _mixed_spacing(lines: Sequence[Line]) -> bool:
    r"""Whether an unmarked list stands in blocks apart by blank lines, one of several lines.

    A dump shows a list's items either all on adjacent lines or all apart; a list in
    blocks of which one holds two lines is laid out by something else (BeautifulSoup's
    ``get_text("\n")`` keeps the source file's line breaks inside an item, and blank
    lines between items), and which lines are one item cannot be told.
    """
    if len(lines) < 3 or any(strip_marker(text)[0] for _, text in lines):
        return False
    adjacent = [after == before + 1 for (before, _), (after, _) in itertools.pairwise(lines)]
    return any(adjacent) and not all(adjacent)  # some lines together, some apart


_TRAILING_WORDS: Final = (" of", " and", " for", " the", " in", " on", " to", " &")


def _goes_on(parts: list[str], following: str) -> bool:
    """Whether an unmarked list item wrapped onto *following*, the next line.

    The signs of a wrapped line: an unclosed ``[`` or ``(``, a line ending on a comma,
    semicolon or a word that cannot end a name (``of``, ``and`` ...), or a next line
    that starts with the grant bracket or a lower-case letter.
    """
    text = " ".join(parts)
    return (
        is_open_sentence(text)  # a sentence goes on to its full stop
        or text.count("[") > text.count("]")
        or text.count("(") > text.count(")")
        or text.endswith((",", ";", "-", "/"))
        or text.casefold().endswith(_TRAILING_WORDS)
        or following.startswith(("[", "("))
        or (
            following[:1].islower()
            and (not text.endswith(("]", ")")) or following.startswith(_CONTINUING))
        )
    )


#: Lower-case words that go on an entry even after its closing bracket: the grant
#: phrase of ``(NIH)`` / ``grant number R01 …``. After a closed entry, any other
#: lower-case line is a funder of its own (``imec``).
_CONTINUING: Final = ("grant", "award", "contract", "project", "under ", "no.", "nos.", "number")


def _ambiguous_wrap(notes: Notes, what: str, line: int | None) -> None:
    notes.warn(
        "unreadable_value",
        f"The dump tool wrapped the page's lines, and this line may go on the item above "
        f"or start a new one; the {what} was left empty.",
        line,
    )


#: Characters before which a dump tool breaks a line even where the text has no space.
_BREAKS_WITHOUT_SPACE: Final = ("(", "[", "/")


def _inside_brackets(parts: list[str]) -> bool:
    text = " ".join(parts)
    return text.count("[") > text.count("]")
