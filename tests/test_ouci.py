"""OUCI work pages: the second built-in layout, its signature and its value forms."""

from __future__ import annotations

import pathlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

import paperparse
from paperparse.fields.citation import read_doi_link_line, read_journal_line
from paperparse.layouts import BUILT_IN, OUCI, PEEREF
from paperparse.model import PageRange
from paperparse.testing.noise import NOISE

from .conftest import FIXTURES, expected_record
from .test_dump_tools import TOOLS, _wrong, tool_cases

OUCI_PAGES = FIXTURES / "ouci"
PEEREF_SEED = FIXTURES / "peeref" / "jmm-2019-review.txt"

OLDER = """Coastal wetland loss along the Gulf of Mexico
https://doi.org/10.1007/s12237-019-00612-3 · Full text
Journal: Estuaries and Coasts, 2019, № 8, p. 2171-2185
Publisher: Springer Science and Business Media LLC
Authors:
1. Maria L. Ortega
2. James P. Whitfield
Funder Gulf Research Program
Abstract
Coastal wetlands attenuate storm surge. We combine land-cover records with surge models.
List of references
1. Barbier EB (2011) The value of coastal ecosystems. https://doi.org/10.1890/10-1510.1
"""


def test_ouci_is_built_in_after_peeref() -> None:
    assert BUILT_IN[:2] == (PEEREF, OUCI)
    assert OUCI.site == "ouci"
    assert paperparse.layouts.OUCI is OUCI


def test_discovery_found_the_ouci_fixtures() -> None:
    pages = sorted(OUCI_PAGES.glob("*.txt"))
    assert len(pages) >= 7
    for page in pages:
        assert page.with_suffix(".json").is_file(), page.name


@pytest.mark.parametrize(
    ("journal_line", "name", "year", "issue", "pages"),
    [
        ("Burns & Trauma, 2018", "Burns & Trauma", "2018", None, None),
        (
            "Environmental Geochemistry and Health, 2023, № 11, p. 7569-7584",
            "Environmental Geochemistry and Health",
            "2023",
            "11",
            PageRange("7569", "7584"),
        ),
        (
            "2021, Annals of Biomedical Engineering, № 10, p. 2901-2913",
            "Annals of Biomedical Engineering",
            "2021",
            "10",
            PageRange("2901", "2913"),
        ),
        ("2022, Освіта, с. 12\u201325", "Освіта", "2022", None, PageRange("12", "25")),
        # a name with a comma, in both orders; a name that starts with a year
        (
            "Journal of Physics, Conference Series, 2020, № 1, p. 12-19",
            "Journal of Physics, Conference Series",
            "2020",
            "1",
            PageRange("12", "19"),
        ),
        (
            "2020, 2020 IEEE Conference on Grids, p. 1-6",
            "2020 IEEE Conference on Grids",
            "2020",
            None,
            PageRange("1", "6"),
        ),
        ("Burns & Trauma", "Burns & Trauma", None, None, None),
        # a double issue with an en dash; an en dash in the name stays as written
        (
            "Kyiv\u2013Mohyla Review, 2019, № 1\u20132",
            "Kyiv\u2013Mohyla Review",
            "2019",
            "1-2",
            None,
        ),
    ],
)
def test_journal_line_forms(
    journal_line: str, name: str, year: str | None, issue: str | None, pages: PageRange | None
) -> None:
    read = read_journal_line(journal_line)
    assert read is not None
    assert (read.name, read.year, read.locator.issue, read.locator.pages) == (
        name,
        year,
        issue,
        pages,
    )
    assert read.locator.volume is None  # OUCI shows no volume
    assert read.problem is None


@pytest.mark.parametrize("single", ["Fibers, 2023, № 2, p. 15", "2023, Fibers, с. 12354"])
def test_a_single_page_number_is_not_guessed(single: str) -> None:
    # p. 15 may be an MDPI article number: neither pages nor article number
    read = read_journal_line(single)
    assert read is not None
    assert read.name == "Fibers"
    assert read.locator.pages is None
    assert read.locator.article_number is None
    assert read.problem is not None


@pytest.mark.parametrize(
    "bad",
    [
        "2020, Name, 2021",  # which one is the year?
        "Name, 2020, p. ???",
        "https://doi.org/10.1000/x, 2020",
        "Name № 3, 2020",
    ],
)
def test_journal_lines_that_do_not_read_are_refused(bad: str) -> None:
    assert read_journal_line(bad) is None


def test_doi_link_line_forms() -> None:
    suffixes = OUCI.doi_suffixes
    doi = "10.1186/s41038-018-0138-8"
    assert read_doi_link_line(f"https://doi.org/{doi} · Full text", suffixes) == (doi, True)
    assert read_doi_link_line(f"https://doi.org/{doi} · Повний текст", suffixes) == (doi, True)
    assert read_doi_link_line(f"https://doi.org/{doi} ·", suffixes) == (doi, True)
    assert read_doi_link_line(f"https://doi.org/{doi} · Full text -", suffixes) == (doi, True)
    assert read_doi_link_line(f"https://doi.org/{doi} -", suffixes) == (doi, False)
    assert read_doi_link_line(f"https://doi.org/{doi}", suffixes) == (doi, False)
    assert read_doi_link_line(f"https://doi.org/{doi} · Cite", suffixes) is None


def test_an_older_english_page() -> None:
    paper = paperparse.parse(OLDER)
    assert paper.source.site == "ouci"
    assert paper.source.language == "en"
    assert paper.doi == "10.1007/s12237-019-00612-3"  # the header's, not the reference's
    assert paper.journal is not None
    assert paper.journal.name == "Estuaries and Coasts"
    assert paper.funding == (
        paperparse.Funding("Gulf Research Program", (), "Gulf Research Program"),
    )
    assert [a.name for a in paper.authors] == ["Maria L. Ortega", "James P. Whitfield"]
    assert paper.warnings == ()


def test_fields_ouci_never_shows_stay_empty_without_a_warning() -> None:
    paper = paperparse.parse(OLDER)
    assert paper.rating is None
    assert paper.author_claim is None
    assert paper.actions == ()
    assert paper.summary is None
    assert paper.keywords == ()
    assert all(entry.award_ids == () for entry in paper.funding)
    assert paper.warnings == ()


def test_reference_dois_are_never_the_papers_doi() -> None:
    without_header_doi = OLDER.replace(
        "https://doi.org/10.1007/s12237-019-00612-3 · Full text\n", ""
    )
    paper = paperparse.parse(without_header_doi)
    assert paper.source.site == "ouci"  # List of references is its signature
    assert paper.doi is None
    assert paper.warnings == ()


def test_a_funder_slot_with_a_project_number_is_a_funder_not_an_award_id() -> None:
    page = OLDER.replace("Gulf Research Program", "Project 2020.02/0145 grant No. 12")
    paper = paperparse.parse(page)
    assert paper.funding == (
        paperparse.Funding(
            "Project 2020.02/0145 grant No. 12", (), "Project 2020.02/0145 grant No. 12"
        ),
    )


def test_funder_words_in_the_title_or_the_abstract_are_not_the_funding() -> None:
    page = OLDER.replace(
        "Coastal wetland loss along the Gulf of Mexico", "Funder priorities in coastal research"
    ).replace("We combine land-cover", "Funder mandates shape the data.\nWe combine land-cover")
    paper = paperparse.parse(page)
    assert paper.title == "Funder priorities in coastal research"
    assert [f.funder for f in paper.funding] == ["Gulf Research Program"]
    assert paper.abstract is not None
    assert "Funder mandates shape the data." in paper.abstract


def test_abstract_label_glued_to_the_text_is_dropped() -> None:
    page = OLDER.replace("Coastal wetlands attenuate", "AbstractCoastal wetlands attenuate")
    assert paperparse.parse(page).abstract == paperparse.parse(OLDER).abstract
    # a word that merely starts with the label is the abstract's own
    page = OLDER.replace("Coastal wetlands attenuate", "Abstracted wetlands attenuate")
    abstract = paperparse.parse(page).abstract
    assert abstract is not None
    assert abstract.startswith("Abstracted wetlands")


def test_a_page_with_none_of_the_signature_is_unrecognized() -> None:
    page = (
        OLDER.replace(" · Full text", "")
        .replace("List of references", "References")
        .replace("https://doi.org/10.1007", "DOI: 10.1007")
    )
    with pytest.raises(paperparse.UnrecognizedPage, match="known site"):
        paperparse.parse(page)


def test_a_cut_ouci_page_drops_the_value_it_ends_with() -> None:
    cut = OLDER.split("List of references")[0].rstrip()[:-20]
    paper = paperparse.parse(cut)
    assert paper.abstract is None
    assert [w.code for w in paper.warnings] == ["truncated_page"]


def test_ukrainian_labels_give_the_english_twins_record() -> None:
    ukrainian = (
        OLDER.replace("· Full text", "· Повний текст")
        .replace("Journal:", "Видання:")
        .replace("p. 2171", "с. 2171")
        .replace("Publisher:", "Видавець:")
        .replace("Authors:", "Автори:")
        .replace("Funder Gulf", "Джерело фінансування: Gulf")
        .replace("Abstract", "Анотація")
        .replace("List of references", "Список літератури")
    )
    english, paper = paperparse.parse(OLDER), paperparse.parse(ukrainian)
    assert paper.source.language == "uk"
    assert paperparse.to_dict(paper) | {"source": None} == paperparse.to_dict(english) | {
        "source": None
    }


def test_peeref_pages_are_still_read_with_the_peeref_layout() -> None:
    paper = paperparse.parse(PEEREF_SEED)
    assert paper.source.site == "peeref"
    assert paper == paperparse.parse(PEEREF_SEED, layout=PEEREF)


def test_an_ouci_html_page_with_metadata_is_read_as_ouci() -> None:
    # Peeref is tried first; its metadata-only reading must not take an OUCI page.
    html = (
        "<!DOCTYPE html><html><head>"
        '<meta name="citation_title" content="Coastal wetland loss along the Gulf of Mexico">'
        '<meta name="citation_doi" content="10.1007/s12237-019-00612-3">'
        "</head><body><h1>Coastal wetland loss along the Gulf of Mexico</h1>"
        '<p><a href="https://doi.org/10.1007/s12237-019-00612-3">'
        "https://doi.org/10.1007/s12237-019-00612-3</a> · <a href='/pdf'>Full text</a></p>"
        "<ul><li>Journal: Estuaries and Coasts, 2019, № 8, p. 2171-2185</li>"
        "<li>Publisher: Springer Science and Business Media LLC</li></ul>"
        "<h2>Abstract</h2><p>Coastal wetlands attenuate storm surge along the coast.</p>"
        "<h2>List of references</h2><ol><li>Barbier EB (2011) "
        "https://doi.org/10.1890/10-1510.1</li></ol></body></html>"
    )
    paper = paperparse.parse(html)
    assert paper.source.site == "ouci"
    assert paper.journal is not None
    assert paper.journal.name == "Estuaries and Coasts"
    assert paper.abstract == "Coastal wetlands attenuate storm surge along the coast."


def test_provenance_names_the_labelled_type_and_the_journal_line() -> None:
    page = OUCI_PAGES / "newer-en-general-information.txt"
    lines = page.read_text(encoding="utf-8").splitlines()
    paper = paperparse.parse(page, provenance=True)
    where = {p.field: (p.first_line, p.rule) for p in paper.provenance}
    assert where["article_type"][1] == "section:article_type"
    assert where["journal.pages"][1] == "locator"
    line = where["article_type"][0]
    assert line is not None
    assert lines[line - 1] == "Journal Article"
    line = where["journal.pages"][0]
    assert line is not None
    assert "p. 2901-2913" in lines[line - 1]


def test_a_block_of_labels_glued_into_one_line_never_goes_on_the_title() -> None:
    # inscriptis writes a <dl> as one line: "Publication typeJournal Article Journal2021, …"
    page = (
        "Computational modelling of aortic valve haemodynamics after transcatheter replacement\n"
        "General information\n"
        "https://doi.org/10.1007/s10439-021-02783-9 · Full text\n"
        "Publication typeJournal Article Journal2021, Annals of Biomedical Engineering, "
        "№ 10, p. 2901-2913 PublisherSpringer Science and Business Media LLC\n"
        "Abstract\nWe built models of 24 patients.\nList of references\n"
    )
    paper = paperparse.parse(page)
    assert paper.source.site == "ouci"
    # The glued line stands below the DOI line: a page states its title above its
    # details, so it is no part of the title, and it is reported.
    assert paper.title == page.split("\n", 1)[0]
    assert any("Publication typeJournal" in w.message for w in paper.warnings)


HTML_PAGES = sorted(OUCI_PAGES.glob("*.html"))
_GLUED_DL = "the tool runs a <dl> of labels and values into one line: the layout is lost"
#: (tool, page) -> why the tool's text cannot carry the page's record today.
TOOL_GAPS = {
    ("html2text", "newer-en-html"): "html2text wraps the DOI line inside its link's text",
    ("inscriptis", "newer-en-html"): _GLUED_DL,
    ("lxml-text_content", "newer-en-html"): _GLUED_DL,
}


def test_there_are_ouci_html_pages() -> None:
    assert len(HTML_PAGES) >= 2


def _tool_record(tool: str, page: pathlib.Path) -> dict[str, object] | None:
    text = TOOLS[tool][0](page.read_text(encoding="utf-8"))
    try:
        return paperparse.to_dict(paperparse.parse(text, format="text"))
    except paperparse.ParseError:
        return None  # refusing the page gives no value, so no wrong one


@pytest.mark.parametrize(("tool", "page"), tool_cases(HTML_PAGES, TOOL_GAPS))
def test_tool_text_of_an_ouci_page_parses_to_its_record(tool: str, page: pathlib.Path) -> None:
    expected = expected_record(page)
    actual = _tool_record(tool, page)
    assert actual is not None
    for key in ("source", "warnings"):
        expected.pop(key)
        actual.pop(key)
    assert actual == expected


@pytest.mark.parametrize(("tool", "page"), tool_cases(HTML_PAGES, {}))
def test_tool_text_of_an_ouci_page_never_gives_a_wrong_value(tool: str, page: pathlib.Path) -> None:
    expected = expected_record(page)
    actual = _tool_record(tool, page)
    if actual is None:
        return
    wrong = [
        w
        for key in expected
        if key not in ("source", "warnings")
        for w in _wrong(expected[key], actual[key], key)
    ]
    assert not wrong, "\n".join(wrong)


def test_the_document_title_repeated_above_the_heading_is_the_title_once() -> None:
    # bs4 get_text() and lxml text_content() write <title> and then the <h1>
    title = OLDER.splitlines()[0]
    paper = paperparse.parse(f"{title}\n{OLDER}")
    assert paper.title == title
    assert paper == paperparse.parse(OLDER)


_WORD = st.text(
    alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ&'-абвгдєжзїйґ"),
    min_size=1,
    max_size=12,
).filter(lambda w: any(c.isalpha() for c in w))
_NAME = st.lists(_WORD, min_size=1, max_size=6).map(" ".join)
_PAGE_NUMBER = st.integers(1, 99999).map(str)


@given(
    name=st.lists(_NAME, min_size=1, max_size=2).map(", ".join),
    year=st.integers(1900, 2099).map(str),
    issue=st.one_of(st.none(), st.integers(1, 60).map(str)),
    pages=st.one_of(st.none(), st.tuples(_PAGE_NUMBER, _PAGE_NUMBER)),
    year_first=st.booleans(),
    pages_word=st.sampled_from(["p.", "с."]),
)
def test_journal_line_round_trip(
    name: str,
    year: str,
    issue: str | None,
    pages: tuple[str, str] | None,
    year_first: bool,
    pages_word: str,
) -> None:
    parts = [year, name] if year_first else [name, year]
    if issue is not None:
        parts.append(f"№ {issue}")
    if pages is not None:
        parts.append(f"{pages_word} {pages[0]}-{pages[1]}")
    read = read_journal_line(", ".join(parts))
    assert read is not None
    assert (read.name, read.year, read.locator.issue) == (name, year, issue)
    assert read.locator.pages == (None if pages is None else PageRange(*pages))
    assert read.problem is None


# --- generated pages: every layout, language and dump variant reads the same -------------

_TITLES = [
    "Burn wound healing and treatment: review and advancements",
    "Heavy metals in urban soils of Kyiv and the health risk of children",
    "Цифрові бібліотеки в освітньому просторі України",
    "Funder mandates and open data in coastal research",
]
_JOURNALS = [
    "Burns & Trauma",
    "Journal of Physics, Conference Series",
    "Вісник Київського університету",
    "2020 IEEE Conference on Smart Grids",
]
_PUBLISHERS = ["Oxford University Press (OUP)", "Elsevier BV", "MDPI AG"]
_PEOPLE = [
    "Olena V. Kravchenko",
    "Hao Zhang",
    "Ana Paula de Souza",
    "Андрій Коваленко",
    "Maria L. Ortega",
]
_FUNDERS = [
    "National Research Foundation of Ukraine",
    "Міністерство освіти і науки України",
    'Project 2020.02/0145 "Soil monitoring in urban areas"',
    "European Research Council",
]
_SENTENCES = [
    "Soil contamination was mapped in 120 playgrounds.",
    "Hazard quotients exceeded 1 at 14 sites, see https://doi.org/10.1000/xyz123 for data.",
    "Ми опитали 1 245 студентів навесні 2020 року.",
]
_REFERENCES = [
    "Barbier EB (2011) The value of coastal ecosystems. https://doi.org/10.1890/10-1510.1",
    "Kabata-Pendias A (2011) Trace elements in soils. https://doi.org/10.1201/b10158",
    "Cao W (2020) The psychological impact. Psychiatry Res 287:112934. "
    "https://doi.org/10.1016/j.psychres.2020.112934",
]
_WORDS = {
    "en": {
        "journal": "Journal",
        "publisher": "Publisher",
        "authors": "Authors",
        "author": "Author",
        "funder": "Funder {}",
        "funders": "Funders",
        "abstract": "Abstract",
        "references": "List of references",
        "pages": "p.",
        "full": "Full text",
        "general": "General information",
        "type": "Publication type",
        "article": "Journal Article",
        "details": "Details",
        "counts": ["Number of citations", "3", "Indexed in Scopus", "Yes"],
    },
    "uk": {
        "journal": "Видання",
        "publisher": "Видавець",
        "authors": "Автори",
        "author": "Автор",
        "funder": "Джерело фінансування: {}",
        "funders": "Джерела фінансування",
        "abstract": "Анотація",
        "references": "Список літератури",
        "pages": "с.",
        "full": "Повний текст",
        "general": "Основна інформація",
        "type": "Тип публікації",
        "article": "Журнальна стаття",
        "details": "Детальна інформація",
        "counts": ["Кількість цитувань", "3", "Індексується в Scopus", "Так"],
    },
}


def _add_list(lines: list[str], items: list[str], style: str) -> None:
    """Add a list as a dump writes it: numbered, ``- `` bullets, or each item's bullet
    glued to the end of the line before it (``Authors: -``, ``A -``, ``B``)."""
    if style == "numbered":
        lines += [f"{i}. {item}" for i, item in enumerate(items, 1)]
    elif style == "dash":
        lines += [f"- {item}" for item in items]
    else:
        lines[-1] += " -"
        lines += [f"{item} -" for item in items[:-1]] + items[-1:]


@st.composite
def _ouci_pages(draw: st.DrawFn) -> tuple[str, dict[str, object]]:
    lang = draw(st.sampled_from(["en", "uk"]))
    words = _WORDS[lang]
    newer = draw(st.booleans())
    style = draw(st.sampled_from(["numbered", "dash", "glued"]))
    title = draw(st.sampled_from(_TITLES))
    doi = draw(st.sampled_from([None, "10.1186/s41038-018-0138-8", "10.3390/fib11020015"]))
    journal = draw(st.sampled_from(_JOURNALS))
    year = str(draw(st.integers(1990, 2025)))
    issue = draw(st.one_of(st.none(), st.integers(1, 12).map(str)))
    first = draw(st.integers(1, 5000))
    pages = draw(st.one_of(st.none(), st.just((str(first), str(first + 14)))))
    publisher = draw(st.sampled_from(_PUBLISHERS))
    authors = draw(st.lists(st.sampled_from(_PEOPLE), min_size=1, max_size=4, unique=True))
    funders = draw(st.lists(st.sampled_from(_FUNDERS), max_size=3, unique=True))
    abstract = draw(st.lists(st.sampled_from(_SENTENCES), min_size=1, max_size=3, unique=True))
    glued_label = draw(st.booleans())
    references = draw(st.lists(st.sampled_from(_REFERENCES), min_size=1, max_size=3, unique=True))

    parts = [journal, year] if not newer else [year, journal]
    parts += [f"№ {issue}"] if issue else []
    parts += [f"{words['pages']} {pages[0]}-{pages[1]}"] if pages else []
    journal_line = ", ".join(parts)
    lines = [title]
    if doi is not None:
        suffix = draw(st.sampled_from([f" · {words['full']}", " ·"]))
        lines.append(f"https://doi.org/{doi}{suffix}")
    author_label = words["authors"] if len(authors) > 1 else words["author"]
    if newer:
        lines += [words["general"], words["type"], words["article"]]
        lines += [words["journal"], journal_line, words["publisher"], publisher]
        lines += [author_label, ", ".join(authors), words["details"], *words["counts"]]
    else:
        lines += [f"{words['journal']}: {journal_line}", f"{words['publisher']}: {publisher}"]
        lines.append(f"{author_label}:")
        _add_list(lines, authors, style)
    if len(funders) == 1 and not newer:
        lines.append(words["funder"].format(funders[0]))
    elif funders:
        lines.append(words["funders"])
        _add_list(lines, funders, style)
    text = " ".join(abstract)
    lines += [words["abstract"], (words["abstract"] + text) if glued_label else text]
    lines.append(words["references"])
    _add_list(lines, references, style)
    separator = "\n\n" if draw(st.booleans()) else "\n"
    expected = {
        "title": title,
        "article_type": words["article"] if newer else None,
        "journal": {
            "name": journal,
            "volume": None,
            "issue": issue,
            "pages": None if pages is None else {"first": pages[0], "last": pages[1]},
            "article_number": None,
        },
        "publisher": publisher,
        "doi": doi,
        "funding": [{"funder": f, "award_ids": [], "text": f} for f in funders],
        "abstract": text,
        "authors": [{"name": a} for a in authors],
        "source": {"site": "ouci", "format": "text", "language": lang},
        "warnings": [],
    }
    return separator.join(lines) + "\n", expected


@given(_ouci_pages())
def test_generated_ouci_pages_read_as_written(case: tuple[str, dict[str, object]]) -> None:
    page, expected = case
    record = paperparse.to_dict(paperparse.parse(page))
    assert {key: record[key] for key in expected} == expected, page


@given(_ouci_pages(), st.sampled_from(sorted(NOISE)))
def test_layout_noise_never_changes_a_generated_ouci_record(
    case: tuple[str, dict[str, object]], kind: str
) -> None:
    page, expected = case
    record = paperparse.to_dict(paperparse.parse(NOISE[kind](page)))
    assert {key: record[key] for key in expected if key != "warnings"} == {
        key: value for key, value in expected.items() if key != "warnings"
    }


def test_a_page_cut_inside_the_journal_line_drops_its_issue_and_pages_too() -> None:
    page = OUCI_PAGES / "newer-en-general-information.txt"
    text = page.read_text(encoding="utf-8")
    cut = text[: text.index("p. 2901-2913") + len("p. 2901-29")]
    paper = paperparse.parse(cut)
    assert paper.journal is None
    assert paper.article_type == "Journal Article"
    assert [w.code for w in paper.warnings] == ["truncated_page"]
