"""Layouts as values: the Chinese interface, user extensions, and provenance."""

from __future__ import annotations

import pathlib

import attrs
import pytest
from hypothesis import given

import paperparse
from paperparse.layouts import BUILT_IN, PEEREF, Layout
from paperparse.testing import papers, render_text

from .conftest import FIXTURES

SEED = FIXTURES / "peeref" / "jmm-2019-review.txt"


def test_chinese_interface_gives_the_english_twins_record() -> None:
    english = paperparse.parse(SEED)
    chinese = paperparse.parse(FIXTURES / "peeref" / "chinese-interface.txt")
    assert chinese.source.language == "zh"
    assert english.source.language == "en"
    assert chinese.rating is not None
    assert english.rating is not None
    assert chinese.rating.note == "评分不足"
    same = attrs.evolve(
        chinese,
        source=english.source,
        rating=attrs.evolve(chinese.rating, note=english.rating.note),
    )
    assert same == english


def test_built_in_layouts_are_tried_by_default() -> None:
    assert PEEREF in BUILT_IN
    assert paperparse.parse(SEED, layout=PEEREF) == paperparse.parse(SEED)


PAGE = (
    "4.7 Review\nA study of things\nAdd to reading list\nJournal\nNATURE\n"
    "Subject areas\nEcology; Botany\nRate this paper"
)


def test_a_user_extends_the_layout_with_chrome_and_label_synonyms() -> None:
    plain = paperparse.parse(PAGE)
    assert "ambiguous_title" in [w.code for w in plain.warnings]
    assert plain.categories == ()
    mine = PEEREF.extend(chrome=["Add to reading list"], labels={"Subject areas": "categories"})
    paper = paperparse.parse(PAGE, layout=mine)
    assert paper.warnings == ()
    assert paper.title == "A study of things"
    assert paper.categories == ("Ecology", "Botany")
    # the built-in layout is a value: extending it leaves it as it was
    assert "add to reading list" not in PEEREF.chrome_lines
    assert paperparse.parse(PAGE) == plain


def test_extend_refuses_an_unknown_section_kind() -> None:
    with pytest.raises(ValueError, match="known sections"):
        PEEREF.extend(labels={"Subject areas": "subjects"})


def test_layout_must_be_a_layout() -> None:
    with pytest.raises(TypeError, match="Layout"):
        paperparse.parse(PAGE, layout="peeref")  # type: ignore[arg-type]


def test_layouts_hash_by_identity() -> None:
    other = PEEREF.extend()
    assert other != PEEREF
    assert isinstance(hash(other), int)
    assert isinstance(other, Layout)


def test_categories_section_is_read_and_ends_the_keywords() -> None:
    text = SEED.read_text(encoding="utf-8").replace(
        "\nFunding\n", "\nCategories\n\nGastroenterology & Hepatology\n\nFunding\n"
    )
    paper = paperparse.parse(text)
    assert paper.categories == ("Gastroenterology & Hepatology",)
    assert paper.keywords == paperparse.parse(SEED).keywords
    # an empty Categories heading (as on most real pages) is never glued to a keyword
    empty = SEED.read_text(encoding="utf-8").replace("\nFunding\n", "\nCategories\n\nFunding\n")
    assert paperparse.parse(empty).keywords == paperparse.parse(SEED).keywords


def _lines(text: str) -> list[str]:
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _words(value: object) -> list[str]:
    if isinstance(value, str):
        return value.split()
    if isinstance(value, tuple):
        return [w for item in value for w in _words(item)]
    if attrs.has(type(value)):
        return [w for item in attrs.astuple(value, recurse=False) for w in _words(item)]
    return []


@given(papers())
def test_provenance_names_lines_that_hold_the_value(paper: paperparse.Paper) -> None:
    text = render_text(paper, "browser")
    parsed = paperparse.parse(text, provenance=True)
    lines = _lines(text)
    for place in parsed.provenance:
        assert place.first_line is not None, place
        assert place.last_line is not None, place
        span = " ".join(lines[place.first_line - 1 : place.last_line])
        value: object = parsed
        for part in place.field.split("."):
            value = getattr(value, part)
        if isinstance(value, float | int):
            continue  # a score is written as the page writes it ("4,7", "4.7/5")
        for word in _words(value):
            if place.field == "author_claim":
                continue  # canonical text, also in other interface languages
            assert word in span, (place, word)


def test_provenance_is_off_by_default_and_round_trips() -> None:
    assert paperparse.parse(SEED).provenance == ()
    assert "provenance" not in paperparse.to_dict(paperparse.parse(SEED))
    paper = paperparse.parse(pathlib.Path(SEED), provenance=True)
    fields = {p.field for p in paper.provenance}
    assert {"title", "doi", "journal.volume", "keywords", "funding", "abstract"} <= fields
    assert paperparse.from_dict(paperparse.to_dict(paper)) == paper


def test_a_layouts_words_reach_the_item_checks() -> None:
    # Chrome a user adds is what list items may not hold, as the built-in chrome is.
    page = "4.7 Review\nA title\nKeywords\nSoil; Water Add to reading list\nRate this paper"
    assert paperparse.parse(page).keywords == ("Soil", "Water Add to reading list")
    mine = PEEREF.extend(chrome=["Add to reading list"])
    paper = paperparse.parse(page, layout=mine)
    assert paper.keywords == ()
    assert "add to reading list" in paper.warnings[0].message


def test_a_layouts_labels_reach_a_table_laid_out_as_text() -> None:
    # A w3m row of a label the user added is read as that label's row.
    page = (
        "4.7 Review\nA title\nJournal     NATURE\nSubject areas     Materials science\n"
        "Rate this paper"
    )
    assert paperparse.parse(page).categories == ()
    mine = PEEREF.extend(labels={"Subject areas": "categories"})
    assert paperparse.parse(page, layout=mine).categories == ("Materials science",)
