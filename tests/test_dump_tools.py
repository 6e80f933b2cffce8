"""Dump-tool agreement: text that real tools make from our HTML fixtures parses right.

Each HTML fixture that has a text twin is turned into text by tools no one here wrote
(html2text, inscriptis, BeautifulSoup ``get_text("\\n")``, lxml ``text_content()``,
``w3m -dump``, ``lynx -dump``, ``pandoc -t plain``); the text must parse to the
fixture's record (apart from ``source`` and ``warnings``). Where a tool's output cannot
carry the record, the case is a strict xfail naming why, so a fix is noticed; and even
there, no field may hold a value that differs from the record: only empty ones.
"""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import paperparse

from .conftest import FIXTURES, expected_record


def _html2text(page: str) -> str:
    import html2text

    # Unicode kept as it is (its default writes an en dash as "-": the text changes).
    converter = html2text.HTML2Text()
    converter.unicode_snob = True
    return converter.handle(page)


def _inscriptis(page: str) -> str:
    import inscriptis

    return inscriptis.get_text(page)


def _bs4(page: str) -> str:
    from bs4 import BeautifulSoup

    return BeautifulSoup(page, "lxml").get_text("\n")


def _lxml(page: str) -> str:
    import lxml.html

    return lxml.html.fromstring(page).text_content()


def _command(*argv: str) -> Callable[[str], str]:
    def run(page: str) -> str:
        done = subprocess.run(argv, input=page.encode(), capture_output=True, check=True)
        return done.stdout.decode("utf-8", "replace")

    return run


TOOLS: dict[str, tuple[Callable[[str], str], str | None]] = {
    # name -> (page -> text, the module or command it needs)
    "html2text": (_html2text, "html2text"),
    "inscriptis": (_inscriptis, "inscriptis"),
    "bs4-get_text": (_bs4, "bs4"),
    "lxml-text_content": (_lxml, "lxml"),
    "w3m": (_command("w3m", "-dump", "-T", "text/html", "-O", "UTF-8", "-cols", "100"), "w3m"),
    "lynx": (
        _command("lynx", "-dump", "-force_html", "-stdin", "-width=100", "-display_charset=utf-8"),
        "lynx",
    ),
    "pandoc": (_command("pandoc", "-f", "html", "-t", "plain", "--wrap=auto"), "pandoc"),
}

PAGES = [
    p
    for p in sorted((FIXTURES / "html").glob("*.html"))
    if p.stem.startswith("seed-") or (FIXTURES / "peeref" / f"{p.stem}.txt").is_file()
]

_HIDDEN = "the tool shows elements hidden with the hidden attribute (the page's junk)"
_RELATED = "the page's related-papers sidebar holds a section and a rating block of its own"
_GLUED = "the tool glues adjacent blocks into one line: the layout is lost"
_SPLIT = "get_text('\\n') splits inline elements and source line breaks onto lines"
_TABLE = "a table laid out as text puts a multi-row cell's label in its middle row"
_SUP = "the tool writes <sup> as Unicode superscripts (N⁶, cm⁻²): the text is not the page's"

#: (tool, page) -> why the tool's text cannot carry the page's record today.
KNOWN_FAILURES: dict[tuple[str, str], str] = {
    ("bs4-get_text", "grant-forms"): _SPLIT,
    ("bs4-get_text", "rating-with-count-and-secondary"): _RELATED,
    ("bs4-get_text", "seed-cards"): _HIDDEN,
    ("html2text", "grant-forms"): _TABLE,
    ("html2text", "seed-dl"): _HIDDEN,
    ("html2text", "seed-table"): _HIDDEN,
    ("inscriptis", "dashes-in-ranges"): _GLUED,
    ("inscriptis", "no-funding-several-authors"): _HIDDEN,
    ("inscriptis", "seed-dl"): _HIDDEN,
    ("inscriptis", "seed-table"): _HIDDEN,
    ("lxml-text_content", "dashes-in-ranges"): _GLUED,
    ("lxml-text_content", "grant-forms"): _GLUED,
    ("lxml-text_content", "no-funding-several-authors"): _HIDDEN,
    ("lxml-text_content", "seed-cards"): _HIDDEN,
    ("lxml-text_content", "seed-dl"): _HIDDEN,
    ("lxml-text_content", "seed-inline"): _HIDDEN,
    ("lxml-text_content", "seed-table"): _HIDDEN,
    ("lxml-text_content", "unicode-title"): _HIDDEN,
    ("lynx", "grant-forms"): _TABLE,
    ("lynx", "seed-dl"): _HIDDEN,
    ("lynx", "seed-table"): _HIDDEN,
    ("pandoc", "grant-forms"): _SUP,
    ("pandoc", "rating-with-count-and-secondary"): _SUP,
    ("pandoc", "seed-dl"): _TABLE,
    ("pandoc", "seed-table"): _TABLE,
    ("w3m", "seed-dl"): _HIDDEN,
    ("w3m", "seed-table"): _HIDDEN,
}


def _available(need: str | None) -> bool:
    if need is None:
        return True
    if shutil.which(need):
        return True
    try:
        __import__(need)
    except ImportError:
        return False
    return True


def tool_cases(pages: list[Path], known: dict[tuple[str, str], str]) -> list[Any]:
    """One case per tool and page: skipped without the tool, a strict xfail if *known*."""
    cases = []
    for tool, (_, need) in TOOLS.items():
        for page in pages:
            marks = []
            if not _available(need):
                marks.append(pytest.mark.skip(reason=f"{need} is not installed"))
            elif (tool, page.stem) in known:
                marks.append(pytest.mark.xfail(strict=True, reason=known[(tool, page.stem)]))
            cases.append(pytest.param(tool, page, marks=marks, id=f"{tool}-{page.stem}"))
    return cases


def _without_hidden(page: str) -> str:
    """*page* without its ``hidden`` elements, which text tools show but a browser does not.

    The fixtures hide junk (a second Keywords line, a funding list) to test the HTML
    path; in a tool's text no reader could tell that junk from the page.
    """
    import lxml.html

    root = lxml.html.document_fromstring(page)
    for element in root.xpath("//*[@hidden]"):
        element.drop_tree()
    return lxml.html.tostring(root, encoding="unicode")


def _records(tool: str, page: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    expected = expected_record(page)
    text = TOOLS[tool][0](_without_hidden(page.read_text(encoding="utf-8")))
    try:
        actual = paperparse.to_dict(paperparse.parse(text, format="text"))
    except paperparse.ParseError as error:
        pytest.fail(f"{tool} text of {page.name} did not parse: {error}")
    return expected, actual


def test_there_are_pages_and_tools() -> None:
    assert len(PAGES) >= 9


@pytest.mark.parametrize(("tool", "page"), tool_cases(PAGES, KNOWN_FAILURES))
def test_tool_text_parses_to_the_record(tool: str, page: Path) -> None:
    expected, actual = _records(tool, page)
    for key in ("source", "warnings"):
        expected.pop(key)
        actual.pop(key)
    assert actual == expected


def _wrong(expected: Any, actual: Any, where: str) -> list[str]:
    if actual in (None, [], {}):
        return []
    if isinstance(expected, dict) and isinstance(actual, dict):
        return [
            w for key in actual for w in _wrong(expected.get(key), actual[key], f"{where}.{key}")
        ]
    if isinstance(expected, list) and isinstance(actual, list) and len(expected) == len(actual):
        return [w for e, a in zip(expected, actual, strict=True) for w in _wrong(e, a, where)]
    if expected == actual or _same_text(expected, actual):
        return []
    return [f"{where}: {actual!r} (the page says {expected!r})"]


def _same_text(expected: Any, actual: Any) -> bool:
    """Whether two strings are the same text in two forms.

    pandoc writes ``N<sup>6</sup>`` as ``N⁶`` and ``cm<sup>-2</sup>`` as ``cm⁻²``, where
    the HTML path reads ``N6`` and ``cm-2``: the same characters in superscript form
    (Unicode's compatibility decomposition, NFKC, maps one to the other). A value a
    tool gives in that form is not a wrong value; the record test still lists it.
    """
    if not isinstance(expected, str) or not isinstance(actual, str):
        return False

    def form(text: str) -> str:
        return unicodedata.normalize("NFKC", text).replace("\u2212", "-")

    return form(expected) == form(actual) and expected != actual


@pytest.mark.parametrize(("tool", "page"), tool_cases(PAGES, {}))  # no case may give a wrong value
def test_tool_text_never_gives_a_wrong_value(tool: str, page: Path) -> None:
    text = TOOLS[tool][0](_without_hidden(page.read_text(encoding="utf-8")))
    try:
        paperparse.parse(text, format="text")
    except paperparse.ParseError:
        return  # refusing the page gives no value, so no wrong one
    expected, actual = _records(tool, page)
    wrong = [
        w
        for key in expected
        if key not in ("source", "warnings", "actions")
        for w in _wrong(expected[key], actual[key], key)
    ]
    assert not wrong, "\n".join(wrong)
