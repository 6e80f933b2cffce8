"""What the list readers refuse reaches the record as a warning (issue 12).

The readers in ``paperparse.fields`` return why they refused a value
(``read_funding_entry``, ``read_keywords``, ``read_authors``); the readers of
``paperparse.readers`` turn that into ``ParseWarning``s. Until they do, these tests
fail: strict xfails.
"""

from __future__ import annotations

import paperparse

_HEAD = "4.7 Review\nA title of a paper\nJournal\nCELL\nVolume 1, Pages 1-2\n"
_TAIL = "Recommended\nNo Data Available\n"


def _codes(paper: paperparse.Paper) -> list[tuple[str, int | None]]:
    return [(w.code, w.line) for w in paper.warnings]


def test_lower_case_funder_after_a_complete_entry_is_an_entry() -> None:
    # An unmarked line starting lower-case continues the entry above only if that
    # entry is unfinished; "imec" is a funder's name as it writes itself.
    page = _HEAD + "Funding\nResearch Foundation Flanders (FWO) [G0A1234N]\nimec\n" + _TAIL
    funding = paperparse.parse(page).funding
    assert [(f.funder, f.award_ids) for f in funding] == [
        ("Research Foundation Flanders (FWO)", ("G0A1234N",)),
        ("imec", ()),
    ]


def test_lower_case_continuation_of_an_unfinished_entry_still_joins() -> None:
    page = _HEAD + "Funding\nNational Natural Science Foundation of\nChina [81700553]\n" + _TAIL
    [entry] = paperparse.parse(page).funding
    assert (entry.funder, entry.award_ids) == (
        "National Natural Science Foundation of China",
        ("81700553",),
    )


def test_refused_funding_entry_is_reported() -> None:
    page = _HEAD + "Funding\nScience and Technology Project of Guangzhou 201804010123\n" + _TAIL
    paper = paperparse.parse(page)
    assert [(f.funder, f.award_ids) for f in paper.funding] == [(None, ())]
    assert ("unreadable_value", 7) in _codes(paper)


def test_glued_author_names_are_reported() -> None:
    page = _HEAD + "Authors\nDavid CohenEmily R. JohnsonLi Na\n" + _TAIL
    paper = paperparse.parse(page)
    assert paper.authors == ()
    assert ("unreadable_value", 7) in _codes(paper)


def test_et_al_is_reported_as_an_incomplete_list() -> None:
    page = _HEAD + "Authors\nWei Zhang, Li Chen, et al.\n" + _TAIL
    paper = paperparse.parse(page)
    assert [a.name for a in paper.authors] == ["Wei Zhang", "Li Chen"]
    assert ("incomplete_list", 7) in _codes(paper)


def test_refused_keyword_list_is_reported() -> None:
    page = _HEAD + "Keywords\nSoil; see https://example.org/soil\n" + _TAIL
    paper = paperparse.parse(page)
    assert paper.keywords == ()
    assert ("unreadable_value", 7) in _codes(paper)


def test_refused_values_never_reach_the_record() -> None:
    # What works already without the warnings: the wrong values are not returned.
    page = (
        _HEAD
        + "Keywords\nSoil; see https://example.org/soil\n"
        + "Funding\nScience and Technology Project of Guangzhou 201804010123\n"
        + "Authors\nDavid CohenEmily R. JohnsonLi Na\n"
        + _TAIL
    )
    paper = paperparse.parse(page)
    assert paper.keywords == ()
    assert paper.authors == ()
    assert [(f.funder, f.award_ids) for f in paper.funding] == [(None, ())]
