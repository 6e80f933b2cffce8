r"""Site layouts as values: the words a site's paper page is made of, per interface language.

A :class:`Layout` holds everything the section engine (:mod:`paperparse.sections`) needs
to know about one site: its section labels and their synonyms in each interface
language, its buttons, the author-claim prompt, rating notes, placeholders, page chrome,
and the words that identify its pages. The engine holds no site's words itself, so a
second interface language is more entries here, and a second site is a second
:class:`Layout` plus fixtures.

A user who meets chrome or a label synonym the layout does not know extends it without
editing the library:

>>> import paperparse
>>> from paperparse.layouts import PEEREF
>>> mine = PEEREF.extend(chrome=["Export citation"], labels={"Subject areas": "categories"})
>>> page = "4.7 Review\nA title\nExport citation\nJournal\nNATURE\nRate this paper"
>>> paperparse.parse(page, layout=mine).warnings
()
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import Final

import attrs

from . import vocab
from .fields.citation import JournalLine, read_journal_line
from .specs import SECTION_NAMES
from .vocab import fold

__all__ = ["BUILT_IN", "KINDS", "OUCI", "PEEREF", "Layout"]

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

    Every key is folded (:func:`paperparse.vocab.fold`: case-folded, spaces collapsed,
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

    def __attrs_post_init__(self) -> None:
        """Check that every label and section kind names a section the engine knows."""
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


#: The Chinese interface of Peeref (``peeref.com/zh/works/<id>``): its labels, buttons
#: and prompts, with the English item each stands for (values stay as on the page).
_PEEREF_ZH_LABELS: Final = {
    "期刊": "journal",
    "出版社": "publisher",
    "关键词": "keywords",
    "作者": "authors",
    "评论": "reviews",
    "主要评分": "primary_rating",
    "次要评分": "secondary_ratings",
}
_PEEREF_ZH_ABSTRACT_BUTTON: Final = "向作者/读者索取更多资源"
_PEEREF_ZH_CLAIMS: Final = {
    "我是这篇论文的作者": vocab.CLAIM_LINES["i am an author on this paper"],
    "点击您的名字以认领此论文并将其添加到您的个人资料中": vocab.CLAIM_LINES[
        "click your name to claim this paper and add it to your profile"
    ],
}


def _peeref() -> Layout:
    english = {
        **dict.fromkeys(vocab.SECTION_LABELS, "en"),
        **dict.fromkeys(vocab.ACTIONS, "en"),
        **dict.fromkeys(vocab.CLAIM_LINES, "en"),
    }
    chinese = {
        **dict.fromkeys(_PEEREF_ZH_LABELS, "zh"),
        _PEEREF_ZH_ABSTRACT_BUTTON: "zh",
        **dict.fromkeys(_PEEREF_ZH_CLAIMS, "zh"),
        "评分不足": "zh",
        "参考文献": "zh",
    }
    return Layout(
        site="peeref",
        labels={**vocab.SECTION_LABELS, **_PEEREF_ZH_LABELS},
        other_sections=vocab.OTHER_SECTIONS,
        article_types=vocab.ARTICLE_TYPES,
        actions={
            **vocab.ACTIONS,
            _PEEREF_ZH_ABSTRACT_BUTTON: vocab.ACTIONS[vocab.ABSTRACT_FOLLOWS],
        },
        abstract_follows={vocab.ABSTRACT_FOLLOWS, _PEEREF_ZH_ABSTRACT_BUTTON},
        rating_ends={vocab.RATING_ENDS},
        claim_lines={**vocab.CLAIM_LINES, **_PEEREF_ZH_CLAIMS},
        rating_notes=vocab.RATING_NOTES,
        empty_markers=vocab.EMPTY_MARKERS,
        chrome_lines=vocab.CHROME_LINES,
        nav_words=vocab.NAV_WORDS,
        chrome_prefixes=vocab.CHROME_PREFIXES,
        markers=vocab.PEEREF_MARKERS | {"主要评分", "次要评分", _PEEREF_ZH_ABSTRACT_BUTTON},
        languages={**english, "related references": "en", **chinese},
        addresses=("peeref.com",),
        page_header=True,
        sub_pages={"related references": "references", "参考文献": "references"},
        signature_sections={"primary_rating", "secondary_ratings"},
        summary=True,
        never_last={
            "preamble",
            "journal",
            "publisher",
            "keywords",
            "funding",
            "abstract",
            "authors",
            "reviews",
            "primary_rating",
            "secondary_ratings",
        },
    )


#: Peeref's paper pages (``peeref.com/works/<id>``), English and Chinese interface.
PEEREF: Final = _peeref()

#: OUCI's labels in its English interface (``/en/works/<id>``), older and newer layout.
_OUCI_EN_LABELS: Final = {
    "publication type": "article_type",
    "journal": "journal",
    "publisher": "publisher",
    "authors": "authors",
    "author": "authors",
    "funder": "funding",
    "funders": "funding",
    "abstract": "abstract",
}
#: OUCI's labels in its Ukrainian interface (the default, ``/works/<id>``).
_OUCI_UK_LABELS: Final = {
    "тип публікації": "article_type",
    "видання": "journal",
    "видавець": "publisher",
    "автори": "authors",
    "автор": "authors",
    "джерело фінансування": "funding",
    "джерела фінансування": "funding",
    "анотація": "abstract",
}
#: Headings of the parts of an OUCI page that are no part of the record, per language:
#: the counts block, the reference list, the citing works.
_OUCI_EN_SKIPPED: Final = (
    "details",
    "list of references",
    "publications that cite this publication",
)
_OUCI_UK_SKIPPED: Final = (
    "детальна інформація",
    "список літератури",
    "публікації, які цитують цю публікацію",
)
#: Headings and link texts with no value of their own.
_OUCI_EN_CHROME: Final = ("general information", "full text", "· full text")
_OUCI_UK_CHROME: Final = ("основна інформація", "повний текст", "· повний текст")


def _ouci() -> Layout:
    english = {
        **dict.fromkeys(_OUCI_EN_LABELS, "en"),
        **dict.fromkeys(_OUCI_EN_SKIPPED, "en"),
        "general information": "en",
    }
    ukrainian = {
        **dict.fromkeys(_OUCI_UK_LABELS, "uk"),
        **dict.fromkeys(_OUCI_UK_SKIPPED, "uk"),
        "основна інформація": "uk",
    }
    skipped = {*_OUCI_EN_SKIPPED, *_OUCI_UK_SKIPPED}
    return Layout(
        site="ouci",
        labels={**_OUCI_EN_LABELS, **_OUCI_UK_LABELS},
        other_sections=skipped,
        article_types={},
        actions={},
        abstract_follows=(),
        rating_ends=(),
        claim_lines={},
        rating_notes={},
        empty_markers=(),
        # the web's common chrome (menus, cookie banners, footers), as on Peeref
        chrome_lines={*vocab.CHROME_LINES, *_OUCI_EN_CHROME, *_OUCI_UK_CHROME, "·"},
        nav_words=vocab.NAV_WORDS,
        chrome_prefixes=vocab.CHROME_PREFIXES,
        markers={
            "general information",
            "основна інформація",
            "детальна інформація",
            "list of references",
            "список літератури",
            "number of works in the list of references",
            "кількість джерел у списку літератури",
            "publications that cite this publication",
            "публікації, які цитують цю публікацію",
        },
        languages={**english, **ukrainian},
        addresses=("ouci.dntb.gov.ua",),
        never_last={
            "preamble",
            "article_type",
            "journal",
            "publisher",
            "authors",
            "funding",
            "abstract",
        },
        award_ids=False,
        doi_suffixes=("· full text", "· повний текст", "·"),
        spaced_labels={"funder": "funding", "джерело фінансування": "funding"},
        quiet_sections=skipped,
        journal_line=read_journal_line,
        glued_bullets=True,
    )


#: The Open Ukrainian Citation Index's work pages (``ouci.dntb.gov.ua/works/<id>`` in
#: Ukrainian, ``/en/works/<id>`` in English), in the older and the newer layout.
OUCI: Final = _ouci()

#: The layouts ``parse()`` tries when none is given, in order.
BUILT_IN: Final[tuple[Layout, ...]] = (PEEREF, OUCI)
