"""Blocks -> the layout's sections, and the lines that stand for themselves.

One walk over the paper block's blocks assigns each to the section whose label came
last (:func:`split`). What a block is comes from :mod:`.roles`; where the paper block
starts and ends (a page header after a menu, a second page) from :mod:`.page`. Some
lines say what they are wherever they stand and are taken out of their section: the
paper's DOI line, its locator line (``Volume 97, Issue 8, Pages 1065-1084``), a button,
a rating widget. What cannot be placed is a warning.

Each section also carries what its readers need to know about its neighbours
(:attr:`Section.suspect_end`, :attr:`Section.suspect_label`), so that no reader looks
at another section.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from typing import Final

import attrs

from .fields.doi import is_doi_label_line
from .fields.journal import Locator, parse_locator
from .layouts import Layout
from .normalize import Line, fold
from .notes import Notes, quote
from .outline.block import COLUMN, HEADING, ITEM, LABEL, PARAGRAPH, WIDGET, Block
from .outline.block import VALUE as VALUE_CELL
from .page import holds_nothing, restart_at_header
from .roles import (
    ACTION,
    CHROME,
    DOI_STARTS,
    GLUED,
    INLINE,
    OPENS,
    OTHER,
    OTHER_IF_COLON,
    TYPED,
    VALUE,
    LineRole,
    PageFacts,
    classify,
    doi_line,
    label_key,
)
from .specs import SECTION_NAMES, SPECS

_RATING_KINDS: Final = frozenset({"reviews", "primary_rating"})


@attrs.define
class Section:
    """The blocks that follow one section label on the page.

    Attributes:
        kind: The section kind (one of :data:`paperparse.specs.SECTION_NAMES`,
            ``other`` for a section that is not part of the record, ``after_rating``
            for the text after the rating block, ``outside`` for the blocks after the
            page element that held a section's heading, whose kind is then its
            :attr:`label`).
        line: The line of the section's label; ``None`` for a section without one (the
            preamble, the abstract after its button, the text after the rating).
        blocks: The section's value blocks.
        start: Where the section starts: its label, or the button that opened it.
        label: The label as written, for a section that is not part of the record.
        suspect_label: The label that opened this section ends a list given one item
            per line right above, and the page shows this section again elsewhere: the
            label may be one of that list's items.
        suspect_end: For a list section: the line of the label right after it, when
            that label may be one of its items (see :attr:`suspect_label`).
        glued: The label was glued to its value (``JournalNATURE``): the value was left
            out with it, and the lines after it may be another label's, glued into the
            same line (``… Funding``): none is this section's.
        level: The level of the heading that opened the section (``<h3>``: 3), 0 when
            it was no heading: a heading of that level or higher ends the section.
        until: Where the page element that held the section's heading ends (the
            number of blocks up to its end, :attr:`Block.until`; 0: not known).
    """

    kind: str
    line: int | None
    blocks: list[Block] = attrs.Factory(list)
    start: int | None = None
    label: str = ""
    suspect_label: bool = False
    suspect_end: int | None = None
    glued: bool = False
    level: int = 0
    until: int = 0

    def lines(self) -> list[Line]:
        """The section's blocks as ``(line, text)`` pairs."""
        return [(block.line, block.text) for block in self.blocks]


@attrs.define
class Standalone:
    """Lines that are recognised wherever they stand, and what the walk saw.

    Attributes:
        dois: The DOI lines of the paper: ``(line, DOI)``.
        locators: Its locator lines: ``(line, locator)``.
        actions: The buttons, in canonical text.
        widgets: The rating widgets that stand in the rating block.
        marker: A line only the site's pages show was seen (its name or address).
        languages: The interface language of each label, button and prompt seen.
        last: What the last line of the page was: ``(role, line, section)``, role one
            of content, doi, locator, label, action, chrome, widget.
    """

    dois: list[tuple[int | None, str]] = attrs.Factory(list)
    locators: list[tuple[int | None, Locator]] = attrs.Factory(list)
    actions: list[str] = attrs.Factory(list)
    widgets: list[Block] = attrs.Factory(list)
    marker: bool = False
    languages: list[str] = attrs.Factory(list)
    last: tuple[str, int | None, Section | None] = ("label", None, None)


def split(
    blocks: Sequence[Block], layout: Layout, facts: PageFacts
) -> tuple[list[Section], Standalone, Notes]:
    """Assign every block to a section, and pull out the lines that stand for themselves.

    Returns the sections in page order (the first is the preamble: what stands before
    the first label), the standalone lines, and the warnings.
    """
    notes = Notes()
    found = Standalone()
    sections = [Section("preamble", None)]
    current = sections[0]
    grid = _Grid.of(blocks, layout) if facts.structured else None
    # What the last line was (see Standalone.last), kept in locals on the hot path.
    last_role = "label"
    last_line: int | None = None
    last_section: Section | None = None
    for index, block in enumerate(blocks):
        number, text = block.line, block.text
        if block.kind == WIDGET:
            # A rating widget counts where it stands: in the rating block, not in a
            # recommended paper's card or anywhere else; in the secondary ratings, it
            # is the score of the name before it.
            if current.kind in _RATING_KINDS:
                found.widgets.append(block)
            elif current.kind == "secondary_ratings":
                current.blocks.append(block)
            last_role, last_line, last_section = "widget", number, current
            continue
        if (current.until and index >= current.until) or (
            grid is not None and _list_ended(current, block)
        ):
            # The element that held the section's heading has ended, or the HTML list
            # that is its value: what follows stands outside any section until the next
            # label.
            current = Section("outside", None, start=number, label=current.kind)
            sections.append(current)
        line = classify(blocks, index, current.kind, layout, facts)
        if grid is not None and block.kind in _CELLS:
            line = grid.role(line, block, current.kind, layout)
        elif (
            block.kind == HEADING and line.role is VALUE and _heads_a_section(block, current, facts)
        ):
            line = LineRole(OTHER, "", text.rstrip(":"), marker=line.marker)
        if line.header and current.kind != "preamble":
            if not holds_nothing(sections, found.dois, found.locators, found.widgets):
                _warn_second_page(text, number, notes)
                break
            restart_at_header(sections, notes)
            sections = [Section("preamble", None)]
            found.actions.clear()
            found.languages.clear()
            current = sections[0]
        if line.marker:
            found.marker = True
        if line.language is not None:
            found.languages.append(line.language)
        # Unless the line turns out to be a value, it counts as a label of *current*.
        last_role, last_line, last_section = "label", number, current
        role = line.role
        if role is VALUE or role is INLINE:
            if role is INLINE:
                current = Section(line.kind, number)
                sections.append(current)
                # and on to the value: "Publisher: DOI: 10.…" holds a DOI, not a publisher
                block = block._replace(text=line.value)
            last_role = _take_value(block, current, found, layout)
            if last_role == "glued":
                notes.unplaced(
                    (number, text),
                    "after a label glued to its value (the dump joins the page's blocks, so "
                    "which label it belongs to cannot be told)",
                )
            elif last_role == "outside":
                held = current.label.replace("_", " ")
                notes.unplaced(
                    (number, text),
                    f"after the end of the page element that held the {held} section",
                )
            last_section = current
        elif role is CHROME:
            last_role = "chrome"
        elif role is ACTION:
            last_role = "action"
            found.actions.append(layout.actions[line.kind])
            if (opened := _after_button(line.kind, number, layout)) is not None:
                current = opened
                sections.append(current)
        else:
            current = _open(line, block)
            current.level, current.until = block.level, block.until
            sections.append(current)
            if role is TYPED:
                last_role, last_section = "content", current
            elif role is GLUED and line.kind != "other":  # (other: skipped anyway)
                notes.unplaced(
                    (number, line.value),
                    f"glued to the label {quote(text[: -len(line.value)])} (the dump joins "
                    "the page's blocks, so it cannot be told from the next one)",
                )
    found.last = (last_role, last_line, last_section)
    _warn_unknown_sections(sections, layout, notes)
    return sections, found, notes


#: Sections whose value is a list: given as an HTML list, the list's end is theirs.
_LIST_KINDS: Final = frozenset({"keywords", "categories", "funding", "authors"})


def _list_ended(current: Section, block: Block) -> bool:
    """Whether *block* stands after the HTML list that is *current*'s whole value.

    ``<dt>Funding</dt><dd><ol><li>…</li></ol></dd>`` then ``<p>…</p>``: the paragraph
    is no funding entry, whatever it says; nor is a paragraph after the lines of a
    value cell (``<div class="value"><div>NSFC</div></div><p>…</p>``). A heading or a
    label still opens its own section (the caller reads it as it would anyway).
    """
    if current.kind not in _LIST_KINDS or not current.blocks:
        return False
    # a paragraph after values of another kind (items, lines of a cell) is prose; a
    # line after the items may be the list's own control ("Show all 5 authors")
    return block.kind == PARAGRAPH and current.blocks[0].kind != PARAGRAPH


def _heads_a_section(block: Block, current: Section, facts: PageFacts) -> bool:
    """Whether the heading *block*, no label of the layout, opens a section of its own.

    A heading no lower than the one that opened the current section ends it (a
    sidebar's "Trending keywords" after the recommended list is not one of its
    papers), and so does one no lower than the page's labels; where no heading is a
    label, an ``<h3>`` or higher does (the abstract after its button holds no
    ``<h3>``, though its sub-headings may be ``<h4>``). Above the first label, a
    heading higher than the labels is the title's; one of their level (or, where no
    heading is a label, an ``<h3>`` or lower) heads a section the layout does not know
    ("Pages", "Published in"), whose text is no page header and no title.
    """
    if current.kind == "preamble":
        return 0 < (facts.label_level or _SECTION_LEVEL) <= block.level
    return 0 < block.level <= (current.level or facts.label_level or _SECTION_LEVEL)


#: Where no heading is a label of the layout, a heading of this level or lower (``<h3>``)
#: heads a section: a page names its paper in an ``<h1>`` or an ``<h2>``.
_SECTION_LEVEL: Final = 3


#: Blocks whose role the list, table or definition list they stand in may change.
_CELLS: Final = frozenset({LABEL, VALUE_CELL, COLUMN, ITEM})
#: The roles of a label line.
_LABEL_ROLES: Final = frozenset({OPENS, INLINE, TYPED, OTHER, OTHER_IF_COLON, GLUED})


#: The sections that no label opened: there a label cell the layout does not know
#: opens a section of its own (in a section a label opened, it is that section's, such
#: as a secondary rating's name in a table of them).
_UNLABELLED: Final = frozenset({"preamble", "abstract", "after_rating", "outside"})


@attrs.frozen
class _Grid:
    """What the page's tables and definition lists say about their cells.

    Attributes:
        labelled: The groups (tables, definition lists) that have label cells
            (``<dt>``, a row's ``<th>``): their value cells hold values, never labels.
        fields: The groups among them with a label of the layout: a grid of the paper's
            fields, in which a label the layout does not know names a field that is no
            part of the record.
        columns: How many columns each group's header row names.
        lists: The lists of two items or more.
    """

    labelled: frozenset[int]
    fields: frozenset[int]
    columns: dict[int, int]
    lists: frozenset[int]

    @classmethod
    def of(cls, blocks: Sequence[Block], layout: Layout) -> _Grid:
        """The grid facts of *blocks*."""
        labelled: set[int] = set()
        fields: set[int] = set()
        columns: dict[int, int] = {}
        lists: set[int] = set()
        for block in blocks:
            if block.kind == ITEM:
                if block.place > 1:
                    lists.add(block.group)
            elif block.kind == LABEL:
                labelled.add(block.group)
                if label_key(block.text) in layout.labels:
                    fields.add(block.group)
            elif block.kind == COLUMN:
                columns[block.group] = max(columns.get(block.group, 0), block.place + 1)
        return cls(frozenset(labelled), frozenset(fields), columns, frozenset(lists))

    def role(self, line: LineRole, block: Block, kind: str, layout: Layout) -> LineRole:
        """The role of a cell, given the structure it stands in (*kind*: the section's).

        A value cell (``<dd>``, ``<td>``) beside label cells is a value whatever its
        text says; one under a column heading that is a label of another section opens
        that section. A label cell the layout does not know, in a grid of the paper's
        fields or where no label has opened a section (above the first label, after a
        button), opens a section that is no part of the record. A table's header row of
        two columns or more names columns and holds no value. A label that also names a
        page of the site, alone in an item of a list of several, is a link of a menu
        (``Papers``, ``Funding``, ``Reviewers``), not a section's heading.
        """
        if block.kind == ITEM:
            if line.role is OPENS and line.menu_word and block.group in self.lists:
                return LineRole(CHROME, marker=line.marker)
        elif block.kind == VALUE_CELL:
            if block.group in self.labelled and line.role in _LABEL_ROLES:
                return LineRole(VALUE, marker=line.marker)
            column = layout.labels.get(label_key(block.label)) if block.label else None
            if column is not None and column not in (kind, "doi"):
                return LineRole(INLINE, column, block.text, marker=line.marker)
        elif block.kind == LABEL:
            if (
                line.role is VALUE
                and (block.group in self.fields or kind in _UNLABELLED)
                and label_key(block.text) not in layout.labels  # (DOI labels its line)
            ):
                return LineRole(OTHER, "", block.text.rstrip(":"), marker=line.marker)
        elif self.columns.get(block.group, 0) > 1:  # a header row's cell
            return LineRole(CHROME, marker=line.marker)
        return line


def _warn_second_page(text: str, number: int, notes: Notes) -> None:
    """Warn that a second page header stands at line *number*: only one page is read."""
    notes.warn(
        "multiple_pages",
        f"A second page header {quote(text)} starts here: the input holds "
        "more than one page. Only the first page was read.",
        number,
    )


def _after_button(action: str, number: int, layout: Layout) -> Section | None:
    """The section a button opens: the abstract after it, or the text after the rating."""
    if action in layout.abstract_follows:
        return Section("abstract", None, start=number)
    if action in layout.rating_ends:
        return Section("after_rating", None, start=number)
    return None


def _open(line: LineRole, block: Block) -> Section:
    """The section a label (*block*) opens."""
    number, text = block.line, block.text
    if line.role is GLUED:
        if line.kind == "other":
            return Section("other", number, label=text[: -len(line.value)])
        return Section(line.kind, number, glued=True)
    if line.role is OPENS:
        return Section(line.kind, number)
    if line.role is TYPED:
        return Section(line.kind, number, [block._replace(text=line.value)])
    return Section("other", number, label=line.value)


#: Sections where a DOI is another work's: a funder's (``10.13039/…``), a recommended or
#: commented paper's. Such a line stays part of its section.
_NOT_THE_PAPERS_DOI: Final = frozenset(
    {
        "funding",
        "authors",
        "reviews",
        "primary_rating",
        "secondary_ratings",
        "after_rating",
        "recommended",
        "other",
    }
)
#: Sections where a locator line stands (a wrapped "grant number 12" is no locator).
_LOCATOR_KINDS: Final = frozenset({"preamble", "journal", "publisher"})
_LOCATOR_HINT: Final = re.compile(
    r"vol|issue|pages?\b|pp\b|p\.|article|art\.|no\.|number|e-?loc|卷"
    r"|[0-9]{1,6}[A-Za-z]?(?:\(|[ \t]{0,3}:)",  # the compact form: 97(8): 1065-1084
    re.IGNORECASE,
)


def _take_value(block: Block, current: Section, found: Standalone, layout: Layout) -> str:
    """Place a value block: a DOI, a locator, or a block of *current*; return its role."""
    # (Outside any section, a DOI or a locator counts as it would in the one before.)
    kind = current.label if current.kind == "outside" else current.kind
    if kind != "abstract":
        text = block.text
        first = text[0]
        if (
            first in DOI_STARTS
            and kind not in _NOT_THE_PAPERS_DOI
            and (doi := doi_line(text, layout)) is not None
        ):
            found.dois.append((block.line, doi[0]))
            found.marker = found.marker or doi[1]
            return "doi"
        if first in "dD" and is_doi_label_line(text):
            return "label"
        if (
            kind in _LOCATOR_KINDS
            and _LOCATOR_HINT.match(text)
            and (locator := parse_locator(text)) is not None
        ):
            found.locators.append((block.line, locator))
            return "locator"
    if current.glued:
        return "glued"  # (reported by the caller)
    if current.kind == "outside":
        return "outside"  # (reported by the caller)
    current.blocks.append(block)
    return "content"


#: The list of link addresses that lynx and w3m write at the end of a dump.
_LINK_LISTS: Final = frozenset({"references", "visible links", "hidden links"})


def _is_link_list(section: Section) -> bool:
    return fold(section.label) in _LINK_LISTS and all(
        "://" in block.text or block.text.startswith(("/", "#")) for block in section.blocks
    )


def _warn_unknown_sections(sections: list[Section], layout: Layout, notes: Notes) -> None:
    """Warn once for each section that is not part of the record (its text is skipped)."""
    for section in sections:
        if (
            section.kind == "other"
            and not _is_link_list(section)
            and fold(section.label) not in layout.quiet_sections
        ):
            notes.warn(
                "unknown_section",
                f"The section {quote(section.label)} is not part of the record; "
                "its content was skipped.",
                section.line,
            )


#: Lists that a page may give one item per line, where an item can be a label's word:
#: the lists whose items may also stand on one line, separated (keywords, categories).
_ONE_PER_LINE: Final = frozenset(spec.section for spec in SPECS if spec.separated)


def mark_suspect_labels(sections: list[Section]) -> None:
    """Mark the labels that may be items of a list given one item per line above them.

    A page shows each section once. Of two ``Reviews`` (or ``Ratings``) headings, the
    one that ends a keyword list given one keyword per line may be a keyword: the list,
    and the section the label opens, cannot be read with certainty. Called on the
    sections of the paper block (:func:`paperparse.page.inside_block`).
    """
    shown = [_shown_as(section) for section in sections]
    counts: dict[str, int] = {}
    for key in shown:
        counts[key] = counts.get(key, 0) + 1
    for index, (before, section) in enumerate(itertools.pairwise(sections), 1):
        if (
            section.line is not None
            and counts[shown[index]] > 1
            and before.kind in _ONE_PER_LINE
            and before.blocks
        ):
            section.suspect_label = True
            before.suspect_end = section.line


def _shown_as(section: Section) -> str:
    """What a section is on the page: its kind, or for a skipped section its heading."""
    return section.kind if section.kind != "other" else f"other:{section.label.casefold()}"


def name_of(kind: str) -> str:
    """What warnings call a section of *kind* (``Keywords``; the kind itself if unnamed)."""
    return SECTION_NAMES.get(kind, kind)
