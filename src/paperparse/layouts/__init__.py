r"""Site layouts as values: the words a site's paper page is made of, per interface language.

A :class:`Layout` holds everything the parser needs to know about one site: its section
labels and their synonyms in each interface language, its buttons, the author-claim
prompt, rating notes, placeholders, page chrome, the words that identify its pages, and
how its pages are laid out. No stage of the parser holds a site's words itself, so a
second interface language is more entries here, and a second site is a second
:class:`Layout` plus fixtures. A layout is compiled once, when it is made or extended,
into the lookup tables the stages read (:mod:`.compiled`).

One module a site: :mod:`.peeref`, :mod:`.ouci`, :mod:`.ncbi` (PubMed and PMC);
:mod:`paperparse.web` holds the web's words (menus, cookie banners, footers) that every
site starts from.

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

import functools
from collections.abc import Mapping
from typing import Final

from .layout import KINDS, Layout
from .ncbi import PMC, PUBMED
from .ouci import OUCI
from .peeref import PEEREF

__all__ = ["BUILT_IN", "KINDS", "OUCI", "PEEREF", "PMC", "PUBMED", "Layout"]

#: The layouts ``parse()`` tries when none is given, in order.
BUILT_IN: Final[tuple[Layout, ...]] = (PEEREF, OUCI, PMC, PUBMED)


@functools.lru_cache(maxsize=64)
def labels_of(layouts: tuple[Layout, ...]) -> Mapping[str, str]:
    """The section labels (folded) -> kind of *layouts*, the first layout's first.

    A text dump's outline reads a table's label cells with them before the page's site
    is known: a label of any of the sites the page may be of.
    """
    merged: dict[str, str] = {}
    for layout in reversed(layouts):
        merged.update(layout.labels)
    return merged
