"""PubMed (``pubmed.ncbi.nlm.nih.gov/<PMID>/``) and PubMed Central article pages.

Both are the National Library of Medicine's, in English, and open the same way: the
government banner and NCBI's menus, then the paper's **front matter** — a citation line
(``Hepatology. 2019 Mar 12;69(3):1055-1068. doi: …``), the title, the author line and
the identifiers — read as one block by :func:`paperparse.readers.front.read_front`
(``Layout.front``), then labelled sections. What the pages show and never show is in
``docs/sites.md``; where each word came from: the real pages of ``fixtures/pubmed`` and
``fixtures/pmc``. Every key is folded (:func:`paperparse.normalize.fold`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from .. import web as common
from ..fields.ncbi import read_grant
from ..model import Funding
from .layout import Layout

#: The government banner and NCBI's header, search bar and menus, on both sites.
NCBI_CHROME: Final = frozenset(
    {
        "skip to main page content",
        "skip to main content",
        "u.s. flag",
        "an official website of the united states government",
        "here's how you know",
        "here\u2019s how you know",
        "dot gov",
        "the .gov means it\u2019s official.",
        "the .gov means it's official.",
        "https",
        "the site is secure.",
        "national institutes of health",
        "national library of medicine",
        "national center for biotechnology information",
        "ncbi homepage",
        "log in",
        "show account info",
        "close",
        "account",
        "logged in as:",
        "dashboard (my ncbi)",
        "publications (my bibliography)",
        "account settings",
        "log out",
        "access keys ncbi homepage myncbi homepage main content main navigation",
        "advanced",
        "clipboard",
        "user guide",
        "search",
        "save",
        "email",
        "send to",
        "display options",
        "full text links",
        "full-text links",
        "actions",
        "cite",
        "share",
        "permalink",
        "copy",
        "favorites",
        "page navigation",
        "expand",
        "collapse",
        "show details",
        "item in clipboard",
        "free pmc article",
        "free article",
        "search in pubmed",
        "search in nlm catalog",
        "search in mesh",
        "add to search",
        "journal list",
        "search pmc full-text archive",
        "pmc user guide",
        "view on publisher site",
        "pdf",
        "collections",
        "resources",
        "author information",
        "article notes",
        "copyright and license information",
        "copyright notice",
        "follow ncbi",
        "connect with nlm",
    }
)
#: Starts of the banner's and menus' long lines.
NCBI_PREFIXES: Final = (
    "federal government websites often end in .gov",
    "the https:// ensures that you are connecting",
    "this site needs javascript to work properly",
    "clipboard, search history, and several other advanced features",
    "we are sorry, but ncbi web applications do not support your browser",
    "found 1 result for",
)

#: Parts of both sites' pages that list other papers or are no part of the record.
NCBI_SKIPPED: Final = frozenset(
    {
        "affiliations",
        "similar articles",
        "cited by",
        "references",
        "linkout - more resources",
        "full text sources",
        "figures",
        "substances",
        "conflict of interest statement",
        "comment in",
        "comment on",
        "erratum in",
        "related information",
        "supplementary materials",
        "supplementary material",
        "acknowledgments",
        "acknowledgements",
        "associated data",
        "data availability statement",
        "footnotes",
        "author contributions",
        "conflicts of interest",
        "conflict of interest",
        "competing interests",
        "similar articles in pubmed",
        "cited by other articles",
    }
)

#: NLM's publication types as PubMed shows them above the citation line (a badge) and
#: in the ``Publication types`` list, besides the funding types
#: (``paperparse.fields.ncbi.is_funding_type``).
PUBLICATION_TYPES: Final = (
    "Review",
    "Systematic Review",
    "Meta-Analysis",
    "Randomized Controlled Trial",
    "Clinical Trial",
    "Clinical Trial, Phase I",
    "Clinical Trial, Phase II",
    "Clinical Trial, Phase III",
    "Clinical Trial, Phase IV",
    "Controlled Clinical Trial",
    "Multicenter Study",
    "Observational Study",
    "Comparative Study",
    "Evaluation Study",
    "Validation Study",
    "Case Reports",
    "Editorial",
    "Letter",
    "Comment",
    "News",
    "Practice Guideline",
    "Guideline",
    "Consensus Development Conference",
    "Historical Article",
    "Biography",
    "Published Erratum",
    "Retracted Publication",
    "Retraction of Publication",
    "Video-Audio Media",
    "English Abstract",
    "Journal Article",
    "Preprint",
)

_LABELS: Final = {
    "abstract": "abstract",
    "keywords": "keywords",
    "keyword": "keywords",
    "key words": "keywords",
}


def _ncbi(
    site: str,
    labels: dict[str, str],
    markers: set[str],
    addresses: tuple[str, ...],
    marker_parts: tuple[str, ...] = (),
    *,
    body_follows_abstract: bool = False,
    funding_entry: Callable[[str], Funding | None] | None = None,
    metadata_ignored: frozenset[str] = frozenset(),
) -> Layout:
    return Layout(
        site=site,
        labels={**_LABELS, **labels},
        other_sections=NCBI_SKIPPED,
        article_types={type_.casefold(): type_ for type_ in PUBLICATION_TYPES},
        actions={},
        abstract_follows=(),
        rating_ends=(),
        claim_lines={},
        rating_notes={},
        empty_markers={"no abstract available"},
        chrome_lines={*common.CHROME_LINES, *NCBI_CHROME},
        nav_words=common.NAV_WORDS,
        chrome_prefixes=(*common.CHROME_PREFIXES, *NCBI_PREFIXES),
        markers=markers,
        languages=dict.fromkeys({*_LABELS, *labels, *NCBI_SKIPPED}, "en"),
        addresses=addresses,
        quiet_sections=NCBI_SKIPPED,
        marker_parts=marker_parts,
        front=True,
        body_follows_abstract=body_follows_abstract,
        funding_entry=funding_entry,
        metadata_ignored=metadata_ignored,
        front_sections={"affiliations", "affiliation"},
        # A copy that ends in the front matter, the abstract or the keywords was cut off there.
        never_last={"preamble", "abstract", "keywords", "mesh_terms", "publication_types"},
    )


#: PubMed's abstract pages (``pubmed.ncbi.nlm.nih.gov/<PMID>/``).
PUBMED: Final = _ncbi(
    "pubmed",
    {
        "grants and funding": "funding",
        "grant support": "funding",
        "mesh terms": "mesh_terms",
        "publication types": "publication_types",
    },
    {
        "item in clipboard",
        "publication types",
        "mesh terms",
        "linkout - more resources",
        "access keys ncbi homepage myncbi homepage main content main navigation",
        "affiliations",
    },
    ("pubmed.ncbi.nlm.nih.gov",),
    funding_entry=read_grant,
    # citation_publisher holds the journal's abbreviation, citation_journal_title the
    # journal's full title where the page shows the abbreviation
    metadata_ignored=frozenset({"publisher", "journal"}),
)
#: PubMed Central's article pages (``pmc.ncbi.nlm.nih.gov/articles/PMC<digits>/``, and
#: the older ``www.ncbi.nlm.nih.gov/pmc/articles/…``).
PMC: Final = _ncbi(
    "pmc",
    {"funding": "funding"},
    {"search pmc full-text archive", "pmc user guide", "published in final edited form as"},
    ("pmc.ncbi.nlm.nih.gov", "ncbi.nlm.nih.gov/pmc"),
    # the logo line, newer (``NAME logoLink to NAME``) and older (``Logo of amjph…``)
    (" logolink to ", "logo of "),
    body_follows_abstract=True,
)
