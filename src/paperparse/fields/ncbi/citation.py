r"""NCBI citation lines, dates and page ranges, and PubMed's short citation.

The forms are described in :mod:`paperparse.fields.ncbi`: an NLM citation line is
``JOURNAL. DATE;VOLUME(ISSUE):PAGES. doi: DOI. Epub DATE.``, any part but the date
possibly missing; PubMed abbreviates page ranges the MEDLINE way (``1203-17`` is
1203-1217). Every reader is a pure ``str -> value | None`` function.
"""

from __future__ import annotations

import calendar
import re
from typing import Final

import attrs

from ...model import PageRange, Published
from ..doi import parse_doi_line
from .lists import MAX_NAME, is_name_word

__all__ = [
    "Citation",
    "Pages",
    "Refused",
    "ShortCitation",
    "expand_page_range",
    "read_citation",
    "read_date",
    "read_pages",
    "read_short_citation",
]


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
    if not author or len(author) > MAX_NAME or not all(map(is_name_word, author.split())):
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
