"""Schema 1.2 (issue 24): ``pmid``, ``pmcid``, ``published`` and ``mesh_terms``.

The model's new classes check their values; the record keeps its round trip through
``to_dict``/``from_dict`` with the new fields filled; records of schema 1.0 and 1.1 load
with the new fields empty; the JSON Schema and the CSV columns state them.
"""

from __future__ import annotations

import json
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import paperparse
from paperparse import MeshQualifier, MeshTerm, Paper, Published, cli
from paperparse.batch import to_record
from paperparse.schema import paper_schema
from paperparse.serialize import upgrade

from .conftest import FIXTURES

SEED = FIXTURES / "peeref" / "jmm-2019-review.txt"
#: The seed's JSON, as written under schema 1.1 (it has no schema 1.2 key).
SEED_1_1: dict[str, Any] = json.loads(SEED.with_suffix(".json").read_text(encoding="utf-8"))
NEW_KEYS = ("pmid", "pmcid", "published", "mesh_terms")

LIVER = MeshTerm(
    "Liver", qualifiers=(MeshQualifier("metabolism"), MeshQualifier("pathology", major=True))
)
NCBI = Paper(
    title="Exosomes in liver failure",
    published=Published(2019, 3, 12),
    pmid="31234567",
    pmcid="PMC6543210",
    mesh_terms=(LIVER, MeshTerm("Exosomes", major=True), MeshTerm("Humans")),
)


# --- the model's classes --------------------------------------------------------------


def test_the_new_classes_are_public() -> None:
    for name in ("Published", "MeshTerm", "MeshQualifier"):
        assert name in paperparse.__all__
        assert getattr(paperparse, name) is getattr(paperparse.model, name)
    assert paperparse.SCHEMA_VERSION == "1.2"


def test_a_new_record_has_the_new_fields_empty() -> None:
    paper = Paper()
    assert (paper.pmid, paper.pmcid, paper.published, paper.mesh_terms) == (None, None, None, ())


@pytest.mark.parametrize(
    "date",
    [Published(2019), Published(2019, 3), Published(2019, 3, 12), Published(2020, 2, 29)],
)
def test_a_date_may_stop_at_the_year_or_the_month(date: Published) -> None:
    assert Published(date.year, date.month, date.day) == date


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((1599,), "The year of a publication date must be 1600 to 2099, not 1599."),
        ((2100,), "The year of a publication date must be 1600 to 2099, not 2100."),
        ((2019, 0), "The month of a publication date must be 1 to 12, not 0."),
        ((2019, 13), "The month of a publication date must be 1 to 12, not 13."),
        ((2019, None, 5), "A publication date gives a day only with its month, not day 5 alone."),
        ((2019, 2, 29), "February 2019 has days 1 to 28, not 29."),
        ((2019, 4, 31), "April 2019 has days 1 to 30, not 31."),
        ((2019, 1, 0), "January 2019 has days 1 to 31, not 0."),
    ],
)
def test_a_date_no_calendar_has_is_refused(args: tuple[Any, ...], message: str) -> None:
    with pytest.raises(ValueError, match="^" + message.replace("(", r"\(") + "$"):
        Published(*args)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("2019",), "The year of a publication date must be an int, not str '2019'."),
        ((2019, 3.0), "The month of a publication date must be an int, not float 3.0."),
        ((2019, 3, True), "The day of a publication date must be an int, not bool True."),
    ],
)
def test_a_date_of_other_types_is_refused(args: tuple[Any, ...], message: str) -> None:
    with pytest.raises(TypeError) as raised:
        Published(*args)
    assert str(raised.value) == message


def test_mesh_terms_are_checked() -> None:
    with pytest.raises(ValueError, match="MeSH term") as raised:
        MeshTerm(" Liver")
    assert str(raised.value) == (
        "The descriptor of a MeSH term must be non-empty text without blanks around it, "
        "not ' Liver'."
    )
    with pytest.raises(ValueError, match="The name of a MeSH qualifier must be non-empty"):
        MeshQualifier("")
    with pytest.raises(TypeError) as type_error:
        MeshTerm("Liver", major="yes")  # type: ignore[arg-type]
    assert str(type_error.value) == (
        "The major-topic mark of a MeSH term must be a bool, not str 'yes'."
    )
    with pytest.raises(TypeError, match="must be a tuple of MeshQualifier, not list"):
        MeshTerm("Liver", qualifiers=[MeshQualifier("pathology")])  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        (
            "pmid",
            "PMID31234567",
            "A PubMed id (pmid) must be 1 to 9 ASCII digits, the first not 0 (such as "
            "'31234567'), not 'PMID31234567'.",
        ),
        ("pmid", "0123", None),
        ("pmid", "1234567890", None),
        ("pmid", "\u0663\u0661", None),  # Arabic-Indic digits are no PubMed id
        (
            "pmcid",
            "6543210",
            "A PubMed Central id (pmcid) must be 'PMC' and 1 to 9 ASCII digits (such as "
            "'PMC6543210'), not '6543210'.",
        ),
        ("pmcid", "pmc6543210", None),
        ("pmcid", "PMC", None),
    ],
)
def test_ids_of_the_wrong_shape_are_refused(field: str, value: str, message: str | None) -> None:
    with pytest.raises(ValueError, match="PubMed") as raised:
        Paper(**{field: value})
    assert str(raised.value).startswith(message or "A PubMed ")
    assert str(raised.value).endswith(f"not {value!r}.")


def test_an_id_that_is_no_string_is_refused() -> None:
    with pytest.raises(TypeError) as raised:
        Paper(pmid=31234567)  # type: ignore[arg-type]
    assert str(raised.value) == "A PubMed id (pmid) must be a str or None, not int 31234567."


def test_evolve_checks_the_ids_too() -> None:
    with pytest.raises(ValueError, match="PubMed Central id"):
        attrs.evolve(NCBI, pmcid="PMC")


# --- to_dict / from_dict --------------------------------------------------------------


def test_to_dict_writes_the_new_keys() -> None:
    data = paperparse.to_dict(NCBI)
    assert data["pmid"] == "31234567"
    assert data["pmcid"] == "PMC6543210"
    assert data["published"] == {"year": 2019, "month": 3, "day": 12}
    assert data["mesh_terms"][0] == {
        "descriptor": "Liver",
        "major": False,
        "qualifiers": [
            {"name": "metabolism", "major": False},
            {"name": "pathology", "major": True},
        ],
    }
    empty = paperparse.to_dict(Paper())
    assert [empty[key] for key in NEW_KEYS] == [None, None, None, []]


def test_the_record_round_trips_with_the_new_fields() -> None:
    assert paperparse.from_dict(paperparse.to_dict(NCBI)) == NCBI
    assert paperparse.from_dict(json.loads(paperparse.to_json(NCBI))) == NCBI


_WORDS = st.sampled_from(
    ["Liver", "Humans", "Exosomes", "Liver Failure, Acute", "gamma-Aminobutyric Acid"]
)
_QUALIFIERS = st.builds(
    MeshQualifier, st.sampled_from(["pathology", "therapy", "prevention & control"]), st.booleans()
)
_TERMS = st.builds(MeshTerm, _WORDS, st.booleans(), st.lists(_QUALIFIERS, max_size=3).map(tuple))


@st.composite
def _dates(draw: st.DrawFn) -> Published:
    year = draw(st.integers(1600, 2099))
    month = draw(st.none() | st.integers(1, 12))
    if month is None:
        return Published(year)
    return Published(year, month, draw(st.none() | st.integers(1, 28)))


@given(
    pmid=st.none() | st.integers(1, 999_999_999).map(str),
    pmcid=st.none() | st.integers(0, 999_999_999).map(lambda n: f"PMC{n}"),
    published=st.none() | _dates(),
    mesh_terms=st.lists(_TERMS, max_size=4).map(tuple),
)
def test_any_record_of_the_new_fields_round_trips(
    pmid: str | None,
    pmcid: str | None,
    published: Published | None,
    mesh_terms: tuple[MeshTerm, ...],
) -> None:
    paper = Paper(title="T", pmid=pmid, pmcid=pmcid, published=published, mesh_terms=mesh_terms)
    data = paperparse.to_dict(paper)
    assert paperparse.from_dict(data) == paper
    assert paperparse.from_dict(json.loads(json.dumps(data))) == paper


def test_a_schema_1_1_record_loads_with_the_new_fields_empty() -> None:
    assert not set(NEW_KEYS) & set(SEED_1_1)
    paper = paperparse.from_dict(SEED_1_1)
    assert paper == paperparse.parse(SEED)
    assert (paper.pmid, paper.pmcid, paper.published, paper.mesh_terms) == (None, None, None, ())
    assert paperparse.to_dict(paper) == upgrade(SEED_1_1)


def test_a_schema_1_0_record_loads_too() -> None:
    old = {k: v for k, v in SEED_1_1.items() if k not in ("categories", "summary")}
    old["source"] = {"site": "peeref", "format": "text"}
    paper = paperparse.from_dict(old)
    assert paper.source.language is None
    assert paper.mesh_terms == ()
    assert upgrade(old)["source"] == {"site": "peeref", "format": "text", "language": None}
    assert upgrade(old) == {**upgrade(SEED_1_1), "source": upgrade(old)["source"]}
    assert upgrade(old) == paperparse.to_dict(paper)


def test_upgrade_keeps_what_the_record_states() -> None:
    data = paperparse.to_dict(NCBI)
    assert upgrade(data) == data
    without = {k: v for k, v in data.items() if k != "mesh_terms"}
    assert upgrade(without) == {**data, "mesh_terms": []}
    assert "provenance" not in upgrade(without)  # optional keys stay out


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            {"pmid": "PMID: 1"},
            "paper: A PubMed id (pmid) must be 1 to 9 ASCII digits, the first not 0 (such "
            "as '31234567'), not 'PMID: 1'.",
        ),
        (
            {"published": {"year": 2019, "month": 2, "day": 30}},
            "paper.published: February 2019 has days 1 to 28, not 30.",
        ),
        (
            {"published": {"year": 2019, "month": 2}},
            "paper.published: missing key 'day'.",
        ),
        (
            {"published": "2019-03-12"},
            'paper.published: expected an object (Published) or null, not a string ("2019-03-12").',
        ),
        (
            {"mesh_terms": [{"descriptor": "Liver", "major": 1, "qualifiers": []}]},
            "paper.mesh_terms[0].major: expected a boolean, not an integer (1).",
        ),
        (
            {"mesh_terms": ["Liver / pathology*"]},
            "paper.mesh_terms[0]: expected an object (MeshTerm), not a string "
            '("Liver / pathology*").',
        ),
    ],
)
def test_from_dict_refuses_new_values_of_the_wrong_shape(
    change: dict[str, Any], message: str
) -> None:
    with pytest.raises(ValueError, match="not a valid Paper record") as raised:
        paperparse.from_dict({**paperparse.to_dict(NCBI), **change})
    assert str(raised.value) == f"The data is not a valid Paper record: {message}"


# --- JSON Schema and CSV ---------------------------------------------------------------


def test_the_json_schema_states_the_new_fields() -> None:
    jsonschema = pytest.importorskip("jsonschema", reason="the test extra installs jsonschema")
    schema = paper_schema()
    assert schema["title"] == "paperparse Paper record (schema v1.2)"
    assert set(NEW_KEYS) <= set(schema["required"])
    assert {"Published", "MeshTerm", "MeshQualifier"} <= set(schema["$defs"])
    validator = jsonschema.Draft202012Validator(schema)
    record = paperparse.to_dict(NCBI)
    assert not [error.message for error in validator.iter_errors(record)]
    assert validator.is_valid(paperparse.to_dict(Paper()))
    for change in (
        {"pmid": "PMID31234567"},
        {"pmid": 31234567},
        {"pmcid": "6543210"},
        {"published": {"year": 2019, "month": 13, "day": None}},
        {"published": {"year": 1500, "month": None, "day": None}},
        {"published": {"year": 2019, "month": 3}},
        {"mesh_terms": [{"descriptor": "", "major": False, "qualifiers": []}]},
        {"mesh_terms": [{"descriptor": "Liver", "major": False, "qualifiers": ["pathology"]}]},
    ):
        assert not validator.is_valid({**record, **change}), change
    # a schema 1.1 record lacks the new keys: it validates once upgraded
    assert not validator.is_valid(SEED_1_1)
    assert validator.is_valid(upgrade(SEED_1_1))


def test_csv_has_a_column_for_each_new_field() -> None:
    # appended after schema 1.1's columns, in record order
    assert cli.CSV_COLUMNS[-5:] == ("language", "published", "pmid", "pmcid", "mesh_terms")
    row = dict(zip(cli.CSV_COLUMNS, cli.csv_row(to_record("x.txt", NCBI)), strict=True))
    assert (row["pmid"], row["pmcid"], row["published"]) == ("31234567", "PMC6543210", "2019-03-12")
    assert row["mesh_terms"] == "Liver / metabolism / pathology*; Exosomes*; Humans"
    for date, cell in ((Published(2019, 3), "2019-03"), (Published(1999), "1999")):
        paper = attrs.evolve(NCBI, published=date)
        row = dict(zip(cli.CSV_COLUMNS, cli.csv_row(to_record("x.txt", paper)), strict=True))
        assert row["published"] == cell
    empty = dict(zip(cli.CSV_COLUMNS, cli.csv_row(to_record("x.txt", Paper())), strict=True))
    assert [empty[key] for key in NEW_KEYS] == ["", "", "", ""]
