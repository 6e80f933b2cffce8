r"""Citation-index value forms: a journal line with the year, a DOI link line, a funder.

Citation indexes such as OUCI (``ouci.dntb.gov.ua``) show the journal block as one
line: the name, the year, ``№`` and the issue, ``p.`` (``с.`` in Ukrainian) and the
pages, in one of two orders::

    Environmental Geochemistry and Health, 2023, № 11, p. 7569-7584
    2021, Annals of Biomedical Engineering, № 10, p. 2901-2913

There is no volume. A single number after ``p.`` may be a page or an article number
(MDPI numbers its articles, and the index shows the number where pages go): it is
neither read nor guessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

import attrs

from ..model import PageRange
from ..normalize import unify_dashes
from .doi import DOI_PREFIX, parse_doi_line
from .journal import Locator

#: A year of publication: four ASCII digits, 1600-2099.
_YEAR: Final = re.compile(r"(?:1[6-9]|20)[0-9]{2}")
#: The pages part: ``p. 7569-7584`` or ``с. 12-25`` (Cyrillic es), any dash.
_PAGES: Final = re.compile(r"(?:p|pp|с)\.[ \t]{0,3}(?P<value>[^,]{1,40})", re.IGNORECASE)
#: The issue part: ``№ 11``, ``№11``, ``№ 3-4``, ``№ Suppl 1``.
_ISSUE: Final = re.compile(r"№[ \t]{0,3}(?P<value>[\w./\-]{1,20}(?: [\w./\-]{1,20}){0,2})")
#: One page of a range: digits with an optional letter prefix or suffix (``e12``, ``S3``).
_PAGE: Final = re.compile(r"[A-Za-z]{0,3}[0-9]{1,12}[A-Za-z]?|[ivxlcdm]{1,12}", re.IGNORECASE)
#: What a name never holds: a DOI, an address, the issue sign.
_NOT_IN_NAME: Final = re.compile(rf"{DOI_PREFIX}|://|№")
_MAX_NAME: Final = 300


@attrs.frozen
class JournalLine:
    """What a journal line states.

    Attributes:
        name: The journal's (or, for a book chapter, the book's) name.
        year: The year of publication, as written.
        locator: The issue and pages (never a volume: the line shows none).
        problem: Why a part the line shows was left out (a single page number that may
            be an article number), or ``None``.
    """

    name: str
    year: str | None = None
    locator: Locator = attrs.field(factory=Locator)
    problem: str | None = None


def _split_last(text: str) -> tuple[str, str]:
    """``("Name, 2018", "p. 5")`` from ``"Name, 2018, p. 5"``: the text and its last part."""
    head, _, last = text.rpartition(",")
    return head.rstrip(), last.strip()


def read_journal_line(text: str) -> JournalLine | None:
    """Read a citation index's journal line, or return ``None`` if it is not one.

    Args:
        text: The line (after the ``Journal`` label).

    Returns:
        The name, year, issue and pages; ``None`` when the line does not read as a
        name with at most a year, an issue and pages (never a half-read guess).

    Examples:
        >>> line = read_journal_line("Geochemistry and Health, 2023, № 11, p. 7569-7584")
        >>> line.name, line.year, line.locator.issue, line.locator.pages
        ('Geochemistry and Health', '2023', '11', PageRange(first='7569', last='7584'))
        >>> line = read_journal_line("2021, Annals of Biomedicine, № 10, с. 2901\u20132913")
        >>> line.name, line.year, line.locator.pages.last
        ('Annals of Biomedicine', '2021', '2913')
        >>> read_journal_line("Burns & Trauma, 2018")
        JournalLine(name='Burns & Trauma', year='2018', \
locator=Locator(volume=None, issue=None, pages=None, article_number=None), problem=None)
        >>> line = read_journal_line("Fibers, 2023, № 2, p. 15")
        >>> line.locator.pages is None and line.problem is not None
        True
        >>> read_journal_line("2020, Name, 2021") is None, read_journal_line("2018") is None
        (True, True)
    """
    rest = " ".join(text.split()).strip(" .")
    pages: PageRange | None = None
    issue: str | None = None
    problem: str | None = None
    head, last = _split_last(rest)
    if head and (found := _PAGES.fullmatch(last)) is not None:
        value = unify_dashes(found["value"].strip())
        first, dash, end = value.partition("-")
        if dash and _PAGE.fullmatch(first.strip()) and _PAGE.fullmatch(end.strip()):
            pages = PageRange(first.strip(), end.strip())
        elif not dash and _PAGE.fullmatch(value):
            problem = (
                f"the single number {last!r} may be a page or an article "
                "number (some publishers number their articles), so neither was read"
            )
        else:
            return None
        rest = head
        head, last = _split_last(rest)
    if head and (found := _ISSUE.fullmatch(unify_dashes(last))) is not None:
        issue = found["value"]
        rest = head
    year: str | None = None
    first_part, _, after = rest.partition(",")
    head, last = _split_last(rest)
    starts = _YEAR.fullmatch(first_part.strip()) is not None and bool(after.strip())
    ends = bool(head) and _YEAR.fullmatch(last) is not None
    if starts and ends:
        return None  # "2020, Name, 2021": which is the year?
    if starts:
        year, name = first_part.strip(), after.strip()
    elif ends:
        year, name = last, head
    else:
        name = rest
    if len(name) > _MAX_NAME or _NOT_IN_NAME.search(name) or not any(map(str.isalpha, name)):
        return None  # (a name has a letter: "2018" alone is a year, not a journal)
    return JournalLine(name, year, Locator(issue=issue, pages=pages), problem)


#: A list bullet that a dump glued to the end of the line before the item (``… -``).
GLUED_BULLETS: Final = (" -", " *", " \u2022")


def read_doi_link_line(text: str, suffixes: Iterable[str]) -> tuple[str, bool] | None:
    """Read a DOI line that ends in the site's link text (``https://doi.org/… · Full text``).

    A list bullet glued to the end of the line (``… -``) is dropped first.

    Args:
        text: The line.
        suffixes: The site's link texts that may follow the DOI, folded
            (``"· full text"``, ``"·"``).

    Returns:
        The DOI and whether a link text followed it; ``None`` if the line is no DOI
        line.

    Examples:
        >>> read_doi_link_line("https://doi.org/10.1186/s41038-0138-8 · Full text", ["· full text"])
        ('10.1186/s41038-0138-8', True)
        >>> read_doi_link_line("https://doi.org/10.1186/s41038-018-0138-8 -", ["·"])
        ('10.1186/s41038-018-0138-8', False)
        >>> read_doi_link_line("https://doi.org/10.1/x · Read", ["·"]) is None
        True
    """
    text = text.rstrip()
    for bullet in GLUED_BULLETS:
        if text.endswith(bullet) and len(text) > len(bullet):
            text = text[: -len(bullet)].rstrip()
            break
    folded = text.casefold()
    matched = False
    for suffix in sorted(suffixes, key=len, reverse=True):
        if folded.endswith(" " + suffix):
            text = text[: -len(suffix) - 1].rstrip()
            matched = True
            break
    doi = parse_doi_line(text)
    return None if doi is None else (doi, matched)
