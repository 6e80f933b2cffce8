"""The funding reader: WoS forms, award-id forms, and entries it must refuse (issue 12)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from paperparse.fields.funding import check_funder, parse_funding_entry, read_funding_entry
from paperparse.layouts import PEEREF


@pytest.mark.parametrize(
    ("text", "funder", "ids"),
    [
        # Web of Science: "Funder [ids] Funding Source: Agency"; the agency stays in text.
        (
            "Div Of Chem, Bioeng, Env, & Transp Sys [1511825] Funding Source: "
            "National Science Foundation",
            "Div Of Chem, Bioeng, Env, & Transp Sys",
            ("1511825",),
        ),
        ("BBSRC [BB/R021589/1] Funding Source: UKRI", "BBSRC", ("BB/R021589/1",)),
        ("Directorate For Engineering Funding Source: NSF", "Directorate For Engineering", ()),
        # A parenthetical name or acronym is part of the funder, whatever digits it holds.
        (
            "National Basic Research Program of China (973 Program) [2012CB725403]",
            "National Basic Research Program of China (973 Program)",
            ("2012CB725403",),
        ),
        ("Program for 111 Project (111 Project)", "Program for 111 Project (111 Project)", ()),
        # Nested parentheses inside the id bracket: a second reference of the grant.
        (
            "FCT-Fundacao para a Ciencia e a Tecnologia "
            "[PTDC/CCIINF/29583/2017 (POCI-01-0145-FEDER-029583)]",
            "FCT-Fundacao para a Ciencia e a Tecnologia",
            ("PTDC/CCIINF/29583/2017", "POCI-01-0145-FEDER-029583"),
        ),
        ("Jiangsu Fund [CX (19)3010, CX(22)3032]", "Jiangsu Fund", ("CX (19)3010", "CX(22)3032")),
        # The acknowledgement sentence's full stop after the group.
        (
            "National Natural Science Foundation of China (grant 81700553).",
            "National Natural Science Foundation of China",
            ("81700553",),
        ),
        # "the" of the sentence is not the name's; "The" of a name is.
        ("the Wellcome Trust [grant number 206194]", "Wellcome Trust", ("206194",)),
        ("The Royal Society [RG150047]", "The Royal Society", ("RG150047",)),
        ("ECCB2022", "ECCB2022", ()),
        ("European Union's Horizon 2020 programme", "European Union's Horizon 2020 programme", ()),
        ("imec", "imec", ()),
    ],
)
def test_funding_forms(text: str, funder: str | None, ids: tuple[str, ...]) -> None:
    entry, reason = read_funding_entry(text)
    assert (entry.funder, entry.award_ids, entry.text, reason) == (funder, ids, text, None)


@pytest.mark.parametrize(
    ("text", "why"),
    [
        # A trailing number that nothing marks as an id (or as part of the name).
        ("Science and Technology Project of Guangzhou 201804010123", "ends in a code"),
        ("Key Project 2019B030301001", "ends in a code"),
        # A bracket with digits that is no list of ids.
        ("Chinese National Programs [number Intelligence 2022ZD0214500]", "bracket"),
        ("NIH [R01 GM123456 (to J.S.)]", "bracket"),
        # What no funder's name holds.
        ("National Science Foundation https://nsf.gov [123456]", "web address"),
        ("NSF | NIH [123456]", "table rule"),
        ("NSF \u2022 NIH", "bullet"),
        ("Funding: National Science Foundation", "section label"),
        ("National Science Foundation Rate this paper", "button"),
    ],
)
def test_refused_entries_keep_only_their_text(text: str, why: str) -> None:
    # The site's words: its labels and buttons are what a funder's name never holds.
    entry, reason = read_funding_entry(text, PEEREF.compiled.items)
    assert (entry.funder, entry.award_ids, entry.text) == (None, (), text)
    assert reason is not None
    assert why in reason
    assert reason.endswith(".")
    assert parse_funding_entry(text, PEEREF.compiled.items) == entry


@pytest.mark.parametrize(
    "text",
    [
        "National Natural Science Foundation of China (grant 81700553).",
        "Science and Technology Project of Guangzhou 201804010123",
        "Fund (grant 81700553",
        "Fund grant 81700553)",
        "Fund [a (b] c)",
    ],
)
def test_no_funder_or_id_has_unbalanced_brackets(text: str) -> None:
    entry = parse_funding_entry(text)
    for value in (entry.funder or "", *entry.award_ids):
        assert value.count("(") == value.count(")")
        assert value.count("[") == value.count("]")


def test_markdown_link_around_a_funder_is_removed() -> None:
    entry = parse_funding_entry("[NSFC](https://www.nsfc.gov.cn/) [81700553]")
    assert (entry.funder, entry.award_ids) == ("NSFC", ("81700553",))


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("National Science Foundation", None),
        ("Ministry of Science (MOST), Taiwan", None),
        ("National Natural Science Foundation of China (", "its brackets do not close"),
        ("NSF](/funders/1", "it holds Markdown link syntax"),
    ],
)
def test_check_funder(name: str, problem: str | None) -> None:
    assert check_funder(name) == problem


_NAME = st.text(st.sampled_from("abcdef ()[]0123456789/-,;.:"), max_size=40)


@given(text=_NAME)
def test_a_read_entry_keeps_its_text_and_never_returns_a_broken_funder(text: str) -> None:
    entry, reason = read_funding_entry(text)
    assert entry.text == text.strip()
    if reason is not None:
        assert entry.funder is None
        assert entry.award_ids == ()
    if entry.funder is not None:
        assert check_funder(entry.funder) is None
    for award in entry.award_ids:
        assert award.count("(") == award.count(")")
        assert award.count("[") == award.count("]")
