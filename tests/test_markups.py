"""Redesigned markups: the strategy, the comparison helpers, and the never-wrong properties.

:func:`paperparse.testing.markup_pages` draws the HTML of a redesigned Peeref page for a
record drawn by :func:`paperparse.testing.papers`. The first part of this file checks
the strategy itself (every feature is drawn, every option changes the page, every value
is on the page, shrinking isolates one choice) and the comparison helpers. The second
part holds the properties the parser must keep on every drawn page:

* the HTML record never holds a value that differs from the page's record, and a value
  it leaves empty comes with a warning;
* the text of the page through each installed dump tool (Chromium's ``innerText``,
  w3m, lynx, pandoc, html2text, inscriptis) never gives a wrong value either.

Examples per property: the suite's Hypothesis profile for the HTML properties (``ci``:
200; ``thorough``: 5,000), and for the dump-tool properties :data:`TOOL_EXAMPLES` (a
few in ``ci``, where Chromium costs about a second a page and failures are reported
unshrunk; 2,000 in ``thorough``). ``bench/markup_recall.py`` measures recall per
drawn feature.
"""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, Phase, find, given, note, settings
from hypothesis import strategies as st

import paperparse
from paperparse import (
    Author,
    AuthorClaim,
    Funding,
    Journal,
    PageRange,
    Paper,
    ParseWarning,
    Rating,
    SecondaryRating,
)
from paperparse.serialize import upgrade
from paperparse.testing import (
    FIELDS,
    missing_values,
    papers,
    unexplained_missing,
    wrong_values,
)
from paperparse.testing.compare import compared_value
from paperparse.testing.page_markups import (
    CHOICES,
    FEATURES,
    MarkupPage,
    markup_page,
    markup_pages,
    markups,
)
from paperparse.testing.render import format_score

from . import test_properties as _profiles  # noqa: F401 - loads the suite's Hypothesis profile
from .markup_tools import TOOLS, installed, tool_text

PROFILE = os.environ.get("PAPERPARSE_HYPOTHESIS_PROFILE", "ci")
THOROUGH = PROFILE == "thorough"
#: Pages per dump tool: few by default (Chromium takes about a second a page).
TOOL_EXAMPLES = 2000 if THOROUGH else 4

PAGES = papers().flatmap(markup_pages)

# --- the strategy ----------------------------------------------------------------------


def _draw(count: int, paper: Paper | None = None) -> list[MarkupPage]:
    """*count* pages drawn deterministically (for *paper*, or for drawn records)."""
    out: list[MarkupPage] = []

    @settings(
        max_examples=count,
        database=None,
        deadline=None,
        derandomize=True,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(PAGES if paper is None else markup_pages(paper))
    def collect(page: MarkupPage) -> None:
        out.append(page)

    collect()
    return out


@pytest.fixture(scope="module")
def drawn() -> list[MarkupPage]:
    return _draw(600)


def test_every_feature_is_drawn() -> None:
    """Every option of every choice is drawn, for records that let it show."""
    seen = {f for paper in (FULL, NUMBERED) for page in _draw(300, paper) for f in page.features}
    assert seen <= set(FEATURES)
    assert [f for f in FEATURES if f not in seen] == []


def test_most_features_are_drawn_for_drawn_records(drawn: list[MarkupPage]) -> None:
    seen = {feature for page in drawn for feature in page.features}
    assert seen <= set(FEATURES)
    assert len(seen) >= 0.95 * len(FEATURES), sorted(set(FEATURES) - seen)


def test_features_name_each_choice_once(drawn: list[MarkupPage]) -> None:
    for page in drawn:
        names = [feature.partition(":")[0] for feature in page.features]
        assert len(names) == len(set(names)), page.features


def test_feature_names_are_stable() -> None:
    assert FEATURES[0] == "nav:header-nav"
    for name in ("title:h1", "keywords:pills", "funding:table-header", "primary:meter"):
        assert name in FEATURES
    assert all(re.fullmatch(r"[a-z-]+:[a-z0-9-]+", feature) for feature in FEATURES)


def test_pages_are_html_documents(drawn: list[MarkupPage]) -> None:
    for page in drawn:
        assert page.html.startswith("<!DOCTYPE html>\n<html")
        assert page.html.endswith("</body>\n</html>\n")
        assert page.html.count("<body") == 1
        assert set(page.text_ambiguous) <= {"keywords", "categories"}


@given(st.data())
@settings(max_examples=5, database=None, derandomize=True)
def test_markups_draws_the_html_of_markup_pages(data: st.DataObject) -> None:
    page = data.draw(markups(FULL))
    assert page.startswith("<!DOCTYPE html>")
    assert "Coastal wetlands store carbon" in page


#: The sub-headings of a structured abstract, as the page's record writes them.
_SUB_HEADING = re.compile(r"(?:^| )(?:Background|Methods|Results|Conclusions): ")


def _stated(page: MarkupPage) -> list[str]:
    """The texts of every value the page's record holds, as the page must write them."""
    paper, features = page.paper, set(page.features)
    texts: list[str | None] = [paper.title, paper.article_type, paper.publisher, paper.doi]
    journal = paper.journal
    if journal is not None:
        texts += [journal.name, journal.volume, journal.article_number]
        if journal.issue is not None:
            texts += journal.issue.split("-")
        if journal.pages is not None:
            texts += [journal.pages.first, journal.pages.last]
    texts += [*paper.keywords, *paper.categories, *paper.recommended, *paper.actions]
    for entry in paper.funding:
        texts += [entry.funder, *entry.award_ids]
    if paper.abstract is not None and "abstract:read-more-clipped" not in features:
        if "abstract:read-more-hidden" in features:  # in two parts, the second one hidden
            texts.append(" ".join(paper.abstract.split(" ")[-3:]))
        elif "abstract:structured" in features:
            texts += [part for part in _SUB_HEADING.split(paper.abstract) if part]
        else:
            texts.append(paper.abstract)
    if not features & {"authors-cut:et-al"}:
        texts += [author.name for author in paper.authors]
    if paper.author_claim is not None:
        texts += [paper.author_claim.prompt, paper.author_claim.action]
    rating = paper.rating
    if rating is not None:
        texts += [rating.note]
        if rating.score is not None:
            texts.append(format_score(rating.score))
        if rating.count is not None:
            texts.append(f"{rating.count:,}" if "count:based-on" in features else str(rating.count))
        for item in rating.secondary:
            texts += [item.name, "-" if item.score is None else format_score(item.score)]
    return [t for t in texts if t is not None]


def test_every_value_is_on_the_page(drawn: list[MarkupPage]) -> None:
    """The page states each value of its record (but those it hides on purpose)."""
    for page in drawn:
        for text in _stated(page):
            assert html.escape(text, quote=True) in page.html, (text, page.features)


def test_the_page_record_is_the_drawn_record() -> None:
    paper = Paper(
        title="Shade",
        abstract="First we looked. Then we saw. Then we wrote it down.",
        summary="Not shown.",
        actions=("Rate this paper",),
    )
    plain = markup_page(paper, {"abstract": "plain"}).html
    assert "Not shown." not in plain

    @settings(max_examples=30, database=None, derandomize=True)
    @given(markup_pages(paper))
    def check(page: MarkupPage) -> None:
        expected = attrs.evolve(paper, summary=None)
        if "abstract:structured" in page.features:
            expected = attrs.evolve(
                expected,
                abstract="Background: First we looked. Methods: Then we saw. "
                "Results: Then we wrote it down.",
            )
        assert page.paper == expected

    check()


# Records on which every option of every choice shows: a full one, and one with an
# article number instead of pages and no recommended papers.
FULL = Paper(
    title="Coastal wetlands store carbon in deep sediments for millennia",
    article_type="Review",
    journal=Journal("NEURON", "97", "8", PageRange("1065", "1084")),
    publisher="CELL PRESS",
    doi="10.1016/j.neuron.2020.01.001",
    keywords=("wetlands", "carbon storage", "sediments"),
    categories=("Ecology", "Geosciences"),
    funding=(
        Funding("Wellcome Trust", ("WT12345",), "Wellcome Trust [WT12345]"),
        Funding("Simons Foundation", (), "Simons Foundation"),
    ),
    abstract="We cored twelve marshes. Carbon was older than expected. Storage is deep.",
    authors=tuple(
        Author(n)
        for n in ("Wei Zhang", "Ana Souza", "Li Na", "Kenji Sato", "Priya Patel", "Zoë Müller")
    ),
    author_claim=AuthorClaim(
        "I am an author on this paper",
        "Click your name to claim this paper and add it to your profile.",
    ),
    rating=Rating(4.7, 12, None, (SecondaryRating("Novelty", 4.5), SecondaryRating("Rigor"))),
    actions=("Ask authors/readers for more resources", "Rate this paper"),
    recommended=("Tidal marsh carbon in a warming world", "Mangrove soils and blue carbon"),
)
NUMBERED = attrs.evolve(
    FULL,
    journal=Journal("NEURON", "97", None, None, "e70067"),
    recommended=(),
)
#: What a choice (or one of its options) needs from the others to show at all.
ENABLED_BY: dict[str, dict[str, str]] = {
    "crumb-last": {"breadcrumb": "plain-div"},
    "consent-box": {"consent": "top"},
    "sidebar-box": {"sidebar": "similar-papers"},
    "embedded-coverage": {"embedded": "citation"},
    "title-extra-place": {"title-extra": "views"},
    "funding-header": {"funding": "table-header"},
    "author-sep": {"authors": "comma-links"},
    "affiliations-heading": {"affiliations": "numbered-list"},
    "primary-number": {"primary": "meter"},
    "secondary-number": {"secondary": "meter"},
    "card-meta": {"recommended": "cards"},
    "keyword-sep": {"keywords": "separated"},
    "abstract-heading:never": {"ask": "after-abstract"},  # Peeref's: no heading after Ask
}


@pytest.mark.parametrize(
    "feature", [f"{name}:{option}" for name, options in CHOICES.items() for option in options[1:]]
)
def test_every_option_changes_the_page(feature: str) -> None:
    name, _, option = feature.partition(":")
    first = CHOICES[name][0]
    paper = NUMBERED if name in ("article-number", "recommended-empty") else FULL
    context = ENABLED_BY.get(feature, ENABLED_BY.get(name, {}))
    baseline = markup_page(paper, {**context, name: first})
    page = markup_page(paper, {**context, name: option})
    assert page.html != baseline.html
    assert feature in page.features


def test_options_a_record_cannot_show_fall_back() -> None:
    """The features say what the page shows, and the page states the record."""
    page = markup_page(Paper(title="Shade"), {"title": "metadata-only", "title-extra": "views"})
    assert page.features == ("title:metadata-only", "title-extra:views", "embedded:citation")
    assert '<meta name="citation_title" content="Shade">' in page.html
    bare = Paper(title="Shade", journal=Journal(volume="12 Suppl 2", issue="3"))
    page = markup_page(bare, {"title-extra": "published-in", "locator-form": "compact"})
    assert page.features == ("title-extra:none", "locator-form:peeref")
    assert "Volume 12 Suppl 2, Issue 3" in page.html
    nameless = Paper(title="Shade", journal=Journal(volume="97", issue="8"))
    assert markup_page(nameless, {"locator-form": "compact"}).features == ("locator-form:peeref",)
    named = attrs.evolve(nameless, journal=Journal("NEURON", "97", "8"))
    assert "NEURON</div>\n<div>97(8)</div>" in markup_page(named, {"locator-form": "compact"}).html
    lone = Paper(abstract="We looked at shade. Trees grew.", actions=("Rate this paper",))
    assert markup_page(lone, {"abstract-heading": "never"}).features == ("abstract-heading:always",)
    inverted = Paper(authors=(Author("Zhang, Wei"), Author("Li Na")))
    page = markup_page(inverted, {"authors": "comma-links", "author-sep": "and-last"})
    assert "author-sep:semicolon" in page.features
    assert "Zhang, Wei</a>; <a" in page.html


def test_unknown_choices_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown markup choice title:h7"):
        markup_page(FULL, {"title": "h7"})
    with pytest.raises(ValueError, match="unknown markup choice colour:red"):
        markup_page(FULL, {"colour": "red"})


def test_shrinking_isolates_the_choice_that_matters() -> None:
    """A failure that needs one markup choice shrinks to a page with only that one."""
    firsts = {f"{name}:{options[0]}" for name, options in CHOICES.items()}
    for needed in ("funding:table-header", "secondary:meter"):
        page = find(
            markup_pages(FULL),
            lambda p, needed=needed: needed in p.features,
            settings=settings(database=None, max_examples=2000, derandomize=True),
        )
        assert [f for f in page.features if f not in firsts] == [needed]


def test_drawing_is_deterministic() -> None:
    assert [p.html for p in _draw(20)] == [p.html for p in _draw(20)]


def test_markups_need_hypothesis_but_the_helpers_do_not() -> None:
    code = textwrap.dedent(
        """
        import sys
        sys.modules["hypothesis"] = None  # any import of it now fails
        import paperparse.testing as testing
        from paperparse import Paper
        assert testing.wrong_values(Paper(title="A"), Paper(title="B")) == ["title"]
        for name in ("markups", "markup_pages", "MarkupPage", "FEATURES"):
            try:
                getattr(testing, name)
            except ImportError as error:
                assert "hypothesis" in str(error).lower()
            else:
                raise AssertionError(name + " imported without hypothesis")
        """
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_the_strategies_are_served_from_the_package() -> None:
    import paperparse.testing as testing

    assert testing.markups is markups
    assert testing.markup_pages is markup_pages
    assert testing.FEATURES is FEATURES


# --- pending fixtures -------------------------------------------------------------------

PENDING = sorted(
    (Path(__file__).resolve().parent.parent / "fixtures-pending" / "html").glob("*.html")
)


def test_pending_fixtures_were_found() -> None:
    assert PENDING  # (pages move to fixtures/html/ once read right)


@pytest.mark.parametrize("page", PENDING, ids=lambda p: p.stem)
def test_pending_fixture_json_is_a_valid_record(page: Path) -> None:
    """A page the parser reads wrong today: its JSON is a record, stated by the page."""
    data = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
    # written before schema 1.2: the keys added since load as their empty values
    assert paperparse.to_dict(paperparse.from_dict(data)) == upgrade(data)
    assert data["source"] == {"site": "peeref", "format": "html", "language": "en"}
    text = page.read_text(encoding="utf-8")
    record = paperparse.from_dict(data)
    for value in (record.title, record.doi, *(a.name for a in record.authors)):
        if value is not None:
            assert html.escape(value, quote=False) in text


# --- the comparison helpers ------------------------------------------------------------

RECORD = Paper(
    title="A  study of\nshade",
    journal=Journal("NATURE", "12", pages=PageRange("100", "110")),
    keywords=("shade", "trees"),
    funding=(Funding("NSF", ("123", "456"), "NSF [123, 456]"),),
    authors=(Author("Wei Zhang"), Author("Ana Souza")),
    author_claim=AuthorClaim("I am an author on this paper", "Click your name."),
    rating=Rating(4.5, 9, None, (SecondaryRating("Novelty", 4.0),)),
)


def test_compared_fields_are_the_specs() -> None:
    assert FIELDS[0] == "title"
    assert "journal.pages" in FIELDS
    assert "rating.secondary" in FIELDS
    assert not {"source", "warnings", "provenance"} & set(FIELDS)


def test_the_same_record_has_no_wrong_and_no_missing_value() -> None:
    folded = attrs.evolve(RECORD, title="A study of shade", source=paperparse.Source("x"))
    assert wrong_values(RECORD, folded) == []
    assert missing_values(RECORD, folded) == []


def test_nfc_and_whitespace_are_folded() -> None:
    assert wrong_values(Paper(title="Cafe\u0301 au lait"), Paper(title=" Café  au lait ")) == []


@pytest.mark.parametrize(
    ("parsed", "wrong"),
    [
        (Paper(title="A study"), ["title"]),
        (Paper(keywords=("shade",)), ["keywords"]),  # a partial list is wrong
        (Paper(keywords=("shade", "trees", "sun")), ["keywords"]),
        (Paper(authors=(Author("Ana Souza"), Author("Wei Zhang"))), ["authors"]),
        (Paper(journal=Journal(pages=PageRange("100"))), ["journal.pages"]),
        (Paper(journal=Journal("NATURE", "13")), ["journal.volume"]),
        (Paper(funding=(Funding("NSF", ("123",), "NSF [123]"),)), ["funding"]),
        (Paper(funding=(Funding("Funder", ("123", "456"), "NSF"),)), ["funding"]),
        (
            Paper(rating=Rating(4.5, 9, None, (SecondaryRating("Novelty", 3.0),))),
            ["rating.secondary"],
        ),
        (Paper(rating=Rating(4.5, 9, "Not enough ratings")), ["rating.note"]),
        (Paper(author_claim=AuthorClaim("I am an author", None)), ["author_claim"]),
        (Paper(summary="A summary", doi="10.1/x"), ["doi", "summary"]),
    ],
)
def test_wrong_values(parsed: Paper, wrong: list[str]) -> None:
    assert wrong_values(RECORD, parsed) == wrong


def test_a_funding_entry_may_be_written_another_way() -> None:
    parsed = Paper(funding=(Funding("NSF", ("123", "456"), "NSF | 123, 456"),))
    assert wrong_values(RECORD, parsed) == []
    missing_id = Paper(funding=(Funding("NSF", ("123", "456"), "NSF 123"),))
    assert wrong_values(RECORD, missing_id) == ["funding"]


def test_a_funding_entry_kept_only_as_text_is_missing_not_wrong() -> None:
    unsplit = Paper(funding=(Funding(None, (), "We thank the NSF (grants 123 and 456)."),))
    assert wrong_values(RECORD, unsplit) == []
    assert "funding" in missing_values(RECORD, unsplit)
    other = Paper(funding=(Funding(None, (), "We thank the NIH (grant 123)."),))
    assert wrong_values(RECORD, other) == ["funding"]


def test_missing_values() -> None:
    parsed = Paper(
        title="A study of shade",
        journal=Journal("NATURE"),
        author_claim=AuthorClaim("I am an author on this paper"),
    )
    assert missing_values(RECORD, parsed) == [
        "journal.volume",
        "journal.pages",
        "keywords",
        "funding",
        "authors",
        "author_claim",
        "rating.score",
        "rating.count",
        "rating.secondary",
    ]
    assert wrong_values(RECORD, parsed) == []
    assert unexplained_missing(RECORD, parsed) == missing_values(RECORD, parsed)
    warned = attrs.evolve(parsed, warnings=(ParseWarning("unplaced_text", "A line."),))
    assert unexplained_missing(RECORD, warned) == []


def test_compared_value_refuses_unknown_fields() -> None:
    with pytest.raises(ValueError, match="'colour' is not a compared field"):
        compared_value(RECORD, "colour")


# --- the properties --------------------------------------------------------------------


def _parse(page: str, text_format: str = "auto") -> Paper | None:
    """The record, or None where the parser refused the page (no value, so none wrong)."""
    try:
        return paperparse.parse(page, format=text_format)  # type: ignore[arg-type]
    except paperparse.ParseError:
        return None


def _describe(expected: Paper, parsed: Paper, fields: list[str]) -> str:
    lines = [
        f"{field}: parsed {compared_value(parsed, field)!r}, "
        f"the page says {compared_value(expected, field)!r}"
        for field in fields
    ]
    lines += [f"warning {w.code} at line {w.line}: {w.message}" for w in parsed.warnings]
    return "\n".join(lines)


def _note(page: MarkupPage) -> None:
    note(f"features: {page.features}")
    note(f"page:\n{page.html}")


@given(page=PAGES)
def test_html_page_never_gives_a_wrong_value(page: MarkupPage) -> None:
    _note(page)
    parsed = _parse(page.html)
    if parsed is not None:
        wrong = wrong_values(page.paper, parsed)
        assert not wrong, _describe(page.paper, parsed, wrong)


@given(page=PAGES)
def test_html_page_leaves_a_value_empty_only_with_a_warning(page: MarkupPage) -> None:
    _note(page)
    parsed = _parse(page.html)
    if parsed is not None:
        missing = unexplained_missing(page.paper, parsed)
        assert not missing, _describe(page.paper, parsed, missing)


def _tool_params() -> list[object]:
    params = []
    for tool in TOOLS:
        marks = [] if installed(tool) else [pytest.mark.skip(reason=f"{tool} is not installed")]
        params.append(pytest.param(tool, marks=marks, id=tool))
    return params


@pytest.mark.parametrize("tool", _tool_params())
@settings(
    max_examples=TOOL_EXAMPLES,
    # By default a failure is reported as found: shrinking would run the tool hundreds
    # of times (Chromium: a second each). The thorough profile shrinks.
    phases=list(Phase) if THOROUGH else [Phase.explicit, Phase.reuse, Phase.generate],
)
@given(page=PAGES)
def test_dump_tool_text_never_gives_a_wrong_value(tool: str, page: MarkupPage) -> None:
    _note(page)
    text = tool_text(tool, page.html)
    note(f"{tool} text:\n{text}")
    parsed = _parse(text, "text")
    if parsed is not None:
        wrong = [f for f in wrong_values(page.paper, parsed) if f not in page.text_ambiguous]
        assert not wrong, _describe(page.paper, parsed, wrong)


def test_the_dump_tools_read_a_page() -> None:
    """Each installed tool gives text holding the page's title (the harness works)."""
    page = markup_page(FULL, {}).html
    for tool in TOOLS:
        if installed(tool):
            assert "Coastal wetlands store carbon" in tool_text(tool, page), tool


def test_an_author_list_the_record_says_is_cut_is_missing_not_wrong() -> None:
    page = Paper(authors=(Author("Ana Souza"), Author("Wei Zhang"), Author("Li Chen")))
    said = (ParseWarning("incomplete_list", "The author list ends with 'et al.'."),)
    cut = Paper(authors=(Author("Ana Souza"), Author("Wei Zhang")), warnings=said)
    assert wrong_values(page, cut) == []
    assert "authors" in missing_values(page, cut)
    # unsaid, or not the page's first authors: wrong
    assert wrong_values(page, attrs.evolve(cut, warnings=())) == ["authors"]
    assert wrong_values(page, Paper(authors=(Author("Li Chen"),), warnings=said)) == ["authors"]


def test_a_secondary_rating_left_without_its_score_is_missing_not_wrong() -> None:
    page = Paper(rating=Rating(secondary=(SecondaryRating("Novelty", 4.2),)))
    unscored = Paper(rating=Rating(secondary=(SecondaryRating("Novelty", None),)))
    assert wrong_values(page, unscored) == []
    assert "rating.secondary" in missing_values(page, unscored)
    other = Paper(rating=Rating(secondary=(SecondaryRating("Rigor", None),)))
    assert wrong_values(page, other) == ["rating.secondary"]
