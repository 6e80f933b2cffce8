"""Keyword and author readers: separators, cleaning, and what they refuse (issue 12)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from paperparse.fields.authors import (
    check_author,
    parse_author_line,
    read_author_line,
    read_authors,
)
from paperparse.fields.clean import clean_item, foreign_text, is_chrome
from paperparse.fields.lists import check_keyword, parse_keywords, read_keywords
from paperparse.layouts import PEEREF

# --- keywords -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "keywords"),
    [
        # A comma between digits is part of a chemical name, not a separator.
        (["1,25-Dihydroxyvitamin D3"], ("1,25-Dihydroxyvitamin D3",)),
        (["Bone, 1,25-Dihydroxyvitamin D3, 2,4-D"], ("Bone", "1,25-Dihydroxyvitamin D3", "2,4-D")),
        # An abbreviation keeps its period; a sentence's final period goes.
        (["Pseudomonas spp."], ("Pseudomonas spp.",)),
        (["Soil; Bacillus sp."], ("Soil", "Bacillus sp.")),
        (["Soil; Zea mays var."], ("Soil", "Zea mays var.")),
        (["Soil; U.S."], ("Soil", "U.S.")),
        (["Soil; Gut microbiota."], ("Soil", "Gut microbiota")),
        (["Soil; Hepatitis B."], ("Soil", "Hepatitis B")),
        # Full-width and ideographic separators of CJK pages.
        (["\u571f\u58e4\uff1b\u690d\u7269"], ("\u571f\u58e4", "\u690d\u7269")),
        (["Soil\uff1bPlants\uff1bWater"], ("Soil", "Plants", "Water")),
        (["\u571f\u58e4\u3001\u690d\u7269"], ("\u571f\u58e4", "\u690d\u7269")),
        # A middle dot inside a formula is no separator; with spaces it is.
        (["MgCl2\u00b76H2O"], ("MgCl2\u00b76H2O",)),
        (["MgCl2\u00b76H2O; Soil"], ("MgCl2\u00b76H2O", "Soil")),
        (["Soil \u00b7 MgCl2\u00b76H2O \u00b7 Water"], ("Soil", "MgCl2\u00b76H2O", "Water")),
        # Link syntax around a keyword is the link's, not the keyword's.
        (["[16S RNA](/search?q=16S RNA); Soil"], ("16S RNA", "Soil")),
        (["[Soil](https://x.org/k?a=1,2), Water"], ("Soil", "Water")),
        # A link number a dump wrote after a linked keyword is no part of it.
        (["Graphene[13]; Li-ion batteries (LIBs)[14]"], ("Graphene", "Li-ion batteries (LIBs)")),
        (
            ["[18F]FDG; Fullerene C60; cyclo[18]carbon"],
            ("[18F]FDG", "Fullerene C60", "cyclo[18]carbon"),
        ),
        # Screen-reader text and list controls are no keywords.
        (["Soil; Water (opens in a new window)"], ("Soil", "Water")),
        (["Soil", "Water", "Show more"], ("Soil", "Water")),
    ],
)
def test_keyword_forms(lines: list[str], keywords: tuple[str, ...]) -> None:
    assert read_keywords(lines) == (keywords, ())
    assert parse_keywords(lines) == keywords


@pytest.mark.parametrize(
    ("lines", "why"),
    [
        (["Soil; 16S RNA](/search?q=16S"], "Markdown link syntax"),
        (["Soil; see https://example.org/soil"], "web address"),
        (["Soil", "---|---"], "table rule"),
        (["Soil", "Water \u25aa Air"], "bullet"),
        (["Soil", "Funding: NSF"], "section label"),
        (["Soil; Water Rate this paper"], "button"),
    ],
)
def test_refused_keyword_lists_are_empty_with_a_reason(lines: list[str], why: str) -> None:
    keywords, problems = read_keywords(lines, PEEREF.compiled.items)
    assert keywords == ()
    [(code, message)] = problems
    assert code == "unreadable_value"
    assert why in message
    assert message.endswith(".")


@pytest.mark.parametrize(
    ("keyword", "ok"),
    [("Li-ion batteries (LIBs)", True), ("[18F]FDG PET", True), ("a | b", False)],
)
def test_check_keyword(keyword: str, ok: bool) -> None:
    assert (check_keyword(keyword) is None) is ok


# --- authors --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "names"),
    [
        # A group author is one name, " and " inside it included.
        (
            "GBD 2019 Diseases and Injuries Collaborators",
            ["GBD 2019 Diseases and Injuries Collaborators"],
        ),
        ("Wei Zhang and Li Chen", ["Wei Zhang", "Li Chen"]),
        ("Wei Zhang; COVIDSurg Collaborative", ["Wei Zhang", "COVIDSurg Collaborative"]),
        # CJK names in a comma list, ASCII or full-width comma.
        ("\u5f20\u4f1f, \u674e\u5a1c", ["\u5f20\u4f1f", "\u674e\u5a1c"]),
        ("\u5f20\u4f1f\uff0c\u674e\u5a1c", ["\u5f20\u4f1f", "\u674e\u5a1c"]),
        (
            "\u5f20\u4f1f\u3001\u674e\u5a1c\u3001\u738b\u82b3",
            ["\u5f20\u4f1f", "\u674e\u5a1c", "\u738b\u82b3"],
        ),
        # Lynx link numbers between names separate them.
        ("David Cohen[19]Emily R. Johnson[20]", ["David Cohen", "Emily R. Johnson"]),
        ("[3]David Cohen [4]Li Na", ["David Cohen", "Li Na"]),
        # Affiliation marks (<sup>) go, and the commas after them separate.
        ("Wei Zhang1,2, Li Chen3", ["Wei Zhang", "Li Chen"]),
        ("Wei Zhang1,2,*, Li Chen3", ["Wei Zhang", "Li Chen"]),
        ("Wei Zhang\u00b9, Li Chen\u00b2\u00b3", ["Wei Zhang", "Li Chen"]),
        ("Wei Zhang1 Li Chen2", ["Wei Zhang", "Li Chen"]),
        ("Ana Ruiz*, Li Chen\u2020", ["Ana Ruiz", "Li Chen"]),
        # Screen-reader text is no part of a name; links keep their text.
        ("Wei Zhang (opens in a new window)", ["Wei Zhang"]),
        ("[Wei Zhang](/en/authors/1); [Li Chen](/en/authors/2)", ["Wei Zhang", "Li Chen"]),
        # Names with a capital inside a word after a name prefix are one name.
        ("Ronald McDonald, Ana DeSouza", ["Ronald McDonald", "Ana DeSouza"]),
        ("Douglas MacArthur", ["Douglas MacArthur"]),
        ("Siobh\u00e1n O'Brien", ["Siobh\u00e1n O'Brien"]),
        ("Smith, John", ["Smith, John"]),
    ],
)
def test_author_forms(line: str, names: list[str]) -> None:
    assert read_author_line(line) == (names, [])
    assert parse_author_line(line) == names


@pytest.mark.parametrize(
    ("line", "names", "shown"),
    [
        ("Wei Zhang, Li Chen, et al.", ["Wei Zhang", "Li Chen"], "et al."),
        ("Wei Zhang et al", ["Wei Zhang"], "et al"),
        ("Wei Zhang, Li Chen +12 more", ["Wei Zhang", "Li Chen"], "+12 more"),
        ("+12 more", [], "+12 more"),
        ("et al.", [], "et al."),
        ("Wei Zhang, Li Chen, \u2026", ["Wei Zhang", "Li Chen"], "\u2026"),
    ],
)
def test_et_al_and_more_are_no_names(line: str, names: list[str], shown: str) -> None:
    found, problems = read_author_line(line)
    assert found == names
    [(code, message)] = problems
    assert code == "incomplete_list"
    assert repr(shown) in message


@pytest.mark.parametrize(
    ("line", "why"),
    [
        # Names glued by a dump tool from adjacent inline elements.
        ("David CohenEmily R. JohnsonLi Na", "runs two names together"),
        ("Li NaWei Chen", "runs two names together"),
        ("Nguy\u1ec5n V\u0103n An\u00d8rjan Hansen", "runs two names together"),
        # An affiliation number the dump set apart: no person's name holds one.
        ("Wei Zhang 1", "number"),
        ("Wei Zhang https://orcid.org/0000-0001", "web address"),
        ("Wei Zhang | Li Chen", "table rule"),
        ("Wei Zhang \u2022 Li Chen", "bullet"),
    ],
)
def test_refused_author_lines(line: str, why: str) -> None:
    names, problems = read_author_line(line)
    assert names == []
    assert [code for code, _ in problems] == ["unreadable_value"]
    assert why in problems[0][1]
    assert parse_author_line(line) == []


def test_one_refused_line_refuses_the_whole_list() -> None:
    names, problems = read_authors([(7, "Wei Zhang"), (8, "Li NaWei Chen"), (9, "Ana Ruiz")])
    assert names == ()
    assert [(code, line) for code, _, line in problems] == [("unreadable_value", 8)]


def test_incomplete_list_keeps_the_names_shown() -> None:
    names, problems = read_authors([(7, "Wei Zhang"), (8, "+3 more")])
    assert names == ("Wei Zhang",)
    assert [(code, line) for code, _, line in problems] == [("incomplete_list", 8)]


@pytest.mark.parametrize(
    ("name", "ok"),
    [
        ("Ana Paula de Souza", True),
        ("Jean-Baptiste Lef\u00e8vre", True),
        ("Ronald McDonald", True),
        ("GBD 2019 Collaborators", True),
        ("Ludwig van Beethoven", True),
        ("Jean d'Alembert", True),
        ("Mohammed bin Salman", True),
        ("\u5f20\u4f1f", True),
        ("CohenEmily Johnson", False),
        ("Wei Zhang 2", False),
        # A byline wrapped over two lines by a dump: one word per line.
        ("Kov\u00e1cs", False),
        # Text of a neighbouring block glued into the list.
        ("Not enough ratings", False),
    ],
)
def test_check_author(name: str, ok: bool) -> None:
    assert (check_author(name) is None) is ok


# --- the general rules ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "clean"),
    [
        ("[16S RNA](/search?q=16S RNA)", "16S RNA"),
        ("![logo](/img/x.png)NSF", "logoNSF"),
        ("NEURON (opens in a new window)", "NEURON"),
        ("NEURON (Opens in new tab)", "NEURON"),
        ("NEURON (link is external)", "NEURON"),
        ("Li Chen \u2026 Show more", "Li Chen"),
        ("Soil (cultured)", "Soil (cultured)"),
        ("[18F]FDG (PET)", "[18F]FDG (PET)"),
    ],
)
def test_clean_item(text: str, clean: str) -> None:
    assert clean_item(text) == clean


@pytest.mark.parametrize("text", ["Show more", "View all", "+12 more", "Share", "Log in"])
def test_chrome_items(text: str) -> None:
    assert is_chrome(text)


@pytest.mark.parametrize("text", ["Soil", "More or less", "Sharing economy", "et al."])
def test_not_chrome_items(text: str) -> None:
    assert not is_chrome(text)


_ITEM = st.text(st.sampled_from("ab C[]()/:|-\u2022\u00b7;,.12"), max_size=30)


@given(lines=st.lists(_ITEM, max_size=4))
def test_returned_keywords_pass_their_check(lines: list[str]) -> None:
    keywords, problems = read_keywords(lines)
    assert not (keywords and problems)
    for keyword in keywords:
        assert keyword
        assert check_keyword(keyword) is None
        assert foreign_text(keyword) is None


@given(line=_ITEM)
def test_returned_names_pass_their_check(line: str) -> None:
    names, problems = read_author_line(line)
    for name in names:
        assert name
        assert check_author(name) is None
    if any(code == "unreadable_value" for code, _ in problems):
        assert names == []
