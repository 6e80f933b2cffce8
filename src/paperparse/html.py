"""HTML -> numbered text lines (with lxml), plus the metadata embedded in the page.

The visible text of the page is cut into lines the way a browser lays it out: every
block-level element, ``<br>``, list item, table cell and ``<dt>``/``<dd>`` ends a line;
inline elements never split a value. Invisible parts (``script``, ``style``, ``head``,
``hidden`` elements …) and page chrome (``nav``, ``aside``, site header and footer,
cookie banners) are dropped first. The lines then go through the same section parser
as a text dump (:mod:`paperparse.sections`).

Only C-level lxml operations touch every element (XPath, ``strip_elements``,
``iter``, ``itertext``); Python code runs once per block element, not per node.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, Final, cast

from lxml import etree

from .errors import EmptyInput
from .metadata import Metadata, read_metadata
from .normalize import WIDGET, Line, clean
from .xpath import elements, line_of

#: Elements whose content is never visible text.
INVISIBLE: Final = (
    "head",
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "math",
    "iframe",
    "object",
    "embed",
    "canvas",
    "select",
    "textarea",
    "input",
)

#: Elements that end a line before and after them.
BLOCKS: Final = (
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "button",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "legend",
    "li",
    "main",
    "nav",
    "ol",
    "option",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
)

_CHROME_CLASSES: Final = (
    "cookie",
    "consent",
    "gdpr",
    "navbar",
    "breadcrumb",
    "sidebar",
    "site-header",
    "site-footer",
    "skip-link",
)

#: Page chrome and hidden elements, removed before the text is read. One predicate
#: over every element (a single document scan), not a union of paths.
_CHROME: Final = etree.XPath(
    "//*["
    + " or ".join(
        [
            "self::nav",
            "self::aside",
            "@hidden",
            "(@style and (contains(translate(@style, ' ', ''), 'display:none')"
            " or contains(translate(@style, ' ', ''), 'visibility:hidden')))",
            "(@role and (@role='navigation' or @role='banner' or @role='contentinfo'"
            " or @role='complementary' or @role='dialog' or @role='alertdialog'))",
            "((self::header or self::footer) and not(ancestor::article or ancestor::main))",
            "(@class and ("
            + " or ".join(f"contains(@class, '{c}')" for c in _CHROME_CLASSES)
            + "))",
            "(@id and (" + " or ".join(f"contains(@id, '{c}')" for c in _CHROME_CLASSES) + "))",
        ]
    )
    + "]"
)

#: Rating widgets: a score or count carried by an attribute rather than by text.
_WIDGETS: Final = etree.XPath(
    "//*[@data-score or @data-rating"
    " or (@itemprop='ratingValue' and @content)"
    " or ((@itemprop='ratingCount' or @itemprop='reviewCount') and @content)"
    " or (@aria-valuenow and (contains(@class, 'rating') or contains(@class, 'star')"
    " or contains(@aria-label, 'ating')))"
    " or (contains(@style, 'width') and contains(@class, 'star'))]"
)
_PERCENT: Final = re.compile(r"width\s*:\s*(\d{1,3}(?:\.\d+)?)\s*%")
_PERCENT_TO_SCORE: Final = 20.0

# Private-use characters carry line breaks and each block's source line through
# ``itertext``: a newline inside HTML text is only a space.
_BREAK: Final = "\ue003"
_MARK_OPEN: Final = "\ue000"
_MARK_CLOSE: Final = "\ue001"
_MARK: Final = re.compile("\ue000(\\d+)\ue001")
#: lxml refuses to set text holding C0 control characters (other than tab, newline and
#: carriage return). As on the text path, the ones that are whitespace (vertical tab,
#: form feed, the separators 0x1C-0x1F) become spaces and the others are not shown.
_XML_SAFE: Final[dict[int, str | None]] = {
    **dict.fromkeys([*range(0x00, 0x09), *range(0x0E, 0x1C)], None),
    **dict.fromkeys([0x0B, 0x0C, *range(0x1C, 0x20)], " "),
}
_NO_MARKS: Final[dict[int, str | None]] = {
    **_XML_SAFE,
    **dict.fromkeys(map(ord, _MARK_OPEN + _MARK_CLOSE + WIDGET + _BREAK), None),
}


def _safe(text: str | None) -> str:
    return text.translate(_XML_SAFE) if text else ""


def _parser() -> etree.HTMLParser:
    # A new parser per call: lxml parsers are not safe to share between threads.
    # lxml.etree's parser, not lxml.html's: plain elements need no per-element class
    # lookup in Python.
    return etree.HTMLParser(
        encoding="utf-8",
        remove_comments=True,
        remove_pis=True,
        no_network=True,
        huge_tree=True,
        recover=True,
        compact=True,
    )


def parse_html(text: str) -> tuple[list[Line], Metadata]:
    """Turn an HTML page into numbered visible lines and its embedded metadata.

    Line numbers are the source lines of the block elements the text stands in.

    >>> lines, meta = parse_html("<html><body><nav>Home</nav><h1>A <i>b</i></h1>"
    ...                          "<p>c<br>d</p></body></html>")
    >>> lines
    [(1, 'A b'), (1, 'c'), (1, 'd')]
    """
    data = text.translate(_NO_MARKS).encode("utf-8", "replace")
    parser = _parser()
    try:
        root = etree.fromstring(data, parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        root = None
    if root is None:
        raise EmptyInput("The input is HTML without any content; expected a paper page.") from None
    if any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log):
        return _parse_deep(data), Metadata()
    metadata = read_metadata(root)
    etree.strip_elements(root, *INVISIBLE, with_tail=False)
    for element in elements(_CHROME, root):
        _drop(element)
    for element in elements(_WIDGETS, root):
        if (widget := _widget(element)) is not None:
            element.text = f"{_BREAK}{WIDGET}{widget}{_BREAK}{_safe(element.text)}"
    for element in root.iter(*BLOCKS):
        line = line_of(element) or 0
        element.text = f"{_BREAK}{_MARK_OPEN}{line}{_MARK_CLOSE}{_safe(element.text)}"
        element.tail = _BREAK + _safe(element.tail)
    for element in root.iter("br"):
        element.tail = _BREAK + _safe(element.tail)
    return _lines("".join(cast("Iterator[str]", root.itertext()))), metadata


def _drop(element: etree._Element) -> None:
    """Remove *element* and its content, keeping the text that follows it."""
    parent = element.getparent()
    if parent is None:
        return  # the root, or inside an element removed already
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = _safe(previous.tail) + _safe(element.tail)
        else:
            parent.text = _safe(parent.text) + _safe(element.tail)
    parent.remove(element)


def _widget(element: etree._Element) -> str | None:
    """The line that stands for a rating widget: ``score 4.5`` or ``count 9``."""
    prop = element.get("itemprop")
    if prop in ("ratingCount", "reviewCount"):
        count = clean(element.get("content") or "")
        return f"count {count}" if count.isdigit() else None
    for attribute in ("data-score", "data-rating", "aria-valuenow", "content"):
        if (value := element.get(attribute)) is not None:
            return f"score {clean(value)}"
    if (width := _PERCENT.search(element.get("style") or "")) is not None:
        return f"score {round(float(width[1]) / _PERCENT_TO_SCORE, 2)}"
    return None


def _lines(text: str) -> list[Line]:
    out: list[Line] = []
    number = 1
    for raw in text.split(_BREAK):
        if _MARK_OPEN in raw:
            found = _MARK.search(raw)
            if found is not None and int(found[1]):
                number = int(found[1])
            raw = _MARK.sub("", raw)
        if WIDGET in raw:
            out.append((number, WIDGET + clean(raw.replace(WIDGET, ""))))
        elif cleaned := clean(raw):
            out.append((number, cleaned))
    return out


class _Collector:
    """An lxml parser target: streams the text of a page too deep for a tree."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.skip = 0

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        if self.skip or tag in INVISIBLE or tag in ("nav", "aside") or "hidden" in attrib:
            self.skip += 1
        elif tag in BLOCKS or tag == "br":
            self.parts.append(_BREAK)

    def end(self, tag: str) -> None:
        if self.skip:
            self.skip -= 1
        elif tag in BLOCKS:
            self.parts.append(_BREAK)

    def data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)

    def close(self) -> str:
        return "".join(self.parts)


def _parse_deep(data: bytes) -> list[Line]:
    """Read a page nested deeper than lxml builds trees, as a stream (no line numbers)."""
    collector = _Collector()
    parser = etree.HTMLParser(
        encoding="utf-8",
        target=cast("Any", collector),
        no_network=True,
        huge_tree=True,
        recover=True,
    )
    text = cast("str", etree.fromstring(data, parser))
    return [(0, cleaned) for raw in text.split(_BREAK) if (cleaned := clean(raw))]
