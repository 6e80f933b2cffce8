"""The field specs: one per value of the record, and every table of fields reads them.

These tests are what makes "adding a field touches the model, its spec, its fixtures
and the docs" hold: a field without a spec, a spec the section engine, the CSV
columns or the test strategies do not know, fails here.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

import paperparse
from paperparse import batch, cli, readers, record, sections, specs
from paperparse.layouts import KINDS, PEEREF
from paperparse.metadata import Metadata
from paperparse.model import (
    VALUE_FIELDS,
    Author,
    AuthorClaim,
    Funding,
    Journal,
    MeshQualifier,
    MeshTerm,
    PageRange,
    Paper,
    Published,
    Rating,
    SecondaryRating,
)
from paperparse.specs import SECTION_NAMES, SPECS
from paperparse.testing import render_html, render_text
from paperparse.testing.render import HTML_DIALECTS, TEXT_STYLES
from paperparse.testing.strategies import papers

from .conftest import FIXTURES

#: The parts of the record that are bookkeeping, not values read from the page.
BOOKKEEPING = {"source", "warnings", "provenance"}
#: Blocks whose parts each have a spec of their own (``journal.volume``).
BLOCKS = {"journal": Journal, "rating": Rating}

#: A record with every value stated, to check the renderers and the truncation step.
FULL = Paper(
    title="A study of things",
    article_type="Review",
    journal=Journal("NATURE", "12", "3", PageRange("100", "110"), "e7"),
    published=Published(2019, 3, 12),
    publisher="SPRINGER",
    doi="10.1000/xyz",
    pmid="31234567",
    pmcid="PMC6543210",
    keywords=("Ecology", "Botany"),
    mesh_terms=(
        MeshTerm(
            "Liver", qualifiers=(MeshQualifier("metabolism"), MeshQualifier("pathology", True))
        ),
        MeshTerm("Exosomes", major=True),
    ),
    categories=("Plant Sciences",),
    funding=(Funding("NSF", ("123",), "NSF [123]"),),
    summary="Plants grow.",
    abstract="We study how plants grow in the shade of tall trees.",
    authors=(Author("Wei Zhang"), Author("Ana Souza")),
    author_claim=AuthorClaim("I am an author on this paper", "Click your name to claim."),
    rating=Rating(4.5, 18, "Not enough ratings", (SecondaryRating("Novelty", 4.0),)),
    actions=("Rate this paper",),
    recommended=("Another study",),
)


def _value(paper: Paper, name: str) -> object:
    head, _, part = name.partition(".")
    value = getattr(paper, head)
    return getattr(value, part) if part and value is not None else value


def test_every_value_of_the_record_has_exactly_one_spec() -> None:
    names = [spec.name for spec in SPECS]
    assert len(names) == len(set(names))
    wanted = []
    for field in attrs.fields(Paper):
        if field.name in BOOKKEEPING:
            continue
        if field.name in BLOCKS:
            wanted += [f"{field.name}.{part.name}" for part in attrs.fields(BLOCKS[field.name])]
        else:
            wanted.append(field.name)
    assert names == wanted  # in record order


def test_every_spec_states_its_fields_empty_value() -> None:
    for spec in SPECS:
        head, _, part = spec.name.partition(".")
        owner = BLOCKS[head] if part else Paper
        default = attrs.fields_dict(owner)[part or head].default
        assert spec.empty == default, spec.name


def test_value_fields_are_the_specs_about_the_paper() -> None:
    values = VALUE_FIELDS
    assert values == tuple(s.name for s in SPECS if s.name != "actions")
    assert all(spec.about_paper for spec in SPECS if spec.name != "actions")


def test_every_section_a_spec_reads_is_a_kind_a_layout_can_open() -> None:
    kinds = KINDS
    assert kinds == set(SECTION_NAMES) - {"preamble"}
    for spec in SPECS:
        assert spec.section is None or spec.section in KINDS, spec.name


def test_every_reader_a_spec_names_exists_and_reads_a_whole_field() -> None:
    named = {spec.reader for spec in SPECS} - {None}
    assert named == set(readers.READERS)
    for spec in SPECS:
        if spec.reader is not None:
            assert spec.section is not None, spec.name
            assert "." not in spec.name, spec.name  # the loop sets whole fields


def test_a_spec_with_a_reader_must_name_its_section_and_a_whole_field() -> None:
    with pytest.raises(ValueError, match="must name the section"):
        specs.FieldSpec("subjects", "subject list", reader="items")
    with pytest.raises(ValueError, match="whole field"):
        specs.FieldSpec("journal.name", "journal name", section="journal", reader="first line")


def test_every_metadata_attribute_a_spec_names_exists() -> None:
    stated = {field.name for field in attrs.fields(Metadata)} - {"site_names"}
    named = [attribute for spec in SPECS for attribute, _ in spec.metadata]
    assert sorted(named) == sorted(stated)


def test_every_csv_column_comes_from_a_spec_or_the_records_bookkeeping() -> None:
    from_specs = [name for spec in SPECS for name, _ in spec.csv]
    assert len(from_specs) == len(set(from_specs))
    bookkeeping = {"path", "site", "source_format", "warnings", "error", "language"}
    assert set(cli.CSV_COLUMNS) == set(from_specs) | bookkeeping
    assert len(cli.CSV_COLUMNS) == len(set(cli.CSV_COLUMNS))


def test_the_csv_column_order_is_the_published_one() -> None:
    # a public contract: columns are never reordered, new ones are only appended
    published = (
        *("path", "title", "article_type", "journal_name", "volume", "issue"),
        *("first_page", "last_page", "article_number", "publisher", "doi", "keywords"),
        *("funding", "abstract", "authors", "claim_prompt", "claim_action"),
        *("rating_score", "rating_count", "rating_note", "secondary", "actions"),
        *("recommended", "site", "source_format", "warnings", "error"),
        *("categories", "summary", "language"),
        *("published", "pmid", "pmcid", "mesh_terms"),
    )
    columns = cli.CSV_COLUMNS
    assert columns[: len(published)] == published
    # a field added later: its spec's columns, in record order
    added = [name for spec in SPECS for name, _ in spec.csv if name not in published]
    assert list(columns[len(published) :]) == added


def test_a_spec_gets_the_empty_value_to_its_csv_columns() -> None:
    record = batch.to_record("p.txt", Paper())
    cells = dict(zip(cli.CSV_COLUMNS, cli.csv_row(record), strict=True))
    for spec in SPECS:
        for name, _ in spec.csv:
            assert cells[name] == "", name


def test_the_full_record_fills_every_csv_column_of_its_specs() -> None:
    record = batch.to_record("p.txt", FULL)
    cells = dict(zip(cli.CSV_COLUMNS, cli.csv_row(record), strict=True))
    assert cells["categories"] == "Plant Sciences"
    assert cells["funding"] == "NSF [123]"
    assert cells["secondary"] == "Novelty: 4.0"
    assert (cells["pmid"], cells["pmcid"], cells["published"]) == (
        "31234567",
        "PMC6543210",
        "2019-03-12",
    )
    assert cells["mesh_terms"] == "Liver / metabolism / pathology*; Exosomes*"
    for spec in SPECS:
        for name, _ in spec.csv:
            assert cells[name], name


@pytest.mark.parametrize("kind", sorted(KINDS | {"preamble"}))
def test_a_cut_section_empties_only_what_it_holds(kind: str) -> None:
    field, paper = record._drop_section_value(FULL, sections.Section(kind, 1))
    assert kind in SECTION_NAMES
    if kind == "preamble":
        emptied = {"title", "article_type", *(n for n in VALUE_FIELDS if n.startswith("rating."))}
    elif kind in ("reviews", "primary_rating"):
        emptied = {n for n in VALUE_FIELDS if n.startswith("rating.")}
    else:
        emptied = {s.name for s in SPECS if s.section == kind and s.ends_section}
        assert field == " and ".join(specs.spec(name).what for name in sorted(emptied))
    for spec in SPECS:
        value = _value(paper, spec.name)
        if spec.name in emptied:
            assert value in (spec.empty, None), spec.name
        else:
            assert value == _value(FULL, spec.name), spec.name


def test_a_layout_that_never_ends_in_categories_empties_them_not_the_rating() -> None:
    seed = (FIXTURES / "peeref" / "jmm-2019-review.txt").read_text(encoding="utf-8")
    cut = seed[: seed.index("\nFunding\n")] + "\nCategories\n\nGastroenterology & Hepatology\n"
    assert paperparse.parse(cut).categories == ("Gastroenterology & Hepatology",)
    layout = attrs.evolve(PEEREF, never_last=PEEREF.never_last | {"categories"})
    paper = paperparse.parse(cut, layout=layout)
    assert paper.categories == ()
    assert paper.rating == paperparse.parse(cut).rating
    assert paper.rating is not None
    assert paper.rating.score == 4.7
    assert [(w.code, w.message) for w in paper.warnings] == [
        (
            "truncated_page",
            "The page ends inside the Categories section, so it looks cut off; the "
            "category list it ends with was left empty.",
        )
    ]


# --- the test strategies and renderers must know every field -------------------------

#: The values of schema 1.2, which only PubMed and PubMed Central pages state: the Peeref
#: pages of ``papers()`` and the renderers have no place for them, and no parser reads
#: them yet (``testing.render_ncbi`` draws NCBI pages).
NCBI = {"published", "pmid", "pmcid", "mesh_terms"}
#: Specs the ``papers()`` strategy does not draw: a new spec must be drawn or be listed
#: here with its reason (and a spec drawn must leave this list). The summary: a text dump
#: hard-wrapped by a tool cannot show where it ends (``docs/schema.md``), so a rendered
#: page would not give it back exactly, as every property of ``papers()`` expects.
NOT_DRAWN = {"summary", *NCBI}
#: Specs the renderers do not draw on a page (for the same reasons).
NOT_RENDERED = {"summary", *NCBI}


def test_the_papers_strategy_draws_every_spec() -> None:
    drawn: set[str] = set()

    @settings(
        max_examples=300,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
        deadline=None,
    )
    @given(papers())
    def collect(paper: Paper) -> None:
        drawn.update(s.name for s in SPECS if _value(paper, s.name) not in (None, (), ""))

    collect()
    assert drawn == {spec.name for spec in SPECS} - NOT_DRAWN


@pytest.mark.parametrize(
    "render",
    [functools.partial(render_text, style=s) for s in TEXT_STYLES]
    + [functools.partial(render_html, dialect=d) for d in HTML_DIALECTS],
)
def test_the_renderers_draw_every_spec(render: Callable[[Paper], str]) -> None:
    full = render(FULL)
    for spec in SPECS:
        without = render(record.with_value(FULL, spec.name, spec.empty))
        assert (without != full) == (spec.name not in NOT_RENDERED), spec.name
