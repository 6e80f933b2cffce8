"""Every page dump under fixtures/ with a JSON beside it parses to exactly that JSON.

The JSON files were written before schema 1.2 and are not rewritten for it: each is
compared as :func:`paperparse.serialize.upgrade` makes it, with the keys added since
(``pmid``, ``pmcid``, ``published``, ``mesh_terms``) at their empty values. That is the
rule ``paperparse snapshot`` and ``paperparse check`` follow for older snapshots, and
what :func:`paperparse.from_dict` fills in; a key the file does state is compared as
stated. Going through ``from_dict`` instead would also compare ``4`` and ``4.0`` alike
(it turns an integer into the float a score holds), hiding a difference of type.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import paperparse
from paperparse.serialize import upgrade

from .conftest import FIXTURES, diff, expected_record, page_fixtures

PAGES = page_fixtures()


def test_discovery_found_the_fixtures() -> None:
    # A glob that silently finds nothing would make the suite pass while testing nothing.
    assert len([p for p in PAGES if p.parent.name == "peeref"]) >= 16
    assert FIXTURES / "peeref" / "jmm-2019-review.txt" in PAGES
    assert len([p for p in PAGES if p.parent.name == "ouci"]) >= 7
    assert FIXTURES / "ouci" / "uk-book-chapter-no-doi.txt" in PAGES


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(FIXTURES)))
def test_fixture_parses_to_expected_record(page: Path) -> None:
    expected = expected_record(page)
    actual = paperparse.to_dict(paperparse.parse(page))
    problems = diff(expected, actual)
    assert not problems, f"{page.name} differs from its JSON:\n  " + "\n  ".join(problems)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(FIXTURES)))
def test_expected_json_is_a_valid_record(page: Path) -> None:
    # The converter forbids unknown keys, so a typo in a fixture fails here; a key added
    # after the file was written loads as its empty value.
    data = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
    paper = paperparse.from_dict(data)
    if paper.source.site not in ("pubmed", "pmc"):  # (schema 1.2's NCBI fields)
        assert (paper.pmid, paper.pmcid, paper.mesh_terms) == (None, None, ())
    assert paperparse.to_dict(paper) == upgrade(data)
