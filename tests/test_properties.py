"""Hypothesis properties: totality, serialisation round trip, noise invariance."""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import paperparse
from paperparse.testing import NOISE, compose

from .conftest import page_fixtures, without_lines

settings.register_profile("ci", max_examples=200, deadline=None, derandomize=True, print_blob=True)
settings.register_profile(
    "thorough", max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.load_profile(os.environ.get("PAPERPARSE_HYPOTHESIS_PROFILE", "ci"))

TEXT_PAGES = [p for p in page_fixtures() if p.suffix == ".txt" and p.parent.name == "peeref"]
SEED = next(p for p in TEXT_PAGES if p.stem == "jmm-2019-review")

#: Text that looks like pieces of a page: labels, numbers, dashes, brackets, DOIs.
page_like = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "Journal",
                "Publisher",
                "Keywords",
                "Funding",
                "Authors",
                "Reviews",
                "Primary Rating",
                "Secondary Ratings",
                "Recommended",
                "Rate this paper",
                "Ask authors/readers for more resources",
                "DOI: 10.",
                "Volume 9, Issue 8, Pages 1-2",
                "4.7 Review",
                "-",
                "1. ",
                "[",
                "(",
                "No Data Available",
                "Keywords: a; b",
            ]
        ),
        st.text(max_size=40),
    ),
    max_size=40,
).map("\n".join)


def _parse_or_parse_error(page: str | bytes) -> paperparse.Paper | None:
    try:
        return paperparse.parse(page)
    except paperparse.ParseError:
        return None


@given(st.text())
def test_any_text_parses_or_raises_parse_error(page: str) -> None:
    _parse_or_parse_error(page)


@given(st.binary())
def test_any_bytes_parse_or_raise_parse_error(page: bytes) -> None:
    _parse_or_parse_error(page)


@given(page_like)
def test_page_like_text_gives_a_serialisable_record(page: str) -> None:
    paper = _parse_or_parse_error(page)
    if paper is not None:
        assert paperparse.from_dict(paperparse.to_dict(paper)) == paper
        for warning in paper.warnings:
            assert warning.code in paperparse.errors.WARNING_CODES
            last_line = page.count("\n") + page.count("\r") - page.count("\r\n") + 1
            assert warning.line is None or 1 <= warning.line <= last_line


@given(
    st.lists(st.sampled_from(sorted(NOISE)), min_size=1, max_size=6, unique=True),
    st.sampled_from(TEXT_PAGES),
)
def test_any_combination_of_noise_keeps_the_record(names: list[str], page: Path) -> None:
    text = page.read_bytes().decode("utf-8-sig")
    order = list(NOISE)
    noises = sorted(names, key=order.index)
    if "lower_labels" in noises and "inline_labels" in noises:
        noises.remove("lower_labels")  # "keywords:: a" is not a layout a site produces
    after = paperparse.parse(compose(*(NOISE[n] for n in noises))(text))
    assert without_lines(after) == without_lines(paperparse.parse(text))


def _same_or_empty(part: object, full: object, where: str) -> None:
    """*part* is *full*, or empty; for objects, field by field."""
    if part in (None, [], {}):
        return
    if isinstance(part, dict) and isinstance(full, dict):
        for key, value in part.items():
            _same_or_empty(value, full[key], f"{where}.{key}")
        return
    assert part == full, f"{where}: {part!r} is neither the full page's value nor empty"


@given(st.sampled_from(TEXT_PAGES), st.floats(min_value=0.0, max_value=1.0))
def test_truncated_page_never_gains_a_different_value(page: Path, where: float) -> None:
    text = page.read_bytes().decode("utf-8-sig")
    full = paperparse.to_dict(paperparse.parse(text))
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    cut = int(where * len(lines))
    part = _parse_or_parse_error("\n".join(lines[:cut]))
    if part is None:
        return
    for key, value in paperparse.to_dict(part).items():
        if key == "recommended":
            # Known limit (docs/text-input.md): the last section of a text dump cannot be
            # told from a cut one, so a cut list is a prefix of the full one.
            assert value == full[key][: len(value)], key
        elif key not in {"warnings", "source", "actions"}:
            _same_or_empty(value, full[key], key)


@given(st.sampled_from(TEXT_PAGES), st.floats(min_value=0.0, max_value=1.0))
def test_page_cut_anywhere_never_gains_a_different_value(page: Path, where: float) -> None:
    # A download cut mid-line: the last value may itself be cut.
    text = page.read_bytes().decode("utf-8-sig")
    full = paperparse.to_dict(paperparse.parse(text))
    part = _parse_or_parse_error(text[: int(where * len(text))])
    if part is None:
        return
    for key, value in paperparse.to_dict(part).items():
        if key == "recommended":
            # The same known limit: a prefix, whose last title may be cut short.
            if value:
                assert len(value) <= len(full[key]), f"{key}: {value!r} is no prefix"
                assert value[:-1] == full[key][: len(value) - 1], key
                assert full[key][len(value) - 1].startswith(value[-1]), key
        elif key not in {"warnings", "source", "actions"}:
            _same_or_empty(value, full[key], key)


#: Tag soup: random nesting of page-like elements, attributes and text.
_TAGS = st.sampled_from(
    [
        "div",
        "p",
        "span",
        "b",
        "a",
        "li",
        "ul",
        "table",
        "tr",
        "td",
        "dl",
        "dt",
        "dd",
        "h1",
        "h3",
        "br",
        "script",
        "style",
        "nav",
        "footer",
        "aside",
        "meta",
        "button",
        "sup",
    ]
)
tag_soup = st.recursive(
    st.one_of(page_like, st.text(max_size=20)),
    lambda inner: st.builds(
        lambda tag, attrs, children: f"<{tag}{attrs}>{''.join(children)}</{tag}>",
        _TAGS,
        st.sampled_from(
            [
                "",
                " hidden",
                ' class="cookie"',
                ' data-score="4.5"',
                ' style="width: 94%"',
                ' itemprop="ratingValue" content="x"',
                ' name="citation_doi" content="10.1/x"',
            ]
        ),
        st.lists(inner, max_size=4),
    ),
    max_leaves=30,
)


@given(tag_soup)
def test_any_tag_soup_parses_or_raises_parse_error(soup: str) -> None:
    _parse_or_parse_error(soup)
    _parse_or_parse_error("<!DOCTYPE html><html><body>" + soup)


#: HTML fixtures whose metadata agrees with the visible page. (Where metadata is wrong,
#: a page cut before the visible value gets the metadata's value: metadata fills what
#: the visible page lacks, and a cut page cannot know the two disagree.)
HTML_PAGES = [
    p
    for p in page_fixtures()
    if p.suffix == ".html"
    and p.parent.name == "html"
    and not any(w.code == "metadata_conflict" for w in paperparse.parse(p).warnings)
]


@given(st.sampled_from(HTML_PAGES), st.floats(min_value=0.0, max_value=1.0))
def test_html_cut_anywhere_never_gains_a_different_value(page: Path, where: float) -> None:
    # An HTML page cut short lacks its closing tags, so even its last section is
    # known to be cut: every field is the full page's value or empty, no exception.
    text = page.read_text(encoding="utf-8")
    full = paperparse.to_dict(paperparse.parse(text))
    part = _parse_or_parse_error(text[: int(where * len(text))])
    if part is None:
        return
    for key, value in paperparse.to_dict(part).items():
        if key not in {"warnings", "source", "actions"}:
            _same_or_empty(value, full[key], key)
