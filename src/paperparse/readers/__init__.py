"""Readers: one module per kind of value, each turning sections into a value.

A reader gets the section it reads (:class:`~paperparse.sections.Section`) and what it
may know about the page (:class:`Context`), never another section, and returns a
:class:`Reading`: the value, the warnings it raised, and the lines the value stands on
(which the record's provenance reports). The pure ``str -> value`` parts stand in
:mod:`paperparse.fields`; a reader adds what a section's lines say about them (list
markers, wrapping, items split across lines).

=================  ===================================================  ===============
module             reads                                                 fields
=================  ===================================================  ===============
:mod:`.title`      the page header and the title above the labels       title, type,
                                                                         header score
:mod:`.names`      a name on the section's first line                   publisher,
                                                                         article type
:mod:`.journal`    the journal's name (or a site's journal line)        journal
:mod:`.items`      a list of short items                                keywords,
                                                                         categories
:mod:`.funding`    funding entries: funder and award ids                funding
:mod:`.abstract`   the site's summary and the abstract                  summary,
                                                                         abstract
:mod:`.authors`    author names and the author-claim prompt             authors,
                                                                         author_claim
:mod:`.rating`     the rating block: score, count, note, sub-scores     rating
:mod:`.titles`     the titles of a list of other papers                 recommended
:mod:`.mesh`       PubMed's MeSH headings                               mesh_terms
:mod:`.types`      PubMed's publication types                           article type
:mod:`.front`      a citation-line page's front matter                  title, journal,
                                                                         doi, authors,
                                                                         pmid, pmcid,
                                                                         published
=================  ===================================================  ===============

The readers that a field spec names (:attr:`paperparse.specs.FieldSpec.reader`) are in
:data:`READERS`; the record stage (:mod:`paperparse.record`) runs them in a loop over
the specs, and the others in steps of their own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

from ..sections import Section
from .base import Context, Reading
from .funding import read_funding
from .items import read_items
from .mesh import read_mesh
from .names import read_first_line
from .titles import read_titles

__all__ = ["READERS", "Context", "Reader", "Reading"]

#: A reader turns one section into the value of a field (empty when the section holds
#: none), warning about what it cannot read; it gets what warnings call the value.
Reader = Callable[[Section, Context, str], Reading[Any]]

#: The readers a spec can name (:attr:`paperparse.specs.FieldSpec.reader`).
READERS: Final[dict[str, Reader]] = {
    # one value on the section's first line; more lines are reported
    "first line": read_first_line,
    # a list of short items: one a line, or separated by a mark (keywords, categories)
    "items": read_items,
    # numbered or unnumbered funding entries: funder and award ids
    "funding": read_funding,
    # the titles of a list of other papers
    "titles": read_titles,
    # PubMed's MeSH headings
    "mesh terms": read_mesh,
}
