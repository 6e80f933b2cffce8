"""The paper block: where the paper's own part of the page starts and ends.

A page shows more than the paper: a menu above it (whose words may be labels:
``Papers Funding Webinars``), a second page pasted after it, a sidebar and a footer
after its rating block, or — on a sub-page of the paper — a list of other papers under
its header. This module holds those rules, each driven by the layout (its page header,
its sub-page headings, its list bullets), and the facts about the whole page that the
line roles need (:func:`facts`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Final, Protocol, TypeVar

from .fields.citation import GLUED_BULLETS
from .layouts import Layout
from .normalize import WRAPPED_LINE_MIN, Line
from .notes import Notes, quote
from .outline.block import HEADING, Block
from .roles import (
    ACTION,
    CHROME,
    DOI_STARTS,
    MAX_LABEL_LINE,
    PageFacts,
    doi_line,
    is_glued_page,
    is_page_header,
    label_key,
    page_names_site,
    short_line,
    spaced_label,
)

if TYPE_CHECKING:
    from .fields.journal import Locator


class Part(Protocol):
    """A part of the page as the sections stage cuts it: a kind and its blocks."""

    kind: str
    blocks: list[Block]


P = TypeVar("P", bound=Part)


def facts(blocks: Sequence[Block], layout: Layout, *, structured: bool = False) -> PageFacts:
    """What the whole page says about each of its lines (see :class:`PageFacts`).

    *structured*: the blocks come from HTML and carry its structure.
    """
    page = "\n".join([block.text for block in blocks])
    level = _label_level(blocks, layout) if structured else 0
    return PageFacts(
        is_glued_page(blocks, layout), page_names_site(page, layout), structured, level
    )


def _label_level(blocks: Sequence[Block], layout: Layout) -> int:
    """The highest level of the page's headings that are the layout's labels (0: none)."""
    levels = [
        block.level
        for block in blocks
        if block.kind == HEADING and label_key(block.text) in layout.labels
    ]
    return min(levels, default=0)


# --- a menu above the page header, a second page --------------------------------------


def holds_nothing(
    sections: Sequence[Part],
    dois: list[tuple[int | None, str]],
    locators: list[tuple[int | None, Locator]],
    widgets: list[Block],
) -> bool:
    """Whether no section so far holds a value: what stands above the paper's header."""
    return not (dois or locators or widgets) and all(
        not section.blocks for section in sections if section.kind != "preamble"
    )


def restart_at_header(sections: Sequence[Part], notes: Notes) -> None:
    """Start the page again at its header: the labels so far were a menu above it.

    (``Papers Funding Webinars``.) What they held is unplaced; the caller starts a new
    preamble and forgets the buttons and languages seen so far.
    """
    for section in sections:
        for block in section.blocks:
            notes.unplaced((block.line, block.text), "above the page header")


# --- sub-pages ------------------------------------------------------------------------

#: A sub-page's heading stands within this many lines of the page's start (a menu,
#: the page header, a wrapped title above it).
_SUB_PAGE_HEAD: Final = 40


def sub_page(blocks: Sequence[Block], layout: Layout) -> tuple[int, int, str, str] | None:
    """Where a sub-page's heading stands, under a page header and a title, if it does.

    Returns ``(index of the heading, its line, the heading, what the sub-page lists)``.
    """
    if not layout.sub_pages:
        return None
    header = None
    for index, block in enumerate(blocks[:_SUB_PAGE_HEAD]):
        text = block.text
        if header is None:
            if text[:1].isdigit() and is_page_header(text, layout):
                header = index
            continue
        key = label_key(text)
        if key in layout.labels:
            return None  # a section of the paper: a paper page
        if (listed := layout.sub_pages.get(key)) is not None:
            return (index, block.line, text, listed) if index > header + 1 else None
    return None


def note_sub_page(found: tuple[int, int, str, str], layout: Layout, notes: Notes) -> str | None:
    """Say what kind of sub-page the page is; return its heading's interface language."""
    _, number, heading, listed = found
    notes.warn(
        "sub_page",
        f"The page is the paper's {listed} page ({quote(heading)}): it shows the "
        f"paper's title, article type and score; the {listed} it lists are other "
        "papers and were not read.",
        number,
    )
    return layout.languages.get(label_key(heading))


# --- sidebars -------------------------------------------------------------------------


def without_sides(blocks: list[Block], layout: Layout) -> list[Block]:
    """*blocks* without the sidebars that hold none of the paper's own parts.

    A sidebar (``<aside>``) that holds one of the site's buttons, its author-claim
    prompt or a label of a section only its paper pages show (Peeref's rating block) is
    part of the paper page, set beside the rest; any other sidebar is the site's
    (related papers, trending keywords, journals), never a source of the paper's
    values.
    """
    sides = {block.side for block in blocks if block.side}
    if not sides:
        return blocks
    kept = {block.side for block in blocks if block.side and _paper_part(block.text, layout)}
    return [block for block in blocks if not block.side or block.side in kept]


def _paper_part(text: str, layout: Layout) -> bool:
    """Whether *text* is one of the paper page's own parts (see :func:`without_sides`)."""
    if len(text) > MAX_LABEL_LINE:
        return False
    line = short_line(text, layout)
    return (
        line.role is ACTION
        or line.claim
        or (line.kind in layout.signature_sections and line.role is not CHROME)
    )


# --- list bullets a dump glued to the line before -------------------------------------

#: A list bullet before a label or a DOI line (``- Journal: …``).
_LEADING_BULLETS: Final = ("- ", "* ", "\u2022 ")


def without_bullets(blocks: Sequence[Block], layout: Layout) -> list[Block]:
    """*blocks* without the list bullets a dump wrote around a site's header items.

    For a layout whose values never end in a dash (``glued_bullets``): a line ending in
    `` -`` carries the bullet of the next item (unless the next line goes on a wrapped
    sentence, in lower case; an address is no sentence), and a label or DOI line that
    starts with ``- `` carries its own. List items keep their bullets: the list readers
    take them off.
    """
    out: list[Block] = []
    for index, block in enumerate(blocks):
        text = block.text
        if text.endswith(GLUED_BULLETS) and len(text) > 2:
            following = blocks[index + 1].text if index + 1 < len(blocks) else ""
            if not following[:1].islower() or "://" in following[:8]:
                text = text[:-2].rstrip()
        if text.startswith(_LEADING_BULLETS) and _is_label_or_doi(text[2:].lstrip(), layout):
            text = text[2:].lstrip()
        out.append(block if text is block.text else block._replace(text=text))
    return out


def _is_label_or_doi(text: str, layout: Layout) -> bool:
    """Whether *text* is a label line (``Journal``, ``Journal: …``) or a DOI line."""
    if not text:
        return False
    head = text.partition(":")[0] if ":" in text[:MAX_LABEL_LINE] else text
    key = label_key(head)
    return (
        key in layout.labels
        or key in layout.other_sections
        or spaced_label(text, layout) is not None
        or (text[0] in DOI_STARTS and doi_line(text, layout) is not None)
    )


# --- after the rating block -----------------------------------------------------------

#: The rating block's sections, and what may follow them inside the paper block.
_RATING_BLOCK: Final = frozenset({"reviews", "primary_rating", "secondary_ratings"})
_AFTER_RATING_KINDS: Final = _RATING_BLOCK | {"recommended", "after_rating", "other", "outside"}


def inside_block(sections: list[P], notes: Notes) -> list[P]:
    """*sections* without the record's sections that stand outside the paper block.

    The paper's own sections come before its rating block; after the rating block
    and a section that is not part of the record (``Related papers``: a sidebar), a
    ``Funding`` or ``Keywords`` heading belongs to the page around the paper (a
    footer, a template, a noscript notice), never to the paper. Its lines are
    reported as unplaced text.
    """
    rated = foreign = False
    kept: list[P] = []
    for section in sections:
        rated = rated or section.kind in _RATING_BLOCK
        if rated and foreign and section.kind not in _AFTER_RATING_KINDS:
            for block in section.blocks:
                notes.unplaced(
                    (block.line, block.text),
                    "outside the paper (after the rating block and a sidebar)",
                )
            continue
        foreign = foreign or (rated and section.kind == "other")
        kept.append(section)
    return kept


# --- how a dump tool wrapped the page -------------------------------------------------

#: Lines this long were never hard-wrapped (a browser copy writes a paragraph on one
#: line; dump tools wrap at 60 to 100 columns).
NEVER_WRAPPED: Final = 120
#: Dump tools wrap at 70 columns or more (w3m and lynx: 80 by default, pandoc: 72).
_MIN_WRAP: Final = 70
#: A page is hard-wrapped when at least this many lines in a row end within
#: ``_WRAP_BAND`` columns of one width (a paragraph cut by the tool).
_WRAPPED_LINES: Final = 5
_WRAP_BAND: Final = 10


def wrap_width(lines: Sequence[Line], source_format: str) -> int | None:
    """The column a dump tool hard-wrapped the page at (w3m, lynx, pandoc), if it did.

    *lines* are the abstract's: prose, which a wrapping tool cuts into lines that all
    end near one width (lists of names may end near one width by chance). A page a
    tool did not wrap has a line longer than a terminal, or no such run.
    """
    if source_format == "html":
        return None
    lengths = [len(text) for _, text in lines]
    if not lengths or max(lengths) > NEVER_WRAPPED:
        return None
    width = max(lengths)
    if width < _MIN_WRAP:
        return None
    run = 0
    for length in lengths:  # (blank lines are gone: a run is a run of non-blank lines)
        run = run + 1 if length >= width - _WRAP_BAND else 0
        if run >= _WRAPPED_LINES:
            return width
    return None


def may_be_wrapped(blocks: Sequence[Block]) -> bool:
    """Whether a tool may have hard-wrapped the lines of a text page.

    A page with a line longer than any tool wraps at was not (a browser's copy, a
    ``get_text``: a paragraph is one line).
    """
    return all(len(block.text) <= NEVER_WRAPPED for block in blocks)


def is_paragraph(lines: Sequence[Line]) -> bool:
    """Whether *lines* read as one hard-wrapped paragraph."""
    return all(len(text) >= WRAPPED_LINE_MIN for _, text in lines[:-1])


#: A wrapped line ends within this many columns of the wrap width (words are shorter).
_WRAP_SLACK: Final = 15


def wrapped_onto(line: str, following: str, width: int | None) -> bool:
    """Whether a tool that wraps at *width* columns wrapped *line* onto *following*.

    It did if the next line's first word would not have fitted on *line* (so the tool
    had to break there) and *line* does not end an entry with its grant bracket.
    """
    if width is None or line.endswith(("]", ")")) or len(line) < width - _WRAP_SLACK:
        return False
    return len(line) + 1 + len(following.split(" ", 1)[0]) > width
