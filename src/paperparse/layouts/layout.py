"""A site's paper-page layout as a value: :class:`Layout`, and how it is compiled."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import Final

import attrs

from ..fields.citation import JournalLine
from ..metadata import Metadata
from ..model import Funding
from ..normalize import fold
from ..specs import SECTION_NAMES
from .compiled import CompiledLayout

#: The section kinds a label can open: the record's sections, as the engine reads them
#: (those of :data:`paperparse.specs.SECTION_NAMES` but the preamble, which no label opens).
KINDS: Final = frozenset(SECTION_NAMES) - {"preamble"}


def _frozen_map(value: Mapping[str, object]) -> Mapping[str, object]:
    return MappingProxyType(dict(value))


def _words(value: Iterable[str]) -> frozenset[str]:
    return frozenset(value)


def _ordered(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


@attrs.frozen(eq=False)
class Layout:
    """One site's paper-page layout: its words, per interface language.

    Every key is folded (:func:`paperparse.normalize.fold`: case-folded, spaces collapsed,
    no trailing colon). Layouts compare and hash by identity, so the engine can cache
    what it learnt of a line per layout.

    Attributes:
        site: The site's name, written to ``Paper.source.site`` (``"peeref"``).
        labels: Section label -> section kind (one of :data:`KINDS`).
        other_sections: Headings of sections that are not part of the record; their
            content is skipped with an ``unknown_section`` warning.
        article_types: Article types the page header names -> canonical spelling.
        actions: Buttons recorded in ``Paper.actions`` -> canonical text.
        abstract_follows: The buttons after which the unlabelled abstract follows.
        rating_ends: The buttons that close the rating block.
        claim_lines: Author-claim prompt lines (without final period) ->
            ``(slot, canonical text)``, slot ``"prompt"`` or ``"action"``.
        rating_notes: Notes a rating block shows (``Not enough ratings``) -> the text
            written to the record.
        empty_markers: Placeholders meaning "this list is empty".
        chrome_lines: Whole lines that are page chrome, dropped silently.
        nav_words: Words that, in a row or joined by ``|``, make a menu line.
        chrome_prefixes: Starts of long chrome lines (cookie banners, notices).
        markers: Lines that only this site's pages show (its signature).
        languages: Interface word (label, button, prompt) -> ISO 639-1 code of the
            interface language it belongs to, for ``Paper.source.language``.
        addresses: The site's host names (folded, ``peeref.com``): a line that names
            one is a marker too.
        page_header: The page starts with a header line of a score and an article
            type (``4.7 Review``): the paper block starts there, a second one starts a
            second page, and it names the page's article type.
        signature_sections: Section kinds only this site's pages show (its rating
            block): a page with one of them is the site's.
        summary: The site shows its own short summary as a paragraph above the
            publisher's abstract (see ``Paper.summary``).
        never_last: Section kinds after which a complete page always goes on: a page
            that ends inside one was cut off, and the value it ends with is dropped.
        award_ids: The site shows award ids with the funders; without them every
            funding entry is a funder's name, read whole.
        doi_suffixes: Link texts the site writes after the paper's DOI on its line
            (``https://doi.org/… · Full text``); such a line is also a marker.
        spaced_labels: Labels that stand before their value with only a space
            (``Funder Gulf Research Program``) -> section kind; read so outside the
            title, the abstract and skipped sections.
        quiet_sections: Headings of :attr:`other_sections` the site always shows
            (its reference list): skipped without an ``unknown_section`` warning.
        journal_line: The reader of the journal section's line, for a site that
            writes the year, issue and pages on it (``Name, 2018, № 11, p. 5-9``);
            ``None``: the line is the name alone.
        sub_pages: Headings (folded) that, right under the page header and title, make
            the page one of the paper's sub-pages -> what the sub-page lists
            (``related references`` -> ``references``). Such a page gives the paper's
            title, type and score; what it lists are other papers and is not read.
        glued_bullets: The site's header items and lists are HTML lists whose
            values never end in a dash: a line ending in `` -`` carries the bullet of
            the next item, glued to it by the dump, and a label line starting with
            ``- `` carries its own.
        marker_parts: Parts of a line that only the site's pages show, looked for in
            any line as its addresses are (PMC's logo line, ``NAME logoLink to NAME``).
        front: The page opens with front matter of a citation line, the title, the
            author line and identifiers, and no labels (PubMed, PMC): the blocks before
            the first section of the record are read by
            :func:`paperparse.readers.front.read_front` instead of as a page header
            and title.
        funding_entry: The reader of a funding entry in the site's own form (PubMed's
            ``ID/ACRONYM/AGENCY/COUNTRY``), or ``None`` for the common forms
            (``Funder [ids]``, ``Funder under grant …``); an entry it does not read is
            kept as text only, with a warning.
        metadata_ignored: The fields of the page's embedded metadata
            (:class:`paperparse.metadata.Metadata`: ``publisher``, ``journal`` …) that
            the site fills with something else, never read (PubMed writes the
            journal's abbreviation as ``citation_publisher``, and the journal's full
            title where the page shows its abbreviation).
        front_sections: Headings of :attr:`other_sections` under which the site repeats
            its front matter (PubMed's ``Affiliations``, above the repeated header and
            short citation): a journal the citation line lost and the identifiers may
            be read there (see ``front``).
        body_follows_abstract: The article's body follows the abstract with no label
            between them (PMC): the abstract ends at the body's first heading, and
            where that cannot be told it is left empty
            (:func:`paperparse.readers.abstract.before_body`).
    """

    site: str
    labels: Mapping[str, str] = attrs.field(converter=_frozen_map)
    other_sections: frozenset[str] = attrs.field(converter=_words)
    article_types: Mapping[str, str] = attrs.field(converter=_frozen_map)
    actions: Mapping[str, str] = attrs.field(converter=_frozen_map)
    abstract_follows: frozenset[str] = attrs.field(converter=_words)
    rating_ends: frozenset[str] = attrs.field(converter=_words)
    claim_lines: Mapping[str, tuple[str, str]] = attrs.field(converter=_frozen_map)
    rating_notes: Mapping[str, str] = attrs.field(converter=_frozen_map)
    empty_markers: frozenset[str] = attrs.field(converter=_words)
    chrome_lines: frozenset[str] = attrs.field(converter=_words)
    nav_words: frozenset[str] = attrs.field(converter=_words)
    chrome_prefixes: tuple[str, ...] = attrs.field(converter=_ordered)
    markers: frozenset[str] = attrs.field(converter=_words)
    languages: Mapping[str, str] = attrs.field(converter=_frozen_map)
    addresses: tuple[str, ...] = attrs.field(default=(), converter=_ordered)
    page_header: bool = False
    signature_sections: frozenset[str] = attrs.field(default=frozenset(), converter=_words)
    summary: bool = False
    never_last: frozenset[str] = attrs.field(default=frozenset(), converter=_words)
    award_ids: bool = True
    doi_suffixes: tuple[str, ...] = attrs.field(default=(), converter=_ordered)
    spaced_labels: Mapping[str, str] = attrs.field(factory=dict, converter=_frozen_map)
    quiet_sections: frozenset[str] = attrs.field(default=frozenset(), converter=_words)
    journal_line: Callable[[str], JournalLine | None] | None = None
    glued_bullets: bool = False
    sub_pages: Mapping[str, str] = attrs.field(factory=dict, converter=_frozen_map)
    marker_parts: tuple[str, ...] = attrs.field(default=(), converter=_ordered)
    front: bool = False
    body_follows_abstract: bool = False
    funding_entry: Callable[[str], Funding | None] | None = None
    metadata_ignored: frozenset[str] = attrs.field(default=frozenset(), converter=_words)
    front_sections: frozenset[str] = attrs.field(default=frozenset(), converter=_words)
    #: The tables the stages read, compiled from the words above when the layout is
    #: made (:mod:`.compiled`).
    compiled: CompiledLayout = attrs.field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        """Check that every label and section kind names a known section; compile the words."""
        kinds = {*self.labels.values(), *self.spaced_labels.values()}
        unknown = sorted({kind for kind in kinds if kind not in KINDS})
        if unknown:
            raise ValueError(
                f"A layout's labels must open one of the known sections "
                f"({', '.join(sorted(KINDS))}), not {', '.join(map(repr, unknown))}."
            )
        named = self.never_last | self.signature_sections
        if unknown := sorted(named - KINDS - {"preamble"}):
            raise ValueError(
                f"A layout's never_last and signature_sections must name known sections "
                f"(preamble, {', '.join(sorted(KINDS))}), not {', '.join(map(repr, unknown))}."
            )
        metadata_fields = set(attrs.fields_dict(Metadata)) - {"site_names"}
        if unknown := sorted(self.metadata_ignored - metadata_fields):
            raise ValueError(
                f"A layout's metadata_ignored must name fields of the page's metadata "
                f"({', '.join(sorted(metadata_fields))}), not {', '.join(map(repr, unknown))}."
            )
        object.__setattr__(self, "compiled", CompiledLayout.of(self))

    def extend(
        self,
        *,
        chrome: Iterable[str] = (),
        chrome_prefixes: Iterable[str] = (),
        labels: Mapping[str, str] | None = None,
        other_sections: Iterable[str] = (),
        article_types: Iterable[str] = (),
        rating_notes: Iterable[str] = (),
    ) -> Layout:
        """Return a copy of this layout that knows more words.

        Args:
            chrome: Whole lines to drop silently (a new cookie button, a share bar's
                ``Export citation``); button texts count as chrome.
            chrome_prefixes: Starts of long lines to drop (``"This site is funded by"``).
            labels: Label synonyms -> section kind (``{"Subject areas": "categories"}``).
            other_sections: Headings of sections to skip (``"Figures"``).
            article_types: More article types the page header may name.
            rating_notes: More notes a rating block may show.

        Returns:
            The new layout; this one is unchanged.

        Raises:
            ValueError: A label names a section kind the engine does not know.

        Examples:
            >>> from paperparse.layouts import PEEREF
            >>> PEEREF.extend(chrome=["Export citation"]).chrome_lines >= PEEREF.chrome_lines
            True
        """
        added_labels = {fold(label): kind for label, kind in (labels or {}).items()}
        return attrs.evolve(
            self,
            labels={**self.labels, **added_labels},
            chrome_lines=self.chrome_lines | {fold(line) for line in chrome},
            chrome_prefixes=(*self.chrome_prefixes, *(fold(p) for p in chrome_prefixes)),
            other_sections=self.other_sections | {fold(h) for h in other_sections},
            article_types={**self.article_types, **{fold(t): t for t in article_types}},
            rating_notes={**self.rating_notes, **{fold(n).rstrip("."): n for n in rating_notes}},
        )
