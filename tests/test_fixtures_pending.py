"""The real PubMed and PMC pages keep their conventions.

They are fixtures (``fixtures/pubmed``, ``fixtures/pmc``: ``tests/test_fixtures.py``
parses them against their records), and three more are kept apart in
``fixtures-pending/held-out`` to measure the layouts on pages they were not tuned on.
Their sources and conventions are in ``fixtures-pending/README.md``. This checks what
holds for all of them: every page has a hand-written record of the schema 1.2 shape,
whose values stand on the page, and the stored copies' prose has been replaced.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

import pytest

import paperparse

ROOT = Path(__file__).resolve().parent.parent
PENDING = ROOT / "fixtures-pending"
#: Where the NCBI pages are (``fixtures-pending/html/`` holds redesigned Peeref markups,
#: checked by test_markups.py).
NCBI_DIRS = (ROOT / "fixtures" / "pubmed", ROOT / "fixtures" / "pmc", PENDING / "held-out")
PAGES = sorted(p for d in NCBI_DIRS for p in d.glob("*") if p.suffix in {".txt", ".html"})


def _name(page: Path) -> str:
    """``pubmed/NAME.txt``: the page's name in the README, wherever it is kept."""
    return f"{page.parent.name}/{page.name}"


#: The keys schema 1.2 adds to the record (issue 24).
NEW_KEYS = {"pmid", "pmcid", "published", "mesh_terms"}
#: A replaced paragraph.
PLACEHOLDER = re.compile(
    r"Text replaced: (?:the stored copy's paragraph of [1-9][0-9]{0,3} (?:more )?words? is "
    r"left out here|the stored copy ends inside this paragraph, which is left out here), as the "
    r"terms of the search tool ask; this sentence stands in its place, one line long like the "
    r"paragraph it replaces\."
)


def _record(page: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
    return data


def _text(page: Path) -> str:
    text = page.read_text(encoding="utf-8")
    return " ".join(html.unescape(text).split()) if page.suffix == ".html" else text


def test_discovery_found_the_pages() -> None:
    names = {_name(p) for p in PAGES}
    assert len([n for n in names if n.startswith("pubmed/")]) >= 3
    assert len([n for n in names if n.startswith("pmc/")]) >= 11
    assert len([n for n in names if n.startswith("held-out/")]) == 3
    assert "pubmed/no-abstract-grant-support.html" in names


@pytest.mark.parametrize("page", PAGES, ids=_name)
def test_record_has_the_schema_1_2_shape(page: Path) -> None:
    record = _record(page)
    assert set(record) >= NEW_KEYS
    # the whole record, new keys included, loads as a schema 1.2 record, and back
    paper = paperparse.from_dict(record)
    assert paperparse.to_dict(paper) == record
    new = {key: record[key] for key in NEW_KEYS}
    assert (paper.pmid, paper.pmcid) == (new["pmid"], new["pmcid"])
    assert len(paper.mesh_terms) == len(new["mesh_terms"])
    if page.parent.name == "held-out":
        assert record["warnings"] == []  # (kept apart: no parser output was copied in)
    site = "pubmed" if "pubmed" in (page.parent.name, page.name.split("-")[0]) else "pmc"
    assert record["source"]["site"] == site
    assert record["source"]["format"] == ("html" if page.suffix == ".html" else "text")
    assert new["pmid"] is None or re.fullmatch(r"[1-9][0-9]{0,8}", new["pmid"])
    assert new["pmcid"] is None or re.fullmatch(r"PMC[0-9]{1,9}", new["pmcid"])
    published = new["published"]
    if published is not None:
        assert set(published) == {"year", "month", "day"}
        assert 1600 <= published["year"] <= 2099
        assert published["month"] is None or 1 <= published["month"] <= 12
        assert published["day"] is None or (published["month"] and 1 <= published["day"] <= 31)
    for term in new["mesh_terms"]:
        assert set(term) == {"descriptor", "major", "qualifiers"}
        assert all(set(q) == {"name", "major"} for q in term["qualifiers"])


def _values(record: dict[str, Any]) -> list[str]:
    """The record's strings that a page states as such (not expanded or joined)."""
    journal = record["journal"] or {}
    pages = journal.get("pages") or {}
    values = [
        record["title"],
        record["doi"],
        record["pmid"],
        record["pmcid"],
        journal.get("name"),
        journal.get("article_number"),
        pages.get("first"),
        *record["keywords"],
        *(author["name"] for author in record["authors"]),
        *(entry["text"] for entry in record["funding"]),
        *(entry["funder"] for entry in record["funding"]),
        *(award for entry in record["funding"] for award in entry["award_ids"]),
    ]
    return [value for value in values if value is not None]


@pytest.mark.parametrize("page", PAGES, ids=_name)
def test_record_values_stand_on_the_page(page: Path) -> None:
    text, record = _text(page), _record(page)
    for value in _values(record):
        assert value in text, f"{value!r} is not on the page"
    if record["abstract"] is not None:
        for part in PLACEHOLDER.findall(record["abstract"]):
            assert part in text


@pytest.mark.parametrize(
    "page",
    [p for p in PAGES if p.suffix == ".txt"],
    ids=_name,
)
def test_prose_is_replaced(page: Path) -> None:
    # No line holds a paragraph: long lines are lists (authors, keywords), the banner,
    # or a dump tool's wrapped list entries.
    for line in page.read_text(encoding="utf-8").splitlines():
        line = PLACEHOLDER.sub("", line)
        words = line.split()
        if len(words) > 30:
            assert line.count(",") >= len(words) // 6, line[:80]
    assert PLACEHOLDER.search(page.read_text(encoding="utf-8")) or "No abstract available" in (
        page.read_text(encoding="utf-8")
    )


def test_readme_lists_every_page() -> None:
    readme = (PENDING / "README.md").read_text(encoding="utf-8")
    for page in PAGES:
        assert f"`{_name(page)}`" in readme, page.name
