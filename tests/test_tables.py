"""Two-column tables a text tool laid out with its labels centred (w3m, inscriptis)."""

from __future__ import annotations

import paperparse
from paperparse.layouts import PEEREF
from paperparse.outline import tables

from .conftest import FIXTURES

SEED = (FIXTURES / "peeref" / "jmm-2019-review.txt").read_text(encoding="utf-8")
SEED_PAPER = paperparse.parse(SEED)

# The seed page's header block as w3m draws its table: each label in the middle of
# its row. The authors row (one line above its label) shows the page is centred.
_FUNDING = [f.text for f in SEED_PAPER.funding]
_ROWS = [
    "  Journal  JOURNAL OF MOLECULAR MEDICINE-JMM",
    "           Volume 97, Issue 8, Pages 1065-1084",
    "Publisher  SPRINGER HEIDELBERG",
    "           DOI: 10.1007/s00109-019-01804-x",
    " Keywords  " + "; ".join(SEED_PAPER.keywords),
    "           " + _FUNDING[0],
    "  Funding  " + _FUNDING[1],
    *("           " + text for text in _FUNDING[2:]),
]
_AUTHORS = "           Wei Zhang\n  Authors  Li Chen\n           Maria Garcia\n"


def _page(*, authors: bool = True) -> str:
    title = "4.7 Review\n\n" + (SEED_PAPER.title or "") + "\n\n"
    page = title + "\n".join(_ROWS) + "\n\nAsk authors/readers for more resources\n\n"
    page += f"{SEED_PAPER.abstract}\n\n" + (_AUTHORS if authors else "")
    page += "I am an author on this paper\n"
    page += "Click your name to claim this paper and add it to your profile.\n"
    return page + SEED[SEED.index("\nReviews\n") :]


def test_a_centred_table_is_read_row_by_row() -> None:
    paper = paperparse.parse(_page())
    assert paper.keywords == SEED_PAPER.keywords
    assert paper.funding == SEED_PAPER.funding
    assert paper.journal == SEED_PAPER.journal
    assert (paper.publisher, paper.doi) == (SEED_PAPER.publisher, SEED_PAPER.doi)
    assert [a.name for a in paper.authors] == ["Wei Zhang", "Li Chen", "Maria Garcia"]


def test_without_a_row_showing_the_centring_unsure_rows_are_left_empty() -> None:
    # Read top-down, the line above "Funding" would be a keyword line; centred, a
    # funding entry. Nothing on the page says which: neither list is given.
    paper = paperparse.parse(_page(authors=False))
    assert paper.keywords == ()
    assert paper.funding == ()
    messages = [w.message for w in paper.warnings if w.code == "unreadable_value"]
    assert any("'Funding' stands in the middle" in m for m in messages)
    assert any("'Keywords' stands in the middle" in m for m in messages)
    # Rows both readings split alike are read.
    assert (paper.publisher, paper.doi) == (SEED_PAPER.publisher, SEED_PAPER.doi)


def test_a_table_with_labels_on_top_is_left_as_it_is() -> None:
    page = ["", "Funding  NSFC [1]", "         NIH [2]", "", "Keywords  a; b"]
    assert tables.read(page, PEEREF.labels) is None


def test_a_pathological_block_is_unsure_not_slow() -> None:
    rows = []
    for _ in range(2000):
        rows += ["         x", "Funding  y", "         z"]
    order, _ = tables.read(["", *rows], PEEREF.labels) or ([], [])
    assert order  # read, whatever it found
    assert len(order) <= 2 * len(rows)  # a label row gives its label and its value


# The seed page's funding list as pandoc lays a two-column table out: each cell's
# text wrapped at its column's width (35 here), so a line may be a funder or half one.
_RULE = "  " + "-" * 35 + " " + "-" * 35
_NARROW = [
    _RULE,
    "  Keywords                            Acute liver failure; Mesenchymal",
    "                                      stromal cell; Exosomes",
    "",
    "  Funding                             National Natural Science Foundation",
    "                                      of China [81700553]",
    "                                      NIH [R01 GM123456]",
    _RULE,
]


def test_a_list_cell_wrapped_at_its_column_is_left_empty() -> None:
    raw = list(_NARROW)
    problems = tables.narrow_cells(raw, tables.rules(raw), PEEREF.labels)
    assert [index for index, _ in problems] == [4]
    assert raw[4].strip() == "Funding"
    assert raw[5] == raw[6] == ""
    # A keyword list reads the same whatever the breaks: it stays.
    assert raw[1:3] == _NARROW[1:3]


def test_a_cell_whose_breaks_are_the_pages_stays() -> None:
    # "of" would not have fitted on no line: "NIH" fits after "... [81700553]", so the
    # tool did not have to break there; the break is the page's.
    raw = [_RULE, "  Funding                             NSFC [81700553]", " " * 38 + "NIH", _RULE]
    assert tables.narrow_cells(raw, tables.rules(raw), PEEREF.labels) == []
    assert raw[2].strip() == "NIH"


def test_a_wrapped_funding_cell_gives_no_funding_and_a_warning() -> None:
    start, end = SEED.index("\nFunding\n"), SEED.index("\nAsk authors")
    page = SEED[:start] + "\n" + "\n".join(_NARROW) + "\n" + SEED[end:]
    paper = paperparse.parse(page)
    assert paper.funding == ()
    assert any("'Funding' cell" in w.message for w in paper.warnings)


def test_a_record_section_after_the_rating_block_and_a_sidebar_is_no_part_of_it() -> None:
    # A footer's template or noscript notice: "Funding" then a made-up entry.
    start, end = SEED.index("\nFunding\n"), SEED.index("\nAsk authors")
    page = SEED[:start] + SEED[end:]  # the paper shows no funding
    page += "\nRelated papers\n\nA paper on something else\n\nFunding\n\nTemplate Funder [000000]\n"
    paper = paperparse.parse(page)
    assert paper.funding == ()
    assert "unplaced_text" in [w.code for w in paper.warnings]
