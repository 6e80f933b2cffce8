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
its reason in ``problems`` (clauses the engine turns into warnings). Dates and MeSH terms
are the record's own classes (:class:`paperparse.model.Published`,
:class:`~paperparse.model.MeshTerm`, :class:`~paperparse.model.MeshQualifier`); the other
values are small frozen attrs classes of this package. Every pattern is anchored and
bounded (linear time); most of the work is done with ``str`` methods.

The readers live in two modules: :mod:`.citation` (the citation line, dates, page ranges,
PubMed's short citation) and :mod:`.lists` (publication types, MeSH terms, grants,
identifiers, author lines); this package exports them all.

Where the data tables (publication types, MeSH qualifiers, grant countries) come from
is said in :mod:`.lists`.
"""

from __future__ import annotations

from .citation import (
    Citation,
    Pages,
    Refused,
    ShortCitation,
    expand_page_range,
    read_citation,
    read_date,
    read_pages,
    read_short_citation,
)
from .lists import (
    FUNDING_TYPES,
    MESH_QUALIFIERS,
    NcbiIds,
    PublicationTypes,
    is_funding_type,
    merge_mesh_terms,
    read_grant,
    read_mesh_term,
    read_ncbi_authors,
    read_ncbi_ids,
    read_publication_types,
)

__all__ = [
    "FUNDING_TYPES",
    "MESH_QUALIFIERS",
    "Citation",
    "NcbiIds",
    "Pages",
    "PublicationTypes",
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
