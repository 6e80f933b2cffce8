"""What every reader takes and gives: :class:`Context` and :class:`Reading`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final, Generic, Literal, TypeVar

import attrs

from ..layouts import Layout
from ..model import ParseWarning
from ..normalize import Line

T = TypeVar("T")

#: The lines a value stands on: the first and the last, ``None`` where unknown.
Span = tuple[int | None, int | None]
NO_SPAN: Final[Span] = (None, None)


@attrs.frozen
class Context:
    """What a reader may know about the page besides the section it reads.

    Attributes:
        layout: The site's layout.
        format: ``"text"`` or ``"html"``: in HTML each block element holds one
            paragraph; in a text dump, line breaks may be a tool's.
        wrap_width: The column a dump tool hard-wrapped the page at, if it did.
        glued: The dump glued the page's blocks together (``JournalNATURE``).
        wrapped: Whether a tool may have hard-wrapped the page's lines: false for HTML
            and for a text with a line longer than any tool wraps at (a browser copy
            writes a paragraph on one line), true otherwise (then, if the abstract
            shows it, the wrap width is known).
        label_level: The level of the page's headings that are the layout's labels, or
            else of the headings that open sections it does not know (0: none, or no
            HTML): on such a page the title is a heading too.
        spaced: Whether a blank line stands between every two lines of the text (then
            blank lines say nothing); on a page with lines next to each other, a tool
            that wrapped a paragraph put no blank line inside it.
    """

    layout: Layout
    format: Literal["text", "html"] = "text"
    wrap_width: int | None = None
    glued: bool = False
    wrapped: bool = True
    label_level: int = 0
    spaced: bool = True


@attrs.frozen
class Reading(Generic[T]):
    """A reader's answer: the value, its warnings, and the lines it stands on.

    Attributes:
        value: The value (the field's empty value when the section holds none).
        warnings: What the reader could not read or place, in page order.
        span: The first and last line of the text the value was read from.
    """

    value: T
    warnings: tuple[ParseWarning, ...] = ()
    span: Span = NO_SPAN


def span(lines: Sequence[Line]) -> Span:
    """The first and last line of *lines* (``(None, None)`` for none)."""
    if not lines:
        return NO_SPAN
    return lines[0][0], lines[-1][0]
