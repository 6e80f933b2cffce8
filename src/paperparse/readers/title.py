"""The top of the page: its header (score and article type) and the paper's title.

On a site with a page header (``Layout.page_header``: Peeref's ``4.7 Review``) the
paper block starts there, and the lines above it are no part of the paper. The title
is what stands between the header and the first label: one line, or one paragraph a
dump tool wrapped over several lines. A heading of the page's HTML is its own block,
so that a badge or a subtitle beside it never runs into the title.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from typing import Final

import attrs

from ..fields.doi import DOI_PREFIX
from ..fields.journal import parse_locator
from ..fields.rating import looks_like_score
from ..layouts import Layout
from ..model import ParseWarning
from ..normalize import Line, join_wrapped
from ..notes import Notes, quote
from ..outline.block import HEADING, LABEL, Block
from ..page import is_paragraph, wrapped_onto
from ..roles import glued_label, label_key, parse_header
from .base import NO_SPAN, Context, Span


@attrs.frozen
class Top:
    """What the top of the page states.

    Attributes:
        title: The title, or ``None``.
        article_type: The article type the page header names.
        score: The score the page header states, with its line (the score ``None``
            for a header score out of range).
        title_span: The lines the title was read from.
        header_line: The line of the page header.
        warnings: What could not be read or placed.
    """

    title: str | None = None
    article_type: str | None = None
    score: tuple[int, float | None] | None = None
    title_span: Span = NO_SPAN
    header_line: int | None = None
    warnings: tuple[ParseWarning, ...] = ()


def read_top(blocks: Sequence[Block], context: Context, *, details: int | None = None) -> Top:
    """Read the page header and the title from the preamble's *blocks*.

    Where the page's HTML marks a heading among them, the heading of the highest level
    is the title, and the other lines beside it (a badge, a subtitle) are not. A page
    states its title above its details: the lines below the paper's DOI line (on line
    *details*) are none of the title's.
    """
    notes = Notes()
    if details is not None and any(block.line > details for block in blocks):
        for block in blocks:
            if block.line > details:
                notes.unplaced((block.line, block.text), "below the DOI line, above the labels")
        blocks = [block for block in blocks if block.line <= details]
    lines = [(block.line, block.text) for block in blocks]
    start, article_type, score, header_line = _page_header(lines, context, notes)
    heading = _heading(blocks[start:])
    if heading is not None:
        rest = [(block.line, block.text) for block in heading]
        after = False
        for block in blocks[start:]:
            if block in heading:
                after = True
                continue
            line = (block.line, block.text)
            if after and (found := _header_part(line, context, article_type, score)):
                article_type, score = found
                header_line = header_line or block.line
            else:
                notes.unplaced(line, "beside the title")
    else:
        lines = lines[:start] + [
            (block.line, block.text)
            for block in blocks[start:]
            if not _labels_a_value(block, notes)
        ]
        rest = _title_lines(lines[start:], notes)
        while len(rest) > 1 and (found := _header_part(rest[-1], context, article_type, score)):
            # A score or an article type after the title ("… assemblies" / "4.7"): the
            # page header's part, shown beside the title, not the title's last words.
            article_type, score = found
            header_line = header_line or rest[-1][0]
            rest = rest[:-1]
        if rest and context.label_level:
            # A page that marks its labels as headings marks its title as one: text
            # that is none is a tab, a link or a badge ("Overview"), not the title.
            notes.warn(
                "unreadable_value",
                f"The text where the title belongs, {quote(rest[0][1])}, is no heading "
                "on a page whose labels are headings; the title was left empty.",
                rest[0][0],
            )
            rest = []
    title, title_span = _title(rest, context, notes) if rest else (None, NO_SPAN)
    return Top(title, article_type, score, title_span, header_line, tuple(notes))


def _header_part(
    line: Line,
    context: Context,
    article_type: str | None,
    score: tuple[int, float | None] | None,
) -> tuple[str | None, tuple[int, float | None] | None] | None:
    """The article type and score once *line* (a part of the page header) is read.

    ``None`` when the line is no header part, or states a part the header has already
    stated (two scores or two types: which one is the paper's cannot be told, and the
    line is reported), or is one a wrapping tool had to carry over from the line above.
    """
    if not context.layout.page_header:
        return None
    header = parse_header(line[1], context.layout)
    if header is None:
        return None
    value, kind = header
    if (kind is not None and article_type is not None) or (value is not None and score is not None):
        return None
    if kind is None and value is None:
        return None  # a score out of range ("47"): no part of the header
    return kind or article_type, ((line[0], value) if value is not None else score)


def _labels_a_value(block: Block, notes: Notes) -> bool:
    """Whether *block* is a definition term or a row heading, so never the title.

    It labels its value ("Published by", a label the layout does not know); it is
    reported.
    """
    if block.kind != LABEL:
        return False
    notes.unplaced((block.line, block.text), "labelling a value the layout does not know")
    return True


def _heading(blocks: Sequence[Block]) -> list[Block] | None:
    """The blocks of the one heading of the highest level among *blocks*, if there is one.

    A heading split over lines (``<br>``) is its consecutive blocks; two headings of
    that level make none (which one is the title cannot be told from the markup). (A
    heading of the level of the page's labels heads a section of its own: the
    sections stage never leaves one here.)
    """
    levels = [block.level for block in blocks if block.kind == HEADING]
    if not levels:
        return None
    top = min(levels)
    places = [i for i, block in enumerate(blocks) if block.kind == HEADING and block.level == top]
    if places[-1] - places[0] + 1 != len(places):
        return None
    return [blocks[i] for i in places]


def _page_header(
    lines: list[Line], context: Context, notes: Notes
) -> tuple[int, str | None, tuple[int, float | None] | None, int | None]:
    """Read the page header (``4.7 Review``): where the title's lines start, the type, score.

    The lines above a header are reported; a page without one starts with its title.
    """
    layout = context.layout
    if not layout.page_header:
        return 0, None, None, None
    start = next((i for i, (_, t) in enumerate(lines) if parse_header(t, layout) is not None), None)
    if start is None:
        return 0, None, None, None
    article_type: str | None = None
    score: tuple[int, float | None] | None = None
    for line in lines[:start]:
        notes.unplaced(line, "above the page header")
    index = start
    while index < len(lines) and (header := parse_header(lines[index][1], layout)) is not None:
        value, kind = header
        if kind is not None:
            if article_type is not None:
                break
            article_type = kind
        if value is not None or looks_like_score(lines[index][1].partition(" ")[0]):
            if score is not None:
                break
            score = (lines[index][0], value)
        index += 1
    return index, article_type, score, lines[start][0]


def _title_lines(rest: list[Line], notes: Notes) -> list[Line]:
    """The lines where the title stands: a repeated line and a byline left out."""
    if len(rest) > 1:
        # The document's <title> and the heading repeat one text (a tool that keeps
        # <head> text writes both): a wrapped title never repeats a line.
        rest = [line for i, line in enumerate(rest) if not i or line[1] != rest[i - 1][1]]
    if len(rest) > 1 and _is_byline(rest[-1][1]):
        # "Wei Zhang, Li Chen, Maria Garcia" under the title: names, not the title's end
        notes.unplaced(rest[-1], "under the title (a list of names)")
        rest = rest[:-1]
    return rest


#: A DOI statement: what a title never holds, and what a tool that glued the page's
#: blocks into the title's paragraph brings into it.
_DOI_STATEMENT: Final = re.compile(rf"\bdoi[ \t]{{0,3}}:[ \t]{{0,3}}{DOI_PREFIX}", re.IGNORECASE)
#: Longer than any title: the next blocks ran into it.
MAX_TITLE: Final = 1000


def title_problem(title: str) -> str | None:
    """Return why *title* cannot be a paper's title, or ``None``.

    >>> title_problem("A title Journal X Volume 1 DOI: 10.1016/j.x.2020.1 Keywords a")
    'it holds a DOI statement (the blocks below it ran into it)'
    >>> title_problem("CRISPR-Cas9 editing of 10.5-kb loci") is None
    True
    >>> title_problem("Early Access \u00b7 \u2605 2.77")
    'it holds a rating (a star and a score: a badge beside the title)'
    """
    if len(title) > MAX_TITLE:
        return "it is longer than any title (the blocks below it ran into it)"
    if "oi" in title.casefold() and _DOI_STATEMENT.search(title) is not None:
        return "it holds a DOI statement (the blocks below it ran into it)"
    if ("\u2605" in title or "\u2606" in title) and _STAR_SCORE.search(title) is not None:
        return "it holds a rating (a star and a score: a badge beside the title)"
    return None


#: A star glyph and a score (``★ 2.77``, ``☆4``): a rating badge, never a title's words.
_STAR_SCORE: Final = re.compile(r"[\u2605\u2606][ \t]?[0-9]")


def _title(rest: list[Line], context: Context, notes: Notes) -> tuple[str | None, Span]:
    """The title on *rest*: one line, or one paragraph wrapped over several."""
    layout = context.layout
    # A line that starts with a label glued to its value ("Publication typeJournal
    # Article Journal2021, …": a dump that ran a block of labels into one line) never
    # goes on the title.
    if len(rest) == 1 or (
        _wrapped(rest, context) and not any(glued_label(t, layout) for _, t in rest[1:])
    ):
        title = join_wrapped([t for _, t in rest])
        problem = title_problem(title) or _layout_problem(title, layout)
        if problem is not None:
            notes.warn(
                "unreadable_value",
                f"The text where the title belongs, {quote(title)}, cannot be a title "
                f"({problem}); the title was left empty.",
                rest[0][0],
            )
            return None, NO_SPAN
        return title, (rest[0][0], rest[-1][0])
    notes.warn(
        "ambiguous_title",
        f"{len(rest)} lines stand where the title belongs and the layout does not say "
        f"which is the title: {', '.join(quote(t) for _, t in rest)}.",
        rest[0][0],
    )
    return None, NO_SPAN


def _layout_problem(title: str, layout: Layout) -> str | None:
    """Why *title* cannot be a title on the layout's pages, or ``None``.

    The line where the title was looked for holds the layout's own words: a label run
    into its value (``JournalMediators of Inflammation``), a table row of a label
    (``▸ Journal| NATURE``), a label and a name in capitals on one line (``Publisher
    SPRINGER HEIDELBERG``), or the site's name (its logo, ``[Peeref]``, or its menu).
    """
    if glued_label(title, layout) is not None:
        return "it starts with a section label run into a value"
    if "|" in title and _labels_a_cell(title, layout):
        return "it is a table row of a section label and its value"
    if _label_and_name(title, layout):
        return "it is a section label and its value"
    if _names_the_site(title, layout):
        return "it names the site (its logo or menu), not a paper"
    return None


def _names_the_site(text: str, layout: Layout) -> bool:
    """Whether a word of *text* is the site's name (``[Peeref](/)``, ``Peeref Home …``)."""
    site = layout.site.casefold()
    return site in text.casefold() and any(
        word.strip("[]()!.,:;|/#*").casefold() == site for word in text.split()
    )


def _label_and_name(text: str, layout: Layout) -> bool:
    """Whether *text* is a label, a space and a name in capitals or a locator.

    ``Journal NATURE``, ``Journal Pages 1``: a label and its value on one line.
    """
    words = text.split(" ")
    for size in (1, 2):  # one-word and two-word labels ("Journal name")
        rest = " ".join(words[size:])
        if (
            rest
            and label_key(" ".join(words[:size])) in layout.labels
            and (rest.isupper() or parse_locator(rest) is not None)
        ):
            return True
    return False


def _labels_a_cell(text: str, layout: Layout) -> bool:
    """Whether *text* is a table row whose first cell is a section label (``Journal| X``)."""
    return label_key(text.partition("|")[0]) in layout.labels


#: The widest heading mark a Markdown tool writes before a title (``### ``).
_HEADING_MARK: Final = 4


def _wrapped(lines: list[Line], context: Context) -> bool:
    """Whether *lines* are one paragraph that a dump tool wrapped.

    On a page no tool wrapped (HTML, or a text with a line longer than any tool wraps
    at), every line is a block of its own: a badge, a score or a subtitle after the
    title is never part of it. On a page wrapped at a known width, each break must be
    the tool's (the next line's first word would not have fitted). Where the page does
    not show whether a tool wrapped it, lines long enough to have been wrapped are.
    """
    if not context.wrapped:
        return False
    if not context.spaced and any(b != a + 1 for (a, _), (b, _) in itertools.pairwise(lines)):
        return False  # a blank line inside: a tool that wraps a paragraph writes none
    if context.wrap_width is not None:
        # (A Markdown tool writes "## " before a heading's first line, which the
        # outline does not keep: the line had that much less room.)
        width = context.wrap_width - _HEADING_MARK
        return all(
            wrapped_onto(line, following, width)
            for (_, line), (_, following) in itertools.pairwise(lines)
        )
    return is_paragraph(lines)


#: Words that may stand in a name without a capital (``Ana Paula de Souza``).
_NAME_PARTICLES: Final = frozenset(
    {"de", "da", "do", "dos", "das", "del", "della", "di", "van", "von", "der", "den", "le", "la"}
)
_BYLINE_PARTS: Final = re.compile(r"\s*(?:[,;]|\band\b)\s*")


def _is_byline(text: str) -> bool:
    """Whether *text* is a list of two or more personal names (a byline).

    Each name is two to four words, each capitalised (or a particle such as ``de``),
    with no digit, colon or final full stop: a title's wrapped last line is not.
    """
    if text.endswith(".") or ":" in text or any(c.isdigit() for c in text):
        return False
    names = [part for part in _BYLINE_PARTS.split(text) if part]
    return len(names) >= 2 and all(_is_name(name) for name in names)


def _is_name(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 4 and all(
        word in _NAME_PARTICLES
        or (word[0].isupper() and word.replace("-", "").replace(".", "").isalpha())
        for word in words
    )
