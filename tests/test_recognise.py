"""Which site a page is of is decided once, before reading (paperparse.recognise)."""

from __future__ import annotations

import pytest

import paperparse
from paperparse import record
from paperparse.layouts import BUILT_IN, OUCI, PEEREF
from paperparse.outline import text as outline_text
from paperparse.recognise import recognise

from .conftest import FIXTURES, page_fixtures


@pytest.mark.parametrize(
    ("site", "layout"),
    [("peeref", PEEREF), ("ouci", OUCI)],
)
def test_each_sites_text_fixtures_show_its_signature_only(site: str, layout: object) -> None:
    pages = [p for p in page_fixtures(FIXTURES / site) if p.suffix == ".txt"]
    assert len(pages) >= 7
    for page in pages:
        outline = outline_text.read(page.read_text(encoding="utf-8"), PEEREF.labels)
        assert list(recognise(outline, BUILT_IN)) == [layout], page.name


@pytest.mark.parametrize(
    ("text", "sites"),
    [
        ("4.7 Review\nA title", ["peeref"]),  # the page header
        ("A title\nRate this paper", ["peeref"]),  # a button
        ("A title\nI am an author on this paper", ["peeref"]),  # the claim prompt
        ("A title\nSecondary Ratings\nNovelty\n-", ["peeref"]),  # a rating block label
        ("4.7\nReview\nA title", ["peeref"]),  # a header a tool wrote as two lines
        ("A title\nGeneral information\nJournal\nNature", ["ouci"]),  # a heading
        ("A title\nhttps://doi.org/10.1234/x · Full text", ["ouci"]),  # the DOI's link text
        ("A title\nSee it on www.peeref.com", ["peeref"]),  # the address
        ("A title\nJournal\nNature\nAuthors\nAnn Lee", []),  # labels alone: any site's
    ],
)
def test_a_signature_line_names_its_site(text: str, sites: list[str]) -> None:
    outline = outline_text.read(text, PEEREF.labels)
    assert [layout.site for layout in recognise(outline, BUILT_IN)] == sites


def test_an_ouci_page_is_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    reads: list[str] = []
    build = record.build

    def counting(outline: object, layout: object, **options: object) -> object:
        reads.append(layout.site)  # type: ignore[attr-defined]
        return build(outline, layout, **options)  # type: ignore[arg-type]

    monkeypatch.setattr("paperparse.api.build", counting)
    paper = paperparse.parse(FIXTURES / "ouci" / "uk-book-chapter-no-doi.txt")
    assert paper.source.site == "ouci"
    assert reads == ["ouci"]
