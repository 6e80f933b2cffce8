"""PubMed and PMC pages: the front matter, the body after the abstract, recognition.

The real pages are fixtures (``fixtures/pubmed``, ``fixtures/pmc``, checked by
``tests/test_fixtures.py``); this file checks each rule of the citation-line layouts on
small pages, and that pages the project's own renderer writes (:mod:`paperparse.testing.
render_ncbi`, with decoy similar articles, cited-by lists and references) never give a
wrong value, in HTML, as browser text and through the installed dump tools.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest

import paperparse
from paperparse.layouts import BUILT_IN, PMC, PUBMED
from paperparse.notes import Notes
from paperparse.readers.abstract import before_body
from paperparse.testing import missing_values, wrong_values
from paperparse.testing.render_ncbi import (
    render_pmc_html,
    render_pmc_text,
    render_pubmed_html,
    render_pubmed_text,
)

ROOT = Path(__file__).resolve().parent.parent
BANNER = "Skip to main content\nAn official website of the United States government\n"
PMC_TOP = (
    BANNER + "Cell Reports logoLink to Cell Reports\n"
    ". 2018 Jun 5;14(6):701\u2013712. doi: 10.1000/xyz.2018.0042\n\n"
    "A study of liver repair\n\n"
    "Ana Souza 1, Wei Zhang 1,2,*\n"
    "PMCID: PMC1234567  PMID: 23456789\n\n"
)
PROSE = "We followed forty patients for ten years and report what we found in them."


def test_a_pmc_page_gives_its_front_matter() -> None:
    page = (
        PMC_TOP + f"Abstract\n\n{PROSE}\n\nKeywords: liver, repair\n\n1. Introduction\n\n{PROSE}\n"
    )
    paper = paperparse.parse(page)
    assert paper.source.site == "pmc"
    assert paper.title == "A study of liver repair"
    assert [a.name for a in paper.authors] == ["Ana Souza", "Wei Zhang"]
    assert paper.journal is not None
    assert paper.journal.name == "Cell Reports"
    assert (paper.journal.volume, paper.journal.issue) == ("14", "6")
    assert paper.doi == "10.1000/xyz.2018.0042"
    assert paper.keywords == ("liver", "repair")
    assert paper.abstract == PROSE  # the body after "1. Introduction" is not


def test_a_subtitle_makes_the_title_ambiguous() -> None:
    page = PMC_TOP.replace("A study of liver repair\n", "A study of liver repair\nA protocol\n")
    paper = paperparse.parse(page + f"Abstract\n\n{PROSE}\n\nKeywords: liver\n\n1. Introduction\n")
    assert paper.title is None
    assert "ambiguous_title" in {w.code for w in paper.warnings}


def test_a_copy_that_ends_in_the_abstract_keeps_no_abstract() -> None:
    paper = paperparse.parse(PMC_TOP + f"Abstract\n\n{PROSE}\n")
    assert paper.abstract is None
    assert "truncated_page" in {w.code for w in paper.warnings}


def test_an_author_line_wrapped_at_an_unknown_width_is_refused() -> None:
    page = PMC_TOP.replace(
        "Ana Souza 1, Wei Zhang 1,2,*\n",
        "Ana Souza 1, Wei Zhang 1,2, John N Caviness\n^ 2, Holly A Shill 3\n",
    )
    paper = paperparse.parse(page + f"Abstract\n\n{PROSE}\n\nKeywords: liver\n\n1. Introduction\n")
    assert paper.authors == ()
    assert any("author line goes on" in w.message for w in paper.warnings)


def test_a_lone_name_without_a_mark_is_no_author_line_in_text() -> None:
    # A wrapped title's last words read as a name; only a mark makes a lone name one.
    page = PMC_TOP.replace("Ana Souza 1, Wei Zhang 1,2,*\n", "Optical Coherence Tomography\n")
    paper = paperparse.parse(page + f"Abstract\n\n{PROSE}\n\nKeywords: liver\n\n1. Introduction\n")
    assert paper.authors == ()
    assert paper.title is None  # two lines where the title stands


@pytest.mark.parametrize(
    ("parts", "kept"),
    [
        # unstructured: the first heading is the body's
        ([PROSE, "Introduction", PROSE], 1),
        # structured: sub-headings with one paragraph each, then a numbered heading
        (["Background", PROSE, "Methods", PROSE, "1. Introduction", PROSE], 4),
        # a heading the abstract has shown already starts the body
        (["Background", PROSE, "Methods", PROSE, "Background", PROSE], 4),
        # a part of two paragraphs before another heading: where the body starts is unknown
        (["Background", PROSE, "Methods", PROSE, PROSE, "Results", PROSE], 0),
        # the page's next label ends it: all of it
        (["Background", PROSE, "Results", PROSE, PROSE], 5),
    ],
)
def test_before_body(parts: list[str], kept: int) -> None:
    paragraphs = [[(n, text)] for n, text in enumerate(parts, 1)]
    assert len(before_body(paragraphs, Notes())) == kept


def test_a_pubmed_page_reads_grants_in_its_own_form() -> None:
    page = (
        BANNER + "Access keys NCBI Homepage MyNCBI Homepage Main Content Main Navigation\n"
        "Review\nHepatology. 2019 Mar 12;69(3):1055-68. doi: 10.1002/hep.30000.\n\n"
        "A study of liver repair\n\nAna Souza 1, Wei Zhang 2\n\nAffiliations\n"
        "1 Department of Biology, Kyoto University, Kyoto, Japan.\n"
        "PMID: 23456789\n\nAbstract\n\n" + PROSE + "\n\nGrants and funding\n\n"
        "R01 HL148431/HL/NHLBI NIH HHS/United States\nSupported by a friend\n\n"
        "LinkOut - more resources\n"
    )
    paper = paperparse.parse(page)
    assert paper.source.site == "pubmed"
    assert paper.article_type == "Review"
    assert paper.journal is not None
    assert paper.journal.name == "Hepatology"
    assert paper.journal.pages == paperparse.PageRange("1055", "1068")
    assert paper.funding[0] == paperparse.Funding(
        "NHLBI NIH HHS", ("R01 HL148431",), "R01 HL148431/HL/NHLBI NIH HHS/United States"
    )
    # an entry in another form is kept as text only, with a warning
    assert paper.funding[1].funder is None
    assert paper.funding[1].award_ids == ()
    assert any("site's form" in w.message for w in paper.warnings)


def test_a_journal_lost_from_the_citation_line_comes_from_the_short_citation() -> None:
    page = (
        BANNER + "Review\n. 2016 Apr 4;4(4):MR000038.\ndoi: 10.1002/14651858.MR000038.pub2.\n\n"
        "A study of liver repair\n\nAffiliations\nReview\nA study of liver repair\n"
        "Ana Marusic et al. Cochrane Database Syst Rev. .\n\nAbstract\n\n" + PROSE + "\n\n"
        "Similar articles\nOther paper. Other J. 2019;1:2.\nPublication types\n"
    )
    paper = paperparse.parse(page, layout=PUBMED)
    assert paper.journal is not None
    assert paper.journal.name == "Cochrane Database Syst Rev"
    assert paper.journal.article_number == "MR000038"
    assert paper.doi == "10.1002/14651858.MR000038.pub2"


def test_a_reference_list_never_gives_the_lost_journal() -> None:
    page = (
        PMC_TOP.replace("Cell Reports logoLink to Cell Reports\n", "Search PMC Full-Text Archive\n")
        + "Abstract\n\nReferences\n\nNader Sheibani. J Ophthalmic Vis Res. 2013 Jan.\n"
    )
    paper = paperparse.parse(page, layout=PMC)
    assert paper.journal is None or paper.journal.name is None


def test_recognition_tells_the_sites_apart() -> None:
    seed = (ROOT / "fixtures" / "peeref" / "abstract-multiline.txt").read_text(encoding="utf-8")
    assert paperparse.parse(seed).source.site == "peeref"
    assert BUILT_IN[-2:] == (PMC, PUBMED)
    with pytest.raises(paperparse.UnrecognizedPage):
        # another site's page with an "Affiliations" heading and nothing of NCBI's
        paperparse.parse("A title\nAffiliations\nSomewhere\nAbstract\n" + PROSE)


def test_a_layout_checks_its_metadata_fields() -> None:
    with pytest.raises(ValueError, match="metadata_ignored"):
        attrs.evolve(PUBMED, metadata_ignored={"journal name"})


# --- pages the project's renderer writes ------------------------------------------------

RENDERERS: dict[str, Callable[[dict[str, Any]], str]] = {
    "pubmed-html": render_pubmed_html,
    "pubmed-text": render_pubmed_text,
    "pubmed-text-journal-lost": lambda r: render_pubmed_text(r, journal_on_line=False),
    "pmc-html": render_pmc_html,
    "pmc-text": render_pmc_text,
    "pmc-author-manuscript": lambda r: render_pmc_text(r, author_manuscript=True),
}
TOOLS = {
    "w3m": ["w3m", "-dump", "-T", "text/html", "-cols", "100"],
    "lynx": ["lynx", "-dump", "-stdin"],
}


def _records() -> list[Path]:
    return sorted(p for d in ("pubmed", "pmc") for p in (ROOT / "fixtures" / d).glob("*.json"))


def test_the_fixture_records_were_found() -> None:
    assert len(_records()) >= 10


@pytest.mark.parametrize("renderer", sorted(RENDERERS))
@pytest.mark.parametrize("record", _records(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_a_rendered_page_never_gives_a_wrong_value(record: Path, renderer: str) -> None:
    data = json.loads(record.read_text(encoding="utf-8"))
    expected = paperparse.from_dict(data)
    page = RENDERERS[renderer](data)
    paper = paperparse.parse(page)
    assert paper.source.site == renderer.split("-")[0]
    assert wrong_values(expected, paper) == []
    missing = missing_values(expected, paper)
    assert not missing or paper.warnings, missing


@pytest.mark.parametrize("tool", sorted(TOOLS))
@pytest.mark.parametrize("renderer", ["pubmed-html", "pmc-html"])
def test_a_dump_of_a_rendered_page_never_gives_a_wrong_value(renderer: str, tool: str) -> None:
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} is not installed")
    read = 0
    for record in _records():
        data = json.loads(record.read_text(encoding="utf-8"))
        html = RENDERERS[renderer](data).encode("utf-8")
        text = subprocess.run(TOOLS[tool], input=html, capture_output=True, check=True).stdout
        try:
            paper = paperparse.parse(text.decode("utf-8"))
        except paperparse.UnrecognizedPage:
            # A refused page gives no wrong value: the renderer writes no citation line
            # NLM would print for a record with no date or volume (". 2009 Nov 1;:308").
            continue
        read += 1
        assert wrong_values(paperparse.from_dict(data), paper) == [], record.stem
    assert read >= len(_records()) // 2


@pytest.mark.parametrize("renderer", ["pubmed-html", "pubmed-text"])
def test_mesh_terms_of_a_rendered_page(renderer: str) -> None:
    data = json.loads((ROOT / "fixtures/pmc/keywords-comma-separated.json").read_text("utf-8"))
    data["mesh_terms"] = [
        {"descriptor": "Humans", "major": False, "qualifiers": []},
        {
            "descriptor": "Liver Failure, Acute",
            "major": True,
            "qualifiers": [
                {"name": "therapy", "major": False},
                {"name": "prevention & control", "major": True},
            ],
        },
    ]
    paper = paperparse.parse(RENDERERS[renderer](data))
    assert paperparse.to_dict(paper)["mesh_terms"] == data["mesh_terms"]


def test_an_item_that_is_no_mesh_term_empties_the_list() -> None:
    page = (
        BANNER + "Access keys NCBI Homepage MyNCBI Homepage Main Content Main Navigation\n"
        "Hepatology. 2019 Mar 12;69(3):1055-68.\n\nA study of liver repair\n\n"
        "Ana Souza 1, Wei Zhang 2\n\nAbstract\n\n" + PROSE + "\n\nMeSH terms\n\n"
        "Humans\nLiver / not a qualifier\n\nLinkOut - more resources\n"
    )
    paper = paperparse.parse(page)
    assert paper.mesh_terms == ()
    assert any("no MeSH term" in w.message for w in paper.warnings)


def _pubmed_with_types(badge: str, types: list[str]) -> str:
    return (
        BANNER + "Access keys NCBI Homepage MyNCBI Homepage Main Content Main Navigation\n"
        f"{badge}\nHepatology. 2019 Mar 12;69(3):1055-68.\n\nA study of liver repair\n\n"
        "Ana Souza 1, Wei Zhang 2\n\nAbstract\n\n"
        + PROSE
        + "\n\nPublication types\n\n"
        + "\n".join(types)
        + "\n\nLinkOut - more resources\n"
    )


def test_publication_types_give_the_article_type() -> None:
    page = _pubmed_with_types(
        "Review", ["Review", "Systematic Review", "Research Support, Non-U.S. Gov't"]
    )
    assert paperparse.parse(page).article_type == "Review; Systematic Review"


def test_a_badge_the_publication_types_do_not_hold_empties_the_type() -> None:
    paper = paperparse.parse(_pubmed_with_types("Review", ["Randomized Controlled Trial"]))
    assert paper.article_type is None
    assert "conflicting_values" in {w.code for w in paper.warnings}
