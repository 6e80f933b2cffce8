"""Numbers are read from ASCII digits only (docs/text-input.md#numbers).

``'\u00b2'.isdigit()`` is True and ``int('\u00b2')`` raises ValueError; ``\\d`` in a str
pattern matches Arabic-Indic and full-width digits, and ``int('\u0663') == 3``. A score,
count, volume, issue, pages or DOI written with such digits leaves its field empty:
never a crash, never a number read from them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import paperparse
from paperparse.fields import doi, journal, rating

#: Superscript two (a digit to isdigit(), not a decimal), Arabic-Indic three, full-width
#: three.
DIGITS = ("\u00b2", "\u0663", "\uff13")

PAGE = (
    Path(__file__).parent.parent / "fixtures/peeref/rating-with-count-and-secondary.txt"
).read_text(encoding="utf-8")


@pytest.mark.parametrize("digit", DIGITS)
def test_readers_leave_other_digits_unread(digit: str) -> None:
    assert rating.parse_score(f"{digit}.5") is None
    assert rating.parse_score(f"4.{digit}") is None
    assert rating.parse_score(f"4.5/{digit}") is None
    assert rating.parse_count(f"{digit} ratings") is None
    assert rating.parse_count(f"({digit}{digit} ratings)") is None
    assert rating.parse_score_and_count(f"4.5 ({digit} ratings)") is None
    assert journal.parse_locator(f"Volume {digit}, Issue 8, Pages 1-2") is None
    assert journal.parse_locator(f"Volume 9, Issue {digit}, Pages 1-2") is None
    assert journal.parse_locator(f"Volume 9, Issue 8, Pages 1-{digit}") is None
    assert journal.parse_pages(f"e{digit}") is None
    assert doi.parse_doi_line(f"DOI: 10.{digit}{digit}{digit}{digit}/x") is None


@pytest.mark.parametrize("digit", DIGITS)
def test_a_score_in_other_digits_is_a_score_nobody_reads(digit: str) -> None:
    # Written like a score: "Novelty 3.5" with another three is a named score whose
    # value is unread, not a rating called "Novelty 3.5".
    assert rating.looks_like_score(f"{digit}.5")
    assert rating.split_named(f"Novelty {digit}.5") == ("Novelty", f"{digit}.5")
    assert rating.parse_secondary_value(f"{digit}.5") == (True, None)


#: field -> (text in the page, the same text with a digit replaced by "{}").
SUBSTITUTIONS = {
    "volume": ("Volume 14,", "Volume 1{},"),
    "issue": ("Issue 6,", "Issue {},"),
    "pages": ("Pages 3423-3435", "Pages 3423-343{}"),
    "doi": ("10.1039/d1ee00321a", "10.10{}9/d1ee00321a"),
    "count": ("Based on 18 ratings", "Based on 1{} ratings"),
    "secondary": ("Novelty 4.5", "Novelty {}.5"),
}


@pytest.mark.parametrize("digit", DIGITS)
@pytest.mark.parametrize("field", sorted(SUBSTITUTIONS))
def test_a_page_with_other_digits_gets_the_field_empty(field: str, digit: str) -> None:
    before, after = SUBSTITUTIONS[field]
    page = PAGE.replace(before, after.format(digit))
    assert page != PAGE
    paper = paperparse.parse(page)  # no ValueError, no ParseError
    assert paper.journal is not None
    assert paper.rating is not None
    got = {
        "volume": paper.journal.volume,
        "issue": paper.journal.issue,
        "pages": paper.journal.pages,
        "doi": paper.doi,
        "count": paper.rating.count,
        "secondary": paper.rating.secondary[0].score,
    }[field]
    assert got is None
    if field == "secondary":
        assert paper.rating.secondary[0].name == "Novelty"


def test_the_page_reads_those_fields_with_ascii_digits() -> None:
    """The page the substitutions start from has every field above (by hand)."""
    paper = paperparse.parse(PAGE)
    assert paper.journal is not None
    assert paper.rating is not None
    assert (paper.journal.volume, paper.journal.issue) == ("14", "6")
    assert paper.doi == "10.1039/d1ee00321a"
    assert paper.rating.count == 18
    assert paper.rating.secondary[0].score == 4.5
