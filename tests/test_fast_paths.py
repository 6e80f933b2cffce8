"""The cheap tests that spare a line a slow one never change an answer.

Each fast path skips a pattern (or a translation) when a cheap test says it cannot
apply. These properties check, on text built to hit the patterns often, that the cheap
test holds wherever the slow one would have found something: the skip is exact.
"""

from __future__ import annotations

import re

import attrs
from hypothesis import example, given
from hypothesis import strategies as st

import paperparse
from paperparse import merge, normalize, roles
from paperparse.fields import authors, clean, funding, lists
from paperparse.layouts import BUILT_IN
from paperparse.outline.block import Block
from paperparse.readers import names

#: Pieces that make the patterns match (and almost match), and any character.
_PIECES = st.one_of(
    st.sampled_from(
        [
            " et al.",
            "et al",
            " and others",
            " +12 more",
            " 3 others authors",
            " author",
            "...",
            "\u2026",
            ")",
            " ",
            "\t",
            "\n",
            ",",
            ";",
            "S",
            "\u017f",
            "Wei Zhang",
            "Li Chen",
            "1",
            "\u00b2",
            "*",
            "\u2020",
            "#",
            "doi:",
            "10.1038/",
            "Volume 9",
            "https://",
            "peeref.com",
            "PEEREF.COM",
            "Peeref.Com",
            "www.",
            "com",
            "COM",
            "\u0130",
            "\u212a",
            "\uff0c",
            "\u3001",
        ]
    ),
    st.characters(),
)
texts = st.lists(_PIECES, max_size=12).map("".join)


@given(texts)
def test_more_is_only_looked_for_where_it_can_end_the_line(text: str) -> None:
    if authors._MORE.search(text) is not None:
        assert authors._may_end_in_more(text)


@given(texts)
def test_affiliation_marks_need_their_characters(text: str) -> None:
    if authors._AFFILIATION.search(text) is not None:
        assert authors._AFFILIATION_MARK.search(text) is not None


@given(texts)
def test_a_name_without_digit_or_colon_holds_no_doi_locator_or_address(text: str) -> None:
    if names._NOT_IN_A_NAME.search(text) is not None:
        assert names._DIGIT_OR_COLON.search(text) is not None


@given(texts)
def test_the_site_address_is_found_in_any_case(text: str) -> None:
    for layout in paperparse.layouts.BUILT_IN:
        pattern = "|".join(map(re.escape, layout.addresses))
        case_blind = bool(pattern) and re.search(pattern, text, re.IGNORECASE) is not None
        assert roles.names_site(text, layout) == case_blind


_SITE_LINES = st.lists(
    st.one_of(
        texts,
        st.sampled_from(["\u212a.ORG", "X.OUC\u0130", "\u00c9X.COM", "\u00e9 PEEREF.com"]),
    ),
    max_size=6,
)


@given(_SITE_LINES)
def test_a_line_names_the_site_only_on_a_page_that_does(texts_: list[str]) -> None:
    # The page-wide pre-test never says "no" where a line of the page names the site.
    page = [(number, text) for number, text in enumerate(texts_, 1) if text]
    layouts = [
        *paperparse.layouts.BUILT_IN,
        # addresses that the Kelvin sign or "İ" lower-cased can spell; one not ASCII
        attrs.evolve(paperparse.layouts.PEEREF, addresses=("k.org", "x.ouci")),
        attrs.evolve(paperparse.layouts.PEEREF, addresses=("\u00e9x.com",)),
    ]
    for layout in layouts:
        if any(roles.names_site(text, layout) for _, text in page):
            assert roles.page_names_site("\n".join(t for _, t in page), layout)


_MARKERS = st.tuples(
    st.sampled_from(["", "(", "[", " "]),
    st.sampled_from(["", "1", "12", "\u0663", "\uff11", "a", *sorted(funding.MARKER_FIRST)]),
    st.sampled_from(["", ".", ")", "]"]),
    st.sampled_from(["", " ", "\t"]),
    texts,
).map("".join)


@given(_MARKERS)
def test_a_list_marker_starts_with_one_of_its_first_characters(text: str) -> None:
    # strip_marker's first-character test never says "no" where the pattern matches.
    if funding.LIST_MARKER.match(text) is not None:
        assert text[:1] in funding.MARKER_FIRST or text[:1].isdecimal()
    assert funding.strip_marker(text)[0] == (
        (match := funding.LIST_MARKER.match(text)) is not None and match.end() < len(text)
    )


_ENTRIES = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "National Science Foundation",
                "the NSF",
                " [81700553]",
                " (973 Program)",
                " grant number R01 GM1",
                " Funding Source: NIH",
                ".",
                "_",
                " | ",
                "Keywords: ",
                " Show more",
                " https://nsf.gov",
                "](/x)",
                " \u2022 ",
                " ",
            ]
        ),
        st.characters(),
    ),
    max_size=8,
).map("".join)


@given(_ENTRIES)
@example("NSF [12 | 34]")  # a funder that passes, in an entry that does not
@example("NSF (R01 https://x.org/1)")
@example("National Science Foundation")  # the funder is the whole entry
@example("NSF | NIH")
def test_a_funding_line_is_read_and_checked_as_its_parts_are(text: str) -> None:
    # read_funding_line skips the whole-entry check where the funder check was it.
    entry, reason, foreign = funding.read_funding_line(text)
    assert (entry, reason) == funding.read_funding_entry(text)
    assert foreign == clean.foreign_text(clean.clean_item(text.strip()))


@given(texts)
def test_wide_separators_are_only_in_non_ascii_text(text: str) -> None:
    assert lists.narrow(text) == text.translate(lists._WIDE_SEPARATORS)


@given(texts)
def test_one_name_splits_as_the_general_rule_does(text: str) -> None:
    # The fast path of _split_names (no separator) against the rule it stands for.
    if "," not in text and ";" not in text and " and " not in text:
        parts = [p.strip(" ,") for p in lists.split_top_level(text, ",")]
        parts = [p for p in parts if p]
        expected = authors._split_and(parts[0]) if parts else []
        assert authors._split_names(text) == expected


@given(texts)
def test_name_keys_are_the_runs_of_letters_and_digits(text: str) -> None:
    folded = "".join(c if c.isalnum() else " " for c in text.casefold())
    assert merge._name_key(text) == tuple(sorted(folded.split()))


@given(texts)
def test_a_count_badge_ends_in_a_digit_or_bracket(text: str) -> None:
    if roles._BADGE.fullmatch(text) is not None:
        assert text[-1:] in roles._BADGE_ENDS


_SHORT_WORDS = st.sampled_from(
    sorted(
        {
            *(w for layout in BUILT_IN for w in (*layout.labels, *layout.actions)),
            *(w for layout in BUILT_IN for w in (*layout.chrome_lines, *layout.other_sections)),
            *(w for layout in BUILT_IN for w in (*layout.claim_lines, *layout.markers)),
            "Wei Zhang",
            "Anna",
            "graphene",
            "4.7",
            "Review",
            "Primary",
            "peeref.com",
            "(3)",
            "Copyright 2020",
            "We use cookies",
        }
    )
)
_SHORT_MARKS = st.sampled_from(["", " ", ": ", " | ", " / ", " · ", "**", "# ", "- ", ".", ":"])


@given(st.lists(st.tuples(_SHORT_WORDS, _SHORT_MARKS), min_size=1, max_size=4))
def test_a_short_line_is_a_plain_value_only_where_the_full_rules_say_so(
    parts: list[tuple[str, str]],
) -> None:
    text = normalize.clean("".join(word + mark for word, mark in parts))
    if not text or len(text) > roles.MAX_LABEL_LINE:
        return
    for layout in BUILT_IN:
        for case in (text, text.upper(), text.title()):
            assert roles.short_line(case, layout) == roles._known_line(case, layout), case


_GLUE_WORDS = st.sampled_from(
    ["Journal", "Keywords", "Primary Rating", "Comments", "Source", "McJournal", "JOURNAL", "x"]
)
_GLUE_RESTS = st.sampled_from(["NATURE", "Nature", "2020", " Nature", "", "sForge", "a; b"])


@given(st.lists(st.tuples(st.sampled_from(["", "**", "# "]), _GLUE_WORDS, _GLUE_RESTS)))
def test_a_glued_page_is_found_as_the_line_rule_finds_it(
    lines: list[tuple[str, str, str]],
) -> None:
    texts = [normalize.clean(a + b + c) for a, b, c in lines]
    texts = [t for t in texts if t]
    for layout in BUILT_IN:
        by_lines = sum(roles.glued_label(t, layout) is not None for t in texts) >= 2
        assert roles.is_glued_page([Block(1, t) for t in texts], layout) == by_lines
