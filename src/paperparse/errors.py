"""Errors raised by :func:`paperparse.parse`, and the warning codes it reports.

Every failure to read a page raises a subclass of :class:`ParseError`; anything else
escaping :func:`paperparse.parse` is a bug. Misuse of the API (a wrong argument type,
an unknown option) raises :class:`TypeError` or :class:`ValueError` instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from .model import ParseWarning

__all__ = [
    "WARNING_CODES",
    "EmptyInput",
    "InputTooLarge",
    "ParseError",
    "StrictModeError",
    "UndecodableInput",
    "UnrecognizedPage",
]


class ParseError(Exception):
    """Base class of every error raised for a page that cannot be parsed."""


class EmptyInput(ParseError):
    """The input is empty or holds only whitespace."""


class UnrecognizedPage(ParseError):
    """The input holds text, but nothing recognisable as a paper page."""


class UndecodableInput(ParseError):
    """The input bytes cannot be decoded as text."""


class InputTooLarge(ParseError):
    """The input is larger than the size limit of the call."""


class StrictModeError(ParseError):
    """``strict=True`` was given and the page raised a warning.

    Attributes:
        warning: The first :class:`~paperparse.ParseWarning` of the page.
    """

    def __init__(self, warning: ParseWarning) -> None:
        """Make the error of *warning*; the message names its code and line.

        Args:
            warning: The first warning of the page.
        """
        where = f"line {warning.line}" if warning.line is not None else "the page"
        super().__init__(f"Strict mode: warning {warning.code!r} at {where}: {warning.message}")
        self.warning = warning


WARNING_CODES: Final[dict[str, str]] = {
    "unplaced_text": "A line could not be assigned to any field; it was left out of the record.",
    "unknown_section": "A section that is not part of the record was skipped.",
    "conflicting_values": (
        "The page states one field twice with different values; the field is null."
    ),
    "unreadable_value": (
        "A labelled value could not be read (e.g. a rating that is not a number); "
        "the field is null."
    ),
    "metadata_conflict": (
        "The page's embedded metadata (meta tags, JSON-LD) disagrees with the visible "
        "page; which is right cannot be told, so the field is null."
    ),
    "truncated_page": (
        "The page ends inside a section that a complete page always follows with more; "
        "the value it ends with may be cut, so it was left empty."
    ),
    "multiple_pages": (
        "A second page header appears: the input holds more than one page. Only the "
        "first page was read."
    ),
    "damaged_text": (
        "The input holds U+FFFD replacement characters (bytes lost in decoding, or "
        "mixed encodings); the fields holding them were left empty."
    ),
    "sub_page": (
        "The page is one of the paper's sub-pages (its references): only the paper's "
        "title, article type and score were read; the papers it lists were not."
    ),
    "clipped_text": (
        "The page shows only the start of a text (it ends in 'Read more'); the field "
        "was left empty rather than kept as if whole."
    ),
    "guessed_encoding": (
        "The input bytes are not UTF-8 and declare no encoding (or a wrong one); the "
        "encoding was guessed from their content, so accented letters may be wrong."
    ),
    "incomplete_list": (
        "The page shows only part of a list (an author list ending in 'et al.' or "
        "'+12 more'); the record holds the items shown."
    ),
    "ambiguous_title": (
        "Several lines could be the title and the page layout does not say which; "
        "the title is null."
    ),
    "metadata_only": (
        "The page shows none of a known site's own parts; the record holds only what its "
        "embedded metadata states, and the visible page was not read."
    ),
}
"""Warning code -> what it means. The codes are stable; messages may change."""
