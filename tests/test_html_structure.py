"""The HTML path reads the page's structure from the DOM (the outline), not from lines."""

from __future__ import annotations

import pytest

import paperparse
from paperparse.outline.block import COLUMN, HEADING, ITEM, LABEL, PARAGRAPH, VALUE, WIDGET
from paperparse.outline.html import read


def _page(body: str, title: str = "<h1>A study of graphene anodes</h1>") -> str:
    return (
        "<!DOCTYPE html><html><body><p>4.7 Review</p>"
        f"{title}{body}<button>Rate this paper</button></body></html>"
    )


def test_the_outline_holds_the_doms_structure() -> None:
    outline = read(
        "<html><body><h1>Title</h1><p>Open access</p>"
        "<dl><dt>Keywords</dt><dd>graphene</dd></dl>"
        "<ol><li>NSF</li><li>imec</li></ol>"
        "<table><thead><tr><th>Aspect</th><th>Score</th></tr></thead>"
        "<tr><td>Novelty</td><td>4.5</td></tr></table>"
        '<meter value="4.2" max="5"></meter></body></html>'
    )
    found = [(b.text, b.kind, b.label, b.place, b.level) for b in outline.blocks]
    groups = {b.text: b.group for b in outline.blocks}
    assert found == [
        ("Title", HEADING, "", 0, 1),
        ("Open access", PARAGRAPH, "", 0, 0),
        ("Keywords", LABEL, "", 0, 0),
        ("graphene", VALUE, "", 1, 0),
        ("NSF", ITEM, "", 1, 0),
        ("imec", ITEM, "", 2, 0),
        ("Aspect", COLUMN, "", 0, 0),
        ("Score", COLUMN, "", 1, 0),
        ("Novelty", VALUE, "Aspect", 0, 0),
        ("4.5", VALUE, "Score", 1, 0),
        ("4.2", WIDGET, "score", 0, 0),
    ]
    assert groups["Keywords"] == groups["graphene"] != groups["NSF"] == groups["imec"]
    assert groups["Aspect"] == groups["Novelty"] not in (groups["NSF"], groups["Keywords"])


# The five small pages of the core issue (issue 22): each gave a wrong value or lost
# one when the HTML path flattened the DOM into lines.


def test_a_definition_list_keeps_each_value_with_its_term() -> None:
    paper = paperparse.parse(
        _page(
            "<dl><dt>Keywords</dt><dd>graphene; anodes</dd>"
            "<dt>Subject areas</dt><dd>Materials science</dd></dl>"
        )
    )
    assert paper.keywords == ("graphene", "anodes")
    assert [w.code for w in paper.warnings] == ["unknown_section"]
    assert "Subject areas" in paper.warnings[0].message


def test_each_list_item_is_an_entry_of_its_own() -> None:
    paper = paperparse.parse(
        _page(
            "<h3>Funding</h3><ul><li>Ministry of Education and Science of Ukraine</li>"
            "<li>imec</li></ul>"
        )
    )
    assert [f.funder for f in paper.funding] == [
        "Ministry of Education and Science of Ukraine",
        "imec",
    ]


def test_a_tables_header_row_names_columns_and_holds_no_value() -> None:
    paper = paperparse.parse(
        _page(
            "<h3>Secondary Ratings</h3><table><thead><tr><th>Aspect</th><th>Score</th>"
            "</tr></thead><tbody><tr><td>Novelty</td><td>4.5</td></tr>"
            "<tr><td>Significance</td><td>-</td></tr></tbody></table>"
        )
    )
    assert paper.rating is not None
    assert [(r.name, r.score) for r in paper.rating.secondary] == [
        ("Novelty", 4.5),
        ("Significance", None),
    ]


def test_the_heading_is_the_title_and_a_badge_beside_it_is_not() -> None:
    paper = paperparse.parse(
        _page(
            "<h3>Journal</h3><p>NATURE</p>",
            title="<h1>A study of graphene</h1><p>Editor's pick</p>",
        )
    )
    assert paper.title == "A study of graphene"
    assert [w.code for w in paper.warnings] == ["unplaced_text"]


def test_a_meter_carries_the_score() -> None:
    paper = paperparse.parse(
        "<html><body><h1>A study</h1><h3>Journal</h3><p>NATURE</p>"
        "<h3>Primary Rating</h3><meter value='4.2'></meter>"
        "<button>Rate this paper</button></body></html>"
    )
    assert paper.rating is not None
    assert paper.rating.score == 4.2


@pytest.mark.parametrize(
    ("gauge", "score"),
    [
        ('<meter value="4.2" max="5"></meter>', 4.2),
        ('<meter value="8.4" min="0" max="10"></meter>', 4.2),
        ('<progress value="84" max="100"></progress>', 4.2),
        ('<div class="stars" role="img" aria-label="Rated 4.7 out of 5"><b>4.7</b></div>', 4.7),
        ('<span aria-valuenow="84" aria-valuemax="100" class="rating"></span>', 4.2),
        # A value of 1 or less with no top may be a fraction or a score: not read.
        ('<progress value="0.84"></progress>', None),
    ],
)
def test_a_widget_is_read_as_a_score_out_of_five(gauge: str, score: float | None) -> None:
    paper = paperparse.parse(
        f"<html><body><h1>A study</h1><h3>Journal</h3><p>NATURE</p>"
        f"<h3>Primary Rating</h3>{gauge}<button>Rate this paper</button></body></html>"
    )
    assert paper.rating is not None
    assert paper.rating.score == score
    if score is None:
        assert any(w.code == "unreadable_value" for w in paper.warnings)


def test_a_value_cell_that_reads_as_a_label_is_a_value() -> None:
    # "Funding" is a keyword here: the cell beside its term holds a value, whatever
    # its words.
    paper = paperparse.parse(
        _page("<dl><dt>Keywords</dt><dd>Funding</dd><dt>Journal</dt><dd>NATURE</dd></dl>")
    )
    assert paper.keywords == ("Funding",)
    assert paper.journal is not None
    assert paper.journal.name == "NATURE"


def test_a_cell_under_another_sections_column_heading_opens_that_section() -> None:
    paper = paperparse.parse(
        _page(
            "<table><thead><tr><th>Journal</th><th>Publisher</th></tr></thead>"
            "<tr><td>NATURE</td><td>SPRINGER</td></tr></table>"
        )
    )
    assert paper.journal is not None
    assert (paper.journal.name, paper.publisher) == ("NATURE", "SPRINGER")


def test_a_one_column_header_is_the_heading_of_the_cells_below() -> None:
    paper = paperparse.parse(
        _page(
            "<table><thead><tr><th>Keywords</th></tr></thead>"
            "<tr><td>graphene</td></tr><tr><td>anodes</td></tr></table>"
        )
    )
    assert paper.keywords == ("graphene", "anodes")


def test_an_element_with_the_heading_role_is_a_heading() -> None:
    outline = read(
        '<html><body><div role="heading" aria-level="1">A title</div>'
        '<div role="heading">A part</div></body></html>'
    )
    assert [(b.text, b.kind, b.level) for b in outline.blocks] == [
        ("A title", HEADING, 1),
        ("A part", HEADING, 2),
    ]
