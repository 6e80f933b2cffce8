"""Parsing time grows linearly with the input, on inputs built to make parsers slow.

Timing is measured as CPU time of this process (``time.process_time``), not wall time,
and each input is compared with itself at a 16x larger size: a linear algorithm takes
about 16x as long, a quadratic one 256x. The bound, 40x, sits far from both, so that
neither a busy machine (which slows both sizes alike and barely touches CPU time) nor
timer noise on a small input (a floor applies) can make the test fail, while a
quadratic pattern cannot pass. Each input either parses or raises ParseError.

Two kinds of cases:

* ``CASES``: whole pages through :func:`paperparse.parse`.
* ``FAMILIES``: one family of page-text patterns each (the dump-tool marks, the locator,
  scores and counts, DOIs, dashes, funding and lists), called directly with the
  input that would make a backtracking or restarting pattern slow: runs of blanks,
  separators, brackets, ``|``, ``---``, a long token that nearly matches.
"""

from __future__ import annotations

import contextlib
import gc
import time
from collections.abc import Callable

import pytest

import paperparse
from paperparse import normalize
from paperparse.api import looks_like_html
from paperparse.encoding import declared_charset
from paperparse.fields import authors, citation, doi, funding, journal, lists, ncbi, rating
from paperparse.layouts import PEEREF
from paperparse.outline import markup
from paperparse.outline import text as outline_text


def _text_lines(text: str) -> object:
    return outline_text.lines(text, PEEREF.labels)


#: A 16x larger input may take at most this many times as long (linear: 16, quadratic: 256).
MAX_RATIO = 40.0
#: The size ratio between the two inputs of a case.
SIZE_RATIO = 16
#: No single parse may take more than this many CPU seconds, however slow the machine.
CEILING = 30.0
#: Below this many CPU seconds, timer and scheduler noise dominate: the small input's
#: time is taken as at least this (the ceiling still applies to the large one).
FLOOR = 0.005

KB = 1024
MB = 1024 * KB

#: name -> (page builder taking a size, size of the large input). The small input is a
#: sixteenth of it.
CASES: dict[str, tuple[Callable[[int], str], int]] = {
    "one line without newline": (lambda n: "Journal " + "a" * n, 4 * MB),
    "Volume Volume Volume lines": (lambda n: "\n".join(["Volume Volume Volume"] * n), 160_000),
    "run of digits": (lambda n: "Journal\nVolume " + "1" * n, 4 * MB),
    "run of dots in keywords": (lambda n: "Journal\nX\nKeywords\n" + "." * n, MB),
    "run of dashes in ratings": (lambda n: "Reviews\nSecondary Ratings\n" + "-" * n, 4 * MB),
    "open brackets in funding": (lambda n: "Journal\nX\nFunding\n1. NSF " + "[" * n, 4 * MB),
    "nested parentheses in funding": (
        lambda n: "Journal\nX\nFunding\n1. NSF " + "(" * n + "1" + ")" * n,
        2 * MB,
    ),
    "DOI prefixes": (lambda n: "DOI: 10." * n, 512 * KB),
    "DOI lines": (lambda n: "Journal\nX\n" + "\n".join(["DOI: 10.1000/x"] * n), 64 * KB),
    "repeated section labels": (lambda n: "\n".join(["Keywords"] * n), 64 * KB),
    "repeated grant words": (lambda n: "Journal\nX\nFunding\n1. NSF " + "grant " * n, 512 * KB),
    "locator parts": (lambda n: "Journal\n" + "Volume 1, " * n, 160_000),
    "author commas": (lambda n: "Journal\nX\nAuthors\n" + "Ann Lee, " * n, 160_000),
    "blanks after a pipe": (lambda n: "Journal\nX\na|" + " " * n + "b", MB),
    "blanks before a table rule": (lambda n: "Journal\nX\n" + " " * n + "x\n---", MB),
    "a long locator token": (lambda n: "Journal\nX\nVolume " + "1" * n + " x y z", MB),
    "Markdown link openings": (lambda n: "Journal\nX\n" + "[a](/" * (n // 5), MB),
    "pipes and rules": (lambda n: "Journal\nX\n" + "|---" * (n // 4), MB),
    "nested divs": (
        lambda n: "<html><body>" + "<div>" * n + "Journal" + "</div>" * n + "</body></html>",
        32_000,
    ),
    "one long attribute": (
        lambda n: f'<html><body><div class="{"a" * n}">Journal</div></body></html>',
        4 * MB,
    ),
    "unclosed tags": (lambda n: "<html><body>" + "<p><b><i>" * n, 64 * KB),
    "JSON-LD nesting": (
        lambda n: (
            '<html><head><script type="application/ld+json">'
            + '{"a":[' * n
            + "1"
            + "]}" * n
            + "</script></head><body><p>Journal</p></body></html>"
        ),
        64 * KB,
    ),
}


def _blanks(n: int) -> str:
    return " " * n


#: Pattern family -> (function, input builder taking a size in characters). Sizes: 64 KB
#: and 1 MB. Each input is the one that made the family's old patterns slow, or the
#: nearest a pattern of the family could be made slow by.
FAMILIES: dict[str, tuple[Callable[[str], object], Callable[[int], str]]] = {
    # markup: the dump-tool marks (strip_markup runs on every text page)
    "markup: blanks around a pipe": (markup.strip_markup, lambda n: "a|" + _blanks(n) + "b"),
    "markup: blanks before a rule": (markup.strip_markup, lambda n: _blanks(n) + "x\n---"),
    "markup: blanks and pipes": (markup.strip_markup, lambda n: "| " * (n // 2) + "x"),
    "markup: rule pieces": (markup.strip_markup, lambda n: "-|-" * (n // 3) + "x\n---"),
    "markup: grid border pieces": (markup.strip_markup, lambda n: "+--" * (n // 3) + "x"),
    "markup: a grid row of pipes": (markup.strip_markup, lambda n: "+---+\n" + "|" * n + "\n+---+"),
    "markup: grid rows": (markup.strip_markup, lambda n: "+---+\n| a |\n" * (n // 12) + "+---+"),
    "markup: open brackets": (markup.strip_markup, lambda n: "[" * n + "](/x)"),
    "markup: link openings": (markup.strip_markup, lambda n: "[a](/" * (n // 5)),
    "markup: a long link target": (markup.strip_markup, lambda n: "[a](/" + "b" * n),
    "markup: link target parentheses": (markup.strip_markup, lambda n: "[a](/" + "(b" * (n // 2)),
    "markup: bold marks": (markup.strip_markup, lambda n: "**x" * (n // 3) + "\n# h"),
    # Centred tables: one block of label rows with a line above and below each.
    "tables: centred rows": (
        _text_lines,
        lambda n: "\n" + "         x\nFunding  y\n         z\n" * (n // 36),
    ),
    "tables: rows of blanks": (
        _text_lines,
        lambda n: "\nFunding  y\n" + (" " * 9 + "x\n") * (n // 11),
    ),
    # OUCI's journal line (fields/citation.py): many parts, and a long last part.
    "citation: journal line parts": (
        citation.read_journal_line,
        lambda n: "Name" + ", 2018" * (n // 6),
    ),
    "citation: a long pages part": (
        citation.read_journal_line,
        lambda n: "Name, 2018, p. " + "1" * n,
    ),
    # pandoc tables: one long table whose list cell has breaks the tool may have made.
    "tables: a narrow cell": (
        _text_lines,
        lambda n: (
            "  ----- -----\n  Funding  ab cd\n" + "         ab cd\n" * (n // 15) + "  ----- -----\n"
        ),
    ),
    "tables: many rules": (_text_lines, lambda n: "  --- ---\n  Funding x\n" * (n // 20)),
    # Emphasis: underscores at word starts that never close, and a long unclosed run.
    "markup: emphasis openings": (
        markup.strip_markup,
        lambda n: "[a](/b)\n" + " _x" * (n // 3),
    ),
    "markup: an unclosed emphasis": (
        markup.strip_markup,
        lambda n: "[a](/b)\n_" + "x " * (n // 2),
    ),
    "markup: heading marks": (markup.strip_markup, lambda n: "# x\n" + "#" * n + " x"),
    "markup: backslashes": (markup.strip_markup, lambda n: "# x\n" + "\\" * n),
    "markup: lynx numbers": (markup.strip_markup, lambda n: "[12]x " * (n // 6)),
    "markup: lynx tokens and blanks": (
        markup.strip_markup,
        lambda n: "(BUTTON)" + _blanks(n) + "[IMG]" + _blanks(n),
    ),
    "markup: carets": (markup.strip_markup, lambda n: "a^" * (n // 2)),
    # the locator: Volume 97, Issue 8, Pages 1065-1084
    "locator: a long near-match token": (
        journal.parse_locator,
        lambda n: "Volume " + "1" * n + " x y z",
    ),
    "locator: blanks after a key": (journal.parse_locator, lambda n: "Volume" + _blanks(n) + ","),
    "locator: blanks around separators": (
        journal.parse_locator,
        lambda n: "Volume 1" + _blanks(n) + "x",
    ),
    "locator: pages": (journal.parse_pages, lambda n: "e" + "1" * n + "-"),
    "locator: spaced keys": (journal.parse_locator, lambda n: "Volume 9" + " Issue" * (n // 6)),
    "locator: blanks before published": (
        journal.parse_locator,
        lambda n: "Volume 9" + _blanks(n) + "published",
    ),
    # scores and counts
    "rating: blanks after a score": (
        rating.parse_score_and_count,
        lambda n: "4.7" + _blanks(n) + "x",
    ),
    "rating: grouped digits": (rating.parse_count, lambda n: "1" + ",000" * (n // 4) + " x"),
    "rating: blanks in a count": (rating.parse_count, lambda n: "(" + _blanks(n) + "1 x"),
    "rating: a named score": (rating.split_named, lambda n: "Novelty " * (n // 8) + "x"),
    # DOIs
    "doi: registrant parts": (doi.parse_doi_line, lambda n: "DOI: 10.1234" + ".1" * (n // 2)),
    "doi: blanks after the label": (doi.parse_doi_line, lambda n: "doi" + _blanks(n) + "x"),
    "doi: closing brackets": (doi.parse_doi_line, lambda n: "10.1234/" + ")" * n),
    # normalize: dashes and table cells
    "normalize: blanks and dashes": (
        normalize.unify_dashes,
        lambda n: "a -" + _blanks(n) + "x" + _blanks(n) + "- b",
    ),
    "normalize: blanks without a dash": (
        normalize.unify_dashes,
        lambda n: "a - b" + " x" * (n // 2),
    ),
    "normalize: lines of blanks": (
        _text_lines,
        lambda n: ("x" + _blanks(30) + "\n") * (n // 32),
    ),
    # funding and lists (owned elsewhere; their patterns run on page text too)
    "funding: blanks before a grant word": (
        funding.parse_funding_entry,
        lambda n: "NSF" + _blanks(n) + "x",
    ),
    "funding: repeated phrase words": (
        funding.parse_funding_entry,
        lambda n: "NSF grant " + "under the " * (n // 10) + "x",
    ),
    "funding: a long marker": (funding.strip_marker, lambda n: "(" + "1" * n),
    "lists: open brackets": (lambda t: lists.parse_keywords([t]), lambda n: "(" * n + ";"),
    "authors: author commas": (authors.parse_author_line, lambda n: "A, " * (n // 3)),
    # NCBI (PubMed, PMC): the citation line, dates, pages, MeSH, grants, ids, authors
    "ncbi: citation semicolons": (ncbi.read_citation, lambda n: "J. 2019 Mar;" + "1;" * (n // 2)),
    "ncbi: citation parentheses": (
        ncbi.read_citation,
        lambda n: ". 2019;" + "(" * (n // 2) + ")" * (n // 2) + ":1-2.",
    ),
    "ncbi: citation sentences after the doi": (
        ncbi.read_citation,
        lambda n: "J. 2019;1:2. doi: 10.1000/x" + ". Epub 2019 Feb 2" * (n // 17),
    ),
    "ncbi: citation a long volume": (
        ncbi.read_citation,
        lambda n: ". 2019;" + "1" * n + "(2):3-4.",
    ),
    "ncbi: citation blanks": (ncbi.read_citation, lambda n: "J." + _blanks(n) + "2019;1:2"),
    "ncbi: citation dots": (ncbi.read_citation, lambda n: "J" + ". " * (n // 2) + "2019;1:2"),
    "ncbi: dates of many words": (ncbi.read_date, lambda n: "2019 " * (n // 5)),
    "ncbi: a long page range": (ncbi.expand_page_range, lambda n: "1" * n + "-" + "1" * n),
    "ncbi: pages with commas": (ncbi.read_pages, lambda n: "1-2," * (n // 4)),
    "ncbi: author marks": (ncbi.read_ncbi_authors, lambda n: "Ann Lee 1,2,*," * (n // 14)),
    "ncbi: authors with glued marks": (ncbi.read_ncbi_authors, lambda n: "Ann Lee1, " * (n // 10)),
    "ncbi: a long author": (ncbi.read_ncbi_authors, lambda n: "Ann " * (n // 4) + "1"),
    "ncbi: identifier pairs": (ncbi.read_ncbi_ids, lambda n: "PMID: 1 " * (n // 8)),
    "ncbi: mesh qualifiers": (ncbi.read_mesh_term, lambda n: "Liver" + " / therapy*" * (n // 11)),
    "ncbi: a long mesh descriptor": (ncbi.read_mesh_term, lambda n: "A" * n + " / therapy"),
    "ncbi: grant slashes": (ncbi.read_grant, lambda n: "R01/" * (n // 4) + "HL/NIH/United States"),
    "ncbi: a long grant id": (ncbi.read_grant, lambda n: "R" * n + "1/HL/NIH/United States"),
    "ncbi: publication types": (
        lambda t: ncbi.read_publication_types(t.split("|")),
        lambda n: "Review|" * (n // 7),
    ),
    "ncbi: short citation": (
        ncbi.read_short_citation,
        lambda n: "Ann Lee et al. " + "J. " * (n // 3),
    ),
    # api: the format sniffer (it reads the first 2 KB: the time must not grow at all)
    "api: comments before text": (looks_like_html, lambda n: "<!-- -->" * (n // 8) + "x"),
    # encoding: the declared charset (bytes; the builder's text is encoded)
    "encoding: blanks in a meta charset": (
        lambda t: declared_charset(t.encode()),
        lambda n: "<meta charset=" + _blanks(n) + "!",
    ),
}


def _cpu(call: Callable[[], object]) -> float:
    """Best of three CPU times of *call*, with the cyclic garbage collector paused.

    The collector's passes grow with the number of live objects, a property of the
    runtime rather than of the parser's algorithms.
    """
    best = float("inf")
    for _ in range(3):
        gc.collect()
        gc.disable()
        try:
            start = time.process_time()
            with contextlib.suppress(paperparse.ParseError):
                call()
            best = min(best, time.process_time() - start)
        finally:
            gc.enable()
    return best


def _time(page: str) -> float:
    """CPU seconds :func:`paperparse.parse` takes on *page* (best of three)."""
    return _cpu(lambda: paperparse.parse(page))


def _check(name: str, small: float, big: float, size: int) -> None:
    assert big < CEILING, f"{name}: {big:.1f} CPU seconds for {size:,} characters"
    ratio = big / max(small, FLOOR)
    assert ratio <= MAX_RATIO, (
        f"{name}: a {SIZE_RATIO}x larger input took {ratio:.1f}x as long "
        f"(at most {MAX_RATIO}x allowed; a linear algorithm takes about {SIZE_RATIO}x)"
    )


@pytest.mark.parametrize("name", sorted(CASES))
def test_parse_time_is_linear(name: str) -> None:
    build, large = CASES[name]
    small_page, large_page = build(large // SIZE_RATIO), build(large)
    _check(name, _time(small_page), _time(large_page), len(large_page))


@pytest.mark.parametrize("name", sorted(FAMILIES))
def test_pattern_family_is_linear(name: str) -> None:
    function, build = FAMILIES[name]
    small_text, large_text = build(64 * KB), build(MB)
    small = _cpu(lambda: function(small_text))
    big = _cpu(lambda: function(large_text))
    _check(name, small, big, len(large_text))


def test_the_bound_separates_linear_from_quadratic() -> None:
    """The test's own yardstick: a quadratic loop fails the bound, a linear one passes."""

    def quadratic(text: str) -> int:
        return sum(text.count("a", 0, i) for i in range(0, len(text), 64))

    def linear(text: str) -> int:
        return sum(1 for _ in text)

    small_text, large_text = "a" * (4 * KB), "a" * (64 * KB)
    ratio_quadratic = _cpu(lambda: quadratic(large_text)) / max(
        _cpu(lambda: quadratic(small_text)), 1e-9
    )
    assert ratio_quadratic > MAX_RATIO
    _check("linear", _cpu(lambda: linear(small_text)), _cpu(lambda: linear(large_text)), 0)
