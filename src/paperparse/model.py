"""The public record: frozen, slotted attrs classes (schema v1).

Attribute names are the JSON keys. Lists are tuples in Python (the record is
immutable and hashable) and arrays in JSON. See ``docs/schema.md``.
"""

from __future__ import annotations

from typing import Literal

import attrs

__all__ = [
    "Author",
    "AuthorClaim",
    "Funding",
    "Journal",
    "PageRange",
    "Paper",
    "ParseWarning",
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
    """

    site: str | None = None
    format: Literal["text", "html"] = "text"


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
        funding: The funding entries, in page order.
        abstract: The abstract, wrapped lines joined with spaces.
        authors: The authors, in page order.
        author_claim: The author-claim prompt.
        rating: The rating block.
        actions: Call-to-action buttons recognised on the page, canonical text.
        recommended: Titles of the recommended papers.
        source: How the record was made.
        warnings: What the parser could not place or read.
    """

    title: str | None = None
    article_type: str | None = None
    journal: Journal | None = None
    publisher: str | None = None
    doi: str | None = None
    keywords: tuple[str, ...] = ()
    funding: tuple[Funding, ...] = ()
    abstract: str | None = None
    authors: tuple[Author, ...] = ()
    author_claim: AuthorClaim | None = None
    rating: Rating | None = None
    actions: tuple[str, ...] = ()
    recommended: tuple[str, ...] = ()
    source: Source = Source()
    warnings: tuple[ParseWarning, ...] = ()
