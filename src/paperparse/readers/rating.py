"""The rating block: the overall score, the number of ratings, a note and sub-scores.

The score stands in the page header (``4.7 Review``), in the primary rating's section,
or in a rating widget of the page's HTML; the count as ``18 ratings``; the note is one
the layout knows (``Not enough ratings``); the secondary ratings are named scores
(``Novelty 4.5``, or a name and a ``-`` on the next line).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import Final

from ..fields.funding import MARKER_FIRST, strip_marker
from ..fields.rating import (
    is_rating_heading_row,
    looks_like_score,
    parse_count,
    parse_score,
    parse_score_and_count,
    parse_secondary_value,
    split_named,
)
from ..layouts import Layout
from ..model import Rating, SecondaryRating
from ..normalize import Line, fold, is_dash
from ..notes import Notes, quote
from ..outline.block import WIDGET, Block
from ..sections import Section, name_of
from .base import Context, Reading, span

_RATING_KINDS: Final = frozenset({"reviews", "primary_rating"})
#: The rating block's sections.
RATING_BLOCK: Final = frozenset({"reviews", "primary_rating", "secondary_ratings"})


def read_rating(
    sections: Sequence[Section],
    header_score: tuple[int, float | None] | None,
    widgets: Sequence[Block],
    context: Context,
) -> Reading[Rating | None]:
    """The rating block of the page's rating *sections* (all kinds, in page order).

    *header_score* is the score the page header states, with its line; *widgets* the
    rating widgets that stand in the rating block. The reading's span is the primary
    rating's lines.
    """
    notes = Notes()
    primary = [s for s in sections if s.kind in _RATING_KINDS]
    primary_lines = [line for s in primary for line in s.lines()]
    scores, counts, note = _primary(primary_lines, context.layout, notes)
    if header_score is not None and header_score[1] is not None:
        scores.insert(0, header_score)
    scores = [s for s in scores if s[1] is not None]
    if not scores or not counts:
        widget_scores, widget_counts = _widgets(widgets, notes)
        scores = scores or widget_scores
        counts = counts or widget_counts
    secondary_sections = [s for s in sections if s.kind == "secondary_ratings"]
    secondary: tuple[SecondaryRating, ...] = ()
    if not any_suspect(secondary_sections, notes):
        found = [
            (s.line, value)
            for s in secondary_sections
            if (value := _secondary(_widget_scores(s.blocks, notes), notes))
        ]
        secondary = notes.pick("secondary ratings", found, ())
    if not sections and header_score is None:
        return Reading(None, tuple(notes))
    rating = Rating(
        score=notes.pick("rating score", scores, None),
        count=notes.pick("number of ratings", counts, None),
        note=note,
        secondary=secondary,
    )
    first = next((s.lines() for s in primary if s.blocks), [])
    return Reading(rating, tuple(notes), span(first))


def any_suspect(sections: Sequence[Section], notes: Notes) -> bool:
    """Whether one of *sections* (of one kind) may have been opened by a list's item.

    Warns if so: which of them is the page's own cannot be told, so the value they
    hold is left empty (see :attr:`paperparse.sections.Section.suspect_label`).
    """
    for section in sections:
        if section.suspect_label:
            notes.warn(
                "unreadable_value",
                f"The {name_of(section.kind)} label on line {section.line} ends a list "
                "given one item per line, and the page shows that section again "
                "elsewhere: the label may be an item of the list, so which section is the "
                "page's own cannot be told; its value was left empty.",
                section.line,
            )
            return True
    return False


def _primary(
    lines: list[Line], layout: Layout, notes: Notes
) -> tuple[list[tuple[int | None, float | None]], list[tuple[int | None, int]], str | None]:
    scores: list[tuple[int | None, float | None]] = []
    counts: list[tuple[int | None, int]] = []
    note: str | None = None
    for number, text in lines:
        if is_dash(text):
            continue  # a placeholder: no score yet
        both = parse_score_and_count(text)
        if both is not None:
            scores.append((number, both[0]))
            counts.append((number, both[1]))
            continue
        first, _, rest = text.partition(" ")
        if rest and looks_like_score(first) and (inline := _note(rest, layout)) is not None:
            note = note or inline  # "4.7 Not enough ratings" on one line
            text = first
        elif (found := _note(text, layout)) is not None:
            note = note or found
            continue
        if looks_like_score(text):
            value = parse_score(text)
            if value is None:
                notes.warn(
                    "unreadable_value",
                    f"The rating {quote(text)} is not a score out of 5; the score is null.",
                    number,
                )
            scores.append((number, value))
        elif (count := parse_count(text)) is not None:
            counts.append((number, count))
        else:
            notes.unplaced((number, text), "in the rating block")
    return scores, counts, note


def _note(text: str, layout: Layout) -> str | None:
    """The rating note *text* states (``Not enough ratings``), in canonical spelling.

    Only the notes the layout knows are notes: any other line in the rating block (a
    ``Write a Review`` button, a glued ``Primary Rating4.7``) is not one.
    """
    return layout.rating_notes.get(fold(text).rstrip(".").rstrip())


def _widgets(
    widgets: Sequence[Block], notes: Notes
) -> tuple[list[tuple[int | None, float | None]], list[tuple[int | None, int]]]:
    """Scores and counts of the rating widgets that stand in the rating block."""
    scores: list[tuple[int | None, float | None]] = []
    counts: list[tuple[int | None, int]] = []
    for widget in widgets:
        number, measure, value = widget.line, widget.label, widget.text
        if measure == "count" and value.isascii() and value.isdigit():
            counts.append((number, int(value)))
        elif measure == "score":
            if (score := parse_score(value)) is None:
                notes.warn(
                    "unreadable_value",
                    f"The rating widget's score {quote(value)} is not a score out of 5; "
                    "it was left out.",
                    number,
                )
            else:
                scores.append((number, score))
    return scores, counts


def _widget_scores(blocks: Sequence[Block], notes: Notes) -> list[Line]:
    """The lines of the secondary ratings, a widget's score written as a score token.

    A widget whose value is no score out of five (``0.84?``) leaves the score of the
    name before it empty, with a warning.
    """
    out: list[Line] = []
    for block in blocks:
        if block.kind != WIDGET:
            out.append((block.line, block.text))
        elif block.label == "score":
            if parse_score(block.text) is None:
                notes.warn(
                    "unreadable_value",
                    f"The rating widget's score {quote(block.text)} is not a score out of 5; "
                    "the secondary rating's score is null.",
                    block.line,
                )
                out.append((block.line, "-"))
            else:
                out.append((block.line, block.text))
    return out


def _secondary(lines: list[Line], notes: Notes) -> tuple[SecondaryRating, ...]:
    out: list[SecondaryRating] = []
    pending: Line | None = None

    def flush_pending() -> None:
        if pending is not None:
            notes.warn(
                "unreadable_value",
                f"The secondary rating {quote(pending[1])} has no score; its score is null.",
                pending[0],
            )
            out.append(SecondaryRating(pending[1], None))

    for number, line in lines:
        # a list marker a dump tool wrote before each rating ("• Novelty 4.5")
        text = strip_marker(line)[1] if line[:1] in MARKER_FIRST else line
        if is_rating_heading_row(text):
            continue  # a table's heading row laid out as text ("Criterion | Score")
        is_value, value, named = _secondary_line(text)
        if is_value:
            if pending is None:
                notes.unplaced((number, text), "in the secondary ratings (a score without a name)")
                continue
            out.append(SecondaryRating(pending[1], value))
            pending = None
            continue
        if named is not None:
            flush_pending()
            pending = None
            out.append(SecondaryRating(named, value))
            continue
        flush_pending()
        pending = (number, text)
    flush_pending()
    if (bad := next((r for r in out if not _is_rating_name(r.name)), None)) is not None:
        notes.warn(
            "unreadable_value",
            f"The secondary rating name {quote(bad.name)} is not a name of words (the dump "
            "joined it with other text); the secondary ratings were left empty.",
            lines[0][0] if lines else None,
        )
        return ()
    return tuple(out)


#: A secondary rating's name: up to four words (``Scientific rigor``).
_RATING_NAME: Final = re.compile(r"[^\W\d_]{1,30}(?:[ -][^\W\d_]{1,30}){0,3}")


# The names and score tokens of the secondary ratings are the same few on every page
# (``Novelty``, ``-``, ``4.5``): what a line says is read once (the seed's block: 10
# against 3 µs).


@functools.lru_cache(maxsize=1024)
def _secondary_line(text: str) -> tuple[bool, float | None, str | None]:
    """Read a line of the secondary ratings: (is a score token, score, name).

    The name is set for a line that holds a name and its score (``Novelty 4.5``), the
    score then being that line's.
    """
    is_value, value = parse_secondary_value(text)
    if is_value:
        return True, value, None
    named = split_named(text)
    if named is None:
        return False, None, None
    return False, parse_secondary_value(named[1])[1], named[0]


@functools.lru_cache(maxsize=1024)
def _is_rating_name(name: str) -> bool:
    return _RATING_NAME.fullmatch(name) is not None
