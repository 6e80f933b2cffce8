"""The journal locator line: ``Volume 97, Issue 8, Pages 1065-1084``."""

from __future__ import annotations

import re
from typing import Final

import attrs

from ..model import PageRange
from ..normalize import is_dash, unify_dashes

#: One part of the locator: a keyword and its value, up to the next comma/semicolon.
_PART: Final = re.compile(
    r"(?P<key>volume|vol\.?|issue|no\.|no(?=[ \t])|number|pages|page|pp\.?|p\.|"
    r"article number|article no\.?|article|art\. no\.?|e-?location|"
    r"卷|期|页码)"  # the Chinese interface: volume, issue, pages
    r"[ \t]{0,3}:?[ \t]{0,3}(?P<value>[^,;]{0,200})",
    re.IGNORECASE | re.ASCII,
)
_KEYS: Final[dict[str, str]] = {
    "volume": "volume",
    "vol": "volume",
    "vol.": "volume",
    "issue": "issue",
    "no.": "issue",
    "no": "issue",
    "number": "issue",
    "pages": "pages",
    "page": "pages",
    "pp": "pages",
    "pp.": "pages",
    "p.": "pages",
    "卷": "volume",
    "期": "issue",
    "页码": "pages",
}
#: An article number printed where pages go: a letter prefix and digits (``e70067``).
#: Numbers are read from ASCII digits only (``[0-9]``, docs/text-input.md), and every
#: repetition is bounded: a value has a natural maximum length, and a long token that
#: fails must not make the engine try each split of it.
_ARTICLE_NUMBER: Final = re.compile(r"[A-Za-z]{1,3}[0-9]{1,12}")
_PAGE: Final = re.compile(r"[A-Za-z]{0,3}[0-9]{1,12}[A-Za-z]?|[ivxlcdm]{1,12}", re.IGNORECASE)
#: A volume, issue or article number: up to three words, at least one digit.
_VALUE: Final = re.compile(
    r"[\w.\-/()]{0,30}[0-9][\w.\-/()]{0,30}(?: [\w.\-/()]{1,30}){0,2}"
    r"|[A-Za-z.]{1,30} [0-9][\w.\-/()]{0,30}",
    re.ASCII,
)


#: The parts of a locator line are separated by commas or semicolons (blanks around a
#: separator are stripped from the parts, not matched: a run of blanks stays linear).
_CHUNKS: Final = re.compile(r"[,;]")
#: Where a part starts in a line that starts with the volume and has no separators
#: (``Volume 97 Issue 8 Pages 1065-1084``, ``Vol 97 No 8 pp 1065-1084``): a key after
#: a blank.
_SPACED_KEY: Final = re.compile(
    r"[ \t](?=(?:issue|no\.?|pages|pp\.?|article number|article no\.?)[ \t])",
    re.IGNORECASE,
)
#: The publication date some pages add at the end (``…, Published: AUG 2019``): no
#: part of the locator, and the record has no field for it.
_PUBLISHED: Final = re.compile(r"[,;]?[ \t]{0,3}published[ \t]{0,3}:", re.IGNORECASE)
#: A volume written with its issue: ``97(8)``.
_VOLUME_AND_ISSUE: Final = re.compile(r"([0-9A-Za-z]{1,12})\(([0-9A-Za-z\-]{1,12})\)", re.ASCII)


#: The compact form citations use: ``97(8): 1065-1084``, ``97(8)``, ``97: 1065-1084``.
_COMPACT: Final = re.compile(
    r"([0-9]{1,6}[A-Za-z]?)(?:\(([0-9A-Za-z]{1,8}(?:-[0-9A-Za-z]{1,8})?)\))?"
    r"(?:[ \t]{0,3}:[ \t]{0,3}([A-Za-z0-9\-]{1,40}))?",
    re.ASCII,
)


@attrs.frozen
class Locator:
    """The parts of a locator line; ``None`` where the page leaves a part out."""

    volume: str | None = None
    issue: str | None = None
    pages: PageRange | None = None
    article_number: str | None = None


def _value(raw: str) -> str | None:
    value = unify_dashes(raw.rstrip("."))
    if not value or is_dash(value) or _VALUE.fullmatch(value) is None:
        return None
    return value


def parse_pages(text: str) -> tuple[PageRange | None, str | None] | None:
    r"""Read a page range, a single page, or an article number printed as pages.

    Returns ``(pages, article_number)``, or ``None`` when *text* is not pages.

    >>> parse_pages("1065\u20131084")
    (PageRange(first='1065', last='1084'), None)
    >>> parse_pages("e70067")
    (None, 'e70067')
    >>> parse_pages("5")
    (PageRange(first='5', last=None), None)
    >>> parse_pages("S12-S19")
    (PageRange(first='S12', last='S19'), None)
    """
    text = unify_dashes(text.strip())
    if "-" in text:
        first, _, last = text.partition("-")
        if _PAGE.fullmatch(first) and _PAGE.fullmatch(last):
            return PageRange(first, last), None
        return None
    if _ARTICLE_NUMBER.fullmatch(text) and text[0] not in "0123456789":
        return None, text
    if _PAGE.fullmatch(text):
        return PageRange(text), None
    return None


def parse_locator(text: str) -> Locator | None:
    r"""Read ``Volume 97, Issue 8, Pages 1065-1084`` and its variants.

    Any part may be missing or shown as ``-``. Returns ``None`` when the line is not
    a locator or one of its parts cannot be read (never a half-read guess).

    >>> parse_locator("Volume 97, Issue 8, Pages 1065-1084")
    Locator(volume='97', issue='8', pages=PageRange(first='1065', last='1084'), article_number=None)
    >>> parse_locator("Volume 12, Article Number e70067")
    Locator(volume='12', issue=None, pages=None, article_number='e70067')
    >>> parse_locator("Volume -, Issue -, Pages -")
    Locator(volume=None, issue=None, pages=None, article_number=None)
    >>> parse_locator("Volume 97A, Issue 3\u20134, Pages e70067")
    Locator(volume='97A', issue='3-4', pages=None, article_number='e70067')
    >>> parse_locator("Volume 97, Issue 8, Pages ???") is None
    True
    >>> parse_locator("Vol. 97(8), pp. 1065-1084").issue
    '8'
    >>> parse_locator("Vol 97 No 8 pp 1065-1084")
    Locator(volume='97', issue='8', pages=PageRange(first='1065', last='1084'), article_number=None)
    >>> parse_locator("Volume 97, Issue 8, Pages 1065-1084, Published: AUG 2019").pages
    PageRange(first='1065', last='1084')
    >>> parse_locator("97(8): 1065\u20131084")
    Locator(volume='97', issue='8', pages=PageRange(first='1065', last='1084'), article_number=None)
    """
    if text[:1].isdigit():
        return _compact(text)
    found: dict[str, str | None] = {}
    pages: PageRange | None = None
    rest = text.strip()
    if "ublished" in rest and (published := _PUBLISHED.search(rest)) is not None:
        rest = rest[: published.start()].rstrip()
    if "," in rest or ";" in rest or rest[:3].casefold() != "vol":
        chunks = _CHUNKS.split(rest)
    else:  # "Volume 97 Issue 8 Pages 1065-1084": the keys are the separators
        chunks = _SPACED_KEY.split(rest)
    for chunk in map(str.strip, chunks):
        if not chunk:
            continue
        match = _PART.fullmatch(chunk)
        if match is None:
            return None
        key, raw = match.group("key", "value")
        raw = raw.strip()
        if not raw:
            return None
        slot = _KEYS.get(key.lower(), "article_number")
        if slot in found:
            return None
        value = _value(raw)
        if slot == "pages" and value is not None:
            read = parse_pages(value)
            if read is None:
                return None
            pages, number = read
            if number is not None:
                if "article_number" in found:
                    return None
                found["article_number"] = number
            found["pages"] = None
            continue
        if slot == "article_number" and value is not None and " " in value:
            return None
        if value is None and not is_dash(raw):
            return None
        found[slot] = value
    if not found:
        return None
    volume = found.get("volume")
    if volume is not None and "(" in volume:
        both = _VOLUME_AND_ISSUE.fullmatch(volume)
        if both is None or found.get("issue") is not None:
            return None  # brackets that are no issue, or an issue given twice
        found["volume"], found["issue"] = both[1], both[2]
    return Locator(found.get("volume"), found.get("issue"), pages, found.get("article_number"))


def _compact(text: str) -> Locator | None:
    r"""Read the compact form: ``97(8): 1065-1084``, ``97(8)``, ``97: 1065-1084``.

    A volume alone, or with a single page (``22: 3``), is no locator: a number could
    be anything.

    >>> _compact("22(4)")
    Locator(volume='22', issue='4', pages=None, article_number=None)
    >>> _compact("22: 3") is None, _compact("2021") is None
    (True, True)
    """
    match = _COMPACT.fullmatch(unify_dashes(text.strip()))
    if match is None:
        return None
    volume, issue, where = match.groups()
    pages: PageRange | None = None
    number: str | None = None
    if where:
        read = parse_pages(where)
        if read is None:
            return None
        pages, number = read
    if issue is None and (pages is None or pages.last is None) and number is None:
        return None
    return Locator(volume, issue, pages, number)
