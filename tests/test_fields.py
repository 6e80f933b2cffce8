"""Unit tests for each small field parser, including the noise forms they must absorb."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from paperparse.fields.authors import parse_author_line
from paperparse.fields.doi import parse_doi_line
from paperparse.fields.funding import parse_funding_entry, strip_marker
from paperparse.fields.journal import Locator, parse_locator
from paperparse.fields.lists import parse_keywords
from paperparse.fields.rating import (
    parse_count,
    parse_score,
    parse_score_and_count,
    parse_secondary_value,
    split_named,
)
from paperparse.model import PageRange
from paperparse.normalize import clean, join_wrapped
from paperparse.outline.text import lines

# --- rating -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("4.7", 4.7),
        ("4,7", 4.7),
        ("4.7/5", 4.7),
        ("4.7 / 5", 4.7),
        ("4,7/5,0", 4.7),
        ("4.7 out of 5", 4.7),
        ("5", 5.0),
        ("0", 0.0),
        ("3.25", 3.25),
    ],
)
def test_score_forms(text: str, score: float) -> None:
    assert parse_score(text) == score


@pytest.mark.parametrize("text", ["9.4/10", "47", "5.1", "-", "", "4.7 stars", "abc", "4..7"])
def test_score_rejects(text: str) -> None:
    assert parse_score(text) is None


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("18 ratings", 18),
        ("(18 ratings)", 18),
        ("Based on 18 ratings", 18),
        ("based on 1 rating", 1),
        ("1,204 ratings", 1204),
        ("(3 reviews)", 3),
    ],
)
def test_count_forms(text: str, count: int) -> None:
    assert parse_count(text) == count


@pytest.mark.parametrize("text", ["18", "ratings", "Not enough ratings", "18 authors"])
def test_count_rejects(text: str) -> None:
    assert parse_count(text) is None


def test_score_and_count_on_one_line() -> None:
    assert parse_score_and_count("4.7 (18 ratings)") == (4.7, 18)
    assert parse_score_and_count("4,3/5 \u00b7 18 ratings") == (4.3, 18)
    assert parse_score_and_count("4.7(18 ratings)") == (4.7, 18)
    assert parse_score_and_count("Not enough ratings") is None
    # A count alone is not a score of 2 and a count of 3.
    assert parse_score_and_count("23 ratings") is None
    assert parse_score_and_count("123 ratings") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("-", (True, None)),
        ("\u2013", (True, None)),
        ("\u2014", (True, None)),
        ("4.5", (True, 4.5)),
        ("4,0", (True, 4.0)),
        ("Novelty", (False, None)),
    ],
)
def test_secondary_value(text: str, expected: tuple[bool, float | None]) -> None:
    assert parse_secondary_value(text) == expected


def test_secondary_name_and_score_on_one_line() -> None:
    assert split_named("Novelty -") == ("Novelty", "-")
    assert split_named("Scientific rigor 4,5") == ("Scientific rigor", "4,5")
    assert split_named("Significance: 4.0") == ("Significance", "4.0")
    assert split_named("Significance") is None


# --- journal locator ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Volume 97, Issue 8, Pages 1065-1084",
            Locator("97", "8", PageRange("1065", "1084"), None),
        ),
        ("Volume 97, Issue 8, Pages 1065\u20131084", Locator("97", "8", PageRange("1065", "1084"))),
        ("Volume 97, Issue 8, Pages 1065\u20141084", Locator("97", "8", PageRange("1065", "1084"))),
        ("Volume 97, Issue 8, Pages 1065 - 1084", Locator("97", "8", PageRange("1065", "1084"))),
        ("Volume 97, Pages 1065-1084", Locator("97", None, PageRange("1065", "1084"))),
        ("Volume 97, Issue -, Pages 1065-1084", Locator("97", None, PageRange("1065", "1084"))),
        ("Volume -, Issue -, Pages -", Locator()),
        ("Volume 97A, Issue 3-4", Locator("97A", "3-4")),
        ("Volume 12, Issue Suppl 1, Pages S1-S9", Locator("12", "Suppl 1", PageRange("S1", "S9"))),
        ("Volume 12, Article Number e70067", Locator("12", None, None, "e70067")),
        ("Volume 12, Pages e70067", Locator("12", None, None, "e70067")),
        ("Volume 300, Article Number 103843", Locator("300", None, None, "103843")),
        ("Volume 5, Pages 17", Locator("5", None, PageRange("17"))),
        ("volume 5; issue 2; pages 1-9", Locator("5", "2", PageRange("1", "9"))),
        ("Vol. 5, No. 3, pp. 10-20", Locator("5", "3", PageRange("10", "20"))),
        ("Issue 8", Locator(None, "8")),
    ],
)
def test_locator_forms(text: str, expected: Locator) -> None:
    assert parse_locator(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Volume of distribution",
        "Volume 97, Issue 8, Pages ???",
        "Volume 97, Volume 98",
        "Pages 1-2-3",
        "Issue",
        "Volume 97, Issue 8, and more words here",
    ],
)
def test_locator_rejects(text: str) -> None:
    assert parse_locator(text) is None


# --- DOI ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "doi"),
    [
        ("DOI: 10.1007/s00109-019-01804-x", "10.1007/s00109-019-01804-x"),
        ("doi:10.1007/s00109-019-01804-x", "10.1007/s00109-019-01804-x"),
        ("DOI 10.1007/s00109-019-01804-x", "10.1007/s00109-019-01804-x"),
        ("https://doi.org/10.1007/s00109-019-01804-x", "10.1007/s00109-019-01804-x"),
        ("http://dx.doi.org/10.1007/s00109-019-01804-x", "10.1007/s00109-019-01804-x"),
        ("DOI: https://doi.org/10.1007/s00109-019-01804-x.", "10.1007/s00109-019-01804-x"),
        ("10.1007/s00109-019-01804-x", "10.1007/s00109-019-01804-x"),
        ("DOI: 10.1007/s00109-019-01804-x;", "10.1007/s00109-019-01804-x"),
        ("(doi: 10.1016/j.jhazmat.2020.123456)", "10.1016/j.jhazmat.2020.123456"),
        (
            "doi:10.1002/(SICI)1097-4636(199910)47:1<1::AID-JBM1>3.0.CO;2-H",
            "10.1002/(SICI)1097-4636(199910)47:1<1::AID-JBM1>3.0.CO;2-H",
        ),
        (
            "https://doi.org/10.1002/(SICI)1097-4636(199910)47:1%3C1::AID-JBM1%3E3.0.CO;2-H",
            "10.1002/(SICI)1097-4636(199910)47:1<1::AID-JBM1>3.0.CO;2-H",
        ),
        ("DOI: 10.1000/abc(1).", "10.1000/abc(1)"),
        ("DOI: 10.1000/abc(1)).", "10.1000/abc(1)"),
    ],
)
def test_doi_forms(text: str, doi: str) -> None:
    assert parse_doi_line(text) == doi


@pytest.mark.parametrize(
    "text", ["DOI: -", "DOI:", "see 10.1000/abc", "DOI: 10.1000", "DOI: 11.1000/x", "10.12/x"]
)
def test_doi_rejects(text: str) -> None:
    assert parse_doi_line(text) is None


# --- funding ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "funder", "ids"),
    [
        ("NSFC [81700553]", "NSFC", ("81700553",)),
        ("NSFC [81700553, 81870123]", "NSFC", ("81700553", "81870123")),
        ("NSFC [81700553; 81870123]", "NSFC", ("81700553", "81870123")),
        ("China Postdoctoral Science Foundation [2017 M183789]", None, ("2017 M183789",)),
        ("NIH (R01 GM123456)", "NIH", ("R01 GM123456",)),
        ("EPSRC, Grant No. EP/K503/1", "EPSRC", ("EP/K503/1",)),
        ("EPSRC Grant No: EP/K503/1", "EPSRC", ("EP/K503/1",)),
        ("NSF grant number 1234567", "NSF", ("1234567",)),
        ("NSF under grant numbers 1234567 and 7654321", "NSF", ("1234567", "7654321")),
        ("National Institutes of Health (NIH)", "National Institutes of Health (NIH)", ()),
        (
            "National Institutes of Health (NIH) [R01 GM1]",
            "National Institutes of Health (NIH)",
            ("R01 GM1",),
        ),
        ("Zhejiang University", "Zhejiang University", ()),
        ("ERC Advanced Grant", "ERC Advanced Grant", ()),
    ],
)
def test_funding_entry(text: str, funder: str | None, ids: tuple[str, ...]) -> None:
    entry = parse_funding_entry(text)
    if funder is not None:
        assert entry.funder == funder
    assert entry.award_ids == ids
    assert entry.text == text


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("1. NSFC", "NSFC"),
        ("1) NSFC", "NSFC"),
        ("(1) NSFC", "NSFC"),
        ("\u2022 NSFC", "NSFC"),
        ("- NSFC", "NSFC"),
        ("* NSFC", "NSFC"),
        ("[1] NSFC", "NSFC"),
        # w3m's bullets for nested lists (a <ul> inside a <dd>)
        ("\u2606 Ministry of Science [MOST 103]", "Ministry of Science [MOST 103]"),
        ("\u25a1 NSFC", "NSFC"),
        ("\u25cb NSFC", "NSFC"),
    ],
)
def test_list_markers(text: str, rest: str) -> None:
    assert strip_marker(text) == (True, rest)


@pytest.mark.parametrize("text", ["3M Company", "NSFC", "-", "1.", "2017 M183789 fund"])
def test_not_list_markers(text: str) -> None:
    assert strip_marker(text) == (False, text)


# --- keywords and authors -------------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "keywords"),
    [
        (["a b; c d; e"], ("a b", "c d", "e")),
        (["a b, c d, e"], ("a b", "c d", "e")),
        (["a b \u00b7 c d \u00b7 e"], ("a b", "c d", "e")),
        (["a b | c d | e"], ("a b", "c d", "e")),
        (["a b;c d;e."], ("a b", "c d", "e")),
        (["a", "b", "c"], ("a", "b", "c")),
        (["\u2022 a", "\u2022 b"], ("a", "b")),
        (["- a", "- b"], ("a", "b")),
        (["Cells, Cultured", "Liver"], ("Cells, Cultured", "Liver")),
        (["Cells (cultured; human); Liver"], ("Cells (cultured; human)", "Liver")),
        (["MOFs (Zn, Co), CO2 capture"], ("MOFs (Zn, Co)", "CO2 capture")),
        (["a; b; long", "keyword; c"], ("a", "b", "long keyword", "c")),
        (["U.S. policy; Health"], ("U.S. policy", "Health")),
    ],
)
def test_keywords(lines: list[str], keywords: tuple[str, ...]) -> None:
    assert parse_keywords(lines) == keywords


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Wei Zhang", ["Wei Zhang"]),
        ("Wei Zhang; Li Chen", ["Wei Zhang", "Li Chen"]),
        ("Wei Zhang, Li Chen", ["Wei Zhang", "Li Chen"]),
        ("Wei Zhang, Li Chen, and Ana Ruiz", ["Wei Zhang", "Li Chen", "Ana Ruiz"]),
        ("Smith, John", ["Smith, John"]),
        ("1. Wei Zhang", ["Wei Zhang"]),
    ],
)
def test_author_line(line: str, names: list[str]) -> None:
    assert parse_author_line(line) == names


# --- normalisation --------------------------------------------------------------------


def test_clean_removes_invisible_and_collapses_space() -> None:
    assert clean("\ufeffA\u00a0\u00a0b\u200bc\tc\u00ad d\u2009e") == "A bc c d e"


def test_clean_composes_nfd() -> None:
    assert clean("Me\u0301thode") == "M\u00e9thode"


def test_lines_number_every_line_end_style() -> None:
    assert lines("a\r\nb\rc\n\nd", {}) == [(1, "a"), (2, "b"), (3, "c"), (5, "d")]


def test_join_wrapped() -> None:
    assert join_wrapped(["one two", "three"]) == "one two three"
    assert join_wrapped(["anti-", "inflammatory"]) == "anti-inflammatory"
    assert join_wrapped(["2019 -", "2020"]) == "2019 - 2020"


def test_chrome_prefixes_match_in_any_case() -> None:
    from paperparse import roles
    from paperparse.layouts import PEEREF

    for prefix in PEEREF.chrome_prefixes:
        for cased in (prefix, prefix.upper(), prefix.title()):
            # (a year: a line starting with "copyright" is chrome only as a notice)
            line = cased + " 2024 and some more words to make a long line of text"
            assert roles.is_chrome_prefix(line, "preamble", PEEREF), line
            assert not roles.is_chrome_prefix("Of " + line, "preamble", PEEREF)


def test_copyright_line_is_chrome_only_as_a_notice() -> None:
    from paperparse import roles
    from paperparse.layouts import PEEREF

    notice = "Copyright 2024 Peeref Ltd. All rights reserved."
    assert roles.is_chrome_prefix(notice, "", PEEREF)
    assert roles.is_chrome_prefix("(c) The Authors, all rights reserved", "", PEEREF)
    # the second line of a wrapped title: a word, not a notice
    assert not roles.is_chrome_prefix("copyright law in the age of models", "", PEEREF)
    # in an abstract, a copyright line is the abstract's own last sentence
    assert not roles.is_chrome_prefix(notice, "abstract", PEEREF)


@given(
    st.text(alphabet="]([I*_ab", max_size=40),
    st.sampled_from(["](", "**", "__", "[I"]),
)
def test_contains_is_substring_search(text: str, needle: str) -> None:
    # markup._contains() is `needle in text` with a faster first probe.
    from paperparse.outline.markup import _contains

    assert _contains(text, needle) == (needle in text)


@pytest.mark.parametrize(
    ("line", "volume", "issue", "first"),
    [
        ("Vol. 97(8), pp. 1065-1084", "97", "8", "1065"),
        ("Volume 97 Issue 8 Pages 1065-1084", "97", "8", "1065"),
        ("Vol 97 No 8 pp 1065-1084", "97", "8", "1065"),
        ("Volume 97, Issue 8, Pages 1065-1084, Published: AUG 2019", "97", "8", "1065"),
        ("Volume 97, Issue 8, Pages 1065-1084 Published: 2019", "97", "8", "1065"),
    ],
)
def test_locator_forms_without_commas_or_with_the_issue_in_brackets(
    line: str, volume: str, issue: str, first: str
) -> None:
    locator = parse_locator(line)
    assert locator is not None
    assert (locator.volume, locator.issue) == (volume, issue)
    assert locator.pages is not None
    assert locator.pages.first == first


@pytest.mark.parametrize("line", ["Volume 97(8), Issue 9", "Volume 97(Suppl 1)"])
def test_a_volume_with_brackets_that_are_no_issue_is_refused(line: str) -> None:
    assert parse_locator(line) is None
