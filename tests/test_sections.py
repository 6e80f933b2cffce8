"""Section rules that keep a value from being wrong on dumps the fixtures do not cover."""

from __future__ import annotations

import pytest

import paperparse

from .conftest import FIXTURES

SEED = (FIXTURES / "peeref" / "jmm-2019-review.txt").read_text(encoding="utf-8")


def test_award_ids_cut_before_a_bracket_leave_the_list_empty() -> None:
    # w3m breaks "CX(22)3032" before "(": the page may or may not have had a space.
    page = SEED.replace(
        "  4. Independent Fund",
        "  4. Fund Project in Jiangsu Province of China [CX (19)3010, CX\n     (22)3032]\n"
        "  5. Independent Fund",
    )
    paper = paperparse.parse(page)
    assert paper.funding == ()
    assert "unreadable_value" in [w.code for w in paper.warnings]


def test_the_claim_prompt_is_never_part_of_the_abstract() -> None:
    page = SEED.replace("\nAuthors\n", "\nAuthors Qian Wu\n")  # a label lost in a table row
    paper = paperparse.parse(page)
    assert paper.abstract == paperparse.parse(SEED).abstract
    assert paper.author_claim == paperparse.parse(SEED).author_claim


def test_a_name_with_a_locator_glued_is_refused() -> None:
    page = SEED.replace(
        "JOURNAL OF MOLECULAR MEDICINE-JMM\nVolume 97, Issue 8, Pages 1065-1084",
        "JOURNAL OF MOLECULAR MEDICINE-JMMVolume 97, Issue 8, Pages 1065-1084",
    )
    paper = paperparse.parse(page)
    assert paper.journal is None or paper.journal.name is None
    assert "unreadable_value" in [w.code for w in paper.warnings]


def test_a_menu_above_the_header_opens_no_section() -> None:
    page = "Peeref\nPapers\nJournals\nFunding\nWebinars\n" + SEED
    assert paperparse.parse(page).funding == paperparse.parse(SEED).funding


def test_emphasis_marks_around_the_header_are_no_part_of_it() -> None:
    # html2text writes an empty <i> (an icon) before the score as "__".
    paper = paperparse.parse(SEED.replace("4.7 Review", "__4.7 Review", 1))
    assert (paper.article_type, paper.title) == ("Review", paperparse.parse(SEED).title)


MARKDOWN = "[Home](/) · [Papers](/papers)\n"  # a Markdown signature: a link written as a URL


def test_markdown_emphasis_is_no_part_of_a_keyword() -> None:
    # html2text writes <em>Exosomes</em> as _Exosomes_; a page without a Markdown
    # signature keeps underscores as they are (see test_markup).
    keywords = "Keywords\n\nAcute liver failure; Mesenchymal stromal cell; Hepatocyte-like cell; "
    keywords += "Conditioned medium; Exosomes"
    assert keywords in SEED
    emphasised = keywords.replace("Acute liver failure", "_Acute liver failure_")
    emphasised = emphasised.replace("Exosomes", "_Exosomes_")
    paper = paperparse.parse(MARKDOWN + SEED.replace(keywords, emphasised))
    assert paper.keywords == paperparse.parse(SEED).keywords


def test_emphasis_wrapped_over_two_lines_leaves_the_keywords_empty() -> None:
    keywords = "Conditioned medium; Exosomes"
    paper = paperparse.parse(MARKDOWN + SEED.replace(keywords, "_Conditioned\nmedium_; Exosomes"))
    assert paper.keywords == ()
    assert "unreadable_value" in [w.code for w in paper.warnings]


def test_a_separator_wrapped_to_a_line_start_still_separates() -> None:
    keywords = "Acute liver failure; Mesenchymal stromal cell; Hepatocyte-like cell; "
    keywords += "Conditioned medium; Exosomes"
    dotted = keywords.replace("; ", " · ").replace(" · Conditioned", "\n· Conditioned")
    paper = paperparse.parse(SEED.replace(keywords, dotted))
    assert paper.keywords == paperparse.parse(SEED).keywords


def test_a_title_that_holds_the_blocks_below_it_is_refused() -> None:
    # inscriptis glues a card's blocks into one line under the title.
    title = paperparse.parse(SEED).title
    assert title is not None
    glued = f"{title}\nJournal JOURNAL OF MOLECULAR MEDICINE-JMM DOI: 10.1007/s00109-019-01804-x"
    paper = paperparse.parse(SEED.replace(title, glued, 1))
    assert paper.title is None
    # refused as one title (a DOI statement) or as two lines (no tool wrapped the page)
    assert {"unreadable_value", "ambiguous_title"} & {w.code for w in paper.warnings}


def test_a_title_line_that_starts_with_a_glued_label_is_refused() -> None:
    # inscriptis runs a <dt> into its <dd>; with a lone score between the title and
    # that line, the line after the score is where the title is looked for.
    page = (
        "Home\nReview Article\nA study of things\n3.2\nJournalMediators of Inflammation\n"
        "Volume 2013, Article Number 678627\nDOI10.1155/2013/678627\n"
        "Cite Share Ask authors/readers for more resources\nRecommended\nNo Data Available\n"
    )
    paper = paperparse.parse(page)
    assert paper.title is None
    assert any("section label run into a value" in w.message for w in paper.warnings)


def test_a_funding_entry_of_page_chrome_leaves_the_list_empty() -> None:
    # A footer's noscript notice under a second "Funding:" label, after a sidebar.
    page = SEED + "\nRelated papers\nA paper\n\nFunding: enable JavaScript\n"
    paper = paperparse.parse(page)
    assert all("JavaScript" not in f.text for f in paper.funding)


def test_a_wrapped_item_of_a_numbered_recommended_list_is_one_title() -> None:
    # A tool that wraps at 80 columns (w3m, lynx) cuts a long title, indents the rest.
    import textwrap

    page = (FIXTURES / "peeref" / "recommended-present.txt").read_text(encoding="utf-8")
    original = paperparse.parse(page)
    wrapped = "\n".join(
        "\n".join(textwrap.wrap(line, 80, subsequent_indent="   ")) if len(line) > 80 else line
        for line in page.split("\n")
    )
    assert "entorhinal\n   cortex" in wrapped
    paper = paperparse.parse(wrapped)
    assert paper.recommended == original.recommended


def test_text_cut_at_inline_elements_leaves_abstract_and_keywords_empty() -> None:
    # BeautifulSoup's get_text("\n") puts N<sup>6</sup>-methyl... on three lines.
    abstract = paperparse.parse(SEED).abstract
    assert abstract is not None
    cut = abstract.replace("After the death", "After N\n6\n-methyladenosine death", 1)
    keywords = "Acute liver failure; Mesenchymal"
    page = SEED.replace(abstract, cut).replace(keywords, "Acute\nN\n6\n-liver failure; Mesenchymal")
    paper = paperparse.parse(page)
    assert (paper.abstract, paper.keywords) == (None, ())
    assert [w.code for w in paper.warnings].count("unreadable_value") == 2


def test_a_menu_word_in_a_separated_keyword_list_is_a_keyword() -> None:
    # "Privacy" and "Search" are menu words on a line of their own; between the
    # separators of a keyword list they are keywords (dropping them would give a
    # partial list). A button at the list's end is still no keyword.
    keywords = "Acute liver failure; Mesenchymal stromal cell; Hepatocyte-like cell"
    page = SEED.replace(keywords, "Acute liver failure; Privacy; Search; Hepatocyte-like cell")
    assert paperparse.parse(page).keywords[:4] == (
        "Acute liver failure",
        "Privacy",
        "Search",
        "Hepatocyte-like cell",
    )
    shown = paperparse.parse(SEED.replace("; Exosomes", "; Exosomes; Show more"))
    assert shown.keywords == paperparse.parse(SEED).keywords


def _with_funding(lines: str) -> str:
    start, end = SEED.index("\nFunding\n"), SEED.index("\nAsk authors")
    return SEED[:start] + "\nFunding\n\n" + lines + "\n" + SEED[end:]


def test_a_funding_list_with_blank_lines_between_some_lines_is_left_empty() -> None:
    # get_text("\n") keeps the source's line break inside an item and puts blank
    # lines between items: "... of the National" / "Natural Science Foundation ...".
    mixed = (
        "NSFC [81700553]\n\nScience Fund for Creative Research Groups of the National\n"
        "Natural Science Foundation of China [81121002]\n\nNIH [R01 GM1]\n"
    )
    paper = paperparse.parse(_with_funding(mixed))
    assert paper.funding == ()
    assert "unreadable_value" in [w.code for w in paper.warnings]


def test_a_funding_list_spaced_alike_is_read() -> None:
    for sep in ("\n", "\n\n"):
        entries = sep.join(["NSFC [81700553]", "China Postdoctoral Science Foundation", "NIH"])
        paper = paperparse.parse(_with_funding(entries))
        assert [f.funder for f in paper.funding] == [
            "NSFC",
            "China Postdoctoral Science Foundation",
            "NIH",
        ]


def test_a_references_list_without_the_papers_header_is_no_page() -> None:
    page = (FIXTURES / "peeref" / "references-subpage.txt").read_text(encoding="utf-8")
    assert paperparse.parse(page).title is not None
    with pytest.raises(paperparse.UnrecognizedPage):
        paperparse.parse(page.replace("4.2 Article\n", "", 1))


_KEYWORDS_LINE = (
    "Acute liver failure; Mesenchymal stromal cell; Hepatocyte-like cell; "
    "Conditioned medium; Exosomes"
)


@pytest.mark.parametrize("label", ["Ratings", "Reviews", "Funding", "Publisher", "Recommended"])
def test_a_label_word_inside_a_one_per_line_keyword_list_leaves_both_fields_empty(
    label: str,
) -> None:
    # One keyword per line, one of them a label's word that the page shows again as a
    # heading further on: whether the list ends there cannot be told.
    page = SEED.replace(_KEYWORDS_LINE, f"Acute liver failure\n{label}\nExosomes\nHepatocyte")
    assert page != SEED
    paper = paperparse.parse(page)
    seed = paperparse.parse(SEED)
    assert paper.keywords == ()
    assert paper.funding in ((), seed.funding)
    assert paper.publisher in (None, seed.publisher)
    assert paper.recommended in ((), seed.recommended)
    assert paper.rating == seed.rating
    assert any(
        w.code == "unreadable_value" and "one item per line" in w.message for w in paper.warnings
    )


def test_keywords_one_per_line_before_a_label_shown_once_are_read() -> None:
    page = SEED.replace(_KEYWORDS_LINE, "Acute liver failure\nExosomes\nHepatocyte")
    assert paperparse.parse(page).keywords == ("Acute liver failure", "Exosomes", "Hepatocyte")


def test_an_unmarked_line_in_a_bulleted_recommended_list_leaves_it_empty() -> None:
    # The second line may be the rest of a title the tool wrapped (no wrap width is known
    # here) or text after the list: two titles, or one, would be a guess.
    page = SEED.replace(
        "No Data Available\nNo Data Available",
        "   * Coordinated replay of spatial trajectories across hippocampus and\n"
        "     entorhinal cortex during sleep",
    )
    assert page != SEED
    paper = paperparse.parse(page)
    assert paper.recommended == ()
    assert any(
        w.code == "unreadable_value" and "'entorhinal cortex during sleep'" in w.message
        for w in paper.warnings
    )


def test_a_bulleted_recommended_list_of_one_line_titles_is_read() -> None:
    page = SEED.replace(
        "No Data Available\nNo Data Available",
        "   * Coordinated replay of trajectories\n   * Sleep and memory consolidation",
    )
    assert paperparse.parse(page).recommended == (
        "Coordinated replay of trajectories",
        "Sleep and memory consolidation",
    )


def test_an_abstract_that_holds_the_claim_prompt_is_refused() -> None:
    # An unknown heading ("Contributors") and the claim prompt as one paragraph, after
    # the button the abstract follows: they are no abstract.
    page = (
        "4.7 Review\nA title of a paper\nAsk authors/readers for more resources\n"
        "Contributors\nI am an author on this paper. Click your name to claim this paper "
        "and add it to your profile.\nRecommended\nNo Data Available\n"
    )
    paper = paperparse.parse(page)
    assert paper.abstract is None
    assert any("author-claim prompt" in w.message for w in paper.warnings)


def test_secondary_ratings_with_list_markers() -> None:
    # w3m and inscriptis write a bullet before each item of a list of ratings.
    page = (
        "4.7 Review\nA title of a paper\nSecondary Ratings\n  \u2022 Novelty 3.7\n"
        "  * Significance 1.4\nRate this paper\nRecommended\nNo Data Available\n"
    )
    paper = paperparse.parse(page)
    assert paper.rating is not None
    assert [(s.name, s.score) for s in paper.rating.secondary] == [
        ("Novelty", 3.7),
        ("Significance", 1.4),
    ]


def test_a_doi_with_a_sub_registrant_is_no_title() -> None:
    # "10.1508.5/": a prefix with a sub-registrant is a DOI all the same.
    from paperparse.readers.title import title_problem

    text = "DOI: 10.1508.5/(SICI)8273-4636(884281)91:1<600::AID-JBM1>3.0.CO;2-R"
    assert title_problem(text) is not None


@pytest.mark.parametrize(
    "line",
    [
        "Early Access \u00b7 \u2605 2.77",  # a type and score badge, no title on the page
        "\u25b8 Journal| JOURNAL OF IMMUNOLOGY",  # html2text's row of a label and its value
    ],
)
def test_a_badge_or_a_table_row_is_no_title(line: str) -> None:
    page = f"{line}\nAbstract\nWe tracked forty coral reefs over ten years.\nRate this paper\n"
    paper = paperparse.parse(page + "Recommended\nNo Data Available\n")
    assert paper.title is None


def test_an_html_list_ends_its_section() -> None:
    # A paragraph after the <ol> of a funding cell is no funder (here: the abstract).
    page = (
        '<h1>A title</h1><div class="meta-row"><div class="meta-label">Funding</div>'
        '<div class="meta-value"><ol><li>National Natural Science Foundation of China</li>'
        "</ol></div></div><p>We tracked forty coral reefs over ten years.</p>"
        "<h3>Reviews</h3><button>Rate this paper</button>"
    )
    paper = paperparse.parse(page)
    assert [f.funder for f in paper.funding] == ["National Natural Science Foundation of China"]


def test_a_line_below_the_doi_line_is_no_title() -> None:
    # A page with no heading: an unknown "Topics: 3D" under the DOI line is no title.
    page = (
        '<p><span class="badge">Addition</span></p>\n<p><strong>DOI:</strong> '
        '<a href="https://doi.org/10.1000/j.x.2020.1">10.1000/j.x.2020.1</a></p>\n'
        "<p><strong>Topics:</strong> 3D</p>\n<section><button>Rate this paper</button></section>"
    )
    paper = paperparse.parse(page)
    assert paper.title is None
    assert any("below the DOI line" in w.message for w in paper.warnings)


def test_the_claim_prompt_as_one_paragraph() -> None:
    page = (
        "<h1>A title</h1>\n<h3>Authors</h3>\n<p>I am an author on this paper. Click your name "
        "to claim this paper and add it to your profile.</p>\n<h3>Recommended</h3>\n"
        "<p>No Data Available</p>\n"
    )
    claim = paperparse.parse(page).author_claim
    assert claim is not None
    assert claim.prompt == "I am an author on this paper"
    assert claim.action is not None


def test_a_line_that_names_the_journal_is_no_title() -> None:
    # A page with no heading: the "Published in JOURNAL" line above the details.
    page = (
        '<div class="subtitle">Published in <a href="/j/1">JOURNAL OF MOLECULAR MEDICINE-JMM'
        "</a></div>\n<dl><dt>Journal</dt><dd>JOURNAL OF MOLECULAR MEDICINE-JMM</dd></dl>\n"
        '<div><button class="ask">Ask authors/readers for more resources</button></div>\n'
    )
    paper = paperparse.parse(page)
    assert paper.title is None
    assert any("holds the journal's name" in w.message for w in paper.warnings)


def test_a_page_read_from_its_metadata_alone_says_so() -> None:
    page = (
        '<html><head><meta name="citation_title" content="A title">'
        '<meta name="citation_doi" content="10.1000/xyz"></head>'
        "<body><p>Review</p><h1>A title</h1><dl><dt>Journal</dt><dd>NATURE</dd></dl></body></html>"
    )
    paper = paperparse.parse(page)
    assert paper.doi == "10.1000/xyz"
    assert [w.code for w in paper.warnings] == ["metadata_only"]


@pytest.mark.parametrize(
    "line",
    [
        "[Peeref]",  # pandoc's text of the logo, on a page that shows no title
        "[Peeref](/) Home Papers Journals",  # html2text's menu
        "Publisher SPRINGER HEIDELBERG",  # inscriptis: a label and its value on one line
    ],
)
def test_the_site_or_a_label_is_no_title(line: str) -> None:
    page = f"{line}\nKeywords\n3D\nRate this paper\nRecommended\nNo Data Available\n"
    assert paperparse.parse(page).title is None


def test_a_funding_entry_of_only_a_number_empties_the_list() -> None:
    # lynx sets a <dd> award id apart from its <dt> funder, on a line of its own.
    page = (
        "4.7 Review\nA title of a paper\nFunding\n"
        "   National Natural Science Foundation of China\n          10000000\n"
        "Rate this paper\nRecommended\nNo Data Available\n"
    )
    paper = paperparse.parse(page)
    assert paper.funding == ()
    assert any("only a number" in w.message for w in paper.warnings)


def test_a_button_with_footer_links_on_its_line() -> None:
    # w3m writes the rating block's button and the footer's links on one line.
    page = (
        "4.7 Review\nA title of a paper\nKeywords\n3D\n"
        "Rate this paper About us Privacy Policy\nRecommended\nNo Data Available\n"
    )
    assert "Rate this paper" in paperparse.parse(page).actions


def test_a_ratings_table_heading_row_in_text_is_no_rating() -> None:
    page = (
        "4.7 Review\nA title of a paper\nSecondary Ratings\nCriterion Score\nNovelty 3.7\n"
        "Rate this paper\nRecommended\nNo Data Available\n"
    )
    paper = paperparse.parse(page)
    assert paper.rating is not None
    assert [s.name for s in paper.rating.secondary] == ["Novelty"]


def test_a_label_and_its_locator_is_no_title() -> None:
    page = "Journal Pages 1\nKeywords\n3D\nRate this paper\nRecommended\nNo Data Available\n"
    assert paperparse.parse(page).title is None
