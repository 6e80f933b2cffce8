"""The PubMed and PMC renderer writes what the NCBI readers read back, among decoys.

Each page written for a record holds exactly one line that reads as a citation (the
paper's: the similar articles', cited-by and reference lines read as none), and the
paper's identifiers, authors, MeSH terms, publication types and grants come back from
their lines. With w3m installed, its dump of the HTML shows the journal's name on its
own line and the citation line without it, as on the real page in fixtures-pending.
"""

from __future__ import annotations

import shutil
import subprocess
from typing import Any

import pytest

from paperparse.fields.ncbi import (
    merge_mesh_terms,
    read_citation,
    read_grant,
    read_mesh_term,
    read_ncbi_authors,
    read_ncbi_ids,
    read_publication_types,
    read_short_citation,
)
from paperparse.model import PageRange, Published
from paperparse.testing.render_ncbi import (
    abbreviate_range,
    format_citation,
    render_pmc_html,
    render_pmc_text,
    render_pubmed_html,
    render_pubmed_text,
)

NIH = "R01 HL148431/HL/NHLBI NIH HHS/United States"


def _record(**changes: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "title": "Mesenchymal stromal cells for acute liver failure: a randomized trial",
        "article_type": "Randomized Controlled Trial; Multicenter Study",
        "journal": {
            "name": "Hepatology",
            "volume": "69",
            "issue": "3",
            "pages": {"first": "1203", "last": "1217"},
            "article_number": None,
        },
        "published": {"year": 2019, "month": 3, "day": 12},
        "doi": "10.1002/hep.30000",
        "pmid": "30912345",
        "pmcid": "PMC6543210",
        "keywords": ["acute liver failure", "mesenchymal stromal cells"],
        "mesh_terms": [
            {"descriptor": "Humans", "major": False, "qualifiers": []},
            {
                "descriptor": "Liver Failure, Acute",
                "major": False,
                "qualifiers": [
                    {"name": "therapy", "major": True},
                    {"name": "mortality", "major": False},
                ],
            },
            {"descriptor": "Exosomes", "major": True, "qualifiers": []},
        ],
        "funding": [{"funder": "NHLBI NIH HHS", "award_ids": ["R01 HL148431"], "text": NIH}],
        "abstract": "[Text replaced: 212 words.]",
        "authors": [{"name": "Wei Zhang"}, {"name": "Ana Ruiz"}, {"name": "John P Smith"}],
    }
    record.update(changes)
    return record


RECORDS = {
    "full": _record(),
    "article number": _record(
        journal={
            "name": "Stem Cell Res Ther",
            "volume": "9",
            "issue": None,
            "pages": None,
            "article_number": "227",
        },
        published={"year": 2018, "month": 8, "day": 24},
        article_type="Review",
    ),
    "e-locator, year only": _record(
        journal={
            "name": "Medicine (Baltimore)",
            "volume": "97",
            "issue": "15",
            "pages": None,
            "article_number": "e9862",
        },
        published={"year": 2018, "month": None, "day": None},
        funding=[],
        mesh_terms=[],
    ),
    "supplement, one author": _record(
        journal={
            "name": "BMC Syst Biol",
            "volume": "4 Suppl 2",
            "issue": "Suppl 2",
            "pages": {"first": "S10", "last": "S19"},
            "article_number": None,
        },
        authors=[{"name": "Xue-Mei Ning"}],
        doi=None,
        pmcid=None,
    ),
}


#: The headings that end a PubMed list section.
HEADINGS = ("Publication types", "MeSH terms", "Grants and funding", "LinkOut - more resources")


def _section(lines: list[str], heading: str) -> list[str]:
    start = lines.index(heading) + 1
    end = min(lines.index(h, start) for h in HEADINGS if h in lines[start:])
    return lines[start:end]


def _citations(text: str) -> list[str]:
    return [line for line in text.splitlines() if read_citation(line) is not None]


def _check_citation(line: str, record: dict[str, Any], *, journal: bool) -> None:
    citation = read_citation(line)
    assert citation is not None
    block = record["journal"]
    assert citation.journal == (block["name"] if journal else None)
    assert (citation.volume, citation.issue) == (block["volume"], block["issue"])
    pages = block["pages"]
    assert citation.pages == (pages and PageRange(pages["first"], pages["last"]))
    assert citation.article_number == block["article_number"]
    assert citation.published == Published(**record["published"])
    assert citation.doi == record["doi"]
    assert citation.problems == ()


@pytest.mark.parametrize("name", sorted(RECORDS))
@pytest.mark.parametrize("journal_on_line", [True, False])
def test_pubmed_text_reads_back(name: str, journal_on_line: bool) -> None:
    record = RECORDS[name]
    text = render_pubmed_text(record, journal_on_line=journal_on_line)
    lines = text.splitlines()
    (line,) = _citations(text)
    _check_citation(line, record, journal=journal_on_line)
    shorts = [found for found in map(read_short_citation, lines) if found is not None]
    assert [short.journal for short in shorts] == [record["journal"]["name"]]
    ids = [found for found in map(read_ncbi_ids, lines) if found is not None]
    assert {i.pmid for i in ids if i.pmid} == {record["pmid"]}
    assert {i.pmcid for i in ids if i.pmcid} == ({record["pmcid"]} if record["pmcid"] else set())
    names = tuple(author["name"] for author in record["authors"])
    assert read_ncbi_authors(lines[lines.index(record["title"]) + 1]) == names
    types = read_publication_types(_section(lines, "Publication types"))
    assert types is not None
    assert types.article_type == record["article_type"]


def test_pubmed_text_mesh_and_grants_read_back() -> None:
    record = RECORDS["full"]
    lines = render_pubmed_text(record).splitlines()
    terms = [read_mesh_term(item) for item in _section(lines, "MeSH terms")]
    assert [
        (t.descriptor, t.major, [(q.name, q.major) for q in t.qualifiers])
        for t in terms
        if t is not None
    ] == [
        ("Humans", False, []),
        ("Liver Failure, Acute", False, [("therapy", True)]),
        ("Liver Failure, Acute", False, [("mortality", False)]),
        ("Exosomes", True, []),
    ]
    assert None not in terms
    merged = merge_mesh_terms(t for t in terms if t is not None)
    assert [
        {
            "descriptor": t.descriptor,
            "major": t.major,
            "qualifiers": [{"name": q.name, "major": q.major} for q in t.qualifiers],
        }
        for t in merged
    ] == record["mesh_terms"]
    grants = [read_grant(line) for line in lines if "NIH HHS" in line]
    assert [(g.funder, g.award_ids, g.text) for g in grants if g] == [
        ("NHLBI NIH HHS", ("R01 HL148431",), NIH)
    ]


@pytest.mark.parametrize("name", sorted(RECORDS))
@pytest.mark.parametrize("author_manuscript", [False, True])
def test_pmc_text_reads_back(name: str, author_manuscript: bool) -> None:
    record = RECORDS[name]
    text = render_pmc_text(record, author_manuscript=author_manuscript)
    lines = text.splitlines()
    (line,) = _citations(text)
    _check_citation(line, record, journal=author_manuscript)
    assert line.startswith("Published in final edited form as: ") == author_manuscript
    if not author_manuscript:
        assert f"{record['journal']['name']} logoLink to {record['journal']['name']}" in lines
    names = tuple(author["name"] for author in record["authors"])
    assert read_ncbi_authors(lines[lines.index(record["title"]) + 1]) == names
    ids = [found for found in map(read_ncbi_ids, lines) if found is not None]
    assert len(ids) == 1
    assert (ids[0].pmid, ids[0].pmcid) == (record["pmid"], record["pmcid"])


@pytest.mark.parametrize("name", sorted(RECORDS))
def test_html_holds_the_record(name: str) -> None:
    record = RECORDS[name]
    pubmed, pmc = render_pubmed_html(record), render_pmc_html(record)
    assert f'<h1 class="heading-title">{record["title"]}</h1>' in pubmed
    assert f"<h1>{record['title']}</h1>" in pmc
    for page in (pubmed, pmc):
        assert page.startswith("<!DOCTYPE html>")
        assert page.count("<html") == 1


W3M = shutil.which("w3m")


@pytest.mark.skipif(W3M is None, reason="w3m is not installed")
def test_w3m_dump_of_pubmed_html_loses_the_journal_from_the_line() -> None:
    record = RECORDS["full"]
    dump = subprocess.run(
        [str(W3M), "-dump", "-T", "text/html", "-cols", "120"],
        input=render_pubmed_html(record),
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    lines = [line.strip() for line in dump.splitlines()]
    (line,) = _citations(dump)
    assert line.startswith(". 2019 Mar 12;")
    _check_citation(line.strip(), record, journal=False)
    assert "Hepatology" in lines[: lines.index(line.strip())]


def test_format_citation_forms() -> None:
    record = RECORDS["full"]
    assert format_citation(record, site="pubmed") == (
        "Hepatology. 2019 Mar 12;69(3):1203-17. doi: 10.1002/hep.30000."
    )
    assert format_citation(record, site="pmc", journal=False) == (
        ". 2019 Mar 12;69(3):1203\u20131217. doi: 10.1002/hep.30000"
    )
    assert format_citation(_record(published=None), site="pubmed") == ""
    assert abbreviate_range("1299", "1313") == "1299-313"
    assert abbreviate_range("100", "105") == "100-5"
