"""Render a record as a PubMed or a PubMed Central (PMC) page: HTML and browser-copy text.

For the noise and dump-tool tests of the PubMed and PMC layouts (issue 24):
:func:`render_pubmed_html` and :func:`render_pmc_html` write a page in a markup modelled
on the sites' (the government banner, NCBI's header and search bar, the article's header
with its citation line, authors with affiliation marks, affiliations, identifiers,
abstract, keywords, and, on PubMed, similar articles, cited-by, publication types, MeSH
terms, grants and LinkOut; on PMC, the body, acknowledgements, funding, references and
the side panel), and :func:`render_pubmed_text` and :func:`render_pmc_text` the text a
browser copy of such a page gives. The markup is written for these tests, not copied
from the sites.

The record is a dict as :func:`paperparse.to_dict` writes it, with the schema 1.2 keys
``pmid``, ``pmcid``, ``published`` and ``mesh_terms`` read when present. Only what the
record holds about the paper is written as the paper's; everything else on the page is
chrome or **decoys**: other papers' titles, authors, journals, citation lines, DOIs and
PMIDs in ``Similar articles``, ``Cited by`` and the references, which a parser must
never take for the paper's. Plain Python, no Hypothesis.

How the pages write what the record holds:

* the citation line is NLM's ``JOURNAL. DATE;VOLUME(ISSUE):PAGES. doi: DOI.``; PubMed
  abbreviates page ranges the MEDLINE way (1203-1217 as ``1203-17``, see
  :func:`abbreviate_range`), PMC writes them whole with an en dash; with
  ``journal_on_line=False`` the text loses the journal's name (``. 2020 Jan;…``), as
  browser copies of PubMed do, and the name is left in the short citation below;
* PubMed's publication types are the record's ``article_type`` (split at ``"; "``),
  then ``Research Support, N.I.H., Extramural`` when a funder is an NIH institute and
  ``Research Support, Non-U.S. Gov't`` for any other funding;
* a MeSH heading with qualifiers is one item per qualifier (``Liver / pathology*``);
* a funding entry whose text is no PubMed grant entry is written as one
  (``ID/XX/FUNDER/COUNTRY``, the country ``United States`` for an NIH funder and
  ``International`` for any other), so its ``text`` does not come back as it was;
* PMC's funding section is a list of ``FUNDER (ID)`` lines; PubMed keywords are joined
  with ``; `` and end with ``.``, PMC's with ``, ``.
"""

from __future__ import annotations

import html
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, Final, NamedTuple

from ..fields.ncbi import read_grant

__all__ = [
    "abbreviate_range",
    "format_citation",
    "render_pmc_html",
    "render_pmc_text",
    "render_pubmed_html",
    "render_pubmed_text",
]

_MONTHS: Final = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)


class _Decoy(NamedTuple):
    """Another paper, shown in a list: never a source of the record's values."""

    title: str
    authors: str
    journal: str
    cit: str
    doi: str
    pmid: str


#: Other papers (invented) for ``Similar articles``, ``Cited by`` and the references.
_DECOYS: Final = (
    _Decoy(
        "Long-term outcomes of liver transplantation in adults: a registry study.",
        "Okafor CN, Lindqvist E, Marsh T",
        "Transplant Proc",
        "2017 Oct;49(8):1810-6",
        "10.1016/j.transproceed.2017.06.021",
        "28923617",
    ),
    _Decoy(
        "Stromal cell therapy for acute organ injury: promises and pitfalls.",
        "Haddad R, Nguyen VT",
        "Stem Cells Transl Med",
        "2020 Mar;9(3):281-290",
        "10.1002/sctm.19-0173",
        "31750631",
    ),
    _Decoy(
        "Exosome-mediated signalling between hepatocytes and immune cells.",
        "Brennan MJ, Sato K, Álvarez-Ruiz P, Wójcik A",
        "J Hepatol",
        "2021 Jan 12;74(1):e1-e12",
        "10.1016/j.jhep.2020.09.011",
        "33011123",
    ),
    _Decoy(
        "A randomised trial of early rehabilitation after abdominal surgery.",
        "Iversen LH, Duarte M",
        "Lancet",
        "2019 Jun 8;393(10188):2312-2321",
        "10.1016/S0140-6736(19)30432-1",
        "31079930",
    ),
    _Decoy(
        "Grant funding and citation impact in biomedical research.",
        "Feldman SR, O'Neill K",
        "PLoS One",
        "2018 Feb 14;13(2):e0192611",
        "10.1371/journal.pone.0192611",
        "29444120",
    ),
)
_AFFILIATIONS: Final = (
    "Department of Medicine, University Hospital, Leiden, The Netherlands.",
    "Institute of Molecular Biology, National University, Singapore.",
    "Division of Hepatology, Medical Center, Boston, MA, USA.",
)
#: PubMed's funding publication types, by the kind of funder.
_NIH_SUPPORT: Final = "Research Support, N.I.H., Extramural"
_OTHER_SUPPORT: Final = "Research Support, Non-U.S. Gov't"


def abbreviate_range(first: str, last: str) -> str:
    """Write a page range the MEDLINE way: the last page without the digits it shares.

    >>> abbreviate_range("1203", "1217"), abbreviate_range("175", "179")
    ('1203-17', '175-9')
    >>> abbreviate_range("99", "102"), abbreviate_range("e123", "e130"), abbreviate_range("5", "5")
    ('99-102', 'e123-e130', '5-5')
    """
    if not (first.isdigit() and last.isdigit()) or len(first) != len(last) or first == last:
        return f"{first}-{last}"
    shared = 0
    while shared < len(first) - 1 and first[shared] == last[shared]:
        shared += 1
    return f"{first}-{last[shared:]}"


def _date(published: Mapping[str, Any] | None) -> str:
    if not published:
        return ""
    parts = [str(published["year"])]
    if published.get("month"):
        parts.append(_MONTHS[published["month"] - 1])
        if published.get("day"):
            parts.append(str(published["day"]))
    return " ".join(parts)


def _pages(journal: Mapping[str, Any], site: str) -> str:
    pages = journal.get("pages")
    if pages:
        if not pages.get("last"):
            return str(pages["first"])
        if site == "pubmed":
            return abbreviate_range(pages["first"], pages["last"])
        return f"{pages['first']}\u2013{pages['last']}"
    return str(journal.get("article_number") or "")


def format_citation(record: Mapping[str, Any], *, site: str, journal: bool = True) -> str:
    """Write the record's NLM citation line as PubMed (``site="pubmed"``) or PMC does.

    Args:
        record: The record, as :func:`paperparse.to_dict` writes it (schema 1.2 keys
            read when present).
        site: ``"pubmed"`` or ``"pmc"``.
        journal: Whether the line starts with the journal's name (PMC's pages and
            browser copies of PubMed leave it out: ``. 2020 Jan;…``).

    Returns:
        The line, or ``""`` when the record holds no publication date (the line needs one).

    Examples:
        >>> rec = {"journal": {"name": "Hepatology", "volume": "69", "issue": "3",
        ...     "pages": {"first": "1055", "last": "1068"}, "article_number": None},
        ...     "published": {"year": 2019, "month": 3, "day": 12}, "doi": "10.1002/hep.1"}
        >>> format_citation(rec, site="pubmed")
        'Hepatology. 2019 Mar 12;69(3):1055-68. doi: 10.1002/hep.1.'
        >>> format_citation(rec, site="pmc", journal=False)
        '. 2019 Mar 12;69(3):1055\u20131068. doi: 10.1002/hep.1'
    """
    date = _date(record.get("published"))
    if not date:
        return ""
    block = record.get("journal") or {}
    name = block.get("name") if journal else None
    line = f"{name}. {date}" if name else f". {date}"
    locator = block.get("volume") or ""
    if block.get("issue"):
        locator += f"({block['issue']})"
    pages = _pages(block, site)
    if pages:
        locator += f":{pages}"
    if locator:
        line += f";{locator}"
    line += "."
    if record.get("doi"):
        line += f" doi: {record['doi']}" + ("." if site == "pubmed" else "")
    return line


def _publication_types(record: Mapping[str, Any]) -> list[str]:
    types = [t for t in (record.get("article_type") or "").split("; ") if t]
    funders = [entry.get("funder") or "" for entry in record.get("funding", ())]
    if any("NIH" in funder for funder in funders):
        types.append(_NIH_SUPPORT)
    if any("NIH" not in funder for funder in funders):
        types.append(_OTHER_SUPPORT)
    return types


def _mesh_items(record: Mapping[str, Any]) -> list[str]:
    items: list[str] = []
    for term in record.get("mesh_terms") or ():
        head = term["descriptor"] + ("*" if term.get("major") else "")
        qualifiers = term.get("qualifiers") or ()
        if not qualifiers:
            items.append(head)
        for qualifier in qualifiers:
            items.append(f"{head} / {qualifier['name']}" + ("*" if qualifier.get("major") else ""))
    return items


def _grants(record: Mapping[str, Any]) -> list[str]:
    entries: list[str] = []
    for entry in record.get("funding", ()):
        text = entry.get("text") or ""
        if read_grant(text) is None:
            if not entry.get("funder"):
                continue
            ids = entry.get("award_ids") or [""]
            country = "United States" if "NIH" in entry["funder"] else "International"
            text = f"{ids[0]}/XX/{entry['funder']}/{country}".lstrip("/")
        entries.append(text)
    return entries


def _authors(record: Mapping[str, Any]) -> list[tuple[str, list[int]]]:
    """The authors with their affiliation numbers (1-based, cycling through three)."""
    names = [author["name"] for author in record.get("authors", ())]
    return [
        (name, [i % 3 + 1] + ([(i + 1) % 3 + 1] if i % 2 else [])) for i, name in enumerate(names)
    ]


def _ids(record: Mapping[str, Any]) -> list[tuple[str, str]]:
    pairs = [("PMID", record.get("pmid")), ("PMCID", record.get("pmcid"))]
    return [(label, value) for label, value in pairs if value]


def _decoy_citation(decoy: _Decoy) -> str:
    first = decoy.authors.split(",")[0]
    year = decoy.cit[:4]
    return (
        f"{decoy.authors}. {first}, et al. {decoy.journal}. {decoy.cit}. doi: {decoy.doi}. "
        f"{decoy.journal}. {year}. PMID: {decoy.pmid}"
    )


# --- text --------------------------------------------------------------------------

_BANNER: Final = (
    "An official website of the United States government",
    "Here's how you know",
    "Dot gov",
    "The .gov means it\u2019s official.",
    "Federal government websites often end in .gov or .mil. Before sharing sensitive "
    "information, make sure you\u2019re on a federal government site.",
    "Https",
    "The site is secure.",
    "The https:// ensures that you are connecting to the official website and that any "
    "information you provide is encrypted and transmitted securely.",
)
_PUBMED_NAV: Final = (
    "Log in",
    "Show account info",
    "Access keys NCBI Homepage MyNCBI Homepage Main Content Main Navigation",
    "Search:",
    "Search",
    "Advanced Clipboard",
    "User Guide",
    "Save",
    "Email",
    "Send to",
    "Display options",
    "Full text links",
    "Cite",
)
_PUBMED_FOOT: Final = (
    "LinkOut - more resources",
    "Full Text Sources",
    "Europe PubMed Central",
    "Connect",
    "Twitter",
    "Facebook",
    "National Center for Biotechnology Information",
    "8600 Rockville Pike Bethesda, MD 20894 USA",
    "NLM | NIH | HHS | USA.gov",
)
_PMC_NAV: Final = (
    "Log in",
    "Search PMC Full-Text Archive",
    "Search in PMC",
    "Journal List",
    "User Guide",
)
_PMC_SIDE: Final = (
    "ACTIONS",
    "View on publisher site",
    "PDF (1.1 MB)",
    "Cite",
    "Collections",
    "Permalink",
    "RESOURCES",
    "Similar articles",
    "Cited by other articles",
    "Links to NCBI Databases",
    "Follow NCBI",
    "NLM | NIH | HHS | USA.gov",
)


def _text_header(record: Mapping[str, Any], site: str, *, journal_on_line: bool) -> Iterator[str]:
    citation = format_citation(record, site=site, journal=journal_on_line)
    if citation:
        yield citation
    if record.get("title"):
        yield record["title"]


def render_pubmed_text(record: Mapping[str, Any], *, journal_on_line: bool = True) -> str:
    """Write the text a browser copy of the record's PubMed page gives.

    Args:
        record: The record (see the module's notes).
        journal_on_line: Whether the citation line keeps the journal's name; without
            it the line starts with ``.`` and the name stays in the short citation.

    Returns:
        The text, each line ending in a newline.
    """
    lines: list[str] = ["Skip to main page content", "U.S. flag", *_BANNER, *_PUBMED_NAV]
    lines += [t for t in (record.get("article_type") or "").split("; ") if t]
    lines += _text_header(record, "pubmed", journal_on_line=journal_on_line)
    authors = _authors(record)
    if authors:
        lines.append(", ".join(f"{name} {' '.join(map(str, marks))}" for name, marks in authors))
        lines.append("Affiliations")
        lines += [
            f"{n} {_AFFILIATIONS[n - 1]}" for n in sorted({m for _, ms in authors for m in ms})
        ]
    lines += [f"{label}: {value}" for label, value in _ids(record)]
    if record.get("doi"):
        lines.append(f"DOI: {record['doi']}")
    name = (record.get("journal") or {}).get("name")
    if authors and name:
        more = " et al" if len(authors) > 1 else ""
        lines.append(f"{authors[0][0]}{more}. {name}. {_date(record.get('published'))}.")
    lines.append("Abstract")
    lines.append(record.get("abstract") or "No abstract available")
    if record.get("keywords"):
        lines.append("Keywords: " + "; ".join(record["keywords"]) + ".")
    lines += ["Similar articles"]
    for decoy in _DECOYS[:3]:
        lines += [decoy.title, _decoy_citation(decoy)]
    lines += ["See all similar articles", "Cited by"]
    for decoy in _DECOYS[3:]:
        lines += [decoy.title, _decoy_citation(decoy)]
    types = _publication_types(record)
    if types:
        lines += ["Publication types", *types]
    mesh = _mesh_items(record)
    if mesh:
        lines += ["MeSH terms", *mesh]
    grants = _grants(record)
    if grants:
        lines += ["Grants and funding", *grants]
    lines += list(_PUBMED_FOOT)
    return "\n".join(lines) + "\n"


def _pmc_heading(record: Mapping[str, Any], author_manuscript: bool) -> list[str]:
    name = (record.get("journal") or {}).get("name")
    if author_manuscript:
        citation = format_citation(record, site="pmc")
        return [
            "NIHPA Author Manuscripts logoLink to NIHPA Author Manuscripts",
            ". Author manuscript; available in PMC: 2021 Jan 1.",
            f"Published in final edited form as: {citation}" if citation else "",
        ]
    logo = [f"{name} logoLink to {name}"] if name else []
    return [*logo, format_citation(record, site="pmc", journal=False)]


def render_pmc_text(record: Mapping[str, Any], *, author_manuscript: bool = False) -> str:
    """Write the text a browser copy of the record's PMC article page gives.

    Args:
        record: The record (see the module's notes).
        author_manuscript: Write the page of an NIH author manuscript (``NIHPA Author
            Manuscripts`` logo, ``Published in final edited form as: …``).

    Returns:
        The text, each line ending in a newline.
    """
    lines: list[str] = ["Skip to main content", *_BANNER, *_PMC_NAV]
    lines += [line for line in _pmc_heading(record, author_manuscript) if line]
    if record.get("title"):
        lines.append(record["title"])
    authors = _authors(record)
    if authors:
        lines.append(", ".join(f"{name} {','.join(map(str, marks))}" for name, marks in authors))
        lines += ["Author information", "Article notes", "Copyright and License information"]
    ids = [(label, value) for label, value in reversed(_ids(record))]
    if ids:
        lines.append("  ".join(f"{label}: {value}" for label, value in ids))
    if record.get("abstract"):
        lines += ["Abstract", record["abstract"]]
    if record.get("keywords"):
        lines.append("Keywords: " + ", ".join(record["keywords"]))
    decoy = _DECOYS[0]
    lines += [
        "1. Introduction",
        f"Earlier work ({decoy.authors.split(',')[0]} et al., {decoy.journal} {decoy.cit[:4]}; "
        f"doi: {decoy.doi}) set the question this study takes up.",
        "Acknowledgments",
        "We thank the patients and the staff of the participating centres.",
    ]
    funding = [entry for entry in record.get("funding", ()) if entry.get("funder")]
    if funding:
        lines.append("Funding")
        for entry in funding:
            ids_text = ", ".join(entry.get("award_ids") or ())
            lines.append(f"{entry['funder']} ({ids_text})" if ids_text else entry["funder"])
    lines.append("References")
    for number, other in enumerate(_DECOYS, 1):
        lines.append(
            f"{number}. {other.authors}. {other.title} {other.journal}. {other.cit}. "
            f"doi: {other.doi}"
        )
    lines += list(_PMC_SIDE)
    return "\n".join(lines) + "\n"


# --- HTML --------------------------------------------------------------------------


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _html_page(title: str, body: Sequence[str]) -> str:
    banner = "".join(f"<p>{_e(line)}</p>" for line in _BANNER)
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{_e(title)}</title></head>\n<body>\n"
        '<a class="usa-skipnav" href="#main">Skip to main page content</a>\n'
        f'<section class="usa-banner" aria-label="Official government website">{banner}'
        "</section>\n" + "\n".join(body) + "\n</body></html>\n"
    )


def _html_authors(record: Mapping[str, Any], separator: str) -> str:
    items = []
    for name, marks in _authors(record):
        sup = separator.join(f'<a class="affiliation-link" href="#aff{m}">{m}</a>' for m in marks)
        items.append(
            f'<span class="authors-list-item"><a class="full-name" href="#">{_e(name)}</a>'
            f'<sup class="affiliation-links"> {sup}</sup></span>'
        )
    return '<div class="authors-list">' + ", ".join(items) + "</div>"


def _html_decoys(heading: str, decoys: Sequence[_Decoy], class_: str) -> str:
    items = "".join(
        f'<li class="full-docsum"><a class="docsum-title" href="/{d.pmid}/">{_e(d.title)}</a>'
        f'<span class="docsum-authors full-authors">{_e(d.authors)}.</span> '
        f'<span class="docsum-journal-citation full-journal-citation">{_e(d.journal)}. '
        f"{_e(d.cit)}. doi: {_e(d.doi)}.</span> "
        f'<span class="docsum-pmid">PMID: {d.pmid}</span></li>'
        for d in decoys
    )
    return f'<div class="{class_}"><h2 class="title">{heading}</h2><ul>{items}</ul></div>'


def _html_list(heading: str, items: Sequence[str], class_: str, *, dropdown: bool = False) -> str:
    if not items:
        return ""
    menu = (
        '<div class="keyword-actions-dropdown" hidden><div class="title">Actions</div>'
        "<ul><li>Search in PubMed</li><li>Search in MeSH</li><li>Add to Search</li></ul></div>"
        if dropdown
        else ""
    )
    lis = "".join(
        f'<li><button class="keyword-actions-trigger">{_e(item)}</button>{menu}</li>'
        for item in items
    )
    title = f'<h2 class="title">{heading}</h2>'
    return f'<div class="{class_} keywords-section">{title}<ul>{lis}</ul></div>'


def render_pubmed_html(record: Mapping[str, Any]) -> str:
    """Write the record's PubMed abstract page as HTML (see the module's notes).

    >>> page = render_pubmed_html({"title": "A title", "authors": [{"name": "Ann Lee"}]})
    >>> '<h1 class="heading-title">A title</h1>' in page, "Similar articles" in page
    (True, True)
    """
    block = record.get("journal") or {}
    citation = format_citation(record, site="pubmed", journal=False).removeprefix(". ")
    source = ""
    if citation:
        name = _e(block.get("name") or "")
        source = (
            '<div class="article-source"><div class="journal-actions dropdown-block">'
            '<button id="full-view-journal-trigger" class="journal-actions-trigger">'
            f"{name}</button>"
            '<div class="journal-actions-dropdown" hidden><div class="title">Actions</div>'
            "<ul><li>Search in PubMed</li><li>Search in NLM Catalog</li><li>Add to Search</li>"
            "</ul></div></div>"
            f'<span class="period">. </span><span class="cit">{_e(citation)}</span></div>'
        )
    types = "".join(
        f'<div class="publication-type">{_e(t)}</div>'
        for t in (record.get("article_type") or "").split("; ")
        if t
    )
    marks = sorted({m for _, ms in _authors(record) for m in ms})
    affiliations = "".join(
        f'<li id="aff{m}"><sup class="key">{m}</sup>{_e(_AFFILIATIONS[m - 1])}</li>' for m in marks
    )
    ids = "".join(
        f'<li><span class="identifier">{label}: <strong class="current-id">{_e(value)}</strong>'
        "</span></li>"
        for label, value in _ids(record)
    )
    if record.get("doi"):
        doi = _e(record["doi"])
        ids += f'<li><span class="identifier doi">DOI: <a href="https://doi.org/{doi}">{doi}</a>'
        ids += "</span></li>"
    abstract = (
        f'<div class="abstract-content selected"><p>{_e(record["abstract"])}</p></div>'
        if record.get("abstract")
        else '<em class="empty-abstract">No abstract available</em>'
    )
    keywords = (
        '<p><strong class="sub-title">Keywords: </strong>'
        + _e("; ".join(record["keywords"]) + ".")
        + "</p>"
        if record.get("keywords")
        else ""
    )
    body = [
        '<header class="ncbi-header"><a href="https://www.ncbi.nlm.nih.gov/">NCBI homepage</a>'
        "<button>Log in</button></header>",
        '<nav class="search-bar"><label>Search:</label><input name="term"><button>Search</button>'
        '<a href="/advanced/">Advanced</a> <a href="/clipboard/">Clipboard</a>'
        '<a href="/help/">User Guide</a></nav>',
        '<aside class="page-sidebar"><h3>Full text links</h3><button>Cite</button>'
        "<h3>Page navigation</h3><ul><li>Title &amp; authors</li><li>Abstract</li>"
        "<li>Similar articles</li><li>Cited by</li><li>Publication types</li><li>MeSH terms</li>"
        "<li>Grants and funding</li><li>LinkOut - more resources</li></ul></aside>",
        '<main id="main" class="article-details"><header class="heading">',
        types,
        f'<div class="article-citation">{source}</div>',
        f'<h1 class="heading-title">{_e(record.get("title") or "")}</h1>',
        _html_authors(record, " "),
        '<div class="affiliations"><h3 class="title">Affiliations</h3>'
        f'<ul class="item-list">{affiliations}</ul></div>'
        if affiliations
        else "",
        f'<ul id="full-view-identifiers" class="identifiers">{ids}</ul></header>',
        '<div id="abstract" class="abstract"><h2 class="title">Abstract</h2>'
        f"{abstract}{keywords}</div>",
        _html_decoys("Similar articles", _DECOYS[:3], "similar-articles"),
        _html_decoys("Cited by", _DECOYS[3:], "citedby-articles"),
        _html_list("Publication types", _publication_types(record), "publication-types"),
        _html_list("MeSH terms", _mesh_items(record), "mesh-terms", dropdown=True),
        _html_list("Grants and funding", _grants(record), "grants"),
        '<div class="linkout"><h2 class="title">LinkOut - more resources</h2>'
        "<ul><li>Full Text Sources</li><li>Europe PubMed Central</li></ul></div></main>",
        '<footer class="ncbi-footer"><p>National Center for Biotechnology Information</p>'
        "<p>8600 Rockville Pike Bethesda, MD 20894 USA</p></footer>",
    ]
    return _html_page(
        f"{record.get('title') or 'PubMed'} - PubMed", [part for part in body if part]
    )


def render_pmc_html(record: Mapping[str, Any], *, author_manuscript: bool = False) -> str:
    """Write the record's PMC article page as HTML (see the module's notes).

    >>> page = render_pmc_html({"title": "A title", "pmcid": "PMC1"}, author_manuscript=True)
    >>> "NIHPA Author Manuscripts" in page, "PMCID: PMC1" in page
    (True, True)
    """
    heading = "".join(
        f'<div class="pmc-citation-line">{_e(line)}</div>'
        for line in _pmc_heading(record, author_manuscript)
        if line
    )
    ids = "  ".join(f"{label}: {_e(value)}" for label, value in reversed(_ids(record)))
    funding = "".join(
        f"<li>{_e(entry['funder'])}"
        + (f" ({_e(', '.join(entry['award_ids']))})" if entry.get("award_ids") else "")
        + "</li>"
        for entry in record.get("funding", ())
        if entry.get("funder")
    )
    references = "".join(
        f'<li id="R{n}">{_e(d.authors)}. {_e(d.title)} {_e(d.journal)}. {_e(d.cit)}. '
        f'doi: <a href="https://doi.org/{_e(d.doi)}">{_e(d.doi)}</a></li>'
        for n, d in enumerate(_DECOYS, 1)
    )
    body = [
        '<header class="ncbi-header"><a href="https://www.ncbi.nlm.nih.gov/">NCBI</a>'
        "<button>Log in</button></header>",
        '<nav class="pmc-search"><label>Search PMC Full-Text Archive</label><input name="term">'
        '<button>Search in PMC</button><a href="/journals/">Journal List</a>'
        '<a href="/about/userguide/">User Guide</a></nav>',
        '<main id="main"><article>',
        f'<section class="pmc-layout__citation">{heading}</section>',
        '<section class="front-matter">',
        f"<h1>{_e(record.get('title') or '')}</h1>",
        '<div class="cg p">' + _html_authors(record, ",") + "</div>"
        if record.get("authors")
        else "",
        '<ul class="d-buttons"><li><button>Author information</button></li>'
        "<li><button>Article notes</button></li>"
        "<li><button>Copyright and License information</button></li></ul>",
        f'<div class="pmc-ids">{ids}</div></section>' if ids else "</section>",
        '<section class="abstract"><h2>Abstract</h2>'
        + (f"<p>{_e(record['abstract'])}</p>" if record.get("abstract") else "")
        + (
            '<section class="kwd-group"><p><strong>Keywords: </strong>'
            f"{_e(', '.join(record['keywords']))}</p></section>"
            if record.get("keywords")
            else ""
        )
        + "</section>",
        '<section class="body main-article-body"><h2>1. Introduction</h2>'
        f"<p>Earlier work ({_e(_DECOYS[0].journal)}, doi: {_e(_DECOYS[0].doi)}) set the "
        "question.</p></section>",
        '<section class="ack"><h2>Acknowledgments</h2>'
        "<p>We thank the participating centres.</p></section>",
        f'<section class="funding"><h2>Funding</h2><ul>{funding}</ul></section>' if funding else "",
        f'<section class="ref-list"><h2>References</h2><ol>{references}</ol></section>',
        "</article></main>",
        '<aside class="pmc-sidebar">'
        + "".join(f"<p>{_e(line)}</p>" for line in _PMC_SIDE)
        + "</aside>",
    ]
    return _html_page(f"{record.get('title') or 'PMC'} - PMC", [part for part in body if part])
