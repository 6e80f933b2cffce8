"""Every page dump under fixtures/ with a JSON beside it parses to exactly that JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import paperparse

from .conftest import FIXTURES, diff, page_fixtures

PAGES = page_fixtures()


def test_discovery_found_the_fixtures() -> None:
    # A glob that silently finds nothing would make the suite pass while testing nothing.
    assert len([p for p in PAGES if p.parent.name == "peeref"]) >= 16
    assert FIXTURES / "peeref" / "jmm-2019-review.txt" in PAGES
    assert len([p for p in PAGES if p.parent.name == "ouci"]) >= 7
    assert FIXTURES / "ouci" / "uk-book-chapter-no-doi.txt" in PAGES


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(FIXTURES)))
def test_fixture_parses_to_expected_record(page: Path) -> None:
    expected = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
    actual = paperparse.to_dict(paperparse.parse(page))
    problems = diff(expected, actual)
    assert not problems, f"{page.name} differs from its JSON:\n  " + "\n  ".join(problems)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(FIXTURES)))
def test_expected_json_is_a_valid_record(page: Path) -> None:
    # The converter forbids unknown keys, so a typo in a fixture fails here.
    data = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
    assert paperparse.to_dict(paperparse.from_dict(data)) == data
