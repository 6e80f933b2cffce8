"""The journal block: the name from its section, the locator from where it stands.

The name is the first line of the ``Journal`` section; a site whose journal line also
states the year, issue and pages (``Name, 2018, № 11, p. 5-9``: OUCI) names the reader
of that line in its layout (``Layout.journal_line``), and the issue and pages it states
join the page's locator lines.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

import attrs

from ..fields.journal import Locator, parse_locator
from ..model import YEARS, Journal, ParseWarning, Published
from ..notes import Notes, quote
from ..sections import Section
from .base import NO_SPAN, Context, Span
from .names import first_line_name, not_a_name


@attrs.frozen
class JournalReading:
    """The journal block as read, with where its parts stand.

    Attributes:
        journal: The journal block, or ``None`` when the page states no part of it.
        warnings: What could not be read.
        name_span: The lines of the section the name was read from.
        locator_line: The line of the first locator (volume, issue, pages).
        published: The year a site's journal line states (OUCI's), or ``None``.
    """

    journal: Journal | None
    warnings: tuple[ParseWarning, ...] = ()
    name_span: Span = NO_SPAN
    locator_line: int | None = None
    published: Published | None = None


def read_journal(
    sections: Sequence[Section],
    locators: Sequence[tuple[int | None, Locator]],
    context: Context,
) -> JournalReading:
    """The journal block of the page's *sections* (of kind journal) and locator lines."""
    notes = Notes()
    locators = list(locators)
    names: list[tuple[int | None, str]] = []
    years: list[tuple[int | None, int]] = []
    spans: dict[int | None, Span] = {}
    for section in sections:
        if context.layout.journal_line is not None:
            found = _journal_line(section, context, notes, locators, years)
        else:
            section = _with_locator_apart(section, locators)
            reading = first_line_name(section, "journal name")
            notes.extend(reading.warnings)
            found = reading.value
        if found is not None:
            names.append((section.line, found))
            spans.setdefault(section.line, (section.blocks[0].line, section.blocks[-1].line))
    name = notes.pick("journal name", names, None)
    locator = notes.pick("volume, issue and pages", locators, None)
    if not names and not locators:
        return JournalReading(None, tuple(notes))
    loc = locator or Locator()
    journal = Journal(name, loc.volume, loc.issue, loc.pages, loc.article_number)
    name_span = spans[names[0][0]] if name is not None else NO_SPAN
    year = notes.pick("year", years, None) if name is not None else None
    return JournalReading(
        journal,
        tuple(notes),
        name_span,
        locators[0][0] if locators else None,
        Published(year) if year is not None else None,
    )


def _with_locator_apart(section: Section, locators: list[tuple[int | None, Locator]]) -> Section:
    """*section* with a locator that shares the name's line taken apart.

    ``PLANT CELL, Article Number koad052``: a cell that holds the name and, after a
    comma, a locator is both. The locator joins *locators*.
    """
    if not section.blocks:
        return section
    first = section.blocks[0]
    text = first.text
    # A locator has a few parts ("Volume 14, Issue 6, Pages 1-9"): it starts at one of
    # the last commas (trying each comma of a long line would take quadratic time).
    commas = [m.start() for m in _COMMA.finditer(text) if m.start()][-_LOCATOR_PARTS:]
    for comma in commas:
        locator = parse_locator(text[comma + 2 :])
        if locator is not None:
            locators.append((first.line, locator))
            blocks = [first._replace(text=text[:comma]), *section.blocks[1:]]
            return attrs.evolve(section, blocks=blocks)
    return section


_COMMA: Final = re.compile(", ")
#: The most parts a locator has (volume, issue, pages, article number).
_LOCATOR_PARTS: Final = 4


def _journal_line(
    section: Section,
    context: Context,
    notes: Notes,
    locators: list[tuple[int | None, Locator]],
    years: list[tuple[int | None, int]],
) -> str | None:
    """The journal name of a site whose journal line holds year, issue and pages.

    The issue and pages the line states are added to *locators*, its year to *years*.
    """
    read = context.layout.journal_line
    if not section.blocks or read is None:
        return None
    for block in section.blocks[1:]:
        notes.unplaced((block.line, block.text), "after the journal line")
    number, text = section.blocks[0].line, section.blocks[0].text
    found = read(text)
    reason = (
        "it is not a name with a year, an issue and pages"
        if found is None
        else not_a_name(found.name)
    )
    if found is None or reason is not None:
        notes.warn(
            "unreadable_value",
            f"The journal line {quote(text)} cannot be read: {reason}; the journal was left empty.",
            number,
        )
        return None
    if found.problem is not None:
        notes.warn(
            "unreadable_value",
            f"In the journal line {quote(text)}, {found.problem}.",
            number,
        )
    if found.locator != Locator():
        locators.append((number, found.locator))
    if found.year is not None and found.year.isascii() and found.year.isdigit():
        year = int(found.year)
        if year in YEARS:
            years.append((number, year))
    return found.name
