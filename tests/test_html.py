"""The HTML path: blocks, chrome, invisible elements, metadata, widgets, encodings."""

from __future__ import annotations

import json
import time
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import paperparse
from paperparse.metadata import Metadata
from paperparse.normalize import clean
from paperparse.outline.html import read

from .conftest import FIXTURES

SEED = paperparse.parse(FIXTURES / "peeref" / "jmm-2019-review.txt")


def parse_html(html: str) -> tuple[list[tuple[int, str]], Metadata | None]:
    outline = read(html)
    return [(block.line, block.text) for block in outline.blocks], outline.metadata


def lines(html: str) -> list[str]:
    return [text for _, text in parse_html(html)[0]]


def test_blocks_follow_the_dom() -> None:
    html = (
        "<div>Journal<div><a>JOURNAL</a> <b>OF</b> <span>X</span></div>Volume 1</div>"
        "<ul><li>one</li><li>two<br>three</li></ul>"
        "<table><tr><th>Keywords</th><td>a; b</td></tr></table>"
        "<dl><dt>Publisher</dt><dd>ELSEVIER</dd></dl>"
    )
    assert lines(html) == [
        "Journal",
        "JOURNAL OF X",
        "Volume 1",
        "one",
        "two",
        "three",
        "Keywords",
        "a; b",
        "Publisher",
        "ELSEVIER",
    ]


def test_inline_elements_never_split_a_value() -> None:
    assert lines("<p>CO<sub>2</sub> capture in Mg<sup>2+</sup>-MOF-74</p>") == [
        "CO2 capture in Mg2+-MOF-74"
    ]
    assert lines("<p><b>Keywords:</b> <span>a</span>; <em>b</em></p>") == ["Keywords: a; b"]


def test_character_references() -> None:
    assert lines("<p>Pages 1065&#8211;1084 &amp; more&nbsp;text&#x2014;end</p>") == [
        "Pages 1065\u20131084 & more text\u2014end"
    ]


def test_invisible_and_chrome_are_dropped() -> None:
    html = """<html><head><title>T</title><style>p{}</style></head><body>
    <nav>Home Papers</nav><header>Site header</header>
    <div class="cookie-banner">We use cookies <button>OK</button></div>
    <script>var Keywords = "x";</script><noscript>Enable JS</noscript>
    <template><p>tpl</p></template><svg><text>svg text</text></svg>
    <iframe>frame</iframe><!-- a comment --><p hidden>hidden text</p>
    <p style="display: none">styled away</p>
    <main><article><header><h1>The title</h1></header><p>Body</p></article></main>
    <aside class="related">Other paper</aside><footer>About Us</footer>
    </body></html>"""
    blocks = read(html).blocks
    # A sidebar is kept apart (its side), for the record stage to drop unless it holds
    # the paper's buttons; everything else here is no content at all.
    assert [block.text for block in blocks if not block.side] == ["The title", "Body"]
    assert [block.text for block in blocks if block.side] == ["Other paper"]


def test_line_numbers_are_source_lines() -> None:
    found, _ = parse_html("<html>\n<body>\n<h1>Title</h1>\n\n<p>Body\ntext</p>\n</body></html>")
    assert found == [(3, "Title"), (5, "Body text")]


def test_deep_nesting_keeps_the_text() -> None:
    depth = 10_000
    html = "<html><body>" + "<div>" * depth + "<p>deep</p>" + "</div>" * depth + "</body></html>"
    assert lines(html) == ["deep"]


def test_private_use_markers_in_the_input_are_not_trusted() -> None:
    assert lines("<p>\ue0001\ue001 x\ue002score 5</p>") == ["1 xscore 5"]


def _page(body: str, head: str = "", charset: str = "<meta charset='utf-8'>") -> str:
    return f"<!DOCTYPE html><html><head>{charset}{head}</head><body>{body}</body></html>"


VISIBLE = (
    "<h1>A study of things</h1><h3>Journal</h3><p>NATURE</p>"
    "<h3>Publisher</h3><p>SPRINGER</p><p>DOI: 10.1038/abc</p>"
    "<h3>Reviews</h3><h4>Primary Rating</h4>{rating}<button>Rate this paper</button>"
    "<h3>Recommended</h3><p>No Data Available</p>"
)


def test_metadata_fills_what_the_visible_page_lacks() -> None:
    head = (
        '<meta name="citation_volume" content="12">'
        '<meta name="citation_firstpage" content="5"><meta name="citation_lastpage" content="9">'
        '<meta name="citation_keywords" content="alpha; beta">'
        '<meta name="citation_author" content="Zhang, Wei">'
        '<meta name="citation_author" content="Ana Ruiz">'
    )
    paper = paperparse.parse(_page(VISIBLE.format(rating=""), head))
    assert paper.journal == paperparse.Journal(
        "NATURE", "12", None, paperparse.PageRange("5", "9"), None
    )
    assert paper.keywords == ("alpha", "beta")
    assert [a.name for a in paper.authors] == ["Zhang, Wei", "Ana Ruiz"]
    assert paper.warnings == ()


def test_metadata_that_disagrees_with_the_page_empties_the_field_with_a_warning() -> None:
    head = '\n<meta name="citation_doi" content="10.1038/other">\n'
    paper = paperparse.parse(_page(VISIBLE.format(rating=""), head))
    assert paper.doi is None  # one of the two is wrong, and which cannot be told
    assert paper.title == "A study of things"  # the fields they agree on stay
    assert [(w.code, w.line) for w in paper.warnings] == [("metadata_conflict", 2)]
    assert "'10.1038/other'" in paper.warnings[0].message


def test_metadata_agreeing_in_case_and_name_order_is_no_conflict() -> None:
    head = '<meta name="citation_journal_title" content="Nature">'
    assert paperparse.parse(_page(VISIBLE.format(rating=""), head)).warnings == ()


def test_json_ld_graph_and_rating() -> None:
    head = (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
        '{"@type": "WebPage"}, {"@type": ["ScholarlyArticle"], "headline": "A study of things",'
        ' "isPartOf": {"@type": "PublicationIssue", "issueNumber": "3",'
        ' "isPartOf": {"@type": ["PublicationVolume", "Periodical"], "volumeNumber": 7,'
        ' "name": "Nature"}},'
        ' "aggregateRating": {"@type": "AggregateRating", "ratingValue": "4.2",'
        ' "ratingCount": 12}}]}</script>'
    )
    paper = paperparse.parse(_page(VISIBLE.format(rating=""), head))
    assert paper.journal is not None
    assert (paper.journal.volume, paper.journal.issue) == ("7", "3")
    assert paper.rating is not None
    assert (paper.rating.score, paper.rating.count) == (4.2, 12)


def test_broken_json_ld_is_ignored() -> None:
    head = '<script type="application/ld+json">{"@type": "ScholarlyArticle", </script>'
    assert paperparse.parse(_page(VISIBLE.format(rating=""), head)).warnings == ()


@pytest.mark.parametrize(
    ("widget", "score"),
    [
        ('<div class="rating-stars" data-score="4.5"></div>', 4.5),
        ('<div data-rating="3,5"></div>', 3.5),
        ('<div class="rating" role="meter" aria-valuenow="4.1"></div>', 4.1),
        ('<meta itemprop="ratingValue" content="4.4"><span>x</span>', 4.4),
        ('<div class="stars"><span class="star-fill" style="width: 94%"></span></div>', 4.7),
    ],
)
def test_rating_widgets(widget: str, score: float) -> None:
    paper = paperparse.parse(_page(VISIBLE.format(rating=widget + "<p>Based on 9 ratings</p>")))
    assert paper.rating is not None
    assert (paper.rating.score, paper.rating.count) == (score, 9)


def test_widgets_outside_the_rating_block_are_not_the_papers_rating() -> None:
    body = VISIBLE.format(rating="<p>Not enough ratings</p>").replace(
        "<p>No Data Available</p>", '<p>Other paper</p><div data-score="2.0"></div>'
    )
    paper = paperparse.parse(_page(body))
    assert paper.rating is not None
    assert paper.rating.score is None
    assert paper.recommended == ("Other paper",)


@pytest.mark.parametrize(
    ("encoding", "declaration"),
    [
        ("utf-8", '<meta charset="utf-8">'),
        ("gb18030", '<meta charset="gb18030">'),
        ("gbk", '<meta http-equiv="Content-Type" content="text/html; charset=GBK">'),
        ("shift_jis", '<meta charset="Shift_JIS">'),
        ("cp1252", '<meta charset="windows-1252">'),
        ("latin-1", '<meta charset="iso-8859-1">'),
        ("cp1252", ""),
    ],
)
def test_html_bytes_in_declared_encodings(encoding: str, declaration: str) -> None:
    title = "\u4e2d\u6587\u6807\u9898" if encoding in ("gb18030", "gbk") else "T\u00edtulo"
    if encoding == "shift_jis":
        title = "\u65e5\u672c\u8a9e\u306e\u984c"
    html = _page(VISIBLE.format(rating="").replace("A study of things", title), "", declaration)
    paper = paperparse.parse(html.encode(encoding))
    assert paper.title == title
    assert paper.source.format == "html"


def test_html_and_text_format_options() -> None:
    html = _page(VISIBLE.format(rating=""))
    assert paperparse.parse(html, format="html").source.format == "html"
    assert paperparse.parse(html).source.format == "html"
    with pytest.raises(paperparse.ParseError):
        paperparse.parse(html, format="text")


def test_seed_twin_in_minimal_html() -> None:
    text = (FIXTURES / "peeref" / "jmm-2019-review.txt").read_text(encoding="utf-8")
    html = (
        "<html><body>" + "".join(f"<p>{line}</p>" for line in text.splitlines()) + "</body></html>"
    )
    paper = paperparse.parse(html)
    assert paper.source.format == "html"
    assert paperparse.to_dict(paper) == {
        **paperparse.to_dict(SEED),
        "source": {"site": "peeref", "format": "html", "language": "en"},
    }


HTML_WITH_TWIN = [
    p
    for p in sorted((FIXTURES / "html").glob("*.html"))
    if (FIXTURES / "peeref" / f"{p.stem}.txt").is_file() or p.stem.startswith("seed-")
]


def test_there_are_html_fixtures_with_text_twins() -> None:
    assert len(HTML_WITH_TWIN) >= 9


@pytest.mark.parametrize("page", HTML_WITH_TWIN, ids=lambda p: p.stem)
def test_html_and_text_twin_give_the_same_record(page: Path) -> None:
    stem = "jmm-2019-review" if page.stem.startswith("seed-") else page.stem
    text = paperparse.parse(FIXTURES / "peeref" / f"{stem}.txt")
    html = paperparse.parse(page)
    assert html.source.format == "html"
    assert attrs.evolve(html, source=text.source) == text


def test_encoding_fixtures_agree_with_their_text_twin() -> None:
    text = paperparse.parse(FIXTURES / "encodings" / "text" / "utf8.txt")
    french = sorted(
        p
        for p in (FIXTURES / "encodings").glob("*.html")
        if json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))["title"] == text.title
    )
    assert len(french) >= 6
    for page in french:
        html = paperparse.parse(page)
        # An undeclared encoding is a guess, and the record says so; the rest agrees.
        kept = tuple(w for w in html.warnings if w.code != "guessed_encoding")
        assert attrs.evolve(html, source=text.source, warnings=kept) == text, page.name


def test_a_20_mb_page() -> None:
    seed = (FIXTURES / "html" / "seed-cards.html").read_text(encoding="utf-8")
    filler = "<div class='card'><p>Some other paper title that goes on</p></div>\n" * 300_000
    page = seed.replace("</main>", filler + "</main>", 1)
    assert len(page) > 20_000_000
    start = time.perf_counter()
    paper = paperparse.parse(page, max_size=100_000_000)
    assert time.perf_counter() - start < 120  # a generous bound; speed is in bench/
    assert paper.title == SEED.title


# --- issue 12: structure, chrome, metadata sources --------------------------------


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        # Adjacent links of one kind, nothing between them: one value each.
        (
            '<div><a class="author">Wei Zhang</a><a class="author">Li Na</a></div>',
            ["Wei Zhang", "Li Na"],
        ),
        # Pretty-printed: whitespace between them.
        (
            "<p>\n  <span class='a'>Ana Ruiz</span>\n  <span class='a'>Li Na</span>\n</p>",
            ["Ana Ruiz", "Li Na"],
        ),
        # Separators between them are dropped with the split.
        ("<div><a>alpha</a>; <a>beta</a> \u00b7 <a>gamma</a></div>", ["alpha", "beta", "gamma"]),
        # Other elements between the items (affiliation marks outside an author list).
        ("<div><a class='n'>A b</a><sup>1</sup><a class='n'>C d</a></div>", ["A b", "1", "C d"]),
    ],
)
def test_adjacent_elements_of_one_kind_are_one_value_each(html: str, expected: list[str]) -> None:
    assert lines(html) == expected


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<h1>CO<sub>2</sub> capture on Mg<sup>2+</sup> sites</h1>", "CO2 capture on Mg2+ sites"),
        # Words marked up alike inside a sentence: the text between them joins them.
        (
            "<p>The <em>in situ</em> and <em>ex situ</em> routes</p>",
            "The in situ and ex situ routes",
        ),
        # A heading is one value, however its words are marked up.
        ("<h1><span class='w'>Deep</span> <span class='w'>learning</span></h1>", "Deep learning"),
        # Links in running text.
        ("<p>See <a>ref 1</a> <a>ref 2</a> for details</p>", "See ref 1 ref 2 for details"),
        # Different kinds side by side.
        ("<p><span class='score'>4.5</span> <span class='type'>Review</span></p>", "4.5 Review"),
    ],
)
def test_inline_markup_that_is_not_a_list_stays_one_value(html: str, expected: str) -> None:
    assert lines(html) == [expected]


def test_text_hidden_from_screen_readers_or_only_for_them_is_not_a_value() -> None:
    html = (
        "<div class='author'><span class='avatar' aria-hidden='true'>WZ</span> Wei Zhang</div>"
        "<p>DOI: <a>10.1/x<span class='sr-only'> (opens in a new window)</span></a></p>"
        "<p>Pages 1-9<span class='visually-hidden'>, page range</span></p>"
        "<p aria-hidden='false'>shown</p>"
    )
    assert lines(html) == ["Wei Zhang", "DOI: 10.1/x", "Pages 1-9", "shown"]


def test_a_widget_hidden_from_screen_readers_still_gives_its_score() -> None:
    widget = '<div class="star-rating" aria-hidden="true" data-score="4.3"><i>★★★★</i></div>'
    paper = paperparse.parse(_page(VISIBLE.format(rating=widget + "<p>Based on 9 ratings</p>")))
    assert paper.rating is not None
    assert (paper.rating.score, paper.rating.count) == (4.3, 9)


def test_links_drawn_as_buttons_are_lines_of_their_own() -> None:
    html = (
        "<div>a; b <a class='btn btn-sm' href='#'>Cite</a> <a class='button'>Share</a>"
        "<span role='button'>Ask authors/readers for more resources</span></div>"
    )
    assert lines(html) == ["a; b", "Cite", "Share", "Ask authors/readers for more resources"]


def test_affiliation_marks_are_dropped_only_in_an_author_list() -> None:
    html = (
        "<h1>Growth of 10<sup>6</sup> cells per m<sup>2</sup></h1>"
        "<p class='authors'>Wei Zhang<sup>1,2</sup>, Li Na<sup>*</sup> and Ana Ruiz"
        "<sup>\u2020</sup></p>"
        "<div itemprop='author'>Ana Ruiz<sup>3</sup></div>"
        "<p class='authors'>Wei Zhang<sup>a</sup></p>"
    )
    assert lines(html) == [
        "Growth of 106 cells per m2",
        "Wei Zhang, Li Na and Ana Ruiz",
        "Ana Ruiz",
        "Wei Zhanga",  # a letter mark is not told apart from a name's end: kept
    ]


def test_a_bullet_drawn_as_text_is_not_part_of_the_value() -> None:
    html = (
        "<ul><li>\u2022 Novelty</li><li>\u25e6 Significance</li><li>- NSF [1]</li></ul>"
        "<p>-</p><p>1. Introduction</p><p>\u2022</p><p>*COOH binds</p>"
    )
    assert lines(html) == [
        "Novelty",
        "Significance",
        "NSF [1]",
        "-",
        "1. Introduction",
        "\u2022",
        "*COOH binds",
    ]


def test_a_strip_of_tabs_is_navigation() -> None:
    body = VISIBLE.format(rating="<p>Not enough ratings</p>").replace(
        "<h3>Reviews</h3>",
        '<ul class="nav nav-tabs"><li><a>Reviews <span class="badge">0</span></a></li></ul>'
        '<div role="tablist"><button role="tab">Comments 3</button></div>',
    )
    paper = paperparse.parse(_page(body))
    assert paper.rating is not None
    assert (paper.rating.score, paper.rating.note) == (None, "Not enough ratings")
    assert "Comments" not in " ".join(lines(body))


@pytest.mark.parametrize("digit", ["\u00b2", "\u0663", "\uff13", "3\u00b2"])
def test_counts_are_ascii_digits(digit: str) -> None:
    widget = f'<meta itemprop="ratingCount" content="{digit}"><span>x</span>'
    head = (
        '<script type="application/ld+json">{"@type": "ScholarlyArticle", '
        f'"aggregateRating": {{"ratingValue": "4.0", "ratingCount": "{digit}"}}}}</script>'
    )
    paper = paperparse.parse(_page(VISIBLE.format(rating=widget), head))
    assert paper.rating is not None
    assert paper.rating.count is None


@given(st.text(max_size=12))
def test_any_count_attribute_is_a_count_or_nothing(content: str) -> None:
    escaped = content.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
    widget = f'<meta itemprop="reviewCount" content="{escaped}"><span>x</span>'
    try:
        paper = paperparse.parse(_page(VISIBLE.format(rating=widget)))
    except paperparse.ParseError:
        return
    count = paper.rating.count if paper.rating is not None else None
    shown = clean(content)
    assert count is None or (shown.isascii() and shown.isdigit() and int(shown) == count)


SITE = '<meta property="og:site_name" content="Peeref">'
URL = '<meta property="og:url" content="https://peeref.com/w/1">'


def _json_ld(data: str) -> str:
    return f'<script type="application/ld+json">{data}</script>'


def test_json_ld_nested_works_are_not_the_paper() -> None:
    head = _json_ld(
        '{"@type": "ScholarlyArticle", "headline": "A study of things",'
        ' "citation": [{"@type": "ScholarlyArticle", "sameAs": "https://doi.org/10.1/cited",'
        ' "pageStart": "5", "pageEnd": "9", "keywords": ["cited"],'
        ' "isPartOf": {"@type": "PublicationVolume", "volumeNumber": "99"}}],'
        ' "isBasedOn": {"@type": "Dataset", "identifier": "10.5281/zenodo.1"},'
        ' "review": {"@type": "Review", "itemReviewed": {"@type": "ScholarlyArticle",'
        ' "identifier": "10.1/reviewed"}}}'
    )
    paper = paperparse.parse(
        _page(VISIBLE.format(rating="").replace("<p>DOI: 10.1038/abc</p>", ""), head)
    )
    assert paper.doi is None
    assert paper.keywords == ()
    assert paper.journal == paperparse.Journal("NATURE")
    assert paper.warnings == ()


def test_json_ld_main_entity_is_the_paper() -> None:
    head = _json_ld(
        '{"@type": "WebPage", "mainEntity": {"@type": "ScholarlyArticle",'
        ' "sameAs": "https://doi.org/10.1038/abc", "isPartOf": {"@type": "PublicationVolume",'
        ' "volumeNumber": "7"}}}'
    )
    paper = paperparse.parse(_page(VISIBLE.format(rating=""), head))
    assert paper.journal is not None
    assert paper.journal.volume == "7"


@pytest.mark.parametrize(
    "head",
    [
        SITE + '<meta name="citation_publisher" content="PEEREF">',
        '<meta property="og:url" content="https://www.peeref.com/works/1">'
        '<meta name="dc.publisher" content="Peeref">',
        _json_ld(
            '{"@graph": [{"@type": "Organization", "name": "Peeref"}, {"@type":'
            ' "ScholarlyArticle", "publisher": {"@type": "Organization", "name": "Peeref"}}]}'
        ),
        _json_ld('{"@type": "WebSite", "name": "Peeref", "alternateName": "Peeref.com"}')
        + '<meta name="citation_publisher" content="peeref.com">',
    ],
)
def test_the_sites_own_name_is_not_the_publisher(head: str) -> None:
    body = VISIBLE.format(rating="").replace("<h3>Publisher</h3><p>SPRINGER</p>", "")
    paper = paperparse.parse(_page(body, head))
    assert paper.publisher is None
    assert paper.warnings == ()


def test_an_organisation_the_article_names_as_publisher_is_not_the_site() -> None:
    head = (
        _json_ld(
            '{"@graph": [{"@type": "Organization", "@id": "#pub", "name": "Springer"},'
            ' {"@type": "ScholarlyArticle", "publisher": {"@id": "#pub"}}]}'
        )
        + '<meta name="citation_publisher" content="SPRINGER">'
    )
    body = VISIBLE.format(rating="").replace("<h3>Publisher</h3><p>SPRINGER</p>", "")
    assert paperparse.parse(_page(body, head)).publisher == "SPRINGER"


@pytest.mark.parametrize(
    ("site", "og_title", "title"),
    [
        (SITE, "A b | Peeref", "A b"),
        (SITE, "A b - PEEREF", "A b"),
        (SITE, "A b \u2014 Peeref", "A b"),
        # The site is known and the dash is not before its name: part of the title.
        (SITE, "Graphene - a review", "Graphene - a review"),
        (URL, "A b | Peeref", "A b"),
        # Unsure: a separator and no known site name, or a bar left after the suffix.
        ("", "A b | Peeref", None),
        ("", "Graphene - a review", None),
        (SITE, "A b | Papers | Peeref", None),
        (SITE, "Peeref", None),
        ("", "A plain title", "A plain title"),
    ],
)
def test_og_title_without_the_sites_name(site: str, og_title: str, title: str | None) -> None:
    head = f'{site}<meta property="og:title" content="{og_title}">'
    meta = parse_html(_page("<p>x</p>", head))[1]
    assert meta is not None
    assert (meta.title[1] if meta.title else None) == title


@pytest.mark.parametrize(
    ("first", "last", "pages"),
    [
        ("5", "9", ("5", "9")),
        ("S12", "S20", ("S12", "S20")),
        ("e70067", None, None),  # an article number
        ("104512", None, None),  # a lone number: maybe an article number
        ("5", None, None),
        ("12", "5", None),  # not a range
        ("e1", "e9", ("e1", "e9")),
        ("5", "S9", None),
        ("\u0663", "\u0669", None),
        (None, "9", None),
    ],
)
def test_metadata_pages_only_as_a_range(
    first: str | None, last: str | None, pages: tuple[str, str] | None
) -> None:
    head = "".join(
        f'<meta name="citation_{name}" content="{value}">'
        for name, value in (("firstpage", first), ("lastpage", last))
        if value is not None
    )
    paper = paperparse.parse(_page(VISIBLE.format(rating=""), head))
    assert paper.journal is not None
    found = paper.journal.pages
    assert ((found.first, found.last) if found else None) == pages


def test_a_count_badge_after_a_heading_is_not_a_score() -> None:
    for badge in ('<span class="badge">0</span>', '<a><span class="count">(0)</span></a>'):
        body = VISIBLE.format(rating="<p>Not enough ratings</p>").replace(
            "<h3>Reviews</h3>", f"<h3>Reviews {badge}</h3>"
        )
        paper = paperparse.parse(_page(body))
        assert paper.rating is not None
        assert (paper.rating.score, paper.rating.note) == (None, "Not enough ratings")
    assert lines("<h2>Reviews <span class='badge'>3</span></h2>") == ["Reviews"]
    # Words after it, no badge class, or not in a heading: the number stays.
    assert lines("<h2>The <span class='count'>2020</span> election</h2>") == ["The 2020 election"]
    assert lines("<h2>Reviews <span>3</span></h2>") == ["Reviews 3"]
    assert lines("<div><span class='badge'>4.5</span> <span class='type'>Review</span></div>") == [
        "4.5 Review"
    ]
    assert lines("<p>Cited by <span class='badge'>3</span></p>") == ["Cited by 3"]


def test_labels_and_values_side_by_side_are_not_a_list() -> None:
    html = (
        "<p><span class='label'>Volume</span> <span>12</span>, "
        "<span class='label'>Issue</span> <span>3</span></p>"
        "<div><a class='author'>A b</a><a class='author'>C d</a><a class='more'>+3 more</a></div>"
    )
    assert lines(html) == ["Volume 12, Issue 3", "A b", "C d", "+3 more"]


def test_bullets_on_lines_split_by_br_stay_for_the_field_parsers() -> None:
    html = (
        "<p>\u2022 Science Fund of the National<br>Natural Science Foundation [1]"
        "<br>\u2022 NIH [2]</p>"
    )
    assert lines(html) == [
        "\u2022 Science Fund of the National",
        "Natural Science Foundation [1]",
        "\u2022 NIH [2]",
    ]
    assert lines("<div>\u2022 Novelty<p>x</p>\u2022 Significance</div>") == [
        "Novelty",
        "x",
        "Significance",
    ]


_NAME = st.text(st.sampled_from("abcdefgh ABC\u00e9\u00f8-.'"), min_size=1, max_size=12).filter(
    lambda name: any(c.isalpha() for c in name) and name.strip()[:1] not in ("-", "\u00b7")
)


@given(
    names=st.lists(_NAME, min_size=2, max_size=6),
    tag=st.sampled_from(["a", "span", "cite"]),
    css=st.sampled_from(["", "author", "kw item"]),
    gaps=st.lists(st.sampled_from(["", " ", "\n  ", ", ", "; ", " \u00b7 ", " | "]), min_size=6),
)
def test_a_list_of_inline_elements_gives_each_value_once(
    names: list[str], tag: str, css: str, gaps: list[str]
) -> None:
    attribute = f' class="{css}"' if css else ""
    body = "".join(
        f"<{tag}{attribute}>{name}</{tag}>{gap}" for name, gap in zip(names, gaps, strict=False)
    )
    assert lines(f"<div>{body}</div>") == [clean(name) for name in names]
    # In a heading, the same markup is one value.
    assert len(lines(f"<h2>{body}</h2>")) == 1
