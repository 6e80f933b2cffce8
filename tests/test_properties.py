"""Hypothesis properties: totality, serialisation round trip, noise invariance."""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import paperparse
from paperparse.testing import NOISE, compose

from .conftest import page_fixtures

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
    assert paperparse.parse(compose(*(NOISE[n] for n in noises))(text)) == paperparse.parse(text)


@given(st.integers(min_value=0, max_value=80))
def test_truncated_page_never_gains_a_different_value(cut: int) -> None:
    text = SEED.read_text(encoding="utf-8")
    full = paperparse.to_dict(paperparse.parse(text))
    lines = text.splitlines()
    part = _parse_or_parse_error("\n".join(lines[:cut]))
    if part is None:
        return
    for key, value in paperparse.to_dict(part).items():
        if key in {"warnings", "source"} or value in (None, [], {}):
            continue
        if isinstance(value, list):
            # A list cut short is a prefix of the full list (its last item may be cut).
            assert value[:-1] == full[key][: len(value) - 1], key
        elif key in {"abstract", "title"}:
            assert isinstance(value, str)
            assert full[key].startswith(value), key
        elif isinstance(value, dict):
            for sub, subvalue in value.items():
                if subvalue not in (None, [], {}) and sub != "secondary":
                    assert subvalue == full[key][sub], f"{key}.{sub}"
        else:
            assert value == full[key], key
