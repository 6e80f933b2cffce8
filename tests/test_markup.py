"""Dump-tool marks are removed only where the page shows the tool's signature.

The same characters are content elsewhere: a formula (``[Ru(bpy)3](PF6)2``), a
molecule (``[2]rotaxane``), an identifier (``__proto__``). docs/text-input.md lists the
signatures; each test below states a page that has or lacks one.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from paperparse.layouts import PEEREF
from paperparse.outline.markup import LINK_BREAK, strip_markup
from paperparse.outline.text import lines

#: Content that looks like marks: on a page without any tool's signature it stays.
CONTENT = [
    "[Ru(bpy)3](PF6)2 photosensitizers",
    "[2]rotaxane and [3]catenane",
    "[2]Rotaxane; [Cu(NCS)(PPh3)2]2; [18F]FDG",
    "Object.__proto__ pollution",
    "__init__ and **kwargs",
    "p < 0.05 (**), p < 0.01 (***)",
    "# 1 in sales",
    "C:\\data\\x.csv and 1\\.5",
    "NSFC [81700553]",
    "a | b | c",
    "Novelty | 4.5 |",
]


@pytest.mark.parametrize("text", CONTENT)
def test_content_without_a_signature_is_kept(text: str) -> None:
    page = f"4.5 Article\n\n{text}\n\nJournal\nNATURE\n"
    assert strip_markup(page) == page


def test_a_formula_is_not_a_link_on_a_markdown_page() -> None:
    # html2text leaves brackets unescaped: a formula next to a real link stays whole.
    page = "[Peeref](/)\n\n# [Ru(bpy)3](PF6)2 photosensitizers\n"
    assert strip_markup(page) == "Peeref\n\n[Ru(bpy)3](PF6)2 photosensitizers\n"


def test_markdown_link_targets_with_blanks_and_escaped_parentheses() -> None:
    page = (
        "[16S RNA](/search?q=16S RNA); [CPP (pain)](/search?q=CPP \\(pain\\)); "
        '[x](https://a.org/p "a title")'
    )
    assert strip_markup(page) == "16S RNA; CPP (pain); x"


def test_links_that_touch_are_two_lines_with_one_number() -> None:
    page = "Authors\n\n[Ann Lee](/authors/1)[Bo Chen](/authors/2)\nnext"
    assert LINK_BREAK in strip_markup(page)
    assert lines(page, PEEREF.labels) == [
        (1, "Authors"),
        (3, "Ann Lee"),
        (3, "Bo Chen"),
        (4, "next"),
    ]


def test_a_wrapped_link_target_keeps_the_line_count() -> None:
    page = "Keywords\n[Hot corrosion](/search?q=Hot\ncorrosion)\nFunding"
    out = strip_markup(page)
    assert out.count("\n") == page.count("\n")
    assert out.startswith("Keywords\nHot corrosion\n")


def test_markdown_marks_go_only_on_a_markdown_page() -> None:
    page = "[Home](/)\n**Keywords:** a; b\n## Authors\n1\\. NSF\n__init__"
    assert strip_markup(page) == "Home\nKeywords: a; b\nAuthors\n1. NSF\n__init__"
    plain = "**Keywords:** a; b\n1\\. NSF"  # no heading, link or bold line: not Markdown
    assert strip_markup(plain) == plain


def test_html2text_table_rows() -> None:
    page = "### Secondary Ratings\n\nNovelty| 4.6  \n---|---  \nSignificance| -  \nRigor|  \n"
    assert strip_markup(page) == ("Secondary Ratings\n\nNovelty | 4.6\n\nSignificance | -\nRigor\n")


def test_pandoc_simple_table_rules_are_layout() -> None:
    page = (
        "Reviews\n\n  --------------------- -----\n  Primary Rating        4.4\n"
        "  --------------------- -----\n"
    )
    assert strip_markup(page) == "Reviews\n\n\n  Primary Rating        4.4\n\n"


def test_pandoc_grid_tables() -> None:
    page = (
        "+------------------+-----+\n"
        "| Novelty          | 4.6 |\n"
        "+==================+=====+\n"
        "| Significance     | -   |\n"
        "+------------------+-----+\n"
    )
    assert strip_markup(page) == "\nNovelty\x1e4.6\n\nSignificance\x1e-\n\n"
    assert lines(page, PEEREF.labels) == [(2, "Novelty"), (2, "4.6"), (4, "Significance"), (4, "-")]


def test_pandoc_grid_rows_read_column_by_column() -> None:
    """A cell's lines stay together: the label column first, then the value column."""
    page = (
        "+-------------------+------------------------+\n"
        "| Primary Rating    | 4.7                    |\n"
        "|                   | Not enough ratings     |\n"
        "+-------------------+------------------------+\n"
        "| Secondary Ratings |   ------------ ---     |\n"
        "|                   |   Novelty      -       |\n"
        "|                   |   ------------ ---     |\n"
        "+-------------------+------------------------+\n"
        "Rate this paper"
    )
    assert lines(page, PEEREF.labels) == [
        (2, "Primary Rating"),
        (2, "4.7"),
        (2, "Not enough ratings"),
        (5, "Secondary Ratings"),
        (5, "Novelty -"),
        (9, "Rate this paper"),
    ]


@pytest.mark.parametrize("line", ["-", "--", "- - -", "Novelty | ---", "---x", "+ 5"])
def test_lines_that_are_not_rules_stay(line: str) -> None:
    page = f"a\n{line}\nb"
    assert strip_markup(page) == page


def test_lynx_numbers_need_a_lynx_page() -> None:
    few = "[1]Home\n[2]rotaxane"  # two numbers, no References list, no (BUTTON)
    assert strip_markup(few) == few


def test_lynx_numbers_follow_lynx_s_sequence() -> None:
    page = (
        "   [1]Peeref [2]Papers [3]Journals [4]Hubs [5]Log in\n"
        "       [2]Rotaxane hosts\n"
        "   [6]INORGANIC CHEMISTRY\n"
        "   [7][2]Rotaxane; [8]Halides\n"
    )
    assert strip_markup(page) == (
        "   Peeref Papers Journals Hubs Log in\n"
        "       [2]Rotaxane hosts\n"
        "   INORGANIC CHEMISTRY\n"
        "   [2]Rotaxane; Halides\n"
    )


def test_lynx_references_list_is_a_signature() -> None:
    page = "[1]Home\n[2]JOURNAL\n\nReferences\n\n   1. file:///\n   2. https://x.org/\n"
    assert strip_markup(page).startswith("Home\nJOURNAL\n")


def test_lynx_form_marks_go_on_any_page() -> None:
    assert strip_markup("(BUTTON) Accept\n[IMG] Logo") == "Accept\nLogo"


@given(st.text(alphabet="ab |-=+:#*_\\[]()/!^\n\t12"))
def test_line_breaks_are_kept(text: str) -> None:
    """Line numbers in warnings stay right: no rule adds or removes a line break."""
    assert strip_markup(text).count("\n") == text.count("\n")


@given(st.text(alphabet="ab |-=+:#*_\\[]()/!^\n\t12" + LINK_BREAK))
def test_strip_markup_is_idempotent_on_its_output_lines(text: str) -> None:
    """Every output line is stripped of what it had: a second pass removes no more lines."""
    once = strip_markup(text)
    assert strip_markup(once).count("\n") == once.count("\n")


def test_a_rule_after_a_label_is_layout() -> None:
    assert strip_markup("Reviews: --------------------- -----\nx") == "Reviews:\nx"
    assert strip_markup("Note: a --- b\nx") == "Note: a --- b\nx"


@pytest.mark.parametrize("text", ["[Na](Cl: 2)", "[x](see: y)", "[2](3)", "[a](b c)"])
def test_a_target_not_written_like_a_url_is_content(text: str) -> None:
    assert strip_markup(f"[Home](/)\n{text}") == f"Home\n{text}"
