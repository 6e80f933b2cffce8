"""Two-column tables a text tool laid out with its labels centred (w3m, inscriptis)."""

from __future__ import annotations

import paperparse
from paperparse import tables

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
    assert tables.read(page) is None


def test_a_pathological_block_is_unsure_not_slow() -> None:
    rows = []
    for _ in range(2000):
        rows += ["         x", "Funding  y", "         z"]
    order, _ = tables.read(["", *rows]) or ([], [])
    assert order  # read, whatever it found
    assert len(order) <= 2 * len(rows)  # a label row gives its label and its value
