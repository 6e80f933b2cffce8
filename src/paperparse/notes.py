"""Warnings as each stage writes them: a list of its own, returned with its result.

No stage writes another's warnings: each collects its own in a :class:`Notes` and hands
them back (the sections stage with its sections, a reader with its value), and the
record stage puts them in page order (:mod:`.record`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final, TypeVar

from .model import ParseWarning
from .normalize import Line

T = TypeVar("T")

#: A warning quotes at most this many characters of the text it is about.
SNIPPET: Final = 60


def quote(text: str) -> str:
    """Quote *text* for a warning, shortened to :data:`SNIPPET` characters.

    >>> quote("NSFC"), quote("x" * 70)[-3:]
    ("'NSFC'", "x…'")
    """
    if len(text) > SNIPPET:
        text = text[: SNIPPET - 1] + "\u2026"
    return repr(text)


class Notes(list[ParseWarning]):
    """The warnings of one stage or reader, in the order they were found."""

    def warn(self, code: str, message: str, line: int | None) -> None:
        """Add a warning (line 0 stands for "unknown", as for a page without positions)."""
        self.append(ParseWarning(code, message, line or None))

    def unplaced(self, line: Line, where: str) -> None:
        """Say that the text on *line*, standing *where*, belongs to no field."""
        number, text = line
        self.warn(
            "unplaced_text",
            f"The text {quote(text)} {where} does not belong to any field; "
            "it was left out of the record.",
            number,
        )

    def pick(self, field: str, found: Sequence[tuple[int | None, T]], empty: T) -> T:
        """Return the value stated for *field*, or *empty* if the page disagrees.

        *found* holds ``(line, value)`` for each place the page states the value; a
        second, different value is a ``conflicting_values`` warning on its line.
        """
        values: list[T] = []
        for _, value in found:
            if value not in values:
                values.append(value)
        if not values:
            return empty
        if len(values) > 1:
            line = next(number for number, value in found if value != values[0])
            self.warn(
                "conflicting_values",
                f"The page gives the {field} more than once with different values; "
                f"the {field} was left empty.",
                line,
            )
            return empty
        return values[0]
