"""The public record: frozen, slotted attrs classes (schema v1.1).

Attribute names are the JSON keys. Lists are tuples in Python (the record is
immutable and hashable) and arrays in JSON. See ``docs/schema.md``.

Schema 1.1 added ``categories``, ``summary``, ``source.language`` and the optional
``provenance``; records of schema 1 (without them) still load.
"""

from __future__ import annotations

from typing import Final, Literal

import attrs

from .specs import SPECS

#: The version of the record layout (``docs/schema.md``): additions bump the minor part.
SCHEMA_VERSION: Final = "1.1"

#: The record's values, dotted for a part of the journal or rating block, in record
#: order: what provenance and the batch report speak of (the specs of
#: :mod:`paperparse.specs` but the site's buttons).
VALUE_FIELDS: Final = tuple(spec.name for spec in SPECS if spec.about_paper)

#: Field metadata: the key is left out of ``to_dict()`` while the field holds its default.
OMIT_IF_DEFAULT: Final = "omit_if_default"

__all__ = [
    "SCHEMA_VERSION",
    "Author",
    "AuthorClaim",
    "Funding",
    "Journal",
    "PageRange",
    "Paper",
    "ParseWarning",
    "Provenance",
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


@attrs.frozen
class Paper:
    """One paper page, parsed.

    Every field the page does not state is ``None`` or an empty tuple; see
    ``docs/schema.md`` for where on the page each field comes from.

    Attributes:
        title: The paper's title.
        article_type: The article type from the header (``"Review"``).
        journal: The journal block.
        publisher: The publisher's name.
        doi: The DOI, bare (``"10.1007/s00109-019-01804-x"``).
        keywords: The keywords, in page order.
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
    publisher: str | None = None
    doi: str | None = None
    keywords: tuple[str, ...] = ()
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
