"""Compare a parsed record with the record a page states: wrong values and missing ones.

The library's promise is that a value is right or empty (with a warning saying why).
:func:`wrong_values` lists the fields that break it, :func:`missing_values` the fields
left empty, and :func:`unexplained_missing` the missing ones on a record without any
warning. Plain Python: no Hypothesis needed.

The fields are those of :data:`paperparse.specs.SPECS` (:data:`FIELDS`): ``source``,
``warnings`` and ``provenance`` are bookkeeping and never compared. Texts are compared
after folding whitespace (runs of spaces, tabs and newlines are one space, none at
either end) and Unicode composition (NFC), as the round-trip tests compare them.

How each kind of value compares:

* a text or number: equal after folding;
* a list (keywords, authors, funding, secondary ratings, actions, recommended titles):
  equal as a whole, item by item in order; **a partial list is wrong**, so is a list
  with one item more, except an author list that the record says is cut
  (``incomplete_list``: the page names only its first authors), whose rest is missing,
  and secondary ratings whose scores the record leaves null;
* a funding entry: same funder and same award ids; its ``text`` is how the page wrote
  the entry, which a markup may change (a table row, a sentence), so it only has to
  hold the funder's name and each award id; an entry the parser kept only as text
  (no funder, no ids) that holds the page's funder and ids is missing, not wrong;
* a part of a block (``journal.volume``, ``rating.score``): on its own, so a journal
  whose name is right and whose volume is missing has one missing value and no wrong
  one; the author claim's prompt and action likewise;
* ``journal.pages``: first and last page together (a range read as its first page is
  wrong).

Examples:
    >>> from paperparse import Author, Journal, Paper
    >>> page = Paper(title="A study", journal=Journal("NATURE", "12"),
    ...              authors=(Author("Wei Zhang"), Author("Ana Souza")))
    >>> read = Paper(title="A  study", journal=Journal("NATURE"), authors=(Author("Wei Zhang"),))
    >>> wrong_values(page, read)
    ['authors']
    >>> missing_values(page, read)
    ['journal.volume']
"""

from __future__ import annotations

import unicodedata
from typing import Final

from ..model import AuthorClaim, Funding, PageRange, Paper
from ..specs import SPECS

__all__ = [
    "FIELDS",
    "compared_value",
    "fold",
    "missing_values",
    "unexplained_missing",
    "wrong_values",
]

#: The fields compared, dotted for a part of a block, in record order.
FIELDS: Final[tuple[str, ...]] = tuple(spec.name for spec in SPECS)

_CLAIM_PARTS: Final = ("prompt", "action")


def fold(text: str) -> str:
    r"""Return *text* with whitespace collapsed and stripped, in NFC.

    Examples:
        >>> fold("  Cafe\u0301   au\nlait ")
        'Café au lait'
    """
    return unicodedata.normalize("NFC", " ".join(text.split()))


def _part(paper: Paper, field: str) -> object:
    head, _, rest = field.partition(".")
    value: object = getattr(paper, head)
    if rest:
        value = getattr(value, rest) if value is not None else None
    return value


def _empty(value: object) -> bool:
    return value is None or value == "" or value == ()


def compared_value(paper: Paper, field: str) -> object:
    """Return the value of *field* in *paper* in the form it is compared in.

    Texts are folded (:func:`fold`), lists are tuples of folded items, a page range is
    ``(first, last)``, a funding entry ``(funder, award ids)``, a secondary rating
    ``(name, score)``, an author claim ``(prompt, action)``. An empty value is ``None``.

    Args:
        paper: A record.
        field: One of :data:`FIELDS`.

    Returns:
        The comparable value, or ``None`` when the record leaves the field empty.

    Raises:
        ValueError: *field* is not one of :data:`FIELDS`.

    Examples:
        >>> from paperparse import Journal, PageRange
        >>> compared_value(Paper(journal=Journal(pages=PageRange("1", "9"))), "journal.pages")
        ('1', '9')
        >>> compared_value(Paper(), "journal.pages") is None
        True
    """
    if field not in FIELDS:
        raise ValueError(f"{field!r} is not a compared field; expected one of {FIELDS}.")
    value = _part(paper, field)
    if _empty(value):
        return None
    if isinstance(value, str):
        return fold(value)
    if isinstance(value, AuthorClaim):
        parts = (value.prompt, value.action)
        return None if all(p is None for p in parts) else tuple(_text(p) for p in parts)
    if isinstance(value, tuple):
        return tuple(_item(item) for item in value)
    if isinstance(value, PageRange):
        return (fold(value.first), _text(value.last))
    return value


def _text(value: str | None) -> str | None:
    return None if value is None else fold(value)


def _item(item: object) -> object:
    if isinstance(item, str):
        return fold(item)
    if isinstance(item, Funding):
        return (_text(item.funder), tuple(fold(i) for i in item.award_ids))
    name = getattr(item, "name", None)
    if isinstance(name, str):  # Author, SecondaryRating
        score = getattr(item, "score", None)
        return (fold(name), score) if hasattr(item, "score") else fold(name)
    return item


def _funding_texts_hold_their_values(parsed: Paper) -> bool:
    """Whether each parsed funding entry's text holds its funder and award ids."""
    for entry in parsed.funding:
        text = fold(entry.text).casefold()
        needed = [entry.funder] if entry.funder else []
        if any(fold(part).casefold() not in text for part in [*needed, *entry.award_ids]):
            return False
    return True


def _unsplit_funding(expected: Paper, parsed: Paper) -> bool:
    """Whether *parsed* gives the page's funding list, some entries only as text.

    An entry the parser could not split (no funder, no award ids, and a warning) is a
    missing value, not a wrong one, when its text holds the page's funder and ids.
    """
    if parsed.funding and all(e.funder is None and not e.award_ids for e in parsed.funding):
        # Only texts (a sentence that lists several funders, kept whole): missing if
        # they hold every funder and award id of the page.
        text = fold(" ".join(entry.text for entry in parsed.funding)).casefold()
        needed = [part for want in expected.funding for part in (want.funder, *want.award_ids)]
        return bool(expected.funding) and all(
            fold(part).casefold() in text for part in needed if part
        )
    if len(expected.funding) != len(parsed.funding):
        return False
    unsplit = False
    for want, got in zip(expected.funding, parsed.funding, strict=True):
        if got.funder is None and not got.award_ids and want.funder is not None:
            text = fold(got.text).casefold()
            parts = [want.funder, *want.award_ids]
            if any(fold(part).casefold() not in text for part in parts):
                return False
            unsplit = True
        elif _item(got) != _item(want):
            return False
    return unsplit


def _unscored(want: object, got: object) -> bool:
    """Whether the parsed secondary ratings are the page's, some without their score.

    A rating whose score the page does not show in text (stars drawn as glyphs) is
    given with a null score and a warning: that score is missing, not wrong.
    """
    if not isinstance(want, tuple) or not isinstance(got, tuple) or len(want) != len(got):
        return False
    pairs = list(zip(want, got, strict=True))
    return any(g != w for w, g in pairs) and all(
        g == w or (isinstance(g, tuple) and g[1] is None and g[0] == w[0]) for w, g in pairs
    )


def _marked_incomplete(expected: Paper, parsed: Paper) -> bool:
    """Whether *parsed* gives the first of the page's authors and says the list is cut.

    A page that names only its first authors (``et al.``, ``Show all 14 authors``)
    gives those, with an ``incomplete_list`` warning: the rest is missing, not wrong.
    """
    shown = [_item(author) for author in parsed.authors]
    every = [_item(author) for author in expected.authors]
    return (
        0 < len(shown) < len(every)
        and shown == every[: len(shown)]
        and any(warning.code == "incomplete_list" for warning in parsed.warnings)
    )


def _claim_parts(value: object) -> tuple[str | None, str | None]:
    if value is None:
        return (None, None)
    assert isinstance(value, tuple)
    return (value[0], value[1])


def wrong_values(expected: Paper, parsed: Paper) -> list[str]:
    """Return the fields whose parsed value is not empty and differs from the page's.

    Args:
        expected: The record the page states (for a drawn markup, ``MarkupPage.paper``).
        parsed: The record the parser gave.

    Returns:
        The dotted field names (:data:`FIELDS`), in record order; empty when every
        value the parser gave is the page's.

    Examples:
        >>> wrong_values(Paper(doi="10.1/x"), Paper(doi="10.1/y", title="Funding"))
        ['title', 'doi']
        >>> wrong_values(Paper(doi="10.1/x"), Paper())
        []
    """
    out = []
    for field in FIELDS:
        want, got = compared_value(expected, field), compared_value(parsed, field)
        if field == "author_claim":
            pairs = zip(_claim_parts(want), _claim_parts(got), strict=True)
            if any(g is not None and g != w for w, g in pairs):
                out.append(field)
            continue
        if got is None:
            continue
        if field == "funding" and _unsplit_funding(expected, parsed):
            continue
        if field == "authors" and _marked_incomplete(expected, parsed):
            continue
        if field == "rating.secondary" and _unscored(want, got):
            continue
        if got != want or (field == "funding" and not _funding_texts_hold_their_values(parsed)):
            out.append(field)
    return out


def missing_values(expected: Paper, parsed: Paper) -> list[str]:
    """Return the fields the page states and the parsed record leaves empty.

    Args:
        expected: The record the page states.
        parsed: The record the parser gave.

    Returns:
        The dotted field names (:data:`FIELDS`), in record order.

    Examples:
        >>> missing_values(Paper(doi="10.1/x", title="T"), Paper(title="T"))
        ['doi']
    """
    out = []
    for field in FIELDS:
        want, got = compared_value(expected, field), compared_value(parsed, field)
        if field == "author_claim":
            pairs = zip(_claim_parts(want), _claim_parts(got), strict=True)
            if any(w is not None and g is None for w, g in pairs):
                out.append(field)
        elif (
            (want is not None and got is None)
            or (field == "funding" and _unsplit_funding(expected, parsed))
            or (field == "authors" and _marked_incomplete(expected, parsed))
            or (field == "rating.secondary" and _unscored(want, got))
        ):
            out.append(field)
    return out


def unexplained_missing(expected: Paper, parsed: Paper) -> list[str]:
    """Return the missing values of a parsed record that carries no warning at all.

    A value may be left empty only with a warning saying why; a record with at least
    one warning has said something, so nothing it misses is unexplained.

    Args:
        expected: The record the page states.
        parsed: The record the parser gave.

    Returns:
        :func:`missing_values` when *parsed* has no warning, else ``[]``.

    Examples:
        >>> from paperparse import ParseWarning
        >>> unexplained_missing(Paper(doi="10.1/x"), Paper())
        ['doi']
        >>> unexplained_missing(Paper(doi="10.1/x"), Paper(warnings=(ParseWarning("x", "y"),)))
        []
    """
    return [] if parsed.warnings else missing_values(expected, parsed)
