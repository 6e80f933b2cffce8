"""The HTML path: blocks, chrome, invisible elements, metadata, widgets, encodings."""

from __future__ import annotations

import json
import time
from pathlib import Path

import attrs
import pytest

import paperparse
from paperparse.html import parse_html

from .conftest import FIXTURES

SEED = paperparse.parse(FIXTURES / "peeref" / "jmm-2019-review.txt")


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
    assert lines(html) == ["The title", "Body"]


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


def test_visible_text_wins_over_metadata_with_a_warning() -> None:
    head = '\n<meta name="citation_doi" content="10.1038/other">\n'
    paper = paperparse.parse(_page(VISIBLE.format(rating=""), head))
    assert paper.doi == "10.1038/abc"
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
        "source": {"site": "peeref", "format": "html"},
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
