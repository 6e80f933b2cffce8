"""One spec per field: where each value of the record comes from, in one place.

A :class:`FieldSpec` names a value of the record (``"keywords"``, ``"journal.volume"``)
and says, for that value alone: the section kind it is read from, how a section of
that kind is read, its empty value, the page metadata that can fill it, how it is
flattened into CSV columns, and what warnings call it. :data:`SPECS` lists them in
record order. The rest of the library reads this table instead of repeating the field
list: the record builder (``sections.build_paper``) and its truncation and metadata
steps, :data:`paperparse.model.VALUE_FIELDS`, the section kinds of a layout
(:data:`paperparse.layouts.KINDS`), the table checks, the CSV columns and the test
strategies.

This module imports nothing from the package, so that every other module can read it.
The readers themselves live with the section engine (``sections.READERS``); a spec
names its reader, and ``tests/test_specs.py`` checks that every name is one.

Adding a field: the field on :class:`paperparse.model.Paper` (with its empty default),
its spec here, its fixtures and ``docs/schema.md``. A field read from a section of a
new kind adds that kind to :data:`SECTION_NAMES`, and its label to ``vocab.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

import attrs

__all__ = ["SECTION_NAMES", "SPECS", "FieldSpec", "spec"]

#: A CSV column: its name and how a record (the dict the command line writes) is
#: flattened into its cell.
Column = tuple[str, Callable[[dict[str, Any]], str]]

#: How list items are joined in one CSV cell.
JOIN: Final = "; "


def cell(value: object) -> str:
    """The CSV cell of a single value: ``""`` for null, else its text."""
    return "" if value is None else str(value)


def part(key: str, *path: str) -> Callable[[dict[str, Any]], str]:
    """The cell of a record's value, or of a value inside a part (``journal`` -> ``volume``)."""

    def flatten(record: dict[str, Any]) -> str:
        value: Any = record[key]
        for step in path:
            value = (value or {}).get(step)
        return cell(value)

    return flatten


def joined(key: str) -> Callable[[dict[str, Any]], str]:
    """The cell of a list of strings: the items joined with ``"; "``."""
    return lambda record: JOIN.join(record[key])


def _funding_cell(entry: dict[str, Any]) -> str:
    funder: str | None = entry["funder"]
    ids: list[str] = entry["award_ids"]
    if funder is None:  # no funder name: the entry as on the page, ids included
        text: str = entry["text"]
        return text
    return f"{funder} [{', '.join(ids)}]" if ids else funder


def _funding(record: dict[str, Any]) -> str:
    return JOIN.join(_funding_cell(entry) for entry in record["funding"])


def _authors(record: dict[str, Any]) -> str:
    return JOIN.join(author["name"] for author in record["authors"])


def _published(record: dict[str, Any]) -> str:
    """The cell of a publication date, ISO-like: ``2019-03-12``, ``2019-03`` or ``2019``."""
    date: dict[str, Any] | None = record["published"]
    if date is None:
        return ""
    parts = [f"{date['year']:04d}"]
    parts += [f"{date[key]:02d}" for key in ("month", "day") if date[key] is not None]
    return "-".join(parts)


def _mesh_term_cell(term: dict[str, Any]) -> str:
    """A MeSH heading as PubMed writes it: ``Liver / pathology*``, ``Exosomes*``."""
    star = "*" if term["major"] else ""
    qualifiers = "".join(f" / {q['name']}{'*' if q['major'] else ''}" for q in term["qualifiers"])
    return f"{term['descriptor']}{star}{qualifiers}"


def _mesh_terms(record: dict[str, Any]) -> str:
    return JOIN.join(_mesh_term_cell(term) for term in record["mesh_terms"])


def _secondary(record: dict[str, Any]) -> str:
    return JOIN.join(
        f"{entry['name']}: {'-' if entry['score'] is None else entry['score']}"
        for entry in (record["rating"] or {}).get("secondary", ())
    )


@attrs.frozen
class FieldSpec:
    """Everything about one value of the record that is not its reader's code.

    Attributes:
        name: The value's place in the record: a :class:`~paperparse.model.Paper`
            attribute, dotted for a part of the journal or rating block
            (``"journal.volume"``).
        what: What warnings call the value (``"keyword list"``).
        section: The section kind it is read from (one of :data:`SECTION_NAMES`), or
            ``None`` when it stands for itself (a DOI line, the locator).
        reader: The name of the reader that turns each section of *section* into the
            value, one of ``sections.READERS`` (``"items"``: a list such as the
            keywords); the record builder runs these in a loop. ``None``: a step of its
            own reads the value (the title from the preamble, the journal block, the
            abstracts, the authors, the rating block).
        empty: The value when the page does not state it (``None`` or ``()``).
        ends_section: Whether a page cut off inside *section* may have cut this value
            (it is the section's last value), so that it is left empty; ``False`` for a
            value that stands before the section's end (the summary before the
            abstract) or is recognised whole (the author-claim prompt).
        metadata: The :class:`~paperparse.metadata.Metadata` attributes that can fill
            the value, each with what a ``metadata_conflict`` warning calls it.
        rule: The reader named in the value's provenance when it comes from its
            section; ``None``: ``"section:"`` and the section kind.
        csv: The CSV columns the value is flattened into, with how.
        separated: Whether the items of the value may stand on one line separated by a
            mark (``;``), as keywords do: a table cell of such a value is read by its
            marks, not its line breaks.
        about_paper: Whether the value is something the page says about the paper
            (one of :data:`paperparse.model.VALUE_FIELDS`); ``False`` for the site's
            buttons.
    """

    name: str
    what: str
    section: str | None = None
    reader: str | None = None
    empty: object = None
    ends_section: bool = True
    metadata: tuple[tuple[str, str], ...] = ()
    rule: str | None = None
    csv: tuple[Column, ...] = ()
    separated: bool = False
    about_paper: bool = True

    def __attrs_post_init__(self) -> None:
        """Refuse a reader without a section, or one that would set part of a block."""
        if self.reader is not None and (self.section is None or "." in self.name):
            raise ValueError(
                f"The spec of {self.name!r} names a reader, so it must name the section "
                "the reader reads and a whole field of the record (no dotted part)."
            )

    @property
    def provenance_rule(self) -> str:
        """The reader named in the provenance of a value read from its section."""
        return self.rule if self.rule is not None else f"section:{self.section}"


#: The section kinds the engine reads, with their names in warnings (``preamble``: the
#: lines before the first label). Kinds that no field reads stand here too: ``reviews``
#: opens the rating block, ``doi`` labels the DOI line.
SECTION_NAMES: Final = {
    "preamble": "title",
    "article_type": "Publication type",
    "journal": "Journal",
    "publisher": "Publisher",
    "keywords": "Keywords",
    "mesh_terms": "MeSH terms",
    "publication_types": "Publication types",
    "categories": "Categories",
    "funding": "Funding",
    "abstract": "abstract",
    "authors": "Authors",
    "reviews": "Reviews",
    "primary_rating": "Primary Rating",
    "secondary_ratings": "Secondary Ratings",
    "recommended": "Recommended",
    "doi": "DOI",
}

#: One spec per value of the record, in record order.
SPECS: Final = (
    FieldSpec("title", "title", metadata=(("title", "title"),), csv=(("title", part("title")),)),
    FieldSpec(
        "article_type",
        "article type",
        section="article_type",
        reader="first line",
        csv=(("article_type", part("article_type")),),
    ),
    FieldSpec(
        "journal.name",
        "journal name",
        section="journal",
        metadata=(("journal", "journal name"),),
        csv=(("journal_name", part("journal", "name")),),
    ),
    FieldSpec(
        "journal.volume",
        "volume",
        metadata=(("volume", "volume"),),
        csv=(("volume", part("journal", "volume")),),
    ),
    FieldSpec(
        "journal.issue",
        "issue",
        metadata=(("issue", "issue"),),
        csv=(("issue", part("journal", "issue")),),
    ),
    FieldSpec(
        "journal.pages",
        "pages",
        metadata=(("first_page", "first page"), ("last_page", "last page")),
        csv=(
            ("first_page", part("journal", "pages", "first")),
            ("last_page", part("journal", "pages", "last")),
        ),
    ),
    FieldSpec(
        "journal.article_number",
        "article number",
        csv=(("article_number", part("journal", "article_number")),),
    ),
    FieldSpec("published", "publication date", csv=(("published", _published),)),
    FieldSpec(
        "publisher",
        "publisher",
        section="publisher",
        reader="first line",
        metadata=(("publisher", "publisher"),),
        csv=(("publisher", part("publisher")),),
    ),
    FieldSpec("doi", "DOI", metadata=(("doi", "DOI"),), csv=(("doi", part("doi")),)),
    FieldSpec("pmid", "PubMed id", csv=(("pmid", part("pmid")),)),
    FieldSpec("pmcid", "PubMed Central id", csv=(("pmcid", part("pmcid")),)),
    FieldSpec(
        "keywords",
        "keyword list",
        section="keywords",
        reader="items",
        empty=(),
        metadata=(("keywords", "keywords"),),
        csv=(("keywords", joined("keywords")),),
        separated=True,
    ),
    FieldSpec(
        "mesh_terms",
        "MeSH term list",
        section="mesh_terms",
        reader="mesh terms",
        empty=(),
        csv=(("mesh_terms", _mesh_terms),),
    ),
    FieldSpec(
        "categories",
        "category list",
        section="categories",
        reader="items",
        empty=(),
        csv=(("categories", joined("categories")),),
        separated=True,
    ),
    FieldSpec(
        "funding",
        "funding list",
        section="funding",
        reader="funding",
        empty=(),
        csv=(("funding", _funding),),
    ),
    FieldSpec(
        "summary",
        "summary",
        section="abstract",
        ends_section=False,
        rule="abstract",
        csv=(("summary", part("summary")),),
    ),
    FieldSpec(
        "abstract",
        "abstract",
        section="abstract",
        rule="abstract",
        csv=(("abstract", part("abstract")),),
    ),
    FieldSpec(
        "authors",
        "author list",
        section="authors",
        empty=(),
        metadata=(("authors", "authors"),),
        csv=(("authors", _authors),),
    ),
    FieldSpec(
        "author_claim",
        "author claim",
        section="authors",
        ends_section=False,
        csv=(
            ("claim_prompt", part("author_claim", "prompt")),
            ("claim_action", part("author_claim", "action")),
        ),
    ),
    FieldSpec(
        "rating.score",
        "rating score",
        section="primary_rating",
        metadata=(("score", "rating score"),),
        csv=(("rating_score", part("rating", "score")),),
    ),
    FieldSpec(
        "rating.count",
        "number of ratings",
        section="primary_rating",
        metadata=(("count", "number of ratings"),),
        csv=(("rating_count", part("rating", "count")),),
    ),
    FieldSpec(
        "rating.note",
        "rating note",
        section="primary_rating",
        csv=(("rating_note", part("rating", "note")),),
    ),
    FieldSpec(
        "rating.secondary",
        "secondary ratings",
        section="secondary_ratings",
        empty=(),
        csv=(("secondary", _secondary),),
    ),
    FieldSpec(
        "actions", "actions", empty=(), csv=(("actions", joined("actions")),), about_paper=False
    ),
    FieldSpec(
        "recommended",
        "recommended list",
        section="recommended",
        reader="titles",
        empty=(),
        csv=(("recommended", joined("recommended")),),
    ),
)


def spec(name: str) -> FieldSpec:
    """The spec of the value *name* (``"keywords"``, ``"journal.volume"``).

    Raises:
        KeyError: No value of the record is called *name*.
    """
    return _BY_NAME[name]


_BY_NAME: Final = {field.name: field for field in SPECS}
