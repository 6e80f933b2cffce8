"""The public API: input kinds, options, errors and strict mode."""

from __future__ import annotations

import json
import pathlib

import pytest

import paperparse
from paperparse import (
    EmptyInput,
    ParseError,
    StrictModeError,
    UndecodableInput,
    UnrecognizedPage,
)

from .conftest import FIXTURES

SEED = FIXTURES / "peeref" / "jmm-2019-review.txt"
SEED_TEXT = SEED.read_text(encoding="utf-8")


def test_public_api_is_explicit() -> None:
    assert "parse" in paperparse.__all__
    for name in paperparse.__all__:
        assert hasattr(paperparse, name), name


def test_str_path_and_bytes_give_the_same_record() -> None:
    from_str = paperparse.parse(SEED_TEXT)
    assert paperparse.parse(SEED) == from_str
    assert paperparse.parse(SEED_TEXT.encode("utf-8")) == from_str
    assert paperparse.parse(bytearray(SEED_TEXT.encode("utf-8"))) == from_str


def test_a_str_is_content_never_a_path() -> None:
    with pytest.raises(UnrecognizedPage, match=r"pass pathlib\.Path\(\.\.\.\) to read a file"):
        paperparse.parse(str(SEED))


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-32", "cp1252", "latin-1"])
def test_bytes_in_other_encodings(encoding: str) -> None:
    text = SEED_TEXT.replace("Improvement", "Am\u00e9lioration")
    paper = paperparse.parse(text.encode(encoding))
    assert paper.title is not None
    assert paper.title.startswith("Am\u00e9lioration of mesenchymal")


@pytest.mark.parametrize("bad", [123, None, ["a"], 4.7])
def test_wrong_type_is_a_type_error(bad: object) -> None:
    with pytest.raises(TypeError, match="parse\\(\\) expects the page as str"):
        paperparse.parse(bad)  # type: ignore[arg-type]


def test_bad_options_are_value_errors() -> None:
    with pytest.raises(ValueError, match="format must be one of"):
        paperparse.parse(SEED_TEXT, format="pdf")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="max_size must be a positive int"):
        paperparse.parse(SEED_TEXT, max_size=0)


def test_options_are_keyword_only() -> None:
    with pytest.raises(TypeError):
        paperparse.parse(SEED_TEXT, "text")  # type: ignore[misc]


@pytest.mark.parametrize("empty", ["", "   ", "\n\n\t\r\n", "\u200b\ufeff", b"", b"\xef\xbb\xbf"])
def test_empty_input(empty: str | bytes) -> None:
    with pytest.raises(EmptyInput, match="expected a paper page"):
        paperparse.parse(empty)


def test_unrelated_text_is_unrecognized() -> None:
    article = (
        "City council approves new bike lanes\n\n"
        "The council voted 7-2 on Tuesday to add protected bike lanes downtown.\n"
        "Construction starts next spring, officials said.\n"
    )
    with pytest.raises(UnrecognizedPage, match="does not look like a paper page"):
        paperparse.parse(article)


def test_binary_bytes_are_undecodable() -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    with pytest.raises(UndecodableInput, match=r"^The input is a PNG image, not the text"):
        paperparse.parse(png)
    with pytest.raises(UndecodableInput, match="binary data"):
        paperparse.parse(b"\x00\x01" * 500)


def test_html_without_a_paper_is_unrecognized() -> None:
    with pytest.raises(UnrecognizedPage, match="does not look like a paper page"):
        paperparse.parse("<!DOCTYPE html><html><body><h1>Title</h1></body></html>")


def test_html_without_visible_text_is_empty() -> None:
    with pytest.raises(EmptyInput, match="no visible text"):
        paperparse.parse("<!DOCTYPE html><html><head><script>x=1</script></head></html>")


def test_format_text_forces_the_text_path() -> None:
    paper = paperparse.parse(SEED_TEXT, format="text")
    assert paper.source.format == "text"


def test_every_error_is_a_parse_error() -> None:
    for error in (EmptyInput, UnrecognizedPage, UndecodableInput):
        assert issubclass(error, ParseError)
    assert issubclass(StrictModeError, ParseError)


def test_size_limit() -> None:
    with pytest.raises(paperparse.InputTooLarge, match="over the limit of 100"):
        paperparse.parse(SEED_TEXT, max_size=100)
    with pytest.raises(paperparse.InputTooLarge, match="over the limit of 100"):
        paperparse.parse(SEED, max_size=100)


def test_strict_mode_raises_on_a_warning_and_names_code_and_line() -> None:
    page = SEED_TEXT.replace("Rate this paper", "Rate this paper\nSome stray line")
    paper = paperparse.parse(page)
    assert [(w.code, w.line) for w in paper.warnings] == [("unplaced_text", 51)]
    assert "'Some stray line'" in paper.warnings[0].message
    with pytest.raises(StrictModeError, match="'unplaced_text' at line 51"):
        paperparse.parse(page, strict=True)


def test_strict_mode_passes_a_clean_page() -> None:
    assert paperparse.parse(SEED_TEXT, strict=True) == paperparse.parse(SEED_TEXT)


def test_conflicting_duplicate_is_null_with_warning() -> None:
    page = SEED_TEXT.replace("Recommended\n", "Publisher\nELSEVIER\nRecommended\n")
    paper = paperparse.parse(page)
    assert paper.publisher is None
    assert [w.code for w in paper.warnings] == ["conflicting_values"]


def test_identical_duplicate_is_fine() -> None:
    page = SEED_TEXT.replace("Recommended\n", "Publisher\nSPRINGER HEIDELBERG\nRecommended\n")
    assert paperparse.parse(page) == paperparse.parse(SEED_TEXT)


def test_header_and_primary_rating_disagree() -> None:
    page = SEED_TEXT.replace("4.7 Review", "4.2 Review")
    paper = paperparse.parse(page)
    assert paper.rating is not None
    assert paper.rating.score is None
    assert [w.code for w in paper.warnings] == ["conflicting_values"]


def test_unknown_section_is_reported_not_merged() -> None:
    page = SEED_TEXT.replace("Recommended\n", "Comments\n\nGreat paper!\nThanks\n\nRecommended\n")
    paper = paperparse.parse(page)
    assert paper.recommended == ()
    assert [w.code for w in paper.warnings] == ["unknown_section"]


def test_rating_out_of_scale_is_null_with_warning() -> None:
    page = SEED_TEXT.replace("Primary Rating\n\n4.7", "Primary Rating\n\n9.4/10").replace(
        "4.7 Review", "Review"
    )
    paper = paperparse.parse(page)
    assert paper.rating is not None
    assert paper.rating.score is None
    assert [w.code for w in paper.warnings] == ["unreadable_value"]


def test_json_round_trip_of_the_seed() -> None:
    paper = paperparse.parse(SEED)
    assert paperparse.from_dict(json.loads(paperparse.to_json(paper))) == paper
    assert paperparse.from_dict(paperparse.to_dict(paper)) == paper


def test_from_dict_rejects_unknown_keys() -> None:
    data = paperparse.to_dict(paperparse.parse(SEED))
    data["titel"] = "typo"
    with pytest.raises(ValueError, match=r"not a valid Paper record: .*titel"):
        paperparse.from_dict(data)


def test_record_is_frozen() -> None:
    paper = paperparse.parse(SEED)
    with pytest.raises(AttributeError):
        paper.title = "x"  # type: ignore[misc]


def test_path_like_other_than_pathlib(tmp_path: pathlib.Path) -> None:
    class MyPath:
        def __fspath__(self) -> str:
            return str(SEED)

    assert paperparse.parse(MyPath()) == paperparse.parse(SEED)  # type: ignore[arg-type]


def test_page_cut_inside_a_section_empties_the_value_it_ends_with() -> None:
    cut = SEED_TEXT[: SEED_TEXT.index("In this review")]
    paper = paperparse.parse(cut)
    assert paper.abstract is None
    assert paper.funding == paperparse.parse(SEED_TEXT).funding
    assert [(w.code, w.line) for w in paper.warnings] == [("truncated_page", 28)]
    assert "ends inside the abstract section" in paper.warnings[0].message


def test_page_cut_at_a_doi_drops_the_doi() -> None:
    cut = SEED_TEXT[: SEED_TEXT.index("-019-")]
    paper = paperparse.parse(cut)
    assert paper.doi is None
    assert paper.publisher == "SPRINGER HEIDELBERG"
    assert [w.code for w in paper.warnings] == ["truncated_page"]


def test_two_pages_in_one_dump() -> None:
    paper = paperparse.parse(SEED_TEXT + "\n4.5 Article\nAnother paper\nJournal\nX\n")
    assert paper.title == paperparse.parse(SEED_TEXT).title
    assert paper.recommended == ()
    assert [(w.code, w.line) for w in paper.warnings] == [("multiple_pages", 56)]


def test_lost_characters_empty_the_fields_holding_them() -> None:
    text = SEED_TEXT.replace("Exosomes", "Exosomes (caf\u00e9)")
    data = text.encode("utf-8").replace(b"Improvement", b"Am\xe9lioration")
    paper = paperparse.parse(data)  # UTF-8 with one cp1252 byte: mixed encodings
    assert paper.title is None
    assert paper.doi == "10.1007/s00109-019-01804-x"
    assert [(w.code, w.line) for w in paper.warnings] == [("damaged_text", 3)]


def test_lone_surrogates_and_nul_characters() -> None:
    assert paperparse.parse(SEED_TEXT.replace("Review", "Rev\x00iew", 1)) == paperparse.parse(
        SEED_TEXT
    )
    paper = paperparse.parse(SEED_TEXT.replace("Improvement", "Impro\ud800vement"))
    assert paper.title is None
    assert [w.code for w in paper.warnings] == ["damaged_text"]
