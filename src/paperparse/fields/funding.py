"""Funding entries: ``National Natural Science Foundation of China [81700553]``."""

from __future__ import annotations

import re
from typing import Final

from ..model import Funding
from .clean import COMMON, ItemWords, balanced, clean_item, foreign_text, quote

#: Bullets a dump writes before a list item: the common ones, and those w3m writes for
#: nested lists (``□`` ``☆`` ``○`` ``■`` ``◎``, levels 2 to 7 but 6, whose ``★`` can be a
#: rating's star).
BULLETS: Final = "\u2022-*\u2013\u00b7\u25aa\u25e6\u25cf\u2023+\u25a1\u2606\u25cb\u25a0\u25ce"
#: A list marker at the start of a line: ``1.`` ``1)`` ``(1)`` ``•`` ``-`` ``*`` ...
LIST_MARKER: Final = re.compile(
    rf"(?:\(?\d{{1,3}}[.)]|\(\d{{1,3}}\)|[{re.escape(BULLETS)}]|\[\d{{1,3}}\])\s+"
)

#: The characters a list marker starts with, besides a digit (``\d``: any decimal digit).
MARKER_FIRST: Final = frozenset("([" + BULLETS)

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
    if first not in MARKER_FIRST and not first.isdecimal():
        return False, text  # most lines: 0.2 against 0.3 µs (large text page: 20 µs of 2 ms)
    match = LIST_MARKER.match(text)
    if match is None or match.end() == len(text):
        return False, text
    return True, text[match.end() :]


def _ids(raw: str, *, bracket: bool = False) -> tuple[str, ...] | None:
    """Split a group of award ids; ``None`` unless every part is an id.

    In a ``[...]`` group (*bracket*), an id may be followed by a second reference in
    parentheses: ``PTDC/CCI/29583/2017 (POCI-01-0145-FEDER-029583)`` is two ids.
    """
    # A phrase starts with a letter, a space or punctuation, never with a digit.
    if not raw[:1].isdigit() and (phrase := _GRANT_PHRASE.match(raw)) is not None:
        raw = raw[phrase.end() :]
    raw = raw.strip()
    if "," in raw or ";" in raw or " and " in raw:
        parts = [part for part in map(str.strip, _ID_SPLIT.split(raw)) if part]
    else:
        parts = [raw] if raw else []
    ids: list[str] = []
    for part in parts:
        if bracket and part.endswith(")") and " (" in part and not _is_id(part):
            head, _, tail = part[:-1].rpartition(" (")
            ids.extend((head.strip(), tail.strip()))
        else:
            ids.append(part)
    if not ids or not all(map(_is_id, ids)):
        return None
    return tuple(ids)


def _is_word(token: str) -> bool:
    """A word of a name (``Program``, ``of``), which no award id holds."""
    token = token.strip("()[],.;:'\"")
    return token.isalpha() and sum(map(str.islower, token)) >= _WORD_LOWER


#: A token with this many lower-case letters and nothing but letters is a word.
_WORD_LOWER: Final = 2


def _is_id(text: str) -> bool:
    """An award id: a short code with a digit (``81700553``, ``R01 GM123456``).

    It holds no word of a name: ``973 Program`` and ``of Guangzhou 201804010123`` are
    names (or parts of one) with a number, not ids.
    """
    return (
        len(text) <= _MAX_ID_LENGTH
        and text.count(" ") < _MAX_ID_WORDS
        and any(map(str.isdigit, text))
        and not any(map(_is_word, text.split()))
        and balanced(text)
    )


def _ends_in_code(name: str) -> bool:
    """Whether *name* is words followed by a token that reads as a bare award id.

    Such a token has five digits or more, or three or more mixed with letters; a year
    (``Horizon 2020``, ``ECCB2022``) is part of a name, and so is a one-word entry.
    """
    words = name.split()
    if len(words) < _MIN_CODE_WORDS:
        return False
    token = words[-1].strip(".,;:")
    digits = "".join(filter(str.isdigit, token))
    if len(digits) == _YEAR_DIGITS and digits.startswith(("19", "20")) and token.endswith(digits):
        return False
    return len(digits) >= _CODE_DIGITS or (
        len(digits) >= _MIXED_DIGITS and any(map(str.isalpha, token))
    )


_MIN_CODE_WORDS: Final = 2
_YEAR_DIGITS: Final = 4
_CODE_DIGITS: Final = 5
_MIXED_DIGITS: Final = 3


def _trailing_group(text: str) -> tuple[str, str, str] | None:
    """Split off a trailing ``[...]`` or ``(...)`` group: (before, inside, opening)."""
    if not text or text[-1] not in ")]":
        return None
    close = text[-1]
    opening = "(" if close == ")" else "["
    start = text.rfind(opening)
    if (
        start >= 0
        and text.find(close, start + 1, len(text) - 1) < 0
        and (close == ")" or text.find("(", start) < 0)
    ):
        return text[:start], text[start + 1 : -1], opening  # nothing nested
    depth = 0
    for index in range(len(text) - 1, -1, -1):
        char = text[index]
        if char in ")]":
            depth += 1
        elif char in "([":
            depth -= 1
            if depth == 0:
                if char != opening:
                    return None
                return text[:index], text[index + 1 : -1], opening
    return None


#: The suffix Web of Science adds to a funding line: ``… [1511825] Funding Source: NSF``.
#: It names the agency that reported the grant; the record keeps it in ``text`` only.
_WOS_SOURCE: Final = re.compile(r"\s*\bFunding\s+Source\s*:\s*[^\[\]]*$", re.IGNORECASE)


def _funder(text: str) -> str | None:
    name = text.strip().rstrip(",;:-").strip()
    if name.startswith("the ") and name[4:5].isupper():
        name = name[4:]  # the sentence's article ("supported by the NSF"), not the name's
    return name or None


def check_funder(name: str, words: ItemWords = COMMON) -> str | None:
    """Return why *name* cannot be a funder's name, or ``None`` if it can.

    A funder's name holds no web address, link syntax, table rule, bullet, button
    text or section label, and its brackets close.

    Args:
        name: The funder as split from its entry.
        words: The site's buttons, menus and labels.

    Returns:
        A phrase for a warning ("it holds …"), or ``None``.

    Examples:
        >>> check_funder("National Basic Research Program of China (973 Program)") is None
        True
        >>> check_funder("National Natural Science Foundation of China (")
        'its brackets do not close'
        >>> check_funder("NSF Show more") is None, check_funder("NSF | NIH")
        (False, 'it holds a table rule or cell border')
        >>> check_funder("This work was supported by NSF")
        'it is a sentence of acknowledgement, not a name'
    """
    if (foreign := foreign_text(name, words)) is not None:
        return f"it holds {foreign}"
    if not balanced(name):
        return "its brackets do not close"
    if _ACKNOWLEDGEMENT.search(name) is not None:
        return "it is a sentence of acknowledgement, not a name"
    return None


#: What a sentence of acknowledgement says and a funder's name never does: ``was
#: supported by``, ``funded by``, ``we thank``, ``acknowledge``, ``grateful``.
_ACKNOWLEDGEMENT: Final = re.compile(
    r"\b(?:(?:was|were|is|are|been|being)[ \t]{1,3}(?:[a-z]{1,15}[ \t]{1,3}){0,2}"
    r"(?:supported|funded|sponsored|financed)|thanks?|acknowledge[sd]?|grateful)\b",
    re.IGNORECASE,
)


def read_funding_entry(text: str, words: ItemWords = COMMON) -> tuple[Funding, str | None]:
    """Read one funding entry (without its list marker), and say why if it is refused.

    The funder is the entry without its award ids; ids come from trailing ``[...]``
    or ``(...)`` groups that hold only ids, or from a ``grant number …`` phrase. A
    Web of Science suffix ``Funding Source: X`` is kept in ``text`` only. An entry
    that cannot be split with certainty keeps its ``text`` and has no funder and no
    ids; the reason says why.

    Args:
        text: The entry, wrapped lines joined.
        words: The site's buttons, menus and labels.

    Returns:
        The entry, and ``None`` or a sentence saying why funder and ids are empty.

    Examples:
        >>> read_funding_entry("BBSRC [BB/R021589/1] Funding Source: UKRI")[0]
        Funding(funder='BBSRC', award_ids=('BB/R021589/1',), \
text='BBSRC [BB/R021589/1] Funding Source: UKRI')
        >>> entry, reason = read_funding_entry("Project of Guangzhou 201804010123")
        >>> entry.funder, entry.award_ids, reason is not None
        (None, (), True)
    """
    line = text.strip()
    return _read_cleaned(line, clean_item(line), words)


def read_funding_line(
    text: str, words: ItemWords = COMMON
) -> tuple[Funding, str | None, str | None]:
    """Read one funding entry as :func:`read_funding_entry` does, and check it whole.

    The list reader refuses a list with an entry that holds text no funding statement
    does (:func:`~paperparse.fields.clean.foreign_text` of the whole cleaned entry, ids
    included). The entry is cleaned once for both; when the funder is the whole
    cleaned entry and passed :func:`check_funder`, that check was this one.

    Args:
        text: The entry, wrapped lines joined.
        words: The site's buttons, menus and labels.

    Returns:
        The entry, why funder and ids are empty (or ``None``), and what foreign text
        the whole entry holds (or ``None``).

    Examples:
        >>> read_funding_line("NSF [123]")[1:], read_funding_line("NSF | NIH [12]")[2]
        ((None, None), 'a table rule or cell border')
    """
    line = text.strip()
    cleaned = clean_item(line)
    entry, reason = _read_cleaned(line, cleaned, words)
    # One cleaning an entry, and no second check of an entry that is its funder: the
    # seed text page's funding list in 43 against 51 µs (4 entries, one without ids).
    if reason is None and entry.funder == cleaned:
        return entry, None, None
    return entry, reason, foreign_text(cleaned, words)


def _read_cleaned(line: str, body: str, words: ItemWords) -> tuple[Funding, str | None]:
    """:func:`read_funding_entry` of *line* (stripped), *body* being its cleaned text."""
    if "ource" in body and (source := _WOS_SOURCE.search(body)) is not None:
        body = body[: source.start()].rstrip()
    if body.endswith((").", "].")):
        body = body[:-1]  # the acknowledgement sentence's full stop
    ids: list[str] = []
    while (group := _trailing_group(body)) is not None:
        before, inside, opening = group
        found = _ids(inside, bracket=opening == "[")
        if found is None:
            if opening == "[" and any(map(str.isdigit, inside)):
                return _refused(line, f"its bracket {quote(inside)} is not a list of award ids")
            break
        ids[:0] = found
        body = before.rstrip()
    if not ids and any(map(body.casefold().__contains__, _GRANT_WORDS)):
        last = None
        for last in _GRANT_PHRASE.finditer(body):  # noqa: B007 - the last one counts
            pass
        if last is not None and last.start() > 0 and _marks_ids(last[0]):
            found = _ids(body[last.end() :].rstrip(".;, "))
            if found is not None:
                ids = list(found)
                body = body[: last.start()]
    funder = _funder(body)
    if funder is not None and (problem := check_funder(funder, words)) is not None:
        return _refused(line, problem)
    if not ids and funder is not None and _ends_in_code(funder):
        return _refused(line, "it ends in a code that nothing marks as an award id or as a name")
    return Funding(funder=funder, award_ids=tuple(ids), text=line), None


def _marks_ids(phrase: str) -> bool:
    """Whether a grant phrase introduces ids rather than being a word of the name.

    ``grant number``, ``Grant No.``, ``grant:`` or a lower-case ``grant`` (a sentence's
    word) introduce ids; a bare capitalised ``Project`` or ``Grant`` may end a name
    (``Key Project``).
    """
    words = phrase.strip(" ,;:").split()
    word = next((w for w in words if w.casefold().rstrip("s") in _GRANT_WORDS), "")
    return len(words) > 1 or phrase.rstrip().endswith((":", ".", "#")) or word[:1].islower()


def _refused(line: str, problem: str) -> tuple[Funding, str]:
    return Funding(funder=None, award_ids=(), text=line), (
        f"The funding entry {quote(line)} cannot be split into a funder and award ids "
        f"with certainty ({problem}); only its text was kept."
    )


def parse_funding_entry(text: str, words: ItemWords = COMMON) -> Funding:
    """Read one funding entry (without its list marker) into funder and award ids.

    The same as :func:`read_funding_entry`, without the reason.

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
    >>> parse_funding_entry("National Basic Research Program of China (973 Program) [2012CB725403]")
    Funding(funder='National Basic Research Program of China (973 Program)', \
award_ids=('2012CB725403',), \
text='National Basic Research Program of China (973 Program) [2012CB725403]')
    """
    return read_funding_entry(text, words)[0]


#: How a sentence of acknowledgement lists its funders: ``This work was (financially)
#: supported by (the) …``.
_LEAD_IN: Final = re.compile(
    r"(?:this|the|our)[ \t]{1,3}(?:work|study|research|project)[ \t]{1,3}(?:was|is|has been)"
    r"[ \t]{1,3}(?:[a-z]{1,15}[ \t]{1,3}){0,2}(?:supported|funded)[ \t]{1,3}by[ \t]{1,3}",
    re.IGNORECASE,
)


def is_open_sentence(text: str) -> bool:
    """Whether *text* starts a sentence of acknowledgement and has not ended it yet.

    >>> is_open_sentence("This work was supported by the NSF [1]; and")
    True
    """
    return not text.rstrip().endswith(".") and _LEAD_IN.match(text.strip()) is not None


def split_funding_sentence(text: str) -> list[str] | None:
    """The funding entries one sentence lists, or ``None`` if it is no such sentence.

    ``This work was supported by A [1]; B [2, 3]; and C.`` lists ``A [1]``, ``B [2,
    3]`` and ``C``: the lead-in and the final full stop are no part of an entry, and
    the entries are separated by semicolons (outside brackets). A sentence that does
    not separate its funders so is not split: where one ends cannot be told.

    Examples:
        >>> split_funding_sentence("This work was supported by the NSF [1]; and NIH.")
        ['the NSF [1]', 'NIH']
        >>> split_funding_sentence("This work was supported by NSF and NIH.") is None
        True
        >>> split_funding_sentence("This study was funded by the Royal Society [RG1, RG2].")
        ['the Royal Society [RG1, RG2]']
        >>> split_funding_sentence("NSF [1]; NIH [2]") is None
        True
    """
    lead = _LEAD_IN.match(text.strip())
    if lead is None:
        return None
    body = text.strip()[lead.end() :].rstrip(" .")
    parts: list[str] = []
    depth = start = 0
    for index, char in enumerate(body):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        elif char == ";" and depth == 0:
            parts.append(body[start:index])
            start = index + 1
    parts.append(body[start:])
    entries = [part.strip().removeprefix("and ").strip() for part in parts]
    if not all(entries):
        return None
    if len(entries) == 1 and _MORE_THAN_ONE.search(_without_brackets(entries[0])):
        return None  # "A and B", "A, B": where one funder ends cannot be told
    return entries


#: What a single entry of a sentence may hold that would join two funders.
_MORE_THAN_ONE: Final = re.compile(r",|\band\b|;")


def _without_brackets(text: str) -> str:
    """*text* without what its brackets hold (``NIH [R01 1, 2]`` -> ``NIH []``)."""
    out: list[str] = []
    depth = 0
    for char in text:
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        elif not depth:
            out.append(char)
    return "".join(out)


def read_funding_cells(
    funder: str, ids: str, words: ItemWords = COMMON
) -> tuple[Funding, str | None, str | None]:
    """Read a funding entry a table row or a definition gives as a funder and its ids.

    Args:
        funder: The funder's cell (a ``<dt>``, a row's first cell).
        ids: The award ids' cell, empty when the row gives none.
        words: The site's buttons, menus and labels.

    Returns:
        As :func:`read_funding_line`: the entry, why it was refused, and what foreign
        text it holds. The ids' cell must hold award ids only.

    Examples:
        >>> read_funding_cells("NSF", "DEB-1832221, OCE-2048444")[0]
        Funding(funder='NSF', award_ids=('DEB-1832221', 'OCE-2048444'), \
text='NSF DEB-1832221, OCE-2048444')
        >>> read_funding_cells("NSF", "since 2019")[1] is not None
        True
    """
    text = f"{funder} {ids}".strip()
    foreign = foreign_text(clean_item(text), words)
    name = _funder(clean_item(funder))
    found: tuple[str, ...] | None = ()
    if ids.strip():
        found = _ids(clean_item(ids), bracket=True)
    if name is None or found is None:
        why = "its ids' cell holds more than award ids" if found is None else "it has no funder"
        return (*_refused(text, why), foreign)
    if (problem := check_funder(name, words)) is not None:
        return (*_refused(text, problem), foreign)
    return Funding(funder=name, award_ids=found, text=text), None, foreign


#: The column headings of a funding table (folded): a row of them is no entry.
FUNDING_COLUMNS: Final = frozenset(
    {
        "funder",
        "funders",
        "funder name",
        "funding agency",
        "funding agencies",
        "agency",
        "funding source",
        "funding body",
        "sponsor",
        "grant",
        "grants",
        "grant number",
        "grant numbers",
        "grant no.",
        "grant id",
        "award",
        "award number",
        "award numbers",
        "award id",
        "award ids",
        "grant ids",
        "project number",
    }
)


def is_column_heading_row(text: str) -> bool:
    r"""Whether *text* is a funding table's heading row (``Funder | Grant number``).

    >>> is_column_heading_row("Funder\tGrant number"), is_column_heading_row("NSF")
    (True, False)
    """
    if len(text) > _MAX_HEADING_ROW:
        return False
    words = text.replace("|", " ").casefold().split()
    index = 0
    while index < len(words):  # (the cells' gaps may be single spaces: one word at a time)
        for size in (3, 2, 1):
            if " ".join(words[index : index + size]) in FUNDING_COLUMNS:
                index += size
                break
        else:
            return False
    return bool(words)


_MAX_HEADING_ROW: Final = 60
