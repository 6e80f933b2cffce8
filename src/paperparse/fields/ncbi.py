r"""NCBI value forms: PubMed and PubMed Central (PMC) citation lines, MeSH terms, grants.

PubMed abstract pages (``pubmed.ncbi.nlm.nih.gov/<PMID>/``) and PMC article pages
(``pmc.ncbi.nlm.nih.gov/articles/PMC…/``, formerly ``www.ncbi.nlm.nih.gov/pmc/articles/``)
write a paper's place in its journal as one NLM citation line::

    Hepatology. 2019 Mar 12;69(3):1055-1068. doi: 10.1002/hep.30000. Epub 2019 Feb 2.
    . 2018 Aug 24;9:227. doi: 10.1186/s13287-018-0972-4
    Published in final edited form as: Antivir Ther. 2017 Feb 14;22(6):523-527. doi: …
    Am J Public Health. 2006 November; 96(11): 1971-1978.

that is ``JOURNAL. DATE;VOLUME(ISSUE):PAGES. doi: DOI. Epub DATE.``, any part but the
date possibly missing. A browser copy often loses the journal's name (a button on the
page), leaving ``. 2020 Jan;577(7788):100-105.``. PubMed abbreviates page ranges the
MEDLINE way (``1203-17`` is 1203-1217); PMC prints them whole, with an en dash (written
as ``-`` in the examples above).

The readers here are pure ``str -> value | None`` functions: ``None`` means "this is not
such a value", and a part the text shows but does not make certain is left empty with
its reason in ``problems`` (clauses the engine turns into warnings). The values are small
frozen attrs classes shaped as the record's schema 1.2 classes will be
(:class:`Published`, :class:`MeshTerm`, :class:`MeshQualifier`), so that they can be
swapped for the model's. Every pattern is anchored and bounded (linear time); most of
the work is done with ``str`` methods.

Sources of the data below: NLM's list of publication types (the funding types are the
``Research Support, …`` entries), the MeSH qualifier (subheading) list, and the grant
entries of PubMed's ``Grants and funding`` section (``ID/ACRONYM/AGENCY/COUNTRY``, the
MEDLINE ``GR`` field).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from typing import Final

import attrs

from ..model import Funding, PageRange
from .doi import parse_doi_line

__all__ = [
    "FUNDING_TYPES",
    "MESH_QUALIFIERS",
    "Citation",
    "MeshQualifier",
    "MeshTerm",
    "NcbiIds",
    "Pages",
    "PublicationTypes",
    "Published",
    "Refused",
    "ShortCitation",
    "expand_page_range",
    "is_funding_type",
    "merge_mesh_terms",
    "read_citation",
    "read_date",
    "read_grant",
    "read_mesh_term",
    "read_ncbi_authors",
    "read_ncbi_ids",
    "read_pages",
    "read_publication_types",
    "read_short_citation",
]


@attrs.frozen
class Published:
    """A publication date as far as the page gives it.

    Attributes:
        year: The year.
        month: The month (1-12), or ``None`` when the page gives none, or gives a
            season or a range of months.
        day: The day of the month, or ``None``.
    """

    year: int
    month: int | None = None
    day: int | None = None


@attrs.frozen
class MeshQualifier:
    """A MeSH qualifier (subheading) of a descriptor: ``pathology`` in ``Liver / pathology*``.

    Attributes:
        name: The qualifier, lower case as PubMed writes it (``prevention & control``).
        major: Whether it is marked as a major topic (``*``).
    """

    name: str
    major: bool = False


@attrs.frozen
class MeshTerm:
    """A MeSH heading: a descriptor, its major-topic mark and its qualifiers.

    Attributes:
        descriptor: The descriptor (``Liver Failure, Acute``).
        major: Whether the descriptor itself is marked as a major topic (``Exosomes*``).
        qualifiers: The qualifiers, in page order.
    """

    descriptor: str
    major: bool = False
    qualifiers: tuple[MeshQualifier, ...] = ()


@attrs.frozen
class Refused:
    """A value the text shows but does not make certain.

    Attributes:
        reason: Why it was not read: a clause for a warning message.
    """

    reason: str


@attrs.frozen
class Pages:
    """The pages part of a citation line: a page range, or an article number.

    Attributes:
        pages: The page range (abbreviated ranges expanded), or ``None``.
        article_number: An article number printed where pages go (``e9862``, ``227``).
        problem: Why the part was left empty, or ``None``.
    """

    pages: PageRange | None = None
    article_number: str | None = None
    problem: str | None = None


@attrs.frozen
class Citation:
    """What an NCBI citation line states.

    Attributes:
        journal: The journal's name as the line gives it (the NLM abbreviation on
            PubMed), or ``None`` when the line starts with ``.`` (the name was lost).
        published: The publication date the line states (never the ``Epub`` date).
        volume: The volume (``69``, ``4 Suppl 2``).
        issue: The issue (``3``, ``3-4``, ``Suppl 1``).
        pages: The page range, abbreviated ranges expanded.
        article_number: An article number printed where pages go.
        doi: The DOI, bare, without ``. Epub …``.
        epub: The ``Epub`` date, when the line gives one.
        author_manuscript: Whether the line is PMC's ``Published in final edited form
            as: …`` of an author manuscript.
        problems: Why parts the line shows were left empty.
    """

    journal: str | None
    published: Published
    volume: str | None = None
    issue: str | None = None
    pages: PageRange | None = None
    article_number: str | None = None
    doi: str | None = None
    epub: Published | None = None
    author_manuscript: bool = False
    problems: tuple[str, ...] = ()


@attrs.frozen
class ShortCitation:
    """PubMed's short citation of the paper: ``Ana Marusic et al. Cochrane Database Syst Rev. .``.

    Attributes:
        first_author: The first author's name as shown.
        journal: The journal's name.
        published: The date, when the short citation still shows one.
        et_al: Whether more authors follow (``et al.``).
    """

    first_author: str
    journal: str
    published: Published | None = None
    et_al: bool = False


@attrs.frozen
class NcbiIds:
    """The identifiers of an NCBI page: ``PMCID: PMC1234567  PMID: 23456789  NIHMSID: …``.

    Attributes:
        pmid: The PubMed id, digits.
        pmcid: The PubMed Central id, ``PMC`` and digits.
        nihmsid: The NIH manuscript id, ``NIHMS`` and digits.
    """

    pmid: str | None = None
    pmcid: str | None = None
    nihmsid: str | None = None


@attrs.frozen
class PublicationTypes:
    """PubMed's publication types, split into the article type and the funding types.

    Attributes:
        article_type: The types that are no funding type, joined with ``"; "`` in page
            order, or ``None`` when every type is a funding type.
        funding_types: The ``Research Support, …`` types, in page order.
    """

    article_type: str | None
    funding_types: tuple[str, ...] = ()


# --- dates -------------------------------------------------------------------------

#: A year of publication: four ASCII digits, 1600-2099.
_YEAR: Final = re.compile(r"(?:1[6-9]|20)[0-9]{2}")
#: A day of the month, or a range of days (``1-15``): one or two ASCII digits each.
_DAYS: Final = re.compile(r"(?P<first>[0-9]{1,2})(?:-(?P<last>[0-9]{1,2}))?")
_MONTHS: Final[dict[str, int]] = {
    **{name.casefold(): number for number, name in enumerate(calendar.month_abbr) if name},
    **{name.casefold(): number for number, name in enumerate(calendar.month_name) if name},
    "sept": 9,
}
#: Seasons, as NLM dates write them: the year is certain, the month is not.
_SEASONS: Final = frozenset({"spring", "summer", "fall", "autumn", "winter"})
#: Dashes a page writes in ranges: hyphen, non-breaking hyphen, figure dash, en dash,
#: em dash, horizontal bar, minus sign.
_DASHES: Final[dict[int, str]] = dict.fromkeys(
    map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-"
)


def _unify_dashes(text: str) -> str:
    return text.translate(_DASHES)


def _month(token: str) -> int | None:
    return _MONTHS.get(token.rstrip(".").casefold())


def read_date(text: str) -> Published | None:
    """Read an NLM date: ``2019 Mar 12``, ``2020 Jan``, ``2019``, ``2006 November``.

    A season (``2019 Spring``) or a range of months (``2019 Jan-Feb``) leaves the month
    empty, and a range of days (``2019 Mar 1-15``) the day: the year (and the month) are
    certain, the rest is not.

    Args:
        text: The date, as written on the page.

    Returns:
        The date; ``None`` when the text is no date or names a day the month does not
        have.

    Examples:
        >>> read_date("2019 Mar 12")
        Published(year=2019, month=3, day=12)
        >>> read_date("2020 Jan"), read_date("2006 November")
        (Published(year=2020, month=1, day=None), Published(year=2006, month=11, day=None))
        >>> read_date("2019 Spring"), read_date("2019 Jan-Feb")
        (Published(year=2019, month=None, day=None), Published(year=2019, month=None, day=None))
        >>> read_date("2019 Mar 1-15")
        Published(year=2019, month=3, day=None)
        >>> read_date("2019 Feb 30") is None, read_date("Mar 2019") is None, read_date("") is None
        (True, True, True)
    """
    tokens = _unify_dashes(text).split()
    if not 1 <= len(tokens) <= 3 or _YEAR.fullmatch(tokens[0]) is None:
        return None
    year = int(tokens[0])
    if len(tokens) == 1:
        return Published(year)
    word = tokens[1].rstrip(".").casefold()
    if word in _SEASONS or "-" in word:
        if len(tokens) > 2:
            return None
        first, _, last = word.partition("-")
        if word in _SEASONS or (_month(first) is not None and _month(last) is not None):
            return Published(year)
        return None
    month = _month(word)
    if month is None:
        return None
    if len(tokens) == 2:
        return Published(year, month)
    days = _DAYS.fullmatch(tokens[2].rstrip("."))
    if days is None:
        return None
    most = calendar.monthrange(year, month)[1]
    first_day = int(days["first"])
    if not 1 <= first_day <= most:
        return None
    if days["last"] is not None:
        last_day = int(days["last"])
        return Published(year, month) if first_day < last_day <= most else None
    return Published(year, month, first_day)


# --- pages -------------------------------------------------------------------------

#: One page: an optional letter prefix (``e``, ``S``, ``MR``), ASCII digits, an optional
#: letter suffix (``123a``).
_PAGE: Final = re.compile(r"(?P<prefix>[A-Za-z]{0,3})(?P<digits>[0-9]{1,9})(?P<suffix>[A-Za-z]?)")
#: A page in lower-case roman numerals (front matter: ``iii-xiv``).
_ROMAN: Final = re.compile(r"[ivxlcdm]{1,12}")
#: An article number printed where pages go: a letter prefix and digits (``e9862``).
_ARTICLE_NUMBER: Final = re.compile(r"[A-Za-z]{1,3}[0-9]{1,12}")


def expand_page_range(text: str) -> PageRange | Refused | None:
    """Read a page range, expanding a MEDLINE-abbreviated last page.

    MEDLINE drops the leading digits the last page shares with the first:
    ``1203-17`` is 1203-1217 and ``175-9`` is 175-179. A range whose last page is
    written whole (``1055-1068``, ``e123-e130``, ``S12-S19``) is kept as printed. Where
    the full last page is not certain (a prefix dropped, ``e123-30``; a last page that
    would not follow the first, ``1299-13``) the range is refused with the reason.

    Args:
        text: The pages part of a citation, any dash.

    Returns:
        The range (or a single page), :class:`Refused` with a reason, or ``None`` when
        the text is no page range.

    Examples:
        >>> expand_page_range("1203-17")
        PageRange(first='1203', last='1217')
        >>> expand_page_range("1055-1068"), expand_page_range("e123-e130")
        (PageRange(first='1055', last='1068'), PageRange(first='e123', last='e130'))
        >>> expand_page_range("308\u2013313"), expand_page_range("175-9")
        (PageRange(first='308', last='313'), PageRange(first='175', last='179'))
        >>> expand_page_range("1299-13")
        Refused(reason="the abbreviated range '1299-13' would end before it starts (1213), so \
its last page is not certain")
        >>> isinstance(expand_page_range("e123-30"), Refused), expand_page_range("12")
        (True, PageRange(first='12', last=None))
        >>> expand_page_range("10.1159/000351698") is None, expand_page_range("1-2-3") is None
        (True, True)
    """
    text = _unify_dashes(text.strip())
    first, dash, last = text.partition("-")
    first, last = first.strip(), last.strip()
    if not dash:
        single = _PAGE.fullmatch(first) or _ROMAN.fullmatch(first)
        return PageRange(first) if single is not None else None
    if "-" in last or not first or not last:
        return None
    if _ROMAN.fullmatch(first) and _ROMAN.fullmatch(last):
        return PageRange(first, last)
    one, two = _PAGE.fullmatch(first), _PAGE.fullmatch(last)
    if one is None or two is None:
        if (one or _ROMAN.fullmatch(first)) and (two or _ROMAN.fullmatch(last)):
            return Refused(f"the range {text!r} mixes arabic and roman page numbers")
        return None
    digits_one, digits_two = one["digits"], two["digits"]
    if two["prefix"] != one["prefix"]:
        return Refused(
            f"the abbreviated range {text!r} drops the first page's prefix, so its "
            "last page is not certain"
        )
    if len(digits_two) >= len(digits_one):
        if int(digits_two) < int(digits_one):
            return Refused(f"the range {text!r} ends before it starts")
        return PageRange(first, last)
    if one["suffix"] or two["suffix"]:
        return Refused(
            f"the abbreviated range {text!r} has lettered pages, so its last page is not certain"
        )
    expanded = digits_one[: len(digits_one) - len(digits_two)] + digits_two
    if int(expanded) <= int(digits_one):
        return Refused(
            f"the abbreviated range {text!r} would end before it starts ({expanded}), "
            "so its last page is not certain"
        )
    return PageRange(first, one["prefix"] + expanded)


def read_pages(text: str, *, issue: bool = True) -> Pages:
    """Read the pages part of a citation line: a range, or an article number.

    A letter-prefixed value (``e9862``, ``MR000038``) is an article number. A lone number
    after a volume with no issue (``9:227``, the form of journals that number their
    articles) is an article number too; after an issue (``395(10223):497``) it may be a
    single page or an article number, and neither is read.

    Args:
        text: The text after the colon of ``VOLUME(ISSUE):PAGES``.
        issue: Whether the citation names an issue.

    Returns:
        The pages or article number, or a :class:`Pages` that holds only the reason
        why the part was not read.

    Examples:
        >>> read_pages("1203-17").pages
        PageRange(first='1203', last='1217')
        >>> read_pages("e9862").article_number, read_pages("227", issue=False).article_number
        ('e9862', '227')
        >>> read_pages("497").problem
        "the single number '497' may be a page or an article number, so neither was read"
        >>> read_pages("10.1159/000351698").problem
        "the pages part '10.1159/000351698' holds no page numbers, so no pages were read"
    """
    value = _unify_dashes(text.strip().rstrip("."))
    if "-" not in value:
        if _ARTICLE_NUMBER.fullmatch(value) and not value[:1].isdigit():
            return Pages(article_number=value)
        if _PAGE.fullmatch(value) and value.isdigit():
            if not issue:
                return Pages(article_number=value)
            return Pages(
                problem=f"the single number {value!r} may be a page or an article number, "
                "so neither was read"
            )
    if "," in value or ";" in value:
        return Pages(
            problem=f"the pages part {value!r} lists several ranges, so no pages were read"
        )
    found = expand_page_range(value)
    if isinstance(found, PageRange):
        return Pages(pages=found)
    if isinstance(found, Refused):
        return Pages(problem=found.reason)
    return Pages(problem=f"the pages part {value!r} holds no page numbers, so no pages were read")


# --- the citation line ------------------------------------------------------------

#: PMC's line for an author manuscript: ``Published in final edited form as: …``.
_FINAL_FORM: Final = "Published in final edited form as:"
#: A volume: digits with an optional letter, optionally a supplement or part
#: (``69``, ``97A``, ``4 Suppl 2``, ``12 Pt 1``), or a supplement alone.
_VOLUME: Final = re.compile(
    r"[0-9]{1,5}[A-Za-z]?(?: (?:Suppl|Pt|Spec No)(?: ?[0-9A-Za-z]{1,4})?){0,2}"
    r"|Suppl(?: ?[0-9A-Za-z]{1,4})?",
)
#: An issue: ``3``, ``3-4``, ``7788``, ``Suppl 1``, ``Pt 2``, ``1 Suppl``, ``Spec No``.
_ISSUE: Final = re.compile(
    r"[0-9A-Za-z]{1,8}(?:-[0-9A-Za-z]{1,8})?(?: (?:Suppl|Pt|Spec No)(?: ?[0-9A-Za-z]{1,4})?){0,2}"
    r"|(?:Suppl|Pt|Spec No|Spec Iss)(?: ?[0-9A-Za-z]{1,4})?",
)
#: The longest journal name read (NLM titles are far shorter).
_MAX_JOURNAL: Final = 300


def _journal(name: str) -> str | None:
    """The journal's name if *name* reads as one: a letter, no citation punctuation.

    >>> _journal("Proceedings (IEEE Int Conf Bioinformatics Biomed)")
    'Proceedings (IEEE Int Conf Bioinformatics Biomed)'
    >>> _journal("Epub 2016 Nov 22. Acta Ophthalmol") is None, _journal("2019") is None
    (True, True)
    """
    name = name.strip()
    if not name or len(name) > _MAX_JOURNAL or not any(map(str.isalpha, name)):
        return None
    if any(mark in name for mark in (". ", ";", "doi:", "://", "PMID")):
        return None  # NLM's names hold no sentence break: this is more than a name
    return name


#: What PubMed writes after the DOI besides dates (``Online ahead of print.``).
_AFTER_DOI: Final = frozenset({"Online ahead of print", "Free PMC article", "Free article"})


def _doi_and_epub(tail: str) -> tuple[str | None, Published | None] | None:
    """The DOI of ``doi: DOI. Epub DATE.`` and the Epub date; ``None`` for more text."""
    rest = tail[4:].lstrip()  # after "doi:"
    token, _, after = rest.partition(" ")
    doi = parse_doi_line("doi: " + token)
    epub: Published | None = None
    for sentence in after.split(". "):
        sentence = sentence.strip().removesuffix(".")
        if not sentence or sentence in _AFTER_DOI:
            continue
        word, _, date = sentence.partition(" ")
        if word == "Epub" and (epub := read_date(date)) is not None:
            continue
        if word in {"eCollection", "Print"} and read_date(date) is not None:
            continue
        return None  # more than a citation: a list entry, a reference
    return doi, epub


def _locator(text: str, problems: list[str]) -> tuple[str | None, str | None, Pages]:
    """Read ``VOLUME(ISSUE):PAGES``; a part that does not read is left out, with why."""
    part, colon, pages_text = text.partition(":")
    part = part.strip()
    volume: str | None = part
    issue: str | None = None
    if part.endswith(")") and "(" in part:
        cut = part.rfind("(")
        volume, issue = part[:cut].strip() or None, part[cut + 1 : -1].strip()
    if (volume is not None and _VOLUME.fullmatch(volume) is None) or (
        issue is not None and _ISSUE.fullmatch(_unify_dashes(issue)) is None
    ):
        problems.append(
            f"the part {part!r} of the citation reads as no volume and issue, so neither was read"
        )
        volume = issue = None
    elif issue is not None:
        issue = _unify_dashes(issue)
    pages = (
        read_pages(pages_text, issue=issue is not None) if colon and pages_text.strip() else Pages()
    )
    if pages.problem is not None:
        problems.append(pages.problem)
    return volume or None, issue, pages


def read_citation(text: str) -> Citation | None:
    r"""Read an NCBI citation line: ``JOURNAL. DATE;VOLUME(ISSUE):PAGES. doi: DOI. Epub DATE.``.

    The forms of PubMed and of PMC (old and new) are read alike: the journal's name may
    be missing (``. 2020 Jan;…``), PMC's author manuscripts start with ``Published in
    final edited form as:``, older PMC pages put blanks after ``;`` and ``:`` and spell
    the month out. The date is the publication date; an ``Epub`` date is kept apart.

    Args:
        text: The line.

    Returns:
        What the line states; ``None`` when it states no date in a citation's place
        (it is no citation line).

    Examples:
        >>> c = read_citation(
        ...     "Hepatology. 2019 Mar 12;69(3):1055-1068. doi: 10.1002/hep.30000. Epub 2019 Feb 2."
        ... )
        >>> c.journal, c.published
        ('Hepatology', Published(year=2019, month=3, day=12))
        >>> c.volume, c.issue, c.pages
        ('69', '3', PageRange(first='1055', last='1068'))
        >>> c.doi, c.epub
        ('10.1002/hep.30000', Published(year=2019, month=2, day=2))
        >>> c = read_citation(". 2020 Jan;577(7788):100-105.")
        >>> c.journal, c.published, c.issue, c.pages
        (None, Published(year=2020, month=1, day=None), '7788', PageRange(first='100', last='105'))
        >>> c = read_citation(". 2018 Aug 24;9:227. doi: 10.1186/s13287-018-0972-4")
        >>> c.volume, c.issue, c.pages, c.article_number, c.doi
        ('9', None, None, '227', '10.1186/s13287-018-0972-4')
        >>> c = read_citation(
        ...     "Published in final edited form as: J Neurol Sci. 2012 Apr 15;315(1-2):41\u201348."
        ... )
        >>> c.journal, c.issue, c.pages, c.author_manuscript
        ('J Neurol Sci', '1-2', PageRange(first='41', last='48'), True)
        >>> read_citation("Am J Public Health. 2006 November; 96(11): 1971\u20131978.").pages
        PageRange(first='1971', last='1978')
        >>> read_citation("BMC Syst Biol. 2010 Sep 13;4 Suppl 2(Suppl 2):S10.").volume
        '4 Suppl 2'
        >>> c = read_citation("J Hepatol. 2019 Spring;70(1):1203-17.")
        >>> c.published, c.pages
        (Published(year=2019, month=None, day=None), PageRange(first='1203', last='1217'))
        >>> read_citation("Nader Sheibani. Some words here.") is None
        True
        >>> read_citation("Res. 2013") is None  # a name and a year alone
        True
        >>> read_citation("2013 Jan;8(1):4-8. J Vis. 2013.") is None  # more than a locator
        True
        >>> read_citation("Acta. 2018;96(1):e1-e9. doi: 10.1111/aos.1. Acta. 2018. PMID: 27874278")
        >>> read_citation(". 2019;7:e1. doi: 10.1/x").problems  # a registrant has 4 to 9 digits
        ("the DOI in 'doi: 10.1/x' is no DOI, so it was not read",)
    """
    line = " ".join(text.split())
    author_manuscript = line.startswith(_FINAL_FORM)
    if author_manuscript:
        line = line[len(_FINAL_FORM) :].strip()
    doi: str | None = None
    epub: Published | None = None
    folded = line.casefold()
    at = 0 if folded.startswith("doi:") else folded.find(" doi:") + 1
    problems: list[str] = []
    if at > 0 or folded.startswith("doi:"):
        tail = _doi_and_epub(line[at:])
        if tail is None:
            return None
        doi, epub = tail
        if doi is None:
            problems.append(f"the DOI in {line[at:]!r} is no DOI, so it was not read")
        line = line[:at].rstrip()
    elif (epub_at := line.find(". Epub ")) > 0:
        epub = read_date(line[epub_at + 7 :].rstrip("."))
        line = line[: epub_at + 1]
    head = line.rstrip().removesuffix(".").rstrip()
    left, semicolon, right = head.partition(";")
    left = left.strip()
    journal: str | None = None
    if left.startswith("."):
        date_text = left[1:]
    else:
        name, dot, date_text = left.rpartition(". ")
        if dot:
            journal = _journal(name)
            if journal is None:
                return None
        else:
            date_text = left
    published = read_date(date_text)
    if published is None or not (semicolon or doi or epub or problems):
        return None  # a name and a year alone ("Res. 2013") are no citation
    if ". " in right:
        return None  # more than a locator follows: a list entry, a reference
    volume = issue = None
    pages = Pages()
    if semicolon and right.strip():
        volume, issue, pages = _locator(right.strip(), problems)
    return Citation(
        journal=journal,
        published=published,
        volume=volume,
        issue=issue,
        pages=pages.pages,
        article_number=pages.article_number,
        doi=doi,
        epub=epub,
        author_manuscript=author_manuscript,
        problems=tuple(problems),
    )


def read_short_citation(text: str) -> ShortCitation | None:
    """Read PubMed's short citation of the paper: ``NAME et al. JOURNAL. DATE.``.

    PubMed repeats the paper as ``Ana Marusic et al. Cochrane Database Syst Rev. .`` (a
    copy may lose the date, as here) or ``Nader Sheibani. J Ophthalmic Vis Res. 2013
    Jan.`` for a single author. It is where a copy that lost the journal's name from the
    citation line still shows it.

    Args:
        text: The line.

    Returns:
        The first author, journal and date; ``None`` for any other line (a similar
        article's citation holds more than this).

    Examples:
        >>> short = read_short_citation("Ana Marusic et al. Cochrane Database Syst Rev. .")
        >>> short.first_author, short.journal, short.published, short.et_al
        ('Ana Marusic', 'Cochrane Database Syst Rev', None, True)
        >>> read_short_citation("Nader Sheibani. J Ophthalmic Vis Res. 2013 Jan.").published
        Published(year=2013, month=1, day=None)
        >>> read_short_citation("Nourinia R, et al. J Ophthal Vis Res. 2013 Jan;8(1):4-8.") is None
        True
    """
    line = " ".join(text.split())
    author, et_al, rest = line.partition(" et al. ")
    if not et_al:
        author, dot, rest = line.partition(". ")
        if not dot:
            return None
    if not author or len(author) > _MAX_NAME or not all(map(_is_name_word, author.split())):
        return None
    parts = [part.strip() for part in rest.split(". ")]
    if len(parts) != 2:
        return None
    journal = _journal(parts[0])
    date_text = parts[1].removesuffix(".").strip()
    published = read_date(date_text) if date_text else None
    if journal is None or (date_text and published is None):
        return None
    return ShortCitation(author, journal, published, bool(et_al))


# --- identifiers -------------------------------------------------------------------

_ID_VALUES: Final[dict[str, re.Pattern[str]]] = {
    "PMID": re.compile(r"[1-9][0-9]{0,8}"),
    "PMCID": re.compile(r"PMC[0-9]{1,9}"),
    "NIHMSID": re.compile(r"NIHMS[0-9]{1,9}"),
}
#: List markers a dump writes before an item (``•``, ``-``, ``*``).
_BULLETS: Final = "\u2022-*\u00b7\u25aa\u25cf"


def _strip_bullet(text: str) -> str:
    text = text.strip()
    if len(text) > 2 and text[0] in _BULLETS and text[1] == " ":
        return text[2:].strip()
    return text


def read_ncbi_ids(text: str) -> NcbiIds | None:
    """Read a line of NCBI identifiers: ``PMCID: PMC3003334  NIHMSID: NIHMS161098  PMID: 21170175``.

    The labels may come in any order, one or several a line (PubMed lists ``PMID:`` and
    ``PMCID:`` as list items). Anything else on the line refuses it.

    Args:
        text: The line.

    Returns:
        The identifiers; ``None`` when the line holds anything but labelled ids, or
        gives one label two values.

    Examples:
        >>> read_ncbi_ids("PMCID: PMC3003334  NIHMSID: NIHMS161098  PMID: 21170175")
        NcbiIds(pmid='21170175', pmcid='PMC3003334', nihmsid='NIHMS161098')
        >>> read_ncbi_ids("  \u2022 PMID: 23825705")
        NcbiIds(pmid='23825705', pmcid=None, nihmsid=None)
        >>> read_ncbi_ids("PMID: 2829168Free PMC article.") is None, read_ncbi_ids("PMID:") is None
        (True, True)
    """
    tokens = _strip_bullet(text).replace(":", ": ").split()
    if not tokens or len(tokens) % 2:
        return None
    found: dict[str, str] = {}
    for label, value in zip(tokens[::2], tokens[1::2], strict=True):
        name = label.removesuffix(":")
        pattern = _ID_VALUES.get(name)
        if not label.endswith(":") or pattern is None or pattern.fullmatch(value) is None:
            return None
        if found.setdefault(name, value) != value:
            return None
    return NcbiIds(found.get("PMID"), found.get("PMCID"), found.get("NIHMSID"))


# --- authors -----------------------------------------------------------------------

#: Affiliation and note marks after a name: numbers, single lower-case letters,
#: footnote signs, and the caret w3m writes for ``<sup>``.
_MARK: Final = re.compile(r"[0-9]{1,3}|[a-z]|[*\u2020\u2021\u00a7\u00b6#^\u00b9\u00b2\u00b3]{1,3}")
#: A mark glued to the end of a name (``Yu1``, ``Soares*``).
_GLUED_MARK: Final = re.compile(r"(?<=[^\W\d_])(?:[0-9]{1,3}|[*\u2020\u2021^]{1,3})")
#: Lines that name a group the authors wrote for: ``for the Brazilian Network …``.
_GROUP_PREFIXES: Final = ("for the ", "on behalf of the ", "for ", "on behalf of ")
_MAX_NAME: Final = 200


def _strip_marks(piece: str) -> str:
    words = piece.split()
    while len(words) > 1 and _MARK.fullmatch(words[-1]):
        words.pop()
    name = " ".join(words)
    glued = _GLUED_MARK.search(name[-4:]) if name else None
    if glued is not None:
        name = name[: len(name) - 4 + glued.start()]
    return name


def _is_name(name: str) -> bool:
    """A personal name: two words or more, letters, no digits or citation marks."""
    return (
        1 < len(name) <= _MAX_NAME
        and " " in name
        and any(map(str.isalpha, name))
        and not any(map(str.isdigit, name))
        and not any(mark in name for mark in ("(", ")", ":", ";", "/", "@", "et al"))
    )


def _is_name_word(word: str) -> bool:
    """A word of a personal name: letters, with hyphens and apostrophes."""
    return word.replace("-", "").replace("'", "").replace("\u2019", "").isalpha()


def read_ncbi_authors(text: str) -> tuple[str, ...] | None:
    """Read an NCBI author line, dropping affiliation marks.

    PMC writes ``Hong Yu 1, Shashank Agarwal 1,2, Nadya Frid 1``; marks may be letters
    (``Marsal Sanches a``) and end in a comma (``Yijia Li 1,2,, Jing Xie 1,3,``), a
    corresponding author gets ``*``. A last item ``for the GROUP`` names the group the
    authors wrote for, read as a (collective) author ``GROUP``.

    Args:
        text: The line.

    Returns:
        The names in order; ``None`` when an item is no name (never a half-read list).

    Examples:
        >>> read_ncbi_authors("Hong Yu 1, Shashank Agarwal 1,2, Nadya Frid 1")
        ('Hong Yu', 'Shashank Agarwal', 'Nadya Frid')
        >>> read_ncbi_authors("Yijia Li 1,2,, Chloe L Thio 4,*,, Taisheng Li 1,3,*,")
        ('Yijia Li', 'Chloe L Thio', 'Taisheng Li')
        >>> read_ncbi_authors("Marsal Sanches a, Hugo Ribeiro Zanetti a,b, Jair C Soares c,*")
        ('Marsal Sanches', 'Hugo Ribeiro Zanetti', 'Jair C Soares')
        >>> read_ncbi_authors("Leonardo Roever a,, Giuseppe Biondi-Zoccai p, for the Network (NET)")
        ('Leonardo Roever', 'Giuseppe Biondi-Zoccai', 'Network (NET)')
        >>> read_ncbi_authors("Nader Sheibani^  1"), read_ncbi_authors("Hong Yu1, Nadya Frid2,3")
        (('Nader Sheibani',), ('Hong Yu', 'Nadya Frid'))
        >>> read_ncbi_authors("PMCID: PMC3003334") is None
        True
        >>> read_ncbi_authors("Smith J, et al.") is None
        True
    """
    line = " ".join(text.split())
    names: list[str] = []
    for raw in line.split(","):
        piece = raw.strip()
        if not piece or _MARK.fullmatch(piece):
            if not names and piece:
                return None  # marks before any name
            continue
        for prefix in _GROUP_PREFIXES:
            if piece.startswith(prefix) and len(piece) > len(prefix):
                group = piece[len(prefix) :].strip()
                if not any(map(str.isalpha, group)) or len(group) > _MAX_NAME:
                    return None
                names.append(group)
                break
        else:
            name = _strip_marks(piece)
            if not _is_name(name):
                return None
            names.append(name)
    return tuple(names) or None


# --- publication types, MeSH, grants -------------------------------------------------

#: NLM's funding publication types (the ``Research Support, …`` entries of the
#: publication type list, current and retired): they say who paid, not what the paper
#: is. Any type starting with ``Research Support, `` is read as one.
FUNDING_TYPES: Final = frozenset(
    {
        "Research Support, American Recovery and Reinvestment Act",
        "Research Support, N.I.H., Extramural",
        "Research Support, N.I.H., Intramural",
        "Research Support, Non-U.S. Gov't",
        "Research Support, U.S. Gov't, Non-P.H.S.",
        "Research Support, U.S. Gov't, P.H.S.",
        "Research Support, U.S. Gov't",
    }
)
_FUNDING_PREFIX: Final = "Research Support, "
#: A publication type: words of letters, with NLM's punctuation (``Clinical Trial,
#: Phase III``, ``Research Support, Non-U.S. Gov't``).
_PUBLICATION_TYPE: Final = re.compile(r"[A-Z][A-Za-z0-9 ,.'\u2019()/&-]{1,99}")


def is_funding_type(text: str) -> bool:
    """Return whether *text* is a funding publication type (``Research Support, …``).

    >>> is_funding_type("Research Support, Non-U.S. Gov't"), is_funding_type("Review")
    (True, False)
    """
    text = text.strip()
    return text in FUNDING_TYPES or text.startswith(_FUNDING_PREFIX)


def read_publication_types(items: Iterable[str]) -> PublicationTypes | None:
    """Split PubMed's publication types into the article type and the funding types.

    Args:
        items: The items of the ``Publication types`` list, in page order (a list
            marker before an item is dropped; a type given twice counts once).

    Returns:
        The article type (the types that are no funding type, joined with ``"; "``)
        and the funding types; ``None`` when an item is no publication type.

    Examples:
        >>> read_publication_types(["Review", "Research Support, Non-U.S. Gov't"])
        PublicationTypes(article_type='Review', funding_types=("Research Support, Non-U.S. Gov't",))
        >>> read_publication_types(["Randomized Controlled Trial", "Case Reports"]).article_type
        'Randomized Controlled Trial; Case Reports'
        >>> read_publication_types(["Research Support, N.I.H., Extramural"]).article_type is None
        True
        >>> read_publication_types(["Review", "Search in PubMed: x"]) is None
        True
    """
    kept: list[str] = []
    funding: list[str] = []
    for item in items:
        value = " ".join(_strip_bullet(item).split())
        if not value:
            continue
        if _PUBLICATION_TYPE.fullmatch(value) is None:
            return None
        bucket = funding if is_funding_type(value) else kept
        if value not in bucket:
            bucket.append(value)
    if not kept and not funding:
        return None
    return PublicationTypes("; ".join(kept) or None, tuple(funding))


#: MeSH qualifiers (subheadings), as PubMed writes them, current and retired.
MESH_QUALIFIERS: Final = frozenset(
    {
        "abnormalities", "administration & dosage", "adverse effects", "agonists",
        "analogs & derivatives", "analysis", "anatomy & histology", "antagonists & inhibitors",
        "biosynthesis", "blood", "blood supply", "cerebrospinal fluid", "chemical synthesis",
        "chemically induced", "chemistry", "classification", "complications", "congenital",
        "contraindications", "cytology", "deficiency", "diagnosis", "diagnostic imaging",
        "diagnostic use", "diet therapy", "drug effects", "drug therapy", "economics",
        "education", "embryology", "enzymology", "epidemiology", "ethics", "ethnology",
        "etiology", "genetics", "growth & development", "history", "immunology", "injuries",
        "innervation", "instrumentation", "isolation & purification",
        "legislation & jurisprudence", "manpower", "metabolism", "methods", "microbiology",
        "mortality", "nursing", "organization & administration", "parasitology",
        "pathogenicity", "pathology", "pharmacokinetics", "pharmacology", "physiology",
        "physiopathology", "poisoning", "prevention & control", "psychology",
        "radiation effects", "radiography", "radionuclide imaging", "radiotherapy",
        "rehabilitation", "secondary", "standards", "statistics & numerical data",
        "supply & distribution", "surgery", "therapeutic use", "therapy", "toxicity",
        "transmission", "transplantation", "trends", "ultrasonography", "ultrastructure",
        "urine", "utilization", "veterinary", "virology",
    }
)  # fmt: skip
#: A MeSH descriptor: a letter or digit, then the characters NLM's names use
#: (``Liver Failure, Acute``, ``gamma-Aminobutyric Acid``, ``Receptor, ErbB-2``).
_DESCRIPTOR: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9 ,.'\u2019()\[\]+&-]{0,149}")


def read_mesh_term(text: str) -> MeshTerm | None:
    """Read one item of PubMed's ``MeSH terms`` list.

    ``*`` marks a major topic: after the descriptor (``Exosomes*``,
    ``Mesenchymal Stem Cells* / metabolism``) the descriptor is major, after a
    qualifier (``Liver / pathology*``) that qualifier is.

    Args:
        text: The item (a list marker before it is dropped).

    Returns:
        The term; ``None`` when the item is no MeSH term (a qualifier MeSH does not
        have, a second ``*``, text around it).

    Examples:
        >>> term = read_mesh_term("Liver / pathology*")
        >>> term.descriptor, term.major, term.qualifiers
        ('Liver', False, (MeshQualifier(name='pathology', major=True),))
        >>> read_mesh_term("Exosomes*")
        MeshTerm(descriptor='Exosomes', major=True, qualifiers=())
        >>> read_mesh_term("Humans")
        MeshTerm(descriptor='Humans', major=False, qualifiers=())
        >>> read_mesh_term("Mesenchymal Stem Cells* / metabolism").major
        True
        >>> term = read_mesh_term("Liver Failure, Acute / therapy* / prevention & control")
        >>> [q.name for q in term.qualifiers]
        ['therapy', 'prevention & control']
        >>> read_mesh_term("Liver / Search in PubMed") is None, read_mesh_term("Liv*er") is None
        (True, True)
    """
    parts = [part.strip() for part in _strip_bullet(text).split("/")]
    head = parts[0]
    major = head.endswith("*")
    descriptor = head.removesuffix("*").strip()
    if "*" in descriptor or _DESCRIPTOR.fullmatch(descriptor) is None:
        return None
    qualifiers: list[MeshQualifier] = []
    for part in parts[1:]:
        starred = part.endswith("*")
        name = part.removesuffix("*").strip()
        if name not in MESH_QUALIFIERS:
            return None
        qualifiers.append(MeshQualifier(name, starred))
    return MeshTerm(descriptor, major, tuple(qualifiers))


def merge_mesh_terms(terms: Iterable[MeshTerm]) -> tuple[MeshTerm, ...]:
    """Merge the items of one descriptor into one heading, in first-seen order.

    PubMed lists a descriptor with two qualifiers as two items (``Liver / metabolism``,
    ``Liver / pathology*``); the record holds one heading with both qualifiers.

    >>> merged = merge_mesh_terms([read_mesh_term("Liver / metabolism"),
    ...     read_mesh_term("Humans"), read_mesh_term("Liver / pathology*")])
    >>> [(t.descriptor, [(q.name, q.major) for q in t.qualifiers]) for t in merged]
    [('Liver', [('metabolism', False), ('pathology', True)]), ('Humans', [])]
    """
    order: list[str] = []
    heads: dict[str, tuple[bool, list[MeshQualifier]]] = {}
    for term in terms:
        if term.descriptor not in heads:
            order.append(term.descriptor)
            heads[term.descriptor] = (term.major, [])
        major, qualifiers = heads[term.descriptor]
        heads[term.descriptor] = (major or term.major, qualifiers)
        qualifiers.extend(q for q in term.qualifiers if q not in qualifiers)
    return tuple(MeshTerm(d, heads[d][0], tuple(heads[d][1])) for d in order)


#: The countries PubMed's grant entries end with.
_GRANT_COUNTRIES: Final = frozenset(
    {
        "Australia", "Austria", "Belgium", "Brazil", "Canada", "China", "Denmark", "Finland",
        "France", "Germany", "India", "International", "Ireland", "Israel", "Italy", "Japan",
        "Netherlands", "New Zealand", "Norway", "Portugal", "Singapore", "South Africa",
        "Spain", "Sweden", "Switzerland", "United Kingdom", "United States",
    }
)  # fmt: skip
#: The acronym of a grant entry: NIH's institute code (``HL``), or an agency's
#: (``MRC_``, ``WT_``, ``ImNIH``, ``CAPMC``).
_GRANT_ACRONYM: Final = re.compile(r"[A-Za-z0-9_]{1,10}")
#: A grant id: a short code with a digit (``R01 HL148431``, ``MR/N013867/1``).
_GRANT_ID: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9 ./_-]{0,39}")
_MAX_AGENCY: Final = 150


def read_grant(text: str) -> Funding | None:
    """Read one entry of PubMed's ``Grants and funding``: ``ID/ACRONYM/AGENCY/COUNTRY``.

    The agency is the funder and the id (which may hold ``/`` itself, as UK grants do)
    the award id; an entry without an id (``WT_/Wellcome Trust/United Kingdom``) names
    the funder only. Older entries leave the country out (``GM47462/GM/NIGMS``).

    Args:
        text: The entry.

    Returns:
        The funding entry (``text`` as shown); ``None`` when the entry is not of this form.

    Examples:
        >>> grant = read_grant("R01 HL148431/HL/NHLBI NIH HHS/United States")
        >>> grant.funder, grant.award_ids, grant.text
        ('NHLBI NIH HHS', ('R01 HL148431',), 'R01 HL148431/HL/NHLBI NIH HHS/United States')
        >>> read_grant("MR/N013867/1/MRC_/Medical Research Council/United Kingdom").award_ids
        ('MR/N013867/1',)
        >>> read_grant("WT_/Wellcome Trust/United Kingdom").award_ids
        ()
        >>> read_grant("GM47462/GM/NIGMS").funder
        'NIGMS'
        >>> read_grant("Supported by NIH") is None, read_grant("R01/HL/") is None
        (True, True)
    """
    entry = " ".join(_strip_bullet(text).split())
    parts = [part.strip() for part in entry.split("/")]
    if len(parts) < 3:
        return None
    country = parts[-1] in _GRANT_COUNTRIES
    rest = parts[:-1] if country else parts
    if len(rest) < 2:
        return None
    agency, acronym, id_parts = rest[-1], rest[-2], rest[:-2]
    if not country and not id_parts:
        return None  # "A/B/C" with no known country: which part is what?
    grant_id = "/".join(id_parts)
    if (
        _GRANT_ACRONYM.fullmatch(acronym) is None
        or not agency
        or len(agency) > _MAX_AGENCY
        or not any(map(str.isalpha, agency))
        or (
            grant_id
            and (_GRANT_ID.fullmatch(grant_id) is None or not any(map(str.isdigit, grant_id)))
        )
    ):
        return None
    return Funding(agency, (grant_id,) if grant_id else (), entry)
