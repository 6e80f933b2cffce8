"""The NCBI readers (paperparse.fields.ncbi) on the forms of real PubMed and PMC pages.

Cases are grouped by where they come from: the stored pages of fixtures-pending/ (each
checked against the record written by hand beside it), the forms issue 24 names, and
refusals: values a page shows but does not make certain, and lines that are no such
value.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from paperparse.fields.ncbi import (
    Citation,
    NcbiIds,
    Refused,
    expand_page_range,
    is_funding_type,
    merge_mesh_terms,
    read_citation,
    read_date,
    read_grant,
    read_mesh_term,
    read_ncbi_authors,
    read_ncbi_ids,
    read_pages,
    read_publication_types,
    read_short_citation,
)
from paperparse.model import MeshQualifier, MeshTerm, PageRange, Published

ROOT = Path(__file__).resolve().parent.parent


def _page(name: str) -> tuple[list[str], dict[str, Any]]:
    """A real page (``pubmed/NAME``), a fixture or one of those kept apart."""
    found = [*ROOT.glob(f"fixtures/{name}.txt"), *ROOT.glob(f"fixtures-pending/{name}.txt")]
    assert found, f"no page {name}"
    page = found[0]
    lines = page.read_text(encoding="utf-8").splitlines()
    return lines, json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))


# --- the real pages: each reader on its line, against the hand-written record ------

#: fixture -> the citation line as the page shows it.
CITATION_LINES = {
    "pubmed/no-abstract-grant-support-w3m": ". 2013 Jan;8(1):1-3.",
    "pubmed/review-journal-lost-cut-in-abstract": ". 2016 Apr 4;4(4):MR000038.",
    "pmc/author-manuscript-proceedings-nihmsid": (
        "Published in final edited form as: Proceedings (IEEE Int Conf Bioinformatics Biomed). "
        "2009 Nov 1;1-4 Nov(2009):308\u2013313. doi: 10.1109/BIBMW.2009.5332080"
    ),
    "pmc/author-manuscript-trailing-commas-cut-in-abstract": (
        "Published in final edited form as: Antivir Ther. 2017 Feb 14;22(6):523\u2013527. "
        "doi: 10.3851/IMP3136"
    ),
    "pmc/article-number-journal-in-logo-line": (
        ". 2018 Aug 24;9:227. doi: 10.1186/s13287-018-0972-4"
    ),
    "pmc/keywords-comma-separated": (
        ". 2014 Feb 21;11(2):2209\u20132217. doi: 10.3390/ijerph110202209"
    ),
    "pmc/e-locator-letter-marks-group-subtitle": (
        ". 2018 Apr 13;97(15):e9862. doi: 10.1097/MD.0000000000009862"
    ),
    "pmc/doi-in-pages-slot-cut-in-keywords": (
        "Published in final edited form as: Neuroepidemiology. "
        "2013 Jul 11;41(2):10.1159/000351698. doi: 10.1159/000351698"
    ),
    "pmc/letter-affiliation-marks": (
        "Published in final edited form as: Psychiatry Res. 2009 Jul 9;173(2):150\u2013154. "
        "doi: 10.1016/j.pscychresns.2009.02.007"
    ),
    "pmc/date-without-day-structured-abstract": (
        "Published in final edited form as: Arch Ophthalmol. 2009 Jul;127(7):875\u2013881. "
        "doi: 10.1001/archophthalmol.2009.145"
    ),
    "pmc/proxy-copy-older-address": (
        "Published in final edited form as: Arch Phys Med Rehabil. "
        "2014 Feb 20;95(7):1298\u20131302. doi: 10.1016/j.apmr.2014.02.004"
    ),
    "pmc/older-layout-month-name-no-authors": (
        "Am J Public Health. 2006 November; 96(11): 1971\u20131978."
    ),
}
#: fixtures whose citation line lost the journal's name (the record names it from
#: the page's logo line or short citation instead).
JOURNAL_ELSEWHERE = {
    "pubmed/no-abstract-grant-support-w3m",
    "pubmed/review-journal-lost-cut-in-abstract",
    "pmc/article-number-journal-in-logo-line",
    "pmc/keywords-comma-separated",
    "pmc/e-locator-letter-marks-group-subtitle",
}
#: fixtures whose citation line shows a part that is not read (with a reason).
REFUSED_PARTS = {
    "pmc/author-manuscript-proceedings-nihmsid": "'1-4 Nov(2009)'",
    "pmc/doi-in-pages-slot-cut-in-keywords": "'10.1159/000351698'",
}


def test_citation_cases_cover_the_fixtures() -> None:
    assert len(CITATION_LINES) >= 12
    for name in CITATION_LINES:
        assert _page(name), name


@pytest.mark.parametrize("name", sorted(CITATION_LINES))
def test_citation_line_of_a_real_page(name: str) -> None:
    lines, record = _page(name)
    line = CITATION_LINES[name]
    assert line in lines, "the case's line is not the page's"
    citation = read_citation(line)
    assert citation is not None
    journal = record["journal"]
    assert citation.journal == (None if name in JOURNAL_ELSEWHERE else journal["name"])
    assert citation.volume == journal["volume"]
    assert citation.issue == journal["issue"]
    pages = journal["pages"]
    assert citation.pages == (None if pages is None else PageRange(pages["first"], pages["last"]))
    assert citation.article_number == journal["article_number"]
    assert citation.published == Published(**record["published"])
    assert citation.doi == record["doi"] or name == "pubmed/review-journal-lost-cut-in-abstract"
    assert citation.author_manuscript == line.startswith("Published in final edited form as:")
    if name in REFUSED_PARTS:
        assert len(citation.problems) == 1
        assert REFUSED_PARTS[name] in citation.problems[0]
    else:
        assert citation.problems == ()


def test_the_other_lines_of_the_real_pages_are_no_citation() -> None:
    # Every line but the citation line reads as no citation: banners, availability
    # dates, titles, and the similar articles' and references' citations (more than a
    # citation line holds, or cut by the dump tool's wrapping).
    for name, line in CITATION_LINES.items():
        lines, _ = _page(name)
        others = [text for text in lines if text != line and read_citation(text) is not None]
        assert others == [], name
    # PubMed repeats the header in the page's "Item in Clipboard" block
    lines, _ = _page("pubmed/no-abstract-grant-support-w3m")
    assert lines.count(CITATION_LINES["pubmed/no-abstract-grant-support-w3m"]) == 2


#: fixture -> the author line.
AUTHOR_LINES = {
    "pubmed/no-abstract-grant-support-w3m": "Nader Sheibani^  1",
    "pmc/author-manuscript-proceedings-nihmsid": "Hong Yu 1, Shashank Agarwal 1, Nadya Frid 1",
    "pmc/author-manuscript-trailing-commas-cut-in-abstract": (
        "Yijia Li 1,2,, Jing Xie 1,3,, Huanling Wang 1, Yang Han 1, Nidan Wang 1, "
        "Chloe L Thio 4,*,, Taisheng Li 1,3,*,"
    ),
    "pmc/article-number-journal-in-logo-line": (
        "Yong-Hong Wang 1, Dong-Bo Wu 1, Bing Chen 1, En-Qiang Chen 1,, Hong Tang 1,"
    ),
    "pmc/keywords-comma-separated": "Michael T Dinwiddie 1, Paul D Terry 1,2,*, Jiangang Chen 1",
    "pmc/doi-in-pages-slot-cut-in-keywords": "Elan D Louis 1,2,3,4",
    "pmc/date-without-day-structured-abstract": (
        "Min Wang 1, Donald C Hood 1, Jung-Suk Cho 1, Quraish Ghadiali 1, Gustavo V De Moraes 1, "
        "Xian Zhang 1, Robert Ritch 1, Jeffrey M Liebmann 1"
    ),
    "pmc/proxy-copy-older-address": "James F Sumowski 1,2, Victoria M Leavitt 3",
}


@pytest.mark.parametrize("name", sorted(AUTHOR_LINES))
def test_author_line_of_a_real_page(name: str) -> None:
    lines, record = _page(name)
    line = AUTHOR_LINES[name]
    assert line in lines
    assert read_ncbi_authors(line) == tuple(author["name"] for author in record["authors"])


@pytest.mark.parametrize(
    "name", ["pmc/letter-affiliation-marks", "pmc/e-locator-letter-marks-group-subtitle"]
)
def test_author_line_with_letter_marks(name: str) -> None:
    lines, record = _page(name)
    (line,) = [text for text in lines if text.count(",") >= 8]
    assert read_ncbi_authors(line) == tuple(author["name"] for author in record["authors"])


def test_identifier_lines_of_the_real_pages() -> None:
    seen = 0
    pages = [
        *ROOT.glob("fixtures/pubmed/*.txt"),
        *ROOT.glob("fixtures/pmc/*.txt"),
        *ROOT.glob("fixtures-pending/held-out/*.txt"),
    ]
    for page in sorted(pages):
        record = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
        ids = [found for text in page.read_text(encoding="utf-8").splitlines()
               if (found := read_ncbi_ids(text)) is not None]  # fmt: skip
        pmids = {found.pmid for found in ids if found.pmid}
        pmcids = {found.pmcid for found in ids if found.pmcid}
        assert pmids <= {record["pmid"]}, page.name
        assert pmcids <= {record["pmcid"]}, page.name
        assert (record["pmid"] in pmids) == (record["pmid"] is not None), page.name
        seen += len(ids)
    assert seen >= 15


def test_grant_lines_of_the_real_page() -> None:
    lines, record = _page("pubmed/no-abstract-grant-support-w3m")
    grants = [found for text in lines if "NIH HHS" in text and (found := read_grant(text))]
    assert [
        {"funder": g.funder, "award_ids": list(g.award_ids), "text": g.text} for g in grants
    ] == record["funding"]


def test_short_citations_of_the_real_pages() -> None:
    lines, record = _page("pubmed/review-journal-lost-cut-in-abstract")
    shorts = [found for text in lines if (found := read_short_citation(text)) is not None]
    assert [(s.first_author, s.journal, s.published) for s in shorts] == [
        ("Ana Marusic", record["journal"]["name"], None)
    ]
    lines, record = _page("pubmed/no-abstract-grant-support-w3m")
    shorts = [found for text in lines if (found := read_short_citation(text)) is not None]
    assert [(s.journal, s.published, s.et_al) for s in shorts] == [
        (record["journal"]["name"], Published(2013, 1), False)
    ]


# --- the forms issue 24 names ---------------------------------------------------------

ISSUE_CITATIONS: list[tuple[str, str, Citation]] = [
    (
        "pubmed with epub",
        "Hepatology. 2019 Mar 12;69(3):1055-1068. doi: 10.1002/hep.30000. Epub 2019 Feb 2.",
        Citation(
            "Hepatology",
            Published(2019, 3, 12),
            "69",
            "3",
            PageRange("1055", "1068"),
            None,
            "10.1002/hep.30000",
            Published(2019, 2, 2),
        ),
    ),
    (
        "journal lost",
        ". 2020 Jan;577(7788):100-105.",
        Citation(None, Published(2020, 1), "577", "7788", PageRange("100", "105")),
    ),
    (
        "pmc en dash",
        ". 2018 Jun 5;14(6):701\u2013712. doi: 10.1000/xyz.2018.0042",
        Citation(
            None,
            Published(2018, 6, 5),
            "14",
            "6",
            PageRange("701", "712"),
            None,
            "10.1000/xyz.2018.0042",
        ),
    ),
    (
        "author manuscript",
        "Published in final edited form as: J Neurol Sci. 2012 Apr 15;315(1-2):41\u201348.",
        Citation(
            "J Neurol Sci",
            Published(2012, 4, 15),
            "315",
            "1-2",
            PageRange("41", "48"),
            author_manuscript=True,
        ),
    ),
    (
        "abbreviated range",
        "J Hepatol. 2019 Mar;70(3):1203-17.",
        Citation("J Hepatol", Published(2019, 3), "70", "3", PageRange("1203", "1217")),
    ),
    (
        "supplement",
        "BMC Syst Biol. 2010 Sep 13;4 Suppl 2(Suppl 2):S10.",
        Citation("BMC Syst Biol", Published(2010, 9, 13), "4 Suppl 2", "Suppl 2", None, "S10"),
    ),
    (
        "supplement issue",
        "Diabetes Care. 2019 Jan;42(Suppl 1):S13-S28.",
        Citation("Diabetes Care", Published(2019, 1), "42", "Suppl 1", PageRange("S13", "S28")),
    ),
    (
        "season",
        "Iowa Orthop J. 2019 Spring;39(1):e1-e9.",
        Citation("Iowa Orthop J", Published(2019), "39", "1", PageRange("e1", "e9")),
    ),
    (
        "range of months",
        "Ann Fam Med. 2019 Jan-Feb;17(1):4-5.",
        Citation("Ann Fam Med", Published(2019), "17", "1", PageRange("4", "5")),
    ),
    (
        "article number",
        "Stem Cell Res Ther. 2018 Aug 24;9:213. doi: 10.1186/x1.",
        Citation(
            "Stem Cell Res Ther", Published(2018, 8, 24), "9", None, None, "213", "10.1186/x1"
        ),
    ),
    (
        "ahead of print",
        "Hepatology. 2019 Mar 12. doi: 10.1002/hep.30000. Online ahead of print.",
        Citation("Hepatology", Published(2019, 3, 12), doi="10.1002/hep.30000"),
    ),
    (
        "year only",
        "Cochrane Database Syst Rev. 2016;4:MR000038.",
        Citation("Cochrane Database Syst Rev", Published(2016), "4", None, None, "MR000038"),
    ),
]


@pytest.mark.parametrize(("line", "expected"), [c[1:] for c in ISSUE_CITATIONS],
                         ids=[c[0] for c in ISSUE_CITATIONS])  # fmt: skip
def test_issue_citation_forms(line: str, expected: Citation) -> None:
    assert read_citation(line) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2019 Mar 12", Published(2019, 3, 12)),
        ("2020 Jan", Published(2020, 1)),
        ("2020 Feb 29", Published(2020, 2, 29)),
        ("2019 Spring", Published(2019)),
        ("2019 Winter", Published(2019)),
        ("2019 Jan-Feb", Published(2019)),
        ("2019 Nov-Dec", Published(2019)),
        ("2019 Mar 1-15", Published(2019, 3)),
        ("2006 November", Published(2006, 11)),
        ("2019 Sept", Published(2019, 9)),
        ("1988", Published(1988)),
    ],
)
def test_dates(text: str, expected: Published) -> None:
    assert read_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1203-17", PageRange("1203", "1217")),
        ("175-9", PageRange("175", "179")),
        ("1055-1068", PageRange("1055", "1068")),
        ("99-102", PageRange("99", "102")),
        ("e123-e130", PageRange("e123", "e130")),
        ("S12-S19", PageRange("S12", "S19")),
        ("iii-xiv", PageRange("iii", "xiv")),
        ("1971\u20131978", PageRange("1971", "1978")),
        ("100", PageRange("100")),
    ],
)
def test_page_ranges(text: str, expected: PageRange) -> None:
    assert expand_page_range(text) == expected


def test_mesh_terms_of_the_issue() -> None:
    assert read_mesh_term("Liver Failure, Acute / therapy*") == MeshTerm(
        "Liver Failure, Acute", False, (MeshQualifier("therapy", True),)
    )
    assert read_mesh_term("Mesenchymal Stem Cells* / metabolism") == MeshTerm(
        "Mesenchymal Stem Cells", True, (MeshQualifier("metabolism", False),)
    )
    assert read_mesh_term("Humans") == MeshTerm("Humans")
    assert read_mesh_term("Exosomes*") == MeshTerm("Exosomes", True)
    assert read_mesh_term("gamma-Aminobutyric Acid / analogs & derivatives") == MeshTerm(
        "gamma-Aminobutyric Acid", False, (MeshQualifier("analogs & derivatives"),)
    )
    assert read_mesh_term("\u2022 Liver/pathology*") == MeshTerm(
        "Liver", False, (MeshQualifier("pathology", True),)
    )


def test_mesh_items_merge_into_headings() -> None:
    items = ["Liver / metabolism", "Animals", "Liver / pathology*", "Liver*"]
    terms = [term for item in items if (term := read_mesh_term(item)) is not None]
    assert merge_mesh_terms(terms) == (
        MeshTerm("Liver", True, (MeshQualifier("metabolism"), MeshQualifier("pathology", True))),
        MeshTerm("Animals"),
    )


def test_publication_types() -> None:
    found = read_publication_types(
        ["Review", "Research Support, N.I.H., Extramural", "Research Support, Non-U.S. Gov't"]
    )
    assert found is not None
    assert found.article_type == "Review"
    assert found.funding_types == (
        "Research Support, N.I.H., Extramural",
        "Research Support, Non-U.S. Gov't",
    )
    both = read_publication_types(["Clinical Trial, Phase III", "Randomized Controlled Trial"])
    assert both is not None
    assert both.article_type == "Clinical Trial, Phase III; Randomized Controlled Trial"
    assert is_funding_type("Research Support, U.S. Gov't, P.H.S.")
    assert is_funding_type("Research Support, American Recovery and Reinvestment Act")
    assert not is_funding_type("Journal Article")


@pytest.mark.parametrize(
    ("entry", "funder", "award_ids"),
    [
        ("R01 HL148431/HL/NHLBI NIH HHS/United States", "NHLBI NIH HHS", ("R01 HL148431",)),
        ("P30 EY003790/EY/NEI NIH HHS/United States", "NEI NIH HHS", ("P30 EY003790",)),
        (
            "MR/N013867/1/MRC_/Medical Research Council/United Kingdom",
            "Medical Research Council",
            ("MR/N013867/1",),
        ),
        ("WT_/Wellcome Trust/United Kingdom", "Wellcome Trust", ()),
        ("CAPMC/ CIHR/Canada", "CIHR", ()),
        (
            "Z01 ES101905/ImNIH/Intramural NIH HHS/United States",
            "Intramural NIH HHS",
            ("Z01 ES101905",),
        ),
        ("GM47462/GM/NIGMS", "NIGMS", ("GM47462",)),
    ],
)
def test_grant_entries(entry: str, funder: str, award_ids: tuple[str, ...]) -> None:
    found = read_grant(entry)
    assert found is not None
    assert (found.funder, found.award_ids) == (funder, award_ids)
    assert found.text == " ".join(entry.split())


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "PMCID: PMC1234567  PMID: 23456789  NIHMSID: NIHMS161098",
            NcbiIds("23456789", "PMC1234567", "NIHMS161098"),
        ),
        ("PMCID: PMC2336107", NcbiIds(None, "PMC2336107")),
        ("NIHMSID:NIHMS45401", NcbiIds(nihmsid="NIHMS45401")),
        ("  \u2022 PMCID: PMC3691982", NcbiIds(pmcid="PMC3691982")),
    ],
)
def test_identifier_lines(line: str, expected: NcbiIds) -> None:
    assert read_ncbi_ids(line) == expected


# --- refusals: shown but not certain, or no such value ---------------------------------


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("1299-13", "would end before it starts"),
        ("1203-3", "would end before it starts"),
        ("e123-30", "drops the first page's prefix"),
        ("S12-9", "drops the first page's prefix"),
        ("1068-1055", "ends before it starts"),
        ("123a-5", "lettered pages"),
        ("xii-5", "mixes arabic and roman"),
    ],
)
def test_page_ranges_refused(text: str, reason: str) -> None:
    found = expand_page_range(text)
    assert isinstance(found, Refused)
    assert reason in found.reason


@pytest.mark.parametrize(
    ("text", "issue", "reason"),
    [
        ("497", True, "may be a page or an article number"),
        ("10.1159/000351698", True, "holds no page numbers"),
        ("1203-17, 1220", True, "lists several ranges"),
        ("e1-e9; quiz e10", True, "lists several ranges"),
    ],
)
def test_pages_refused(text: str, issue: bool, reason: str) -> None:
    found = read_pages(text, issue=issue)
    assert found.pages is None
    assert found.article_number is None
    assert found.problem is not None
    assert reason in found.problem


@pytest.mark.parametrize(
    "line",
    [
        "",
        "Skip to main content",
        ". Author manuscript; available in PMC: 2010 Dec 17.",
        "Neuroscience. Author manuscript; available in PMC Apr 25, 2008.",
        "Similar articles",
        "Nourinia R, et al. J Ophthalmic Vis Res. 2013 Jan;8(1):4-8. J Ophthalmic Vis Res. 2013. "
        "PMID: 23825706 Free PMC article.",
        "Am J Pathol. 2010 Oct;177(4):2091-102. doi: 10.2353/ajpath.2010.090878. "
        "Epub 2010 Aug 27. Am J Pathol. 2010. PMID: 20802176 Free PMC article.",
        "Hepatology. 2019 Feb 30;69(3):1055-1068.",
        "We started in March. 2019",
        "doi: 10.1002/hep.30000",
        "PMID: 23825705",
    ],
)
def test_no_citation_line(line: str) -> None:
    assert read_citation(line) is None


@pytest.mark.parametrize(
    "text", ["", "Mar 2019", "2019 Foo", "2019 Mar 32", "2019 Spring 3", "219", "2019 Mar-Foo"]
)
def test_no_date(text: str) -> None:
    assert read_date(text) is None


@pytest.mark.parametrize(
    "line",
    [
        "Search in PubMed / Search in MeSH",
        "Liver / pathologic*",
        "Liver** / pathology",
        "*Liver / pathology",
        "Liver: pathology",
        "",
    ],
)
def test_no_mesh_term(line: str) -> None:
    assert read_mesh_term(line) is None


@pytest.mark.parametrize(
    "line",
    [
        "Supported by NIH grant R01 HL148431",
        "R01 HL148431",
        "A/B/C",
        "R01 HL148431/HL/ /United States",
        "R01 HL148431/HL/NHLBI NIH HHS/Atlantis",
    ],
)
def test_no_grant(line: str) -> None:
    assert read_grant(line) is None


@pytest.mark.parametrize(
    "line",
    [
        "PMID: 23825705 Free PMC article",
        "PMID: 0123",
        "PMCID: 3003334",
        "PMID: 1 PMID: 2",
        "PMID 23825705",
        "DOI: 10.1002/x",
    ],
)
def test_no_identifiers(line: str) -> None:
    assert read_ncbi_ids(line) is None


@pytest.mark.parametrize(
    "line",
    [
        "",
        "1, 2",
        "Hong Yu 1, PMCID: PMC3003334",
        "Smith J, Doe A, et al.",
        "Affiliations",
        "Abstract: 12 words",
        "Editors: Jane Doe, Harvard University",
        "Academic Editor: Jane Doe, Harvard University, United States of America",
        "Reviewing Editor: Jane Doe",
    ],
)
def test_no_author_line(line: str) -> None:
    # PMC's "Editors:" lines name no authors
    assert read_ncbi_authors(line) is None


def test_publication_types_refused() -> None:
    assert read_publication_types([]) is None
    assert read_publication_types(["Review", "MeSH terms: Humans"]) is None
    assert read_publication_types(["review"]) is None
