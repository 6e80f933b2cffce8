"""The public record: frozen, slotted attrs classes (schema v1.2).

Attribute names are the JSON keys. Lists are tuples in Python (the record is
immutable and hashable) and arrays in JSON. See ``docs/schema.md``.

Schema 1.1 added ``categories``, ``summary``, ``source.language`` and the optional
``provenance``; schema 1.2 added ``pmid``, ``pmcid``, ``published`` and ``mesh_terms``
(for PubMed and PubMed Central pages). Records of an older schema (without them) still
load, with the new fields empty.

The classes check the values whose shape is fixed (identifiers, dates): a value of
the wrong shape raises :class:`ValueError`, one of the wrong type :class:`TypeError`.
"""

from __future__ import annotations

import calendar
import re
from typing import Final, Literal, NoReturn

import attrs

from .specs import SPECS

#: The version of the record layout (``docs/schema.md``): additions bump the minor part.
SCHEMA_VERSION: Final = "1.2"

#: A PubMed id: ASCII digits, no leading zero (``31234567``).
PMID_PATTERN: Final = re.compile(r"[1-9][0-9]{0,8}")
#: A PubMed Central id: ``PMC`` and ASCII digits (``PMC6543210``).
PMCID_PATTERN: Final = re.compile(r"PMC[0-9]{1,9}")
#: The years a publication date may have.
YEARS: Final = range(1600, 2100)

#: The record's values, dotted for a part of the journal or rating block, in record
#: order: what provenance and the batch report speak of (the specs of
#: :mod:`paperparse.specs` but the site's buttons).
VALUE_FIELDS: Final = tuple(spec.name for spec in SPECS if spec.about_paper)

#: Field metadata: the key is left out of ``to_dict()`` while the field holds its default.
OMIT_IF_DEFAULT: Final = "omit_if_default"
#: Field metadata: what the JSON Schema (:mod:`paperparse.schema`) adds to the field's
#: type, the checks of its shape that JSON Schema can state (a pattern, a range).
JSON_SCHEMA: Final = "json_schema"


def _pattern(pattern: re.Pattern[str]) -> dict[str, dict[str, str]]:
    return {JSON_SCHEMA: {"pattern": f"^(?:{pattern.pattern})$"}}


def _between(low: int, high: int) -> dict[str, dict[str, int]]:
    return {JSON_SCHEMA: {"minimum": low, "maximum": high}}


#: Metadata of a name that must hold text.
_NAME: Final = {JSON_SCHEMA: {"minLength": 1}}

__all__ = [
    "SCHEMA_VERSION",
    "Author",
    "AuthorClaim",
    "Funding",
    "Journal",
    "MeshQualifier",
    "MeshTerm",
    "PageRange",
    "Paper",
    "ParseWarning",
    "Provenance",
    "Published",
    "Rating",
    "SecondaryRating",
    "Source",
]


@attrs.frozen
class PageRange:
    """Pages of an article as printed: ``first`` and, for a range, ``last``.

    Attributes:
        first: The first page, as printed (``"1065"``, ``"e12"``).
        last: The last page, or ``None`` for a single page.
    """

    first: str
    last: str | None = None


@attrs.frozen
class Journal:
    """The journal block: name and where in the journal the paper sits.

    Attributes:
        name: The journal name as shown (``"JOURNAL OF MOLECULAR MEDICINE-JMM"``).
        volume: The volume, a string (``"97"``, ``"97A"``, ``"12 Suppl 2"``).
        issue: The issue (``"8"``, ``"3-4"``, ``"Suppl 1"``).
        pages: The page range, or ``None``.
        article_number: An article number such as ``"e70067"``.
    """

    name: str | None = None
    volume: str | None = None
    issue: str | None = None
    pages: PageRange | None = None
    article_number: str | None = None


@attrs.frozen
class Funding:
    """One entry of the funding list.

    Attributes:
        funder: The funder's name, or ``None`` when the entry names none.
        award_ids: The grant ids of the entry (``("81700553",)``), possibly empty.
        text: The entry as on the page, list marker removed.
    """

    funder: str | None
    award_ids: tuple[str, ...] = ()
    text: str = ""


def _refuse_type(what: str, value: object, wanted: str) -> NoReturn:
    raise TypeError(f"{what} must be {wanted}, not {type(value).__name__} {value!r}.")


def _check_int(what: str, value: object) -> None:
    if type(value) is not int:  # a bool is no number here
        _refuse_type(what, value, "an int")


def _check_bool(what: str, value: object) -> None:
    if type(value) is not bool:
        _refuse_type(what, value, "a bool")


def _check_name(what: str, value: object) -> None:
    if not isinstance(value, str):
        _refuse_type(what, value, "a str")
    elif not value.strip() or value != value.strip():
        raise ValueError(f"{what} must be non-empty text without blanks around it, not {value!r}.")


@attrs.frozen
class Published:
    """A publication date, as far as the page gives it (schema 1.2).

    Attributes:
        year: The year, 1600 to 2099.
        month: The month (1-12), or ``None`` when the page gives none, or gives a
            season or a range of months.
        day: The day of the month, or ``None``; only with a month, and one that month
            has (``Published(2019, 2, 30)`` is refused).

    Examples:
        >>> Published(2019, 3, 12)
        Published(year=2019, month=3, day=12)
        >>> Published(2019, day=12)
        Traceback (most recent call last):
        ...
        ValueError: A publication date gives a day only with its month, not day 12 alone.
    """

    year: int = attrs.field(metadata=_between(YEARS[0], YEARS[-1]))
    month: int | None = attrs.field(default=None, metadata=_between(1, 12))
    day: int | None = attrs.field(default=None, metadata=_between(1, 31))

    def __attrs_post_init__(self) -> None:
        """Refuse a date no calendar has: a year out of range, month 13, February 30."""
        _check_int("The year of a publication date", self.year)
        if self.year not in YEARS:
            raise ValueError(
                f"The year of a publication date must be {YEARS[0]} to {YEARS[-1]}, "
                f"not {self.year}."
            )
        if self.month is not None:
            _check_int("The month of a publication date", self.month)
            if not 1 <= self.month <= 12:
                raise ValueError(
                    f"The month of a publication date must be 1 to 12, not {self.month}."
                )
        if self.day is None:
            return
        _check_int("The day of a publication date", self.day)
        if self.month is None:
            raise ValueError(
                f"A publication date gives a day only with its month, not day {self.day} alone."
            )
        most = calendar.monthrange(self.year, self.month)[1]
        if not 1 <= self.day <= most:
            raise ValueError(
                f"{calendar.month_name[self.month]} {self.year} has days 1 to {most}, "
                f"not {self.day}."
            )


@attrs.frozen
class MeshQualifier:
    """A MeSH qualifier (subheading) of a descriptor: ``pathology`` in ``Liver / pathology*``.

    Attributes:
        name: The qualifier, lower case as PubMed writes it (``prevention & control``).
        major: Whether it is marked as a major topic (``*``).
    """

    name: str = attrs.field(metadata=_NAME)
    major: bool = False

    def __attrs_post_init__(self) -> None:
        """Refuse an empty name, or a mark that is no bool."""
        _check_name("The name of a MeSH qualifier", self.name)
        _check_bool("The major-topic mark of a MeSH qualifier", self.major)


@attrs.frozen
class MeshTerm:
    """A MeSH heading: a descriptor, its major-topic mark and its qualifiers (schema 1.2).

    Attributes:
        descriptor: The descriptor (``Liver Failure, Acute``).
        major: Whether the descriptor itself is marked as a major topic (``Exosomes*``).
        qualifiers: The qualifiers, in page order.

    Examples:
        >>> MeshTerm("Liver", qualifiers=(MeshQualifier("pathology", major=True),))
        MeshTerm(descriptor='Liver', major=False, qualifiers=(MeshQualifier(name='pathology', \
major=True),))
    """

    descriptor: str = attrs.field(metadata=_NAME)
    major: bool = False
    qualifiers: tuple[MeshQualifier, ...] = ()

    def __attrs_post_init__(self) -> None:
        """Refuse an empty descriptor, a mark that is no bool, or qualifiers of another type."""
        _check_name("The descriptor of a MeSH term", self.descriptor)
        _check_bool("The major-topic mark of a MeSH term", self.major)
        if not isinstance(self.qualifiers, tuple) or not all(
            isinstance(qualifier, MeshQualifier) for qualifier in self.qualifiers
        ):
            _refuse_type(
                "The qualifiers of a MeSH term", self.qualifiers, "a tuple of MeshQualifier"
            )


@attrs.frozen
class Author:
    """One author, as named on the page.

    Attributes:
        name: The name as shown.
    """

    name: str


@attrs.frozen
class AuthorClaim:
    """The author-claim prompt that the site shows under the author list.

    Attributes:
        prompt: ``"I am an author on this paper"`` (canonical text).
        action: ``"Click your name to claim this paper and add it to your profile."``
    """

    prompt: str | None = None
    action: str | None = None


@attrs.frozen
class SecondaryRating:
    """One named sub-score; ``score`` is ``None`` where the page shows ``-``.

    Attributes:
        name: The sub-score's name (``"Novelty"``).
        score: The score out of 5, or ``None``.
    """

    name: str
    score: float | None = None


@attrs.frozen
class Rating:
    """The rating block: overall score, number of ratings, note and sub-scores.

    Attributes:
        score: The overall score out of 5 (``4.7``), or ``None``.
        count: The number of ratings, or ``None`` when the page does not say.
        note: Any other line of the primary rating (``"Not enough ratings"``).
        secondary: The named sub-scores.
    """

    score: float | None = None
    count: int | None = None
    note: str | None = None
    secondary: tuple[SecondaryRating, ...] = ()


@attrs.frozen
class Source:
    """Where the record came from: the site recognised and the input path used.

    Attributes:
        site: ``"peeref"`` when the page shows Peeref's own wording, else ``None``.
        format: ``"text"`` or ``"html"``: which input path ran.
        language: The language of the site's interface the page was read in, as an
            ISO 639-1 code (``"en"``, ``"zh"``), or ``None`` when the page shows none
            of its labels (schema 1.1).
    """

    site: str | None = None
    format: Literal["text", "html"] = "text"
    language: str | None = None


@attrs.frozen
class Provenance:
    """Where one value of the record came from (``parse(page, provenance=True)``).

    Attributes:
        field: The record's field, dotted for a part (``"title"``, ``"journal.volume"``,
            ``"rating.score"``).
        first_line: The first line of the input the value was read from (1-based, as
            warnings count them; for HTML, the source line of its element), or
            ``None`` when unknown.
        last_line: The last such line.
        rule: The reader that placed the value (``"preamble"``, ``"locator"``,
            ``"section:keywords"``, ``"metadata"``).
        source: For a value taken from the page's embedded metadata, which source
            stated it (``"citation_doi"``, ``"json-ld"``); else ``None``.
    """

    field: str
    first_line: int | None
    last_line: int | None
    rule: str
    source: str | None = None


@attrs.frozen
class ParseWarning:
    """Something on the page that the parser could not place or read.

    Attributes:
        code: A stable identifier, one of ``paperparse.errors.WARNING_CODES`` (see
            ``docs/errors.md``).
        message: A sentence for people; its wording may change.
        line: The 1-based line of the input it refers to, or ``None`` when it
            concerns the whole page.
    """

    code: str
    message: str
    line: int | None = None


def _check_id(what: str, value: object, pattern: re.Pattern[str], shape: str) -> None:
    if value is None:
        return
    if not isinstance(value, str):
        _refuse_type(what, value, "a str or None")
    elif pattern.fullmatch(value) is None:
        raise ValueError(f"{what} must be {shape}, not {value!r}.")


def _check_pmid(paper: object, field: attrs.Attribute[str | None], value: str | None) -> None:
    shape = "1 to 9 ASCII digits, the first not 0 (such as '31234567')"
    _check_id("A PubMed id (pmid)", value, PMID_PATTERN, shape)


def _check_pmcid(paper: object, field: attrs.Attribute[str | None], value: str | None) -> None:
    shape = "'PMC' and 1 to 9 ASCII digits (such as 'PMC6543210')"
    _check_id("A PubMed Central id (pmcid)", value, PMCID_PATTERN, shape)


@attrs.frozen
class Paper:
    """One paper page, parsed.

    Every field the page does not state is ``None`` or an empty tuple; see
    ``docs/schema.md`` for where on the page each field comes from.

    Attributes:
        title: The paper's title.
        article_type: The article type from the header (``"Review"``).
        journal: The journal block.
        published: The publication date, as far as the page gives it (schema 1.2).
        publisher: The publisher's name.
        doi: The DOI, bare (``"10.1007/s00109-019-01804-x"``).
        pmid: The PubMed id, digits (``"31234567"``; schema 1.2).
        pmcid: The PubMed Central id, ``PMC`` and digits (``"PMC6543210"``; schema 1.2).
        keywords: The keywords, in page order.
        mesh_terms: The MeSH headings PubMed lists for the paper, in page order, one per
            descriptor (schema 1.2).
        categories: The subject categories the page lists under ``Categories``
            (schema 1.1).
        funding: The funding entries, in page order.
        summary: The site's own short summary, when the page shows one before the
            publisher's abstract (schema 1.1; see ``docs/schema.md``).
        abstract: The abstract, wrapped lines joined with spaces.
        authors: The authors, in page order.
        author_claim: The author-claim prompt.
        rating: The rating block.
        actions: Call-to-action buttons recognised on the page, canonical text.
        recommended: Titles of the recommended papers.
        source: How the record was made.
        warnings: What the parser could not place or read.
        provenance: Where each value came from; empty (and left out of ``to_dict()``)
            unless the page was parsed with ``provenance=True`` (schema 1.1).
    """

    title: str | None = None
    article_type: str | None = None
    journal: Journal | None = None
    published: Published | None = None
    publisher: str | None = None
    doi: str | None = None
    pmid: str | None = attrs.field(
        default=None, validator=_check_pmid, metadata=_pattern(PMID_PATTERN)
    )
    pmcid: str | None = attrs.field(
        default=None, validator=_check_pmcid, metadata=_pattern(PMCID_PATTERN)
    )
    keywords: tuple[str, ...] = ()
    mesh_terms: tuple[MeshTerm, ...] = ()
    categories: tuple[str, ...] = ()
    funding: tuple[Funding, ...] = ()
    summary: str | None = None
    abstract: str | None = None
    authors: tuple[Author, ...] = ()
    author_claim: AuthorClaim | None = None
    rating: Rating | None = None
    actions: tuple[str, ...] = ()
    recommended: tuple[str, ...] = ()
    source: Source = Source()
    warnings: tuple[ParseWarning, ...] = ()
    provenance: tuple[Provenance, ...] = attrs.field(default=(), metadata={OMIT_IF_DEFAULT: True})
