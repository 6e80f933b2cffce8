"""Funding entries: ``National Natural Science Foundation of China [81700553]``."""

from __future__ import annotations

import re
from typing import Final

from ..model import Funding

#: A list marker at the start of a line: ``1.`` ``1)`` ``(1)`` ``•`` ``-`` ``*`` ...
LIST_MARKER: Final = re.compile(
    r"(?:\(?\d{1,3}[.)]|\(\d{1,3}\)|[\u2022\-*\u2013\u00b7\u25aa\u25e6\u25cf\u2023+]|\[\d{1,3}\])\s+"
)

#: The phrase that introduces award ids at the end of an entry: ``Grant No.``,
#: ``grant number``, ``Grant Nos.``, ``under grant``. Only this prefix is matched by a
#: regex; the ids after it are split by plain string operations (linear time).
_GRANT_PHRASE: Final = re.compile(
    r"[,;:]?\s*(?:under\s+|with\s+|through\s+)?(?:the\s+)?"
    r"\b(?:grant|award|project|contract)s?\b\s*"
    r"(?:numbers?\b|nos?\.|nos?\b|#|ids?\b|agreement(?:\s+no\.?)?)?\s*[:.]?\s*",
    re.IGNORECASE,
)
#: Cheap test for the words the grant phrase needs, before the full pattern runs.
_GRANT_WORDS: Final = ("grant", "award", "project", "contract")
_MAX_ID_LENGTH: Final = 40
_MAX_ID_WORDS: Final = 3
_ID_SPLIT: Final = re.compile(r"\s*[,;]\s*|\s+and\s+")


#: The characters a list marker can start with, other than digits (``\d`` is
#: ``str.isdecimal``).
_MARKER_FIRST: Final = frozenset("([\u2022-*\u2013\u00b7\u25aa\u25e6\u25cf\u2023+")
#: The longest list marker: ``(999)``.
_MAX_MARKER: Final = 5
#: A list marker standing alone: the item after it was cut off.
_BARE_MARKER: Final = re.compile(LIST_MARKER.pattern.removesuffix(r"\s+"))


def is_bare_marker(text: str) -> bool:
    """Return whether *text* is a list marker with no item after it.

    >>> is_bare_marker("1."), is_bare_marker("(2)"), is_bare_marker("1. NSF")
    (True, True, False)
    """
    text = text.strip()
    return len(text) <= _MAX_MARKER and _BARE_MARKER.fullmatch(text) is not None


def strip_marker(text: str) -> tuple[bool, str]:
    """Remove a list marker, returning whether there was one and the rest.

    >>> strip_marker("1. National Science Foundation [123]")
    (True, 'National Science Foundation [123]')
    >>> strip_marker("(2) NIH"), strip_marker("3M Company")
    ((True, 'NIH'), (False, '3M Company'))
    """
    first = text[:1]
    if not first.isdecimal() and first not in _MARKER_FIRST:
        return False, text  # most lines: no marker can start here
    match = LIST_MARKER.match(text)
    if match is None or match.end() == len(text):
        return False, text
    return True, text[match.end() :]


def _ids(raw: str) -> tuple[str, ...] | None:
    """Split a group of award ids; ``None`` unless every id has a digit."""
    # A phrase starts with a letter, a space or punctuation, never with a digit.
    if not raw[:1].isdigit() and (phrase := _GRANT_PHRASE.match(raw)) is not None:
        raw = raw[phrase.end() :]
    raw = raw.strip()
    if "," in raw or ";" in raw or " and " in raw:
        ids = tuple(part for part in map(str.strip, _ID_SPLIT.split(raw)) if part)
    else:
        ids = (raw,) if raw else ()
    if not ids or not all(map(_is_id, ids)):
        return None
    return ids


def _is_id(text: str) -> bool:
    """An award id: a short code with a digit (``81700553``, ``R01 GM123456``)."""
    return (
        len(text) <= _MAX_ID_LENGTH
        and text.count(" ") < _MAX_ID_WORDS
        and any(map(str.isdigit, text))
    )


def _trailing_group(text: str) -> tuple[str, str] | None:
    """Split off a trailing ``[...]`` or ``(...)`` group: (before, inside)."""
    if not text or text[-1] not in ")]":
        return None
    close = text[-1]
    opening = "(" if close == ")" else "["
    start = text.rfind(opening)
    if start >= 0 and text.find(close, start + 1, len(text) - 1) < 0:
        return text[:start], text[start + 1 : -1]  # the common case: nothing nested
    depth = 0
    for index in range(len(text) - 1, -1, -1):
        char = text[index]
        if char == close:
            depth += 1
        elif char == opening:
            depth -= 1
            if depth == 0:
                return text[:index], text[index + 1 : -1]
    return None


def _funder(text: str) -> str | None:
    name = text.strip().rstrip(",;:-").strip()
    return name or None


def parse_funding_entry(text: str) -> Funding:
    """Read one funding entry (without its list marker) into funder and award ids.

    >>> parse_funding_entry("National Natural Science Foundation of China [81700553]")
    Funding(funder='National Natural Science Foundation of China', award_ids=('81700553',), \
text='National Natural Science Foundation of China [81700553]')
    >>> parse_funding_entry("NIH [R01 GM123456; R21 AI654321]").award_ids
    ('R01 GM123456', 'R21 AI654321')
    >>> parse_funding_entry("National Institutes of Health (NIH)").award_ids
    ()
    >>> parse_funding_entry("EPSRC, Grant No. EP/K503/1").funder
    'EPSRC'
    >>> parse_funding_entry("JSPS KAKENHI grant numbers JP19K12345 and JP20H00001").award_ids
    ('JP19K12345', 'JP20H00001')
    """
    body = text.strip()
    ids: list[str] = []
    while (group := _trailing_group(body)) is not None:
        before, inside = group
        found = _ids(inside)
        if found is None:
            break
        ids[:0] = found
        body = before.rstrip()
    if not ids and any(map(body.casefold().__contains__, _GRANT_WORDS)):
        last = None
        for last in _GRANT_PHRASE.finditer(body):  # noqa: B007 - the last one counts
            pass
        if last is not None and last.start() > 0:
            found = _ids(body[last.end() :].rstrip(".;, "))
            if found is not None:
                ids = list(found)
                body = body[: last.start()]
    return Funding(funder=_funder(body), award_ids=tuple(ids), text=text.strip())
